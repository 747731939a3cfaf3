import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseCsv, toCsv } from './csv.ts';

test('CSV round-trips any text, including commas, quotes, newlines and Tajik letters', () => {
  fc.assert(
    fc.property(
      fc.array(fc.record({ a: fc.string({ minLength: 1 }), b: fc.constantFrom('Ҷ, ҷ', 'say "ҳа"', 'line\nbreak', 'Қӯрғонтеппа') }), {
        minLength: 1,
        maxLength: 20,
      }),
      (rows) => {
        assert.deepEqual(
          parseCsv(toCsv(rows, ['a', 'b'])),
          rows.map((r) => ({ ...r })),
        );
      },
    ),
  );
});

test('CSV: empty cells are dropped and a BOM is ignored', () => {
  assert.deepEqual(parseCsv('\uFEFFtin,name,phone\r\n010000001,"ҶДММ ""Ситора""",\r\n'), [{ tin: '010000001', name: 'ҶДММ "Ситора"' }]);
  assert.throws(() => parseCsv('a\n"open'), SyntaxError);
});
