/**
 * bench/check: the public receipt check (p.9, p.53) with 10 million receipts stored, on the
 * PostgreSQL server; look-ups of random receipts by their QR content through the HTTP server,
 * the load generator on the same machine. Baseline in the same run: the core SQL of a look-up.
 *
 *   npm run bench:check [seconds]          (BENCH_RECEIPTS=10000000, BENCH_CHECK_CONNECTIONS=64)
 */
import { performance } from 'node:perf_hooks';
import { qrText } from '../src/contexts/fiscal/application/check-receipt.ts';
import { createBench, peakMemoryMb, startServer } from './lib/intake-setup.ts';
import { get, load, quantile } from './lib/load.ts';

const SECONDS = Number(process.argv[2] ?? 30);
const RECEIPTS = Number(process.env.BENCH_RECEIPTS ?? 10_000_000);
const CONNECTIONS = Number(process.env.BENCH_CHECK_CONNECTIONS ?? 64);
const MODULES = 500;
const PORT = 19080 + (process.pid % 1000);

const b = await createBench('check', MODULES);
const t0 = performance.now();
// Keys are what the check reads; they are made set-based, module by module, with a valid fiscal sign per row.
const per = Math.ceil(RECEIPTS / MODULES);
for (let from = 0; from < per; from += 200_000 / MODULES) {
  const to = Math.min(per, from + 200_000 / MODULES);
  await b.sql.unsafe(`
    INSERT INTO fiscal.document_keys (fiscal_module_number, number, doc_type, register_id, content_hash, fiscal_sign, prev_fiscal_sign, total, issued_at, received_at, ack)
    SELECT fm.number, n, 'receipt', fm.register_id, md5(fm.number || n), lpad(((hashtext(fm.number || n) & 2147483647) % 10000000000)::text, 10, '0'), '',
           (n % 5000) * 100 + 1900, timestamptz '2026-01-01' + (n || ' seconds')::interval, timestamptz '2026-01-01' + (n || ' seconds')::interval, '{}'
      FROM fiscal.fiscal_modules fm, generate_series(${from + 1}, ${to}) AS n`);
}
await b.sql.unsafe('ANALYZE fiscal.document_keys');
const [count] = await b.sql<{ n: string }[]>`SELECT count(*)::text AS n FROM fiscal.document_keys`;
console.log(`stored ${count?.n} receipt keys in ${((performance.now() - t0) / 1000).toFixed(0)} s`);

// Random receipts to look up, with the QR content as printed (total and time in Dushanbe).
const sample = await b.sql<{ fm: string; n: string; fs: string; total: string; issued: string }[]>`
  SELECT fiscal_module_number AS fm, number::text AS n, fiscal_sign AS fs, total::text AS total, issued_at AS issued
    FROM fiscal.document_keys TABLESAMPLE SYSTEM (0.5) LIMIT 200000`;
const qrs = sample.map((s) =>
  qrText('https://check.bekogaz.tj/r', {
    fiscalModuleNumber: s.fm,
    number: Number(s.n),
    fiscalSign: s.fs,
    total: Number(s.total),
    issuedAt: new Date(s.issued).toISOString(),
  }),
);
const requests = Array.from({ length: SECONDS * 20_000 }, (_, i) => get(`/api/public/receipts/check?qr=${encodeURIComponent(qrs[i % qrs.length] as string)}`));

const server = await startServer(b.url, PORT);
const probe = await (await fetch(`http://127.0.0.1:${PORT}/api/public/receipts/check?qr=${encodeURIComponent(qrs[0] as string)}`)).json();
if ((probe as { status: string }).status !== 'valid') throw new Error(`the probe receipt did not check as valid: ${JSON.stringify(probe)}`);
await load(PORT, requests.slice(0, 20_000), CONNECTIONS, 5); // warm-up
const result = await load(PORT, requests.slice(20_000), CONNECTIONS, SECONDS);
const memory = peakMemoryMb(server.pid as number);
server.kill('SIGTERM');
await new Promise((r) => server.once('exit', r));

const base: number[] = [];
for (let i = 0; i < 20_000; i++) {
  const s = sample[i % sample.length] as (typeof sample)[number];
  const t = performance.now();
  await b.sql`SELECT k.fiscal_sign, k.total FROM fiscal.document_keys k JOIN fiscal.registers r ON r.id = k.register_id JOIN fiscal.businesses bu ON bu.tin = r.business_tin
               WHERE k.fiscal_module_number = ${s.fm} AND k.number = ${Number(s.n)}`;
  base.push(performance.now() - t);
}
base.sort((x, y) => x - y);
const rate = result.ok / result.seconds;
const p99 = quantile(result.latencies, 0.99);
console.log(`\npublic receipt check: ${result.seconds.toFixed(1)} s, ${CONNECTIONS} connections, ${count?.n} receipts stored`);
console.log(`  answered ${result.ok} (other ${result.failed}, statuses ${JSON.stringify(Object.fromEntries(result.statuses))})`);
console.log(`  throughput ${rate.toFixed(0)} look-ups/s (${rate >= 5000 ? 'OK ≥ 5 000' : 'BELOW 5 000'})`);
console.log(
  `  latency p50 ${quantile(result.latencies, 0.5).toFixed(2)} ms, p95 ${quantile(result.latencies, 0.95).toFixed(2)} ms, p99 ${p99.toFixed(2)} ms (${p99 <= 20 ? 'OK ≤ 20' : 'OVER 20'})`,
);
console.log(`  server peak memory ${memory} MB`);
console.log(`  baseline: the look-up SQL alone, sequential: p50 ${(base[10_000] ?? 0).toFixed(2)} ms, p99 ${(base[19_800] ?? 0).toFixed(2)} ms`);
await b.drop();
