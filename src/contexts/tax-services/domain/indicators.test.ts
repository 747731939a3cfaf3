import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SERVICE_GROUPS } from './catalogue.ts';
import { computeIndicators, INDICATORS, type IndicatorInputs, indicatorRows } from './indicators.ts';
import { bucketOf } from './percentiles.ts';
import { NO_RATINGS } from './rating.ts';

const HOUR = 3600;
const closedRow = (serviceKey: string, seconds: number, isLate = false) => ({ serviceKey, bucket: bucketOf(seconds), closed: 1, late: isLate ? 1 : 0 });

const inputs: IndicatorInputs = {
  year: 2026,
  received: [
    { serviceKey: '06.06.04', channel: 'cabinet', count: 600 },
    { serviceKey: '06.06.04', channel: 'office', count: 300 },
    { serviceKey: '05.05.01a', channel: 'cabinet', count: 96 },
    { serviceKey: '11.11.02', channel: 'complaint_book', count: 3 },
    { serviceKey: '11.11.05', channel: 'email', count: 1 },
  ],
  closed: [closedRow('06.06.04', 2 * HOUR), closedRow('06.06.04', 30 * HOUR, true), closedRow('06.06.04', 5 * HOUR), closedRow('11.11.02', 20 * 24 * HOUR)],
  ratings: { count: 4, overall: 15, courtesy: 16, clarity: 12, timeliness: 10, satisfied: 2, distribution: [0, 1, 1, 1, 1] },
  complaintsAnswered: 4,
  complaintsAnsweredLate: 1,
};

const find = (code: string, scope = 'all') => computeIndicators(inputs, SERVICE_GROUPS).values.find((v) => v.code === code && v.scope === scope);

test('TS-34 TS-12 QI-01: the on-time rate is (closed − late) ÷ closed, in total and per service group', () => {
  assert.deepEqual({ ...find('QI-01') }, { code: 'QI-01', scope: 'all', value: 0.75, numerator: 3, denominator: 4 });
  assert.equal(find('QI-01', '06.00.00')?.value, 0.6667);
  assert.equal(find('QI-01', '11.00.00')?.value, 1);
  assert.equal(find('QI-01', '02.00.00')?.value, null, 'nothing closed: no rate, not 0 or 1');
  assert.equal(computeIndicators(inputs, SERVICE_GROUPS).values.filter((v) => v.code === 'QI-01').length, 1 + SERVICE_GROUPS.length);
});

test('TS-34 QI-02 QI-03: median and 95th percentile of net completion time, within 2.5 %', () => {
  const median = find('QI-02', '06.00.00')?.value ?? 0;
  assert.ok(Math.abs(median - 5 * HOUR) <= 0.025 * 5 * HOUR, `${median}`);
  const p95 = find('QI-03')?.value ?? 0;
  assert.ok(Math.abs(p95 - 480 * HOUR) <= 0.025 * 480 * HOUR, `${p95}`);
});

test('TS-34 QI-04 QI-05 QI-08: requests received, the electronic share and complaints per 1,000 other requests', () => {
  assert.equal(find('QI-04')?.value, 1000);
  assert.equal(find('QI-04', 'office')?.value, 300);
  assert.deepEqual([find('QI-05')?.value, find('QI-05')?.numerator, find('QI-05')?.denominator], [0.7, 700, 1000]);
  // 4 complaints against 996 other requests.
  assert.deepEqual([find('QI-08')?.value, find('QI-08')?.numerator, find('QI-08')?.denominator], [4.02, 4, 996]);
});

test('TS-34 QI-06 QI-07 QI-09: average ratings per question, the satisfied share, complaints answered on time', () => {
  assert.equal(find('QI-06', 'overall')?.value, 3.75);
  assert.equal(find('QI-06', 'courtesy')?.value, 4);
  assert.equal(find('QI-06', 'timeliness')?.value, 2.5);
  assert.equal(find('QI-07')?.value, 0.5);
  assert.deepEqual([find('QI-09')?.value, find('QI-09')?.numerator, find('QI-09')?.denominator], [0.75, 3, 4]);
});

test('TS-34: an empty year gives counts of zero and no rates', () => {
  const empty = computeIndicators(
    { year: 2025, received: [], closed: [], ratings: NO_RATINGS, complaintsAnswered: 0, complaintsAnsweredLate: 0 },
    SERVICE_GROUPS,
  );
  assert.equal(empty.values.find((v) => v.code === 'QI-04')?.value, 0);
  assert.ok(empty.values.filter((v) => v.code !== 'QI-04').every((v) => v.value === null));
});

test('TS-13 TS-34: every indicator has a name and formula in Tajik, Russian and English, and each value a CSV row', () => {
  for (const d of INDICATORS) for (const text of [d.name, d.formula]) assert.ok(text.tg && text.ru && text.en, d.code);
  const computed = computeIndicators(inputs, SERVICE_GROUPS);
  const rows = indicatorRows(computed);
  assert.equal(rows.length, computed.values.length);
  assert.ok(new Set(computed.values.map((v) => v.code)).size === INDICATORS.length);
  assert.deepEqual(Object.keys(rows[0] ?? {}), [
    'year',
    'code',
    'name_tg',
    'name_ru',
    'name_en',
    'scope',
    'value',
    'unit',
    'numerator',
    'denominator',
    'formula_en',
  ]);
});
