import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lineAmount } from '../../../platform/fiscal-amounts.ts';
import type { ReceiptLine } from './receipt-data.ts';
import { addRefunded, type OriginalReceipt, prepareRefund, type Refunded, refundedFrom, remainingLines, revenueCorrectionPeriod } from './refund.ts';

const GS = String.fromCharCode(0x1d);
const line = (name: string, quantity: number, unit: string, price: number, amount: number, tax: number, extra: Partial<ReceiptLine> = {}): ReceiptLine => ({
  name,
  quantity,
  unit,
  price,
  amount,
  tax: { kind: 'vat', rateBp: 1400, amount: tax },
  ...extra,
});

const original: OriginalReceipt = {
  operation: 'sale',
  fiscalModuleNumber: 'FM0001',
  number: 41,
  fiscalSign: '0123456789',
  issuedAt: '2026-03-02T09:10:00+05:00',
  lines: [
    line('Себ', 2500, 'кг', 1299, 3248, 399),
    line('Чойи сабз', 2000, 'дона', 1850, 3700, 454, { gtin: '4870001234560' }),
    line('Пойафзол', 1000, 'дона', 25000, 25000, 3070, { gtin: '96385074', markingCode: `010000009638507421AAA${GS}93abcd` }),
  ],
  total: 31948,
};
const none: Refunded = new Map();
const buyerName = 'Раҳимов Фарҳод Ҷамшедович';

describe('refunds (section 6, p.39-42)', () => {
  test('FIS-RFD-01, FIS-FM-18, FIS-IMP-28: a whole receipt is refunded line by line with a reference to the original', () => {
    const r = prepareRefund(original, none, { buyerName });
    assert.ok(r.ok, JSON.stringify(r));
    const { receipt, cashOut } = r.value;
    assert.equal(receipt.operation, 'refund');
    assert.deepEqual(
      receipt.lines,
      original.lines.map((l, i) => ({ ...l, originalLine: i })),
    );
    assert.deepEqual(receipt.refundOf, {
      fiscalModuleNumber: 'FM0001',
      number: 41,
      fiscalSign: '0123456789',
      total: 31948,
      issuedAt: '2026-03-02T09:10:00+05:00',
    });
    assert.equal(receipt.total, 31948);
    assert.equal(receipt.taxTotal, 399 + 454 + 3070);
    assert.deepEqual(receipt.payment, { cash: 31948, nonCash: 0 });
    assert.equal(cashOut, 31948);
  });

  test('FIS-RFD-01, FIS-RFD-05: some lines, some quantity: sums are recomputed with the sale rules', () => {
    const r = prepareRefund(original, none, {
      lines: [
        { originalLine: 1, quantity: 1000 },
        { originalLine: 0, quantity: 1000 },
      ],
      nonCash: 1000,
      buyerName: '  Раҳимов   Фарҳод ',
    });
    assert.ok(r.ok, JSON.stringify(r));
    assert.deepEqual(r.value.receipt.lines, [
      line('Чойи сабз', 1000, 'дона', 1850, 1850, 227, { gtin: '4870001234560', originalLine: 1 }),
      line('Себ', 1000, 'кг', 1299, 1299, 160, { originalLine: 0 }),
    ]);
    assert.equal(r.value.receipt.total, 3149);
    assert.deepEqual(r.value.receipt.payment, { cash: 2149, nonCash: 1000 });
    assert.equal(r.value.cashOut, 2149);
    assert.equal(r.value.buyerName, 'Раҳимов Фарҳод');
  });

  test('FIS-RFD-05: never more than was sold on a line, counting every earlier refund', () => {
    const earlier = refundedFrom([{ lines: [line('Чойи сабз', 1000, 'дона', 1850, 1850, 227, { originalLine: 1 })] }]);
    const cases: [Refunded, { originalLine: number; quantity?: number }[], string | number][] = [
      [earlier, [{ originalLine: 1, quantity: 1000 }], 1850],
      [earlier, [{ originalLine: 1, quantity: 2000 }], 'REFUND_EXCEEDS_SALE'],
      [earlier, [{ originalLine: 1 }], 1850],
      [
        addRefunded(earlier, { lines: [{ ...line('Чойи сабз', 1000, 'дона', 1850, 1850, 227), originalLine: 1 }] }),
        [{ originalLine: 1 }],
        'REFUND_EXCEEDS_SALE',
      ],
      [none, [{ originalLine: 0, quantity: 2501 }], 'REFUND_EXCEEDS_SALE'],
      [none, [{ originalLine: 0, quantity: 2500 }], 3248],
      [none, [{ originalLine: 3 }], 'REFUND_LINE_NOT_FOUND'],
      [none, [{ originalLine: -1 }], 'REFUND_LINE_NOT_FOUND'],
      [none, [{ originalLine: 0.5 }], 'REFUND_LINE_NOT_FOUND'],
      [none, [{ originalLine: 0 }, { originalLine: 0, quantity: 1 }], 'REFUND_LINE_REPEATED'],
      [none, [{ originalLine: 0, quantity: 0 }], 'QUANTITY_INVALID'],
      [none, [{ originalLine: 1, quantity: 500 }], 'QUANTITY_NOT_WHOLE'],
      [none, [{ originalLine: 0, quantity: 500 }], lineAmount(500, 1299)],
      [none, [], 'RECEIPT_EMPTY'],
    ];
    for (const [refunded, lines, expected] of cases) {
      const r = prepareRefund(original, refunded, { lines, buyerName });
      const got = r.ok ? r.value.receipt.total : ((r.error.details?.problems ?? []) as { code: string }[])[0]?.code;
      assert.equal(got, expected, JSON.stringify(lines));
    }
  });

  test('FIS-RFD-05: the whole-receipt refund takes what is left, and nothing when all is back', () => {
    const partly = refundedFrom([{ lines: [line('Себ', 1000, 'кг', 1299, 1299, 160, { originalLine: 0 })] }]);
    assert.deepEqual(remainingLines(original, partly), [
      { originalLine: 0, quantity: 1500, amount: 1949 },
      { originalLine: 1, quantity: 2000, amount: 3700 },
      { originalLine: 2, quantity: 1000, amount: 25000 },
    ]);
    const rest = prepareRefund(original, partly, { buyerName });
    assert.ok(rest.ok);
    assert.deepEqual(
      rest.value.receipt.lines.map((l) => [l.originalLine, l.quantity, l.amount]),
      [
        [0, 1500, 1949],
        [1, 2000, 3700],
        [2, 1000, 25000],
      ],
    );
    const all = refundedFrom([rest.value.receipt, { lines: [line('Себ', 1000, 'кг', 1299, 1299, 160, { originalLine: 0 })] }]);
    const nothing = prepareRefund(original, all, { buyerName });
    assert.deepEqual(nothing.ok ? undefined : nothing.error.details?.problems, [{ field: 'lines', code: 'REFUND_NOTHING_LEFT' }]);
  });

  test('FIS-RFD-05: a refund in many small parts can meet the rounding of the sale: the operator would refuse it, so the register does', () => {
    // 3 g at 5 somoni a kg: 0.015 somoni → 2 dirams; each gram alone rounds to 1 diram.
    const tiny: OriginalReceipt = { ...original, lines: [line('Заъфарон', 3, 'кг', 500, 2, 0)], total: 2 };
    let refunded: Refunded = none;
    for (const expected of [1, 1, 'REFUND_EXCEEDS_SALE']) {
      const r = prepareRefund(tiny, refunded, { lines: [{ originalLine: 0, quantity: 1 }], buyerName });
      assert.equal(r.ok ? r.value.receipt.total : ((r.error.details?.problems ?? []) as { code: string }[])[0]?.code, expected);
      if (r.ok) refunded = addRefunded(refunded, r.value.receipt);
    }
  });

  test('FIS-RFD-01: a marked item is refunded whole, with its marking code', () => {
    const r = prepareRefund(original, none, { lines: [{ originalLine: 2 }], buyerName });
    assert.equal(r.ok && r.value.receipt.lines[0]?.markingCode, original.lines[2]?.markingCode);
  });

  test('FIS-RFD-03, FIS-RFD-04: the buyer is named; a refund to the card is at most the refund', () => {
    const cases: [Partial<Parameters<typeof prepareRefund>[2]>, string[]][] = [
      [{ buyerName: '   ' }, ['REFUND_BUYER_NAME_MISSING']],
      [{ nonCash: 40000 }, ['CARD_EXCEEDS_TOTAL']],
      [{ nonCash: -1 }, ['PAYMENT_INVALID']],
      [{ nonCash: 31948 }, []],
      [{ buyerName: '', nonCash: 1.5 }, ['REFUND_BUYER_NAME_MISSING', 'PAYMENT_INVALID']],
    ];
    for (const [change, codes] of cases) {
      const r = prepareRefund(original, none, { buyerName, ...change });
      assert.deepEqual(r.ok ? [] : ((r.error.details?.problems ?? []) as { code: string }[]).map((p) => p.code), codes, JSON.stringify(change));
    }
  });

  test('FIS-RFD-01: only a sale is refunded', () => {
    const r = prepareRefund({ ...original, operation: 'refund' }, none, { buyerName });
    assert.deepEqual(r.ok ? undefined : r.error.details?.problems, [{ field: 'refundOf', code: 'REFUND_ORIGINAL_NOT_A_SALE' }]);
  });

  test('FIS-RFD-06: revenue is corrected in the period the money is paid back (Dushanbe months)', () => {
    const cases: [string, string][] = [
      ['2026-03-31T23:59:00+05:00', '2026-03'],
      ['2026-04-01T00:00:00+05:00', '2026-04'],
      ['2026-03-31T19:30:00Z', '2026-04'],
      ['2026-03-31T18:59:59Z', '2026-03'],
    ];
    for (const [at, period] of cases) assert.equal(revenueCorrectionPeriod(at), period, at);
  });
});
