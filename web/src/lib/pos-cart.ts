/**
 * The POS page's cart: lines as scanned, their amounts and tax, and the payment with its change.
 * The arithmetic is the operator's (src/platform/fiscal-amounts.ts; docs/cashdesk.md "The sale"),
 * so the total the cashier sees before paying is the total the module seals. The register still
 * prices the sale itself from its product list: this is only what the screen shows.
 * Money in integer dirams, quantities in integer thousandths of the unit.
 */
import type { CashdeskProduct } from '../api/types.gen.ts';

/** Units sold only in whole numbers (docs/cashdesk.md: pieces, packs and services). */
const WHOLE_UNITS = new Set(['piece', 'pack', 'service']);
export const isWholeUnit = (unit: string): boolean => WHOLE_UNITS.has(unit);

export type CartLine = {
  /** The screen's key for the line, kept when a scan adds to it. */
  readonly uid: number;
  /** What the sale sends: the code as scanned or typed (article code or GTIN). */
  readonly code: string;
  readonly product: CashdeskProduct;
  /** Thousandths of the unit. */
  readonly quantity: number;
  /** Marked goods: one line per item, with its marking code (p.9 field 7). */
  readonly markingCode?: string;
  /** How the code came in: a scanner burst or typed by a person. */
  readonly source: 'scan' | 'typed';
};

/** Integer division rounded half up, exact in BigInt, for non-negative operands. */
const divRound = (n: bigint, d: bigint): bigint => (2n * n + d) / (2n * d);

/** Field 8 × field 9, rounded to the diram. */
export const lineAmount = (quantity: number, price: number): number => Number(divRound(BigInt(quantity) * BigInt(price), 1000n));

/** Fields 10-11: VAT is inside the price; the simplified regime's tax is on the amount. */
export function lineTax(amount: number, kind: string, rateBp: number): number {
  if (kind === 'vat') return Number(divRound(BigInt(amount) * BigInt(rateBp), 10_000n + BigInt(rateBp)));
  if (kind === 'simplified') return Number(divRound(BigInt(amount) * BigInt(rateBp), 10_000n));
  return 0;
}

/** Adds a product: an unmarked product already on the receipt adds to its line (docs/cashdesk.md). */
export function addToCart(lines: readonly CartLine[], line: CartLine): { lines: CartLine[]; index: number } {
  const index = line.product.requiresMarkingCode ? -1 : lines.findIndex((l) => l.product.code === line.product.code && !l.product.requiresMarkingCode);
  if (index < 0) return { lines: [...lines, line], index: lines.length };
  const out = [...lines];
  const old = out[index] as CartLine;
  out[index] = { ...old, quantity: old.quantity + line.quantity, source: line.source };
  return { lines: out, index };
}

export type CartTotals = { readonly total: number; readonly tax: number; readonly amounts: readonly number[] };

/** Total = Σ line amounts; tax = Σ line taxes, never recomputed on the total. */
export function cartTotals(lines: readonly CartLine[]): CartTotals {
  let total = 0;
  let tax = 0;
  const amounts = lines.map((l) => {
    const amount = lineAmount(l.quantity, l.product.price);
    total += amount;
    tax += lineTax(amount, l.product.tax.kind, l.product.tax.rateBp);
    return amount;
  });
  return { total, tax, amounts };
}

export type PaymentForm = 'cash' | 'card' | 'mixed';

export type PaymentCheck = {
  /** What the sale sends. */
  readonly payment: { readonly cashGiven: number; readonly card: number };
  readonly cashDue: number;
  readonly change: number;
  /** Why the sale cannot be paid yet, if it cannot. */
  readonly problem?: 'EMPTY' | 'CARD_EXCEEDS_TOTAL' | 'CASH_INSUFFICIENT';
};

/**
 * The payment as docs/cashdesk.md gives it: the card pays at most the total, cash due = total − card,
 * change = cash given − cash due. Paying by card alone sends the total to the card and no cash; cash
 * alone with nothing typed means the exact amount.
 */
export function checkPayment(total: number, form: PaymentForm, cashGiven: number | undefined, card: number | undefined): PaymentCheck {
  const cardPart = form === 'card' ? total : form === 'mixed' ? (card ?? 0) : 0;
  const cashDue = Math.max(0, total - cardPart);
  const given = form === 'card' ? 0 : (cashGiven ?? cashDue);
  const base = { payment: { cashGiven: given, card: cardPart }, cashDue, change: Math.max(0, given - cashDue) };
  if (total <= 0) return { ...base, problem: 'EMPTY' };
  if (cardPart > total) return { ...base, change: 0, problem: 'CARD_EXCEEDS_TOTAL' };
  if (given < cashDue) return { ...base, change: 0, problem: 'CASH_INSUFFICIENT' };
  return base;
}

/** "12.5", "12,50", "12" somoni → dirams; undefined when it is not an amount. */
export function parseSomoni(text: string): number | undefined {
  const m = /^(\d{1,11})(?:[.,](\d{0,2}))?$/.exec(text.replace(/[\s\u00a0]/g, ''));
  if (!m) return undefined;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** "1.5", "1,250", "2" units → thousandths; undefined when it is not a positive quantity with at most 3 decimals. */
export function parseQuantity(text: string): number | undefined {
  const m = /^(\d{1,7})(?:[.,](\d{0,3}))?$/.exec(text.trim());
  if (!m) return undefined;
  const q = Number(m[1]) * 1000 + Number((m[2] ?? '').padEnd(3, '0'));
  return q > 0 ? q : undefined;
}

/** Thousandths as a decimal without trailing zeros, as the receipt prints them: 2500 → "2.5". */
export function formatQuantity(thousandths: number, lang: 'tg' | 'ru' | 'en' = 'en'): string {
  const whole = Math.trunc(thousandths / 1000);
  const frac = String(Math.abs(thousandths % 1000))
    .padStart(3, '0')
    .replace(/0+$/, '');
  const sep = lang === 'en' ? '.' : ',';
  return frac ? `${whole}${sep}${frac}` : String(whole);
}

/**
 * What the cashier typed into the code field: `3*4600000000008` or `1.5*QAND` sells that quantity,
 * a bare code one unit (as many POS programs do).
 */
export function parseCodeEntry(text: string): { code: string; quantity?: number } | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const m = /^(\d{1,7}(?:[.,]\d{1,3})?)\s*[*xх×]\s*(\S.*)$/i.exec(trimmed);
  if (m) {
    const quantity = parseQuantity(m[1] ?? '');
    return quantity === undefined ? undefined : { code: (m[2] ?? '').trim(), quantity };
  }
  return { code: trimmed };
}

/** The banknotes of the somoni a buyer is likely to hand over for a total: the exact sum, then round notes above it. */
export function likelyCash(total: number): number[] {
  if (total <= 0) return [];
  const notes = [100, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000];
  const out = new Set<number>([total]);
  for (const n of notes) {
    const up = Math.ceil(total / n) * n;
    if (up > total) out.add(up);
    if (out.size >= 5) break;
  }
  return [...out].sort((a, b) => a - b);
}
