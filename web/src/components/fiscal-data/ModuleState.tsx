import { Alert, Badge, List, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegisterIntegrity } from '../../api/fiscal-data.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useLang } from '../../lib/session.tsx';
import { Section } from './Section.tsx';

/** p.36: offline data must reach the operator within 24 hours of the first offline document. */
const OFFLINE_LIMIT_MS = 24 * 3_600_000;

function Stat({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Paper bg="gray.0" radius="md" p="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} fz={{ base: 17, sm: 20 }} data-testid={testId}>
        {children}
      </Text>
    </Paper>
  );
}

/** What the module has sent, whether it is online, and any holes in its numbering (highlighted). */
export function ModuleState({ data, now = Date.now() }: { data: RegisterIntegrity; now?: number }) {
  const { t } = useTranslation();
  const lang = useLang();
  const offlineFor = data.offlineSince ? now - Date.parse(data.offlineSince) : 0;
  const isOfflineLate = offlineFor > OFFLINE_LIMIT_MS;
  return (
    <Section title={t('fiscalData.state', { fm: data.fiscalModuleNumber })} testId="module-state">
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
        <Stat label={t('fiscalData.received')} testId="received-count">
          {data.receivedCount}
        </Stat>
        <Stat label={t('fiscalData.maxNumber')} testId="max-number">
          {data.maxNumber}
        </Stat>
        <Stat label={t('fiscalData.lastReceived')}>{formatDateTime(data.lastReceivedAt, lang)}</Stat>
        <Stat label={t('fiscalData.connection')}>
          {data.offlineSince ? (
            <Stack gap={2} component="span">
              <Badge color={isOfflineLate ? 'red' : 'yellow'} variant="filled" size="lg" data-testid="offline">
                {t('fiscalData.offlineSince', { date: formatDateTime(data.offlineSince, lang) })}
              </Badge>
              {isOfflineLate && (
                <Text span size="xs" c="red.8" fw={600}>
                  {t('fiscalData.offlineOver')}
                </Text>
              )}
            </Stack>
          ) : (
            <Badge color="teal" variant="light" size="lg">
              {t('fiscalData.online')}
            </Badge>
          )}
        </Stat>
      </SimpleGrid>
      {data.receivedCount === 0 ? (
        <Text c="dimmed">{t('fiscalData.nothingYet')}</Text>
      ) : data.gaps.length > 0 ? (
        <Alert color="red" variant="filled" title={t('fiscalData.gaps')} data-testid="gaps">
          <Text size="sm">{t('fiscalData.gapsText')}</Text>
          <List size="sm" mt={4}>
            {data.gaps.map((g) => (
              <List.Item key={g.from}>
                <Text span fw={700} ff="monospace">
                  {g.from === g.to ? t('fiscalData.gapOne', { from: g.from }) : t('fiscalData.gapRange', { from: g.from, to: g.to, count: g.to - g.from + 1 })}
                </Text>
              </List.Item>
            ))}
          </List>
        </Alert>
      ) : (
        <Text c="teal.8" fw={600} data-testid="no-gaps">
          ✓ {t('fiscalData.noGaps', { max: data.maxNumber })}
        </Text>
      )}
    </Section>
  );
}
