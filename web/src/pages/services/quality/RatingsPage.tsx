import { Card, Group, NativeSelect, SimpleGrid, Stack, Table, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { Loadable, PageHeader } from '../../../components/feedback.tsx';
import { formatDateTime, localised, todayInDushanbe } from '../../../lib/format.ts';
import { useLang } from '../../../lib/session.tsx';
import { useApi } from '../../../lib/use-api.ts';
import { CHANNELS, isChannel, isRegion, loadUnits, REGIONS } from '../model.ts';
import { useNames } from '../parts.tsx';
import { formatCount, formatScore, formatShare, QUESTIONS, type RatingAggregate, type RatingSummary } from './model.ts';
import { Field } from './parts.tsx';

type Row = RatingSummary['byService'][number];
const TABS = ['byService', 'byUnit', 'byChannel', 'byStaff'] as const;

function AggregateTable({ rows, testId }: { rows: readonly Row[]; testId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (rows.length === 0)
    return (
      <Text c="dimmed" py="md" ta="center">
        {t('state.nothingFound')}
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped verticalSpacing="xs" data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th />
            <Table.Th ta="right">{t('svq.ratings.count')}</Table.Th>
            {QUESTIONS.map((q) => (
              <Table.Th key={q} ta="right">
                {t(`svq.question.${q}`)}
              </Table.Th>
            ))}
            <Table.Th ta="right">{t('svq.ratings.satisfied')}</Table.Th>
            <Table.Th>{t('svq.ratings.distribution')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key} data-testid={`${testId}-${r.key}`}>
              <Table.Td>
                <Text size="sm">{localised(r.name, lang) || r.key}</Text>
              </Table.Td>
              <Table.Td ta="right">{formatCount(r.count, lang)}</Table.Td>
              {QUESTIONS.map((q) => (
                <Table.Td key={q} ta="right" data-col={q}>
                  {formatScore(r[q], lang)}
                </Table.Td>
              ))}
              <Table.Td ta="right">{formatShare(r.satisfiedShare, lang)}</Table.Td>
              <Table.Td ff="monospace">{r.distribution.join(' · ')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Totals({ totals }: { totals: RatingAggregate }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Card withBorder radius="md" padding="md">
      <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }}>
        <Field label={t('svq.ratings.count')} testId="ratings-count">
          <Text fz={22} fw={700}>
            {formatCount(totals.count, lang)}
          </Text>
        </Field>
        {QUESTIONS.map((q) => (
          <Field key={q} label={t(`svq.question.${q}`)} testId={`ratings-${q}`}>
            <Text fz={22} fw={700}>
              {formatScore(totals[q], lang)}
            </Text>
          </Field>
        ))}
        <Field label={t('svq.ratings.satisfied')}>
          <Text fz={22} fw={700}>
            {formatShare(totals.satisfiedShare, lang)}
          </Text>
        </Field>
      </SimpleGrid>
    </Card>
  );
}

/** Remarks and proposals left with ratings, newest first (A1 p.16(4)); only officers read them. */
function Remarks({ unitCode, unitName }: { unitCode: string; unitName: (code: string | null) => string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const remarks = useApi(() => api('GET /api/tax-services/ratings/remarks', { query: { unitCode: unitCode || undefined, limit: 100 } }), [unitCode]);
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  return (
    <Stack gap="xs">
      <Title order={2} fz={18}>
        {t('svq.ratings.remarks')}
      </Title>
      <Loadable state={remarks}>
        {(rows) =>
          rows.length === 0 ? (
            <Text c="dimmed">{t('svq.ratings.noRemarks')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={900}>
              <Table striped verticalSpacing="xs" data-testid="remarks">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('svq.ratings.rated')}</Table.Th>
                    <Table.Th>{t('svq.unitRating.unit')}</Table.Th>
                    <Table.Th>{t('svq.question.overall')}</Table.Th>
                    <Table.Th>{t('svq.unitRating.remark')}</Table.Th>
                    <Table.Th>{t('svq.unitRating.proposal')}</Table.Th>
                    <Table.Th>{t('svq.ratings.rater')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r) => (
                    <Table.Tr key={String(r.id)}>
                      <Table.Td>{formatDateTime(str(r.ratedAt), lang)}</Table.Td>
                      <Table.Td>
                        <Text size="sm">{unitName(str(r.unitCode))}</Text>
                        <Text size="xs" c="dimmed">
                          {[str(r.staffName), str(r.serviceKey), str(r.requestNumber) && t('svq.ratings.request', { number: str(r.requestNumber) })]
                            .filter(Boolean)
                            .join(' · ')}
                        </Text>
                      </Table.Td>
                      <Table.Td>{typeof r.overall === 'number' ? r.overall : '—'}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'pre-line' }}>{str(r.remark) ?? '—'}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'pre-line' }}>{str(r.proposal) ?? '—'}</Table.Td>
                      <Table.Td>{str(r.raterName) ?? (str(r.raterTin) ? `${t('svq.field.tin')} ${str(r.raterTin)}` : t('svq.ratings.anonymous'))}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </Loadable>
    </Stack>
  );
}

/** The TSD's summary of the "Evaluation of service quality" module (TS-14, TS-41): per service, unit, channel and staff member, with remarks. */
export function RatingsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const names = useNames();
  const today = todayInDushanbe();
  const [from, setFrom] = useState(`${today.slice(0, 8)}01`);
  const [to, setTo] = useState(today);
  const [kind, setKind] = useState('');
  const [region, setRegion] = useState('');
  const [channel, setChannel] = useState('');
  const [unitCode, setUnitCode] = useState('');
  const units = useApi(loadUnits, []);
  const summary = useApi(
    () =>
      api('GET /api/tax-services/ratings/summary', {
        query: {
          from: from || undefined,
          to: to || undefined,
          kind: kind === 'request' || kind === 'unit' ? kind : undefined,
          region: isRegion(region) ? region : undefined,
          channel: isChannel(channel) ? channel : undefined,
          unitCode: unitCode || undefined,
        },
      }),
    [from, to, kind, region, channel, unitCode],
  );
  return (
    <Stack>
      <PageHeader title={t('svq.ratings.title')} subtitle={t('svq.ratings.subtitle')} />
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput type="date" label={t('svq.ratings.from')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
        <TextInput type="date" label={t('svq.ratings.to')} value={to} onChange={(e) => setTo(e.currentTarget.value)} />
        <NativeSelect
          label={t('svq.ratings.kind')}
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value)}
          data={[
            { value: '', label: t('svq.ratings.kindAny') },
            { value: 'request', label: t('svq.ratings.kindRequest') },
            { value: 'unit', label: t('svq.ratings.kindUnit') },
          ]}
        />
        <NativeSelect
          label={t('svc.field.region')}
          value={region}
          onChange={(e) => setRegion(e.currentTarget.value)}
          data={[{ value: '', label: t('svc.queue.anyRegion') }, ...REGIONS.map((r) => ({ value: r, label: names.region(r) }))]}
        />
        <NativeSelect
          label={t('svc.field.unit')}
          value={unitCode}
          onChange={(e) => setUnitCode(e.currentTarget.value)}
          data={[{ value: '', label: t('svc.queue.anyUnit') }, ...(units.data ?? []).map((u) => ({ value: u.code, label: localised(u.name, lang) }))]}
          w={{ base: '100%', sm: 260 }}
        />
        <NativeSelect
          label={t('svc.field.channel')}
          value={channel}
          onChange={(e) => setChannel(e.currentTarget.value)}
          data={[{ value: '', label: t('svc.queue.anyChannel') }, ...CHANNELS.map((c) => ({ value: c, label: names.channel(c) }))]}
        />
      </Group>
      <Loadable state={summary}>
        {(s) => (
          <Stack>
            <Totals totals={s.totals} />
            <Tabs defaultValue="byService" keepMounted={false}>
              <Tabs.List>
                {TABS.map((tab) => (
                  <Tabs.Tab key={tab} value={tab}>
                    {t(`svq.ratings.${tab}`)}
                  </Tabs.Tab>
                ))}
              </Tabs.List>
              {TABS.map((tab) => (
                <Tabs.Panel key={tab} value={tab} pt="sm">
                  <AggregateTable rows={s[tab]} testId={`ratings-${tab}`} />
                </Tabs.Panel>
              ))}
            </Tabs>
          </Stack>
        )}
      </Loadable>
      <Remarks unitCode={unitCode} unitName={(code) => localised(units.data?.find((u) => u.code === code)?.name, lang) || (code ?? '—')} />
    </Stack>
  );
}
