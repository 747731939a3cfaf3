import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkTraderFact, parseFactFile, traderHistory } from './trader-facts.ts';

describe('trader facts (art.429 i.9, art.429(2) p.3)', () => {
  test('CUS-RMS-08: the history on a day counts liability facts and violations decided by then, and arrears not yet settled', () => {
    const facts = [
      { kind: 'liability' as const, amountDirams: null, decidedOn: '2025-11-20', settledOn: null },
      { kind: 'violation' as const, amountDirams: null, decidedOn: '2026-03-02', settledOn: null },
      { kind: 'violation' as const, amountDirams: null, decidedOn: '2026-03-05', settledOn: null },
      { kind: 'arrears' as const, amountDirams: 1_500_000n, decidedOn: '2026-02-01', settledOn: null },
      { kind: 'arrears' as const, amountDirams: 50_000n, decidedOn: '2026-01-10', settledOn: '2026-01-20' },
      { kind: 'arrears' as const, amountDirams: 20_000n, decidedOn: '2026-01-10', settledOn: '2026-03-10' },
    ];
    assert.deepEqual(traderHistory(facts, 3, '2026-03-02'), { violations: 2, debt: 15_200, declarationsBefore: 3 });
    assert.deepEqual(traderHistory(facts, 0, '2026-03-10'), { violations: 3, debt: 15_000, declarationsBefore: 0 });
    assert.deepEqual(traderHistory([], 0, '2026-03-10'), { violations: 0, debt: 0, declarationsBefore: 0 });
  });

  test('a fact is complete: a trader code, a real day, an amount for arrears, a settlement not before the decision', () => {
    const ok = { traderCode: '010000101', kind: 'arrears' as const, description: 'VAT', reference: 'A-1', amountDirams: '100', decidedOn: '2026-02-01' };
    assert.ok(checkTraderFact(ok).ok);
    assert.ok(checkTraderFact({ ...ok, traderCode: 'KZ-990140000123' }).ok);
    for (const [over, field] of [
      [{ traderCode: '12345' }, 'body.traderCode'],
      [{ amountDirams: undefined }, 'body.amountDirams'],
      [{ amountDirams: '-5' }, 'body.amountDirams'],
      [{ decidedOn: '2026-02-30' }, 'body.decidedOn'],
      [{ settledOn: '2026-01-31' }, 'body.settledOn'],
      [{ description: ' ' }, 'body.description'],
    ] as const) {
      const r = checkTraderFact({ ...ok, ...over });
      assert.deepEqual(r.ok ? undefined : [r.error.code, r.error.field], ['RISK_FACT_INVALID', field]);
    }
  });

  test('a CSV of facts is read whole; every bad line is named', () => {
    const header = 'trader_code,kind,description,reference,amount_dirams,decided_on,settled_on';
    const good = parseFactFile(`\uFEFF${header}\r\n010000101,liability,"Protocol, art.556",AP-1,,2025-11-20,\r\n\r\n`);
    assert.deepEqual(good.problems, []);
    assert.deepEqual(good.facts, [
      { traderCode: '010000101', kind: 'liability', description: 'Protocol, art.556', reference: 'AP-1', decidedOn: '2025-11-20' },
    ]);
    const bad = parseFactFile(`${header}\n010000101,arrears,x,A,,2026-01-01,\n010000101,liability,x\n010000101,unknown,x,A,,2026-01-01,`);
    assert.deepEqual(bad.problems, [
      { line: 2, field: 'amountDirams' },
      { line: 3, field: 'line' },
      { line: 4, field: 'kind' },
    ]);
    assert.deepEqual(parseFactFile('a,b\n1,2').problems, [{ line: 1, field: 'header' }]);
    assert.deepEqual(parseFactFile(header).problems, [{ line: 2, field: 'line' }], 'a file of no fact is refused');
  });
});
