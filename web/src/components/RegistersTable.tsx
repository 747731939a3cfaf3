import { Anchor, Group, NativeSelect, Pagination, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import type { RegisterSummary } from '../api/types.gen.ts';
import { formatDate } from '../lib/format.ts';
import { Link } from '../lib/router.tsx';
import { useLang } from '../lib/session.tsx';
import { useApi } from '../lib/use-api.ts';
import { Loadable } from './feedback.tsx';
import { RegisterStatusBadge } from './status.tsx';

const PAGE = 25;

type Props = {
  /** Where a row's card opens. */
  cardHref: (r: RegisterSummary) => string;
  actions?: (r: RegisterSummary) => ReactNode;
  reloadKey?: number;
};

/** The registers the caller may see (own for a business, clients for a TSC, all for officers). */
export function RegistersTable({ cardHref, actions, reloadKey = 0 }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<'all' | 'registered' | 'deregistered'>('registered');
  const [page, setPage] = useState(1);
  const [query] = useDebouncedValue(q.trim(), 250);
  const registers = useApi(
    () =>
      api('GET /api/fiscal/registers', {
        query: { q: query || undefined, status: status === 'all' ? undefined : status, limit: PAGE, offset: (page - 1) * PAGE },
      }),
    [query, status, page, reloadKey],
  );

  return (
    <Stack>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          label={t('action.search')}
          placeholder={t('registers.search')}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setPage(1);
          }}
          w={{ base: '100%', sm: 360 }}
        />
        <NativeSelect
          label={t('field.status')}
          value={status}
          onChange={(e) => {
            const v = e.currentTarget.value;
            setStatus(v === 'all' || v === 'deregistered' ? v : 'registered');
            setPage(1);
          }}
          data={[
            { value: 'registered', label: t('regStatus.registered') },
            { value: 'deregistered', label: t('regStatus.deregistered') },
            { value: 'all', label: t('state.all') },
          ]}
          w={{ base: '100%', sm: 240 }}
        />
      </Group>
      <Loadable state={registers} isEmpty={(d) => d.items.length === 0}>
        {(data) => (
          <Stack gap="xs">
            <Table.ScrollContainer minWidth={820}>
              <Table striped highlightOnHover verticalSpacing="sm" data-testid="registers-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('field.registryNumber')}</Table.Th>
                    <Table.Th>{t('model.name')}</Table.Th>
                    <Table.Th>{t('field.business')}</Table.Th>
                    <Table.Th>{t('field.placeOfActivity')}</Table.Th>
                    <Table.Th>{t('field.status')}</Table.Th>
                    {actions && <Table.Th aria-label={t('action.details')} />}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((r) => (
                    <Table.Tr key={r.id}>
                      <Table.Td>
                        <Anchor component={Link} to={cardHref(r)} ff="monospace" fw={600}>
                          {r.registryNumber}
                        </Anchor>
                        <Text size="xs" c="dimmed">
                          {formatDate(r.registeredAt, lang)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">
                          {r.modelName} {r.modelVersion}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {t(`kind.${r.kind}`)} · {r.manufacturerNumber} · {r.fiscalModuleNumber}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{r.businessName}</Text>
                        <Text size="xs" c="dimmed">
                          {t('field.tin')} {r.businessTin}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{r.placeOfActivity}</Text>
                      </Table.Td>
                      <Table.Td>
                        <RegisterStatusBadge status={r.status} isLost={r.isLost} />
                      </Table.Td>
                      {actions && <Table.Td>{actions(r)}</Table.Td>}
                    </Table.Tr>
                  ))}
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
