import { Anchor, Badge, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { TscApplication } from '../../api/types.gen.ts';
import { Loadable, PageHeader } from '../../components/feedback.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { Link } from '../../lib/router.tsx';
import { useLang } from '../../lib/session.tsx';
import { useApi } from '../../lib/use-api.ts';

type Status = TscApplication['status'];
const STATUSES: readonly Status[] = ['received', 'site_check', 'included', 'refused'];
export const TSC_APP_COLORS: Record<Status, string> = { received: 'blue', site_check: 'orange', included: 'teal', refused: 'red' };

/** The decision due now: the on-site check's while checking, else the 15 working days of p.104. */
export function tscAppDue(a: TscApplication): { at: string; isOverdue: boolean } | undefined {
  if (a.status === 'included' || a.status === 'refused') return undefined;
  const at = a.status === 'site_check' && a.siteCheckDueAt ? a.siteCheckDueAt : a.decisionDueAt;
  return { at, isOverdue: new Date(at).getTime() < Date.now() };
}

/** Tax officer: applications of TSCs for the state registry (p.99-105). */
export function TscApplicationsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const [status, setStatus] = useState<Status | ''>('received');
  const list = useApi(() => api('GET /api/fiscal/tsc-applications', { query: { status: status || undefined, limit: 200 } }), [status]);
  return (
    <Stack>
      <PageHeader title={t('nav.taxTscApplications')} subtitle={t('tscApp.subtitle')} />
      <NativeSelect
        label={t('field.status')}
        value={status}
        onChange={(e) => setStatus(STATUSES.find((s) => s === e.currentTarget.value) ?? '')}
        data={[{ value: '', label: t('state.all') }, ...STATUSES.map((s) => ({ value: s, label: t(`tscApp.status.${s}`) }))]}
        w={220}
      />
      <Loadable state={list} isEmpty={(d) => d.length === 0}>
        {(data) => (
          <Table.ScrollContainer minWidth={720}>
            <Table striped highlightOnHover verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('tscApp.applicant')}</Table.Th>
                  <Table.Th>{t('field.receivedAt')}</Table.Th>
                  <Table.Th>{t('time.due')}</Table.Th>
                  <Table.Th>{t('field.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.map((a) => {
                  const due = tscAppDue(a);
                  return (
                    <Table.Tr key={a.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/tax/tsc-applications/${a.id}`} fw={600}>
                          {a.name}
                        </Anchor>
                        <Text size="xs" c="dimmed">
                          {t('field.tin')} {a.applicantTin} · {a.headName}
                        </Text>
                      </Table.Td>
                      <Table.Td>{formatDateTime(a.receivedAt, lang)}</Table.Td>
                      <Table.Td>
                        {due ? (
                          <Text size="sm" className={due.isOverdue ? 'overdue' : undefined}>
                            {formatDateTime(due.at, lang)}
                            {due.isOverdue ? ` · ${t('time.overdue')} (${t('time.point', { n: a.status === 'site_check' ? 101 : 104 })})` : ''}
                          </Text>
                        ) : (
                          '—'
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Badge color={TSC_APP_COLORS[a.status]} variant="light">
                          {t(`tscApp.status.${a.status}`)}
                        </Badge>
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
