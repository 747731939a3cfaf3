import { Anchor, Badge, Button, Group, NativeSelect, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { Loadable, PageHeader } from '../../../components/feedback.tsx';
import { formatDateTime, localised } from '../../../lib/format.ts';
import { Link, navigate, useLocation } from '../../../lib/router.tsx';
import { useLang } from '../../../lib/session.tsx';
import { useApi } from '../../../lib/use-api.ts';
import { isChannel, loadUnits } from '../model.ts';
import { useNames } from '../parts.tsx';
import { COMPLAINT_CHANNELS, COMPLAINT_SERVICES, COMPLAINT_STATES, isComplaintService, isComplaintState, serviceLabel } from './model.ts';
import { ComplaintSlaBadge } from './parts.tsx';

const FILTERS = ['state', 'serviceKey', 'channel'] as const;
type FilterName = (typeof FILTERS)[number];
const PAGE = 100;

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
  return { get, set };
}

/**
 * The one register of complaints and appeals for the six channels (TS-39): filtered by channel,
 * service code and state; each row opens the complaint (its proof of receipt and the reply) and its
 * request in the work queue (the SLA clock, history and results).
 */
export function ComplaintsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const names = useNames();
  const filters = useFilters();
  const [limit, setLimit] = useState(PAGE);
  const units = useApi(loadUnits, []);
  const unitName = (code: string | null) => (code ? localised(units.data?.find((u) => u.code === code)?.name, lang) || code : null);
  const state = filters.get('state');
  const serviceKey = filters.get('serviceKey');
  const channel = filters.get('channel');
  const list = useApi(
    () =>
      api('GET /api/tax-services/complaints', {
        query: {
          state: isComplaintState(state) ? state : undefined,
          serviceKey: isComplaintService(serviceKey) ? serviceKey : undefined,
          channel: isChannel(channel) ? channel : undefined,
          limit,
        },
      }),
    [state, serviceKey, channel, limit],
  );
  return (
    <Stack>
      <PageHeader
        title={t('svq.register.title')}
        subtitle={t('svq.register.subtitle')}
        actions={
          <Button component={Link} to="/services/register-complaint">
            {t('svq.register.new')}
          </Button>
        }
      />
      <Group gap="sm" align="flex-end" wrap="wrap">
        <SegmentedControl
          value={isComplaintState(state) ? state : 'all'}
          onChange={(v) => filters.set('state', v === 'all' ? '' : v)}
          data={[{ value: 'all', label: t('svq.register.anyState') }, ...COMPLAINT_STATES.map((s) => ({ value: s, label: t(`svq.complaintState.${s}`) }))]}
          data-testid="complaints-state"
        />
        <NativeSelect
          label={t('svq.field.service')}
          value={serviceKey}
          onChange={(e) => filters.set('serviceKey', e.currentTarget.value)}
          data={[{ value: '', label: t('svq.register.anyService') }, ...COMPLAINT_SERVICES.map((s) => ({ value: s, label: `${s} · ${t(serviceLabel(s))}` }))]}
          data-testid="complaints-service"
        />
        <NativeSelect
          label={t('svq.field.channel')}
          value={channel}
          onChange={(e) => filters.set('channel', e.currentTarget.value)}
          data={[{ value: '', label: t('svq.register.anyChannel') }, ...COMPLAINT_CHANNELS.map((c) => ({ value: c, label: t(`svc.channel.${c}`) }))]}
          data-testid="complaints-channel"
        />
      </Group>
      <Loadable state={list}>
        {(rows) =>
          rows.length === 0 ? (
            <Text c="dimmed" ta="center" py="lg" data-testid="complaints-empty">
              {t('svq.register.empty')}
            </Text>
          ) : (
            <Stack gap="xs">
              <Table.ScrollContainer minWidth={1000}>
                <Table striped highlightOnHover verticalSpacing="sm" data-testid="complaints-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('svq.field.number')}</Table.Th>
                      <Table.Th>{t('svq.field.service')}</Table.Th>
                      <Table.Th>{t('svq.field.complainant')}</Table.Th>
                      <Table.Th>{t('svq.field.about')}</Table.Th>
                      <Table.Th>{t('svq.field.received')}</Table.Th>
                      <Table.Th>{t('svq.field.due')}</Table.Th>
                      <Table.Th>{t('svq.field.state')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((c) => (
                      <Table.Tr key={c.id} data-testid="complaint-row" data-number={c.registrationNumber}>
                        <Table.Td>
                          <Stack gap={2}>
                            <Anchor component={Link} to={`/services/complaints/${c.id}`} ff="monospace" data-testid="complaint-link">
                              {c.registrationNumber}
                            </Anchor>
                            <Anchor component={Link} to={`/services/queue/${c.id}`} size="xs" c="dimmed">
                              {t('svq.register.request')}
                            </Anchor>
                          </Stack>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{isComplaintService(c.serviceKey) ? `${c.serviceKey} · ${t(serviceLabel(c.serviceKey))}` : c.serviceKey}</Text>
                          <Text size="xs" c="dimmed">
                            {names.channel(c.channel)}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{c.complainant.name ?? '—'}</Text>
                          {c.complainant.tin && (
                            <Text size="xs" c="dimmed">
                              {t('svq.field.tin')} {c.complainant.tin}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm" lineClamp={2} maw={320}>
                            {[c.about.officialName, unitName(c.about.unitCode)].filter(Boolean).join(' · ') || c.text}
                          </Text>
                        </Table.Td>
                        <Table.Td>{formatDateTime(c.receivedAt, lang)}</Table.Td>
                        <Table.Td>{formatDateTime(c.dueAt, lang)}</Table.Td>
                        <Table.Td>
                          <Group gap={4}>
                            <Badge variant="light" color={c.reply ? 'teal' : 'blue'} data-testid="complaint-status">
                              {c.reply ? t('svq.complaintState.answered') : t('svq.complaintState.under_review')}
                            </Badge>
                            <ComplaintSlaBadge state={c.slaState} />
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              {rows.length >= limit && limit < 500 && (
                <Group justify="center">
                  <Button variant="default" onClick={() => setLimit((l) => Math.min(500, l + PAGE))}>
                    {t('svq.register.more')}
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
