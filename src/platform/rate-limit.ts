/**
 * A token bucket per client key (anchors §4.12: published limits, 429 with Retry-After).
 * In memory, per process: a node behind a load balancer limits its own share.
 */
export type RateLimiter = { readonly take: (key: string, now?: number) => { readonly isAllowed: boolean; readonly retryAfterSeconds: number } };

export function createRateLimiter(perSecond: number, burst: number, maxKeys = 100_000): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
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
      return { isAllowed: false, retryAfterSeconds: Math.ceil((1 - b.tokens) / perSecond) };
    },
  };
}
