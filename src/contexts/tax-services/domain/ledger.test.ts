import assert from 'node:assert/strict';
import { test } from 'node:test';
import { balanceOf, columnsOf, formatDirams, isCalendarDate, type LedgerLine, parsePeriod, reconciliationAct, summarise, turnoversOf } from './ledger.ts';

let seq = 0;
const line = (taxType: string, kind: LedgerLine['kind'], amount: number, valueDate: string, reverses: string | null = null): LedgerLine => ({
  seq: ++seq,
  taxType,
  kind,
  period: valueDate.slice(0, 7),
  amount,
  valueDate,
  documentRef: `doc-${seq}`,
  reverses,
});

test('TS-49: periods are years, quarters or months with their first and last days; anything else is refused', () => {
  const cases: [string, { kind: string; firstDay: string; lastDay: string; endMonth: number } | null][] = [
    ['2026', { kind: 'year', firstDay: '2026-01-01', lastDay: '2026-12-31', endMonth: 12 }],
    ['2026-Q1', { kind: 'quarter', firstDay: '2026-01-01', lastDay: '2026-03-31', endMonth: 3 }],
    ['2026-Q4', { kind: 'quarter', firstDay: '2026-10-01', lastDay: '2026-12-31', endMonth: 12 }],
    ['2026-02', { kind: 'month', firstDay: '2026-02-01', lastDay: '2026-02-28', endMonth: 2 }],
    ['2028-02', { kind: 'month', firstDay: '2028-02-01', lastDay: '2028-02-29', endMonth: 2 }],
    ['2026-13', null],
    ['2026-Q5', null],
    ['1999', null],
    ['26-01', null],
    ['2026-1', null],
  ];
  for (const [text, expected] of cases) {
    const p = parsePeriod(text);
    if (expected === null) assert.equal(p, null, text);
    else assert.deepEqual({ kind: p?.kind, firstDay: p?.firstDay, lastDay: p?.lastDay, endMonth: p?.endMonth }, expected, text);
  }
  assert.equal(isCalendarDate('2026-02-28'), true);
  assert.equal(isCalendarDate('2026-02-29'), false);
  assert.equal(isCalendarDate('2028-02-29'), true);
  assert.equal(isCalendarDate('2026-04-31'), false);
});

test('06.06.01: charges, interest, penalties, refunds and offsets out are debits; payments, offsets and write-offs credits; a reversal cancels in its own column', () => {
  assert.deepEqual(columnsOf({ kind: 'charge', amount: 100, reverses: null }), { debit: 100, credit: 0 });
  assert.deepEqual(columnsOf({ kind: 'penalty', amount: 7, reverses: null }), { debit: 7, credit: 0 });
  assert.deepEqual(columnsOf({ kind: 'refund', amount: 5, reverses: null }), { debit: 5, credit: 0 });
  assert.deepEqual(columnsOf({ kind: 'offset_out', amount: 9, reverses: null }), { debit: 9, credit: 0 });
  assert.deepEqual(columnsOf({ kind: 'payment', amount: 100, reverses: null }), { debit: 0, credit: 100 });
  assert.deepEqual(columnsOf({ kind: 'write_off', amount: 3, reverses: null }), { debit: 0, credit: 3 });
  assert.deepEqual(columnsOf({ kind: 'charge', amount: 100, reverses: 'x' }), { debit: -100, credit: 0 });
  assert.deepEqual(columnsOf({ kind: 'payment', amount: 100, reverses: 'x' }), { debit: 0, credit: -100 });
});

test('06.06.01: debt is per tax type: an overpayment of one tax does not cover the debt of another until it is offset', () => {
  const lines = [
    line('vat', 'charge', 50_000, '2026-02-15'),
    line('vat', 'payment', 30_000, '2026-02-14'),
    line('pit', 'charge', 10_000, '2026-02-15'),
    line('pit', 'payment', 40_000, '2026-02-10'),
  ];
  const s = summarise(turnoversOf(lines));
  assert.equal(s.hasDebt, true);
  assert.deepEqual(
    s.debts.map((d) => [d.taxType, d.debt]),
    [['vat', 20_000]],
  );
  assert.equal(s.total.balance, 10_000, 'in total the taxpayer has paid more than charged');
  assert.equal(s.total.debt, 20_000);
  assert.equal(s.total.overpayment, 30_000);
  // An offset moves 20 000 of the income tax overpayment to VAT: no debt remains.
  const offset = summarise(turnoversOf([...lines, line('pit', 'offset_out', 20_000, '2026-02-20'), line('vat', 'offset', 20_000, '2026-02-20')]));
  assert.equal(offset.hasDebt, false);
  assert.equal(offset.total.balance, 10_000);
});

test('06.06.01: a reversed charge no longer counts; write-offs close a debt', () => {
  const wrong = line('vat', 'charge', 1_000, '2026-01-15');
  const s = summarise(
    turnoversOf([
      wrong,
      line('vat', 'charge', 1_000, '2026-01-15', 'id-of-wrong'),
      line('vat', 'charge', 800, '2026-01-15'),
      line('vat', 'write_off', 800, '2026-03-01'),
    ]),
  );
  assert.deepEqual(s.byTaxType, [balanceOf({ taxType: 'vat', debits: 800, credits: 800 })]);
  assert.equal(s.hasDebt, false);
  assert.deepEqual(summarise([]), { byTaxType: [], total: { debits: 0, credits: 0, balance: 0, debt: 0, overpayment: 0 }, debts: [], hasDebt: false });
});

test('06.06.04: the act shows the opening balance, each entry of the period in value-date order with the running balance, and the closing balance per tax type', () => {
  const lines = [
    line('vat', 'payment', 3_000, '2026-03-20'),
    line('vat', 'charge', 5_000, '2026-03-15'),
    line('vat', 'charge', 9_999, '2026-04-15'),
    line('social', 'penalty', 200, '2026-03-02'),
  ];
  const act = reconciliationAct(
    [
      { taxType: 'vat', debits: 10_000, credits: 12_000 },
      { taxType: 'land', debits: 500, credits: 0 },
    ],
    lines,
    '2026-03-01',
    '2026-03-31',
  );
  assert.deepEqual(
    act.sections.map((s) => [s.taxType, s.opening, s.lines.map((l) => [l.valueDate, l.debit, l.credit, l.balance]), s.debits, s.credits, s.closing]),
    [
      ['land', -500, [], 0, 0, -500],
      ['social', 0, [['2026-03-02', 200, 0, -200]], 200, 0, -200],
      [
        'vat',
        2_000,
        [
          ['2026-03-15', 5_000, 0, -3_000],
          ['2026-03-20', 0, 3_000, 0],
        ],
        5_000,
        3_000,
        0,
      ],
    ],
  );
  assert.deepEqual(act.totals, { opening: 1_500, debits: 5_200, credits: 3_000, closing: -700 });
  // The closing balance of one act is the opening balance of the next.
  for (const s of act.sections) assert.equal(s.opening - s.debits + s.credits, s.closing);
});

test('money is printed in somoni with space thousands and comma decimals', () => {
  assert.equal(formatDirams(0), '0,00');
  assert.equal(formatDirams(5), '0,05');
  assert.equal(formatDirams(123_456_789), '1\u00a0234\u00a0567,89');
  assert.equal(formatDirams(-1_850_000), '-18\u00a0500,00');
});
