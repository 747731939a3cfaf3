import { lineAmount, lineTax } from '../../../platform/fiscal-amounts.ts';
import { fail, ok, type Failure, type Result } from '../../../platform/result.ts';
import { UNITS } from './catalogue.ts';
import { localDate } from './dushanbe-time.ts';
import type { CashdeskErrorCode, FieldProblem } from './errors.ts';
import type { IssuedReceipt, ReceiptData, ReceiptLine } from './receipt-data.ts';
import { MARKED_QUANTITY } from './sale.ts';

/**
 * Refunds (section 6, p.39-42; the operation "return" of p.78). A refund is made on the basis of the
 * buyer's receipt (p.39): it refers to the original sale by fiscal module number and document number
 * (with its fiscal sign, total and time, as the operator checks), names the original lines it
 * returns, and never returns more than was sold on a line, counting every earlier refund, in
 * quantity or in money. Sums are recomputed with the same functions as a sale, so the operator's
 * refund checks (REFUND_EXCEEDS_SALE, REFUND_DOES_NOT_MATCH) hold by construction.
 */

/** The original receipt as the register (or the operator) holds it. */
export type OriginalReceipt = Pick<IssuedReceipt, 'operation' | 'lines' | 'total' | 'fiscalModuleNumber' | 'number' | 'fiscalSign' | 'issuedAt'>;

/** What has been refunded so far on each line of the original (0-based line → sums). */
export type Refunded = ReadonlyMap<number, { readonly quantity: number; readonly amount: number }>;

export type RefundRequest = {
  /** The lines returned; each without a quantity returns what is left of it. Omitted: the whole receipt, what is left of it. */
  readonly lines?: readonly { readonly originalLine: number; readonly quantity?: number }[];
  /** The part paid back to the buyer's card or account (p.41, catalog ambiguity 25); the rest is paid in cash. */
  readonly nonCash?: number;
  /** p.41: the buyer's written application and the cash expense order carry surname, name and patronymic. */
  readonly buyerName: string;
};

export type PreparedRefund = {
  readonly receipt: ReceiptData;
  /** Cash paid out of the drawer. */
  readonly cashOut: number;
  readonly buyerName: string;
};

const WHOLE_UNIT_LABELS: ReadonlySet<string> = new Set(
  Object.values(UNITS)
    .filter((u) => u.isWhole)
    .map((u) => u.label.tg),
);

/** What is left to refund on each line of the original. */
export function remainingLines(original: OriginalReceipt, refunded: Refunded): { originalLine: number; quantity: number; amount: number }[] {
  return original.lines.map((l, i) => {
    const before = refunded.get(i) ?? { quantity: 0, amount: 0 };
    return { originalLine: i, quantity: l.quantity - before.quantity, amount: l.amount - before.amount };
  });
}

/** A refund line: the original's name, price, tax and marking code, with the quantity returned and sums recomputed. */
function refundLine(sold: ReceiptLine, originalLine: number, quantity: number): ReceiptLine {
  const amount = lineAmount(quantity, sold.price);
  return {
    name: sold.name,
    ...(sold.markingCode ? { markingCode: sold.markingCode } : {}),
    ...(sold.gtin ? { gtin: sold.gtin } : {}),
    quantity,
    unit: sold.unit,
    price: sold.price,
    amount,
    tax: { kind: sold.tax.kind, rateBp: sold.tax.rateBp, amount: lineTax(amount, sold.tax.kind, sold.tax.rateBp) },
    originalLine,
  };
}

function lineProblems(original: OriginalReceipt, refunded: Refunded, wanted: readonly { originalLine: number; quantity?: number }[]) {
  const problems: FieldProblem[] = [];
  const lines: ReceiptLine[] = [];
  const seen = new Set<number>();
  for (const [i, w] of wanted.entries()) {
    const problem = (field: string, code: CashdeskErrorCode, details?: Record<string, unknown>) =>
      problems.push({ field: `lines[${i}].${field}`, code, ...(details ? { details } : {}) });
    const sold = original.lines[w.originalLine];
    if (!Number.isInteger(w.originalLine) || !sold) {
      problem('originalLine', 'REFUND_LINE_NOT_FOUND');
      continue;
    }
    if (seen.has(w.originalLine)) {
      problem('originalLine', 'REFUND_LINE_REPEATED');
      continue;
    }
    seen.add(w.originalLine);
    const before = refunded.get(w.originalLine) ?? { quantity: 0, amount: 0 };
    const left = sold.quantity - before.quantity;
    const quantity = w.quantity ?? left;
    const remaining = { remainingQuantity: left, remainingAmount: sold.amount - before.amount };
    if (left <= 0) problem('quantity', 'REFUND_EXCEEDS_SALE', remaining);
    else if (!Number.isInteger(quantity) || quantity <= 0) problem('quantity', 'QUANTITY_INVALID');
    else if (WHOLE_UNIT_LABELS.has(sold.unit) && quantity % 1000 !== 0) problem('quantity', 'QUANTITY_NOT_WHOLE');
    else if (sold.markingCode && quantity !== MARKED_QUANTITY) problem('quantity', 'MARKED_QUANTITY_NOT_ONE');
    else {
      const line = refundLine(sold, w.originalLine, quantity);
      // The operator adds this refund to the earlier ones and compares with the sale, in quantity and in money.
      if (before.quantity + quantity > sold.quantity || before.amount + line.amount > sold.amount) problem('quantity', 'REFUND_EXCEEDS_SALE', remaining);
      else lines.push(line);
    }
  }
  return { problems, lines };
}

/**
 * Prepares the refund receipt (operation "refund") for a whole receipt or some of its lines, with
 * every problem at once when it cannot be made.
 */
export function prepareRefund(original: OriginalReceipt, refunded: Refunded, request: RefundRequest): Result<PreparedRefund, Failure<'REFUND_INVALID'>> {
  if (original.operation !== 'sale') return fail('REFUND_INVALID', 'refundOf', { problems: [{ field: 'refundOf', code: 'REFUND_ORIGINAL_NOT_A_SALE' }] });
  const wanted = request.lines ?? remainingLines(original, refunded).flatMap((r) => (r.quantity > 0 ? [{ originalLine: r.originalLine }] : []));
  const { problems, lines } = lineProblems(original, refunded, wanted);
  if (wanted.length === 0) problems.push({ field: 'lines', code: request.lines ? 'RECEIPT_EMPTY' : 'REFUND_NOTHING_LEFT' });
  const buyerName = request.buyerName.trim().replace(/\s+/g, ' ');
  if (buyerName === '') problems.push({ field: 'buyerName', code: 'REFUND_BUYER_NAME_MISSING' });
  const total = lines.reduce((s, l) => s + l.amount, 0);
  const nonCash = request.nonCash ?? 0;
  if (!Number.isSafeInteger(nonCash) || nonCash < 0) problems.push({ field: 'nonCash', code: 'PAYMENT_INVALID' });
  else if (problems.length === 0 && nonCash > total) problems.push({ field: 'nonCash', code: 'CARD_EXCEEDS_TOTAL', details: { total } });
  if (problems.length > 0) return fail('REFUND_INVALID', problems[0]?.field, { problems });
  const receipt: ReceiptData = {
    operation: 'refund',
    lines,
    payment: { cash: total - nonCash, nonCash },
    total,
    taxTotal: lines.reduce((s, l) => s + l.tax.amount, 0),
    refundOf: {
      fiscalModuleNumber: original.fiscalModuleNumber,
      number: original.number,
      fiscalSign: original.fiscalSign,
      total: original.total,
      issuedAt: original.issuedAt,
    },
  };
  return ok({ receipt, cashOut: total - nonCash, buyerName });
}

/** The refunded sums after one more refund receipt, for the next refund of the same original. */
export function addRefunded(refunded: Refunded, refund: Pick<ReceiptData, 'lines'>): Refunded {
  const next = new Map(refunded);
  for (const l of refund.lines) {
    if (l.originalLine === undefined) continue;
    const before = next.get(l.originalLine) ?? { quantity: 0, amount: 0 };
    next.set(l.originalLine, { quantity: before.quantity + l.quantity, amount: before.amount + l.amount });
  }
  return next;
}

/** Sums already refunded per original line, from the refund receipts issued against it. */
export const refundedFrom = (refunds: readonly Pick<ReceiptData, 'lines'>[]): Refunded => refunds.reduce<Refunded>(addRefunded, new Map());

/**
 * p.42: revenue is corrected in the tax period in which the money is paid back, not in the period
 * of the sale. The period is the Dushanbe calendar month of the refund receipt.
 */
export const revenueCorrectionPeriod = (refundIssuedAt: string): string => localDate(refundIssuedAt).slice(0, 7);
