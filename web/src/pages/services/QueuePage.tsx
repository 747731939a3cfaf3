import { Button, Group, NativeSelect, SegmentedControl, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { Loadable, PageHeader } from '../../components/feedback.tsx';
import { localised } from '../../lib/format.ts';
import { Link, navigate, useLocation } from '../../lib/router.tsx';
import { useLang } from '../../lib/session.tsx';
import { useApi } from '../../lib/use-api.ts';
import { CHANNELS, isChannel, isQueueState, isRegion, loadCatalogue, loadUnits, QUEUE_STATES, REGIONS } from './model.ts';
import { useNow } from './parts.tsx';
import { RequestsTable } from './RequestsTable.tsx';

const FILTERS = ['state', 'serviceKey', 'unitCode', 'region', 'channel'] as const;
type FilterName = (typeof FILTERS)[number];
const PAGE = 100;

/** The filters live in the address, so the dashboard can link to "breached in Sughd" and a reload keeps them. */
function useFilters() {
  const { pathname, search } = useLocation();
  const get = (name: FilterName) => search.get(name) ?? '';
  const set = (name: FilterName, value: string) => {
    const next = new URLSearchParams(search);
    if (value) next.set(name, value);
    else next.delete(name);
    const query = next.toString();
    navigate(`${pathname}${query ? `?${query}` : ''}`, { replace: true });
  };
  return { get, set, clear: () => navigate(pathname, { replace: true }) };
}

/** The officers' work queue (TS-26, TS-30): most urgent first, filtered by state, service, unit, region and channel. */
export function QueuePage() {
  const { t } = useTranslation();
  const lang = useLang();
  const now = useNow();
  const filters = useFilters();
  const [limit, setLimit] = useState(PAGE);
  const state = filters.get('state');
  const serviceKey = filters.get('serviceKey');
  const unitCode = filters.get('unitCode');
  const region = filters.get('region');
  const channel = filters.get('channel');
  const catalogue = useApi(loadCatalogue, []);
  const units = useApi(loadUnits, []);
  const list = useApi(
    () =>
      api('GET /api/tax-services/requests', {
        query: {
          state: isQueueState(state) ? state : undefined,
          serviceKey: serviceKey || undefined,
          unitCode: unitCode || undefined,
          region: isRegion(region) ? region : undefined,
          channel: isChannel(channel) ? channel : undefined,
          limit,
        },
      }),
    [state, serviceKey, unitCode, region, channel, limit],
  );
  const { reload } = list;
  useEffect(() => {
    const timer = window.setInterval(reload, 30_000);
    return () => window.clearInterval(timer);
  }, [reload]);
  const hasFilter = FILTERS.some((f) => filters.get(f) !== '');
  return (
    <Stack>
      <PageHeader
        title={t('svc.queue.title')}
        subtitle={t('svc.queue.subtitle')}
        actions={
          <Button component={Link} to="/services/register">
            {t('svc.queue.register')}
          </Button>
        }
      />
      <SegmentedControl
        value={isQueueState(state) ? state : 'all'}
        onChange={(v) => filters.set('state', v === 'all' ? '' : v)}
        data={[{ value: 'all', label: t('state.all') }, ...QUEUE_STATES.map((s) => ({ value: s, label: t(`svc.queueState.${s}`) }))]}
        data-testid="queue-state"
        style={{ alignSelf: 'flex-start' }}
        styles={{ root: { flexWrap: 'wrap' } }}
      />
      <Group gap="sm" align="flex-end" wrap="wrap">
        <NativeSelect
          label={t('svc.field.service')}
          value={serviceKey}
          onChange={(e) => filters.set('serviceKey', e.currentTarget.value)}
          data={[
            { value: '', label: t('svc.queue.anyService') },
            ...(catalogue.data?.lines ?? []).map((l) => ({ value: l.key, label: `${l.key} · ${localised(l.name, lang).slice(0, 70)}` })),
          ]}
          w={{ base: '100%', sm: 320 }}
          data-testid="filter-service"
        />
        <NativeSelect
          label={t('svc.field.unit')}
          value={unitCode}
          onChange={(e) => filters.set('unitCode', e.currentTarget.value)}
          data={[{ value: '', label: t('svc.queue.anyUnit') }, ...(units.data ?? []).map((u) => ({ value: u.code, label: localised(u.name, lang) }))]}
          w={{ base: '100%', sm: 280 }}
          data-testid="filter-unit"
        />
        <NativeSelect
          label={t('svc.field.region')}
          value={region}
          onChange={(e) => filters.set('region', e.currentTarget.value)}
          data={[{ value: '', label: t('svc.queue.anyRegion') }, ...REGIONS.map((r) => ({ value: r, label: t(`svc.region.${r}`) }))]}
          data-testid="filter-region"
        />
        <NativeSelect
          label={t('svc.field.channel')}
          value={channel}
          onChange={(e) => filters.set('channel', e.currentTarget.value)}
          data={[{ value: '', label: t('svc.queue.anyChannel') }, ...CHANNELS.map((c) => ({ value: c, label: t(`svc.channel.${c}`) }))]}
          data-testid="filter-channel"
        />
        {hasFilter && (
          <Button variant="subtle" onClick={filters.clear}>
            {t('svc.queue.reset')}
          </Button>
        )}
      </Group>
      <Loadable state={list}>
        {(rows) =>
          rows.length === 0 ? (
            <Text c="dimmed" ta="center" py="lg" data-testid="queue-empty">
              {t('state.nothingFound')}
            </Text>
          ) : (
            <Stack gap="xs">
              <RequestsTable rows={rows} now={now} href={(r) => `/services/queue/${r.id}`} isOfficer />
              {rows.length >= limit && limit < 500 && (
                <Group justify="center">
                  <Button variant="default" onClick={() => setLimit((l) => Math.min(500, l + PAGE))}>
                    {t('svc.queue.more')}
                  </Button>
                </Group>
              )}
            </Stack>
          )
        }
      </Loadable>
    </Stack>
  );
}
