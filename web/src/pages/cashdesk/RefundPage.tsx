import { Alert, Button, Checkbox, Group, Paper, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { CashdeskReceipt } from '../../api/types.gen.ts';
import { PageHeader } from '../../components/feedback.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { formatQuantity, parseQuantity, parseSomoni } from '../../lib/pos-cart.ts';
import { navigate, useLocation } from '../../lib/router.tsx';
import { useLang } from '../../lib/session.tsx';
import { useAction } from '../../lib/use-api.ts';
import { AnyProblem, useMoney, useQuantityText } from './cashdesk-ui.tsx';
import { UnlockForm, useStatus } from './PosPage.tsx';
import { ReceiptPreview } from './ReceiptPreview.tsx';

type LinePick = { readonly isOn: boolean; readonly quantity: string };

/** What is left of each line of the original: sold minus every earlier refund. */
function leftOf(receipt: CashdeskReceipt): number[] {
  return receipt.document.lines.map((l, i) => l.quantity - receipt.refunded.filter((r) => r.originalLine === i).reduce((s, r) => s + r.quantity, 0));
}

/** The lines to give back, the buyer's name (p.41) and the part paid back to the card. */
function RefundForm({ registerId, original, onIssued }: { registerId: string; original: CashdeskReceipt; onIssued: (r: CashdeskReceipt) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const money = useMoney();
  const qtyText = useQuantityText();
  const left = leftOf(original);
  const [isWhole, setWhole] = useState(true);
  const [picks, setPicks] = useState<LinePick[]>(() => left.map((q) => ({ isOn: false, quantity: formatQuantity(q) })));
  const [buyerName, setBuyerName] = useState('');
  const [nonCash, setNonCash] = useState('');
  const refund = useAction((body: { originalNumber: number; lines?: { originalLine: number; quantity?: number }[]; nonCash?: number; buyerName: string }) =>
    api('POST /api/cashdesk/registers/{id}/refunds', { params: { id: registerId }, body }),
  );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const lines = picks.flatMap((p, i) => {
      if (!p.isOn) return [];
      const q = parseQuantity(p.quantity);
      return [{ originalLine: i, ...(q !== undefined && q !== left[i] ? { quantity: q } : {}) }];
    });
    const card = nonCash.trim() ? parseSomoni(nonCash) : 0;
    const r = await refund.run({
      originalNumber: original.document.number,
      ...(isWhole ? {} : { lines }),
      ...(card ? { nonCash: card } : {}),
      buyerName: buyerName.trim(),
    });
    if (r) onIssued(r);
  };
  return (
    <Paper withBorder p="md" radius="md">
      <form onSubmit={submit} data-testid="refund-form">
        <Stack gap="sm">
          <Title order={2} fz="lg">
            {t('pos.receipt.title', { number: original.document.receiptNumber })} · {formatDateTime(original.document.issuedAt, lang)} ·{' '}
            {money(original.document.total)}
          </Title>
          <Switch size="lg" label={t('pos.refund.all')} checked={isWhole} onChange={(e) => setWhole(e.currentTarget.checked)} data-testid="refund-whole" />
          <Table withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th />
                <Table.Th>{t('pos.sale.name')}</Table.Th>
                <Table.Th>{t('pos.refund.sold')}</Table.Th>
                <Table.Th>{t('pos.refund.already')}</Table.Th>
                <Table.Th>{t('pos.refund.toRefund')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {original.document.lines.map((l, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a line's position is its number on the receipt (originalLine)
                <Table.Tr key={`${l.name}-${i}`} data-testid="refund-line">
                  <Table.Td>
                    <Checkbox
                      size="lg"
                      aria-label={l.name}
                      disabled={isWhole || (left[i] ?? 0) <= 0}
                      checked={isWhole ? (left[i] ?? 0) > 0 : (picks[i]?.isOn ?? false)}
                      onChange={(e) => {
                        const isOn = e.currentTarget.checked;
                        setPicks((ps) => ps.map((p, j) => (j === i ? { ...p, isOn } : p)));
                      }}
                    />
                  </Table.Td>
                  <Table.Td>
                    {l.name}
                    {l.markingCode && (
                      <Text size="xs" c="dimmed">
                        {l.markingCode}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {qtyText(l.quantity, l.unit)} · {money(l.amount)}
                  </Table.Td>
                  <Table.Td>{qtyText(l.quantity - (left[i] ?? 0), l.unit)}</Table.Td>
                  <Table.Td>
                    <TextInput
                      size="md"
                      w={110}
                      inputMode="decimal"
                      value={picks[i]?.quantity ?? ''}
                      disabled={isWhole || !picks[i]?.isOn || !!l.markingCode}
                      onChange={(e) => {
                        const quantity = e.currentTarget.value;
                        setPicks((ps) => ps.map((p, j) => (j === i ? { ...p, quantity } : p)));
                      }}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <TextInput
            size="lg"
            name="buyerName"
            label={t('pos.refund.buyerName')}
            description={t('pos.refund.buyerHint')}
            value={buyerName}
            onChange={(e) => setBuyerName(e.currentTarget.value)}
            required
          />
          <TextInput
            size="lg"
            name="nonCash"
            label={t('pos.refund.nonCash')}
            value={nonCash}
            onChange={(e) => setNonCash(e.currentTarget.value)}
            inputMode="decimal"
            placeholder="0.00"
            w={260}
          />
          <AnyProblem error={refund.error} />
          <Group>
            <Button type="submit" size="xl" color="orange" loading={refund.isRunning} data-testid="refund-submit">
              {t('pos.refund.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** A refund of a whole receipt or some lines, on the buyer's receipt (section 6, p.39-42). */
export function RefundPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { search } = useLocation();
  const { status, set } = useStatus(id);
  const [number, setNumber] = useState(search.get('n') ?? '');
  const [issued, setIssued] = useState<CashdeskReceipt>();
  const find = useAction((n: number) => api('GET /api/cashdesk/registers/{id}/receipts/{number}', { params: { id, number: n } }));
  const [original, setOriginal] = useState<CashdeskReceipt>();
  const look = async (e?: FormEvent) => {
    e?.preventDefault();
    const n = Number(number.trim());
    if (!Number.isInteger(n) || n < 1) return;
    setOriginal(await find.run(n));
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the number from the address, once
  useEffect(() => {
    if (number) void look();
  }, []);

  if (issued) return <ReceiptPreview registerId={id} receipt={issued} onNext={() => navigate(`/my/cashdesk/${id}`)} nextLabel={t('action.back')} />;
  return (
    <Stack>
      <PageHeader title={t('pos.refund.title')} subtitle={t('pos.refund.subtitle')} />
      {status && !status.isUnlocked && <UnlockForm registerId={id} onUnlocked={set} />}
      <Paper withBorder p="md" radius="md">
        <form onSubmit={look}>
          <Group align="flex-end">
            <TextInput
              size="lg"
              name="originalNumber"
              label={t('pos.refund.originalNumber')}
              value={number}
              onChange={(e) => setNumber(e.currentTarget.value)}
              inputMode="numeric"
              w={320}
            />
            <Button type="submit" size="lg" loading={find.isRunning}>
              {t('pos.refund.find')}
            </Button>
          </Group>
        </form>
      </Paper>
      <AnyProblem error={find.error} />
      {original && original.document.operation !== 'sale' && <Alert color="orange">{t('pos.refund.notASale')}</Alert>}
      {original && original.document.operation === 'sale' && (
        <RefundForm key={original.document.number} registerId={id} original={original} onIssued={setIssued} />
      )}
    </Stack>
  );
}
