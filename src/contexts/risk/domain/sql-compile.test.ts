import assert from 'node:assert/strict';
import { test } from 'node:test';
import { wordsOf } from './evaluate.ts';
import type { Indicator } from './model.ts';
import { parsePriceFile, planPrices } from './price-references.ts';
import { compileIndicator, compileScope, pgTextArray, readsItems, storedWords } from './sql-compile.ts';

const EVIL = `x'); DROP TABLE risk.subjects; --`;

test('CUS-RMS-14 CUS-RMS-16: every value of an indicator is a bind parameter, never part of the SQL text', () => {
  const indicator: Indicator = {
    op: 'all',
    of: [
      { op: 'in', field: 'traderCode', values: [EVIL] },
      { op: 'not_in', field: 'vehicle', values: [EVIL] },
      { op: 'prefix', field: 'item.commodityCode', values: [EVIL] },
      { op: 'contains', field: 'item.description', values: [EVIL] },
      { op: 'missing_document', typeCode: EVIL },
      { op: 'below_reference', table: EVIL, ratio: 0.5 },
      { op: 'compare', field: 'trader.debt', cmp: 'gt', value: 123456.789 },
    ],
  };
  const compiled = compileIndicator(indicator);
  assert.ok(!compiled.predicate.includes('DROP'), compiled.predicate);
  assert.ok(!compiled.predicate.includes('123456'), compiled.predicate);
  assert.ok(!compiled.predicate.includes("'x"), compiled.predicate);
  // The placeholders are $1..$n in order, one per parameter.
  const used = [...compiled.predicate.matchAll(/\$(\d+)/g)].map((m) => Number(m[1]));
  assert.deepEqual(
    [...new Set(used)].sort((a, b) => a - b),
    compiled.params.map((_, i) => i + 1),
  );
  assert.ok(compiled.params.includes(EVIL));
  assert.ok(compiled.params.includes('123456.789'));
});

test('CUS-RMS-14: an indicator that reads an item is evaluated per item (EXISTS over the items), any other once per subject', () => {
  const item: Indicator = { op: 'in', field: 'item.originCountry', values: ['CN'] };
  const subject: Indicator = { op: 'first_time' };
  assert.equal(readsItems(item), true);
  assert.equal(readsItems(subject), false);
  assert.equal(readsItems({ op: 'below_reference', table: 't', ratio: 1 }), true);
  assert.equal(readsItems({ op: 'not', of: { op: 'any', of: [subject, item] } }), true);
  const mixed = compileIndicator({ op: 'all', of: [subject, item] });
  assert.match(mixed.predicate, /^EXISTS \(SELECT 1 FROM risk\.subject_items i WHERE i\.subject_id = s\.id AND /);
  // The subject's condition is inside the same EXISTS: one item meets the whole indicator.
  assert.ok(mixed.predicate.includes('s.trader_declarations_before = 0'));
  const plain = compileIndicator({ op: 'not', of: { op: 'route_deviation' } });
  assert.ok(!plain.predicate.includes('EXISTS'));
  assert.equal(plain.predicate, plain.condition);
});

test('CUS-RMS-14: multi-valued fields match on any value; not_in on them is "none matches"; an absent broker holds no value', () => {
  const params: string[] = [];
  assert.equal(compileIndicator({ op: 'in', field: 'vehicle', values: ['01AB'] }, params).predicate, '(s.vehicles && $1::text[])');
  assert.equal(compileIndicator({ op: 'not_in', field: 'documentType', values: ['01'] }, params).predicate, '(NOT (s.document_types && $2::text[]))');
  assert.equal(
    compileIndicator({ op: 'not_in', field: 'brokerTin', values: ['1'] }, params).predicate,
    '(NOT COALESCE(s.broker_tin = ANY ($3::text[]), false))',
  );
  assert.deepEqual(params, ['{"01AB"}', '{"01"}', '{"1"}']);
  // Prefix values are LIKE patterns with their own wildcards escaped.
  const prefix = compileIndicator({ op: 'prefix', field: 'item.commodityCode', values: ['87_%\\'] });
  assert.deepEqual(prefix.params, ['{"87\\\\_\\\\%\\\\\\\\%"}']);
});

test("CUS-RMS-16 (kind of goods): contains looks for the value, lower-cased, among the words of the description (the evaluator's wordsOf)", () => {
  assert.deepEqual([...wordsOf('Телефонҳои МОБИЛӢ, mobile-phones (new)')], ['телефонҳои', 'мобилӣ', 'mobile', 'phones', 'new']);
  assert.equal(storedWords('Mobile  PHONE! mobile'), ' mobile phone ');
  assert.equal(storedWords('***'), ' ');
  const compiled = compileIndicator({ op: 'contains', field: 'item.description', values: ['Phone', 'МОБИЛӢ', 'two words', '!!'] });
  assert.equal(compiled.predicate, 'EXISTS (SELECT 1 FROM risk.subject_items i WHERE i.subject_id = s.id AND (i.description_words LIKE ANY ($1::text[])))');
  // A value that is not one word can never be one of the words.
  assert.deepEqual(compiled.params, ['{"% phone %","% мобилӣ %"}']);
  assert.equal(compileIndicator({ op: 'contains', field: 'item.description', values: ['mobile phone'] }).condition, 'false');
});

test('CUS-RMS-14: combinations: empty all is true, empty any is false; the scope binds its kinds and days', () => {
  assert.equal(compileIndicator({ op: 'all', of: [] }).predicate, 'true');
  assert.equal(compileIndicator({ op: 'any', of: [] }).predicate, 'false');
  const params: string[] = [];
  assert.equal(compileScope({}, params), 'true');
  assert.equal(
    compileScope({ subjects: ['declaration'], from: '2026-01-01', to: '2026-01-31' }, params),
    's.kind = ANY ($1::text[]) AND s.registered_on >= $2::date AND s.registered_on <= $3::date',
  );
  assert.deepEqual(params, ['{"declaration"}', '2026-01-01', '2026-01-31']);
  assert.equal(pgTextArray(['a"b', 'c\\d', '']), '{"a\\"b","c\\\\d",""}');
});

test('CUS-RMS-14 (reference prices): a price file is read line by line; every bad line is reported with its number and field', () => {
  const file = [
    'commodity_code,price,unit,valid_from,valid_to',
    '8703231940,1200.50,pcs,2026-01-01,',
    '',
    '870323194,10,kg,2026-01-01,',
    '0901110000,-1,kg,2026-02-30,',
    '0901110000,5,,2026-01-01,2025-12-31',
    '"0901110000,5,kg,2026-01-01,',
    '0901110000,5,kg,2026-01-01',
  ].join('\r\n');
  const { lines, problems } = parsePriceFile(file);
  assert.deepEqual(lines, [{ line: 2, commodityCode: '8703231940', price: 1200.5, unit: 'pcs', validFrom: '2026-01-01', validTo: null }]);
  assert.deepEqual(problems, [
    { line: 4, field: 'commodity_code', code: 'RISK_PRICE_CODE_INVALID' },
    { line: 5, field: 'price', code: 'RISK_PRICE_AMOUNT_INVALID' },
    { line: 5, field: 'valid_from', code: 'RISK_PRICE_DATE_INVALID' },
    { line: 6, field: 'unit', code: 'RISK_PRICE_UNIT_INVALID' },
    { line: 6, field: 'valid_to', code: 'RISK_PRICE_DATE_INVALID' },
    { line: 7, field: 'line', code: 'RISK_PRICE_LINE_MALFORMED' },
    { line: 8, field: 'line', code: 'RISK_PRICE_LINE_MALFORMED' },
  ]);
  assert.deepEqual(parsePriceFile('code,price\n1,2').problems, [{ line: 1, field: 'header', code: 'RISK_PRICE_HEADER_INVALID' }]);
  assert.deepEqual(parsePriceFile('valid_to,valid_from,unit,price,commodity_code\r\n').problems, [{ line: 2, field: 'line', code: 'RISK_PRICE_FILE_EMPTY' }]);
});

test('CUS-RMS-14 (reference prices): a later period closes the open one the day before; overlaps and past changes are refused; a line sent again is unchanged', () => {
  const stored = [{ commodityCode: '8703231940', price: 1000, unit: 'pcs', validFrom: '2026-01-01', validTo: null }];
  const line = (n: number, validFrom: string, validTo: string | null, price = 1100) => ({
    line: n,
    commodityCode: '8703231940',
    price,
    unit: 'pcs',
    validFrom,
    validTo,
  });
  const later = planPrices(stored, [line(2, '2026-03-01', null)], '2026-02-15');
  assert.deepEqual(later.problems, []);
  assert.deepEqual(later.plan.closes, [{ commodityCode: '8703231940', validFrom: '2026-01-01', validTo: '2026-02-28' }]);
  assert.equal(later.plan.inserts.length, 1);
  assert.deepEqual(planPrices(stored, [line(2, '2026-01-01', null, 1000)]).plan, { inserts: [], closes: [], unchanged: 1 });
  assert.deepEqual(planPrices(stored, [line(2, '2026-01-01', '2026-01-31')]).problems, [{ line: 2, field: 'valid_from', code: 'RISK_PRICE_OVERLAP' }]);
  assert.deepEqual(planPrices(stored, [line(3, '2026-02-01', null)], '2026-02-15').problems, [{ line: 3, field: 'valid_from', code: 'RISK_PRICE_PAST_DATED' }]);
  // Within one file: the open line is closed by the later one, in date order whatever the line order.
  const fresh = planPrices([], [line(2, '2026-06-01', null, 2), line(3, '2026-01-01', null, 1)]);
  assert.deepEqual(
    fresh.plan.inserts.map((v) => [v.validFrom, v.validTo, v.price]),
    [
      ['2026-01-01', '2026-05-31', 1],
      ['2026-06-01', null, 2],
    ],
  );
});
