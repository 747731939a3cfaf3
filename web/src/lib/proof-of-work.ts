/**
 * The solver of the "Find out TIN" challenge (TS-44): find a solution such that
 * SHA-256("<challenge>:<solution>") starts with `difficulty` zero bits. Plain TypeScript over Web
 * Crypto (`crypto.subtle`), so the same function runs in the browser and in Node 20 tests. The
 * server checks a solution with one hash; finding one costs about 2^difficulty hashes.
 */

/** The number of leading zero bits of a hash. */
export function leadingZeroBits(bytes: Uint8Array): number {
  let bits = 0;
  for (const byte of bytes) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

export type SolveOptions = {
  /** Hashes started together; Web Crypto is asynchronous, so a batch keeps it busy. */
  readonly batch?: number;
  /** Give up after this many tries (default 2^(difficulty + 6), far beyond the expected 2^difficulty). */
  readonly maxTries?: number;
  /** Stop early, e.g. when the user leaves the page. */
  readonly signal?: AbortSignal;
  /** The Web Crypto implementation; the global one by default. */
  readonly subtle?: SubtleCrypto;
};

/** Finds a solution (a decimal counter as text) for a challenge; throws when `maxTries` run out or it is aborted. */
export async function solveProofOfWork(challenge: string, difficulty: number, options: SolveOptions = {}): Promise<string> {
  const subtle = options.subtle ?? globalThis.crypto.subtle;
  const batch = options.batch ?? 256;
  const maxTries = options.maxTries ?? 2 ** Math.min(difficulty + 6, 40);
  const encoder = new TextEncoder();
  for (let start = 0; start < maxTries; start += batch) {
    options.signal?.throwIfAborted();
    const tries = Array.from({ length: Math.min(batch, maxTries - start) }, (_, i) => String(start + i));
    const hashes = await Promise.all(tries.map((t) => subtle.digest('SHA-256', encoder.encode(`${challenge}:${t}`))));
    const found = hashes.findIndex((h) => leadingZeroBits(new Uint8Array(h)) >= difficulty);
    if (found >= 0) return tries[found] as string;
  }
  throw new Error(`no solution found in ${maxTries} tries`);
}
