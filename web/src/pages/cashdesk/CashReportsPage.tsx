import { Anchor, Badge, Button, Group, Paper, Stack, Table, Tabs, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Output } from '../../api/client.ts';
import { Loadable, PageHeader } from '../../components/feedback.tsx';
import { addDays, formatDate, formatDateTime, todayInDushanbe } from '../../lib/format.ts';
import { Link, navigate } from '../../lib/router.tsx';
import { useLang } from '../../lib/session.tsx';
import { useApi } from '../../lib/use-api.ts';
import { useMoney, useQuantityText } from './cashdesk-ui.tsx';
import { ReceiptPreview } from './ReceiptPreview.tsx';

type Reports = Output<'GET /api/cashdesk/registers/{id}/reports'>;

function ByDay({ rows }: { rows: Reports['byDay'] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const money = useMoney();
  return (
    <Table striped withTableBorder data-testid="report-by-day">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('pos.reports.date')}</Table.Th>
          <Table.Th ta="right">{t('pos.shift.saleCount')}</Table.Th>
          <Table.Th ta="right">{t('pos.reports.sales')}</Table.Th>
          <Table.Th ta="right">{t('pos.shift.refundCount')}</Table.Th>
          <Table.Th ta="right">{t('pos.reports.refunds')}</Table.Th>
          <Table.Th ta="right">{t('pos.reports.net')}</Table.Th>
          <Table.Th ta="right">{t('pos.reports.netTax')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.date}>
            <Table.Td>{formatDate(r.date, lang)}</Table.Td>
            <Table.Td ta="right">{r.saleCount}</Table.Td>
            <Table.Td ta="right">{money(r.sales)}</Table.Td>
            <Table.Td ta="right">{r.refundCount}</Table.Td>
            <Table.Td ta="right">{money(r.refunds)}</Table.Td>
            <Table.Td ta="right" fw={700}>
              {money(r.net)}
            </Table.Td>
            <Table.Td ta="right">{money(r.netTax)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function ByProduct({ rows }: { rows: Reports['byProduct'] }) {
  const { t } = useTranslation();
  const money = useMoney();
  const qty = useQuantityText();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped withTableBorder data-testid="report-by-product">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('pos.reports.product')}</Table.Th>
            <Table.Th ta="right">{t('pos.reports.soldQuantity')}</Table.Th>
            <Table.Th ta="right">{t('pos.reports.sales')}</Table.Th>
            <Table.Th ta="right">{t('pos.reports.refundedQuantity')}</Table.Th>
            <Table.Th ta="right">{t('pos.reports.refunds')}</Table.Th>
            <Table.Th ta="right">{t('pos.reports.netQuantity')}</Table.Th>
            <Table.Th ta="right">{t('pos.reports.netAmount')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key}>
              <Table.Td>
                {r.name}
                {r.gtin && (
                  <Text size="xs" c="dimmed" ff="monospace">
                    {r.gtin}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right">{qty(r.soldQuantity, r.unit)}</Table.Td>
              <Table.Td ta="right">{money(r.soldAmount)}</Table.Td>
              <Table.Td ta="right">{qty(r.refundedQuantity, r.unit)}</Table.Td>
              <Table.Td ta="right">{money(r.refundedAmount)}</Table.Td>
              <Table.Td ta="right">{qty(r.netQuantity, r.unit)}</Table.Td>
              <Table.Td ta="right" fw={700}>
                {money(r.netAmount)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function ByPayment({ data }: { data: Reports['byPaymentForm'] }) {
  const { t } = useTranslation();
  const money = useMoney();
  const rows = [
    ['sales', data.sales.cash, data.sales.nonCash, data.sales.cash + data.sales.nonCash],
    ['refunds', data.refunds.cash, data.refunds.nonCash, data.refunds.cash + data.refunds.nonCash],
    ['net', data.net.cash, data.net.nonCash, data.net.total],
  ] as const;
  return (
    <Table withTableBorder data-testid="report-by-payment">
      <Table.Thead>
        <Table.Tr>
          <Table.Th />
          <Table.Th ta="right">{t('pos.shift.cash')}</Table.Th>
          <Table.Th ta="right">{t('pos.shift.nonCash')}</Table.Th>
          <Table.Th ta="right">{t('pos.shift.total')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map(([k, cash, nonCash, total]) => (
          <Table.Tr key={k}>
            <Table.Td fw={600}>{t(`pos.reports.${k}`)}</Table.Td>
            <Table.Td ta="right">{money(cash)}</Table.Td>
            <Table.Td ta="right">{money(nonCash)}</Table.Td>
            <Table.Td ta="right" fw={700}>
              {money(total)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The register's receipts, newest first, each reopened in the print preview. */
function Receipts({ id }: { id: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const money = useMoney();
  const receipts = useApi(() => api('GET /api/cashdesk/registers/{id}/receipts', { params: { id }, query: { limit: 50 } }), [id]);
  return (
    <Loadable state={receipts} isEmpty={(l) => l.length === 0}>
      {(list) => (
        <Table striped withTableBorder highlightOnHover data-testid="receipts-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('pos.reports.number')}</Table.Th>
              <Table.Th>{t('pos.reports.time')}</Table.Th>
              <Table.Th>{t('pos.shift.operation')}</Table.Th>
              <Table.Th ta="right">{t('pos.shift.total')}</Table.Th>
              <Table.Th>{t('pos.reports.delivery')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((r) => (
              <Table.Tr key={r.document.number}>
                <Table.Td>
                  <Anchor component={Link} to={`/my/cashdesk/${id}/receipts/${r.document.number}`}>
                    {r.document.number}
                  </Anchor>
                </Table.Td>
                <Table.Td>{formatDateTime(r.document.issuedAt, lang)}</Table.Td>
                <Table.Td>{t(`pos.operation.${r.document.operation}`)}</Table.Td>
                <Table.Td ta="right">{money(r.document.total)}</Table.Td>
                <Table.Td>
                  <Badge size="sm" variant="light" color={r.delivery.status === 'accepted' ? 'teal' : r.delivery.status === 'queued' ? 'orange' : 'red'}>
                    {t(`pos.receipt.delivery.${r.delivery.status}`, { code: r.delivery.code ?? '' })}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Loadable>
  );
}

/** General reports by day, product and payment form (p.5, FIS-VCS-09), the shifts and the receipts. */
export function CashReportsPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const today = todayInDushanbe();
  const [from, setFrom] = useState(addDays(today, -6));
  const [to, setTo] = useState(today);
  const reports = useApi(() => api('GET /api/cashdesk/registers/{id}/reports', { params: { id }, query: { from, to } }), [id, from, to]);
  const shifts = useApi(() => api('GET /api/cashdesk/registers/{id}/shifts', { params: { id } }), [id]);
  const money = useMoney();
  return (
    <Stack>
      <PageHeader
        title={t('pos.reports.title')}
        subtitle={t('pos.reports.subtitle')}
        actions={
          <Button variant="default" onClick={() => navigate(`/my/cashdesk/${id}`)}>
            {t('pos.registers.openPos')}
          </Button>
        }
      />
      <Paper withBorder p="sm" radius="md">
        <Group>
          <TextInput type="date" label={t('pos.reports.from')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} size="md" />
          <TextInput type="date" label={t('pos.reports.to')} value={to} onChange={(e) => setTo(e.currentTarget.value)} size="md" />
        </Group>
      </Paper>
      <Tabs defaultValue="day" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="day">{t('pos.reports.byDay')}</Tabs.Tab>
          <Tabs.Tab value="product">{t('pos.reports.byProduct')}</Tabs.Tab>
          <Tabs.Tab value="payment">{t('pos.reports.byPayment')}</Tabs.Tab>
          <Tabs.Tab value="shifts">{t('pos.shift.list')}</Tabs.Tab>
          <Tabs.Tab value="receipts">{t('pos.reports.receipts')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="day" pt="sm">
          <Loadable state={reports} isEmpty={(r) => r.byDay.length === 0}>
            {(r) => <ByDay rows={r.byDay} />}
          </Loadable>
        </Tabs.Panel>
        <Tabs.Panel value="product" pt="sm">
          <Loadable state={reports} isEmpty={(r) => r.byProduct.length === 0}>
            {(r) => <ByProduct rows={r.byProduct} />}
          </Loadable>
        </Tabs.Panel>
        <Tabs.Panel value="payment" pt="sm">
          <Loadable state={reports}>{(r) => <ByPayment data={r.byPaymentForm} />}</Loadable>
        </Tabs.Panel>
        <Tabs.Panel value="shifts" pt="sm">
          <Loadable state={shifts} isEmpty={(l) => l.length === 0}>
            {(list) => (
              <Table striped withTableBorder>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('pos.reports.number')}</Table.Th>
                    <Table.Th>{t('pos.shift.openedAt')}</Table.Th>
                    <Table.Th>{t('pos.shift.closedAt')}</Table.Th>
                    <Table.Th ta="right">{t('pos.shift.openingCash')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((s) => (
                    <Table.Tr key={s.shiftNumber}>
                      <Table.Td>{s.shiftNumber}</Table.Td>
                      <Table.Td>{formatDateTime(s.openedAt, lang)}</Table.Td>
                      <Table.Td>{s.closedAt ? formatDateTime(s.closedAt, lang) : '—'}</Table.Td>
                      <Table.Td ta="right">{money(s.openingCash)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Loadable>
        </Tabs.Panel>
        <Tabs.Panel value="receipts" pt="sm">
          <Receipts id={id} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

/** One receipt of the register reopened for a reprint. */
export function CashReceiptPage({ id, number }: { id: string; number: number }) {
  const receipt = useApi(() => api('GET /api/cashdesk/registers/{id}/receipts/{number}', { params: { id, number } }), [id, number]);
  const { t } = useTranslation();
  return (
    <Loadable state={receipt}>
      {(r) => <ReceiptPreview registerId={id} receipt={r} onNext={() => navigate(`/my/cashdesk/${id}/reports`)} nextLabel={t('action.back')} />}
    </Loadable>
  );
}
