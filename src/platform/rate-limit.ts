/**
 * A token bucket per client key (anchors §4.12: published limits, 429 with Retry-After).
 * In memory, per process: a node behind a load balancer limits its own share.
 */
export type RateLimit = { readonly isAllowed: boolean; readonly retryAfterSeconds: number };
export type RateLimiter = {
  /** Spends a token when there is one. */
  readonly take: (key: string, now?: number) => RateLimit;
  /** Whether `take` would allow now, spending nothing: a costly step before the request (a proof of work) asks first. */
  readonly peek: (key: string, now?: number) => RateLimit;
};

export function createRateLimiter(perSecond: number, burst: number, maxKeys = 100_000): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const refused = (tokens: number): RateLimit => ({ isAllowed: false, retryAfterSeconds: Math.ceil((1 - tokens) / perSecond) });
  return {
    peek(key, now = Date.now()) {
      const b = buckets.get(key);
      if (!b) return { isAllowed: true, retryAfterSeconds: 0 };
      const tokens = Math.min(burst, b.tokens + ((now - b.at) / 1000) * perSecond);
      return tokens >= 1 ? { isAllowed: true, retryAfterSeconds: 0 } : refused(tokens);
    },
    take(key, now = Date.now()) {
      let b = buckets.get(key);
      if (!b) {
        if (buckets.size >= maxKeys) buckets.clear();
        b = { tokens: burst, at: now };
        buckets.set(key, b);
      }
      b.tokens = Math.min(burst, b.tokens + ((now - b.at) / 1000) * perSecond);
      b.at = now;
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return { isAllowed: true, retryAfterSeconds: 0 };
      }
      return refused(b.tokens);
    },
  };
}
