import type { Localised } from '../../../platform/i18n.ts';
import { localDate } from './dushanbe-time.ts';
import { type ShiftTotals, shiftTotals, type TotalsReceipt } from '../../../platform/fiscal-document.ts';
import type { IssuedReceipt, Operation, ReceiptLine } from './receipt-data.ts';

export { type PaymentTotal, type ShiftTotals, shiftTotals, type TaxTotal, type TotalsReceipt } from '../../../platform/fiscal-document.ts';

/**
 * Shift reports of the register (p.5: Z-report and general reports; p.2: the Z-report is the daily
 * closing report; p.77: the fiscal module keeps it). The X-report shows the same totals in the middle
 * of a shift without closing it.
 *
 * The totals MUST equal what the operator recomputes from the receipts it holds
 * (src/contexts/fiscal/domain/document-rules.ts `shiftTotals`, FIS-IMP-20), or the Z-report is flagged.
 * A domain folder may not import another context, so this is a reimplementation with the same output
 * shape, grouping and order; shift-reports.test.ts runs both on the same fixtures' expected values,
 * and the application layer should compare the two directly.
 */

/** Report names as the screen and the printout show them, Tajik first. */
export const REPORT_TITLES = {
  x: { tg: 'X-ҳисобот (ҳисоботи фосилавӣ, бе бастан)', ru: 'X-отчёт (промежуточный, без закрытия)', en: 'X-report (interim, no closing)' },
  z: { tg: 'Z-ҳисобот (ҳисобот дар бораи анҷоми басти корӣ)', ru: 'Z-отчёт (отчёт о закрытии смены)', en: 'Z-report (end of shift)' },
  byDay: { tg: 'Ҳисобот аз рӯи рӯзҳо', ru: 'Отчёт по дням', en: 'Report by day' },
  byProduct: { tg: 'Ҳисобот аз рӯи мол', ru: 'Отчёт по товарам', en: 'Report by product' },
  byPaymentForm: { tg: 'Ҳисобот аз рӯи шакли пардохт', ru: 'Отчёт по формам оплаты', en: 'Report by payment form' },
} as const satisfies Record<string, Localised>;

/** Per operation, tax kind and rate. */
/** The shift as the register knows it. */
export type ShiftState = { readonly shiftNumber: number; readonly openedAt: string; readonly openingCash?: number };

/** Cash that should be in the drawer: the opening float, plus cash kept from sales, less cash paid out on refunds. */
export function expectedCash(totals: ShiftTotals, openingCash = 0): number {
  const cash = (op: Operation) => totals.byPayment.find((p) => p.operation === op)?.cash ?? 0;
  return openingCash + cash('sale') - cash('refund');
}

export type XReport = {
  readonly kind: 'x';
  readonly shiftNumber: number;
  readonly openedAt: string;
  /** When the report was taken (passed in). */
  readonly at: string;
  readonly totals: ShiftTotals;
  readonly expectedCash: number;
};

/** The X-report: interim totals of the open shift; nothing is closed or reset. */
export function xReport(shift: ShiftState, receipts: readonly TotalsReceipt[], at: string): XReport {
  const totals = shiftTotals(receipts);
  return { kind: 'x', shiftNumber: shift.shiftNumber, openedAt: shift.openedAt, at, totals, expectedCash: expectedCash(totals, shift.openingCash) };
}

/** The data fields of the Z-report document (p.77) that the register hands to the fiscal module, which closes the shift. */
export function zReportData(
  shift: ShiftState,
  receipts: readonly TotalsReceipt[],
): { readonly shiftNumber: number; readonly openedAt: string; readonly totals: ShiftTotals } {
  return { shiftNumber: shift.shiftNumber, openedAt: shift.openedAt, totals: shiftTotals(receipts) };
}

// General reports (p.5 "тартиб додани ҳисоботи умумӣ"). Refunds count on the day they are paid,
// not on the day of the sale (p.42).

export type ReportReceipt = TotalsReceipt & Pick<IssuedReceipt, 'issuedAt' | 'taxTotal'>;

export type DayReport = {
  readonly date: string;
  readonly saleCount: number;
  readonly refundCount: number;
  readonly sales: number;
  readonly refunds: number;
  /** Sales less refunds: the revenue of the day (p.42). */
  readonly net: number;
  readonly salesTax: number;
  readonly refundsTax: number;
  readonly netTax: number;
};

/** Totals per Dushanbe calendar day, oldest first. */
export function reportByDay(receipts: readonly ReportReceipt[]): DayReport[] {
  const days = new Map<string, DayReport>();
  for (const r of receipts) {
    const date = localDate(r.issuedAt);
    const d = days.get(date) ?? { date, saleCount: 0, refundCount: 0, sales: 0, refunds: 0, net: 0, salesTax: 0, refundsTax: 0, netTax: 0 };
    const isSale = r.operation === 'sale';
    const sign = isSale ? 1 : -1;
    days.set(date, {
      date,
      saleCount: d.saleCount + (isSale ? 1 : 0),
      refundCount: d.refundCount + (isSale ? 0 : 1),
      sales: d.sales + (isSale ? r.total : 0),
      refunds: d.refunds + (isSale ? 0 : r.total),
      net: d.net + sign * r.total,
      salesTax: d.salesTax + (isSale ? r.taxTotal : 0),
      refundsTax: d.refundsTax + (isSale ? 0 : r.taxTotal),
      netTax: d.netTax + sign * r.taxTotal,
    });
  }
  return [...days.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

export type ProductReport = {
  /** GTIN when the line has one, else name, unit and price (lines carry no article code). */
  readonly key: string;
  readonly name: string;
  readonly gtin?: string;
  readonly unit: string;
  readonly soldQuantity: number;
  readonly soldAmount: number;
  readonly refundedQuantity: number;
  readonly refundedAmount: number;
  readonly netQuantity: number;
  readonly netAmount: number;
};

const productKey = (l: ReceiptLine) => (l.gtin ? `gtin:${l.gtin.padStart(14, '0')}` : `name:${l.name}|${l.unit}|${l.price}`);

/** Quantities and sums per product, largest net amount first. */
export function reportByProduct(receipts: readonly Pick<IssuedReceipt, 'operation' | 'lines'>[]): ProductReport[] {
  const products = new Map<string, ProductReport>();
  for (const r of receipts) {
    const isSale = r.operation === 'sale';
    for (const l of r.lines) {
      const key = productKey(l);
      const p = products.get(key) ?? {
        key,
        name: l.name,
        ...(l.gtin ? { gtin: l.gtin } : {}),
        unit: l.unit,
        soldQuantity: 0,
        soldAmount: 0,
        refundedQuantity: 0,
        refundedAmount: 0,
        netQuantity: 0,
        netAmount: 0,
      };
      const sign = isSale ? 1 : -1;
      products.set(key, {
        ...p,
        soldQuantity: p.soldQuantity + (isSale ? l.quantity : 0),
        soldAmount: p.soldAmount + (isSale ? l.amount : 0),
        refundedQuantity: p.refundedQuantity + (isSale ? 0 : l.quantity),
        refundedAmount: p.refundedAmount + (isSale ? 0 : l.amount),
        netQuantity: p.netQuantity + sign * l.quantity,
        netAmount: p.netAmount + sign * l.amount,
      });
    }
  }
  return [...products.values()].sort((a, b) => b.netAmount - a.netAmount || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

export type PaymentFormReport = {
  readonly sales: { readonly cash: number; readonly nonCash: number };
  readonly refunds: { readonly cash: number; readonly nonCash: number };
  readonly net: { readonly cash: number; readonly nonCash: number; readonly total: number };
};

/** Cash kept and non-cash, for sales, refunds and net (field 12 of p.9). */
export function reportByPaymentForm(receipts: readonly TotalsReceipt[]): PaymentFormReport {
  const totals = shiftTotals(receipts).byPayment;
  const of = (op: Operation) => totals.find((p) => p.operation === op) ?? { cash: 0, nonCash: 0, total: 0 };
  const s = of('sale');
  const r = of('refund');
  return {
    sales: { cash: s.cash, nonCash: s.nonCash },
    refunds: { cash: r.cash, nonCash: r.nonCash },
    net: { cash: s.cash - r.cash, nonCash: s.nonCash - r.nonCash, total: s.total - r.total },
  };
}
