import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { readBarcodes } from '../../../src/contexts/cashdesk/domain/barcode-input.ts';
import { lineAmount as operatorAmount, lineTax as operatorTax } from '../../../src/platform/fiscal-amounts.ts';
import { checkGtin } from '../../../src/platform/gs1.ts';
import type { CashdeskProduct } from '../api/types.gen.ts';
import {
  addToCart,
  type CartLine,
  cartTotals,
  checkPayment,
  formatQuantity,
  likelyCash,
  lineAmount,
  lineTax,
  parseCodeEntry,
  parseQuantity,
  parseSomoni,
} from './pos-cart.ts';
import { classifyEntry, isValidGtin } from './scanner.ts';

const product = (code: string, price: number, kind = 'vat', rateBp = 1400, over: Partial<CashdeskProduct> = {}): CashdeskProduct => ({
  code,
  name: { tg: code },
  unit: 'piece',
  price,
  tax: { kind, rateBp },
  requiresMarkingCode: false,
  ...over,
});
let uid = 0;
const line = (p: CashdeskProduct, quantity = 1000): CartLine => ({ uid: ++uid, code: p.code, product: p, quantity, source: 'scan' });

test('FIS-VCS-03: the screen prices lines with the operator’s arithmetic, to the diram', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 0, max: 100_000_000 }), (q, price) => {
      assert.equal(lineAmount(q, price), operatorAmount(q, price));
    }),
  );
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 1_000_000_000 }),
      fc.constantFrom('vat', 'simplified', 'none'),
      fc.integer({ min: 1, max: 10_000 }),
      (a, kind, rate) => {
        const rateBp = kind === 'none' ? 0 : rate;
        assert.equal(lineTax(a, kind, rateBp), operatorTax(a, kind as 'vat' | 'simplified' | 'none', rateBp));
      },
    ),
  );
});

test('FIS-VCS-03: the same unmarked product adds to its line; a marked one takes a line per item; total and tax are sums of lines', () => {
  const bread = product('NON', 350);
  const sugar = product('QAND', 900, 'simplified', 600, { unit: 'kg' });
  const shoes = product('POYAFZOL', 25_000, 'vat', 1400, { requiresMarkingCode: true });
  let cart = addToCart([], line(bread)).lines;
  cart = addToCart(cart, line(sugar, 1500)).lines;
  const again = addToCart(cart, line(bread));
  assert.equal(again.index, 0);
  cart = again.lines;
  cart = addToCart(cart, line(shoes)).lines;
  cart = addToCart(cart, line(shoes)).lines;
  assert.deepEqual(
    cart.map((l) => [l.product.code, l.quantity]),
    [
      ['NON', 2000],
      ['QAND', 1500],
      ['POYAFZOL', 1000],
      ['POYAFZOL', 1000],
    ],
  );
  const totals = cartTotals(cart);
  assert.deepEqual(totals.amounts, [700, 1350, 25_000, 25_000]);
  assert.equal(totals.total, 52_050);
  // 700 × 14/114 = 85.96 → 86; 1350 × 6 % = 81; 25 000 × 14/114 = 3070.18 → 3070, twice.
  assert.equal(totals.tax, 86 + 81 + 3070 * 2);
});

test('FIS-RCT-22: cash, card or both; change = cash given − (total − card), never a card overpayment', () => {
  assert.deepEqual(checkPayment(1900, 'cash', 5000, undefined), { payment: { cashGiven: 5000, card: 0 }, cashDue: 1900, change: 3100 });
  assert.deepEqual(checkPayment(1900, 'cash', undefined, undefined), { payment: { cashGiven: 1900, card: 0 }, cashDue: 1900, change: 0 });
  assert.deepEqual(checkPayment(1900, 'card', 5000, undefined), { payment: { cashGiven: 0, card: 1900 }, cashDue: 0, change: 0 });
  assert.deepEqual(checkPayment(1900, 'mixed', 1000, 1000), { payment: { cashGiven: 1000, card: 1000 }, cashDue: 900, change: 100 });
  assert.equal(checkPayment(1900, 'cash', 1000, undefined).problem, 'CASH_INSUFFICIENT');
  assert.equal(checkPayment(1900, 'mixed', 0, 2000).problem, 'CARD_EXCEEDS_TOTAL');
  assert.equal(checkPayment(0, 'cash', 100, undefined).problem, 'EMPTY');
});

test('amounts and quantities as a cashier types them', () => {
  assert.deepEqual(['50', '12.5', '12,50', '0.05', '1 000', 'x', '1.234', ''].map(parseSomoni), [
    5000,
    1250,
    1250,
    5,
    100_000,
    undefined,
    undefined,
    undefined,
  ]);
  assert.deepEqual(['1', '1.5', '0,250', '0', '2.0005', '-1'].map(parseQuantity), [1000, 1500, 250, undefined, undefined, undefined]);
  assert.deepEqual(
    [2500, 1000, 1250, 3].map((q) => formatQuantity(q)),
    ['2.5', '1', '1.25', '0.003'],
  );
  assert.equal(formatQuantity(2500, 'tg'), '2,5');
  assert.deepEqual(parseCodeEntry('3*4600000000008'), { code: '4600000000008', quantity: 3000 });
  assert.deepEqual(parseCodeEntry('1,5 x QAND'), { code: 'QAND', quantity: 1500 });
  assert.deepEqual(parseCodeEntry(' SHIR '), { code: 'SHIR' });
  assert.equal(parseCodeEntry('   '), undefined);
  assert.deepEqual(likelyCash(1900), [1900, 2000, 5000, 10_000, 20_000]);
});

test('FIS-VTR-05, FIS-OCR-08: the page tells a scan from typing as the register’s own scanner reader does', () => {
  const burst = (text: string, gap: number, start = 1000) => {
    const keys = [...text].map((key, i) => ({ key, atMs: start + i * gap }));
    return { keys, enter: start + text.length * gap };
  };
  const domainKind = (keys: { key: string; atMs: number }[], enter: number) => {
    const [out] = readBarcodes([...keys, { key: 'Enter', atMs: enter }]);
    return out?.kind === 'gtin' || out?.kind === 'code' ? 'scan' : out?.kind === 'gtin_invalid' ? 'scan_invalid' : 'typed';
  };
  for (const [text, gap] of [
    ['4600000000008', 5],
    ['4600000000009', 5],
    ['4600000000008', 120],
    ['SHIR', 3],
    ['0104601234567893215abc', 4],
    ['12345678', 36],
  ] as const) {
    const { keys, enter } = burst(text, gap);
    assert.equal(classifyEntry(keys, enter), domainKind(keys, enter), `${text} every ${gap} ms`);
  }
  const corrected = [...burst('46000000000089', 5).keys, { key: 'Backspace', atMs: 1100 }];
  assert.equal(classifyEntry(corrected, 1105), 'typed');
  fc.assert(
    fc.property(fc.stringMatching(/^\d{8,14}$/), (code) => {
      assert.equal(isValidGtin(code), checkGtin(code).isValid);
    }),
  );
});
