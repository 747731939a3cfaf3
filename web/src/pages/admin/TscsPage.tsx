import { Badge, Button, Group, NativeSelect, SegmentedControl, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { Operations, Tsc } from '../../api/types.gen.ts';
import { ActionModal } from '../../components/ActionModal.tsx';
import { Loadable, PageHeader } from '../../components/feedback.tsx';
import { formatDate } from '../../lib/format.ts';
import { useLang, useSession } from '../../lib/session.tsx';
import { useAction, useApi } from '../../lib/use-api.ts';
import { TscConclusionsDialog } from './TscConclusions.tsx';

type RemovalGround = Operations['POST /api/fiscal/tscs/{id}/remove']['body']['ground'];
const GROUNDS: readonly RemovalGround[] = ['liquidation_or_bankruptcy', 'legal_requirements_changed', 'unauthorised_parameter_change'];
type Pending = { tsc: Tsc; action: 'suspend' | 'restore' | 'remove' };

function AccessDialog({ pending, onClose, onDone }: { pending: Pending; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [reference, setReference] = useState('');
  const [ground, setGround] = useState<RemovalGround>('liquidation_or_bankruptcy');
  const { tsc, action: kind } = pending;
  const action = useAction(() => {
    const params = { id: tsc.id };
    if (kind === 'remove') return api('POST /api/fiscal/tscs/{id}/remove', { params, body: { ground, decisionNumber: reference.trim() } });
    const body = { decisionReference: reference.trim() };
    return kind === 'suspend'
      ? api('POST /api/fiscal/tscs/{id}/suspend-access', { params, body })
      : api('POST /api/fiscal/tscs/{id}/restore-access', { params, body });
  });
  const title = kind === 'remove' ? t('tsc.remove') : kind === 'suspend' ? t('tsc.suspend') : t('tsc.restore');
  return (
    <ActionModal
      title={`${title}: ${tsc.name}`}
      opened
      onClose={onClose}
      action={action}
      onDone={onDone}
      submitLabel={title}
      color={kind === 'restore' ? 'teal' : 'red'}
      isReady={reference.trim() !== ''}
      shownFields={['decisionReference', 'decisionNumber', 'ground']}
    >
      {kind === 'remove' && (
        <>
          <Text size="sm" c="dimmed">
            {t('tsc.removeHint')}
          </Text>
          <NativeSelect
            label={t('tsc.removalGround')}
            value={ground}
            onChange={(e) => setGround(GROUNDS.find((g) => g === e.currentTarget.value) ?? 'liquidation_or_bankruptcy')}
            data={GROUNDS.map((g) => ({ value: g, label: t(`tsc.grounds.${g}`) }))}
          />
        </>
      )}
      <TextInput
        label={kind === 'remove' ? t('field.decisionNumber') : t('tsc.decisionReference')}
        value={reference}
        onChange={(e) => setReference(e.currentTarget.value)}
        error={action.error?.messageFor(kind === 'remove' ? 'decisionNumber' : 'decisionReference')}
        required
        data-autofocus
      />
    </ActionModal>
  );
}

/** The state registry of TSCs: the operator suspends and restores access (p.55), the tax authority removes (p.106). */
export function TscsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { role } = useSession();
  const [status, setStatus] = useState<'included' | 'removed'>('included');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [pending, setPending] = useState<Pending>();
  const [reloadKey, setReloadKey] = useState(0);
  const [conclusionsOf, setConclusionsOf] = useState<Tsc>();
  const tscs = useApi(() => api('GET /api/fiscal/tscs', { query: { status, q: q || undefined, limit: 200 } }), [status, q, reloadKey]);
  return (
    <Stack>
      <PageHeader
        title={role === 'tax_officer' ? t('nav.taxTscs') : t('nav.adminTscs')}
        subtitle={t('tsc.listSubtitle')}
        actions={
          <SegmentedControl
            value={status}
            onChange={(v) => setStatus(v === 'removed' ? 'removed' : 'included')}
            data={[
              { value: 'included', label: t('tsc.includedAt') },
              { value: 'removed', label: t('tscRegistry.removed') },
            ]}
          />
        }
      />
      <TextInput label={t('action.search')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={{ base: '100%', sm: 360 }} />
      <Loadable state={tscs} isEmpty={(d) => d.length === 0}>
        {(data) => (
          <Table.ScrollContainer minWidth={760}>
            <Table striped verticalSpacing="sm" data-testid="tscs-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('tscRegistry.name')}</Table.Th>
                  <Table.Th>{t('tscRegistry.decision')}</Table.Th>
                  <Table.Th>{t('tscRegistry.access')}</Table.Th>
                  <Table.Th aria-label={t('action.details')} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.map((tsc) => (
                  <Table.Tr key={tsc.id}>
                    <Table.Td>
                      <Text fw={600} size="sm">
                        {tsc.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t('field.tin')} {tsc.tin} · {tsc.headName} · {tsc.address}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">№ {tsc.decisionNumber}</Text>
                      <Text size="xs" c="dimmed">
                        {formatDate(tsc.includedAt, lang)}
                        {tsc.removedAt ? ` – ${formatDate(tsc.removedAt, lang)}` : ''}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {tsc.status === 'removed' ? (
                        <Badge color="gray">{t('tscRegistry.removed')}</Badge>
                      ) : (
                        <Badge color={tsc.access === 'active' ? 'teal' : 'red'} variant="light" title={tsc.accessDecision ?? undefined}>
                          {tsc.access === 'active' ? t('tscRegistry.accessActive') : t('tscRegistry.accessSuspended')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button size="xs" variant="subtle" onClick={() => setConclusionsOf(tsc)}>
                          {t('tscConclusion.open')}
                        </Button>
                        {tsc.status === 'included' && role === 'operator_admin' && (
                          <Button
                            size="xs"
                            variant="light"
                            color={tsc.access === 'active' ? 'red' : 'teal'}
                            onClick={() => setPending({ tsc, action: tsc.access === 'active' ? 'suspend' : 'restore' })}
                          >
                            {tsc.access === 'active' ? t('tsc.suspend') : t('tsc.restore')}
                          </Button>
                        )}
                        {tsc.status === 'included' && role === 'tax_officer' && (
                          <Button size="xs" variant="light" color="red" onClick={() => setPending({ tsc, action: 'remove' })}>
                            {t('tsc.remove')}
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Loadable>
      {conclusionsOf && <TscConclusionsDialog tsc={conclusionsOf} onClose={() => setConclusionsOf(undefined)} />}
      {pending && (
        <AccessDialog
          key={`${pending.tsc.id}-${pending.action}`}
          pending={pending}
          onClose={() => setPending(undefined)}
          onDone={() => {
            setPending(undefined);
            setReloadKey((k) => k + 1);
          }}
        />
      )}
    </Stack>
  );
}
