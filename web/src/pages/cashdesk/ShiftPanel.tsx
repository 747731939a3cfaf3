import { Alert, Badge, Button, Group, Modal, Paper, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { CashdeskShiftResult, CashdeskShiftTotals, CashdeskStatus } from '../../api/types.gen.ts';
import { formatDateTime } from '../../lib/format.ts';
import { parseSomoni } from '../../lib/pos-cart.ts';
import { useLang } from '../../lib/session.tsx';
import { useAction } from '../../lib/use-api.ts';
import { AnyProblem, type DynamicT, dynamicT, useMoney, useTaxText } from './cashdesk-ui.tsx';

const opText = (t: DynamicT, op: string) => (op === 'sale' || op === 'refund' ? t(`pos.operation.${op}`) : op);

/** The totals of an X- or Z-report (p.2, p.77): counts, by tax and by payment form. */
export function TotalsView({ totals, expectedCash }: { totals: CashdeskShiftTotals; expectedCash?: number }) {
  const { t } = useTranslation();
  const money = useMoney();
  const tax = useTaxText();
  return (
    <Stack gap="sm" data-testid="shift-totals">
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        {(['receiptCount', 'saleCount', 'refundCount', 'offlineCount'] as const).map((k) => (
          <Paper key={k} withBorder p="xs" radius="sm">
            <Text size="xs" c="dimmed">
              {t(`pos.shift.${k}`)}
            </Text>
            <Text fw={700} fz="xl" data-testid={`totals-${k}`}>
              {totals[k]}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      {expectedCash !== undefined && (
        <Text fz="lg">
          {t('pos.shift.expectedCash')}: <b data-testid="expected-cash">{money(expectedCash)}</b>
        </Text>
      )}
      <Table striped withTableBorder fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('pos.shift.operation')}</Table.Th>
            <Table.Th>{t('pos.shift.taxKind')}</Table.Th>
            <Table.Th ta="right">{t('pos.shift.amount')}</Table.Th>
            <Table.Th ta="right">{t('pos.shift.tax')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {totals.byTax.map((r) => (
            <Table.Tr key={`${r.operation}-${r.kind}-${r.rateBp}`}>
              <Table.Td>{opText(dynamicT(t), r.operation)}</Table.Td>
              <Table.Td>{tax(r.kind, r.rateBp)}</Table.Td>
              <Table.Td ta="right">{money(r.amount)}</Table.Td>
              <Table.Td ta="right">{money(r.tax)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Table striped withTableBorder fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('pos.shift.operation')}</Table.Th>
            <Table.Th ta="right">{t('pos.shift.cash')}</Table.Th>
            <Table.Th ta="right">{t('pos.shift.nonCash')}</Table.Th>
            <Table.Th ta="right">{t('pos.shift.total')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {totals.byPayment.map((r) => (
            <Table.Tr key={r.operation}>
              <Table.Td>{opText(dynamicT(t), r.operation)}</Table.Td>
              <Table.Td ta="right">{money(r.cash)}</Table.Td>
              <Table.Td ta="right">{money(r.nonCash)}</Table.Td>
              <Table.Td ta="right">{money(r.total)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

type Report =
  | { readonly kind: 'x'; readonly totals: CashdeskShiftTotals; readonly expectedCash: number; readonly shiftNumber: number }
  | { readonly kind: 'z'; readonly result: CashdeskShiftResult };

/** Opening a shift with the float in the drawer; the X-report; closing with the Z-report sent to the operator. */
export function ShiftPanel({ registerId, status, onChange }: { registerId: string; status: CashdeskStatus; onChange: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [openingCash, setOpeningCash] = useState('');
  const [report, setReport] = useState<Report>();
  const [isConfirming, setConfirming] = useState(false);
  const params = { id: registerId };
  const open = useAction((cash: number) => api('POST /api/cashdesk/registers/{id}/shifts', { params, body: { openingCash: cash } }));
  const close = useAction(() => api('POST /api/cashdesk/registers/{id}/shifts/current/close', { params }));
  const xReport = useAction(() => api('GET /api/cashdesk/registers/{id}/shifts/current/x-report', { params }));
  const shift = status.shift;
  const cash = openingCash.trim() ? parseSomoni(openingCash) : 0;

  const submitOpen = async (e: FormEvent) => {
    e.preventDefault();
    if (cash === undefined) return;
    if (await open.run(cash)) {
      setOpeningCash('');
      onChange();
    }
  };
  const showX = async () => {
    const x = await xReport.run();
    if (x) setReport({ kind: 'x', totals: x.totals, expectedCash: x.expectedCash, shiftNumber: x.shiftNumber });
  };
  const doClose = async () => {
    setConfirming(false);
    const z = await close.run();
    if (z) setReport({ kind: 'z', result: z });
    onChange();
  };

  return (
    <>
      {shift?.isOpen ? (
        <Group gap="xs" className="no-print">
          <Button size="md" variant="default" onClick={showX} loading={xReport.isRunning} data-testid="x-report">
            {t('pos.shift.xReport')}
          </Button>
          <Button
            size="md"
            variant="light"
            color="red"
            onClick={() => setConfirming(true)}
            loading={close.isRunning}
            disabled={!status.canCloseShift}
            data-testid="close-shift"
          >
            {t('pos.shift.close')}
          </Button>
        </Group>
      ) : (
        <Paper withBorder p="md" radius="md" className="no-print">
          <form onSubmit={submitOpen} data-testid="open-shift-form">
            <Group align="flex-end" gap="sm">
              <TextInput
                size="lg"
                name="openingCash"
                label={t('pos.shift.openingCash')}
                value={openingCash}
                onChange={(e) => setOpeningCash(e.currentTarget.value)}
                inputMode="decimal"
                placeholder="0.00"
                error={cash === undefined ? t('check.problem.total') : undefined}
                w={240}
              />
              <Button type="submit" size="lg" loading={open.isRunning} disabled={!status.canIssueReceipts} data-testid="open-shift">
                {t('pos.shift.open')}
              </Button>
            </Group>
          </form>
        </Paper>
      )}
      <AnyProblem error={open.error ?? close.error ?? xReport.error} />
      <Modal opened={isConfirming} onClose={() => setConfirming(false)} title={t('pos.shift.close')} centered>
        <Stack>
          <Text>{t('pos.shift.closeConfirm')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('action.cancel')}
            </Button>
            <Button color="red" onClick={doClose} data-testid="close-shift-confirm" data-autofocus>
              {t('action.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Modal
        opened={report !== undefined}
        onClose={() => setReport(undefined)}
        size="lg"
        title={
          report?.kind === 'x'
            ? `${t('pos.shift.xReport')} · ${t('pos.status.shift', { number: report.shiftNumber })}`
            : report
              ? `${t('pos.shift.zReport')} · ${t('pos.status.shift', { number: report.result.document.shiftNumber })}`
              : ''
        }
      >
        {report?.kind === 'x' && <TotalsView totals={report.totals} expectedCash={report.expectedCash} />}
        {report?.kind === 'z' && (
          <Stack gap="sm" data-testid="z-report">
            <Group gap="xs">
              <Badge color={report.result.delivery.status === 'accepted' ? 'teal' : report.result.delivery.status === 'queued' ? 'orange' : 'red'}>
                {t(`pos.receipt.delivery.${report.result.delivery.status}`, { code: report.result.delivery.code ?? '' })}
              </Badge>
              <Text size="sm" c="dimmed">
                № {report.result.document.number} · {formatDateTime(report.result.document.issuedAt, lang)}
              </Text>
            </Group>
            {report.result.matchesRegister !== undefined && (
              <Alert
                color={report.result.matchesRegister ? 'teal' : 'red'}
                variant="light"
                data-testid="z-matches"
                data-matches={String(report.result.matchesRegister)}
              >
                {report.result.matchesRegister ? t('pos.shift.matches') : t('pos.shift.mismatch')}
              </Alert>
            )}
            {report.result.document.totals && <TotalsView totals={report.result.document.totals} />}
          </Stack>
        )}
      </Modal>
    </>
  );
}
