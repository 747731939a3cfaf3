import { Badge, Button, Card, Group, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ActionModal } from '../../components/ActionModal.tsx';
import { Loadable, PageHeader } from '../../components/feedback.tsx';
import { addDays, formatDate, formatDateTime, todayInDushanbe } from '../../lib/format.ts';
import { useLang } from '../../lib/session.tsx';
import { useAction, useApi } from '../../lib/use-api.ts';

/** A row of GET /api/tax-services/catalogue/versions (the catalogue_versions table without its lines). */
type Version = {
  readonly id: string;
  readonly label: string;
  readonly orderRef: string;
  readonly orderDate: string;
  readonly status: 'proposed' | 'approved' | 'rejected' | 'repealed';
  readonly effectiveFrom: string | null;
  readonly effectiveTo: string | null;
  readonly proposalSource: 'central_office' | 'territorial_body' | 'taxpayer' | 'order' | null;
  readonly justification: string | null;
  readonly proposedBy: string;
  readonly proposedAt: string;
  readonly decidedBy: string | null;
  readonly decidedAt: string | null;
  readonly decisionNote: string | null;
  readonly lineCount: number;
};

type Shown = 'in_force' | 'approved' | 'ended' | 'repealed' | 'proposed' | 'rejected';
const COLORS: Record<Shown, string> = { in_force: 'teal', approved: 'blue', ended: 'gray', repealed: 'gray', proposed: 'orange', rejected: 'red' };

/** An approved version is in force between its dates (Dushanbe days), pending before, ended after. */
function shownState(v: Version, today: string): Shown {
  if (v.status !== 'approved') return v.status;
  if (v.effectiveFrom && v.effectiveFrom > today) return 'approved';
  if (v.effectiveTo && v.effectiveTo < today) return 'ended';
  return 'in_force';
}

/** The order of the version that took effect the day after this one ended. */
function successorOf(v: Version, all: readonly Version[]): string | undefined {
  if (!v.effectiveTo) return undefined;
  const next = addDays(v.effectiveTo, 1);
  return all.find((o) => o.status === 'approved' && o.effectiveFrom === next)?.orderRef;
}

function Decision({ v, onDone }: { v: Version; onDone: () => void }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<'approve' | 'reject'>();
  const [orderRef, setOrderRef] = useState('');
  const [effectiveFrom, setEffectiveFrom] = useState(() => addDays(todayInDushanbe(), 1));
  const [note, setNote] = useState('');
  const params = { id: v.id };
  const approve = useAction(() =>
    api('POST /api/tax-services/catalogue/versions/{id}/decision', {
      params,
      body: { approve: true, note: note.trim(), orderRef: orderRef.trim(), effectiveFrom },
    }),
  );
  const reject = useAction(() => api('POST /api/tax-services/catalogue/versions/{id}/decision', { params, body: { approve: false, note: note.trim() } }));
  const open = (d: 'approve' | 'reject') => {
    setNote('');
    setDialog(d);
  };
  const done = () => {
    setDialog(undefined);
    onDone();
  };
  return (
    <Group gap="xs">
      <Button size="xs" color="teal" onClick={() => open('approve')}>
        {t('svc.versions.approve')}
      </Button>
      <Button size="xs" color="red" variant="light" onClick={() => open('reject')}>
        {t('svc.versions.reject')}
      </Button>
      <ActionModal
        title={t('svc.versions.approve')}
        opened={dialog === 'approve'}
        onClose={() => setDialog(undefined)}
        action={approve}
        onDone={done}
        submitLabel={t('svc.versions.approve')}
        color="teal"
        isReady={orderRef.trim() !== '' && effectiveFrom !== '' && note.trim() !== ''}
        shownFields={['orderRef', 'effectiveFrom', 'note']}
      >
        <TextInput
          label={t('svc.versions.orderRef')}
          value={orderRef}
          onChange={(e) => setOrderRef(e.currentTarget.value)}
          error={approve.error?.messageFor('orderRef')}
          required
        />
        <TextInput
          type="date"
          label={t('svc.versions.effectiveFrom')}
          description={t('svc.versions.effectiveHint')}
          value={effectiveFrom}
          onChange={(e) => setEffectiveFrom(e.currentTarget.value)}
          error={approve.error?.messageFor('effectiveFrom')}
          required
        />
        <Textarea
          label={t('svc.versions.note')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={approve.error?.messageFor('note')}
          autosize
          minRows={2}
          required
        />
      </ActionModal>
      <ActionModal
        title={t('svc.versions.reject')}
        opened={dialog === 'reject'}
        onClose={() => setDialog(undefined)}
        action={reject}
        onDone={done}
        submitLabel={t('svc.versions.reject')}
        color="red"
        isReady={note.trim() !== ''}
        shownFields={['note']}
      >
        <Textarea
          label={t('svc.versions.note')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={reject.error?.messageFor('note')}
          autosize
          minRows={3}
          required
        />
      </ActionModal>
    </Group>
  );
}

/** The versions of the Standard and the decisions on proposals (order 396 p.4, A1 p.8, TS-24). */
export function CatalogueVersionsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const versions = useApi(async () => (await api('GET /api/tax-services/catalogue/versions')) as unknown as Version[], []);
  const today = todayInDushanbe();
  return (
    <Stack maw={1200}>
      <PageHeader title={t('svc.versions.title')} subtitle={t('svc.versions.subtitle')} />
      <Loadable state={versions} isEmpty={(d) => d.length === 0}>
        {(rows) => (
          <Card withBorder radius="md" padding={0}>
            <Table.ScrollContainer minWidth={960}>
              <Table verticalSpacing="sm" horizontalSpacing="md" data-testid="catalogue-versions">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('svc.versions.order')}</Table.Th>
                    <Table.Th>{t('svc.field.status')}</Table.Th>
                    <Table.Th>{t('svc.versions.effective')}</Table.Th>
                    <Table.Th ta="right">{t('svc.versions.lines')}</Table.Th>
                    <Table.Th>{t('svc.versions.source')}</Table.Th>
                    <Table.Th>{t('svc.versions.decided')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((v) => {
                    const state = shownState(v, today);
                    return (
                      <Table.Tr key={v.id} data-testid="version-row" data-state={state}>
                        <Table.Td>
                          {/* A proposal carries the order in force until an order adopts it. */}
                          <Text fw={600} size="sm">
                            {v.status === 'approved' || v.status === 'repealed' ? `№ ${v.orderRef}` : t('svc.versions.proposal')}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {formatDate(v.orderDate, lang)}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Badge color={COLORS[state]} variant={state === 'in_force' ? 'filled' : 'light'}>
                            {t(`svc.versions.state.${state}`)}
                          </Badge>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">
                            {v.effectiveFrom
                              ? v.effectiveTo
                                ? t('svc.versions.fromTo', { from: formatDate(v.effectiveFrom, lang), to: formatDate(v.effectiveTo, lang) })
                                : t('svc.versions.fromOnly', { from: formatDate(v.effectiveFrom, lang) })
                              : '—'}
                          </Text>
                        </Table.Td>
                        <Table.Td ta="right">{v.lineCount}</Table.Td>
                        <Table.Td maw={360}>
                          <Text size="sm">{v.proposalSource ? t(`svc.versions.sourceKind.${v.proposalSource}`) : '—'}</Text>
                          {v.proposalSource !== 'order' && (
                            <Text size="xs" c="dimmed">
                              {t('svc.versions.proposed')}: {formatDateTime(v.proposedAt, lang)}
                            </Text>
                          )}
                          {v.justification && (
                            <Text size="xs" style={{ whiteSpace: 'pre-line' }}>
                              {t('svc.versions.justification')}: {v.justification}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td maw={320}>
                          {v.status === 'proposed' ? (
                            <Decision v={v} onDone={versions.reload} />
                          ) : v.proposalSource === 'order' ? (
                            // The orders entered at start: the decision is the order itself, and a repealed one names its successor (order 396 p.4).
                            <Text size="sm">
                              {state === 'repealed' && successorOf(v, rows) ? t('svc.versions.repealedBy', { order: successorOf(v, rows) }) : '—'}
                            </Text>
                          ) : (
                            <>
                              <Text size="xs" c="dimmed">
                                {formatDateTime(v.decidedAt, lang)}
                              </Text>
                              {v.decisionNote && (
                                <Text size="sm" style={{ whiteSpace: 'pre-line' }} data-testid="decision-note">
                                  {v.decisionNote}
                                </Text>
                              )}
                            </>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Card>
        )}
      </Loadable>
    </Stack>
  );
}
