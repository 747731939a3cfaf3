import { Badge, Button, Group, NativeSelect, Stack, Table, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import type { FiscalModule, Operations } from '../api/types.gen.ts';
import { formatDate, formatDateTime } from '../lib/format.ts';
import { useLang, useSession } from '../lib/session.tsx';
import { useAction, useApi } from '../lib/use-api.ts';
import { ActionModal } from './ActionModal.tsx';
import { useUnitText } from './status.tsx';
import { Loadable, ProblemAlert } from './feedback.tsx';

type Status = FiscalModule['status'];
type ReturnReason = Operations['POST /api/fiscal/fiscal-modules/{number}/receive-back']['body']['reason'];
const STATUSES: readonly Status[] = ['supplied', 'registered', 'installed', 'awaiting_return', 'returned'];
const REASONS: readonly ReturnReason[] = ['expired', 'faulty', 'memory_full', 'business_liquidated'];
const COLORS: Record<Status, string> = { supplied: 'blue', registered: 'teal', installed: 'grape', awaiting_return: 'orange', returned: 'gray' };

function ReceiveBackDialog({ module, onClose, onDone }: { module: FiscalModule; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<ReturnReason>('faulty');
  const [note, setNote] = useState('');
  const action = useAction(() =>
    api('POST /api/fiscal/fiscal-modules/{number}/receive-back', {
      params: { number: module.number },
      body: { reason, ...(note.trim() ? { note: note.trim() } : {}) },
    }),
  );
  return (
    <ActionModal
      title={`${t('module.receiveBack')}: ${module.number}`}
      opened
      onClose={onClose}
      action={action}
      onDone={onDone}
      submitLabel={t('action.save')}
      shownFields={['reason', 'note']}
    >
      <NativeSelect
        label={t('field.reason')}
        value={reason}
        onChange={(e) => setReason(REASONS.find((r) => r === e.currentTarget.value) ?? 'faulty')}
        data={REASONS.map((r) => ({ value: r, label: t(`module.returnReason.${r}`) }))}
      />
      <Textarea label={t('field.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize />
    </ActionModal>
  );
}

function ModuleActions({ m, onChanged }: { m: FiscalModule; onChanged: () => void }) {
  const { t } = useTranslation();
  const { role } = useSession();
  const [isReceiving, setReceiving] = useState(false);
  const params = { number: m.number };
  const register = useAction(async () => {
    await api('POST /api/fiscal/fiscal-modules/{number}/register', { params });
    onChanged();
  });
  const hand = useAction(async () => {
    await api('POST /api/fiscal/fiscal-modules/{number}/return', { params });
    onChanged();
  });
  return (
    <Stack gap={4}>
      <Group gap={4}>
        {role === 'tsc_specialist' && m.status === 'supplied' && (
          <Button size="xs" color="teal" loading={register.isRunning} onClick={() => void register.run()}>
            {t('module.register')}
          </Button>
        )}
        {role === 'tsc_specialist' && m.status === 'installed' && (
          <Button size="xs" variant="light" onClick={() => setReceiving(true)}>
            {t('module.receiveBack')}
          </Button>
        )}
        {m.status === 'awaiting_return' && (role === 'tsc_specialist' || role === 'operator_admin') && (
          <Button size="xs" variant="light" color="orange" loading={hand.isRunning} onClick={() => void hand.run()}>
            {t('module.returnToOperator')}
          </Button>
        )}
      </Group>
      <ProblemAlert error={register.error ?? hand.error} />
      {isReceiving && (
        <ReceiveBackDialog
          module={m}
          onClose={() => setReceiving(false)}
          onDone={() => {
            setReceiving(false);
            onChanged();
          }}
        />
      )}
    </Stack>
  );
}

/** Fiscal modules by status (and TSC), with the custody steps the caller's role may take (p.56, p.98). */
export function ModulesTable({ tscId, reloadKey = 0 }: { tscId?: string | undefined; reloadKey?: number }) {
  const { t } = useTranslation();
  const lang = useLang();
  const unitText = useUnitText();
  const [status, setStatus] = useState<Status | ''>('');
  const [tick, setTick] = useState(0);
  const list = useApi(
    () => api('GET /api/fiscal/fiscal-modules', { query: { tscId, status: status || undefined, limit: 200 } }),
    [tscId, status, tick, reloadKey],
  );
  return (
    <Stack>
      <NativeSelect
        label={t('field.status')}
        value={status}
        onChange={(e) => setStatus(STATUSES.find((s) => s === e.currentTarget.value) ?? '')}
        data={[{ value: '', label: t('state.all') }, ...STATUSES.map((s) => ({ value: s, label: t(`module.status.${s}`) }))]}
        w={240}
      />
      <Loadable state={list} isEmpty={(d) => d.length === 0}>
        {(data) => (
          <Table.ScrollContainer minWidth={720}>
            <Table striped verticalSpacing="xs" data-testid="modules-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('module.number')}</Table.Th>
                  <Table.Th>{t('field.manufacturerNumber')}</Table.Th>
                  <Table.Th>{t('field.status')}</Table.Th>
                  <Table.Th>{t('module.returnDue')}</Table.Th>
                  <Table.Th aria-label={t('action.details')} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.map((m) => {
                  const isOverdue = m.status === 'awaiting_return' && m.returnDueAt !== null && new Date(m.returnDueAt).getTime() < Date.now();
                  return (
                    <Table.Tr key={m.number}>
                      <Table.Td ff="monospace">{m.number}</Table.Td>
                      <Table.Td>{m.manufacturerNumber}</Table.Td>
                      <Table.Td>
                        <Badge color={COLORS[m.status]} variant="light">
                          {t(`module.status.${m.status}`)}
                        </Badge>
                        <Text size="xs" c="dimmed">
                          {formatDate(m.updatedAt, lang)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {m.returnDueAt ? (
                          <Text size="sm" className={isOverdue ? 'overdue' : undefined}>
                            {formatDateTime(m.returnDueAt, lang)}
                            {isOverdue ? ` · ${t('time.overdue')} (${t('time.point', { n: 98 })}, ${unitText('months', 1)})` : ''}
                          </Text>
                        ) : (
                          '—'
                        )}
                      </Table.Td>
                      <Table.Td>
                        <ModuleActions m={m} onChanged={() => setTick((x) => x + 1)} />
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Loadable>
    </Stack>
  );
}
