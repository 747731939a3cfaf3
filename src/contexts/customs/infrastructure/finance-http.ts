/**
 * The finance authority over HTTP (CUS-REL-03): customs asks for receipts with a signed GET
 * (`X-Finance-Signature` over "GET <path>?<query>"). BEKOGAZ_FINANCE_URL and BEKOGAZ_FINANCE_SECRET
 * configure it; the demo points it at the simulator (src/simulators/finance).
 */
import { fail, ok, type Result } from '../../../platform/result.ts';
import type { FinanceAuthority, FinanceReceipt, FinanceUnavailable } from '../application/payment-finance-authority.ts';
import { fromWire, SIGNATURE_HEADER, signFinance, type WireReceipt } from './finance-wire.ts';

/** Where the finance authority is and the shared secret; either may be missing (then nothing is sent). */
export type FinanceSettings = { readonly url?: string; readonly secret?: string; readonly timeoutMs?: number };

/** The settings from the environment. */
export const financeSettingsFromEnv = (env: NodeJS.ProcessEnv = process.env): FinanceSettings => ({
  url: env.BEKOGAZ_FINANCE_URL || undefined,
  secret: env.BEKOGAZ_FINANCE_SECRET || undefined,
  timeoutMs: Number(env.BEKOGAZ_FINANCE_TIMEOUT_MS ?? 5000),
});

/** An HTTP client of the finance authority; `settings` is read on every call, so a re-connection applies at once. */
export function httpFinanceAuthority(settings: () => FinanceSettings): FinanceAuthority {
  async function receipts(query: URLSearchParams): Promise<Result<FinanceReceipt[], FinanceUnavailable>> {
    const { url, secret, timeoutMs } = settings();
    if (!url || !secret) return fail('FINANCE_LINK_NOT_CONFIGURED');
    const path = `/receipts?${query.toString()}`;
    try {
      const response = await fetch(new URL(path, url), {
        headers: { [SIGNATURE_HEADER]: signFinance(secret, `GET ${path}`), accept: 'application/json' },
        signal: AbortSignal.timeout(timeoutMs ?? 5000),
      });
      if (!response.ok) return fail('FINANCE_AUTHORITY_UNAVAILABLE', undefined, { status: response.status });
      const body = (await response.json()) as { receipts?: WireReceipt[] };
      const parsed = (body.receipts ?? []).map(fromWire);
      if (parsed.some((r) => r === undefined)) return fail('FINANCE_AUTHORITY_UNAVAILABLE', undefined, { reason: 'malformed receipt' });
      return ok(parsed as FinanceReceipt[]);
    } catch (error) {
      return fail('FINANCE_AUTHORITY_UNAVAILABLE', undefined, { reason: (error as Error).name });
    }
  }
  return {
    receiptsByReference: (reference) => receipts(new URLSearchParams({ reference })),
    receiptsByPaymentOrder: (paymentOrderNumber) => receipts(new URLSearchParams({ paymentOrderNumber })),
  };
}
