import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkIndicator, objectsOf } from '../../../../src/contexts/risk/domain/indicator-check.ts';
import * as domain from '../../../../src/contexts/risk/domain/model.ts';
import { planReroute } from '../../../../src/contexts/risk/domain/routing.ts';
import { riskErrorCatalogue } from '../../../../src/contexts/risk/index.ts';
import { risk } from '../../i18n/risk.ts';
import {
  byLaneOrder,
  CATEGORIES,
  fromIndicator,
  formatCount,
  formatRate,
  isOpAllowed,
  jsonPathOf,
  LANES,
  leafFor,
  MEASURES,
  type Node,
  NUMBER_FIELDS,
  needsReason,
  normaliseValue,
  OBJECTS,
  objectsOfTree,
  opsFor,
  percentToShare,
  priceProblemsOf,
  problemsAt,
  removeAt,
  rerouteDirection,
  rerouteTargets,
  shareToPercent,
  stepsFor,
  subjectsByObject,
  TEXT_FIELDS,
  TEXT_OPS,
  toggleNot,
  toIndicator,
  updateAt,
} from './model.ts';

/** An indicator over all ten objects, with every combination: what an analyst builds in the builder. */
const ALL_OBJECTS = {
  op: 'all',
  of: [
    { op: 'prefix', field: 'item.commodityCode', values: ['8703'] },
    { op: 'in', field: 'item.originCountry', values: ['DE', 'JP'] },
    { op: 'contains', field: 'item.description', values: ['used'] },
    {
      op: 'any',
      of: [
        { op: 'compare', field: 'item.valuePerUnit', cmp: 'lt', value: 4000 },
        { op: 'below_reference', table: 'cars-2026', ratio: 0.7 },
        { op: 'first_time' },
        { op: 'not', of: { op: 'in', field: 'countryOfDispatch', values: ['DE'] } },
      ],
    },
    { op: 'not_in', field: 'countryOfDestination', values: ['TJ'] },
    { op: 'prefix', field: 'vehicle', values: ['01'] },
    { op: 'route_deviation' },
    { op: 'missing_document', typeCode: 'CMR' },
  ],
};

test('CUS-RMS-16: the builder offers exactly the ten objects of art.429 and the fields of the risk engine, each under its object', () => {
  // The vocabulary is imported from the server's model; the builder groups every field under its object.
  const groups = subjectsByObject();
  assert.deepEqual(
    groups.map((g) => g.object),
    [...domain.OBJECTS_OF_ANALYSIS],
  );
  const offered = groups.flatMap((g) => g.subjects);
  for (const field of [...Object.keys(domain.TEXT_FIELDS), ...Object.keys(domain.NUMBER_FIELDS)])
    assert.ok(offered.includes(field as never), `${field} is offered`);
  for (const g of groups) assert.ok(g.subjects.length > 0, `${g.object} has something to check`);
  assert.deepEqual(groups.find((g) => g.object === 'documents')?.subjects, ['documentType', 'missing_document']);
  // Every field, condition, object, measure and category has its words in the three languages.
  const words = risk.risk;
  for (const f of [...Object.keys(TEXT_FIELDS), ...Object.keys(NUMBER_FIELDS)]) assert.ok(f.replace(/\./g, '_') in words.field, f);
  for (const o of OBJECTS) assert.ok(o in words.object, o);
  for (const m of MEASURES) assert.ok(m in words.measure, m);
  for (const c of CATEGORIES) assert.ok(c in words.category, c);
});

test('CUS-RMS-14: the builder offers an operation on a field exactly when the server accepts it there', () => {
  const fields = [...Object.keys(TEXT_FIELDS), ...Object.keys(NUMBER_FIELDS)] as (keyof typeof TEXT_FIELDS | keyof typeof NUMBER_FIELDS)[];
  for (const field of fields) {
    for (const op of [...TEXT_OPS, 'compare'] as const) {
      const indicator = op === 'compare' ? { op, field, cmp: 'gt', value: 1 } : { op, field, values: ['x'] };
      const checked = checkIndicator(indicator);
      const isRefused = !checked.ok && checked.error.some((p) => p.code === 'RISK_INDICATOR_OP_NOT_FOR_FIELD');
      assert.equal(isOpAllowed(field, op), !isRefused, `${op} on ${field}`);
    }
  }
  assert.deepEqual(opsFor('item.description'), ['contains']);
  assert.deepEqual(opsFor('item.originCountry'), ['in', 'not_in']);
  assert.deepEqual(opsFor('trader.debt'), ['compare']);
});

test('CUS-RMS-14, CUS-RMS-16: an indicator over every object and combination goes into the builder and back unchanged, and the server accepts it', () => {
  const parsed = fromIndicator(ALL_OBJECTS);
  assert.ok(parsed.ok);
  assert.deepEqual(toIndicator(parsed.node), ALL_OBJECTS);
  assert.ok(checkIndicator(toIndicator(parsed.node)).ok);
  const checked = checkIndicator(ALL_OBJECTS);
  assert.ok(checked.ok);
  assert.deepEqual(objectsOfTree(parsed.node), objectsOf(checked.value));
  assert.deepEqual(objectsOfTree(parsed.node), [...OBJECTS], 'all ten objects');
  // A shape the builder cannot show names its path.
  assert.deepEqual(fromIndicator({ op: 'all', of: [{ op: 'in', field: 'trader.debt', values: [] }] }), { ok: false, path: 'indicator.of[0].field' });
  assert.deepEqual(fromIndicator({ op: 'not', of: { op: 'maybe' } }), { ok: false, path: 'indicator.of.op' });
  assert.deepEqual(fromIndicator([]), { ok: false, path: 'indicator' });
});

test('CUS-RMS-14: a number not yet typed is left out, and the server names it missing at the input', () => {
  const tree: Node = { op: 'all', of: [{ op: 'compare', field: 'totalCustomsValue', cmp: 'gt', value: null }] };
  const json = toIndicator(tree);
  assert.deepEqual(json, { op: 'all', of: [{ op: 'compare', field: 'totalCustomsValue', cmp: 'gt' }] });
  const checked = checkIndicator(json);
  assert.ok(!checked.ok);
  assert.deepEqual(problemsAt(checked.error, jsonPathOf([0])), [{ code: 'RISK_INDICATOR_PROPERTY_MISSING', part: 'value' }]);
  assert.deepEqual(problemsAt(checked.error, jsonPathOf([])), []);
});

test('CUS-RMS-14: every fault the server finds is shown at the node and the input it points at, once', () => {
  const tree: Node = {
    op: 'all',
    of: [
      { op: 'in', field: 'item.originCountry', values: ['DE', 'germany'] },
      { op: 'any', of: [] },
      { op: 'not', of: { op: 'prefix', field: 'item.commodityCode', values: ['8'] } },
      { op: 'below_reference', table: 'cars', ratio: 12 },
    ],
  };
  const checked = checkIndicator(toIndicator(tree));
  assert.ok(!checked.ok);
  const at = (steps: Parameters<typeof jsonPathOf>[0], isNot = false) => problemsAt(checked.error, jsonPathOf(steps), isNot);
  assert.deepEqual(at([0]), [{ code: 'RISK_INDICATOR_VALUE_INVALID', part: 'values', index: 1 }]);
  assert.deepEqual(at([1]), [{ code: 'RISK_INDICATOR_COMBINATION_EMPTY', part: 'of' }]);
  assert.deepEqual(at([2], true), []);
  assert.deepEqual(at([2, 'not']), [{ code: 'RISK_INDICATOR_VALUE_INVALID', part: 'values', index: 0 }]);
  assert.deepEqual(at([3]), [{ code: 'RISK_INDICATOR_RATIO_OUT_OF_RANGE', part: 'ratio' }]);
  assert.deepEqual(at([]), []);
  // Each fault belongs to exactly one node.
  const nodes = [at([0]), at([1]), at([2], true), at([2, 'not']), at([3]), at([])];
  assert.equal(nodes.flat().length, checked.error.length);
  // `indicator.of[1]` is not `indicator.of[10]`.
  assert.deepEqual(problemsAt([{ code: 'X', field: 'indicator.of[10].values' }], 'indicator.of[1]'), []);
});

test('CUS-RMS-14: the tree is edited by path: a condition changed, removed, negated; a new field keeps the values it can', () => {
  const tree: Node = { op: 'all', of: [leafFor('item.commodityCode'), { op: 'not', of: leafFor('first_time') }] };
  const typed = updateAt(tree, [0], (n) => ({ ...n, values: ['8703'] }) as Node);
  assert.deepEqual(toIndicator(typed), {
    op: 'all',
    of: [
      { op: 'prefix', field: 'item.commodityCode', values: ['8703'] },
      { op: 'not', of: { op: 'first_time' } },
    ],
  });
  // Removing the part of a NOT removes the NOT; the root stays.
  assert.deepEqual(toIndicator(removeAt(typed, [1, 'not'])), { op: 'all', of: [{ op: 'prefix', field: 'item.commodityCode', values: ['8703'] }] });
  assert.equal(removeAt(typed, []), typed);
  assert.deepEqual(toggleNot(toggleNot(typed)), typed);
  // From a commodity code to a country: the operation falls back to one the country takes, the values are kept in capitals.
  const country = leafFor('countryOfDispatch', { op: 'in', field: 'brokerTin', values: ['cn '] });
  assert.deepEqual(country, { op: 'in', field: 'countryOfDispatch', values: ['CN'] });
  assert.deepEqual(leafFor('item.originCountry', { op: 'prefix', field: 'item.commodityCode', values: ['8703'] }), {
    op: 'in',
    field: 'item.originCountry',
    values: [],
  });
  assert.deepEqual(leafFor('trader.debt'), { op: 'compare', field: 'trader.debt', cmp: 'gt', value: null });
  assert.equal(normaliseValue('item.goodsCategory', ' Excise '), 'excise');
  assert.equal(normaliseValue('item.commodityCode', '8703 23'), '870323');
});

test('CUS-CTL-02: re-routing goes upward at will and downward only with a reason, as the server decides', () => {
  for (const from of LANES) {
    for (const to of LANES) {
      if (from === to) {
        assert.equal(rerouteDirection(from, to), 'same');
        continue;
      }
      const planned = planReroute({ lane: from, measures: [] }, to, '');
      const isRefusedForReason = !planned.ok && planned.error.code === 'RISK_REROUTE_REASON_REQUIRED';
      assert.equal(needsReason(from, to), isRefusedForReason, `${from} → ${to}`);
      assert.equal(rerouteDirection(from, to) === 'up', planned.ok && planned.value.isUpward);
    }
  }
  assert.deepEqual(rerouteTargets('yellow'), ['red', 'blue', 'green']);
  assert.deepEqual(rerouteTargets('green'), ['blue', 'yellow', 'red']);
  assert.deepEqual(rerouteTargets('red'), ['yellow', 'blue', 'green']);
  assert.deepEqual(
    byLaneOrder([{ lane: 'red' }, { lane: 'other' }, { lane: 'green' }, { lane: 'yellow' }]).map((r) => r.lane),
    ['green', 'yellow', 'red', 'other'],
  );
});

test('CUS-RMS-20: rates read as percentages in each language, and typed percentages become exact shares', () => {
  assert.equal(formatRate(0.125, 'en'), '12.5%');
  assert.match(formatRate(0.125, 'ru'), /^12,5\s%$/);
  assert.match(formatRate(1 / 3, 'tg'), /^33,3\s%$/);
  assert.equal(formatRate(null, 'tg'), '—');
  assert.equal(formatRate(0, 'en'), '0%');
  assert.equal(formatCount(1_000_000, 'en'), '1,000,000');
  assert.equal(formatCount(1_000_000, 'tg'), '1\u00a0000\u00a0000');
  assert.equal(percentToShare('2,5'), 0.025);
  assert.equal(percentToShare('0.1'), 0.001);
  assert.equal(percentToShare('100'), 1);
  assert.equal(percentToShare('100.5'), undefined);
  assert.equal(percentToShare('-1'), undefined);
  assert.equal(percentToShare('abc'), undefined);
  assert.equal(shareToPercent(0.025), '2.5');
  assert.equal(shareToPercent(0.07), '7');
  assert.equal(shareToPercent(0.1 + 0.2), '30');
  for (const p of ['0', '0.5', '3', '12.25', '99.9999', '100']) assert.equal(shareToPercent(percentToShare(p) as number), String(Number(p)));
});

test('CUS-RMS-21: a version offers the steps of its state; a new version is written from the latest kept one', () => {
  assert.deepEqual(stepsFor({ state: 'draft' }, true), { approve: true, activate: false, retire: false, edit: true, newVersion: false });
  assert.deepEqual(stepsFor({ state: 'approved' }, true), { approve: false, activate: true, retire: true, edit: false, newVersion: true });
  assert.deepEqual(stepsFor({ state: 'active' }, false), { approve: false, activate: false, retire: true, edit: false, newVersion: false });
  assert.deepEqual(stepsFor({ state: 'retired' }, true), { approve: false, activate: false, retire: false, edit: false, newVersion: true });
});

test('every refusal of the risk context has its title in the dictionary, word for word as the server sends it; price faults come in line order', () => {
  const titles = risk.risk.problem as Record<string, readonly [string, string, string]>;
  for (const [code, spec] of Object.entries(riskErrorCatalogue)) {
    assert.deepEqual(titles[code], [spec.title.tg, spec.title.ru, spec.title.en], code);
  }
  assert.deepEqual(
    priceProblemsOf({
      problems: [
        { line: 4, field: 'price', code: 'RISK_PRICE_AMOUNT_INVALID' },
        { line: 2, field: 'commodity_code', code: 'RISK_PRICE_CODE_INVALID' },
        { line: 'x', field: 'price', code: 'Y' },
      ],
    }),
    [
      { line: 2, field: 'commodity_code', code: 'RISK_PRICE_CODE_INVALID' },
      { line: 4, field: 'price', code: 'RISK_PRICE_AMOUNT_INVALID' },
    ],
  );
});
