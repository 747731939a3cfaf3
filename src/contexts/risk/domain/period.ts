/** A period of Dushanbe days for reports, queues and simulations. Pure. */
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { RiskErrorCode } from './errors.ts';

/** A real YYYY-MM-DD day between 1900 and 9998 (a pattern lets 30 February or year 0 through; PostgreSQL does not). */
export function isRealDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const year = Number(s.slice(0, 4));
  return year >= 1900 && year <= 9998 && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
}

/** Both days real, the end not before the start. */
export function checkPeriod(p: { readonly from?: string; readonly to?: string }, where: 'query' | 'body'): Result<void, Failure<RiskErrorCode>> {
  if (p.from !== undefined && !isRealDay(p.from)) return fail('RISK_PERIOD_INVALID', `${where}.from`);
  if (p.to !== undefined && !isRealDay(p.to)) return fail('RISK_PERIOD_INVALID', `${where}.to`);
  if (p.from !== undefined && p.to !== undefined && p.to < p.from) return fail('RISK_PERIOD_INVALID', `${where}.to`);
  return ok(undefined);
}
