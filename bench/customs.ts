/**
 * bench/customs: a 50-item import declaration with no control, from submission to release, on the
 * PostgreSQL server through the real HTTP server (loopback), with the finance authority's simulator
 * confirming the payment over real HTTP and the outbox worker running on its timer:
 *
 *   file (signed, checked on the six grounds, assessed, registered, payment order issued)
 *   → risk management's default policy (green) → the declarant pays duty and VAT at the bank
 *   → the treasury pushes the confirmations → the worker matches them → released.
 *
 * Latency: BENCH_LATENCY declarations one after another, submission → RELEASED (p50, p95, max).
 * Throughput: BENCH_SECONDS of declarations with BENCH_CONCURRENCY in flight, released per second.
 * Baseline in the same run: storing the same 50-item declaration as a draft (one validated insert),
 * so the ratio shows what checking, assessing, registering, paying and releasing cost on top.
 *
 *   npm run bench:customs   (BENCH_PG_URL=postgres://postgres@127.0.0.1:5432/postgres)
 */
import { performance } from 'node:perf_hooks';
import postgres from 'postgres';
import { createContainer } from '../src/app/container.ts';
import { buildServer } from '../src/app/server.ts';
import type { DeclarationData } from '../src/contexts/customs/domain/declaration.ts';
import { BUDGET_CODES } from '../src/contexts/customs/domain/payments.ts';
import { createAccount } from '../src/platform/auth.ts';
import { systemClock } from '../src/platform/clock.ts';
import { openDatabase } from '../src/platform/db.ts';
import { startFinanceSimulator } from '../src/simulators/finance/server.ts';
import { importDeclaration, testAuthority } from '../test/customs-fixtures.ts';

const LATENCY = Number(process.env.BENCH_LATENCY ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 48);
const ITEMS = 50;
const ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const NAME = `bekogaz_bench_customs_${process.pid}`;
const SECRET = 'bench-finance-secret';
const pct = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(q * xs.length) - 1)] as number;

const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
await admin.unsafe(`CREATE DATABASE ${NAME}`);
const url = new URL(ADMIN_URL);
url.pathname = `/${NAME}`;
const database = await openDatabase({ kind: 'postgres', url: url.toString(), max: 20 });

try {
  const c = await createContainer({ database, clock: systemClock });
  const app = await buildServer(c);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const sim = await startFinanceSimulator({ customsUrl: base, secret: SECRET, retry: { attempts: 5, baseDelayMs: 50 } });
  c.customs.connectFinance({ url: sim.url, secret: SECRET });
  c.worker.start(10);

  const now = new Date();
  await createAccount(database.db, { role: 'declarant', login: 'bench-declarant', secret: 'bench-123456', displayName: 'bench', tin: '010000101' }, now);
  await createAccount(database.db, { role: 'customs_officer', login: 'bench-officer', secret: 'bench-123456', displayName: 'bench' }, now);
  const token = async (login: string) =>
    (
      (await (
        await fetch(`${base}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ login, secret: 'bench-123456' }),
        })
      ).json()) as { token: string }
    ).token;
  const declarant = await token('bench-declarant');
  const officer = await token('bench-officer');
  const call = async (as: string, method: string, path: string, body?: unknown) => {
    const r = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${as}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json = (await r.json()) as any;
    if (r.status >= 400) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(json)}`);
    return json;
  };

  const ca = await testAuthority('Bench CA');
  await call(officer, 'POST', '/api/customs/trusted-issuers', { name: 'Bench CA', certificatePem: ca.certificatePem });
  const signer = await ca.signer('010000101');
  const doc = async (label: string) =>
    (
      await call(declarant, 'POST', '/api/customs/documents', {
        fileName: `${label}.pdf`,
        mediaType: 'application/pdf',
        contentBase64: Buffer.from(`%PDF ${label}`).toString('base64'),
      })
    ).sha256 as string;
  const docs = { invoice: await doc('invoice'), contract: await doc('contract'), cmr: await doc('cmr') };

  // 50 items: smartphones and sugar alternating, 100.00 USD each.
  const template = importDeclaration(docs);
  const [phones, sugar] = template.items as [DeclarationData['items'][0], DeclarationData['items'][0]];
  const data: DeclarationData = {
    ...template,
    invoiceTotal: (ITEMS * 100).toFixed(2),
    items: Array.from({ length: ITEMS }, (_, i) => ({ ...(i % 2 === 0 ? phones : sugar), number: i + 1, invoiceAmount: '100.00' })),
  };

  let orderNo = 0;
  /** Draft → filing → pay at the bank; resolves when customs shows RELEASED. Returns ms from filing to release. */
  async function declareAndRelease(): Promise<number> {
    const { id } = await call(declarant, 'POST', '/api/customs/declarations', { form: 'standard', data });
    const { payload } = await call(declarant, 'GET', `/api/customs/declarations/${id}/signing-payload`);
    const signature = await signer.sign(payload);
    const t0 = performance.now();
    const filed = await call(declarant, 'POST', `/api/customs/declarations/${id}/filing`, { signature, certificatePem: signer.certificatePem });
    for (const [kind, amount] of [
      ['duty', filed.assessment.dutyDirams],
      ['vat', filed.assessment.vatDirams],
    ] as const) {
      orderNo += 1;
      const r = await fetch(`${sim.url}/payments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          payerTin: '010000101',
          reference: filed.number,
          budgetCode: BUDGET_CODES[kind],
          amountDirams: amount,
          paymentOrderNumber: `PP-${orderNo}`,
          paymentOrderDate: now.toISOString().slice(0, 10),
        }),
      });
      if (r.status !== 201) throw new Error(`payment: ${r.status} ${await r.text()}`);
    }
    for (;;) {
      const [row] = await database.query<{ state: string }>('SELECT state FROM customs.declarations WHERE id = $1', [id]);
      if (row?.state === 'RELEASED') return performance.now() - t0;
      if (row?.state !== 'REGISTERED') throw new Error(`unexpected state ${row?.state}`);
      await new Promise((r) => setTimeout(r, 2));
    }
  }

  // Warm up, then the baseline: the same declaration stored as a draft.
  for (let i = 0; i < 10; i++) await declareAndRelease();
  const baselineMs: number[] = [];
  for (let i = 0; i < LATENCY; i++) {
    const t = performance.now();
    await call(declarant, 'POST', '/api/customs/declarations', { form: 'standard', data });
    baselineMs.push(performance.now() - t);
  }

  const latencyMs: number[] = [];
  for (let i = 0; i < LATENCY; i++) latencyMs.push(await declareAndRelease());

  let released = 0;
  const deadline = performance.now() + SECONDS * 1000;
  const started = performance.now();
  const throughputMs: number[] = [];
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < deadline) {
        throughputMs.push(await declareAndRelease());
        released += 1;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const rss = process.memoryUsage().rss / 1024 / 1024;

  const fmt = (x: number) => x.toFixed(1);
  console.log(`bench/customs on PostgreSQL, ${ITEMS}-item import declarations, no control, payment confirmed by the treasury simulator over HTTP`);
  console.log(
    `submission → release, one at a time (${LATENCY}): p50 ${fmt(pct(latencyMs, 0.5))} ms, p95 ${fmt(pct(latencyMs, 0.95))} ms, max ${fmt(Math.max(...latencyMs))} ms`,
  );
  console.log(`baseline, the same declaration stored as a draft (${LATENCY}): p50 ${fmt(pct(baselineMs, 0.5))} ms, p95 ${fmt(pct(baselineMs, 0.95))} ms`);
  console.log(`ratio p95 submission→release / p95 baseline: ${(pct(latencyMs, 0.95) / pct(baselineMs, 0.95)).toFixed(2)}`);
  console.log(
    `sustained with ${CONCURRENCY} in flight for ${fmt(elapsed)} s: ${released} released, ${(released / elapsed).toFixed(1)} declarations/s; under load submission → release p50 ${fmt(pct(throughputMs, 0.5))} ms, p95 ${fmt(pct(throughputMs, 0.95))} ms`,
  );
  console.log(
    `targets: p95 ≤ 1000 ms one at a time: ${pct(latencyMs, 0.95) <= 1000 ? 'met' : 'NOT met'}; ≥ 200 declarations/s: ${released / elapsed >= 200 ? 'met' : 'NOT met'}; RSS ${fmt(rss)} MB`,
  );
  await c.worker.stop();
  await sim.close();
  await app.close();
  await c.close();
} finally {
  await admin.unsafe(`DROP DATABASE IF EXISTS ${NAME} WITH (FORCE)`);
  await admin.end();
}
