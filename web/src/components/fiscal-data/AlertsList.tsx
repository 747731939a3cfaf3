import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type FiscalAlert, isAlertKind } from '../../api/fiscal-data.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useLang } from '../../lib/session.tsx';
import { Section } from './Section.tsx';

const FIRST = 10;
const str = (v: unknown) => (v === undefined || v === null ? '—' : String(v));

/** The alert's detail in words, per kind (the shapes of application/intake-flush.ts and intake-shifts.ts). */
function AlertDetail({ alert }: { alert: FiscalAlert }) {
  const { t } = useTranslation();
  const lang = useLang();
  const d = alert.detail ?? {};
  switch (alert.kind) {
    case 'GAP':
      return (
        <Text size="sm">
          {d.missingFrom === d.missingTo
            ? t('fiscalData.detail.gapOne', { from: str(d.missingFrom) })
            : t('fiscalData.detail.gap', { from: str(d.missingFrom), to: str(d.missingTo) })}
        </Text>
      );
    case 'CHAIN_BREAK':
      return (
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {t('fiscalData.detail.chain', { at: str(d.at), expected: str(d.expectedPrev), got: str(d.got) })}
        </Text>
      );
    case 'NUMBER_REUSED':
      return <Text size="sm">{t('fiscalData.detail.reused')}</Text>;
    case 'OFFLINE_LATE':
      return (
        <Text size="sm">
          {t('fiscalData.detail.offlineLate', { since: formatDateTime(str(d.offlineSince), lang), received: formatDateTime(str(d.receivedAt), lang) })}
        </Text>
      );
    case 'Z_REPORT_MISSING':
      return <Text size="sm">{t('fiscalData.detail.zMissing', { shift: str(d.shiftNumber) })}</Text>;
    case 'Z_MISMATCH':
      // The differences themselves are shown once, under the shift in the table below.
      return (
        <Text size="sm">{t('fiscalData.detail.zMismatch', { shift: str(d.shiftNumber), count: Array.isArray(d.differences) ? d.differences.length : 0 })}</Text>
      );
    case 'SHIFT_TOO_LONG':
      return (
        <Text size="sm">
          {t('fiscalData.detail.shiftLong', {
            shift: str(d.shiftNumber),
            opened: formatDateTime(str(d.openedAt), lang),
            closed: formatDateTime(str(d.closedAt), lang),
          })}
        </Text>
      );
    default:
      // FORGED_FISCAL_SIGN, FORGED_DOCUMENT, PROHIBITED_USE: the refusal code, with the problems when the check gave them.
      return d.code ? (
        <Text size="sm" ff="monospace">
          {t('fiscalData.detail.refused', { code: str(d.code) })}
          {Array.isArray(d.problems)
            ? ` · ${d.problems.map((p: { field?: string; code?: string }) => `${p.field ?? ''} ${p.code ?? ''}`.trim()).join(', ')}`
            : ''}
        </Text>
      ) : null;
  }
}

function AlertRow({ alert }: { alert: FiscalAlert }) {
  const { t } = useTranslation();
  const lang = useLang();
  const isOpen = alert.resolvedAt === null;
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      data-testid="alert"
      data-kind={alert.kind}
      data-open={isOpen ? 'true' : 'false'}
      style={isOpen ? { borderLeft: '4px solid var(--mantine-color-red-filled)' } : undefined}
    >
      <Stack gap={4}>
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Text fw={700} c={isOpen ? 'red.8' : undefined}>
            {isAlertKind(alert.kind) ? t(`alertKind.${alert.kind}`) : alert.kind}
          </Text>
          {isOpen ? (
            <Badge color="red" variant="filled">
              {t('fiscalData.open')}
            </Badge>
          ) : (
            <Badge color="gray" variant="light">
              {t('fiscalData.resolved', { date: formatDateTime(alert.resolvedAt, lang) })}
            </Badge>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          {alert.number === null
            ? formatDateTime(alert.raisedAt, lang)
            : t('fiscalData.raised', { date: formatDateTime(alert.raisedAt, lang), number: alert.number })}
        </Text>
        <AlertDetail alert={alert} />
      </Stack>
    </Paper>
  );
}

/** Alerts the intake raised for this register: open ones first, then the resolved, newest first. */
export function AlertsList({ alerts }: { alerts: readonly FiscalAlert[] }) {
  const { t } = useTranslation();
  const [isAll, setAll] = useState(false);
  const sorted = [...alerts].sort((a, b) => Number(a.resolvedAt !== null) - Number(b.resolvedAt !== null) || b.raisedAt.localeCompare(a.raisedAt));
  const open = alerts.filter((a) => a.resolvedAt === null).length;
  const shown = isAll ? sorted : sorted.slice(0, FIRST);
  return (
    <Section
      title={t('fiscalData.alerts')}
      testId="alerts"
      aside={
        alerts.length > 0 && (
          <Badge color={open > 0 ? 'red' : 'gray'} variant="light" size="lg">
            {t('fiscalData.openCount', { count: open })}
          </Badge>
        )
      }
    >
      {alerts.length === 0 ? (
        <Text c="dimmed">{t('fiscalData.noAlerts')}</Text>
      ) : (
        <Stack gap="xs">
          {shown.map((a) => (
            <AlertRow key={a.id} alert={a} />
          ))}
          {sorted.length > FIRST && (
            <Group>
              <Button variant="subtle" onClick={() => setAll((v) => !v)}>
                {isAll ? t('fiscalData.showLess') : t('fiscalData.showAll', { count: sorted.length })}
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </Section>
  );
}
