/**
 * Completion-time percentiles from a log-scale histogram (the DDSketch idea): a request's net time
 * in seconds falls in a bucket whose bounds grow by GAMMA; the value reported for a bucket is within
 * (GAMMA − 1) / (GAMMA + 1) ≈ 2.44 % of every time in it, so a median or 95th percentile read from
 * the counts is within 2.5 % of the exact one, whatever the number of requests (TS-32). A finer
 * bucket multiplies the rows the dashboard reads (docs/tax-services.md, bench/tax-services.ts).
 */
export const GAMMA = 1.05;
const LOG_GAMMA = Math.log(GAMMA);

/** Bucket 0 holds times under one second; bucket b ≥ 1 holds (GAMMA^(b−2), GAMMA^(b−1)]. */
export function bucketOf(seconds: number): number {
  if (!(seconds >= 1)) return 0;
  return 1 + Math.max(0, Math.ceil(Math.log(seconds) / LOG_GAMMA - 1e-9));
}

/** The representative time of a bucket: the value closest, in relative terms, to everything in it. */
export function bucketValue(bucket: number): number {
  if (bucket <= 0) return 0;
  return (2 * GAMMA ** (bucket - 1)) / (GAMMA + 1);
}

/**
 * The nearest-rank percentile (0 < p ≤ 1) of the times counted in `counts` (bucket → number);
 * null when there is none.
 */
export function percentileOf(counts: ReadonlyMap<number, number>, p: number): number | null {
  let total = 0;
  for (const n of counts.values()) total += n;
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(p * total));
  let seen = 0;
  for (const bucket of [...counts.keys()].sort((a, b) => a - b)) {
    seen += counts.get(bucket) ?? 0;
    if (seen >= rank) return bucketValue(bucket);
  }
  return null;
}
