import { Anchor, Badge, Card, Group, NativeSelect, SimpleGrid, Stack, Table, Tabs, Text, Tooltip } from '@mantine/core';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { Loadable, PageHeader } from '../../components/feedback.tsx';
import { formatDateTime, formatMonth, localised, todayInDushanbe } from '../../lib/format.ts';
import { Link } from '../../lib/router.tsx';
import { useLang } from '../../lib/session.tsx';
import { useApi } from '../../lib/use-api.ts';
import { type DashboardRow, isRegion, monthsUpTo, REGIONS } from './model.ts';
import { useDuration } from './parts.tsx';

const REFRESH_MS = 30_000;
type Dimension = 'service' | 'unit' | 'region' | 'channel';
/** The queue filter each breakdown row narrows to. */
const QUEUE_FILTER: Record<Dimension, string> = { service: 'serviceKey', unit: 'unitCode', region: 'region', channel: 'channel' };

function queueHref(state: string, region: string, extra?: [string, string]): string {
  const q = new URLSearchParams({ state });
  if (region) q.set('region', region);
  if (extra) q.set(extra[0], extra[1]);
  return `/services/queue?${q}`;
}

function Figure({
  label,
  value,
  hint,
  href,
  color,
  testId,
}: {
  label: string;
  value: ReactNode;
  hint?: string;
  href?: string;
  color?: string;
  testId: string;
}) {
  const body = (
    <Text fz={30} fw={700} lh={1.1} c={color} data-testid={testId}>
      {value}
    </Text>
  );
  return (
    <Card withBorder radius="md" padding="md">
      <Stack gap={4}>
        <Text size="sm" c="dimmed">
          {label}
        </Text>
        {href ? (
          <Anchor component={Link} to={href} underline="hover" c={color ?? 'var(--mantine-color-text)'} data-testid={`${testId}-link`}>
            {body}
          </Anchor>
        ) : (
          body
        )}
        {hint && (
          <Text size="xs" c="dimmed">
            {hint}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

const percent = (rate: number | null, lang: string) =>
  rate === null ? '—' : new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'ru-RU', { style: 'percent', maximumFractionDigits: 1 }).format(rate);

/** Breached and at-risk first (the server sorts so; kept here so a table never depends on it). */
const byUrgency = (a: DashboardRow, b: DashboardRow) => b.breached - a.breached || b.atRisk - a.atRisk || b.late - a.late || a.key.localeCompare(b.key);

function Breakdown({ rows, dimension, region }: { rows: readonly DashboardRow[]; dimension: Dimension; region: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const duration = useDuration();
  if (rows.length === 0)
    return (
      <Text c="dimmed" ta="center" py="lg">
        {t('svc.dashboard.noData')}
      </Text>
    );
  const link = (row: DashboardRow, state: string, n: number, color?: string) =>
    n > 0 ? (
      <Anchor component={Link} to={queueHref(state, dimension === 'region' ? '' : region, [QUEUE_FILTER[dimension], row.key])} c={color} fw={600}>
        {n}
      </Anchor>
    ) : (
      <Text span c="dimmed">
        0
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={980}>
      <Table striped highlightOnHover verticalSpacing="xs" data-testid={`dash-by-${dimension}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t(`svc.field.${dimension}`)}</Table.Th>
            <Table.Th ta="right">{t('svc.dashboard.open')}</Table.Th>
            <Table.Th ta="right">{t('svc.dashboard.atRisk')}</Table.Th>
            <Table.Th ta="right">{t('svc.dashboard.breached')}</Table.Th>
            <Table.Th ta="right">{t('svc.dashboard.suspended')}</Table.Th>
            <Table.Th ta="right">{t('svc.dashboard.awaitingDocuments')}</Table.Th>
            <Table.Th ta="right">{t('svc.dashboard.closed')}</Table.Th>
            <Table.Th ta="right">{t('svc.dashboard.late')}</Table.Th>
            <Table.Th ta="right">{t('svc.dashboard.onTimeRate')}</Table.Th>
            <Table.Th ta="right">{t('svc.dashboard.median')}</Table.Th>
            <Table.Th ta="right">{t('svc.dashboard.p95')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...rows].sort(byUrgency).map((r) => (
            <Table.Tr key={r.key} data-testid={`dash-row-${dimension}-${r.key}`} bg={r.breached > 0 ? 'var(--mantine-color-red-light)' : undefined}>
              <Table.Td maw={420}>
                <Group gap={6} wrap="nowrap" align="flex-start">
                  {dimension === 'service' && (
                    <Badge variant="outline" color="gray" ff="monospace" size="sm" style={{ flexShrink: 0 }}>
                      {r.key}
                    </Badge>
                  )}
                  <Text size="sm" lineClamp={2} title={localised(r.name, lang)}>
                    {localised(r.name, lang)}
                  </Text>
                </Group>
              </Table.Td>
              <Table.Td ta="right" data-col="open">
                {link(r, 'open', r.open)}
              </Table.Td>
              <Table.Td ta="right" data-col="atRisk">
                {link(r, 'at_risk', r.atRisk, 'orange.8')}
              </Table.Td>
              <Table.Td ta="right" data-col="breached">
                {link(r, 'breached', r.breached, 'red.8')}
              </Table.Td>
              <Table.Td ta="right" data-col="suspended">
                {link(r, 'suspended', r.suspended)}
              </Table.Td>
              <Table.Td ta="right" data-col="awaitingDocuments">
                {link(r, 'awaiting_documents', r.awaitingDocuments)}
              </Table.Td>
              <Table.Td ta="right" data-col="closed">
                {r.closed}
              </Table.Td>
              <Table.Td ta="right" data-col="late" c={r.late > 0 ? 'red.8' : undefined}>
                {r.late}
              </Table.Td>
              <Table.Td ta="right" data-col="onTimeRate">
                {percent(r.onTimeRate, lang)}
              </Table.Td>
              <Table.Td ta="right" data-col="median" style={{ whiteSpace: 'nowrap' }}>
                {duration(r.medianSeconds)}
              </Table.Td>
              <Table.Td ta="right" data-col="p95" style={{ whiteSpace: 'nowrap' }}>
                {duration(r.p95Seconds)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * The live compliance dashboard of the Taxpayer Services Department (TS-32, TS-07, A1 p.3): what is
 * open, at risk, breached and waiting now, and what closed in the chosen months with its on-time
 * rate and its median and 95th-percentile net completion time, per service, unit, region and channel.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const duration = useDuration();
  const current = todayInDushanbe().slice(0, 7);
  const months = monthsUpTo(current, 24);
  const [from, setFrom] = useState(current);
  const [to, setTo] = useState(current);
  const [region, setRegion] = useState('');
  const dashboard = useApi(
    () => api('GET /api/tax-services/dashboard', { query: { from, to, region: isRegion(region) ? region : undefined } }),
    [from, to, region],
  );
  const { reload } = dashboard;
  useEffect(() => {
    const timer = window.setInterval(reload, REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [reload]);
  const monthOptions = months.map((m) => ({ value: m, label: formatMonth(m, lang) }));
  return (
    <Stack>
      <PageHeader
        title={t('svc.dashboard.title')}
        subtitle={t('svc.dashboard.subtitle')}
        actions={
          <Group gap="sm" align="flex-end" wrap="wrap">
            <NativeSelect
              label={t('svc.dashboard.from')}
              value={from}
              onChange={(e) => {
                const v = e.currentTarget.value;
                setFrom(v);
                if (v > to) setTo(v);
              }}
              data={monthOptions}
              data-testid="dash-from"
            />
            <NativeSelect
              label={t('svc.dashboard.to')}
              value={to}
              onChange={(e) => {
                const v = e.currentTarget.value;
                setTo(v);
                if (v < from) setFrom(v);
              }}
              data={monthOptions}
              data-testid="dash-to"
            />
            <NativeSelect
              label={t('svc.dashboard.region')}
              value={region}
              onChange={(e) => setRegion(e.currentTarget.value)}
              data={[{ value: '', label: t('svc.dashboard.allRegions') }, ...REGIONS.map((r) => ({ value: r, label: t(`svc.region.${r}`) }))]}
              data-testid="dash-region"
            />
          </Group>
        }
      />
      <Loadable state={dashboard}>
        {(d) => (
          <Stack>
            <Text size="xs" c="dimmed" data-testid="dash-updated">
              {t('svc.dashboard.updated', { at: formatDateTime(d.at, lang) })} · {t('svc.sla.zone')}
            </Text>
            <Text fw={600} size="sm" tt="uppercase" c="dimmed">
              {t('svc.dashboard.now')}
            </Text>
            <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }}>
              <Figure label={t('svc.dashboard.open')} value={d.totals.open} href={queueHref('open', region)} testId="dash-open" />
              <Figure
                label={t('svc.dashboard.atRisk')}
                value={d.totals.atRisk}
                href={queueHref('at_risk', region)}
                color={d.totals.atRisk > 0 ? 'orange.8' : undefined}
                testId="dash-at-risk"
              />
              <Figure
                label={t('svc.dashboard.breached')}
                value={d.totals.breached}
                href={queueHref('breached', region)}
                color={d.totals.breached > 0 ? 'red.8' : undefined}
                testId="dash-breached"
              />
              <Figure label={t('svc.dashboard.suspended')} value={d.totals.suspended} href={queueHref('suspended', region)} testId="dash-suspended" />
              <Figure
                label={t('svc.dashboard.awaitingDocuments')}
                value={d.totals.awaitingDocuments}
                href={queueHref('awaiting_documents', region)}
                testId="dash-awaiting"
              />
            </SimpleGrid>
            <Text fw={600} size="sm" tt="uppercase" c="dimmed">
              {t('svc.dashboard.period')}: {from === to ? formatMonth(from, lang) : `${formatMonth(d.from, lang)} – ${formatMonth(d.to, lang)}`}
            </Text>
            <SimpleGrid cols={{ base: 2, sm: 4 }}>
              <Figure
                label={t('svc.dashboard.closed')}
                value={d.totals.closed}
                hint={d.totals.closedAfterSuspension > 0 ? t('svc.dashboard.afterSuspension', { count: d.totals.closedAfterSuspension }) : undefined}
                testId="dash-closed"
              />
              <Figure
                label={t('svc.dashboard.onTimeRate')}
                value={percent(d.totals.onTimeRate, lang)}
                hint={d.totals.closed > 0 ? `${t('svc.dashboard.late')}: ${d.totals.late}` : undefined}
                color={d.totals.onTimeRate !== null && d.totals.onTimeRate < 1 ? 'red.8' : undefined}
                testId="dash-on-time"
              />
              <Tooltip label={t('svc.dashboard.medianHint')}>
                <div>
                  <Figure label={t('svc.dashboard.median')} value={duration(d.totals.medianSeconds)} testId="dash-median" />
                </div>
              </Tooltip>
              <Tooltip label={t('svc.dashboard.medianHint')}>
                <div>
                  <Figure label={t('svc.dashboard.p95')} value={duration(d.totals.p95Seconds)} testId="dash-p95" />
                </div>
              </Tooltip>
            </SimpleGrid>
            <Tabs defaultValue="service" keepMounted>
              <Tabs.List>
                <Tabs.Tab value="service">{t('svc.dashboard.byService')}</Tabs.Tab>
                <Tabs.Tab value="unit">{t('svc.dashboard.byUnit')}</Tabs.Tab>
                <Tabs.Tab value="region">{t('svc.dashboard.byRegion')}</Tabs.Tab>
                <Tabs.Tab value="channel">{t('svc.dashboard.byChannel')}</Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="service" pt="sm">
                <Breakdown rows={d.byService} dimension="service" region={region} />
              </Tabs.Panel>
              <Tabs.Panel value="unit" pt="sm">
                <Breakdown rows={d.byUnit} dimension="unit" region={region} />
              </Tabs.Panel>
              <Tabs.Panel value="region" pt="sm">
                <Breakdown rows={d.byRegion} dimension="region" region={region} />
              </Tabs.Panel>
              <Tabs.Panel value="channel" pt="sm">
                <Breakdown rows={d.byChannel} dimension="channel" region={region} />
              </Tabs.Panel>
            </Tabs>
          </Stack>
        )}
      </Loadable>
    </Stack>
  );
}
