import { Badge, Button, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { Business } from '../../api/types.gen.ts';
import { Loadable, PageHeader } from '../../components/feedback.tsx';
import { useApi } from '../../lib/use-api.ts';
import { AddBusinessForm, EXEMPTIONS, ExemptionForm } from './BusinessForms.tsx';

/** Tax officer: taxpayers with their cabinets, and exemptions from using a register (p.4). */
export function BusinessesPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [isAdding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Business>();
  const [reloadKey, setReloadKey] = useState(0);
  const list = useApi(() => api('GET /api/fiscal/businesses', { query: { q: q || undefined, limit: 100 } }), [q, reloadKey]);
  const done = () => {
    setAdding(false);
    setEditing(undefined);
    setReloadKey((k) => k + 1);
  };
  return (
    <Stack>
      <PageHeader
        title={t('nav.taxBusinesses')}
        subtitle={t('taxpayer.subtitle')}
        actions={<Button onClick={() => setAdding(true)}>{t('taxpayer.add')}</Button>}
      />
      <TextInput
        label={t('action.search')}
        placeholder={`${t('field.tin')}, ${t('field.name')}`}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        w={{ base: '100%', sm: 360 }}
      />
      <Loadable state={list} isEmpty={(d) => d.length === 0}>
        {(data) => (
          <Table.ScrollContainer minWidth={720}>
            <Table striped highlightOnHover verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('field.tin')}</Table.Th>
                  <Table.Th>{t('field.name')}</Table.Th>
                  <Table.Th>{t('field.inspectorate')}</Table.Th>
                  <Table.Th>{t('field.exemption')}</Table.Th>
                  <Table.Th aria-label={t('action.details')} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.map((b) => {
                  const exemption = EXEMPTIONS.find((x) => x === b.exemption);
                  return (
                    <Table.Tr key={b.tin}>
                      <Table.Td ff="monospace">{b.tin}</Table.Td>
                      <Table.Td>
                        <Text size="sm" fw={600}>
                          {b.name}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {b.legalAddress}
                        </Text>
                      </Table.Td>
                      <Table.Td>{b.inspectorateCode}</Table.Td>
                      <Table.Td>
                        {exemption ? (
                          <Badge color="yellow" variant="light" title={b.exemptionBasis ?? undefined}>
                            {t(`taxpayer.exemptionKind.${exemption}`)}
                          </Badge>
                        ) : (
                          <Badge color="teal" variant="light">
                            {t('taxpayer.mustUse')}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Button size="xs" variant="default" onClick={() => setEditing(b)}>
                          {t('taxpayer.setExemption')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Loadable>
      <Modal opened={isAdding} onClose={() => setAdding(false)} title={t('taxpayer.add')} size="lg">
        <AddBusinessForm onDone={done} />
      </Modal>
      <Modal opened={editing !== undefined} onClose={() => setEditing(undefined)} title={editing ? `${t('taxpayer.setExemption')}: ${editing.name}` : ''}>
        {editing && <ExemptionForm business={editing} onDone={done} />}
      </Modal>
    </Stack>
  );
}
