import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { lineAmount, lineTax } from '../../../platform/fiscal-amounts.ts';
import type { Product } from './catalogue.ts';
import { addLine, changeQuantity, completeSale, emptySale, priceLine, removeLine, type Sale, saleTotals, setMarkingCode, settle } from './sale.ts';

const apples: Product = { code: 'APL', name: { tg: 'Себ' }, unit: 'kg', price: 1299, tax: { kind: 'vat', rateBp: 1400 }, requiresMarkingCode: false };
const tea: Product = {
  code: 'TEA',
  gtin: '4870001234560',
  name: { tg: 'Чойи сабз', ru: 'Зелёный чай' },
  unit: 'piece',
  price: 1850,
  tax: { kind: 'vat', rateBp: 1400 },
  requiresMarkingCode: false,
};
const bread: Product = { code: 'BRD', name: { tg: 'Нон' }, unit: 'piece', price: 300, tax: { kind: 'none', rateBp: 0 }, requiresMarkingCode: false };
const haircut: Product = {
  code: 'CUT',
  name: { tg: 'Мӯйсаргирӣ' },
  unit: 'service',
  price: 10000,
  tax: { kind: 'simplified', rateBp: 600 },
  requiresMarkingCode: false,
};
const shoes: Product = {
  code: 'SHOE',
  gtin: '96385074',
  name: { tg: 'Пойафзол' },
  unit: 'piece',
  price: 25000,
  tax: { kind: 'vat', rateBp: 1400 },
  requiresMarkingCode: true,
};
const GS = String.fromCharCode(0x1d);
const shoeCode = (serial: string) => `010000009638507421${serial}${GS}93abcd`;

function build(...steps: ((s: Sale) => ReturnType<typeof addLine>)[]): Sale {
  let sale = emptySale();
  for (const step of steps) {
    const r = step(sale);
    assert.ok(r.ok, JSON.stringify(r));
    sale = r.value;
  }
  return sale;
}

describe('the receipt in progress (p.9, p.78)', () => {
  test('FIS-VCS-03, FIS-RCT-18, FIS-RCT-19, FIS-RCT-20, FIS-RCT-21: amounts and taxes per line with the operator functions', () => {
    const cases: [Product, number, number, number][] = [
      // product, quantity (thousandths), amount, tax
      [apples, 2500, 3248, 399],
      [tea, 2000, 3700, 454],
      [bread, 1000, 300, 0],
      [haircut, 1000, 10000, 600],
      [apples, 1, 1, 0],
    ];
    for (const [product, quantity, amount, tax] of cases) {
      const sale = build((s) => addLine(s, product, { quantity }));
      const [line] = saleTotals(sale).lines;
      assert.equal(line?.amount, amount, product.code);
      assert.equal(line?.tax.amount, tax, product.code);
      assert.equal(line?.amount, lineAmount(quantity, product.price));
      assert.equal(line?.tax.amount, lineTax(amount, product.tax.kind, product.tax.rateBp));
    }
  });

  test('FIS-VCS-03, FIS-RCT-16, FIS-RCT-22, FIS-RCT-23, FIS-FM-14, FIS-FM-15, FIS-FM-16, FIS-FM-17: a completed sale gives the data fields of the fiscal receipt', () => {
    const sale = build(
      (s) => addLine(s, apples, { quantity: 2500 }),
      (s) => addLine(s, tea),
      (s) => addLine(s, bread),
      (s) => addLine(s, tea),
    );
    const r = completeSale(sale, { cashGiven: 5000, card: 3000 });
    assert.deepEqual(r, {
      ok: true,
      value: {
        receipt: {
          operation: 'sale',
          lines: [
            { name: 'Себ', quantity: 2500, unit: 'кг', price: 1299, amount: 3248, tax: { kind: 'vat', rateBp: 1400, amount: 399 } },
            {
              name: 'Чойи сабз',
              gtin: '4870001234560',
              quantity: 2000,
              unit: 'дона',
              price: 1850,
              amount: 3700,
              tax: { kind: 'vat', rateBp: 1400, amount: 454 },
            },
            { name: 'Нон', quantity: 1000, unit: 'дона', price: 300, amount: 300, tax: { kind: 'none', rateBp: 0, amount: 0 } },
          ],
          payment: { cash: 5000, nonCash: 3000 },
          total: 7248,
          taxTotal: 853,
        },
        change: 752,
      },
    });
  });

  test('FIS-RCT-22, FIS-GEN-18: cash, card or both; change = cash given − cash due; no card overpayment', () => {
    const cases: [number, number, string | number][] = [
      // cash given, card → change or refusal, for a total of 7248
      [7248, 0, 0],
      [10000, 0, 2752],
      [0, 7248, 0],
      [5000, 3000, 752],
      [4248, 3000, 0],
      [4247, 3000, 'CASH_INSUFFICIENT'],
      [0, 0, 'CASH_INSUFFICIENT'],
      [0, 7249, 'CARD_EXCEEDS_TOTAL'],
      [100, 7248, 'CASH_NOT_DUE'],
      [-1, 0, 'PAYMENT_INVALID'],
      [7248.5, 0, 'PAYMENT_INVALID'],
      [0, -5, 'PAYMENT_INVALID'],
    ];
    for (const [cashGiven, card, expected] of cases) {
      const r = settle(7248, { cashGiven, card });
      assert.equal(r.ok ? r.value.change : r.error.code, expected, `${cashGiven} + ${card}`);
      if (r.ok) assert.deepEqual(r.value.payment, { cash: cashGiven, nonCash: card });
    }
  });

  test('FIS-RCT-18: quantities are positive thousandths, whole for pieces, one item per marked line', () => {
    const cases: [Product, number, string][] = [
      [apples, 1500, 'ok'],
      [apples, 0, 'QUANTITY_INVALID'],
      [apples, -1000, 'QUANTITY_INVALID'],
      [apples, 1.5, 'QUANTITY_INVALID'],
      [apples, 2_000_000_000, 'QUANTITY_INVALID'],
      [tea, 1500, 'QUANTITY_NOT_WHOLE'],
      [tea, 3000, 'ok'],
      [shoes, 2000, 'MARKED_QUANTITY_NOT_ONE'],
      [shoes, 1000, 'ok'],
    ];
    for (const [product, quantity, expected] of cases) {
      const r = addLine(emptySale(), product, { quantity });
      assert.equal(r.ok ? 'ok' : r.error.code, expected, `${product.code} ${quantity}`);
    }
  });

  test('FIS-VCS-03: change quantity, remove a line; lines that do not exist are refused', () => {
    const sale = build(
      (s) => addLine(s, apples, { quantity: 1000 }),
      (s) => addLine(s, tea),
    );
    const changed = changeQuantity(sale, 0, 750);
    assert.ok(changed.ok);
    assert.equal(saleTotals(changed.value).total, lineAmount(750, 1299) + 1850);
    const removed = removeLine(changed.value, 0);
    assert.ok(removed.ok);
    assert.deepEqual(
      removed.value.lines.map((l) => l.productCode),
      ['TEA'],
    );
    const cases: [ReturnType<typeof removeLine>, string][] = [
      [removeLine(sale, 2), 'LINE_NOT_FOUND'],
      [changeQuantity(sale, -1, 1000), 'LINE_NOT_FOUND'],
      [changeQuantity(sale, 1, 1500), 'QUANTITY_NOT_WHOLE'],
      [setMarkingCode(sale, 5, shoeCode('x')), 'LINE_NOT_FOUND'],
    ];
    for (const [r, code] of cases) assert.equal(r.ok ? 'ok' : r.error.code, code);
    // The sale is a value: the steps above did not change it.
    assert.equal(sale.lines.length, 2);
  });

  test('FIS-RCT-17: a marked product needs its marking code, one code per item, never twice, of the right product', () => {
    const oneShoe = build((s) => addLine(s, shoes));
    const missing = completeSale(oneShoe, { cashGiven: 25000, card: 0 });
    assert.deepEqual(missing.ok ? [] : missing.error.details?.problems, [{ field: 'lines[0].markingCode', code: 'MARKING_CODE_MISSING' }]);
    const scanned = setMarkingCode(oneShoe, 0, shoeCode('AAA'));
    assert.ok(scanned.ok);
    const done = completeSale(scanned.value, { cashGiven: 25000, card: 0 });
    assert.equal(done.ok && done.value.receipt.lines[0]?.markingCode, shoeCode('AAA'));

    const two = build(
      (s) => addLine(s, shoes, { markingCode: shoeCode('AAA') }),
      (s) => addLine(s, shoes, { markingCode: shoeCode('BBB') }),
    );
    assert.equal(two.lines.length, 2, 'marked items are never merged into one line');
    const cases: [ReturnType<typeof addLine>, string][] = [
      [addLine(two, shoes, { markingCode: shoeCode('AAA') }), 'MARKING_CODE_REPEATED'],
      [addLine(two, shoes, { markingCode: '0104870001234560215xyz' }), 'MARKING_CODE_OTHER_PRODUCT'],
      [addLine(two, shoes, { markingCode: 'код маркировки' }), 'MARKING_CODE_INVALID'],
      [addLine(two, shoes, { markingCode: 'x'.repeat(256) }), 'MARKING_CODE_INVALID'],
      [setMarkingCode(two, 1, shoeCode('AAA')), 'MARKING_CODE_REPEATED'],
      [setMarkingCode(two, 0, shoeCode('AAA')), 'ok'],
      [changeQuantity(two, 0, 2000), 'MARKED_QUANTITY_NOT_ONE'],
    ];
    for (const [r, code] of cases) assert.equal(r.ok ? 'ok' : r.error.code, code);
  });

  test('FIS-VCS-03: the same unmarked product scanned twice adds to its line', () => {
    const sale = build(
      (s) => addLine(s, tea),
      (s) => addLine(s, tea),
      (s) => addLine(s, apples, { quantity: 400 }),
      (s) => addLine(s, apples, { quantity: 350 }),
    );
    assert.deepEqual(
      sale.lines.map((l) => [l.productCode, l.quantity]),
      [
        ['TEA', 2000],
        ['APL', 750],
      ],
    );
  });

  test('FIS-VCS-03, FIS-PRH-11: an empty receipt, a zero line and bad payment are refused with every reason', () => {
    const empty = completeSale(emptySale(), { cashGiven: 0, card: 0 });
    assert.deepEqual(empty.ok ? undefined : [empty.error.code, empty.error.details?.problems], ['SALE_INVALID', [{ field: 'lines', code: 'RECEIPT_EMPTY' }]]);
    const cheap: Product = { ...apples, price: 1 };
    const sale = build(
      (s) => addLine(s, cheap, { quantity: 100 }),
      (s) => addLine(s, shoes),
    );
    const r = completeSale(sale, { cashGiven: 0, card: 30000 });
    assert.deepEqual(r.ok ? undefined : r.error.details?.problems, [
      { field: 'lines[0].amount', code: 'LINE_AMOUNT_ZERO' },
      { field: 'lines[1].markingCode', code: 'MARKING_CODE_MISSING' },
      { field: 'payment.card', code: 'CARD_EXCEEDS_TOTAL', details: { total: 25000 } },
    ]);
  });

  test('FIS-VCS-03, FIS-RCT-22: any sale adds up as the operator checks it (property)', () => {
    const product = fc.record({
      price: fc.integer({ min: 1, max: 10_000_000 }),
      kind: fc.constantFrom('vat' as const, 'simplified' as const, 'none' as const),
      rate: fc.integer({ min: 1, max: 2000 }),
      quantity: fc.integer({ min: 1, max: 100_000 }),
    });
    fc.assert(
      fc.property(fc.array(product, { minLength: 1, maxLength: 20 }), fc.nat({ max: 100 }), fc.nat({ max: 10_000_000 }), (items, cardShare, extraCash) => {
        let sale = emptySale();
        items.forEach((it, i) => {
          const p: Product = { ...apples, code: `P${i}`, price: it.price, tax: { kind: it.kind, rateBp: it.kind === 'none' ? 0 : it.rate } };
          const r = addLine(sale, p, { quantity: it.quantity });
          assert.ok(r.ok);
          sale = r.value;
        });
        const { total, taxTotal, lines } = saleTotals(sale);
        assert.equal(
          total,
          lines.reduce((s, l) => s + l.amount, 0),
        );
        assert.equal(
          taxTotal,
          lines.reduce((s, l) => s + l.tax.amount, 0),
        );
        for (const l of lines) assert.deepEqual(priceLine({ ...l, tax: l.tax }), l);
        const card = Math.floor((total * cardShare) / 100);
        const cashDue = total - card;
        const r = settle(total, { cashGiven: cashDue === 0 ? 0 : cashDue + extraCash, card });
        assert.ok(r.ok);
        // The operator's checks: non-cash ≤ total ≤ cash + non-cash, and cash kept = total − non-cash.
        assert.ok(r.value.payment.nonCash <= total);
        assert.ok(r.value.payment.cash + r.value.payment.nonCash >= total);
        assert.equal(r.value.payment.cash - r.value.change, total - r.value.payment.nonCash);
      }),
    );
  });
});
