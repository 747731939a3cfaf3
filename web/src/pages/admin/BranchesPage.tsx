import { Badge, Button, Group, List, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { Branch } from '../../api/types.gen.ts';
import { ActionModal } from '../../components/ActionModal.tsx';
import { RefusalGrounds } from '../../components/ApplicationOutcome.tsx';
import { Loadable, PageHeader, ProblemAlert } from '../../components/feedback.tsx';
import { type GroundInput, GroundsEditor, groundsReady, newGround } from '../../components/GroundsEditor.tsx';
import { RecordDeadlines } from '../../components/records.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useLang, useSession } from '../../lib/session.tsx';
import { useAction, useApi } from '../../lib/use-api.ts';

type Status = Branch['status'];
const STATUSES: readonly Status[] = ['applied', 'registered', 'refused', 'deregistered'];
export const BRANCH_COLORS: Record<Status, string> = { applied: 'blue', registered: 'teal', refused: 'red', deregistered: 'gray' };

function RefuseDialog({ branch, onClose, onDone }: { branch: Branch; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [grounds, setGrounds] = useState<GroundInput[]>(() => [newGround()]);
  const refuse = useAction(() =>
    api('POST /api/fiscal/branches/{id}/refuse', {
      params: { id: branch.id },
      body: { grounds: grounds.map((g) => ({ code: g.code, detail: g.detail.trim() })) },
    }),
  );
  return (
    <ActionModal
      title={`${t('tscApp.refuse')}: ${branch.name}`}
      opened
      onClose={onClose}
      action={refuse}
      onDone={onDone}
      submitLabel={t('tscApp.refuse')}
      color="red"
      isReady={groundsReady(grounds)}
      shownFields={['grounds']}
    >
      <GroundsEditor value={grounds} onChange={setGrounds} error={refuse.error?.messageFor('grounds')} />
    </ActionModal>
  );
}

/** One branch row: its specialists, deadlines and (for the operator) the decision buttons. */
function BranchRow({ b, onChanged }: { b: Branch; onChanged: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { role } = useSession();
  const [isRefusing, setRefusing] = useState(false);
  const isReplyOverdue = b.status === 'applied' && new Date(b.replyDueAt).getTime() < Date.now();
  const register = useAction(async () => {
    await api('POST /api/fiscal/branches/{id}/register', { params: { id: b.id } });
    onChanged();
  });
  const deregister = useAction(async () => {
    await api('POST /api/fiscal/branches/{id}/deregister', { params: { id: b.id } });
    onChanged();
  });
  return (
    <Table.Tr>
      <Table.Td>
        <Text fw={600} size="sm">
          {b.name}
        </Text>
        <Text size="xs" c="dimmed">
          {b.region} · {b.address} · ☎ {b.phone}
        </Text>
        {b.specialists && b.specialists.length > 0 && (
          <List size="xs" mt={4}>
            {b.specialists.map((s) => (
              <List.Item key={s.id}>
                {s.fullName} ({t('field.certificateNumber')} {s.certificateNumber})
              </List.Item>
            ))}
          </List>
        )}
        {b.refusalGrounds && b.refusalGrounds.length > 0 && <RefusalGrounds grounds={b.refusalGrounds} />}
      </Table.Td>
      <Table.Td>
        {b.status === 'applied' ? (
          <Text size="sm" className={isReplyOverdue ? 'overdue' : undefined}>
            {formatDateTime(b.replyDueAt, lang)}
            {isReplyOverdue ? ` · ${t('time.overdue')} (${t('time.point', { n: 115 })})` : ''}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            {formatDateTime(b.decidedAt ?? b.receivedAt, lang)}
          </Text>
        )}
        <RecordDeadlines deadlines={b.deadlines?.filter((d) => !d.metAt)} />
      </Table.Td>
      <Table.Td>
        <Badge color={BRANCH_COLORS[b.status]} variant="light">
          {t(`branch.status.${b.status}`)}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Stack gap={4}>
          {role === 'operator_admin' && b.status === 'applied' && (
            <Group gap={4}>
              <Button size="xs" color="teal" loading={register.isRunning} onClick={() => void register.run()}>
                {t('branch.register')}
              </Button>
              <Button size="xs" color="red" variant="light" onClick={() => setRefusing(true)}>
                {t('tscApp.refuse')}
              </Button>
            </Group>
          )}
          {role === 'tsc_specialist' && b.status === 'registered' && (
            <Button size="xs" color="red" variant="light" loading={deregister.isRunning} onClick={() => void deregister.run()}>
              {t('branch.deregister')}
            </Button>
          )}
          <ProblemAlert error={register.error ?? deregister.error} />
        </Stack>
        {isRefusing && (
          <RefuseDialog
            branch={b}
            onClose={() => setRefusing(false)}
            onDone={() => {
              setRefusing(false);
              onChanged();
            }}
          />
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** Branches and branch requests; `tscId` narrows to one TSC (the specialist's own view). */
export function BranchesTable({ tscId, reloadKey = 0 }: { tscId?: string | undefined; reloadKey?: number }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<Status | ''>(tscId ? '' : 'applied');
  const [tick, setTick] = useState(0);
  const list = useApi(() => api('GET /api/fiscal/branches', { query: { tscId, status: status || undefined, limit: 200 } }), [tscId, status, tick, reloadKey]);
  return (
    <Stack>
      <NativeSelect
        label={t('field.status')}
        value={status}
        onChange={(e) => setStatus(STATUSES.find((s) => s === e.currentTarget.value) ?? '')}
        data={[{ value: '', label: t('state.all') }, ...STATUSES.map((s) => ({ value: s, label: t(`branch.status.${s}`) }))]}
        w={220}
      />
      <Loadable state={list} isEmpty={(d) => d.length === 0}>
        {(data) => (
          <Table.ScrollContainer minWidth={760}>
            <Table striped verticalSpacing="sm" data-testid="branches-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('field.name')}</Table.Th>
                  <Table.Th>{t('branch.replyDue')}</Table.Th>
                  <Table.Th>{t('field.status')}</Table.Th>
                  <Table.Th aria-label={t('action.details')} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.map((b) => (
                  <BranchRow key={b.id} b={b} onChanged={() => setTick((x) => x + 1)} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Loadable>
    </Stack>
  );
}

/** Operator administrator: branch requests of TSCs, answered within 7 working days (p.112-116). */
export function BranchesPage() {
  const { t } = useTranslation();
  return (
    <Stack>
      <PageHeader title={t('nav.adminBranches')} subtitle={t('branch.subtitle')} />
      <BranchesTable />
    </Stack>
  );
}
