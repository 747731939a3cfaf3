import { Badge, Group, NativeSelect, Stack, Switch, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import type { Model } from '../api/types.gen.ts';
import { formatDate } from '../lib/format.ts';
import { useLang } from '../lib/session.tsx';
import { useApi } from '../lib/use-api.ts';
import { Loadable } from './feedback.tsx';

/** "May be used" (p.3): in the registry with a certificate valid today. */
export function UsableBadge({ model }: { model: Model }) {
  const { t } = useTranslation();
  const isUsable = model.isUsable ?? model.status === 'included';
  const badge = (
    <Badge color={isUsable ? 'teal' : 'red'} variant={isUsable ? 'filled' : 'light'} data-testid="usable-badge">
      {isUsable ? t('model.usable') : t('model.notUsable')}
    </Badge>
  );
  return !isUsable && model.unusableReason ? <Tooltip label={model.unusableReason}>{badge}</Tooltip> : badge;
}

type Filter = { kind: 'all' | 'online' | 'virtual'; q: string; isUsableOnly: boolean };

/** The state registry of models and programs, filterable; `action` adds a column (e.g. exclude). */
export function ModelsTable({ action, reloadKey = 0 }: { action?: (m: Model) => ReactNode; reloadKey?: number }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [filter, setFilter] = useState<Filter>({ kind: 'all', q: '', isUsableOnly: false });
  const [q] = useDebouncedValue(filter.q, 250);
  const models = useApi(
    () =>
      api('GET /api/public/models', {
        query: { kind: filter.kind === 'all' ? undefined : filter.kind, q: q.trim() || undefined, isUsable: filter.isUsableOnly || undefined },
      }),
    [filter.kind, q, filter.isUsableOnly, reloadKey],
  );

  return (
    <Stack>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          label={t('action.search')}
          placeholder={t('model.searchHint')}
          value={filter.q}
          onChange={(e) => setFilter({ ...filter, q: e.currentTarget.value })}
          w={{ base: '100%', sm: 280 }}
        />
        <NativeSelect
          label={t('model.kind')}
          value={filter.kind}
          onChange={(e) => {
            const v = e.currentTarget.value;
            setFilter({ ...filter, kind: v === 'online' || v === 'virtual' ? v : 'all' });
          }}
          data={[
            { value: 'all', label: t('state.all') },
            { value: 'online', label: t('kind.online') },
            { value: 'virtual', label: t('kind.virtual') },
          ]}
          w={{ base: '100%', sm: 260 }}
        />
        <Switch
          label={t('model.usableOnly')}
          checked={filter.isUsableOnly}
          onChange={(e) => setFilter({ ...filter, isUsableOnly: e.currentTarget.checked })}
          mb={6}
        />
      </Group>
      <Loadable state={models} isEmpty={(d) => d.length === 0}>
        {(data) => (
          <Table.ScrollContainer minWidth={760}>
            <Table striped highlightOnHover verticalSpacing="sm" data-testid="models-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('model.name')}</Table.Th>
                  <Table.Th>{t('model.kind')}</Table.Th>
                  <Table.Th>{t('model.manufacturer')}</Table.Th>
                  <Table.Th>{t('model.certificate')}</Table.Th>
                  <Table.Th>{t('model.status')}</Table.Th>
                  {action && <Table.Th aria-label={t('action.details')} />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.map((m) => (
                  <Table.Tr key={m.id}>
                    <Table.Td>
                      <Text fw={600}>{m.name}</Text>
                      <Text size="xs" c="dimmed">
                        {t('model.version')} {m.version}
                      </Text>
                    </Table.Td>
                    <Table.Td>{t(`kind.${m.kind}`)}</Table.Td>
                    <Table.Td>{m.manufacturer}</Table.Td>
                    <Table.Td>
                      <Text size="sm">№ {m.certificateNumber}</Text>
                      <Text size="xs" c="dimmed">
                        {m.certificateIssuer} · {formatDate(m.certificateValidFrom, lang)} – {formatDate(m.certificateValidTo, lang)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={4} align="flex-start">
                        <UsableBadge model={m} />
                        {m.status === 'excluded' && (
                          <Text size="xs" c="dimmed">
                            {t('model.excludedOn', { date: formatDate(m.excludedOn, lang) })}
                            {m.exclusionReason ? `: ${m.exclusionReason}` : ''}
                          </Text>
                        )}
                      </Stack>
                    </Table.Td>
                    {action && <Table.Td>{action(m)}</Table.Td>}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Loadable>
    </Stack>
  );
}
