import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bucketOf, bucketValue, GAMMA, percentileOf } from './percentiles.ts';

const exactNearestRank = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.max(1, Math.ceil(p * values.length)) - 1] as number;

test('TS-32: every time is reported within 2.5 % by its bucket, from one second to five years', () => {
  const bound = (GAMMA - 1) / (GAMMA + 1) + 1e-12;
  for (let s = 1; s < 5 * 365 * 86_400; s = Math.ceil(s * 1.003) + 1) {
    const v = bucketValue(bucketOf(s));
    assert.ok(Math.abs(v - s) / s <= bound, `${s} s reported as ${v}`);
  }
  assert.equal(bucketOf(0), 0);
  assert.equal(bucketValue(0), 0);
  assert.ok(bucketOf(5 * 365 * 86_400) < 32_767, 'fits a smallint');
});

test('TS-32: the median and 95th percentile from the histogram are within 2.5 % of the exact nearest-rank values', () => {
  let seed = 7;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  for (const size of [1, 2, 19, 1000, 25_000]) {
    const values = Array.from({ length: size }, () => Math.round(60 + random() ** 3 * 40 * 86_400));
    const counts = new Map<number, number>();
    for (const v of values) counts.set(bucketOf(v), (counts.get(bucketOf(v)) ?? 0) + 1);
    for (const p of [0.5, 0.95]) {
      const exact = exactNearestRank(values, p);
      const estimate = percentileOf(counts, p) as number;
      assert.ok(Math.abs(estimate - exact) / exact <= 0.025, `n=${size} p=${p}: ${estimate} vs ${exact}`);
    }
  }
  assert.equal(percentileOf(new Map(), 0.5), null);
});
