import { Anchor, Group, NativeSelect, Pagination, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import type { Operations, RegisterApplication } from '../api/types.gen.ts';
import { formatDateTime } from '../lib/format.ts';
import { Link } from '../lib/router.tsx';
import { useLang } from '../lib/session.tsx';
import { useApi } from '../lib/use-api.ts';
import { formText } from './ApplicationOutcome.tsx';
import { Loadable } from './feedback.tsx';
import { ApplicationStatusBadge } from './status.tsx';

type Query = NonNullable<Operations['GET /api/fiscal/applications']['query']>;
type Status = NonNullable<Query['status']>;
type Kind = NonNullable<Query['kind']>;
const STATUSES: readonly Status[] = ['received', 'under_study', 'completed', 'refused'];
const KINDS: readonly Kind[] = ['registration', 're_registration', 'address_change', 'deregistration'];
const PAGE = 25;

/** The due time that matters now: the study's while under study, else the entry's (p.22, p.24, p.32). */
function dueOf(a: RegisterApplication): { at: string; isOverdue: boolean } | undefined {
  const at = a.status === 'under_study' ? a.studyDueAt : a.status === 'received' ? a.dueAt : null;
  if (!at) return undefined;
  return { at, isOverdue: new Date(at).getTime() < Date.now() };
}

/** Applications visible to the caller, newest first, filterable by status, kind and TIN. */
export function ApplicationsTable({ fixedStatus, withTinFilter = true }: { fixedStatus?: Status; withTinFilter?: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [status, setStatus] = useState<Status | ''>(fixedStatus ?? '');
  const [kind, setKind] = useState<Kind | ''>('');
  const [tin, setTin] = useState('');
  const [page, setPage] = useState(1);
  const isTin = /^\d{9}$/.test(tin);
  const list = useApi(
    () =>
      api('GET /api/fiscal/applications', {
        query: { status: status || undefined, kind: kind || undefined, tin: isTin ? tin : undefined, limit: PAGE, offset: (page - 1) * PAGE },
      }),
    [status, kind, isTin ? tin : '', page],
  );
  return (
    <Stack>
      <Group gap="sm" align="flex-end" wrap="wrap">
        {!fixedStatus && (
          <NativeSelect
            label={t('field.status')}
            value={status}
            onChange={(e) => {
              setStatus(STATUSES.find((s) => s === e.currentTarget.value) ?? '');
              setPage(1);
            }}
            data={[{ value: '', label: t('state.all') }, ...STATUSES.map((s) => ({ value: s, label: t(`appStatus.${s}`) }))]}
          />
        )}
        <NativeSelect
          label={t('field.kind')}
          value={kind}
          onChange={(e) => {
            setKind(KINDS.find((k) => k === e.currentTarget.value) ?? '');
            setPage(1);
          }}
          data={[{ value: '', label: t('state.all') }, ...KINDS.map((k) => ({ value: k, label: t(`appKind.${k}`) }))]}
        />
        {withTinFilter && (
          <TextInput
            label={t('field.tin')}
            inputMode="numeric"
            maxLength={9}
            value={tin}
            onChange={(e) => setTin(e.currentTarget.value.replace(/\D/g, ''))}
            w={160}
          />
        )}
      </Group>
      <Loadable state={list} isEmpty={(d) => d.items.length === 0}>
        {(data) => (
          <Stack gap="xs">
            <Table.ScrollContainer minWidth={760}>
              <Table striped highlightOnHover verticalSpacing="sm" data-testid="applications-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('field.kind')}</Table.Th>
                    <Table.Th>{t('field.business')}</Table.Th>
                    <Table.Th>{t('field.receivedAt')}</Table.Th>
                    <Table.Th>{t('time.due')}</Table.Th>
                    <Table.Th>{t('field.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((a) => {
                    const due = dueOf(a);
                    return (
                      <Table.Tr key={a.id}>
                        <Table.Td>
                          <Anchor component={Link} to={`/applications/${a.id}`} fw={600}>
                            {t(`appKind.${a.kind}`)}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{formText(a, 'businessName')}</Text>
                          <Text size="xs" c="dimmed">
                            {t('field.tin')} {a.businessTin}
                          </Text>
                        </Table.Td>
                        <Table.Td>{formatDateTime(a.receivedAt, lang)}</Table.Td>
                        <Table.Td>
                          {due ? (
                            <Text size="sm" className={due.isOverdue ? 'overdue' : undefined}>
                              {formatDateTime(due.at, lang)}
                              {due.isOverdue ? ` · ${t('time.overdue')}` : ''}
                            </Text>
                          ) : a.isLate ? (
                            <Text size="sm" c="red">
                              {t('outcome.late')}
                            </Text>
                          ) : (
                            '—'
                          )}
                        </Table.Td>
                        <Table.Td>
                          <ApplicationStatusBadge status={a.status} />
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Group justify="space-between">
              <Text size="sm" c="dimmed">
                {t('registers.total', { count: data.total })}
              </Text>
              {data.total > PAGE && <Pagination value={page} onChange={setPage} total={Math.ceil(data.total / PAGE)} size="sm" />}
            </Group>
          </Stack>
        )}
      </Loadable>
    </Stack>
  );
}
