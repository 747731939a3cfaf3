import { lineAmount, lineTax } from '../../../platform/fiscal-amounts.ts';
import { fail, ok, type Failure, type Result } from '../../../platform/result.ts';
import { type Product, UNITS, unitOnReceipt } from './catalogue.ts';
import type { CashdeskErrorCode, FieldProblem } from './errors.ts';
import { MAX_RECEIPT_TOTAL, type Payment, type ReceiptData, type ReceiptLine, type TaxRate } from './receipt-data.ts';

/**
 * A receipt in progress (p.5 "ташаккули расид", p.9). The register computes every sum with the
 * operator's own functions (platform/fiscal-amounts.ts), so that what it prints is what the operator
 * recomputes to the diram (docs/fiscal-documents.md; the operator refuses RECEIPT_SUMS_WRONG).
 */

/** A line as the cashier builds it: the product's data at the time of sale and the quantity. */
export type SaleLine = {
  readonly productCode: string;
  /** Field 6: the Tajik name (p.65, p.68: mostly the state language). */
  readonly name: string;
  readonly gtin?: string;
  /** The Tajik short name of the unit, as printed. */
  readonly unit: string;
  readonly isWholeUnit: boolean;
  readonly price: number;
  readonly tax: TaxRate;
  readonly requiresMarkingCode: boolean;
  /** Thousandths of the unit. */
  readonly quantity: number;
  readonly markingCode?: string;
};

export type Sale = { readonly lines: readonly SaleLine[] };

export const emptySale = (): Sale => ({ lines: [] });

/** A million units (in thousandths): the most one line may carry. */
export const MAX_QUANTITY = 1_000_000_000;
/** One marked item: a marking code identifies a single unit. */
export const MARKED_QUANTITY = 1000;
/** GS1 DataMatrix and similar codes: printable ASCII and the GS separator (0x1D), at most 255 characters. */
const GS = String.fromCharCode(0x1d);
const isMarkingCodeText = (code: string) => code.length >= 1 && code.length <= 255 && [...code].every((c) => c === GS || (c >= '!' && c <= '~'));

type LineError = Failure<CashdeskErrorCode>;

function quantityProblem(quantity: number, isWholeUnit: boolean, isMarked: boolean): CashdeskErrorCode | undefined {
  if (!Number.isInteger(quantity) || quantity <= 0 || quantity > MAX_QUANTITY) return 'QUANTITY_INVALID';
  if (isWholeUnit && quantity % 1000 !== 0) return 'QUANTITY_NOT_WHOLE';
  if (isMarked && quantity !== MARKED_QUANTITY) return 'MARKED_QUANTITY_NOT_ONE';
  return undefined;
}

/**
 * A marking code is well formed and not used twice on the receipt (one code, one item). When it
 * carries a GS1 GTIN (application identifier 01), it must be the product's.
 */
function markingCodeProblem(sale: Sale, code: string, gtin: string | undefined, exceptLine?: number): CashdeskErrorCode | undefined {
  if (!isMarkingCodeText(code)) return 'MARKING_CODE_INVALID';
  if (sale.lines.some((l, i) => i !== exceptLine && l.markingCode === code)) return 'MARKING_CODE_REPEATED';
  const embedded = /^01(\d{14})/.exec(code)?.[1];
  if (embedded && gtin && embedded !== gtin.padStart(14, '0')) return 'MARKING_CODE_OTHER_PRODUCT';
  return undefined;
}

/**
 * Adds a product. An unmarked product already on the receipt gets its quantity increased instead of
 * a second line; a marked product always takes a line of one unit per marking code. The marking code
 * may come later (setMarkingCode); completeSale refuses a marked line without one.
 */
export function addLine(sale: Sale, product: Product, input: { readonly quantity?: number; readonly markingCode?: string } = {}): Result<Sale, LineError> {
  const quantity = input.quantity ?? (product.requiresMarkingCode ? MARKED_QUANTITY : 1000);
  const isWholeUnit = UNITS[product.unit].isWhole;
  const qp = quantityProblem(quantity, isWholeUnit, product.requiresMarkingCode);
  if (qp) return fail(qp, 'quantity');
  const markingCode = input.markingCode?.trim() || undefined;
  if (markingCode) {
    const mp = markingCodeProblem(sale, markingCode, product.gtin);
    if (mp) return fail(mp, 'markingCode');
  }
  const same = product.requiresMarkingCode || markingCode ? -1 : sale.lines.findIndex((l) => l.productCode === product.code && l.price === product.price);
  if (same >= 0) return changeQuantity(sale, same, (sale.lines[same]?.quantity ?? 0) + quantity);
  const line: SaleLine = {
    productCode: product.code,
    name: product.name.tg,
    ...(product.gtin ? { gtin: product.gtin } : {}),
    unit: unitOnReceipt(product.unit),
    isWholeUnit,
    price: product.price,
    tax: product.tax,
    requiresMarkingCode: product.requiresMarkingCode,
    quantity,
    ...(markingCode ? { markingCode } : {}),
  };
  return ok({ lines: [...sale.lines, line] });
}

export function changeQuantity(sale: Sale, index: number, quantity: number): Result<Sale, LineError> {
  const line = sale.lines[index];
  if (!line) return fail('LINE_NOT_FOUND', 'line');
  const qp = quantityProblem(quantity, line.isWholeUnit, line.requiresMarkingCode || line.markingCode !== undefined);
  if (qp) return fail(qp, 'quantity');
  return ok({ lines: sale.lines.map((l, i) => (i === index ? { ...l, quantity } : l)) });
}

export function removeLine(sale: Sale, index: number): Result<Sale, LineError> {
  if (!sale.lines[index]) return fail('LINE_NOT_FOUND', 'line');
  return ok({ lines: sale.lines.filter((_, i) => i !== index) });
}

/** Captures the marking code of a marked item (p.9 field 7), typically from a 2D scan after the product. */
export function setMarkingCode(sale: Sale, index: number, markingCode: string): Result<Sale, LineError> {
  const line = sale.lines[index];
  if (!line) return fail('LINE_NOT_FOUND', 'line');
  const code = markingCode.trim();
  const mp = markingCodeProblem(sale, code, line.gtin, index);
  if (mp) return fail(mp, 'markingCode');
  if (line.quantity !== MARKED_QUANTITY) return fail('MARKED_QUANTITY_NOT_ONE', 'quantity');
  return ok({ lines: sale.lines.map((l, i) => (i === index ? { ...l, markingCode: code } : l)) });
}

/** A line as the receipt carries it: amount = quantity × price, tax from the amount (p.9 fields 8-11). */
export function priceLine(line: Pick<SaleLine, 'name' | 'gtin' | 'unit' | 'price' | 'tax' | 'quantity' | 'markingCode'>): ReceiptLine {
  const amount = lineAmount(line.quantity, line.price);
  return {
    name: line.name,
    ...(line.markingCode ? { markingCode: line.markingCode } : {}),
    ...(line.gtin ? { gtin: line.gtin } : {}),
    quantity: line.quantity,
    unit: line.unit,
    price: line.price,
    amount,
    tax: { kind: line.tax.kind, rateBp: line.tax.rateBp, amount: lineTax(amount, line.tax.kind, line.tax.rateBp) },
  };
}

/** The lines priced, the total (field 13) and the tax total (sum of the lines' field 11). */
export function saleTotals(sale: Sale): { readonly lines: ReceiptLine[]; readonly total: number; readonly taxTotal: number } {
  const lines = sale.lines.map(priceLine);
  return { lines, total: lines.reduce((s, l) => s + l.amount, 0), taxTotal: lines.reduce((s, l) => s + l.tax.amount, 0) };
}

/** What the buyer hands over: cash (before change) and the part paid by card or another non-cash means (p.10). */
export type Tender = { readonly cashGiven: number; readonly card: number };
export type Settlement = { readonly payment: Payment; readonly cashDue: number; readonly change: number };

/**
 * Field 12, cash, non-cash or both. The card pays at most what is due (a card overpayment cannot be
 * given back as change); the cash covers the rest and may exceed it: change = cash given − cash due.
 * Cash offered when the card already pays everything is refused rather than given back whole.
 */
export function settle(total: number, tender: Tender): Result<Settlement, Failure<CashdeskErrorCode>> {
  const isMoney = (v: number) => Number.isSafeInteger(v) && v >= 0;
  if (!isMoney(tender.cashGiven)) return fail('PAYMENT_INVALID', 'cashGiven');
  if (!isMoney(tender.card)) return fail('PAYMENT_INVALID', 'card');
  if (tender.card > total) return fail('CARD_EXCEEDS_TOTAL', 'card', { total });
  const cashDue = total - tender.card;
  if (cashDue === 0 && tender.cashGiven > 0) return fail('CASH_NOT_DUE', 'cashGiven');
  if (tender.cashGiven < cashDue) return fail('CASH_INSUFFICIENT', 'cashGiven', { cashDue });
  return ok({ payment: { cash: tender.cashGiven, nonCash: tender.card }, cashDue, change: tender.cashGiven - cashDue });
}

/** Every reason the sale cannot be issued yet; empty when it can. */
export function saleProblems(sale: Sale): FieldProblem[] {
  if (sale.lines.length === 0) return [{ field: 'lines', code: 'RECEIPT_EMPTY' }];
  const problems: FieldProblem[] = [];
  const { lines, total } = saleTotals(sale);
  sale.lines.forEach((l, i) => {
    const qp = quantityProblem(l.quantity, l.isWholeUnit, l.requiresMarkingCode || l.markingCode !== undefined);
    if (qp) problems.push({ field: `lines[${i}].quantity`, code: qp });
    if (l.requiresMarkingCode && !l.markingCode) problems.push({ field: `lines[${i}].markingCode`, code: 'MARKING_CODE_MISSING' });
    if (lines[i]?.amount === 0) problems.push({ field: `lines[${i}].amount`, code: 'LINE_AMOUNT_ZERO' });
  });
  if (total > MAX_RECEIPT_TOTAL) problems.push({ field: 'total', code: 'RECEIPT_TOTAL_TOO_LARGE' });
  return problems;
}

/**
 * Closes the sale into the data fields of a fiscal receipt (operation "sale", p.78) and the change
 * to give. Refused with every problem at once.
 */
export function completeSale(sale: Sale, tender: Tender): Result<{ readonly receipt: ReceiptData; readonly change: number }, Failure<'SALE_INVALID'>> {
  const problems = saleProblems(sale);
  const { lines, total, taxTotal } = saleTotals(sale);
  const settled = sale.lines.length > 0 ? settle(total, tender) : undefined;
  if (settled && !settled.ok)
    problems.push({
      field: `payment.${settled.error.field ?? ''}`,
      code: settled.error.code,
      ...(settled.error.details ? { details: settled.error.details } : {}),
    });
  if (problems.length > 0 || !settled?.ok) return fail('SALE_INVALID', problems[0]?.field, { problems });
  return ok({ receipt: { operation: 'sale', lines, payment: settled.value.payment, total, taxTotal }, change: settled.value.change });
}
