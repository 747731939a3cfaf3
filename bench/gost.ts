/**
 * bench/gost: per-core rates (one thread) of the GOST primitives and of the FS1 per-document check
 * (docs/fiscal-crypto.md, research/stack.md trap 11), each next to a native baseline measured in the
 * same run: Node's HMAC-SHA256 over the same bytes for the symmetric rows, Node's ECDSA P-256 for the
 * signature rows. Prints ops/s and the ratio baseline / GOST.
 *
 *   node --import tsx bench/gost.ts            (BENCH_SECONDS=1 per row)
 */
import { createHmac, diffieHellman, generateKeyPairSync, randomBytes, sign as nativeSign, verify as nativeVerify } from 'node:crypto';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { createFiscalScheme, verifyDocumentMac, verifyFiscalSign } from '../src/contexts/fiscal/domain/fiscal-scheme.ts';
import { generateKeyPair, gost28147Mac, signDigest, streebog256, verifyDigest } from '../src/platform/crypto/gost.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 1);

/** Calls `op` in batches for SECONDS (after a short warm-up) and returns calls per second. */
function rate(op: () => unknown): number {
  const warmUntil = performance.now() + 100;
  while (performance.now() < warmUntil) op();
  let calls = 0;
  let batch = 1;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < SECONDS * 1000) {
    for (let i = 0; i < batch; i++) op();
    calls += batch;
    elapsed = performance.now() - start;
    if (elapsed < 50) batch *= 2;
  }
  return (calls * 1000) / elapsed;
}

const rows: { name: string; gost: number; baselineName: string; baseline: number }[] = [];
function row(name: string, gost: () => unknown, baselineName: string, baseline: () => unknown) {
  rows.push({ name, gost: rate(gost), baselineName, baseline: rate(baseline) });
  const r = rows.at(-1)!;
  console.log(
    `${name.padEnd(52)} ${fmt(r.gost).padStart(10)} ops/s   ${baselineName.padEnd(34)} ${fmt(r.baseline).padStart(10)} ops/s   ×${(r.baseline / r.gost).toFixed(1)}`,
  );
}
const fmt = (n: number) => (n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(1));

const key = randomBytes(32);
const hmac = (data: Uint8Array) => createHmac('sha256', key).update(data).digest();
const bytes = (n: number) => new Uint8Array(randomBytes(n));
const b256 = bytes(256);
const b1024 = bytes(1024);
const document = bytes(600);
const core = document.subarray(0, 200); // the fiscal data of the receipt: a part of the document

console.log(`Node ${process.version}, one thread, ${SECONDS} s per measurement\n`);
console.log(`${'GOST'.padEnd(52)} ${'rate'.padStart(10)}         ${'baseline (same run)'.padEnd(34)} ${'rate'.padStart(10)}         ratio`);

row(
  '28147-89 MAC-32 (Z, meshing), 256 B',
  () => gost28147Mac(key, b256, { keyMeshing: 'cryptopro' }),
  'HMAC-SHA256, 256 B',
  () => hmac(b256),
);
row(
  '28147-89 MAC-32 (Z, meshing), 1024 B',
  () => gost28147Mac(key, b1024, { keyMeshing: 'cryptopro' }),
  'HMAC-SHA256, 1024 B',
  () => hmac(b1024),
);

const require = createRequire(import.meta.url);
const LibCipher = require('node-gost-crypto/lib/gostCipher.js') as new (a: object) => { sign(k: ArrayBuffer, d: ArrayBuffer): ArrayBuffer };
const libMac = new LibCipher({ name: 'GOST 28147', version: 1989, mode: 'MAC', sBox: 'E-Z' });
const keyBuffer = new Uint8Array(key).buffer;
const libData = b256.slice().buffer;
row(
  '  the same, node-gost-crypto 1.0.2 (no meshing), 256 B',
  () => libMac.sign(keyBuffer, libData),
  'HMAC-SHA256, 256 B',
  () => hmac(b256),
);

const scheme = createFiscalScheme();
const moduleKeys = scheme.generateModuleKeyPair();
const operatorKeys = scheme.generateModuleKeyPair();
const keys = scheme.deriveModuleKeys(operatorKeys.privateKey, moduleKeys.publicKey, 'FM-0000001');
const sign = scheme.fiscalSign(keys, core);
const mac = scheme.documentMac(keys, document);
row(
  'FS1 per-document check: fiscal sign (200 B) + MAC (600 B)',
  () => verifyFiscalSign(scheme, keys, core, sign) && verifyDocumentMac(scheme, keys, document, mac),
  'HMAC-SHA256 of 200 B + of 600 B',
  () => [hmac(core), hmac(document)],
);

row(
  'Streebog-256, 1 KB',
  () => streebog256(b1024),
  'HMAC-SHA256, 1024 B',
  () => hmac(b1024),
);

const pair = generateKeyPair();
const digest = streebog256(b1024);
const signature = signDigest(pair.privateKey, digest);
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const ecSignature = nativeSign('sha256', b1024, ec.privateKey);
row(
  'GOST R 34.10-2012 sign (CryptoPro-A), digest given',
  () => signDigest(pair.privateKey, digest),
  'ECDSA P-256 sign, 1 KB',
  () => nativeSign('sha256', b1024, ec.privateKey),
);
row(
  'GOST R 34.10-2012 verify (CryptoPro-A), digest given',
  () => verifyDigest(pair.publicKey, digest, signature),
  'ECDSA P-256 verify, 1 KB',
  () => nativeVerify('sha256', b1024, ec.publicKey, ecSignature),
);
const ec2 = generateKeyPairSync('ec', { namedCurve: 'P-256' });
row(
  'FS1 deriveModuleKeys (VKO + 3 KDF), once per module',
  () => scheme.deriveModuleKeys(operatorKeys.privateKey, moduleKeys.publicKey, 'FM-0000001'),
  'ECDH P-256 (native)',
  () => diffieHellman({ privateKey: ec.privateKey, publicKey: ec2.publicKey }),
);
