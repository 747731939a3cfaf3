/**
 * bench/customs: a 50-item import declaration with no control, from submission to release, on the
 * PostgreSQL server through the real HTTP server (loopback), with the finance authority's simulator
 * confirming the payment over real HTTP and the outbox worker running on its timer:
 *
 *   file (signed, checked on the six grounds, assessed, registered, payment order issued)
 *   → risk management's default policy (green) → the declarant pays duty and VAT at the bank
 *   → the treasury pushes the confirmations → the worker matches them → released.
 *
 * The server (HTTP, the outbox worker) runs in a child process of its own; the load generator and the
 * treasury simulator run in this one.
 * Latency: BENCH_LATENCY declarations one after another, submission → RELEASED (p50, p95, max).
 * Throughput: BENCH_SECONDS of declarations with BENCH_CONCURRENCY in flight, released per second.
 * Baseline in the same run: storing the same 50-item declaration as a draft (one validated insert),
 * so the ratio shows what checking, assessing, registering, paying and releasing cost on top.
 *
 *   npm run bench:customs   (BENCH_PG_URL=postgres://postgres@127.0.0.1:5432/postgres)
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
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
/** CPU time (user + system, ms) a process has used, from /proc: robust to other jobs on the machine. */
const cpuMs = (pid: number | string): number => {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (USER_HZ 100)
  } catch {
    return 0; // the process ended
  }
};
/** The PostgreSQL backends serving the bench database (the server's pool, the poller): their pids. */
const backends = async (): Promise<number[]> => (await admin<{ pid: number }[]>`SELECT pid FROM pg_stat_activity WHERE datname = ${NAME}`).map((r) => r.pid);
const pct = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(q * xs.length) - 1)] as number;

// The server runs in a process of its own (as it would in production): the load generator, the
// treasury simulator and the client-side signing do not share its event loop.
if (process.env.BENCH_CUSTOMS_SERVER) {
  const database = await openDatabase({ kind: 'postgres', url: process.env.BENCH_CUSTOMS_SERVER, max: 20 });
  const c = await createContainer({ database, clock: systemClock });
  const app = await buildServer(c);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  c.customs.connectFinance({ url: process.env.BENCH_FINANCE_URL as string, secret: SECRET });
  c.worker.start(10, Number(process.env.BENCH_WORKER_LOOPS ?? 1));
  process.stdout.write(`READY ${typeof address === 'object' && address ? address.port : 0}\n`);
  process.on('SIGTERM', async () => {
    await c.worker.stop();
    await app.close();
    await c.close();
    process.exit(0);
  });
  await new Promise(() => {});
}

const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
await admin.unsafe(`CREATE DATABASE ${NAME}`);
const url = new URL(ADMIN_URL);
url.pathname = `/${NAME}`;
const database = await openDatabase({ kind: 'postgres', url: url.toString(), max: 20 });
let server: ChildProcess | undefined;

try {
  // Migrate once here, then start the server process on the migrated database.
  await (await createContainer({ database, clock: systemClock })).worker.stop();
  let base = '';
  const sim = await startFinanceSimulator({ customsUrl: () => base, secret: SECRET, retry: { attempts: 5, baseDelayMs: 50 } });
  server = spawn(
    process.execPath,
    [...(process.env.BENCH_PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : []), '--import', 'tsx', fileURLToPath(import.meta.url)],
    {
      env: { ...process.env, BENCH_CUSTOMS_SERVER: url.toString(), BENCH_FINANCE_URL: sim.url },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const port = await new Promise<string>((resolve, reject) => {
    server?.stdout?.on('data', (chunk: Buffer) => {
      const m = /READY (\d+)/.exec(chunk.toString());
      if (m) resolve(m[1] as string);
    });
    server?.on('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
  base = `http://127.0.0.1:${port}`;

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
  const stages: Record<string, number[]> = { draft: [], payload: [], filing: [], payments: [], release: [] };
  const lap = (name: string, since: number) => {
    stages[name]?.push(performance.now() - since);
    return performance.now();
  };
  /** Draft → filing → pay at the bank; resolves when customs shows RELEASED. Returns ms from filing to release. */
  async function declareAndRelease(pollMs = 2): Promise<number> {
    let mark = performance.now();
    const { id } = await call(declarant, 'POST', '/api/customs/declarations', { form: 'standard', data });
    mark = lap('draft', mark);
    const { payload } = await call(declarant, 'GET', `/api/customs/declarations/${id}/signing-payload`);
    mark = lap('payload', mark);
    const signature = await signer.sign(payload);
    const t0 = performance.now();
    const filed = await call(declarant, 'POST', `/api/customs/declarations/${id}/filing`, { signature, certificatePem: signer.certificatePem });
    mark = lap('filing', mark);
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
    mark = lap('payments', mark);
    await untilReleased(id, pollMs);
    lap('release', mark);
    return performance.now() - t0;
  }

  /**
   * Waits until customs shows the declaration RELEASED. One poller asks for every declaration in
   * flight with one query per round, so 48 waiting declarations cost the database one query, not 48.
   */
  const waiting = new Map<string, { resolve: () => void; reject: (e: Error) => void }>();
  let isPolling = false;
  function untilReleased(id: string, pollMs: number): Promise<void> {
    const done = new Promise<void>((resolve, reject) => waiting.set(id, { resolve, reject }));
    if (isPolling) return done;
    isPolling = true;
    void (async () => {
      while (waiting.size > 0) {
        const rows = await database.query<{ id: string; state: string }>('SELECT id, state FROM customs.declarations WHERE id = ANY($1::uuid[])', [
          [...waiting.keys()],
        ]);
        for (const row of rows) {
          const w = waiting.get(row.id);
          if (row.state === 'RELEASED') w?.resolve();
          else if (row.state !== 'REGISTERED') w?.reject(new Error(`unexpected state ${row.state}`));
          else continue;
          waiting.delete(row.id);
        }
        await new Promise((r) => setTimeout(r, pollMs));
      }
      isPolling = false;
    })();
    return done;
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
  const pgPids = await backends();
  const postgresCpuMs = () => pgPids.reduce((sum, pid) => sum + cpuMs(pid), 0);
  const cpuBefore = { server: cpuMs(server.pid as number), postgres: postgresCpuMs(), bench: process.cpuUsage() };
  const deadline = performance.now() + SECONDS * 1000;
  const started = performance.now();
  const throughputMs: number[] = [];
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < deadline) {
        throughputMs.push(await declareAndRelease(10));
        released += 1;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const benchCpu = process.cpuUsage(cpuBefore.bench);
  const cpu = {
    server: cpuMs(server.pid as number) - cpuBefore.server,
    postgres: postgresCpuMs() - cpuBefore.postgres,
    bench: (benchCpu.user + benchCpu.system) / 1000,
  };
  if (process.env.BENCH_STAGES) {
    const lags = await database.query<{ topic: string; n: string; lag: string; maxlag: string }>(
      `SELECT topic, count(*)::text AS n, avg(extract(epoch FROM delivered_at - created_at) * 1000)::int::text AS lag,
              max(extract(epoch FROM delivered_at - created_at) * 1000)::int::text AS maxlag
         FROM platform.outbox WHERE delivered_at IS NOT NULL GROUP BY topic ORDER BY topic`,
    );
    for (const l of lags) console.log(`  outbox ${l.topic}: ${l.n} events, mean lag ${l.lag} ms, max ${l.maxlag} ms`);
  }
  if (process.env.BENCH_STAGES)
    for (const [k, v] of Object.entries(stages)) console.log(`  stage ${k}: mean ${(v.reduce((a, b) => a + b, 0) / v.length).toFixed(1)} ms`);

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
  const perDecl = (ms: number) => (released > 0 ? (ms / released).toFixed(1) : '-');
  console.log(
    `CPU per released declaration while sustained: server ${perDecl(cpu.server)} ms, PostgreSQL ${perDecl(cpu.postgres)} ms, load generator and treasury simulator ${perDecl(cpu.bench)} ms (2 cores give ${(2000 / 200).toFixed(0)} ms per declaration at 200/s)`,
  );
  console.log(
    `targets: p95 ≤ 1000 ms one at a time: ${pct(latencyMs, 0.95) <= 1000 ? 'met' : 'NOT met'}; ≥ 200 declarations/s: ${released / elapsed >= 200 ? 'met' : 'NOT met'}`,
  );
  server.kill('SIGTERM');
  await new Promise((r) => server?.once('exit', r));
  await sim.close();
} finally {
  server?.kill('SIGKILL');
  await database.close();
  await admin.unsafe(`DROP DATABASE IF EXISTS ${NAME} WITH (FORCE)`);
  await admin.end();
}
