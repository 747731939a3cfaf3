import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { compileProfiles, valuePerUnit, wordsOf } from './evaluate.ts';
import { checkIndicator } from './indicator-check.ts';
import { referenceHits } from './evaluate-reference.ts';
import type { Indicator, ProfileRule, ReferencePrices, RiskSubject, SubjectItem, TextField } from './model.ts';

const item = (number: number, over: Partial<SubjectItem> = {}): SubjectItem => ({
  number,
  commodityCode: '6109100000',
  description: 'T-shirts, knitted, of Cotton',
  goodsCategories: ['textile'],
  originCountry: 'CN',
  netMassKg: 100,
  customsValue: 1000,
  ...over,
});

const subject = (over: Partial<RiskSubject> = {}): RiskSubject => ({
  kind: 'declaration',
  id: 'd-1',
  number: '10001/010326/0000001',
  direction: 'import',
  regime: 'IM40',
  officeCode: '10001',
  traderCode: '020000001',
  trader: { violations: 0, debt: 0, declarationsBefore: 12 },
  transportMode: '30',
  vehicles: ['01AA123', '01AB456'],
  countryOfDispatch: 'TR',
  countryOfDestination: 'TJ',
  route: ['10010', '10001'],
  items: [item(1), item(2, { commodityCode: '8703231910', description: 'Passenger car', goodsCategories: ['vehicle'], originCountry: 'JP' })],
  documentTypes: ['N740', 'N380'],
  ...over,
});

const PRICES: ReferencePrices = new Map([['base', new Map([['6109100000', 20]])]]);

const rule = (code: string, indicator: Indicator, over: Partial<ProfileRule> = {}): ProfileRule => ({
  versionId: `v-${code}`,
  code,
  subjects: ['declaration', 'preliminary'],
  indicator,
  lane: 'red',
  selectionPercent: 100,
  measures: ['physical_examination'],
  level: 1,
  ...over,
});

/** The items that meet the indicator (`[]` declaration-level), or undefined when the profile does not fire. */
function fires(indicator: Indicator, s: RiskSubject = subject(), prices: ReferencePrices = PRICES): readonly number[] | undefined {
  const checked = checkIndicator(indicator);
  assert.ok(checked.ok, JSON.stringify(!checked.ok && checked.error));
  return compileProfiles([rule('P', indicator)], prices).evaluate(s).hits[0]?.items;
}
const textIn = (field: TextField, ...values: string[]): Indicator => ({ op: 'in', field, values });

describe('risk engine: evaluation of indicators', () => {
  test('CUS-RMS-16: an indicator can be written over each of the ten objects of analysis of art.429, and matches or not', () => {
    const cases: [string, Indicator, Indicator][] = [
      ['goods_kind', { op: 'contains', field: 'item.description', values: ['cotton'] }, { op: 'contains', field: 'item.description', values: ['wool'] }],
      ['goods_kind (category)', textIn('item.goodsCategory', 'vehicle'), textIn('item.goodsCategory', 'food')],
      ['commodity_code', { op: 'prefix', field: 'item.commodityCode', values: ['8703'] }, { op: 'prefix', field: 'item.commodityCode', values: ['0808'] }],
      ['country_of_origin', textIn('item.originCountry', 'JP'), textIn('item.originCountry', 'US')],
      ['country_of_dispatch', textIn('countryOfDispatch', 'TR'), textIn('countryOfDispatch', 'CN')],
      ['country_of_destination', textIn('countryOfDestination', 'TJ'), textIn('countryOfDestination', 'UZ')],
      ['vehicle', textIn('vehicle', '01AB456'), textIn('vehicle', '99ZZ999')],
      [
        'customs_value',
        { op: 'compare', field: 'item.customsValue', cmp: 'ge', value: 1000 },
        { op: 'compare', field: 'item.customsValue', cmp: 'gt', value: 1000 },
      ],
      ['route', textIn('routeOffice', '10010'), textIn('routeOffice', '20000')],
      ['trader', textIn('traderCode', '020000001'), textIn('traderCode', '020000002')],
      ['documents', textIn('documentType', 'N380'), textIn('documentType', 'N935')],
    ];
    for (const [object, matching, other] of cases) {
      assert.ok(fires(matching), `${object} should match`);
      assert.equal(fires(other), undefined, `${object} should not match`);
    }
  });

  test('CUS-RMS-14: a match rule (in) and a deviation rule (below the reference price) both select', () => {
    // Item 1: 1000 somoni for 100 kg = 10 per kg; the reference is 20 per kg.
    assert.deepEqual(fires({ op: 'below_reference', table: 'base', ratio: 0.6 }), [1]);
    assert.equal(fires({ op: 'below_reference', table: 'base', ratio: 0.5 }), undefined, 'strictly below: 10 < 0.5 × 20 is false');
    assert.equal(fires({ op: 'below_reference', table: 'other', ratio: 1 }), undefined, 'no such table: no match');
    // Item 2 has no price in the table: never below it.
    assert.deepEqual(fires({ op: 'below_reference', table: 'base', ratio: 10 }), [1]);
    // Per supplementary unit when there is one: 1000 / 200 pieces = 5.
    const pieces = subject({ items: [item(1, { supplementaryQuantity: 200 })] });
    assert.deepEqual(fires({ op: 'below_reference', table: 'base', ratio: 0.3 }, pieces), [1]);
    assert.deepEqual(fires(textIn('item.commodityCode', '6109100000')), [1]);
  });

  test('CUS-RMS-14: in and not_in on single and multi-valued fields; an absent optional field lists nothing', () => {
    assert.deepEqual(fires(textIn('vehicle', 'X', '01AA123')), [], 'any vehicle matching is enough');
    assert.deepEqual(fires({ op: 'not_in', field: 'vehicle', values: ['X', 'Y'] }), []);
    assert.equal(fires({ op: 'not_in', field: 'vehicle', values: ['01AB456'] }), undefined, 'not_in: none may match');
    assert.deepEqual(fires({ op: 'not_in', field: 'item.originCountry', values: ['CN'] }), [2]);
    assert.deepEqual(fires({ op: 'not_in', field: 'item.goodsCategory', values: ['textile'] }), [2]);
    assert.equal(fires(textIn('brokerTin', '030000001')), undefined);
    assert.deepEqual(fires({ op: 'not_in', field: 'brokerTin', values: ['030000001'] }), []);
    assert.deepEqual(fires(textIn('brokerTin', '030000001'), subject({ brokerTin: '030000001' })), []);
    assert.deepEqual(fires(textIn('direction', 'import')), []);
    assert.deepEqual(fires(textIn('regime', 'IM40')), []);
    assert.deepEqual(fires(textIn('transportMode', '30')), []);
    assert.deepEqual(fires(textIn('officeCode', '10001')), []);
    assert.equal(fires(textIn('direction', 'export')), undefined);
  });

  test('CUS-RMS-14: prefix matches any prefix length, on codes and other text fields', () => {
    for (const p of ['87', '8703', '870323', '8703231910']) assert.deepEqual(fires({ op: 'prefix', field: 'item.commodityCode', values: ['0101', p] }), [2], p);
    assert.equal(fires({ op: 'prefix', field: 'item.commodityCode', values: ['8704', '8703231911'] }), undefined);
    assert.deepEqual(fires({ op: 'prefix', field: 'traderCode', values: ['0200'] }), []);
    assert.deepEqual(fires({ op: 'prefix', field: 'vehicle', values: ['01AB'] }), []);
    assert.equal(fires({ op: 'prefix', field: 'routeOffice', values: ['2'] }), undefined);
  });

  test('CUS-RMS-16: contains is a case-insensitive match of whole words of the description', () => {
    assert.deepEqual(fires({ op: 'contains', field: 'item.description', values: ['COTTON'] }), [1]);
    assert.deepEqual(fires({ op: 'contains', field: 'item.description', values: ['t'] }), [1], 'T-shirts splits into t and shirts');
    assert.equal(fires({ op: 'contains', field: 'item.description', values: ['cott'] }), undefined, 'a part of a word is not a word');
    assert.deepEqual(fires({ op: 'contains', field: 'item.description', values: ['wool', 'car'] }), [2]);
    const cyr = subject({ items: [item(1, { description: 'Сигареты с фильтром' })] });
    assert.deepEqual(fires({ op: 'contains', field: 'item.description', values: ['СИГАРЕТЫ'] }, cyr), [1]);
    assert.deepEqual([...wordsOf('A-b, c.D')], ['a', 'b', 'c', 'd']);
  });

  test('CUS-RMS-11: compare, each comparison on item and declaration numbers', () => {
    const cmp = (field: 'item.netMassKg' | 'totalCustomsValue', c: 'lt' | 'le' | 'gt' | 'ge' | 'eq', value: number) =>
      fires({ op: 'compare', field, cmp: c, value }, subject({ items: [item(1, { netMassKg: 100 })] }));
    assert.deepEqual(
      (['lt', 'le', 'gt', 'ge', 'eq'] as const).map((c) => [cmp('item.netMassKg', c, 100) !== undefined, cmp('totalCustomsValue', c, 1000) !== undefined]),
      [
        [false, false],
        [true, true],
        [false, false],
        [true, true],
        [true, true],
      ],
    );
    assert.deepEqual(fires({ op: 'compare', field: 'itemCount', cmp: 'eq', value: 2 }), []);
    assert.deepEqual(
      fires({ op: 'compare', field: 'trader.debt', cmp: 'gt', value: 0 }, subject({ trader: { violations: 0, debt: 5, declarationsBefore: 3 } })),
      [],
    );
    assert.deepEqual(
      fires({ op: 'compare', field: 'trader.violations', cmp: 'ge', value: 1 }, subject({ trader: { violations: 1, debt: 0, declarationsBefore: 3 } })),
      [],
    );
    assert.deepEqual(fires({ op: 'compare', field: 'trader.declarationsBefore', cmp: 'lt', value: 13 }), []);
  });

  test('CUS-RMS-11: value per unit uses the supplementary quantity, else kg; no quantity matches nothing', () => {
    assert.equal(valuePerUnit(item(1)), 10);
    assert.equal(valuePerUnit(item(1, { supplementaryQuantity: 4 })), 250);
    const pieces4 = subject({ items: [item(1, { supplementaryQuantity: 4 }), item(2)] });
    const zero = subject({ items: [item(1, { netMassKg: 0 }), item(2, { supplementaryQuantity: 0, netMassKg: 5 })] });
    for (const c of ['lt', 'gt', 'eq'] as const)
      assert.equal(fires({ op: 'compare', field: 'item.valuePerUnit', cmp: c, value: 1e9 * (c === 'lt' ? 1 : 0) }, zero), undefined);
    assert.equal(fires({ op: 'below_reference', table: 'base', ratio: 10 }, zero), undefined);
    assert.deepEqual(fires({ op: 'compare', field: 'item.valuePerUnit', cmp: 'lt', value: 11 }), [1, 2]);
    assert.deepEqual(fires({ op: 'compare', field: 'item.valuePerUnit', cmp: 'gt', value: 100 }, pieces4), [1]);
  });

  test('CUS-RMS-14 CUS-RMS-16: first time trader, route deviation, missing document', () => {
    assert.equal(fires({ op: 'first_time' }), undefined);
    assert.deepEqual(fires({ op: 'first_time' }, subject({ trader: { violations: 0, debt: 0, declarationsBefore: 0 } })), []);
    assert.equal(fires({ op: 'route_deviation' }), undefined, 'no planned route: no deviation');
    assert.equal(fires({ op: 'route_deviation' }, subject({ plannedRoute: ['10001', '10010', '10020'] })), undefined);
    assert.deepEqual(fires({ op: 'route_deviation' }, subject({ plannedRoute: ['10001'] })), []);
    assert.deepEqual(fires({ op: 'missing_document', typeCode: 'N935' }), []);
    assert.equal(fires({ op: 'missing_document', typeCode: 'N740' }), undefined);
  });

  test('CUS-RMS-14: all, any and not; an item-level profile fires when one item meets the whole indicator', () => {
    const cnCar: Indicator = { op: 'all', of: [textIn('item.originCountry', 'CN'), { op: 'prefix', field: 'item.commodityCode', values: ['8703'] }] };
    assert.equal(fires(cnCar), undefined, 'CN is item 1, 8703 is item 2: no one item meets both');
    const three = subject({
      items: [...subject().items, item(3, { commodityCode: '8703101000', originCountry: 'CN' }), item(4, { commodityCode: '8703101000' })],
    });
    assert.deepEqual(fires(cnCar, three), [3, 4], 'every item that meets it is listed');
    assert.deepEqual(fires({ op: 'any', of: [textIn('item.originCountry', 'JP'), textIn('countryOfDispatch', 'XX')] }), [2]);
    assert.deepEqual(fires({ op: 'not', of: textIn('item.originCountry', 'CN') }), [2]);
    assert.deepEqual(fires({ op: 'all', of: [textIn('countryOfDispatch', 'TR'), textIn('item.originCountry', 'JP')] }), [2]);
    assert.equal(fires({ op: 'all', of: [textIn('countryOfDispatch', 'CN'), textIn('item.originCountry', 'JP')] }), undefined);
    assert.deepEqual(fires({ op: 'all', of: [textIn('countryOfDispatch', 'TR'), { op: 'not', of: { op: 'first_time' } }] }), [], 'declaration-level: no items');
    // A subject-level part inside an item-level `any` holds for every item.
    assert.deepEqual(fires({ op: 'any', of: [textIn('countryOfDispatch', 'TR'), textIn('item.originCountry', 'ZZ')] }), [1, 2]);
    assert.equal(fires(textIn('item.originCountry', 'CN'), subject({ items: [] })), undefined, 'no items: no item meets it');
  });

  test('CUS-CTL-02 CUS-RMS-07: only profiles for the subject kind apply; the hit carries the profile lane, percent, measures and level', () => {
    const rules = [
      rule('PI', textIn('countryOfDispatch', 'TR'), { subjects: ['preliminary'], lane: 'yellow', measures: ['documentary_check'], level: 3 }),
      rule('ALL', textIn('countryOfDispatch', 'TR'), {
        subjects: ['declaration'],
        lane: 'blue',
        selectionPercent: 40,
        measures: ['post_clearance_audit'],
        level: 2,
      }),
    ];
    const engine = compileProfiles(rules, PRICES);
    assert.deepEqual(engine.evaluate(subject()).hits, [
      { versionId: 'v-ALL', code: 'ALL', items: [], selected: false, lane: 'blue', selectionPercent: 40, measures: ['post_clearance_audit'], level: 2 },
    ]);
    assert.deepEqual(
      engine.evaluate(subject({ kind: 'preliminary' })).hits.map((h) => h.code),
      ['PI'],
    );
    assert.deepEqual(engine.evaluate(subject({ kind: 'transit' })), { hits: [], evaluated: 0 });
  });
});

describe('risk engine: the index', () => {
  test('CUS-CTL-02: a profile keyed on a commodity prefix is found; unrelated keyed profiles are not evaluated', () => {
    const unrelated = Array.from({ length: 2000 }, (_, k) =>
      rule(`U${k}`, { op: 'all', of: [{ op: 'prefix', field: 'item.commodityCode', values: [String(1000 + k)] }, textIn('countryOfDispatch', 'TR')] }),
    );
    const wanted = rule('CAR', { op: 'all', of: [textIn('countryOfDispatch', 'TR'), { op: 'prefix', field: 'item.commodityCode', values: ['870323'] }] });
    const traders = rule('TRADER', textIn('traderCode', '020000001', '020000009'));
    const unindexed = rule('FIRST', { op: 'not', of: { op: 'first_time' } });
    const engine = compileProfiles([...unrelated, wanted, traders, unindexed], PRICES);
    assert.equal(engine.unindexed, 1);
    const result = engine.evaluate(subject());
    assert.deepEqual(
      result.hits.map((h) => [h.code, h.items]),
      [
        ['CAR', [2]],
        ['TRADER', []],
        ['FIRST', []],
      ],
    );
    // The two keyed matches and the unindexed one: none of the 2,000 others (even though dispatch is TR for all).
    assert.equal(result.evaluated, 3);
  });

  test('CUS-CTL-02: each candidate is evaluated once, however many keys of the subject lead to it; any of keyed parts is keyed', () => {
    const many = rule('MANY', {
      op: 'any',
      of: [{ op: 'prefix', field: 'item.commodityCode', values: ['61', '6109', '8703'] }, textIn('vehicle', '01AA123', '01AB456')],
    });
    const engine = compileProfiles([many, rule('NOT', { op: 'not_in', field: 'item.originCountry', values: ['CN'] })], PRICES);
    assert.equal(engine.unindexed, 1, 'not_in gives no key');
    const s = subject({ items: [item(1), item(2), item(3, { commodityCode: '8703231910' })] });
    const result = engine.evaluate(s);
    assert.equal(result.evaluated, 2);
    assert.deepEqual(result.hits[0]?.items, [1, 2, 3]);
    assert.equal(engine.evaluate(subject({ items: [item(1, { commodityCode: '0101210000', originCountry: 'CN' })], vehicles: [] })).evaluated, 1);
  });
});

// ---- property: the indexed engine and a naive AST walker give the same hits ----

const CODES = ['6109100000', '6109900000', '6110200000', '8703231910', '8703239010', '8704100000', '0808100000'];
const COUNTRIES = ['CN', 'TR', 'RU', 'KZ'];
const WORDS = ['cotton', 'car', 'apple', 'shirt'];
const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
const some = <T>(xs: readonly T[], min = 0) => fc.uniqueArray(pick(xs), { minLength: min, maxLength: 3 });

const textLeaf: fc.Arbitrary<Indicator> = fc.oneof(
  fc.record({ op: pick(['in', 'not_in'] as const), field: pick(['item.commodityCode'] as const), values: some(CODES, 1) }),
  fc.record({
    op: pick(['prefix'] as const),
    field: pick(['item.commodityCode'] as const),
    values: some(['61', '6109', '8703', '870323', '8703231910', '08'], 1),
  }),
  fc.record({
    op: pick(['in', 'not_in'] as const),
    field: pick(['item.originCountry', 'countryOfDispatch', 'countryOfDestination'] as const),
    values: some(COUNTRIES, 1),
  }),
  fc.record({ op: pick(['in', 'not_in', 'prefix'] as const), field: pick(['vehicle'] as const), values: some(['V1', 'V2', 'V3', 'V'], 1) }),
  fc.record({ op: pick(['in', 'not_in', 'prefix'] as const), field: pick(['routeOffice', 'officeCode'] as const), values: some(['O1', 'O2', 'O3', 'O'], 1) }),
  fc.record({ op: pick(['in', 'not_in', 'prefix'] as const), field: pick(['traderCode', 'brokerTin'] as const), values: some(['T1', 'T2', 'T3'], 1) }),
  fc.record({ op: pick(['in', 'not_in', 'prefix'] as const), field: pick(['documentType'] as const), values: some(['D1', 'D2', 'D3'], 1) }),
  fc.record({ op: pick(['in', 'not_in'] as const), field: pick(['item.goodsCategory'] as const), values: some(['c1', 'c2'], 1) }),
  fc.record({ op: pick(['in', 'not_in'] as const), field: pick(['direction'] as const), values: some(['import', 'export'], 1) }),
  fc.record({ op: pick(['contains'] as const), field: pick(['item.description'] as const), values: some(['COTTON', 'car', 'shirt', 'x'], 1) }),
);
const numberLeaf: fc.Arbitrary<Indicator> = fc.record({
  op: fc.constant('compare' as const),
  field: pick([
    'item.customsValue',
    'item.netMassKg',
    'item.valuePerUnit',
    'totalCustomsValue',
    'itemCount',
    'trader.violations',
    'trader.declarationsBefore',
  ] as const),
  cmp: pick(['lt', 'le', 'gt', 'ge', 'eq'] as const),
  value: pick([0, 1, 2, 10, 100, 1000]),
});
const otherLeaf: fc.Arbitrary<Indicator> = fc.oneof(
  fc.record({ op: fc.constant('below_reference' as const), table: pick(['t', 'none']), ratio: pick([0.5, 1, 2]) }),
  fc.constant({ op: 'first_time' as const }),
  fc.constant({ op: 'route_deviation' as const }),
  fc.record({ op: fc.constant('missing_document' as const), typeCode: pick(['D1', 'D2']) }),
);
const { indicator } = fc.letrec<{ indicator: Indicator }>((tie) => ({
  indicator: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    textLeaf,
    textLeaf,
    numberLeaf,
    otherLeaf,
    fc.record({ op: pick(['all', 'any'] as const), of: fc.array(tie('indicator'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ op: fc.constant('not' as const), of: tie('indicator') }),
  ),
}));

const itemArb = (number: number): fc.Arbitrary<SubjectItem> =>
  fc.record(
    {
      number: fc.constant(number),
      commodityCode: pick(CODES),
      description: fc
        .array(fc.tuple(pick([...WORDS, 'Cotton', 'T-SHIRT', 'of']), pick([' ', ', ', '-', ''])), { maxLength: 4 })
        .map((ws) => ws.map(([w, sep]) => w + sep).join('')),
      goodsCategories: some(['c1', 'c2']),
      originCountry: pick(COUNTRIES),
      netMassKg: pick([0, 1, 10, 100]),
      supplementaryQuantity: pick([0, 2, 50]),
      customsValue: pick([0, 1, 10, 100, 1000]),
    },
    { requiredKeys: ['number', 'commodityCode', 'description', 'goodsCategories', 'originCountry', 'netMassKg', 'customsValue'] },
  );
const subjectArb: fc.Arbitrary<RiskSubject> = fc
  .record({
    kind: pick(['declaration', 'preliminary'] as const),
    direction: pick(['import', 'export'] as const),
    officeCode: pick(['O1', 'O2']),
    traderCode: pick(['T1', 'T2', 'T4']),
    brokerTin: fc.option(pick(['T1', 'T3']), { nil: undefined }),
    trader: fc.record({ violations: pick([0, 1, 2]), debt: pick([0, 10]), declarationsBefore: pick([0, 1, 2]) }),
    vehicles: some(['V1', 'V2', 'V4']),
    countryOfDispatch: pick(COUNTRIES),
    countryOfDestination: pick(COUNTRIES),
    route: some(['O1', 'O2', 'O3']),
    plannedRoute: fc.option(some(['O1', 'O2']), { nil: undefined }),
    items: fc.integer({ min: 0, max: 6 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, k) => itemArb(k + 1)))),
    documentTypes: some(['D1', 'D2', 'D3']),
  })
  .map((r) => ({ ...r, id: 'x', number: 'x', regime: 'IM40', transportMode: '30' }) as RiskSubject);

describe('risk engine: indexed evaluation equals the naive walker', () => {
  test('CUS-RMS-14 CUS-RMS-16 CUS-CTL-02: same hits and items on thousands of random subjects and profiles', () => {
    const prices: ReferencePrices = new Map([['t', new Map(CODES.slice(0, 5).map((c, k) => [c, [1, 5, 20, 100, 0.5][k] as number]))]]);
    let subjects = 0;
    let hits = 0;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(indicator, some(['declaration', 'preliminary', 'transit'] as const, 1)), { minLength: 1, maxLength: 25 }),
        fc.array(subjectArb, { minLength: 1, maxLength: 15 }),
        (defs, subs) => {
          const rules = defs.map(([ind, kinds], k) => rule(`R${k}`, ind, { subjects: kinds }));
          for (const r of rules) assert.ok(checkIndicator(r.indicator).ok, JSON.stringify(r.indicator));
          const engine = compileProfiles(rules, prices);
          for (const s of subs) {
            const got = engine.evaluate(s).hits.map((h) => [h.code, h.items]);
            assert.deepEqual(got, referenceHits(rules, prices, s));
            subjects++;
            hits += got.length;
          }
        },
      ),
      { numRuns: 400, seed: 20260301 },
    );
    assert.ok(subjects >= 2000, `${subjects} subjects`);
    assert.ok(hits > subjects / 2, `the generators give hits (${hits})`);
  });
});
