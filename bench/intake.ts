/**
 * bench/intake: sustained single-document submissions and offline batches on the PostgreSQL
 * server, the server in its own process (its peak memory is read from /proc), the load generator
 * here. Baseline in the same run: a plain batched INSERT of the same rows into the same tables.
 *
 *   npm run bench:intake -- single|batch [seconds]     (defaults: both, 60 s)
 */
import { createBench, nextReceipt, peakMemoryMb, plainInsertRate, startServer, type Bench } from './lib/intake-setup.ts';
import { load, post, quantile } from './lib/load.ts';

const modes = (process.argv[2] ?? 'single,batch').split(',');
const SECONDS = Number(process.argv[3] ?? 60);
const MODULES = Number(process.env.BENCH_MODULES ?? 500);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 384);
const BATCH_CONNECTIONS = Number(process.env.BENCH_BATCH_CONNECTIONS ?? 8);
const PORT = 18080 + (process.pid % 1000);

function makeDocs(b: Bench, count: number): string[] {
  const out: string[] = new Array(count);
  const start = Date.now() - 3_600_000;
  for (let i = 0; i < count; i++) {
    // Round-robin over the modules: two documents of one module are rarely in flight together.
    out[i] = nextReceipt(b.modules[i % b.modules.length]!, start + Math.floor(i / b.modules.length) * 1000).json;
  }
  return out;
}

async function single(): Promise<void> {
  const b = await createBench('single', MODULES);
  const docs = makeDocs(b, Math.ceil(SECONDS * 7000) + 20_000);
  const requests = docs.map((d) => post('/api/fiscal/intake/documents', d));
  const server = await startServer(b.url, PORT);
  const result = await load(PORT, requests, CONNECTIONS, SECONDS);
  const memory = peakMemoryMb(server.pid as number);
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  const [stored] = await b.sql<{ n: string }[]>`SELECT count(*)::text AS n FROM fiscal.document_keys`;
  const rate = result.ok / result.seconds;
  const p99 = quantile(result.latencies, 0.99);
  const base = await plainInsertRate(b, docs.slice(0, 100_000));
  console.log(
    `\nsingle documents: ${result.seconds.toFixed(1)} s, ${CONNECTIONS} connections, ${MODULES} registers, every receipt MAC- and fiscal-sign-checked`,
  );
  console.log(
    `  accepted ${result.ok} of ${result.sent} sent (failed ${result.failed}, statuses ${JSON.stringify(Object.fromEntries(result.statuses))}); stored ${stored?.n}`,
  );
  console.log(`  throughput ${rate.toFixed(0)} receipts/s (${rate >= 5000 ? 'OK ≥ 5 000' : 'BELOW 5 000'})`);
  console.log(
    `  acknowledgement latency p50 ${quantile(result.latencies, 0.5).toFixed(1)} ms, p95 ${quantile(result.latencies, 0.95).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms (${p99 <= 200 ? 'OK ≤ 200' : 'OVER 200'})`,
  );
  console.log(`  server peak memory ${memory} MB (${memory <= 512 ? 'OK ≤ 512' : 'OVER 512'})`);
  console.log(`  baseline: plain batched INSERT of the same rows ${base.toFixed(0)} rows/s; intake / baseline = ${(rate / base).toFixed(2)}`);
  await b.drop();
}

async function batch(): Promise<void> {
  const b = await createBench('batch', MODULES);
  const SIZE = 1000;
  // Documents are made before the clock starts; BENCH_BATCH_DOCS bounds the load generator's
  // memory (3.6 million sealed documents do not fit its heap). The run ends when they are all sent.
  const docs = makeDocs(b, Math.min(Math.ceil(SECONDS * 60_000) + 50_000, Number(process.env.BENCH_BATCH_DOCS ?? 700_000)));
  // Each batch carries 2 documents of each of 500 registers, as offline catch-up does.
  const requests: Buffer[] = [];
  for (let i = 0; i + SIZE <= docs.length; i += SIZE) requests.push(post('/api/fiscal/intake/batches', `{"documents":[${docs.slice(i, i + SIZE).join(',')}]}`));
  const server = await startServer(b.url, PORT + 1);
  const result = await load(PORT + 1, requests, BATCH_CONNECTIONS, SECONDS);
  const memory = peakMemoryMb(server.pid as number);
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  const [stored] = await b.sql<{ n: string }[]>`SELECT count(*)::text AS n FROM fiscal.document_keys`;
  const rate = (result.ok * SIZE) / result.seconds;
  const base = await plainInsertRate(b, docs.slice(docs.length - 100_000));
  console.log(`\nbatches of ${SIZE}: ${result.seconds.toFixed(1)} s, ${BATCH_CONNECTIONS} connections`);
  console.log(`  batches accepted ${result.ok} of ${result.sent} (failed ${result.failed}); documents stored ${stored?.n}`);
  console.log(
    `  throughput ${rate.toFixed(0)} receipts/s (${rate >= 40_000 ? 'OK ≥ 40 000' : 'BELOW 40 000'}); batch latency p50 ${quantile(result.latencies, 0.5).toFixed(0)} ms, p99 ${quantile(result.latencies, 0.99).toFixed(0)} ms`,
  );
  console.log(`  server peak memory ${memory} MB`);
  console.log(`  baseline: plain batched INSERT of the same rows ${base.toFixed(0)} rows/s; intake / baseline = ${(rate / base).toFixed(2)}`);
  await b.drop();
}

if (modes.includes('single')) await single();
if (modes.includes('batch')) await batch();
