import type { FiscalDocument, Receipt, ReceiptLine, ShiftTotals, TaxTotal } from '../../../platform/fiscal-document.ts';
import { lineAmount, lineTax } from '../../../platform/fiscal-amounts.ts';

export { divRound, lineAmount, lineTax } from '../../../platform/fiscal-amounts.ts';

/** A rule a receipt breaks: the field at fault and a stable code. */
export type DocumentProblem = { readonly field: string; readonly code: string };

/**
 * p.9 (FIS-RCT-10 to 27): every receipt carries the 17 fields; a receipt without one may not be
 * issued (p.67 item 3, p.70 item 3). Field 17, the QR, is made from fields 13-16 and the number.
 */
export function missingMandatoryFields(r: Receipt): DocumentProblem[] {
  const out: DocumentProblem[] = [];
  const need = (ok: boolean, field: string) => {
    if (!ok) out.push({ field, code: 'MISSING' });
  };
  need(r.receiptNumber > 0, 'receiptNumber');
  need(r.registerNumber.trim() !== '', 'registerNumber');
  need(r.business.name.trim() !== '', 'business.name');
  need(/^\d{9}$/.test(r.business.tin), 'business.tin');
  need(r.address.trim() !== '', 'address');
  need(r.lines.length > 0, 'lines');
  r.lines.forEach((l, i) => {
    need(l.name.trim() !== '', `lines[${i}].name`);
    need(l.quantity > 0, `lines[${i}].quantity`);
  });
  need(r.issuedAt !== '', 'issuedAt');
  need(r.fiscalModuleNumber !== '', 'fiscalModuleNumber');
  need(/^\d{10}$/.test(r.fiscalSign), 'fiscalSign');
  return out;
}

/** The sums of a receipt must add up exactly; every inconsistency is returned. */
export function arithmeticProblems(r: Receipt): DocumentProblem[] {
  const out: DocumentProblem[] = [];
  let total = 0;
  let taxTotal = 0;
  r.lines.forEach((l, i) => {
    if (l.amount !== lineAmount(l.quantity, l.price)) out.push({ field: `lines[${i}].amount`, code: 'AMOUNT_NOT_QUANTITY_TIMES_PRICE' });
    if (l.tax.kind === 'none' && l.tax.rateBp !== 0) out.push({ field: `lines[${i}].tax.rateBp`, code: 'RATE_WITHOUT_TAX' });
    if (l.tax.amount !== lineTax(l.amount, l.tax.kind, l.tax.rateBp)) out.push({ field: `lines[${i}].tax.amount`, code: 'TAX_NOT_RATE_OF_AMOUNT' });
    total += l.amount;
    taxTotal += l.tax.amount;
  });
  if (r.total !== total) out.push({ field: 'total', code: 'TOTAL_NOT_SUM_OF_LINES' });
  if (r.taxTotal !== taxTotal) out.push({ field: 'taxTotal', code: 'TAX_TOTAL_NOT_SUM_OF_LINES' });
  if (r.payment.nonCash > r.total) out.push({ field: 'payment.nonCash', code: 'NON_CASH_OVER_TOTAL' });
  if (r.payment.cash + r.payment.nonCash < r.total) out.push({ field: 'payment', code: 'PAYMENT_BELOW_TOTAL' });
  if (r.operation === 'refund' && !r.refundOf) out.push({ field: 'refundOf', code: 'REFUND_WITHOUT_ORIGINAL' });
  if (r.operation === 'sale' && r.refundOf) out.push({ field: 'refundOf', code: 'SALE_WITH_ORIGINAL' });
  if (r.operation === 'refund') {
    r.lines.forEach((l, i) => {
      if (l.originalLine === undefined) out.push({ field: `lines[${i}].originalLine`, code: 'MISSING' });
    });
  }
  return out;
}

/** The cash actually kept: cash paid minus change. */
export const cashKept = (r: Receipt): number => r.total - r.payment.nonCash;

export { shiftTotals } from '../../../platform/fiscal-document.ts';

/** Where the module's Z-report and the operator's recomputation differ; empty when they agree. */
export function totalsDifferences(reported: ShiftTotals, computed: ShiftTotals): string[] {
  const out: string[] = [];
  for (const key of ['receiptCount', 'saleCount', 'refundCount', 'offlineCount'] as const) {
    if (reported[key] !== computed[key]) out.push(`${key}: reported ${reported[key]}, computed ${computed[key]}`);
  }
  const taxKey = (t: TaxTotal) => `${t.operation}|${t.kind}|${t.rateBp}`;
  const diffGroups = <T>(label: string, a: readonly T[], b: readonly T[], key: (x: T) => string, fields: (keyof T)[]) => {
    const left = new Map(a.map((x) => [key(x), x]));
    const right = new Map(b.map((x) => [key(x), x]));
    for (const k of new Set([...left.keys(), ...right.keys()])) {
      const l = left.get(k);
      const r = right.get(k);
      for (const f of fields) {
        const lv = l ? Number(l[f]) : 0;
        const rv = r ? Number(r[f]) : 0;
        if (lv !== rv) out.push(`${label} ${k} ${String(f)}: reported ${lv}, computed ${rv}`);
      }
    }
  };
  diffGroups('tax', reported.byTax, computed.byTax, taxKey, ['amount', 'tax']);
  diffGroups('payment', reported.byPayment, computed.byPayment, (p) => p.operation, ['cash', 'nonCash', 'total']);
  return out;
}

/** What has been refunded so far on each line of an original receipt. */
export type Refunded = ReadonlyMap<number, { readonly quantity: number; readonly amount: number }>;

/**
 * Section 6 (p.39-42): a refund refers to its original sale, and the quantities and sums returned
 * can never exceed what was sold, line by line, counting every earlier refund.
 */
export function refundProblems(
  original: Pick<Receipt, 'operation' | 'lines' | 'fiscalSign' | 'total'>,
  refunded: Refunded,
  refund: Receipt,
): DocumentProblem[] {
  const out: DocumentProblem[] = [];
  if (original.operation !== 'sale') return [{ field: 'refundOf', code: 'ORIGINAL_NOT_A_SALE' }];
  if (refund.refundOf && (refund.refundOf.fiscalSign !== original.fiscalSign || refund.refundOf.total !== original.total)) {
    out.push({ field: 'refundOf', code: 'ORIGINAL_DOES_NOT_MATCH' });
  }
  const asked = new Map<number, { quantity: number; amount: number }>();
  refund.lines.forEach((l, i) => {
    const at = l.originalLine ?? -1;
    const sold = original.lines[at];
    if (!sold) {
      out.push({ field: `lines[${i}].originalLine`, code: 'NO_SUCH_LINE' });
      return;
    }
    if (sold.name !== l.name || sold.price !== l.price || sold.tax.kind !== l.tax.kind || sold.tax.rateBp !== l.tax.rateBp) {
      out.push({ field: `lines[${i}]`, code: 'LINE_DIFFERS_FROM_ORIGINAL' });
    }
    const sum = asked.get(at) ?? { quantity: 0, amount: 0 };
    asked.set(at, { quantity: sum.quantity + l.quantity, amount: sum.amount + l.amount });
  });
  for (const [at, a] of asked) {
    const sold = original.lines[at] as ReceiptLine;
    const before = refunded.get(at) ?? { quantity: 0, amount: 0 };
    if (before.quantity + a.quantity > sold.quantity || before.amount + a.amount > sold.amount) {
      out.push({ field: `lines.originalLine=${at}`, code: 'REFUND_EXCEEDS_SALE' });
    }
  }
  return out;
}

export const HOUR_MS = 3_600_000;

/** p.36: offline data must reach the operator within 24 hours of the first offline receipt. */
export function isLateOffline(doc: Pick<FiscalDocument, 'isOffline' | 'offlineSince'>, receivedAt: Date): boolean {
  if (!doc.isOffline || !doc.offlineSince) return false;
  return receivedAt.getTime() - Date.parse(doc.offlineSince) > 24 * HOUR_MS;
}

/** A shift may last at most 24 hours (catalog ambiguity 34; the Z-report is a daily report). */
export const MAX_SHIFT_MS = 24 * HOUR_MS;
