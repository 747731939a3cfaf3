/**
 * The lane of a subject from its hits, as ASYCUDA's selectivity module (MODSEL) decides it
 * (art.399 p.1-3, art.428 i.4, i.7; CUS-CTL-02, CUS-RMS-06, CUS-RMS-11; research/customs-anchors.md
 * "Selectivity (MODSEL)", "Capacity control"). Every draw comes from the seed, so a stored
 * decision is reproduced exactly from its seed, its hits and the settings of the day
 * (docs/risk-engine.md). Pure: no clock, no Math.random.
 */
import { sha256OfParts } from '../../../platform/crypto/sha256.ts';
import type { ProfileHit } from './evaluate.ts';
import { type Hit, LANE_RANK, type Lane, type LaneDecision, MEASURES, type Measure, type ObservedRates, type SelectivitySettings } from './model.ts';

type ControlLane = Exclude<Lane, 'green'>;

/** Capacity is filled in this order (MODSEL: red, yellow, blue, then green). */
export const FILL_ORDER: readonly ControlLane[] = ['red', 'yellow', 'blue'];

/** What a random selection asks for: red examines, yellow checks documents, blue audits after release. */
export const RANDOM_MEASURES: Readonly<Record<ControlLane, readonly Measure[]>> = {
  red: ['physical_examination'],
  yellow: ['documentary_check'],
  blue: ['post_clearance_audit'],
};

/**
 * A uniform draw in [0, 1) from the seed and a label: the first 48 bits of SHA-256(seed NUL label).
 * The same seed and label always give the same number; different labels are independent.
 */
export function draw(seed: string, label: string): number {
  const digest = sha256OfParts(seed, label);
  let n = 0;
  for (let i = 0; i < 6; i += 1) n = n * 256 + (digest[i] as number);
  return n / 2 ** 48;
}

const clamp01 = (x: number) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);

/**
 * How strongly a lane's shortfall raises its random share. With a gain of 1 the observed rate,
 * which is itself the feedback, settles near half way between what the profiles give and the
 * expected rate (o = q + (1 − S)(e − o)); with 10 the remaining shortfall is about
 * (e − q) / (1 + 10 (1 − S)), under a tenth (docs/risk-engine.md, lanes.test.ts simulates it).
 */
export const FILL_GAIN = 10;

/**
 * The observed rate of each control lane over a window of `window` decisions, given the lanes of the
 * newest decisions (`counts`, at most `window` of them). The decisions the window is still missing
 * (after go-live, or after the window was widened) count at the expected rates: with no history the
 * observed rates equal the expected ones, so no lane shows a shortfall that the fill gain would
 * amplify, and real decisions take their place one by one as they are made.
 */
export function observedShares(counts: Readonly<Partial<Record<Lane, number>>>, window: number, expected: ObservedRates): ObservedRates {
  const seen = Object.values(counts).reduce((sum, n) => sum + (n ?? 0), 0);
  const size = Math.max(window, seen, 1);
  const missing = size - seen;
  const rate = (lane: ControlLane) => ((counts[lane] ?? 0) + missing * expected[lane]) / size;
  return { red: rate('red'), yellow: rate('yellow'), blue: rate('blue') };
}

/**
 * The probability that a subject no profile selected goes to each control lane:
 *
 *   p_L = min(left_L, r × w_L + min(1, G × max(0, e_L − o_L))),  L in the order red, yellow, blue,
 *
 * where r is the minimum random rate, e_L and o_L the expected and observed rates of lane L,
 * w_L = e_L / (e_red + e_yellow + e_blue) (one third each when no rate is expected), G the
 * FILL_GAIN and left_L what the lanes before L left of 1. The random rate is thus spread like the
 * expected lane mix, and a lane whose observed rate is below its expected one gets its shortfall,
 * amplified, on top; red is filled first, so when the shares would pass 1, blue and then yellow
 * give way. Green takes the rest.
 */
export function randomShares(settings: SelectivitySettings, observed: ObservedRates): Record<ControlLane, number> {
  const r = clamp01(settings.randomRate);
  const e = { red: clamp01(settings.expectedRates.red), yellow: clamp01(settings.expectedRates.yellow), blue: clamp01(settings.expectedRates.blue) };
  const sum = e.red + e.yellow + e.blue;
  const shares = { red: 0, yellow: 0, blue: 0 };
  let left = 1;
  for (const lane of FILL_ORDER) {
    const weight = sum > 0 ? e[lane] / sum : 1 / 3;
    const gap = Math.max(0, e[lane] - clamp01(observed[lane]));
    shares[lane] = Math.min(left, r * weight + Math.min(1, FILL_GAIN * gap));
    left -= shares[lane];
  }
  return shares;
}

/** Whether one hit is selected: a draw of its own (seed + version) below its profile's percentage ("RedLane IS 40"). */
export function isSelected(hit: Pick<ProfileHit, 'versionId' | 'selectionPercent'>, seed: string): boolean {
  return draw(seed, `select:${hit.versionId}`) * 100 < hit.selectionPercent;
}

/** Selected first; then the stricter lane, the higher level (art.428 i.4), the code. */
function byPrecedence(a: ProfileHit & { selected: boolean }, b: ProfileHit & { selected: boolean }): number {
  return (
    Number(b.selected) - Number(a.selected) ||
    LANE_RANK[b.lane] - LANE_RANK[a.lane] ||
    b.level - a.level ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
    (a.versionId < b.versionId ? -1 : a.versionId > b.versionId ? 1 : 0)
  );
}

/**
 * Decides the lane (MODSEL):
 * 1. each hit is selected with its profile's selection percentage (`isSelected`);
 * 2. the strictest lane among the selected hits wins; its measures are the union of the measures
 *    of the selected hits of that lane; the hits are listed selected first, by lane, then level;
 * 3. with nothing selected, one draw against `randomShares` may route the subject to a control
 *    lane with that lane's `RANDOM_MEASURES` (basis `random`);
 * 4. otherwise green, no measures, basis `none`.
 */
export function decideLane(hits: readonly ProfileHit[], settings: SelectivitySettings, observed: ObservedRates, seed: string): LaneDecision {
  const drawn = hits.map((h) => ({ ...h, selected: isSelected(h, seed) })).sort(byPrecedence);
  const plain: Hit[] = drawn.map(({ versionId, code, items, selected }) => ({ versionId, code, items, selected }));
  const leader = drawn[0];
  if (leader?.selected) {
    const wanted = new Set<Measure>();
    for (const h of drawn) if (h.selected && h.lane === leader.lane) for (const m of h.measures) wanted.add(m);
    return { lane: leader.lane, measures: MEASURES.filter((m) => wanted.has(m)), hits: plain, basis: 'profile', seed };
  }
  const shares = randomShares(settings, observed);
  const u = draw(seed, 'random');
  let edge = 0;
  for (const lane of FILL_ORDER) {
    edge += shares[lane];
    if (u < edge) return { lane, measures: [...RANDOM_MEASURES[lane]], hits: plain, basis: 'random', seed };
  }
  return { lane: 'green', measures: [], hits: plain, basis: 'none', seed };
}
