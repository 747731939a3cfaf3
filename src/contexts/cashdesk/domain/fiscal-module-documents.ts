/**
 * The documents the fiscal module forms (p.76-79) and the pure rules on their content: what a
 * receipt must carry before the module seals it, and the running totals of a shift for the
 * Z-report (p.77). The shapes are those of the operator's published format
 * (docs/fiscal-documents.md); a domain folder may not import the fiscal context, so the
 * infrastructure checks at compile time that they stay assignable to the operator's types.
 */
import { checkGtin } from '../../../platform/gs1.ts';
import { lineAmount, lineTax } from '../../../platform/fiscal-amounts.ts';
import type { DocumentCommon, ShiftTotals } from '../../../platform/fiscal-document.ts';
import type { ReceiptData } from './receipt-data.ts';

export { addToTotals, emptyTotals, type PaymentTotal, type ShiftTotals, type TaxTotal } from '../../../platform/fiscal-document.ts';

/** Fields the module adds to every document it forms. */
export type ModuleCommon = DocumentCommon;

/** What the register hands to the module for a receipt (p.78): the data fields and the business of fields 3-5. */
export type ReceiptInput = ReceiptData & {
  /** Fields 3 and 4. */
  readonly business: { readonly tin: string; readonly name: string };
  /** Field 5. */
  readonly address: string;
};

export type ModuleReceipt = ModuleCommon & ReceiptInput & { readonly type: 'receipt'; readonly receiptNumber: number };
export type ModuleShiftOpening = ModuleCommon & { readonly type: 'shift_open' };

export type ModuleZReport = ModuleCommon & { readonly type: 'z_report'; readonly openedAt: string; readonly totals: ShiftTotals };
export type ModuleDocument = ModuleReceipt | ModuleShiftOpening | ModuleZReport;

/** A rule the receipt data break: the field and a stable code (the operator's codes where they exist). */
export type ReceiptProblem = { readonly field: string; readonly code: string };

/** Largest sum the module accepts, so that totals stay exact integers (and within the operator's schema). */
const MAX_MONEY = 100_000_000_000;

/**
 * p.9 fields 1-13 and p.78 (total, payment, cash or non-cash, VAT, sale or return): the module seals
 * nothing the operator would refuse for missing fields or wrong sums, because p.65 item 20 asks that
 * fiscal data be protected against change while they are formed.
 */
export function receiptProblems(r: ReceiptInput): ReceiptProblem[] {
  const out: ReceiptProblem[] = [];
  const need = (isOk: boolean, field: string, code = 'MISSING') => {
    if (!isOk) out.push({ field, code });
  };
  need(/^\d{9}$/.test(r.business.tin), 'business.tin');
  need(r.business.name.trim() !== '', 'business.name');
  need(r.address.trim() !== '', 'address');
  need(r.lines.length > 0, 'lines');
  need(r.operation === 'sale' || r.operation === 'refund', 'operation', 'UNKNOWN_OPERATION');
  let total = 0;
  let taxTotal = 0;
  r.lines.forEach((l, i) => {
    const at = `lines[${i}]`;
    need(l.name.trim() !== '', `${at}.name`);
    need(l.unit.trim() !== '', `${at}.unit`);
    need(Number.isSafeInteger(l.quantity) && l.quantity > 0, `${at}.quantity`, 'NOT_A_POSITIVE_INTEGER');
    need(Number.isSafeInteger(l.price) && l.price >= 0 && l.price <= MAX_MONEY, `${at}.price`, 'NOT_AN_AMOUNT');
    need(Number.isSafeInteger(l.tax.rateBp) && l.tax.rateBp >= 0 && l.tax.rateBp <= 10_000, `${at}.tax.rateBp`, 'NOT_A_RATE');
    if (l.gtin !== undefined) need(checkGtin(l.gtin).isValid, `${at}.gtin`, 'GTIN_INVALID');
    if (out.length > 0) return;
    need(l.amount === lineAmount(l.quantity, l.price), `${at}.amount`, 'AMOUNT_NOT_QUANTITY_TIMES_PRICE');
    need(l.tax.kind !== 'none' || l.tax.rateBp === 0, `${at}.tax.rateBp`, 'RATE_WITHOUT_TAX');
    need(l.tax.amount === lineTax(l.amount, l.tax.kind, l.tax.rateBp), `${at}.tax.amount`, 'TAX_NOT_RATE_OF_AMOUNT');
    if (r.operation === 'refund') need(l.originalLine !== undefined, `${at}.originalLine`);
    total += l.amount;
    taxTotal += l.tax.amount;
  });
  if (out.length > 0) return out;
  need(r.total === total && total <= MAX_MONEY, 'total', 'TOTAL_NOT_SUM_OF_LINES');
  need(r.taxTotal === taxTotal, 'taxTotal', 'TAX_TOTAL_NOT_SUM_OF_LINES');
  const { cash, nonCash } = r.payment;
  need(Number.isSafeInteger(cash) && cash >= 0 && Number.isSafeInteger(nonCash) && nonCash >= 0, 'payment', 'NOT_AN_AMOUNT');
  need(nonCash <= r.total, 'payment.nonCash', 'NON_CASH_OVER_TOTAL');
  need(cash + nonCash >= r.total && cash <= MAX_MONEY, 'payment', 'PAYMENT_BELOW_TOTAL');
  if (r.operation === 'refund') need(r.refundOf !== undefined, 'refundOf', 'REFUND_WITHOUT_ORIGINAL');
  if (r.operation === 'sale') need(r.refundOf === undefined, 'refundOf', 'SALE_WITH_ORIGINAL');
  return out;
}

const DUSHANBE_OFFSET_MS = 5 * 3_600_000;

/** p.9 field 14 and p.65/p.68 (UTC+05:00): an instant as the register prints it, to the second. */
export const dushanbeIso = (ms: number) => `${new Date(ms + DUSHANBE_OFFSET_MS).toISOString().slice(0, 19)}+05:00`;
