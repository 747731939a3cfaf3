/**
 * bench/storm: a retry storm against the intake. 200 000 receipts are sent in random order with
 * random duplicates, some connections are dropped right after the request is written, and the
 * server is killed (SIGKILL) and restarted once in the middle; every receipt is retried until it
 * is acknowledged. Afterwards the database must hold exactly 200 000 receipts, no duplicate, and
 * every acknowledgement the clients received must be the one stored.
 *
 *   npm run bench:storm                 (BENCH_STORM_RECEIPTS=200000)
 */
import { connect } from 'node:net';
import { performance } from 'node:perf_hooks';
import { createBench, nextReceipt, plainInsertRate, startServer } from './lib/intake-setup.ts';
import { post } from './lib/load.ts';

const TOTAL = Number(process.env.BENCH_STORM_RECEIPTS ?? 200_000);
const MODULES = 400;
const LANES = 128;
const DUPLICATE_SHARE = 0.2;
const DROP_SHARE = 0.03;
const PORT = 20080 + (process.pid % 1000);

const b = await createBench('storm', MODULES);
const docs = Array.from({ length: TOTAL }, (_, i) => nextReceipt(b.modules[i % MODULES]!, Date.now() - 3_600_000 + Math.floor(i / MODULES) * 1000));
const requests = docs.map((d) => post('/api/fiscal/intake/documents', d.json));
// The work list: every receipt once plus random duplicates, shuffled (documents of a module arrive out of order).
const work: number[] = [...docs.keys()];
for (let i = 0; i < TOTAL * DUPLICATE_SHARE; i++) work.push(Math.floor(Math.random() * TOTAL));
for (let i = work.length - 1; i > 0; i--) {
  const j = Math.floor(Math.random() * (i + 1));
  [work[i], work[j]] = [work[j] as number, work[i] as number];
}

const acks: (string | undefined)[] = new Array(TOTAL);
let acked = 0;
let sends = 0;
let drops = 0;
let refused = 0;
let connectionErrors = 0;
const mismatched: number[] = [];
let server = await startServer(b.url, PORT);
let restarting: Promise<void> | undefined;
let killedAt = 0;
const started = performance.now();

function send(index: number): Promise<'ok' | 'retry'> {
  return new Promise((resolve) => {
    const socket = connect({ port: PORT, host: '127.0.0.1', noDelay: true });
    let buffer = Buffer.alloc(0);
    let settled = false;
    const done = (r: 'ok' | 'retry') => {
      if (settled) return;
      settled = true;
      socket.destroy();
      resolve(r);
    };
    socket.on('connect', () => {
      sends += 1;
      socket.write(requests[index] as Buffer);
      if (Math.random() < DROP_SHARE) {
        drops += 1;
        // Dropped after the write: the server may or may not have stored it; the client cannot know.
        setTimeout(() => done('retry'), Math.random() * 5);
      }
    });
    socket.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      const head = buffer.indexOf('\r\n\r\n');
      if (head < 0) return;
      const headers = buffer.subarray(0, head).toString('latin1');
      const length = Number(/content-length:\s*(\d+)/i.exec(headers)?.[1] ?? 0);
      if (buffer.length < head + 4 + length) return;
      const status = Number(headers.slice(9, 12));
      const body = buffer.subarray(head + 4, head + 4 + length).toString('utf8');
      if (status !== 200) {
        refused += 1;
        return done('retry');
      }
      if (acks[index] === undefined) {
        acks[index] = body;
        acked += 1;
      } else if (acks[index] !== body) {
        mismatched.push(index);
        if (mismatched.length <= 2) console.log(`  resubmission ${index} answered differently:\n    first ${acks[index]}\n    then  ${body}`);
      }
      done('ok');
    });
    socket.on('error', () => {
      connectionErrors += 1;
      done('retry');
    });
    // A server killed mid-request may close the connection without an error (FIN, no answer).
    socket.on('close', () => done('retry'));
    socket.setTimeout(30_000, () => done('retry'));
  });
}

async function restart() {
  // SIGKILL once, half way: no chance to drain; what was acknowledged must be on disk.
  killedAt = acked;
  server.kill('SIGKILL');
  await new Promise((r) => server.once('exit', r));
  server = await startServer(b.url, PORT);
}

let cursor = 0;
const retries: number[] = [];
async function lane() {
  for (;;) {
    const index = retries.length > 0 ? (retries.shift() as number) : cursor < work.length ? (work[cursor++] as number) : undefined;
    if (index === undefined) {
      if (acked >= TOTAL) return;
      // Other lanes may still requeue work; look again shortly.
      await new Promise((r) => setTimeout(r, 20));
      if (retries.length === 0 && cursor >= work.length && acked >= TOTAL) return;
      continue;
    }
    if (!restarting && killedAt === 0 && acked >= TOTAL / 2) restarting = restart().finally(() => (restarting = undefined));
    if (restarting) await restarting;
    const r = await send(index);
    if (r === 'retry') {
      retries.push(index);
      await new Promise((res) => setTimeout(res, 10 + Math.random() * 40));
    }
  }
}
await Promise.all(Array.from({ length: LANES }, lane));
const seconds = (performance.now() - started) / 1000;
// Every receipt once more: each must get back the acknowledgement first received, byte for byte.
// The storm's random drops go on here too: a dropped look-up is sent again, only an answer counts.
for (let i = 0; i < TOTAL; i += 97) {
  let tries = 0;
  while ((await send(i)) !== 'ok') {
    tries += 1;
    if (tries === 20) {
      mismatched.push(i);
      break;
    }
  }
}
server.kill('SIGTERM');
await new Promise((r) => server.once('exit', r));

const [counts] = await b.sql<{ keys: string; docs: string; distinct: string }[]>`
  SELECT (SELECT count(*) FROM fiscal.document_keys)::text AS keys, (SELECT count(*) FROM fiscal.documents)::text AS docs,
         (SELECT count(*) FROM (SELECT DISTINCT fiscal_module_number, number FROM fiscal.documents) d)::text AS distinct`;
const stored = await b.sql<{ fm: string; n: string; ack: string }[]>`SELECT fiscal_module_number AS fm, number::text AS n, ack FROM fiscal.document_keys`;
const storedAck = new Map(stored.map((s) => [`${s.fm}#${s.n}`, s.ack]));
let missing = 0;
let differing = 0;
docs.forEach((d, i) => {
  const s = storedAck.get(`${d.fiscalModuleNumber}#${d.number}`);
  if (s === undefined) missing += 1;
  else if (s !== acks[i]) differing += 1;
});
const ok =
  Number(counts?.keys) === TOTAL &&
  Number(counts?.docs) === TOTAL &&
  Number(counts?.distinct) === TOTAL &&
  missing === 0 &&
  differing === 0 &&
  mismatched.length === 0;
const base = await plainInsertRate(
  b,
  docs.slice(0, 100_000).map((d) => d.json),
);
console.log(`\nretry storm: ${TOTAL} receipts, ${work.length - TOTAL} duplicates, ${LANES} lanes, ${seconds.toFixed(0)} s`);
console.log(`  requests ${sends}, dropped after writing ${drops}, connection errors ${connectionErrors}, non-200 answers ${refused}`);
console.log(`  server killed with SIGKILL after ${killedAt} acknowledgements and restarted`);
console.log(`  stored: ${counts?.keys} keys, ${counts?.docs} documents, ${counts?.distinct} distinct (module, number)`);
console.log(
  `  acknowledged receipts missing from the store: ${missing}; stored acknowledgement differing from the one received: ${differing}; resubmissions answered differently: ${mismatched.length}`,
);
console.log(`  ${(TOTAL / seconds).toFixed(0)} receipts/s through the storm; baseline: plain batched INSERT of the same rows ${base.toFixed(0)} rows/s`);
console.log(`  ${ok ? `OK: exactly ${TOTAL} stored, no duplicate, every acknowledged receipt present with its acknowledgement` : 'FAILED'}`);
await b.drop();
if (!ok) process.exitCode = 1;
