import { Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { Loadable, PageHeader } from '../../components/feedback.tsx';
import { localised } from '../../lib/format.ts';
import { navigate, useLocation } from '../../lib/router.tsx';
import { useLang } from '../../lib/session.tsx';
import { useApi } from '../../lib/use-api.ts';
import { isLane, LANES } from '../risk/model.ts';
import { LaneBadge } from '../risk/parts.tsx';
import { useNow } from '../services/parts.tsx';
import { DeclarationsTable } from './DeclarationsTable.tsx';
import { byDeadline, isState, STATES } from './model.ts';
import { useCustomsText } from './parts.tsx';

/**
 * The officers' work queue (CUS-REL-11): declarations waiting for customs, by state and office,
 * sorted by release deadline with the time left, in warning colours when little is left; each with
 * the lane the risk management system gave it (art.399 p.2-3, CUS-CTL-02), and a queue per lane.
 */
export function QueuePage() {
  const { t } = useTranslation();
  const lang = useLang();
  const text = useCustomsText();
  const now = useNow(30_000);
  const { pathname, search } = useLocation();
  const state = search.get('state') ?? '';
  const officeCode = search.get('officeCode') ?? '';
  const lane = search.get('lane') ?? '';
  const setFilter = (name: string, value: string) => {
    const next = new URLSearchParams(search);
    if (value) next.set(name, value);
    else next.delete(name);
    const query = next.toString();
    navigate(`${pathname}${query ? `?${query}` : ''}`, { replace: true });
  };
  const offices = useApi(() => api('GET /api/customs/offices', { query: { limit: 200 } }), []);
  // Without a state the server answers every state that waits for customs; with a lane, that lane's queue.
  const list = useApi(
    () =>
      api('GET /api/customs/declarations', {
        query: { ...(officeCode ? { officeCode } : {}), ...(isState(state) ? { state } : {}), ...(isLane(lane) ? { lane } : {}), limit: 200 },
      }),
    [state, officeCode, lane],
  );
  const { reload } = list;
  useEffect(() => {
    const timer = window.setInterval(reload, 15_000);
    window.addEventListener('focus', reload);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('focus', reload);
    };
  }, [reload]);
  return (
    <Stack>
      <PageHeader title={t('cus.title.queue')} subtitle={t('cus.title.queueSubtitle')} />
      <Group gap="sm" align="flex-end" wrap="wrap">
        <NativeSelect
          label={t('cus.field.state')}
          value={state}
          onChange={(e) => setFilter('state', e.currentTarget.value)}
          data={[{ value: '', label: t('cus.queue.anyState') }, ...STATES.map((s) => ({ value: s, label: text.state(s) }))]}
          data-testid="queue-state"
        />
        <NativeSelect
          label={t('cus.field.office')}
          value={officeCode}
          onChange={(e) => setFilter('officeCode', e.currentTarget.value)}
          data={[
            { value: '', label: t('cus.queue.anyOffice') },
            ...(offices.data ?? []).map((o) => ({ value: o.code, label: `${localised({ tg: o.nameTg, ru: o.nameRu, en: o.nameEn }, lang)} (${o.code})` })),
          ]}
          data-testid="queue-office"
        />
        <NativeSelect
          label={t('cus.field.riskLane')}
          value={lane}
          onChange={(e) => setFilter('lane', e.currentTarget.value)}
          data={[{ value: '', label: t('risk.queue.anyLane') }, ...LANES.map((l) => ({ value: l, label: t(`risk.lane.${l}`) }))]}
          data-testid="queue-lane"
        />
      </Group>
      <Loadable state={list}>
        {(rows) => {
          const lanes = new Map(rows.map((r) => [r.id, r.riskLane]));
          return rows.length === 0 ? (
            <Text c="dimmed" ta="center" py="lg" data-testid="queue-empty">
              {t('cus.queue.empty')}
            </Text>
          ) : (
            <DeclarationsTable rows={byDeadline(rows)} now={now} isQueue laneOf={(id) => <LaneBadge lane={lanes.get(id) ?? undefined} size="sm" />} />
          );
        }}
      </Loadable>
    </Stack>
  );
}
