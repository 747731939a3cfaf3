import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ReceiptLine, TaxKind } from './receipt-data.ts';
import {
  expectedCash,
  type ReportReceipt,
  reportByDay,
  reportByPaymentForm,
  reportByProduct,
  type ShiftTotals,
  shiftTotals,
  xReport,
  zReportData,
} from './shift-reports.ts';
import { SHIFT_FIXTURE, SHIFT_FIXTURE_TOTALS } from './shift-reports.fixtures.ts';

const TEA = '4870001234560';
const l = (name: string, quantity: number, price: number, amount: number, kind: TaxKind, rateBp: number, tax: number, gtin?: string): ReceiptLine => ({
  name,
  quantity,
  unit: 'дона',
  price,
  amount,
  tax: { kind, rateBp, amount: tax },
  ...(gtin ? { gtin } : {}),
});

describe('shift reports (p.2, p.5, p.77)', () => {
  test('FIS-VCS-06, FIS-GEN-11, FIS-FM-13, FIS-IMP-20: Z-report totals per operation, tax kind and rate, and payment form, as the operator recomputes them', () => {
    const cases: [readonly ReportReceipt[], ShiftTotals][] = [
      [SHIFT_FIXTURE, SHIFT_FIXTURE_TOTALS],
      [[], { receiptCount: 0, saleCount: 0, refundCount: 0, offlineCount: 0, byTax: [], byPayment: [] }],
      [
        [SHIFT_FIXTURE[3] as ReportReceipt],
        {
          receiptCount: 1,
          saleCount: 0,
          refundCount: 1,
          offlineCount: 0,
          byTax: [{ operation: 'refund', kind: 'vat', rateBp: 1400, amount: 1850, tax: 227 }],
          byPayment: [{ operation: 'refund', cash: 1850, nonCash: 0, total: 1850 }],
        },
      ],
    ];
    for (const [receipts, expected] of cases) assert.deepEqual(shiftTotals(receipts), expected);
    // The order of receipts does not change the report.
    assert.deepEqual(shiftTotals([...SHIFT_FIXTURE].reverse()), SHIFT_FIXTURE_TOTALS);
  });

  test('FIS-VCS-06, FIS-VCS-09: the X-report shows the open shift without closing it; the Z-report data close it', () => {
    const shift = { shiftNumber: 7, openedAt: '2026-03-02T08:00:00+05:00', openingCash: 5000 };
    const before = JSON.stringify(SHIFT_FIXTURE);
    const x = xReport(shift, SHIFT_FIXTURE, '2026-03-02T16:00:00+05:00');
    assert.deepEqual(x, {
      kind: 'x',
      shiftNumber: 7,
      openedAt: shift.openedAt,
      at: '2026-03-02T16:00:00+05:00',
      totals: SHIFT_FIXTURE_TOTALS,
      expectedCash: 10098,
    });
    assert.equal(JSON.stringify(SHIFT_FIXTURE), before);
    assert.deepEqual(zReportData(shift, SHIFT_FIXTURE), { shiftNumber: 7, openedAt: shift.openedAt, totals: SHIFT_FIXTURE_TOTALS });
    assert.equal(expectedCash(SHIFT_FIXTURE_TOTALS), 5098);
  });

  test('FIS-VCS-09, FIS-RFD-06: the report by day follows the Dushanbe calendar and counts refunds on the day they are paid', () => {
    assert.deepEqual(reportByDay(SHIFT_FIXTURE), [
      { date: '2026-03-02', saleCount: 3, refundCount: 1, sales: 19348, refunds: 1850, net: 17498, salesTax: 1553, refundsTax: 227, netTax: 1326 },
      { date: '2026-03-03', saleCount: 1, refundCount: 0, sales: 600, refunds: 0, net: 600, salesTax: 0, refundsTax: 0, netTax: 0 },
    ]);
  });

  test('FIS-VCS-09: the report by product nets refunds against sales; a GTIN is one product in any length', () => {
    const withGtin14: ReportReceipt = {
      ...(SHIFT_FIXTURE[3] as ReportReceipt),
      lines: [{ ...l('Чойи сабз', 1000, 1850, 1850, 'vat', 1400, 227, `0${TEA}`), originalLine: 1 }],
    };
    const receipts = [...SHIFT_FIXTURE.slice(0, 3), withGtin14, ...SHIFT_FIXTURE.slice(4)];
    assert.deepEqual(
      reportByProduct(receipts).map((p) => [p.name, p.soldQuantity, p.soldAmount, p.refundedQuantity, p.refundedAmount, p.netQuantity, p.netAmount]),
      [
        ['Мӯйсаргирӣ', 1000, 10000, 0, 0, 1000, 10000],
        ['Себ', 2500, 3248, 0, 0, 2500, 3248],
        ['Дору', 1000, 2100, 0, 0, 1000, 2100],
        ['Чойи сабз', 2000, 3700, 1000, 1850, 1000, 1850],
        ['Нон', 3000, 900, 0, 0, 3000, 900],
      ],
    );
  });

  test('FIS-VCS-09, FIS-RCT-22: the report by payment form gives cash kept and non-cash, net of refunds', () => {
    const cases: [readonly ReportReceipt[], ReturnType<typeof reportByPaymentForm>][] = [
      [SHIFT_FIXTURE, { sales: { cash: 6948, nonCash: 13000 }, refunds: { cash: 1850, nonCash: 0 }, net: { cash: 5098, nonCash: 13000, total: 18098 } }],
      [[], { sales: { cash: 0, nonCash: 0 }, refunds: { cash: 0, nonCash: 0 }, net: { cash: 0, nonCash: 0, total: 0 } }],
    ];
    for (const [receipts, expected] of cases) assert.deepEqual(reportByPaymentForm(receipts), expected);
  });
});
