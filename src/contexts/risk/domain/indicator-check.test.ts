import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { checkIndicator, type IndicatorProblem, indicatorProblems, objectsOf } from './indicator-check.ts';
import { type Indicator, OBJECTS_OF_ANALYSIS } from './model.ts';

const problems = (v: unknown, options?: Parameters<typeof checkIndicator>[1]): [string, string][] => {
  const r = checkIndicator(v, options);
  return r.ok ? [] : r.error.map((p: IndicatorProblem) => [p.code, p.field]);
};

const EXAMPLES: Indicator[] = [
  { op: 'in', field: 'item.commodityCode', values: ['0808100000'] },
  { op: 'not_in', field: 'item.originCountry', values: ['TJ', 'UZ'] },
  { op: 'prefix', field: 'item.commodityCode', values: ['8703', '87'] },
  { op: 'contains', field: 'item.description', values: ['сигареты', 'Tobacco'] },
  { op: 'compare', field: 'item.valuePerUnit', cmp: 'lt', value: 2.5 },
  { op: 'below_reference', table: 'reference-2026', ratio: 0.7 },
  { op: 'first_time' },
  { op: 'route_deviation' },
  { op: 'missing_document', typeCode: 'N954' },
  {
    op: 'all',
    of: [
      { op: 'in', field: 'countryOfDispatch', values: ['AF'] },
      { op: 'not', of: { op: 'in', field: 'vehicle', values: ['01AA123'] } },
    ],
  },
  {
    op: 'any',
    of: [
      { op: 'in', field: 'traderCode', values: ['020000001'] },
      { op: 'prefix', field: 'brokerTin', values: ['03'] },
    ],
  },
];

describe('risk indicators: the check', () => {
  test('CUS-RMS-14: an example of each operation is accepted and returned as a copy', () => {
    for (const example of EXAMPLES) {
      const r = checkIndicator(JSON.parse(JSON.stringify(example)));
      assert.deepEqual(r, { ok: true, value: example });
      assert.ok(r.ok && r.value !== example);
    }
  });

  test('CUS-RMS-14: unknown and missing properties, unknown operations and fields, with their paths', () => {
    assert.deepEqual(problems({ op: 'in', field: 'traderCode', values: ['1'], valuse: [] }), [['RISK_INDICATOR_PROPERTY_UNKNOWN', 'indicator.valuse']]);
    assert.deepEqual(problems({ op: 'in', field: 'traderCode' }), [['RISK_INDICATOR_PROPERTY_MISSING', 'indicator.values']]);
    assert.deepEqual(problems({ op: 'equals', field: 'traderCode' }), [['RISK_INDICATOR_OP_UNKNOWN', 'indicator.op']]);
    assert.deepEqual(problems({ field: 'traderCode' }), [['RISK_INDICATOR_OP_UNKNOWN', 'indicator.op']]);
    assert.deepEqual(problems({ op: 'toString' }), [['RISK_INDICATOR_OP_UNKNOWN', 'indicator.op']], 'an inherited name is not an operation');
    assert.deepEqual(problems({ op: 'in', field: 'colour', values: ['red'] }), [['RISK_INDICATOR_FIELD_UNKNOWN', 'indicator.field']]);
    assert.deepEqual(problems({ op: 'compare', field: 'weight', cmp: 'lt', value: 1 }), [['RISK_INDICATOR_FIELD_UNKNOWN', 'indicator.field']]);
    assert.deepEqual(problems({ op: 'in', field: 3, values: ['x'] }), [['RISK_INDICATOR_TYPE_INVALID', 'indicator.field']]);
    assert.deepEqual(problems({ op: 'first_time', field: 'traderCode' }), [['RISK_INDICATOR_PROPERTY_UNKNOWN', 'indicator.field']]);
    for (const v of [null, [], 'in', 3]) assert.deepEqual(problems(v), [['RISK_INDICATOR_NOT_OBJECT', 'indicator']]);
    assert.deepEqual(problems({ op: 'all', of: [{ op: 'first_time' }, 5] }, { path: 'body.indicator' }), [
      ['RISK_INDICATOR_NOT_OBJECT', 'body.indicator.of[1]'],
    ]);
    assert.deepEqual(problems({ op: 'not', of: [] }), [['RISK_INDICATOR_NOT_OBJECT', 'indicator.of']]);
  });

  test('CUS-RMS-14: an operation on a field it does not fit', () => {
    const wrong = [
      { op: 'compare', field: 'traderCode', cmp: 'eq', value: 1 },
      { op: 'in', field: 'item.customsValue', values: ['1'] },
      { op: 'contains', field: 'traderCode', values: ['abc'] },
      { op: 'prefix', field: 'item.originCountry', values: ['C'] },
      { op: 'in', field: 'item.description', values: ['cotton shirts'] },
      { op: 'prefix', field: 'direction', values: ['im'] },
    ];
    for (const w of wrong) assert.deepEqual(problems(w), [['RISK_INDICATOR_OP_NOT_FOR_FIELD', 'indicator.op']], JSON.stringify(w));
  });

  test('CUS-RMS-14: values lists: empty, too many, of the wrong type or form', () => {
    assert.deepEqual(problems({ op: 'in', field: 'traderCode', values: [] }), [['RISK_INDICATOR_VALUES_EMPTY', 'indicator.values']]);
    const many = Array.from({ length: 501 }, (_, k) => String(100000000 + k));
    assert.deepEqual(problems({ op: 'in', field: 'traderCode', values: many }), [['RISK_INDICATOR_VALUES_TOO_MANY', 'indicator.values']]);
    assert.deepEqual(problems({ op: 'in', field: 'traderCode', values: many.slice(0, 500) }), []);
    assert.deepEqual(problems({ op: 'in', field: 'traderCode', values: 'x' }), [['RISK_INDICATOR_TYPE_INVALID', 'indicator.values']]);
    const bad = {
      op: 'all',
      of: [
        { op: 'first_time' },
        { op: 'in', field: 'item.commodityCode', values: ['0808100000', '0808', 8, ' 0808100000'] },
        { op: 'prefix', field: 'item.commodityCode', values: ['8', '87', '87032319101'] },
        { op: 'in', field: 'countryOfDispatch', values: ['us', 'USA', 'US'] },
        { op: 'contains', field: 'item.description', values: ['t-shirt', 'shirt'] },
        { op: 'in', field: 'item.goodsCategory', values: ['Textile'] },
        { op: 'in', field: 'direction', values: ['inbound'] },
        { op: 'in', field: 'vehicle', values: ['', ' 01AA', 'x'.repeat(65)] },
        { op: 'missing_document', typeCode: '' },
      ],
    };
    assert.deepEqual(problems(bad), [
      ['RISK_INDICATOR_VALUE_INVALID', 'indicator.of[1].values[1]'],
      ['RISK_INDICATOR_TYPE_INVALID', 'indicator.of[1].values[2]'],
      ['RISK_INDICATOR_VALUE_INVALID', 'indicator.of[1].values[3]'],
      ['RISK_INDICATOR_VALUE_INVALID', 'indicator.of[2].values[0]'],
      ['RISK_INDICATOR_VALUE_INVALID', 'indicator.of[2].values[2]'],
      ['RISK_INDICATOR_VALUE_INVALID', 'indicator.of[3].values[0]'],
      ['RISK_INDICATOR_VALUE_INVALID', 'indicator.of[3].values[1]'],
      ['RISK_INDICATOR_VALUE_INVALID', 'indicator.of[4].values[0]'],
      ['RISK_INDICATOR_VALUE_INVALID', 'indicator.of[5].values[0]'],
      ['RISK_INDICATOR_VALUE_INVALID', 'indicator.of[6].values[0]'],
      ['RISK_INDICATOR_VALUE_INVALID', 'indicator.of[7].values[0]'],
      ['RISK_INDICATOR_VALUE_INVALID', 'indicator.of[7].values[1]'],
      ['RISK_INDICATOR_VALUE_INVALID', 'indicator.of[7].values[2]'],
      ['RISK_INDICATOR_VALUE_INVALID', 'indicator.of[8].typeCode'],
    ]);
    const detail = checkIndicator({ op: 'in', field: 'countryOfOrigin', values: ['CN'] });
    assert.ok(!detail.ok && Array.isArray(detail.error[0]?.details?.allowed), 'the allowed fields are given');
  });

  test('CUS-RMS-14: compare and below_reference parameters', () => {
    assert.deepEqual(problems({ op: 'compare', field: 'itemCount', cmp: 'ne', value: '3' }), [
      ['RISK_INDICATOR_CMP_UNKNOWN', 'indicator.cmp'],
      ['RISK_INDICATOR_TYPE_INVALID', 'indicator.value'],
    ]);
    assert.deepEqual(problems({ op: 'compare', field: 'itemCount', cmp: 'gt', value: 1e16 }), [['RISK_INDICATOR_VALUE_INVALID', 'indicator.value']]);
    for (const ratio of [0, -1, 10.0001]) {
      assert.deepEqual(problems({ op: 'below_reference', table: 't', ratio }), [['RISK_INDICATOR_RATIO_OUT_OF_RANGE', 'indicator.ratio']], String(ratio));
    }
    assert.deepEqual(problems({ op: 'below_reference', table: 't', ratio: 10 }), []);
    assert.deepEqual(problems({ op: 'below_reference', table: 't', ratio: 0.001 }), []);
    assert.deepEqual(problems({ op: 'below_reference', table: 1, ratio: '1' }), [
      ['RISK_INDICATOR_TYPE_INVALID', 'indicator.table'],
      ['RISK_INDICATOR_TYPE_INVALID', 'indicator.ratio'],
    ]);
    const tables = new Set(['reference-2026']);
    assert.deepEqual(problems({ op: 'below_reference', table: 'reference-2025', ratio: 1 }, { tables }), [['RISK_INDICATOR_TABLE_UNKNOWN', 'indicator.table']]);
    assert.deepEqual(problems({ op: 'below_reference', table: 'reference-2026', ratio: 1 }, { tables }), []);
  });

  test('CUS-RMS-14: combinations: empty, nested deeper than 8, too large', () => {
    assert.deepEqual(problems({ op: 'any', of: [] }), [['RISK_INDICATOR_COMBINATION_EMPTY', 'indicator.of']]);
    assert.deepEqual(problems({ op: 'all', of: {} }), [['RISK_INDICATOR_TYPE_INVALID', 'indicator.of']]);
    const nest = (levels: number): unknown => (levels === 1 ? { op: 'first_time' } : { op: 'not', of: nest(levels - 1) });
    assert.deepEqual(problems(nest(8)), []);
    assert.deepEqual(problems(nest(9)), [['RISK_INDICATOR_TOO_DEEP', `indicator${'.of'.repeat(8)}`]]);
    assert.deepEqual(problems({ op: 'all', of: Array.from({ length: 256 }, () => ({ op: 'first_time' })) }), [['RISK_INDICATOR_TOO_LARGE', 'indicator']]);
    const list = { op: 'in', field: 'traderCode', values: Array.from({ length: 500 }, (_, k) => `T${k}`) };
    assert.deepEqual(problems({ op: 'any', of: Array.from({ length: 10 }, () => list) }), []);
    assert.deepEqual(problems({ op: 'any', of: Array.from({ length: 11 }, () => list) }), [['RISK_INDICATOR_TOO_LARGE', 'indicator']]);
  });

  test('CUS-RMS-14: any JSON gives a result, never an exception, and only catalogued codes', () => {
    const codes = new Set(Object.keys(indicatorProblems));
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue(),
          fc.record({ op: fc.constantFrom('in', 'all', 'not', 'compare'), field: fc.string(), values: fc.jsonValue(), of: fc.jsonValue() }),
        ),
        (v) => {
          const r = checkIndicator(v);
          if (!r.ok) for (const p of r.error) assert.ok(codes.has(p.code) && p.field.startsWith('indicator'), p.code);
        },
      ),
      { numRuns: 2000, seed: 7 },
    );
  });

  test('the error catalogue: every code has a 422 status and a title in Tajik, Russian and English', () => {
    for (const [code, spec] of Object.entries(indicatorProblems)) {
      assert.ok(code.startsWith('RISK_INDICATOR_'));
      assert.equal(spec.status, 422);
      for (const lang of ['tg', 'ru', 'en'] as const) assert.ok(spec.title[lang].length > 5, `${code} ${lang}`);
      assert.notEqual(spec.title.tg, spec.title.ru);
    }
  });
});

describe('risk indicators: objects of analysis (art.429)', () => {
  test('CUS-RMS-16: objectsOf names the art.429 objects each kind of indicator reads', () => {
    const expect: [Indicator, string[]][] = [
      [{ op: 'contains', field: 'item.description', values: ['x'] }, ['goods_kind']],
      [{ op: 'in', field: 'item.goodsCategory', values: ['x'] }, ['goods_kind']],
      [{ op: 'compare', field: 'itemCount', cmp: 'gt', value: 1 }, ['goods_kind']],
      [{ op: 'prefix', field: 'item.commodityCode', values: ['87'] }, ['commodity_code']],
      [{ op: 'in', field: 'item.originCountry', values: ['CN'] }, ['country_of_origin']],
      [{ op: 'in', field: 'countryOfDispatch', values: ['CN'] }, ['country_of_dispatch']],
      [{ op: 'not_in', field: 'countryOfDestination', values: ['TJ'] }, ['country_of_destination']],
      [{ op: 'in', field: 'vehicle', values: ['x'] }, ['vehicle']],
      [{ op: 'in', field: 'transportMode', values: ['30'] }, ['vehicle']],
      [{ op: 'compare', field: 'totalCustomsValue', cmp: 'gt', value: 1 }, ['customs_value']],
      [{ op: 'below_reference', table: 't', ratio: 1 }, ['commodity_code', 'customs_value']],
      [{ op: 'route_deviation' }, ['route']],
      [{ op: 'in', field: 'routeOffice', values: ['x'] }, ['route']],
      [{ op: 'first_time' }, ['trader']],
      [{ op: 'compare', field: 'trader.debt', cmp: 'gt', value: 0 }, ['trader']],
      [{ op: 'missing_document', typeCode: 'x' }, ['documents']],
      [{ op: 'in', field: 'documentType', values: ['x'] }, ['documents']],
      [
        { op: 'all', of: [{ op: 'not', of: { op: 'first_time' } }, { op: 'in', field: 'item.originCountry', values: ['CN'] }, { op: 'route_deviation' }] },
        ['country_of_origin', 'route', 'trader'],
      ],
    ];
    for (const [ind, objects] of expect) assert.deepEqual(objectsOf(ind), objects, JSON.stringify(ind));
    const covered = new Set(expect.flatMap(([, o]) => o));
    assert.deepEqual(
      OBJECTS_OF_ANALYSIS.filter((o) => !covered.has(o)),
      [],
      'all ten objects are reachable',
    );
  });
});
