import { Anchor, Badge, Card, Group, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { Loadable, PageHeader } from '../../components/feedback.tsx';
import { Link, navigate, useLocation } from '../../lib/router.tsx';
import { useLang } from '../../lib/session.tsx';
import { useApi } from '../../lib/use-api.ts';
import { formatDirams } from '../customs/model.ts';
import { byLaneOrder, formatCount, formatRate } from './model.ts';
import { LaneBadge, StateBadge } from './parts.tsx';

const isDay = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);

/**
 * Art.429(2) p.1 i.8-9 (CUS-RMS-20): the effectiveness of each profile version ever applied —
 * matches, selections, controls, violations found, hit rate and additional payments — with the ones
 * that never hit, and the same per lane, over a period of decision days.
 */
export function StatisticsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { pathname, search } = useLocation();
  const from = search.get('from') ?? '';
  const to = search.get('to') ?? '';
  const hit = search.get('hit') ?? '';
  const setFilter = (name: string, value: string) => {
    const next = new URLSearchParams(search);
    if (value) next.set(name, value);
    else next.delete(name);
    const query = next.toString();
    navigate(`${pathname}${query ? `?${query}` : ''}`, { replace: true });
  };
  const period = { ...(isDay(from) ? { from } : {}), ...(isDay(to) ? { to } : {}) };
  const profiles = useApi(
    () => api('GET /api/risk/reports/profiles', { query: { ...period, ...(hit === 'never' ? { neverHit: true } : hit === 'hit' ? { neverHit: false } : {}) } }),
    [from, to, hit],
  );
  const lanes = useApi(() => api('GET /api/risk/reports/lanes', { query: period }), [from, to]);
  const n = (x: number) => formatCount(x, lang);
  return (
    <Stack>
      <PageHeader title={t('risk.title.statistics')} subtitle={t('risk.title.statisticsSubtitle')} />
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput label={t('risk.sim.from')} type="date" name="stats-from" value={from} onChange={(e) => setFilter('from', e.currentTarget.value)} />
        <TextInput label={t('risk.sim.to')} type="date" name="stats-to" value={to} onChange={(e) => setFilter('to', e.currentTarget.value)} />
        <NativeSelect
          label={t('risk.stats.neverHit')}
          name="hit-filter"
          value={hit}
          onChange={(e) => setFilter('hit', e.currentTarget.value)}
          data={[
            { value: '', label: t('risk.stats.neverHitAll') },
            { value: 'never', label: t('risk.stats.neverHitOnly') },
            { value: 'hit', label: t('risk.stats.hitOnly') },
          ]}
        />
      </Group>
      <Card withBorder radius="md" padding="lg">
        <Stack gap="sm">
          <Title order={2} fz={18}>
            {t('risk.stats.perProfile')}
          </Title>
          <Loadable state={profiles}>
            {(rows) =>
              rows.length === 0 ? (
                <Text c="dimmed" ta="center" py="md">
                  {t('risk.stats.empty')}
                </Text>
              ) : (
                <Table.ScrollContainer minWidth={980}>
                  <Table striped verticalSpacing="xs" data-testid="profile-report">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('risk.form.code')}</Table.Th>
                        <Table.Th>{t('risk.list.state')}</Table.Th>
                        <Table.Th>{t('risk.list.lane')}</Table.Th>
                        <Table.Th ta="right">{t('risk.stats.matches')}</Table.Th>
                        <Table.Th ta="right">{t('risk.stats.selections')}</Table.Th>
                        <Table.Th ta="right">{t('risk.stats.controlled')}</Table.Th>
                        <Table.Th ta="right">{t('risk.stats.hits')}</Table.Th>
                        <Table.Th ta="right">{t('risk.stats.hitRate')}</Table.Th>
                        <Table.Th ta="right">{t('risk.stats.revenue')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {rows.map((r) => (
                        <Table.Tr key={r.versionId} data-testid="profile-report-row" data-code={r.code} data-version={r.version} data-never-hit={r.hasNeverHit}>
                          <Table.Td>
                            <Anchor component={Link} to={`/risk/profiles/${r.profileId}`} ff="monospace" size="sm" fw={600}>
                              {r.code}
                            </Anchor>
                            <Text span size="xs" c="dimmed">
                              {' '}
                              v{r.version}
                            </Text>
                            {r.hasNeverHit && (
                              <Badge ml={6} size="xs" color="orange" variant="light" data-testid="never-hit">
                                {t('risk.stats.neverHitBadge')}
                              </Badge>
                            )}
                          </Table.Td>
                          <Table.Td>
                            <StateBadge state={r.state} />
                          </Table.Td>
                          <Table.Td>
                            <LaneBadge lane={r.lane} size="sm" />
                          </Table.Td>
                          <Table.Td ta="right">{n(r.matches)}</Table.Td>
                          <Table.Td ta="right" data-testid="report-selections">
                            {n(r.selections)}
                          </Table.Td>
                          <Table.Td ta="right">{n(r.controlled)}</Table.Td>
                          <Table.Td ta="right" data-testid="report-hits">
                            {n(r.hits)}
                          </Table.Td>
                          <Table.Td ta="right" data-testid="report-hit-rate">
                            {formatRate(r.hitRate, lang)}
                          </Table.Td>
                          <Table.Td ta="right">{formatDirams(r.revenueDirams, lang)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )
            }
          </Loadable>
        </Stack>
      </Card>
      <Card withBorder radius="md" padding="lg">
        <Stack gap="sm">
          <Title order={2} fz={18}>
            {t('risk.stats.perLane')}
          </Title>
          <Loadable state={lanes}>
            {(rows) => {
              const byLane = byLaneOrder(rows);
              return (
                <Table.ScrollContainer minWidth={900}>
                  <Table striped verticalSpacing="xs" data-testid="lane-report">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('risk.list.lane')}</Table.Th>
                        <Table.Th ta="right">{t('risk.stats.decisions')}</Table.Th>
                        <Table.Th ta="right">{t('risk.stats.share')}</Table.Th>
                        <Table.Th ta="right">{t('risk.stats.byProfile')}</Table.Th>
                        <Table.Th ta="right">{t('risk.stats.byRandom')}</Table.Th>
                        <Table.Th ta="right">{t('risk.stats.controlled')}</Table.Th>
                        <Table.Th ta="right">{t('risk.stats.found')}</Table.Th>
                        <Table.Th ta="right">{t('risk.stats.hitRate')}</Table.Th>
                        <Table.Th ta="right">{t('risk.stats.revenue')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {byLane.map((r) => (
                        <Table.Tr key={r.lane} data-testid="lane-report-row" data-lane={r.lane} data-decisions={r.decisions}>
                          <Table.Td>
                            <LaneBadge lane={r.lane} size="sm" />
                          </Table.Td>
                          <Table.Td ta="right">{n(r.decisions)}</Table.Td>
                          <Table.Td ta="right">{formatRate(r.share, lang)}</Table.Td>
                          <Table.Td ta="right">{n(r.byProfile)}</Table.Td>
                          <Table.Td ta="right">{n(r.byRandom)}</Table.Td>
                          <Table.Td ta="right">{n(r.controlled)}</Table.Td>
                          <Table.Td ta="right">{n(r.found)}</Table.Td>
                          <Table.Td ta="right">{formatRate(r.hitRate, lang)}</Table.Td>
                          <Table.Td ta="right">{formatDirams(r.revenueDirams, lang)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              );
            }}
          </Loadable>
        </Stack>
      </Card>
    </Stack>
  );
}
