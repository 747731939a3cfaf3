/**
 * bench/cashdesk: the virtual register's fiscal module (issue #4). On the PostgreSQL server, with
 * the operator's server in a child process:
 *  1. online: forming and signing a receipt in the software fiscal module (durable on disk), each
 *     sent to the operator at once and its acknowledgement checked by the module — p99 of forming
 *     and signing ≤ 20 ms;
 *  2. offline: 10 000 receipts formed without the operator, then the queue synchronised as the
 *     register does (batches of 1 000, every acknowledgement checked) — ≤ 60 s.
 * Baseline in the same run: the same receipts sealed by the scheme alone (canonical JSON, fiscal
 * sign, MAC) with no module state and no disk.
 *
 *   npm run bench:cashdesk          (BENCH_ONLINE=2000 BENCH_OFFLINE=10000)
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sealModuleKeys } from '../src/contexts/fiscal/application/module-key-store.ts';
import { openSoftwareFiscalModule } from '../src/contexts/cashdesk/infrastructure/fiscal-module/software-fiscal-module.ts';
import { canonicalJson } from '../src/platform/canonical-json.ts';
import { lineAmount, lineTax } from '../src/platform/fiscal-amounts.ts';
import { createFiscalScheme } from '../src/contexts/fiscal/domain/fiscal-scheme.ts';
import { createBench, percentile, startServer } from './lib/intake-setup.ts';

const ONLINE = Number(process.env.BENCH_ONLINE ?? 2000);
const OFFLINE = Number(process.env.BENCH_OFFLINE ?? 10_000);
const PORT = 21080 + (process.pid % 1000);
const scheme = createFiscalScheme();

const b = await createBench('cashdesk', 1);
const m = b.modules[0]!;
const dir = await mkdtemp(join(tmpdir(), 'bekogaz-bench-module-'));
const module = await openSoftwareFiscalModule({ directory: dir });
const unwrap = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};
// Commissioning (p.81): the module's own key pair goes to the registry, as the TSC's initialise does.
const { publicKey } = unwrap(await module.personalise());
const keys = scheme.deriveModuleKeys(b.operator.privateKey, Buffer.from(publicKey, 'hex'), m.number);
await b.sql`UPDATE fiscal.fiscal_modules SET public_key = ${publicKey}, sealed_keys = ${sealModuleKeys(b.operator.privateKey, m.number, keys)} WHERE number = ${m.number}`;
unwrap(await module.initialise({ operatorPublicKey: Buffer.from(b.operator.publicKey).toString('hex'), moduleNumber: m.number, registerNumber: m.register }));

const server = await startServer(b.url, PORT);
const base = `http://127.0.0.1:${PORT}`;
const lines = [
  { name: 'Нон', quantity: 2000, unit: 'дона', price: 350 },
  { name: 'Шир 1 л', quantity: 1000, unit: 'дона', price: 1200 },
].map((l) => {
  const amount = lineAmount(l.quantity, l.price);
  return { ...l, amount, tax: { kind: 'vat' as const, rateBp: 1400, amount: lineTax(amount, 'vat', 1400) } };
});
const total = lines.reduce((s, l) => s + l.amount, 0);
const receipt = {
  operation: 'sale' as const,
  lines,
  payment: { cash: total, nonCash: 0 },
  total,
  taxTotal: lines.reduce((s, l) => s + l.tax.amount, 0),
  business: { tin: m.tin, name: `ҶДММ «Савдо 1»` },
  address: 'ш. Душанбе, к. Рӯдакӣ 1',
};
const at = () => new Date().toISOString();
const post = async (path: string, body: string) => {
  const r = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  if (r.status !== 200) throw new Error(`${path}: ${r.status} ${await r.text()}`);
  return r.text();
};

// 1. Online.
unwrap(await module.openShift({ registerNumber: m.register, at: at(), isOffline: false }));
for (const d of unwrap(await module.pendingDocuments()))
  unwrap(await module.acceptAck({ ack: await post('/api/fiscal/intake/documents', JSON.stringify(d)), at: at() }));
const forming: number[] = [];
const roundTrip: number[] = [];
for (let i = 0; i < ONLINE; i++) {
  const t0 = performance.now();
  const doc = unwrap(await module.formReceipt({ registerNumber: m.register, at: at(), isOffline: false, receipt }));
  const t1 = performance.now();
  unwrap(await module.acceptAck({ ack: await post('/api/fiscal/intake/documents', JSON.stringify(doc)), at: at() }));
  forming.push(t1 - t0);
  roundTrip.push(performance.now() - t0);
}

// 2. Offline, then synchronisation.
const offlineForming: number[] = [];
for (let i = 0; i < OFFLINE; i++) {
  const t0 = performance.now();
  unwrap(await module.formReceipt({ registerNumber: m.register, at: at(), isOffline: true, receipt }));
  offlineForming.push(performance.now() - t0);
}
const s0 = performance.now();
let synced = 0;
for (;;) {
  const pending = unwrap(await module.pendingDocuments());
  if (pending.length === 0) break;
  const batch = pending.slice(0, 1000);
  const answer = JSON.parse(await post('/api/fiscal/intake/batches', JSON.stringify({ documents: batch }))) as { results: { status: string; ack?: string }[] };
  const acks = answer.results.map((r) => {
    if (!r.ack) throw new Error(`refused in the batch: ${JSON.stringify(r)}`);
    return r.ack;
  });
  for (const r of unwrap(await module.acceptAcks({ acks, at: at() }))) unwrap(r);
  synced += acks.length;
}
const syncSeconds = (performance.now() - s0) / 1000;
server.kill('SIGTERM');
await new Promise((r) => server.once('exit', r));
const [stored] = await b.sql<{ n: string }[]>`SELECT count(*)::text AS n FROM fiscal.document_keys WHERE fiscal_module_number = ${m.number}`;

// Baseline: the same sealing by the scheme alone, in memory.
const baseline: number[] = [];
for (let i = 0; i < ONLINE; i++) {
  const t0 = performance.now();
  const core = {
    ...receipt,
    type: 'receipt',
    fiscalModuleNumber: m.number,
    number: i + 1,
    prevFiscalSign: '',
    registerNumber: m.register,
    shiftNumber: 1,
    issuedAt: at(),
    isOffline: false,
    receiptNumber: i + 1,
  };
  const fiscalSign = scheme.fiscalSign(keys, Buffer.from(canonicalJson(core)));
  scheme.documentMac(keys, Buffer.from(canonicalJson({ ...core, fiscalSign })));
  baseline.push(performance.now() - t0);
}
const f = (xs: number[], q: number) => percentile(xs, q).toFixed(2);
console.log(`\nvirtual register's software fiscal module (state on disk, fsync per document)`);
console.log(
  `  online, ${ONLINE} receipts: forming and signing p50 ${f(forming, 0.5)} ms, p95 ${f(forming, 0.95)} ms, p99 ${f(forming, 0.99)} ms (${percentile(forming, 0.99) <= 20 ? 'OK ≤ 20' : 'OVER 20'}); with the operator's acknowledgement p99 ${f(roundTrip, 0.99)} ms`,
);
console.log(
  `  offline, ${OFFLINE} receipts formed: p50 ${f(offlineForming, 0.5)} ms, p99 ${f(offlineForming, 0.99)} ms, slowest ${Math.max(...offlineForming).toFixed(2)} ms`,
);
console.log(
  `  synchronisation: ${synced} queued receipts sent and acknowledged in ${syncSeconds.toFixed(1)} s (${syncSeconds <= 60 ? 'OK ≤ 60' : 'OVER 60'}); the operator holds ${stored?.n} documents of the module`,
);
console.log(
  `  baseline: sealing by the scheme alone p50 ${f(baseline, 0.5)} ms, p99 ${f(baseline, 0.99)} ms; module / baseline at p99 = ${(percentile(forming, 0.99) / percentile(baseline, 0.99)).toFixed(1)}`,
);
await rm(dir, { recursive: true, force: true });
await b.drop();
