import { Anchor, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import type { Deadline } from '../api/types.gen.ts';
import { Loadable, PageHeader } from '../components/feedback.tsx';
import { DeadlineText } from '../components/status.tsx';
import { formatDateTime, localised } from '../lib/format.ts';
import { Link } from '../lib/router.tsx';
import { type Role, useLang, useSession } from '../lib/session.tsx';
import { useApi } from '../lib/use-api.ts';

type Filter = 'overdue' | 'open' | 'all';

const SUBJECT_TYPES = ['application', 'register', 'incident', 'inspection', 'branch', 'tsc_application', 'tsc', 'fiscal_module', 'specialist'] as const;
const isSubjectType = (s: string): s is (typeof SUBJECT_TYPES)[number] => (SUBJECT_TYPES as readonly string[]).includes(s);

/** Where the subject of a deadline can be opened, for the reader's role. */
function subjectHref(d: Deadline, role: Role | undefined): string | undefined {
  const id = d.subjectId;
  switch (d.subjectType) {
    case 'application':
      return `/applications/${id}`;
    case 'register':
      return role === 'business' ? `/my/registers/${id}` : `/registers/${id}`;
    case 'incident':
      return role === 'business' ? '/my/reports' : role === 'tsc_specialist' ? '/tsc/service' : undefined;
    case 'tsc_application':
      return role === 'tax_officer' ? `/tax/tsc-applications/${id}` : undefined;
    case 'branch':
      return role === 'operator_admin' ? '/admin/branches' : role === 'tsc_specialist' ? '/tsc/requests' : undefined;
    case 'fiscal_module':
      return role === 'operator_admin' ? '/admin/modules' : role === 'tsc_specialist' ? '/tsc/modules' : undefined;
    case 'tsc':
      return role === 'operator_admin' ? '/admin/tscs' : role === 'tax_officer' ? '/tax/tscs' : undefined;
    default:
      return undefined;
  }
}

/** Stored legal due times (DESIGN.md: deadlines are data); overdue ones in red with their legal reference. */
export function DeadlinesPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { role } = useSession();
  const [filter, setFilter] = useState<Filter>('overdue');
  const deadlines = useApi(
    () => api('GET /api/fiscal/deadlines', { query: { isOverdue: filter === 'overdue' || undefined, isOpen: filter === 'open' || undefined, limit: 200 } }),
    [filter],
  );
  return (
    <Stack>
      <PageHeader
        title={t('deadline.title')}
        subtitle={t('deadline.subtitle')}
        actions={
          <SegmentedControl
            value={filter}
            onChange={(v) => setFilter(v === 'open' || v === 'all' ? v : 'overdue')}
            data={[
              { value: 'overdue', label: t('deadline.overdueOnly') },
              { value: 'open', label: t('time.open') },
              { value: 'all', label: t('state.all') },
            ]}
          />
        }
      />
      <Loadable state={deadlines} isEmpty={(d) => d.length === 0}>
        {(data) => (
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="sm" striped data-testid="deadlines-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('deadline.kind')}</Table.Th>
                  <Table.Th>{t('deadline.subject')}</Table.Th>
                  <Table.Th>{t('deadline.startsAt')}</Table.Th>
                  <Table.Th>{t('deadline.dueAt')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.map((d) => {
                  const href = subjectHref(d, role);
                  return (
                    <Table.Tr key={d.id} style={d.isOverdue ? { background: 'var(--mantine-color-red-light)' } : undefined}>
                      <Table.Td>
                        <Text fw={600} size="sm" className={d.isOverdue ? 'overdue' : undefined}>
                          {localised(d.title, lang)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          <Text size="sm" c="dimmed">
                            {isSubjectType(d.subjectType) ? t(`deadline.subjectType.${d.subjectType}`) : d.subjectType}
                          </Text>
                          {href ? (
                            <Anchor component={Link} to={href} size="sm" ff="monospace" title={d.subjectId}>
                              {d.subjectId.length > 12 ? `${d.subjectId.slice(0, 8)}…` : d.subjectId}
                            </Anchor>
                          ) : (
                            <Text size="sm" ff="monospace" title={d.subjectId}>
                              {d.subjectId.length > 12 ? `${d.subjectId.slice(0, 8)}…` : d.subjectId}
                            </Text>
                          )}
                        </Group>
                      </Table.Td>
                      <Table.Td>{formatDateTime(d.startsAt, lang)}</Table.Td>
                      <Table.Td>
                        <DeadlineText deadline={d} />
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
