import { ActionIcon, Alert, Button, Group, Kbd, Paper, SegmentedControl, Stack, Table, Text, TextInput } from '@mantine/core';
import { type FormEvent, type KeyboardEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiError, api, isApiError } from '../../api/client.ts';
import type { CashdeskProduct, CashdeskReceipt } from '../../api/types.gen.ts';
import { localised } from '../../lib/format.ts';
import {
  addToCart,
  type CartLine,
  cartTotals,
  checkPayment,
  formatQuantity,
  isWholeUnit,
  likelyCash,
  type PaymentForm,
  parseCodeEntry,
  parseQuantity,
  parseSomoni,
} from '../../lib/pos-cart.ts';
import { createKeyLog } from '../../lib/scanner.ts';
import { useLang } from '../../lib/session.tsx';
import { useAction } from '../../lib/use-api.ts';
import { AnyProblem, useMoney, useQuantityText, useTaxText } from './cashdesk-ui.tsx';

type Notice = { readonly kind: 'notFound' | 'misread'; readonly code: string } | { readonly kind: 'badQuantity' | 'wholeOnly' };

const isEditable = (el: EventTarget | null): boolean =>
  el instanceof HTMLElement && (el.isContentEditable || el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT');

/** A line's quantity, typed as a decimal of the unit ("1.5") and applied on Enter or when the field is left. */
function QuantityCell({ line, onChange }: { line: CartLine; onChange: (q: number) => void }) {
  const lang = useLang();
  const [text, setText] = useState(formatQuantity(line.quantity, lang));
  const [isBad, setBad] = useState(false);
  useEffect(() => setText(formatQuantity(line.quantity, lang)), [line.quantity, lang]);
  const apply = () => {
    const q = parseQuantity(text);
    const isOk = q !== undefined && (!isWholeUnit(line.product.unit) || q % 1000 === 0) && !(line.product.requiresMarkingCode && q !== 1000);
    setBad(!isOk);
    if (isOk && q !== line.quantity) onChange(q);
  };
  return (
    <TextInput
      size="md"
      w={90}
      value={text}
      inputMode="decimal"
      aria-label="quantity"
      data-testid="line-quantity"
      error={isBad}
      onChange={(e) => setText(e.currentTarget.value)}
      onBlur={apply}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          apply();
        }
      }}
    />
  );
}

/**
 * The cashier's screen: a code field that takes scanner bursts and typed codes (FIS-OCR-08,
 * FIS-VTR-05), the lines with their quantities, the running total and tax, and the payment in cash,
 * by card or both with the change (p.9 field 12). Keyboard first: F2 code, F4 cash, F8 pay.
 */
export function SaleScreen({
  registerId,
  canSell,
  onIssued,
  onRefused,
}: {
  registerId: string;
  canSell: boolean;
  onIssued: (r: CashdeskReceipt) => void;
  onRefused: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const money = useMoney();
  const qtyText = useQuantityText();
  const taxText = useTaxText();
  const [lines, setLinesState] = useState<CartLine[]>([]);
  // Scans arrive faster than React renders and lookups answer out of order: every change starts from
  // the latest lines, never from a render's copy.
  const linesRef = useRef<CartLine[]>([]);
  const setLines = useCallback((next: CartLine[] | ((ls: CartLine[]) => CartLine[])) => {
    linesRef.current = typeof next === 'function' ? next(linesRef.current) : next;
    setLinesState(linesRef.current);
  }, []);
  const [selected, setSelected] = useState(0);
  const [code, setCode] = useState('');
  const [notice, setNotice] = useState<Notice>();
  const [candidates, setCandidates] = useState<CashdeskProduct[]>([]);
  const [pendingMarking, setPendingMarking] = useState<number>();
  const [isLooking, setLooking] = useState(false);
  const [lookupError, setLookupError] = useState<ApiError>();
  const [form, setForm] = useState<PaymentForm>('cash');
  const [cashText, setCashText] = useState('');
  const [cardText, setCardText] = useState('');
  const codeRef = useRef<HTMLInputElement>(null);
  const cashRef = useRef<HTMLInputElement>(null);
  const keyLog = useRef(createKeyLog()).current;
  const uid = useRef(0);

  const totals = useMemo(() => cartTotals(lines), [lines]);
  const cashGiven = cashText.trim() ? parseSomoni(cashText) : undefined;
  const card = cardText.trim() ? parseSomoni(cardText) : undefined;
  const isCashTextBad = cashText.trim() !== '' && cashGiven === undefined;
  const pay = checkPayment(totals.total, form, cashGiven, card);
  const isMarkingMissing = lines.some((l) => l.product.requiresMarkingCode && !l.markingCode);

  const sale = useAction((body: { lines: { code: string; quantity: number; markingCode?: string }[]; payment: { cashGiven: number; card: number } }) =>
    api('POST /api/cashdesk/registers/{id}/sales', { params: { id: registerId }, body }),
  );

  const focusCode = useCallback(() => codeRef.current?.focus(), []);
  useEffect(() => {
    if (canSell) focusCode();
  }, [canSell, focusCode]);

  const addProduct = (product: CashdeskProduct, entered: string, quantity: number, source: CartLine['source']) => {
    if (isWholeUnit(product.unit) && quantity % 1000 !== 0) return setNotice({ kind: 'wholeOnly' });
    if (product.requiresMarkingCode && quantity !== 1000) return setNotice({ kind: 'wholeOnly' });
    uid.current += 1;
    const added = addToCart(linesRef.current, { uid: uid.current, code: entered, product, quantity, source });
    setLines(added.lines);
    setSelected(added.index);
    if (product.requiresMarkingCode) setPendingMarking(added.index);
    setNotice(undefined);
    setCandidates([]);
    sale.reset();
  };

  const submitCode = async (kind: 'scan' | 'scan_invalid' | 'typed') => {
    const raw = code;
    if (pendingMarking !== undefined) {
      // The next code after a marked product is its DataMatrix marking code (p.9 field 7), kept as scanned.
      setLines((ls) => ls.map((l, i) => (i === pendingMarking ? { ...l, markingCode: raw.trim() } : l)));
      setPendingMarking(undefined);
      setCode('');
      return;
    }
    const entry = parseCodeEntry(raw);
    if (!entry) {
      if (linesRef.current.length > 0) cashRef.current?.focus();
      return;
    }
    setCode('');
    if (kind === 'scan_invalid') return setNotice({ kind: 'misread', code: entry.code });
    setLooking(true);
    setLookupError(undefined);
    try {
      const product = await api('GET /api/cashdesk/products/lookup', { query: { code: entry.code } });
      addProduct(product, entry.code, entry.quantity ?? 1000, kind === 'typed' ? 'typed' : 'scan');
    } catch (e) {
      if (!isApiError(e) || e.code !== 'PRODUCT_NOT_FOUND') {
        setLookupError(isApiError(e) ? e : undefined);
        return;
      }
      // A person may type part of a name: offer the matches. A scanner's code that is not in the list is just not found.
      const found = kind === 'typed' ? await api('GET /api/cashdesk/products', { query: { q: entry.code, limit: 8 } }).catch(() => []) : [];
      setCandidates(found);
      setNotice(found.length === 0 ? { kind: 'notFound', code: entry.code } : undefined);
    } finally {
      setLooking(false);
    }
  };

  const changeQuantity = (index: number, quantity: number) => {
    if (quantity <= 0) return removeLine(index);
    setLines((ls) => ls.map((l, i) => (i === index ? { ...l, quantity } : l)));
  };
  const removeLine = (index: number) => {
    setLines((ls) => ls.filter((_, i) => i !== index));
    setSelected((s) => Math.max(0, Math.min(s, linesRef.current.length - 1)));
    if (pendingMarking === index) setPendingMarking(undefined);
  };
  const step = (index: number, delta: number) => {
    const line = linesRef.current[index];
    if (!line || line.product.requiresMarkingCode) return;
    changeQuantity(index, line.quantity + delta * 1000);
  };

  /** Keys on the lines while the code field is empty: ↑↓ pick a line, +/− change it by one unit, Delete removes it. */
  const moveInLines = (key: string): boolean => {
    if (key === 'ArrowUp') setSelected((s) => Math.max(0, s - 1));
    else if (key === 'ArrowDown') setSelected((s) => Math.min(linesRef.current.length - 1, s + 1));
    else if (key === '+') step(selected, 1);
    else if (key === '-') step(selected, -1);
    else if (key === 'Delete') removeLine(selected);
    else return false;
    return true;
  };

  const onCodeKey = (e: KeyboardEvent<HTMLInputElement>) => {
    const isEmpty = code === '';
    if (e.key === 'Enter') {
      e.preventDefault();
      void submitCode(keyLog.enter(e.timeStamp));
      return;
    }
    if (e.key === 'Escape') {
      keyLog.reset();
      setCode('');
      setCandidates([]);
      setNotice(undefined);
      if (pendingMarking !== undefined) removeLine(pendingMarking);
      return;
    }
    if (isEmpty && lines.length > 0 && moveInLines(e.key)) {
      e.preventDefault();
      return;
    }
    keyLog.key(e.key, e.timeStamp);
  };

  const submitSale = async (e?: FormEvent) => {
    e?.preventDefault();
    if (!canSell || pay.problem || isMarkingMissing || sale.isRunning) return;
    const issued = await sale.run({
      lines: linesRef.current.map((l) => ({ code: l.code, quantity: l.quantity, ...(l.markingCode ? { markingCode: l.markingCode } : {}) })),
      payment: pay.payment,
    });
    if (issued) {
      setLines([]);
      setCashText('');
      setCardText('');
      setForm('cash');
      onIssued(issued);
    }
  };
  useEffect(() => {
    if (sale.error?.status === 403 || sale.error?.status === 409) onRefused();
  }, [sale.error, onRefused]);

  // Keys anywhere on the page: F2, F4, F8; and typing outside any field goes to the code field, so a
  // scanner burst is never lost when the cashier has clicked a button.
  const latest = useRef({ submitSale, focusCode });
  latest.current = { submitSale, focusCode };
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.target instanceof Element && e.target.closest('[role=dialog]')) return;
      if (e.key === 'F2') {
        e.preventDefault();
        latest.current.focusCode();
      } else if (e.key === 'F4') {
        e.preventDefault();
        cashRef.current?.focus();
        cashRef.current?.select();
      } else if (e.key === 'F8') {
        e.preventDefault();
        void latest.current.submitSale();
      } else if (!isEditable(e.target) && [...e.key].length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        keyLog.reset();
        keyLog.key(e.key, e.timeStamp);
        setCode(e.key);
        latest.current.focusCode();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [keyLog]);

  const noticeText =
    notice?.kind === 'notFound'
      ? t('pos.sale.notFound', { code: notice.code })
      : notice?.kind === 'misread'
        ? t('pos.sale.misread', { code: notice.code })
        : notice
          ? t(`pos.sale.${notice.kind}`)
          : undefined;

  return (
    <Group align="flex-start" gap="md" wrap="wrap" data-testid="sale-screen">
      <Stack gap="sm" style={{ flex: '3 1 520px', minWidth: 0 }}>
        <TextInput
          ref={codeRef}
          size="xl"
          name="code"
          label={pendingMarking !== undefined ? t('pos.sale.markingCode') : t('pos.sale.scanLabel')}
          description={pendingMarking !== undefined ? t('pos.sale.markingHint') : t('pos.sale.scanHint')}
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          onKeyDown={onCodeKey}
          onPaste={() => keyLog.reset()}
          autoComplete="off"
          spellCheck={false}
          disabled={!canSell}
          data-testid="scan-input"
          rightSection={<Kbd>F2</Kbd>}
          rightSectionWidth={48}
          error={noticeText}
        />
        <AnyProblem error={lookupError} />
        {isLooking && (
          <Text size="sm" c="dimmed">
            {t('state.loading')}
          </Text>
        )}
        {candidates.length > 0 && (
          <Paper withBorder p="xs" data-testid="candidates">
            <Text size="sm" mb={4}>
              {t('pos.sale.choose')}
            </Text>
            <Group gap="xs">
              {candidates.map((p) => (
                <Button key={p.code} size="md" variant="light" onClick={() => addProduct(p, p.code, 1000, 'typed')}>
                  {localised({ tg: p.name.tg, ru: p.name.ru ?? '', en: p.name.en ?? '' }, lang)} · {money(p.price)}
                </Button>
              ))}
            </Group>
          </Paper>
        )}
        <Table verticalSpacing="xs" highlightOnHover withTableBorder data-testid="sale-lines" aria-label={t('pos.sale.lines')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('pos.sale.name')}</Table.Th>
              <Table.Th>{t('pos.sale.quantity')}</Table.Th>
              <Table.Th ta="right">{t('pos.sale.price')}</Table.Th>
              <Table.Th ta="right">{t('pos.sale.amount')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={5}>
                  <Text c="dimmed" ta="center" py="md">
                    {t('pos.sale.empty')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {lines.map((l, i) => (
              <Table.Tr
                key={l.uid}
                data-testid="sale-line"
                data-code={l.product.code}
                data-quantity={l.quantity}
                data-source={l.source}
                bg={i === selected ? 'var(--mantine-primary-color-light)' : undefined}
                onClick={() => setSelected(i)}
              >
                <Table.Td>
                  <Text fw={600}>{localised({ tg: l.product.name.tg, ru: l.product.name.ru ?? '', en: l.product.name.en ?? '' }, lang)}</Text>
                  <Text size="xs" c="dimmed">
                    {l.product.gtin ?? l.product.code} · {taxText(l.product.tax.kind, l.product.tax.rateBp)}
                    {l.markingCode ? ` · ${l.markingCode}` : ''}
                  </Text>
                  {l.product.requiresMarkingCode && !l.markingCode && (
                    <Text size="xs" c="red">
                      {t('pos.problem.MARKING_CODE_MISSING')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <ActionIcon
                      size="xl"
                      variant="default"
                      aria-label={t('pos.sale.less')}
                      onClick={() => step(i, -1)}
                      disabled={l.product.requiresMarkingCode}
                    >
                      −
                    </ActionIcon>
                    <QuantityCell line={l} onChange={(q) => changeQuantity(i, q)} />
                    <ActionIcon size="xl" variant="default" aria-label={t('pos.sale.more')} onClick={() => step(i, 1)} disabled={l.product.requiresMarkingCode}>
                      +
                    </ActionIcon>
                  </Group>
                  <Text size="xs" c="dimmed">
                    {qtyText(l.quantity, l.product.unit)}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">{money(l.product.price)}</Table.Td>
                <Table.Td ta="right" fw={700} data-testid="line-amount">
                  {money(totals.amounts[i])}
                </Table.Td>
                <Table.Td>
                  <ActionIcon size="xl" variant="light" color="red" aria-label={t('pos.sale.remove')} onClick={() => removeLine(i)} data-testid="remove-line">
                    ✕
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="xs" c="dimmed">
          {t('pos.sale.keys')}
        </Text>
      </Stack>

      <Paper withBorder radius="md" p="md" style={{ flex: '2 1 340px' }} component="section" aria-label={t('pos.sale.payment')}>
        <form onSubmit={submitSale} data-testid="payment-form">
          <Stack gap="sm">
            <Group justify="space-between" align="baseline">
              <Text fz="xl">{t('pos.sale.total')}</Text>
              <Text fz={44} fw={800} lh={1} data-testid="sale-total" data-dirams={totals.total}>
                {money(totals.total)}
              </Text>
            </Group>
            <Group justify="space-between">
              <Text c="dimmed">{t('pos.sale.tax')}</Text>
              <Text c="dimmed" data-testid="sale-tax" data-dirams={totals.tax}>
                {money(totals.tax)}
              </Text>
            </Group>
            <SegmentedControl
              fullWidth
              size="lg"
              value={form}
              onChange={(v) => setForm(v === 'card' ? 'card' : v === 'mixed' ? 'mixed' : 'cash')}
              data={(['cash', 'card', 'mixed'] as const).map((f) => ({ value: f, label: t(`pos.sale.form.${f}`) }))}
              data-testid="payment-form-choice"
            />
            {form === 'mixed' && (
              <TextInput
                size="lg"
                name="card"
                label={t('pos.sale.card')}
                value={cardText}
                inputMode="decimal"
                onChange={(e) => setCardText(e.currentTarget.value)}
                error={cardText.trim() !== '' && card === undefined}
              />
            )}
            {form !== 'card' && (
              <>
                <TextInput
                  ref={cashRef}
                  size="xl"
                  name="cashGiven"
                  label={t('pos.sale.cashGiven')}
                  description={t('pos.sale.cashGivenHint')}
                  placeholder={money(pay.cashDue)}
                  value={cashText}
                  inputMode="decimal"
                  autoComplete="off"
                  onChange={(e) => setCashText(e.currentTarget.value)}
                  onKeyDown={(e) => {
                    if (e.key === 'Escape') focusCode();
                  }}
                  error={isCashTextBad}
                  rightSection={<Kbd>F4</Kbd>}
                  rightSectionWidth={48}
                  data-testid="cash-given"
                />
                <Group gap={6}>
                  {likelyCash(pay.cashDue).map((amount) => (
                    <Button key={amount} size="md" variant="default" onClick={() => setCashText((amount / 100).toFixed(2))}>
                      {money(amount)}
                    </Button>
                  ))}
                </Group>
              </>
            )}
            <Paper p="sm" radius="md" bg={pay.problem === 'CASH_INSUFFICIENT' || pay.problem === 'CARD_EXCEEDS_TOTAL' ? 'red.0' : 'teal.0'}>
              <Group justify="space-between" align="baseline">
                <Text fz="xl">{t('pos.sale.change')}</Text>
                <Text fz={48} fw={800} lh={1} data-testid="sale-change" data-dirams={pay.change}>
                  {money(pay.change)}
                </Text>
              </Group>
              {pay.problem && pay.problem !== 'EMPTY' && (
                <Text c="red.8" fw={600} data-testid="payment-problem">
                  {t(`pos.sale.paymentProblem.${pay.problem}`)}
                </Text>
              )}
            </Paper>
            {!canSell && (
              <Alert color="orange" variant="light">
                {t('pos.sale.needShift')}
              </Alert>
            )}
            <AnyProblem error={sale.error} />
            <Button type="submit" size="xl" h={72} fz={24} disabled={!canSell || !!pay.problem || isMarkingMissing} loading={sale.isRunning} data-testid="pay">
              {t('pos.sale.pay')}
            </Button>
            <Button
              variant="subtle"
              color="gray"
              onClick={() => {
                setLines([]);
                setCashText('');
                setCardText('');
                sale.reset();
                focusCode();
              }}
              disabled={lines.length === 0}
            >
              {t('pos.sale.clear')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Group>
  );
}
