import { randomBytes } from 'node:crypto';
import { type FinanceSimulator, startFinanceSimulator } from './server.ts';

/**
 * `bekogaz demo`: starts the finance authority's simulator beside the product and points customs at
 * it, unless BEKOGAZ_FINANCE_URL names a finance authority already. The shared secret is
 * BEKOGAZ_FINANCE_SECRET or a fresh random one; the port BEKOGAZ_FINANCE_PORT or any free one.
 */
export async function startDemoFinance(
  customsUrl: string,
  connect: (settings: { url: string; secret: string }) => void,
  env: NodeJS.ProcessEnv = process.env,
): Promise<FinanceSimulator | undefined> {
  if (env.BEKOGAZ_FINANCE_URL) return undefined;
  const secret = env.BEKOGAZ_FINANCE_SECRET || randomBytes(32).toString('hex');
  const simulator = await startFinanceSimulator({ port: Number(env.BEKOGAZ_FINANCE_PORT ?? 0), customsUrl, secret });
  connect({ url: simulator.url, secret });
  console.log(`  Finance authority simulator: ${simulator.url} (POST /payments, GET /receipts; docs/customs-payments.md)`);
  return simulator;
}
