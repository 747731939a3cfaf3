import { Alert, Badge, Button, Group, NativeSelect, SegmentedControl, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import type { Incident, RegisterSummary } from '../api/types.gen.ts';
import { formatDateTime, nowInDushanbeLocal } from '../lib/format.ts';
import { useLang } from '../lib/session.tsx';
import { useAction, useApi } from '../lib/use-api.ts';
import { Loadable, ProblemAlert } from './feedback.tsx';
import { useUnitText } from './status.tsx';

type Kind = Incident['kind'];
type Channel = 'cabinet' | 'call_centre' | 'in_person';

/** A loss (p.16) or breakdown (p.37) report for one of the caller's registers. */
export function IncidentForm({
  registers,
  channels,
  defaultRegisterId,
  onDone,
}: {
  registers: readonly RegisterSummary[];
  channels: readonly Channel[];
  defaultRegisterId?: string;
  onDone: (i: Incident) => void;
}) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<Kind>('breakdown');
  const [registerId, setRegisterId] = useState(defaultRegisterId ?? registers[0]?.id ?? '');
  const [occurredAt, setOccurredAt] = useState(nowInDushanbeLocal());
  const [description, setDescription] = useState('');
  const [channel, setChannel] = useState<Channel>(channels[0] ?? 'cabinet');
  const report = useAction(() => {
    const body = { occurredAt: `${occurredAt}:00+05:00`, description: description.trim(), channel };
    return kind === 'loss'
      ? api('POST /api/fiscal/registers/{id}/loss-reports', { params: { id: registerId }, body })
      : api('POST /api/fiscal/registers/{id}/breakdowns', { params: { id: registerId }, body });
  });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const incident = await report.run();
    if (incident) {
      setDescription('');
      onDone(incident);
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <SegmentedControl
          value={kind}
          onChange={(v) => setKind(v === 'loss' ? 'loss' : 'breakdown')}
          data={[
            { value: 'breakdown', label: t('incident.breakdown') },
            { value: 'loss', label: t('incident.loss') },
          ]}
        />
        <Alert variant="light" color={kind === 'loss' ? 'orange' : 'blue'}>
          {kind === 'loss' ? t('incident.lossHint') : t('incident.breakdownHint')}
        </Alert>
        <NativeSelect
          label={t('field.registryNumber')}
          value={registerId}
          onChange={(e) => setRegisterId(e.currentTarget.value)}
          data={registers.map((r) => ({ value: r.id, label: `${r.registryNumber} · ${r.modelName} · ${r.placeOfActivity}` }))}
          required
        />
        <TextInput
          label={t('field.occurredAt')}
          type="datetime-local"
          value={occurredAt}
          onChange={(e) => setOccurredAt(e.currentTarget.value)}
          error={report.error?.messageFor('occurredAt')}
          required
        />
        <Textarea
          label={t('field.description')}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          error={report.error?.messageFor('description')}
          autosize
          minRows={2}
          required
        />
        {channels.length > 1 && (
          <NativeSelect
            label={t('incident.channel')}
            value={channel}
            onChange={(e) => setChannel(channels.find((c) => c === e.currentTarget.value) ?? channel)}
            data={channels.map((c) => ({ value: c, label: t(`incident.channels.${c}`) }))}
          />
        )}
        <ProblemAlert error={report.error} shownFields={['occurredAt', 'description']} />
        <Group justify="flex-end">
          <Button type="submit" loading={report.isRunning} disabled={!registerId || !description.trim()}>
            {kind === 'loss' ? t('incident.reportLoss') : t('incident.reportBreakdown')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Reports the caller can see; `action` adds a column (the TSC's notice to the tax authority). */
export function IncidentsTable({ reloadKey = 0, action }: { reloadKey?: number; action?: (i: Incident) => ReactNode }) {
  const { t } = useTranslation();
  const lang = useLang();
  const unitText = useUnitText();
  const incidents = useApi(() => api('GET /api/fiscal/incidents', { query: { limit: 100 } }), [reloadKey]);
  return (
    <Loadable state={incidents} isEmpty={(d) => d.length === 0}>
      {(data) => (
        <Table.ScrollContainer minWidth={720}>
          <Table striped verticalSpacing="sm" data-testid="incidents-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('field.kind')}</Table.Th>
                <Table.Th>{t('field.description')}</Table.Th>
                <Table.Th>{t('field.occurredAt')}</Table.Th>
                <Table.Th>{t('incident.reportedAt')}</Table.Th>
                <Table.Th>{t('incident.taxNotified')}</Table.Th>
                {action && <Table.Th aria-label={t('action.details')} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.map((i) => {
                const isNoticeOverdue = !i.taxNotifiedAt && i.taxNoticeDueAt !== null && new Date(i.taxNoticeDueAt).getTime() < Date.now();
                return (
                  <Table.Tr key={i.id}>
                    <Table.Td>
                      <Badge color={i.kind === 'loss' ? 'orange' : 'blue'} variant="light">
                        {t(`incident.${i.kind}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{i.description}</Text>
                      <Text size="xs" c="dimmed">
                        {t('field.tin')} {i.businessTin}
                      </Text>
                    </Table.Td>
                    <Table.Td>{formatDateTime(i.occurredAt, lang)}</Table.Td>
                    <Table.Td>
                      <Text size="sm" className={i.isLate ? 'overdue' : undefined}>
                        {formatDateTime(i.reportedAt, lang)}
                        {i.isLate ? ` · ${t('outcome.late')}` : ''}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {i.kind === 'breakdown' ? (
                        <Text size="sm" className={isNoticeOverdue ? 'overdue' : undefined}>
                          {i.taxNotifiedAt ? formatDateTime(i.taxNotifiedAt, lang) : `${t('time.due')} ${formatDateTime(i.taxNoticeDueAt, lang)}`}
                          {isNoticeOverdue ? ` · ${t('time.overdue')} (${t('time.point', { n: 37 })}, ${unitText('hours', 1)})` : ''}
                        </Text>
                      ) : (
                        '—'
                      )}
                    </Table.Td>
                    {action && <Table.Td>{action(i)}</Table.Td>}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Loadable>
  );
}
