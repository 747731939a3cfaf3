import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ProfileHit } from './evaluate.ts';
import { decideLane, draw, FILL_GAIN, isSelected, observedShares, RANDOM_MEASURES, randomShares } from './lanes.ts';
import type { Lane, ObservedRates, SelectivitySettings } from './model.ts';

const hit = (code: string, over: Partial<ProfileHit> = {}): ProfileHit => ({
  versionId: `v-${code}`,
  code,
  items: [1],
  selected: false,
  lane: 'red',
  selectionPercent: 100,
  measures: ['physical_examination'],
  level: 1,
  ...over,
});
const NO_RANDOM: SelectivitySettings = { randomRate: 0, expectedRates: { red: 0, yellow: 0, blue: 0 } };
const MET: ObservedRates = { red: 1, yellow: 1, blue: 1 };
const seeds = (n: number, prefix = 's') => Array.from({ length: n }, (_, k) => `${prefix}-${k}`);
const share = (xs: readonly boolean[]) => xs.filter(Boolean).length / xs.length;

describe('risk engine: lanes (ASYCUDA MODSEL)', () => {
  test('CUS-RMS-07: a hit is selected with its profile’s selection percentage, drawn from the seed and the version', () => {
    const many = seeds(20_000);
    for (const percent of [1, 40, 100]) {
      const got = share(many.map((s) => isSelected({ versionId: 'v-1', selectionPercent: percent }, s)));
      assert.ok(Math.abs(got - percent / 100) < 0.012, `${percent}%: ${got}`);
    }
    // Two profiles hit by one subject are drawn independently.
    const both = share(many.map((s) => isSelected({ versionId: 'v-1', selectionPercent: 50 }, s) && isSelected({ versionId: 'v-2', selectionPercent: 50 }, s)));
    assert.ok(Math.abs(both - 0.25) < 0.015, `independent draws: ${both}`);
    const decisions = many.slice(0, 4000).map((s) => decideLane([hit('P', { selectionPercent: 40 })], NO_RANDOM, MET, s));
    assert.ok(Math.abs(share(decisions.map((d) => d.lane === 'red')) - 0.4) < 0.025);
    assert.ok(decisions.every((d) => (d.lane === 'red') === d.hits[0]?.selected && (d.lane === 'red' ? d.basis === 'profile' : d.basis === 'none')));
  });

  test('CUS-CTL-02 CUS-RMS-06: the strictest selected lane wins, ties ordered by level; measures are the union of that lane’s selected hits', () => {
    const hits = [
      hit('Y', { lane: 'yellow', measures: ['documentary_check'], level: 9 }),
      hit('R1', { measures: ['samples', 'physical_examination'], level: 2 }),
      hit('B', { lane: 'blue', measures: ['post_clearance_audit'] }),
      hit('R2', { measures: ['expert_examination'], level: 5 }),
    ];
    const d = decideLane(hits, NO_RANDOM, MET, 'seed');
    assert.equal(d.lane, 'red');
    assert.equal(d.basis, 'profile');
    assert.deepEqual(d.measures, ['physical_examination', 'samples', 'expert_examination']);
    assert.deepEqual(
      d.hits.map((h) => h.code),
      ['R2', 'R1', 'Y', 'B'],
    );
    assert.deepEqual(d.hits[0], { versionId: 'v-R2', code: 'R2', items: [1], selected: true }, 'the stored hit is the plain Hit');
    // A red profile that is not selected leaves the lane to the next selected one.
    const unselected = seeds(500).find((s) => !isSelected({ versionId: 'v-R', selectionPercent: 30 }, s)) as string;
    const y = decideLane([hit('R', { selectionPercent: 30 }), hit('Y', { lane: 'yellow', measures: ['documentary_check'] })], NO_RANDOM, MET, unselected);
    assert.deepEqual(
      [y.lane, y.measures, y.hits.map((h) => [h.code, h.selected])],
      [
        'yellow',
        ['documentary_check'],
        [
          ['Y', true],
          ['R', false],
        ],
      ],
    );
  });

  test('CUS-CTL-02: nothing hit and no random rate: green, no measures, basis none', () => {
    assert.deepEqual(decideLane([], NO_RANDOM, MET, 'seed'), { lane: 'green', measures: [], hits: [], basis: 'none', seed: 'seed' });
  });

  test('CUS-CTL-02 CUS-RMS-11: the minimum random rate selects at random, spread like the expected lane mix, with default measures', () => {
    const settings: SelectivitySettings = { randomRate: 0.1, expectedRates: { red: 0.05, yellow: 0.15, blue: 0.05 } };
    const shares = randomShares(settings, MET);
    assert.deepEqual(
      Object.values(shares).map((x) => x.toFixed(4)),
      ['0.0200', '0.0600', '0.0200'],
    );
    const decisions = seeds(20_000).map((s) => decideLane([], settings, MET, s));
    for (const lane of ['red', 'yellow', 'blue'] as const) {
      const got = share(decisions.map((d) => d.lane === lane));
      assert.ok(Math.abs(got - shares[lane]) < 0.006, `${lane}: ${got}`);
    }
    for (const d of decisions) {
      if (d.lane === 'green') assert.deepEqual([d.basis, d.measures], ['none', []]);
      else assert.deepEqual([d.basis, d.measures], ['random', RANDOM_MEASURES[d.lane]]);
    }
    // No expected rate set: the random rate is split in three.
    const thirds = randomShares({ randomRate: 0.03, expectedRates: { red: 0, yellow: 0, blue: 0 } }, MET);
    assert.deepEqual(
      Object.values(thirds).map((x) => x.toFixed(6)),
      ['0.010000', '0.010000', '0.010000'],
    );
  });

  test('CUS-RMS-11: an observed rate below the expected one raises that lane’s random share by the amplified gap, filled red, yellow, blue', () => {
    const settings: SelectivitySettings = { randomRate: 0.02, expectedRates: { red: 0.05, yellow: 0.2, blue: 0.05 } };
    const observed: ObservedRates = { red: 0.04, yellow: 0.25, blue: 0.045 };
    const shares = randomShares(settings, observed);
    // red: 0.02 × 0.05/0.3 + 10 × 0.01; yellow: above its rate, only its random part; blue: + 10 × 0.005.
    assert.equal(FILL_GAIN, 10);
    assert.ok(Math.abs(shares.red - (0.02 / 6 + 0.1)) < 1e-12);
    assert.ok(Math.abs(shares.yellow - (0.02 * 2) / 3) < 1e-12);
    assert.ok(Math.abs(shares.blue - (0.02 / 6 + 0.05)) < 1e-12);
    const decisions = seeds(20_000, 'gap').map((s) => decideLane([], settings, observed, s));
    assert.ok(Math.abs(share(decisions.map((d) => d.lane === 'red')) - shares.red) < 0.008);
    // Filled in order: red takes its share first, yellow what is left, blue nothing.
    const full = randomShares({ randomRate: 0, expectedRates: { red: 0.07, yellow: 0.06, blue: 0.05 } }, { red: 0, yellow: 0, blue: 0 });
    assert.deepEqual([full.red.toFixed(4), full.yellow.toFixed(4), full.blue.toFixed(4)], ['0.7000', '0.3000', '0.0000']);
    // A profile selection takes precedence: no random draw then.
    const all: SelectivitySettings = { randomRate: 1, expectedRates: { red: 1, yellow: 0, blue: 0 } };
    assert.equal(decideLane([hit('B', { lane: 'blue' })], all, observed, 'x').lane, 'blue');
    assert.equal(decideLane([hit('B', { lane: 'blue', selectionPercent: 1 })], all, observed, 'x').lane, 'red');
  });

  test('CUS-RMS-11: decisions the window still lacks count at the expected rates, so the first decisions after go-live do not lean to the control lanes', () => {
    const expected: ObservedRates = { red: 0.05, yellow: 0.15, blue: 0.05 };
    assert.deepEqual(observedShares({}, 1000, expected), expected);
    // 100 decisions made, all green: 900 still counted at the expected rates.
    const early = observedShares({ green: 100 }, 1000, expected);
    assert.ok(Math.abs(early.red - 0.045) < 1e-12 && Math.abs(early.yellow - 0.135) < 1e-12, JSON.stringify(early));
    // A full window is the plain share.
    assert.deepEqual(observedShares({ red: 10, yellow: 30, blue: 0, green: 60 }, 100, expected), { red: 0.1, yellow: 0.3, blue: 0 });

    // Go-live: no history, a 1,000-decision window, profiles that select nothing.
    const settings: SelectivitySettings = { randomRate: 0.02, expectedRates: expected };
    const counts = { red: 0, yellow: 0, blue: 0, green: 0 };
    for (let k = 0; k < 200; k++) counts[decideLane([], settings, observedShares(counts, 1000, expected), `go-live-${k}`).lane]++;
    // Taken over the decisions made so far, the first observed rates would be 0 and red alone would get
    // min(1, 10 × 5%) = 50% of them; counted at the expected rates, the lanes start at the random rate.
    assert.ok(counts.red / 200 < 0.1, `red ${counts.red} of 200`);
    assert.ok((counts.red + counts.yellow + counts.blue) / 200 < 0.25, JSON.stringify(counts));
  });

  test('CUS-RMS-11: fed back the rates of its last 1,000 decisions, the lanes settle near their expected rates (a gain of 1 would stop half way)', () => {
    const settings: SelectivitySettings = { randomRate: 0.01, expectedRates: { red: 0.05, yellow: 0.15, blue: 0.05 } };
    // Profiles alone select 1% red and 3% yellow.
    const profileHits = (k: number) => [
      hit(`R${k}`, { selectionPercent: 1 }),
      hit(`Y${k}`, { lane: 'yellow', selectionPercent: 3, measures: ['documentary_check'] }),
    ];
    const window: string[] = [];
    const inWindow = { red: 0, yellow: 0, blue: 0, green: 0 };
    const late = { red: 0, yellow: 0, blue: 0, green: 0 };
    const n = 30_000;
    for (let k = 0; k < n; k++) {
      const size = Math.max(1, window.length);
      const observed = window.length ? { red: inWindow.red / size, yellow: inWindow.yellow / size, blue: inWindow.blue / size } : settings.expectedRates;
      const lane = decideLane(profileHits(k), settings, observed, `sim-${k}`).lane;
      window.push(lane);
      inWindow[lane]++;
      if (window.length > 1000) inWindow[window.shift() as Lane]--;
      if (k >= n / 2) late[lane]++;
    }
    const rate = (lane: Lane) => late[lane] / (n / 2);
    for (const lane of ['red', 'yellow', 'blue'] as const) {
      const expected = settings.expectedRates[lane];
      assert.ok(rate(lane) > 0.88 * expected && rate(lane) < 1.05 * expected, `${lane}: ${rate(lane)} against ${expected}`);
    }
  });

  test('CUS-CTL-02: a decision is reproduced exactly from its seed; other seeds give other draws, uniformly', () => {
    const settings: SelectivitySettings = { randomRate: 0.3, expectedRates: { red: 0.1, yellow: 0.1, blue: 0.1 } };
    const hits = [hit('R', { selectionPercent: 50 }), hit('Y', { lane: 'yellow', selectionPercent: 50, measures: ['documentary_check'] })];
    const realRandom = Math.random;
    Math.random = () => {
      throw new Error('decideLane must not use Math.random');
    };
    try {
      for (const s of seeds(200)) assert.deepEqual(decideLane(hits, settings, MET, s), decideLane(hits, settings, MET, s));
    } finally {
      Math.random = realRandom;
    }
    const lanes = new Set(seeds(200).map((s) => decideLane(hits, settings, MET, s).lane));
    assert.deepEqual([...lanes].sort(), ['blue', 'green', 'red', 'yellow']);
    // The draws of 10,000 seeds fill ten bins evenly (chi-square, 9 degrees of freedom, p ≈ 0.001 at 27.9).
    const bins = new Array<number>(10).fill(0);
    for (const s of seeds(10_000, 'u')) {
      const u = draw(s, 'random');
      assert.ok(u >= 0 && u < 1);
      bins[Math.floor(u * 10)]! += 1;
    }
    const chi = bins.reduce((sum, n) => sum + (n - 1000) ** 2 / 1000, 0);
    assert.ok(chi < 27.9, `chi-square ${chi}`);
    assert.notEqual(draw('a', 'random'), draw('b', 'random'));
    assert.notEqual(draw('a', 'select:v1'), draw('a', 'select:v2'));
  });
});
