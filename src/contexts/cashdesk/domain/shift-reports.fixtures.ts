import type { ReceiptLine, TaxKind } from './receipt-data.ts';
import type { ReportReceipt, ShiftTotals } from './shift-reports.ts';

/**
 * A shift of receipts and the totals the operator computes for it (fiscal document-rules.ts
 * `shiftTotals`, checked against that function when written). shift-reports.test.ts uses them, and
 * the application layer's integration test should feed the same receipts to both functions.
 */
const l = (name: string, quantity: number, price: number, amount: number, kind: TaxKind, rateBp: number, tax: number, gtin?: string): ReceiptLine => ({
  name,
  quantity,
  unit: 'дона',
  price,
  amount,
  tax: { kind, rateBp, amount: tax },
  ...(gtin ? { gtin } : {}),
});
const TEA = '4870001234560';

/** One shift: four sales (one offline, one paid by card, one with change) and a refund, across Dushanbe midnight. */
export const SHIFT_FIXTURE: readonly ReportReceipt[] = [
  {
    operation: 'sale',
    issuedAt: '2026-03-02T09:10:00+05:00',
    isOffline: false,
    lines: [l('Себ', 2500, 1299, 3248, 'vat', 1400, 399), l('Чойи сабз', 2000, 1850, 3700, 'vat', 1400, 454, TEA), l('Нон', 1000, 300, 300, 'none', 0, 0)],
    payment: { cash: 5000, nonCash: 3000 },
    total: 7248,
    taxTotal: 853,
  },
  {
    operation: 'sale',
    issuedAt: '2026-03-02T12:00:00+05:00',
    isOffline: true,
    lines: [l('Мӯйсаргирӣ', 1000, 10000, 10000, 'simplified', 600, 600)],
    payment: { cash: 0, nonCash: 10000 },
    total: 10000,
    taxTotal: 600,
  },
  {
    operation: 'sale',
    issuedAt: '2026-03-02T15:00:00+05:00',
    isOffline: false,
    lines: [l('Дору', 1000, 2100, 2100, 'vat', 500, 100)],
    payment: { cash: 2100, nonCash: 0 },
    total: 2100,
    taxTotal: 100,
  },
  {
    operation: 'refund',
    issuedAt: '2026-03-02T23:30:00+05:00',
    isOffline: false,
    lines: [{ ...l('Чойи сабз', 1000, 1850, 1850, 'vat', 1400, 227, TEA), originalLine: 1 }],
    payment: { cash: 1850, nonCash: 0 },
    total: 1850,
    taxTotal: 227,
  },
  {
    operation: 'sale',
    // 00:10 in Dushanbe on 3 March, written in UTC.
    issuedAt: '2026-03-02T19:10:00Z',
    isOffline: false,
    lines: [l('Нон', 2000, 300, 600, 'none', 0, 0)],
    payment: { cash: 1000, nonCash: 0 },
    total: 600,
    taxTotal: 0,
  },
];

/** What the operator's shiftTotals (fiscal document-rules.ts) gives for SHIFT_FIXTURE: groups and order included. */
export const SHIFT_FIXTURE_TOTALS: ShiftTotals = {
  receiptCount: 5,
  saleCount: 4,
  refundCount: 1,
  offlineCount: 1,
  byTax: [
    { operation: 'refund', kind: 'vat', rateBp: 1400, amount: 1850, tax: 227 },
    { operation: 'sale', kind: 'none', rateBp: 0, amount: 900, tax: 0 },
    { operation: 'sale', kind: 'simplified', rateBp: 600, amount: 10000, tax: 600 },
    { operation: 'sale', kind: 'vat', rateBp: 1400, amount: 6948, tax: 853 },
    { operation: 'sale', kind: 'vat', rateBp: 500, amount: 2100, tax: 100 },
  ],
  byPayment: [
    { operation: 'refund', cash: 1850, nonCash: 0, total: 1850 },
    { operation: 'sale', cash: 6948, nonCash: 13000, total: 19948 },
  ],
};
