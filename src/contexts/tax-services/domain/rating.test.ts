import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addSums, aggregateOf, isRatable, isScore, NO_RATINGS, type RatingSums } from './rating.ts';

const sumsOf = (scores: readonly (readonly [number, number, number, number])[]): RatingSums =>
  scores.reduce<RatingSums>(
    (acc, [overall, courtesy, clarity, timeliness]) =>
      addSums(acc, {
        count: 1,
        overall,
        courtesy,
        clarity,
        timeliness,
        satisfied: overall >= 4 ? 1 : 0,
        distribution: [1, 2, 3, 4, 5].map((s) => (s === overall ? 1 : 0)),
      }),
    NO_RATINGS,
  );

test('TS-41: mean scores per question, the share of satisfied raters and the distribution of overall scores', () => {
  const a = aggregateOf(
    sumsOf([
      [5, 4, 5, 3],
      [2, 1, 3, 2],
      [4, 5, 4, 3],
    ]),
  );
  assert.deepEqual({ ...a }, { count: 3, overall: 3.67, courtesy: 3.33, clarity: 4, timeliness: 2.67, satisfiedShare: 0.6667, distribution: [0, 1, 0, 1, 1] });
});

test('TS-41: with nobody rating, the means are null rather than zero', () => {
  assert.deepEqual(
    { ...aggregateOf(NO_RATINGS) },
    { count: 0, overall: null, courtesy: null, clarity: null, timeliness: null, satisfiedShare: null, distribution: [0, 0, 0, 0, 0] },
  );
});

test('TS-14 TS-41: scores are whole numbers 1 … 5, and only a closed request is rated', () => {
  assert.deepEqual([0, 1, 3, 5, 6, 2.5].map(isScore), [false, true, true, true, false, false]);
  assert.deepEqual(['awaiting_documents', 'open', 'suspended', 'completed', 'rejected'].map(isRatable), [false, false, false, true, true]);
});
