import { Alert, Badge, Button, Code, Group, Modal, NativeSelect, Stack, Table, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { Operations, Specialist } from '../../api/types.gen.ts';
import { ActionModal } from '../../components/ActionModal.tsx';
import { Loadable, PageHeader, ProblemAlert } from '../../components/feedback.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useLang, useSession } from '../../lib/session.tsx';
import { useAction, useApi } from '../../lib/use-api.ts';

type Status = Specialist['status'];
type Credentials = Operations['POST /api/fiscal/specialists/{id}/register']['response']['credentials'];
const STATUSES: readonly Status[] = ['applied', 'registered', 'refused', 'revoked'];
const COLORS: Record<Status, string> = { applied: 'blue', registered: 'teal', refused: 'red', revoked: 'gray' };

function SpecialistRow({ s, onChanged, onCredentials }: { s: Specialist; onChanged: () => void; onCredentials: (c: Credentials) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { role } = useSession();
  const [isRefusing, setRefusing] = useState(false);
  const [reason, setReason] = useState('');
  const register = useAction(async () => {
    const r = await api('POST /api/fiscal/specialists/{id}/register', { params: { id: s.id } });
    onCredentials(r.credentials);
    onChanged();
  });
  const refuse = useAction(() => api('POST /api/fiscal/specialists/{id}/refuse', { params: { id: s.id }, body: { reason: reason.trim() } }));
  return (
    <Table.Tr>
      <Table.Td>
        <Text fw={600} size="sm">
          {s.fullName}
        </Text>
        <Text size="xs" c="dimmed">
          {t('field.login')} {s.login} · {t('field.certificateNumber')} {s.certificateNumber}, {s.certificateIssuer}
        </Text>
        {s.refusalReason && (
          <Text size="xs" c="red">
            {s.refusalReason}
          </Text>
        )}
      </Table.Td>
      <Table.Td>{s.branchId ? t('specialist.branch') : t('specialist.headOffice')}</Table.Td>
      <Table.Td>{formatDateTime(s.appliedAt, lang)}</Table.Td>
      <Table.Td>
        <Badge color={COLORS[s.status]} variant="light">
          {t(`specialist.status.${s.status}`)}
        </Badge>
      </Table.Td>
      <Table.Td>
        {role === 'operator_admin' && s.status === 'applied' && (
          <Group gap={4}>
            <Button size="xs" color="teal" loading={register.isRunning} onClick={() => void register.run()}>
              {t('specialist.register')}
            </Button>
            <Button size="xs" color="red" variant="light" onClick={() => setRefusing(true)}>
              {t('tscApp.refuse')}
            </Button>
          </Group>
        )}
        <ProblemAlert error={register.error} />
        <ActionModal
          title={`${t('tscApp.refuse')}: ${s.fullName}`}
          opened={isRefusing}
          onClose={() => setRefusing(false)}
          action={refuse}
          onDone={() => {
            setRefusing(false);
            onChanged();
          }}
          submitLabel={t('tscApp.refuse')}
          color="red"
          isReady={reason.trim() !== ''}
          shownFields={['reason']}
        >
          <Textarea
            label={t('field.reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={refuse.error?.messageFor('reason')}
            autosize
            minRows={2}
            required
          />
        </ActionModal>
      </Table.Td>
    </Table.Tr>
  );
}

/** Specialists and specialist applications; `tscId` narrows to one TSC. */
export function SpecialistsTable({ tscId, reloadKey = 0 }: { tscId?: string | undefined; reloadKey?: number }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<Status | ''>(tscId ? '' : 'applied');
  const [tick, setTick] = useState(0);
  const [credentials, setCredentials] = useState<Credentials>();
  const list = useApi(
    () => api('GET /api/fiscal/specialists', { query: { tscId, status: status || undefined, limit: 200 } }),
    [tscId, status, tick, reloadKey],
  );
  return (
    <Stack>
      <NativeSelect
        label={t('field.status')}
        value={status}
        onChange={(e) => setStatus(STATUSES.find((s) => s === e.currentTarget.value) ?? '')}
        data={[{ value: '', label: t('state.all') }, ...STATUSES.map((s) => ({ value: s, label: t(`specialist.status.${s}`) }))]}
        w={220}
      />
      <Loadable state={list} isEmpty={(d) => d.length === 0}>
        {(data) => (
          <Table.ScrollContainer minWidth={760}>
            <Table striped verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('field.fullName')}</Table.Th>
                  <Table.Th>{t('specialist.branch')}</Table.Th>
                  <Table.Th>{t('field.receivedAt')}</Table.Th>
                  <Table.Th>{t('field.status')}</Table.Th>
                  <Table.Th aria-label={t('action.details')} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.map((s) => (
                  <SpecialistRow key={s.id} s={s} onChanged={() => setTick((x) => x + 1)} onCredentials={setCredentials} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Loadable>
      <Modal opened={credentials !== undefined} onClose={() => setCredentials(undefined)} title={t('specialist.register')}>
        {credentials && (
          <Stack>
            <Alert color="yellow" variant="light">
              {t('specialist.credentials')}
            </Alert>
            <Text>
              {t('field.login')}: <Code>{credentials.login}</Code>
            </Text>
            <Text>
              {t('specialist.initialPassword')}: <Code data-testid="initial-password">{credentials.initialPassword}</Code>
            </Text>
            <Button onClick={() => setCredentials(undefined)}>{t('action.close')}</Button>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}

/** Operator administrator: qualified TSC employees to register in the TIS (p.53). */
export function SpecialistsPage() {
  const { t } = useTranslation();
  return (
    <Stack>
      <PageHeader title={t('nav.adminSpecialists')} subtitle={t('specialist.subtitle')} />
      <SpecialistsTable />
    </Stack>
  );
}
