import { Badge, Button, Group, Stack, Table, Tabs, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { ActionModal } from '../../../components/ActionModal.tsx';
import { Loadable, PageHeader } from '../../../components/feedback.tsx';
import { dirams, formatDateTime, formatSomoni, nowInDushanbeLocal } from '../../../lib/format.ts';
import { Link } from '../../../lib/router.tsx';
import { useLang } from '../../../lib/session.tsx';
import { useAction, useApi } from '../../../lib/use-api.ts';
import { dushanbeInstant } from '../model.ts';
import { useNow } from '../parts.tsx';
import { EdsCertificatesTable } from './EdsParts.tsx';
import type { EdsApplication } from './model.ts';

/** The fee as the bank confirmed it, with the bank's time (12.12.02: the clock runs from the later of contract and payment). */
function PaymentButton({ a, onDone }: { a: EdsApplication; onDone: () => void }) {
  const { t } = useTranslation();
  const [isOpen, setOpen] = useState(false);
  const [amount, setAmount] = useState('');
  const [reference, setReference] = useState('');
  const [paidAt, setPaidAt] = useState('');
  const amountDirams = dirams(amount);
  const pay = useAction(() =>
    api('POST /api/tax-services/eds/applications/{id}/payment', {
      params: { id: a.id },
      body: { amountDirams: amountDirams ?? -1, reference: reference.trim(), ...(paidAt ? { paidAt: dushanbeInstant(paidAt) } : {}) },
    }),
  );
  const open = () => {
    setAmount((a.priceDirams / 100).toFixed(2));
    setReference('');
    setPaidAt('');
    setOpen(true);
  };
  return (
    <>
      <Button size="xs" variant="light" onClick={open} data-testid="eds-record-payment">
        {t('svcId.edsOfficer.recordPayment')}
      </Button>
      <ActionModal
        title={t('svcId.edsOfficer.recordPayment')}
        opened={isOpen}
        onClose={() => setOpen(false)}
        action={pay}
        onDone={() => {
          setOpen(false);
          onDone();
        }}
        submitLabel={t('svcId.edsOfficer.recordPayment')}
        isReady={amountDirams !== undefined && reference.trim() !== ''}
        shownFields={['amountDirams', 'reference', 'paidAt']}
      >
        <TextInput
          label={t('svcId.edsOfficer.amount')}
          inputMode="decimal"
          value={amount}
          onChange={(e) => setAmount(e.currentTarget.value)}
          error={amount && amountDirams === undefined ? t('svcId.edsOfficer.amountFormat') : pay.error?.messageFor('amountDirams')}
        />
        <TextInput
          label={t('svcId.edsOfficer.reference')}
          value={reference}
          onChange={(e) => setReference(e.currentTarget.value)}
          maxLength={100}
          error={pay.error?.messageFor('reference')}
        />
        <TextInput
          type="datetime-local"
          label={t('svcId.edsOfficer.paidAt')}
          description={t('svcId.edsOfficer.paidAtHint')}
          max={nowInDushanbeLocal()}
          value={paidAt}
          onChange={(e) => setPaidAt(e.currentTarget.value)}
          error={pay.error?.messageFor('paidAt')}
        />
      </ActionModal>
    </>
  );
}

function ApplicationsTable({ rows, onChanged }: { rows: readonly EdsApplication[]; onChanged: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (rows.length === 0)
    return (
      <Text c="dimmed" size="sm">
        {t('svcId.edsOfficer.noApplications')}
      </Text>
    );
  const yesNo = (at: string | null) => (at ? formatDateTime(at, lang) : '—');
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped withTableBorder data-testid="eds-applications">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('svcId.field.tin')}</Table.Th>
            <Table.Th>{t('svcId.edsOfficer.appliedAt')}</Table.Th>
            <Table.Th>{t('svcId.eds.price')}</Table.Th>
            <Table.Th>{t('svcId.eds.stepContract')}</Table.Th>
            <Table.Th>{t('svcId.eds.stepPayment')}</Table.Th>
            <Table.Th>{t('svcId.eds.state')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((a) => (
            <Table.Tr key={a.id} data-testid="eds-application-row" data-status={a.status}>
              <Table.Td>{a.tin}</Table.Td>
              <Table.Td fz="sm">{formatDateTime(a.appliedAt, lang)}</Table.Td>
              <Table.Td fz="sm">{a.isFree ? t('svcId.eds.free') : formatSomoni(a.priceDirams, lang)}</Table.Td>
              <Table.Td fz="sm">{yesNo(a.contractSignedAt)}</Table.Td>
              <Table.Td fz="sm">{a.isFree ? t('svcId.eds.notDue') : yesNo(a.paidAt)}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={a.status === 'issued' ? 'teal' : a.status === 'pending' ? 'blue' : 'gray'}>
                  {a.status === 'issued' || a.status === 'pending' || a.status === 'cancelled' ? t(`svcId.edsOfficer.status.${a.status}`) : '—'}
                </Badge>
              </Table.Td>
              <Table.Td>
                {a.status === 'pending' && !a.isFree && !a.paidAt && <PaymentButton a={a} onDone={onChanged} />}
                {a.requestId && (
                  <Button size="xs" variant="subtle" component={Link} to={`/services/queue/${a.requestId}`}>
                    {t('svcId.edsOfficer.request')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * The officers' side of 12.12.02 (TS-50): applications waiting for the fee, which they record as the
 * bank confirmed it, and the certificates issued, which they may revoke; all, or one TIN's.
 */
export function EdsOfficerPage() {
  const { t } = useTranslation();
  const now = useNow(60_000);
  const [tin, setTin] = useState('');
  const filter = /^\d{9}$/.test(tin.trim()) ? tin.trim() : undefined;
  const applications = useApi(() => api('GET /api/tax-services/eds/applications', { query: { tin: filter } }), [filter]);
  const certificates = useApi(() => api('GET /api/tax-services/eds/certificates', { query: { tin: filter } }), [filter]);
  const reload = () => {
    applications.reload();
    certificates.reload();
  };
  const pendingFirst = (rows: readonly EdsApplication[]) => [...rows].sort((a, b) => Number(b.status === 'pending') - Number(a.status === 'pending'));
  return (
    <Stack maw={1200}>
      <PageHeader title={t('svcId.edsOfficer.title')} subtitle={t('svcId.edsOfficer.subtitle')} />
      <Group>
        <TextInput
          label={t('svcId.edsOfficer.tinFilter')}
          value={tin}
          onChange={(e) => setTin(e.currentTarget.value)}
          maxLength={9}
          inputMode="numeric"
          style={{ width: 240 }}
          data-testid="eds-tin-filter"
        />
      </Group>
      <Tabs defaultValue="applications" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="applications">{t('svcId.edsOfficer.applications')}</Tabs.Tab>
          <Tabs.Tab value="certificates">{t('svcId.eds.certificates')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="applications" pt="md">
          <Loadable state={applications}>{(rows) => <ApplicationsTable rows={pendingFirst(rows)} onChanged={reload} />}</Loadable>
        </Tabs.Panel>
        <Tabs.Panel value="certificates" pt="md">
          <Loadable state={certificates}>{(rows) => <EdsCertificatesTable rows={rows} now={now} onChanged={reload} showTin />}</Loadable>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
