/**
 * GOST primitives behind one typed interface (seed 004 p.72: the fiscal module uses GOST 28147-89;
 * research/stack.md, traps 11-13). Node's crypto has no GOST, so:
 *
 * - GOST 28147-89 / Magma (block, MAC, CMAC) is our own table-driven code: node-gost-crypto has no
 *   key meshing and no short-message rule in its MAC, and allocates per block (2.5 to 6 times
 *   slower, bench/gost.ts). Its cipher is kept as a test oracle.
 * - Streebog, HMAC and GOST R 34.10-2012 arithmetic come from node-gost-crypto 1.0.2, wrapped so
 *   that its little-endian conventions and its gaps (no key validation, no r/s range check, VKO on
 *   512-bit curves hashed with Streebog-512) stay inside this file.
 *
 * Byte order, decided once here (trap 12). Every `Uint8Array` is a byte string in memory order:
 * - GOST 28147-89 keys, blocks and MACs: the RFC 5830 / RFC 4357 / OpenSSL convention (the key is
 *   eight 32-bit words K0..K7 and a block the words N1, N2, each stored little-endian), which is how
 *   every published 28147-89 vector is printed. The standard itself prints none.
 * - Magma (GOST R 34.12-2015, 34.13-2015) keys, blocks, MACs: big-endian, exactly as printed there.
 * - Streebog (GOST R 34.11-2012): message and digest as byte strings, as gostsum and OpenSSL print
 *   them. The standard and RFC 6986 print both as big-endian numbers, i.e. each string reversed.
 * - GOST R 34.10-2012: private key d, 32 (64) bytes big-endian; public key x ‖ y, each big-endian;
 *   signature r ‖ s, each big-endian (the standard's ζ = r̄ ‖ s̄, §6.1 step 6). The digest signed is
 *   the Streebog byte string, read little-endian as the standard's α (§6.1 step 2).
 *   X.509/CMS (RFC 9215) differ: public key x_LE ‖ y_LE, signature s_BE ‖ r_BE. Convert at that edge.
 * - RFC 7836 prints keys little-endian; its UKM is an integer, so `vko256` takes a bigint.
 */
import { randomBytes as nodeRandomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { dirname } from 'node:path';

const require = createRequire(import.meta.url);

// ---------------------------------------------------------------------------------------------
// GOST 28147-89 and Magma
// ---------------------------------------------------------------------------------------------

/**
 * S-box (substitution) parameter sets of GOST 28147-89: `'E-A'` is id-Gost28147-89-CryptoPro-A-ParamSet
 * (RFC 4357 §11.2), `'E-Z'` is id-tc26-gost-28147-param-Z, the one fixed by GOST R 34.12-2015 for Magma.
 * `'E-Z'` (OID 1.2.643.7.1.2.5.1.1, RFC 7836 Appendix C) is our default: it is the set TC 26 recommends
 * with the 2012 standards and the only one a current standard fixes, so a module using it computes
 * exactly Magma's round function and can use 34.12/34.13 hardware (RFC 9189 TLS uses it too);
 * `'E-A'` is there for older CryptoPro/OpenSSL `gost-mac` peers.
 */
export type SBox = 'E-A' | 'E-Z';
export const DEFAULT_SBOX: SBox = 'E-Z';

// Row j substitutes nibble j of the 32-bit word (least significant nibble first); row j, digit i is S_j(i).
const SBOX_ROWS: Record<SBox, readonly string[]> = {
  'E-A': [
    '96328b17a4efc0d5',
    '37e98af0526cb4d1',
    'e462b3d8cf5a0719',
    'e7acd13902b4f856',
    'b5198df0e423c7a6',
    '3adc120b75948fe6',
    '1d297a608c45f3be',
    'baf50ce8623917d4',
  ],
  'E-Z': [
    'c462a5b9e8d703f1',
    '68239a5c1e47bd0f',
    'b3582fade174c960',
    'c821d4f670a53e9b',
    '7f5a816d093eb42c',
    '5df692cab78143e0',
    '8e25691cf4b0da37',
    '17ed05834fa69cb2',
  ],
};

// f(x) = (S(x) <<< 11) as four 256-entry tables, one per byte of x.
const tables = new Map<SBox, Uint32Array>();
function tableOf(sbox: SBox): Uint32Array {
  let t = tables.get(sbox);
  if (t) return t;
  const s = (row: number, i: number) => Number.parseInt(SBOX_ROWS[sbox][row]![i]!, 16);
  t = new Uint32Array(1024);
  for (let k = 0; k < 4; k++) {
    for (let x = 0; x < 256; x++) {
      const v = ((s(2 * k + 1, x >>> 4) << 4) | s(2 * k, x & 15)) << (8 * k);
      t[k * 256 + x] = ((v << 11) | (v >>> 21)) >>> 0;
    }
  }
  tables.set(sbox, t);
  return t;
}

const f = (t: Uint32Array, x: number) => t[x & 255]! ^ t[256 | ((x >>> 8) & 255)]! ^ t[512 | ((x >>> 16) & 255)]! ^ t[768 | (x >>> 24)]!;
const le32 = (b: Uint8Array, o: number) => b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24);
const be32 = (b: Uint8Array, o: number) => (b[o]! << 24) | (b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!;
function putLe32(b: Uint8Array, o: number, v: number) {
  b[o] = v;
  b[o + 1] = v >>> 8;
  b[o + 2] = v >>> 16;
  b[o + 3] = v >>> 24;
}
function putBe32(b: Uint8Array, o: number, v: number) {
  b[o] = v >>> 24;
  b[o + 1] = v >>> 16;
  b[o + 2] = v >>> 8;
  b[o + 3] = v;
}

function need(bytes: Uint8Array, length: number, what: string) {
  if (bytes.length !== length) throw new RangeError(`${what} must be ${length} bytes, got ${bytes.length}`);
}

/** 32 rounds; `order` gives the key word of each round. Returns the output registers [N1, N2]. */
function rounds32(t: Uint32Array, k: Int32Array, order: readonly number[], n1: number, n2: number): [number, number] {
  for (let i = 0; i < 32; i++) {
    const x = n2 ^ f(t, (n1 + k[order[i]!]!) | 0);
    n2 = n1;
    n1 = x;
  }
  return [n2, n1]; // the 32nd round does not swap
}
const ENCRYPT_ORDER = [0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 7, 6, 5, 4, 3, 2, 1, 0];
const DECRYPT_ORDER = [0, 1, 2, 3, 4, 5, 6, 7, 7, 6, 5, 4, 3, 2, 1, 0, 7, 6, 5, 4, 3, 2, 1, 0, 7, 6, 5, 4, 3, 2, 1, 0];

function keyWords(key: Uint8Array, read: typeof le32): Int32Array {
  need(key, 32, 'GOST 28147-89 key');
  const k = new Int32Array(8);
  for (let i = 0; i < 8; i++) k[i] = read(key, 4 * i);
  return k;
}

function block89(key: Uint8Array, block: Uint8Array, sbox: SBox, order: readonly number[]): Uint8Array {
  need(block, 8, 'block');
  const [n1, n2] = rounds32(tableOf(sbox), keyWords(key, le32), order, le32(block, 0), le32(block, 4));
  const out = new Uint8Array(8);
  putLe32(out, 0, n1);
  putLe32(out, 4, n2);
  return out;
}

/** GOST 28147-89 ECB encryption of one 8-byte block (RFC 5830 byte convention, see the file comment). */
export const gost28147EncryptBlock = (key: Uint8Array, block: Uint8Array, sbox: SBox = DEFAULT_SBOX) => block89(key, block, sbox, ENCRYPT_ORDER);
/** GOST 28147-89 ECB decryption of one 8-byte block. */
export const gost28147DecryptBlock = (key: Uint8Array, block: Uint8Array, sbox: SBox = DEFAULT_SBOX) => block89(key, block, sbox, DECRYPT_ORDER);

// Magma is 28147-89 with the Z S-box, read big-endian: the block a1 ‖ a0 enters as N1 = a0, N2 = a1.
function magmaBlock(k: Int32Array, hi: number, lo: number, order: readonly number[]): [number, number] {
  const [n1, n2] = rounds32(tableOf('E-Z'), k, order, lo, hi);
  return [n2, n1];
}
function magma(key: Uint8Array, block: Uint8Array, order: readonly number[]): Uint8Array {
  need(block, 8, 'block');
  const [hi, lo] = magmaBlock(keyWords(key, be32), be32(block, 0), be32(block, 4), order);
  const out = new Uint8Array(8);
  putBe32(out, 0, hi);
  putBe32(out, 4, lo);
  return out;
}
/** Magma (GOST R 34.12-2015) encryption of one block; key, block and result big-endian as printed in the standard. */
export const magmaEncryptBlock = (key: Uint8Array, block: Uint8Array) => magma(key, block, ENCRYPT_ORDER);
/** Magma (GOST R 34.12-2015) decryption of one block. */
export const magmaDecryptBlock = (key: Uint8Array, block: Uint8Array) => magma(key, block, DECRYPT_ORDER);

/** `'cryptopro'`: RFC 4357 §2.3.2 key meshing after every 1024 bytes, as CryptoPro CSP and OpenSSL's `gost-mac`/`gost-mac-12` do. */
export type KeyMeshing = 'none' | 'cryptopro';
export type Gost28147MacOptions = {
  readonly sbox?: SBox;
  /** MAC length in bits, 8 to 64 in steps of 8; default 32. Shorter values are a prefix of the 8 state bytes (OpenSSL `size`). */
  readonly bits?: number;
  /** Default `'none'`: plain GOST 28147-89 §5. */
  readonly keyMeshing?: KeyMeshing;
};

const MESHING_CONSTANT = Uint8Array.from([
  0x69, 0x00, 0x72, 0x22, 0x64, 0xc9, 0x04, 0x23, 0x8d, 0x3a, 0xdb, 0x96, 0x46, 0xe9, 0x2a, 0xc4, 0x18, 0xfe, 0xac, 0x94, 0x00, 0xed, 0x07, 0x12, 0xc0, 0x86,
  0xdc, 0xc2, 0xef, 0x4c, 0xa9, 0x2b,
]);

function macBits(bits: number, max: number): number {
  if (!Number.isInteger(bits) || bits < 8 || bits > max || bits % 8 !== 0) throw new RangeError(`MAC length must be 8..${max} bits in steps of 8`);
  return bits / 8;
}

/**
 * The GOST 28147-89 MAC ("imitovstavka", §5): 16 rounds per block, zero padding. The standard needs
 * at least two blocks, so a message of 1 to 8 bytes gets a zero block appended; the empty message
 * gives the zero MAC. Both rules are OpenSSL's, so `openssl dgst -engine gost -mac gost-mac-12`
 * (`'E-Z'`, `'cryptopro'`) reproduces every value. The result is the first `bits / 8` bytes of N1 ‖ N2,
 * each register little-endian: the default 4 bytes are N1.
 */
export function gost28147Mac(key: Uint8Array, data: Uint8Array, options: Gost28147MacOptions = {}): Uint8Array {
  const length = macBits(options.bits ?? 32, 64);
  const sbox = options.sbox ?? DEFAULT_SBOX;
  const t = tableOf(sbox);
  let k = keyWords(key, le32);
  const blocks = data.length === 0 ? 0 : Math.max(2, Math.ceil(data.length / 8));
  const full = Math.floor(data.length / 8);
  const tail = new Uint8Array(16);
  tail.set(data.subarray(full * 8));
  let n1 = 0;
  let n2 = 0;
  for (let b = 0; b < blocks; b++) {
    if (options.keyMeshing === 'cryptopro' && b > 0 && b % 128 === 0) {
      const meshed = new Uint8Array(32);
      for (let i = 0; i < 32; i += 8) meshed.set(block89(keyBytes(k), MESHING_CONSTANT.subarray(i, i + 8), sbox, DECRYPT_ORDER), i);
      k = keyWords(meshed, le32);
    }
    const src = b < full ? data : tail;
    const o = b < full ? b * 8 : (b - full) * 8;
    n1 ^= le32(src, o);
    n2 ^= le32(src, o + 4);
    for (let i = 0; i < 16; i++) {
      const x = n2 ^ f(t, (n1 + k[i & 7]!) | 0);
      n2 = n1;
      n1 = x;
    }
  }
  const out = new Uint8Array(8);
  putLe32(out, 0, n1);
  putLe32(out, 4, n2);
  return out.slice(0, length);
}

function keyBytes(k: Int32Array): Uint8Array {
  const out = new Uint8Array(32);
  for (let i = 0; i < 8; i++) putLe32(out, 4 * i, k[i]!);
  return out;
}

/** Magma in MAC mode (CMAC, GOST R 34.13-2015 §5.6), big-endian as printed; `bits` 8..64, default 32 (the standard's example). */
export function magmaMac(key: Uint8Array, data: Uint8Array, options: { readonly bits?: number } = {}): Uint8Array {
  const length = macBits(options.bits ?? 32, 64);
  const k = keyWords(key, be32);
  // R = E(0); K1 = R << 1 (xor B64 = 0x1b on carry); K2 = K1 << 1 likewise.
  const shift = ([hi, lo]: [number, number]): [number, number] => [(hi << 1) | (lo >>> 31), (lo << 1) ^ (hi < 0 ? 0x1b : 0)];
  const k1 = shift(magmaBlock(k, 0, 0, ENCRYPT_ORDER));
  const isComplete = data.length > 0 && data.length % 8 === 0;
  const [xh, xl] = isComplete ? k1 : shift(k1);
  const last = isComplete ? data.length / 8 - 1 : Math.floor(data.length / 8);
  const tail = new Uint8Array(8);
  tail.set(data.subarray(last * 8));
  if (!isComplete) tail[data.length - last * 8] = 0x80;
  let hi = 0;
  let lo = 0;
  for (let b = 0; b <= last; b++) {
    const src = b < last ? data : tail;
    const o = b < last ? b * 8 : 0;
    [hi, lo] = magmaBlock(k, hi ^ be32(src, o) ^ (b === last ? xh : 0), lo ^ be32(src, o + 4) ^ (b === last ? xl : 0), ENCRYPT_ORDER);
  }
  const out = new Uint8Array(8);
  putBe32(out, 0, hi);
  putBe32(out, 4, lo);
  return out.slice(0, length);
}

// ---------------------------------------------------------------------------------------------
// Streebog, HMAC, KDF (node-gost-crypto)
// ---------------------------------------------------------------------------------------------

type Digest = { digest(data: Uint8Array): ArrayBuffer };
type Hmac = { sign(key: Uint8Array, data: Uint8Array): ArrayBuffer };
const GostDigest = require('node-gost-crypto/lib/gostDigest.js') as new (algorithm: object) => Digest & Hmac;
const streebog = {
  256: new GostDigest({ name: 'GOST R 34.11', version: 2012, length: 256 }),
  512: new GostDigest({ name: 'GOST R 34.11', version: 2012, length: 512 }),
};
const hmac256 = new GostDigest({ name: 'GOST R 34.11', version: 2012, length: 256, mode: 'HMAC' });

/** Streebog-256 (GOST R 34.11-2012), 32 bytes; byte strings in and out (see the file comment). */
export const streebog256 = (data: Uint8Array): Uint8Array => new Uint8Array(streebog[256].digest(data));
/** Streebog-512 (GOST R 34.11-2012), 64 bytes. */
export const streebog512 = (data: Uint8Array): Uint8Array => new Uint8Array(streebog[512].digest(data));
/** HMAC_GOSTR3411_2012_256 (RFC 7836 §4.1.1). */
export const hmacStreebog256 = (key: Uint8Array, data: Uint8Array): Uint8Array => new Uint8Array(hmac256.sign(key, data));

/** KDF_GOSTR3411_2012_256 (RFC 7836 §4.5): HMAC(K, 0x01 ‖ label ‖ 0x00 ‖ seed ‖ 0x01 0x00), 32 bytes. */
export function kdfGostR3411_2012_256(key: Uint8Array, label: Uint8Array, seed: Uint8Array): Uint8Array {
  const m = new Uint8Array(label.length + seed.length + 4);
  m[0] = 0x01;
  m.set(label, 1);
  m.set(seed, label.length + 2);
  m[m.length - 2] = 0x01;
  return hmacStreebog256(key, m);
}

// ---------------------------------------------------------------------------------------------
// GOST R 34.10-2012 and VKO (node-gost-crypto arithmetic, our encodings and checks)
// ---------------------------------------------------------------------------------------------

/**
 * Elliptic-curve parameter sets. `'cryptopro-a'` (id-GostR3410-2001-CryptoPro-A-ParamSet, RFC 4357
 * §11.4; the same curve as id-tc26-gost-3410-2012-256-paramSetB, 1.2.643.7.1.2.1.1.2) is the default:
 * it is the set every GOST implementation supports (CryptoPro CSP, Java Card GOST applets, OpenSSL
 * `paramset:A`, against which node-gost-crypto was checked both ways) and it has cofactor 1. The newer
 * id-tc26-gost-3410-2012-256-paramSetA is a twisted Edwards curve with cofactor 4; node-gost-crypto
 * does not know it, and using it needs a subgroup check on received keys (docs/fiscal-crypto.md).
 * `'tc26-512-a'` serves the RFC 7836 VKO vector; `'test-256'` is the example curve of GOST R
 * 34.10-2012 Appendix A, for its test vector only.
 */
export type Curve = 'cryptopro-a' | 'cryptopro-b' | 'cryptopro-c' | 'tc26-512-a' | 'test-256';
export const DEFAULT_CURVE: Curve = 'cryptopro-a';

type CurveParams = {
  readonly p: bigint;
  readonly a: bigint;
  readonly b: bigint;
  readonly q: bigint;
  readonly x: bigint;
  readonly y: bigint;
  readonly bytes: number;
};
const CURVES: Record<Curve, CurveParams> = {
  'cryptopro-a': {
    p: 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffd97n,
    a: 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffd94n,
    b: 166n,
    q: 0xffffffffffffffffffffffffffffffff6c611070995ad10045841b09b761b893n,
    x: 1n,
    y: 0x8d91e471e0989cda27df505a453f2b7635294f2ddf23e3b122acc99c9e9f1e14n,
    bytes: 32,
  },
  'cryptopro-b': {
    p: 0x8000000000000000000000000000000000000000000000000000000000000c99n,
    a: 0x8000000000000000000000000000000000000000000000000000000000000c96n,
    b: 0x3e1af419a269a5f866a7d3c25c3df80ae979259373ff2b182f49d4ce7e1bbc8bn,
    q: 0x800000000000000000000000000000015f700cfff1a624e5e497161bcc8a198fn,
    x: 1n,
    y: 0x3fa8124359f96680b83d1c3eb2c070e5c545c9858d03ecfb744bf8d717717efcn,
    bytes: 32,
  },
  'cryptopro-c': {
    p: 0x9b9f605f5a858107ab1ec85e6b41c8aacf846e86789051d37998f7b9022d759bn,
    a: 0x9b9f605f5a858107ab1ec85e6b41c8aacf846e86789051d37998f7b9022d7598n,
    b: 32858n,
    q: 0x9b9f605f5a858107ab1ec85e6b41c8aa582ca3511eddfb74f02f3a6598980bb9n,
    x: 0n,
    y: 0x41ece55743711a8c3cbf3783cd08c0ee4d4dc440d4641a8f366e550dfdb3bb67n,
    bytes: 32,
  },
  'tc26-512-a': {
    p: 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffdc7n,
    a: 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffdc4n,
    b: 0xe8c2505dedfc86ddc1bd0b2b6667f1da34b82574761cb0e879bd081cfd0b6265ee3cb090f30d27614cb4574010da90dd862ef9d4ebee4761503190785a71c760n,
    q: 0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff27e69532f48d89116ff22b8d4e0560609b4b38abfad2b85dcacdb1411f10b275n,
    x: 3n,
    y: 0x7503cfe87a836ae3a61b8816e25450e6ce5e1c93acf1abc1778064fdcbefa921df1626be4fd036e93d75e6a50e3a41e98028fe5fc235f5b889a589cb5215f2a4n,
    bytes: 64,
  },
  'test-256': {
    p: 0x8000000000000000000000000000000000000000000000000000000000000431n,
    a: 7n,
    b: 0x5fbff498aa938ce739b8e022fbafef40563f6e6a3472fc2a514c0ce9dae23b7en,
    q: 0x8000000000000000000000000000000150fe8a1892976154c59cfc193accf5b3n,
    x: 2n,
    y: 0x08e2a8a0e65147d4bd6316030e16d19c85c97f0a9ca267122b96abbcea7e8fc8n,
    bytes: 32,
  },
};

type Signer = {
  sign(privateKey: ArrayBuffer, digest: ArrayBuffer): ArrayBuffer;
  verify(publicKey: ArrayBuffer, signature: ArrayBuffer, digest: ArrayBuffer): boolean;
  generateKey(): { privateKey: ArrayBuffer; publicKey: ArrayBuffer };
  deriveBits(privateKey: ArrayBuffer, bits: number): ArrayBuffer;
  hash?: Digest;
};
/**
 * node-gost-crypto 1.0.2 has a bug in its modular inverse: on one rare branch it calls `subtract`,
 * which does not exist in that file (jsbn's name; the file's own is `sub`), and throws a
 * ReferenceError, seen about once in a few hundred key agreements. The module is loaded from its
 * source with that one call corrected; if a later release fixes it, the source is used as is.
 */
function loadGostSign(): new (algorithm: object) => Signer {
  const file = require.resolve('node-gost-crypto/lib/gostSign.js');
  const source = readFileSync(file, 'utf8');
  const BUG = 'return subtract(d, m);';
  if (!source.includes(BUG)) return require(file) as new (algorithm: object) => Signer;
  const patched = new Module(file);
  patched.filename = file;
  patched.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(dirname(file));
  (patched as unknown as { _compile(code: string, filename: string): void })._compile(source.replace(BUG, 'return sub(d, m);'), file);
  return patched.exports as new (
    algorithm: object,
  ) => Signer;
}
const GostSign = loadGostSign();
const hexOf = (n: bigint) => '0x' + n.toString(16);

function signer(curve: Curve, extra: { mode?: 'DH'; ukm?: Uint8Array; public?: Uint8Array } = {}): Signer {
  const c = CURVES[curve];
  const params = { p: hexOf(c.p), a: hexOf(c.a), b: hexOf(c.b), q: hexOf(c.q), x: hexOf(c.x), y: hexOf(c.y) };
  const buffers = { ukm: extra.ukm && copy(extra.ukm), public: extra.public && copy(extra.public) };
  return new GostSign({ name: 'GOST R 34.10', version: 2012, curve: params, mode: extra.mode, ...buffers });
}
// `new Uint8Array(b)` copies; `b.slice()` would not for a Node Buffer (a view into a shared pool).
const copy = (b: Uint8Array): ArrayBuffer => new Uint8Array(b).buffer;

/** A source of cryptographically strong random bytes. */
export type RandomSource = (length: number) => Uint8Array;
/** node:crypto's CSPRNG. */
export const systemRandom: RandomSource = (length) => new Uint8Array(nodeRandomBytes(length));

export type KeyPair = { readonly privateKey: Uint8Array; readonly publicKey: Uint8Array };

export const bigFromBytes = (b: Uint8Array): bigint => (b.length === 0 ? 0n : BigInt('0x' + Buffer.from(b).toString('hex')));
export function bytesFromBig(n: bigint, length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = length - 1; i >= 0; i--, n >>= 8n) out[i] = Number(n & 0xffn);
  return out;
}
const reversed = (b: Uint8Array) => new Uint8Array(b).reverse();
/** Swaps the byte order of each half: x ‖ y (or r ‖ s) between big- and little-endian. */
const halvesReversed = (b: Uint8Array) => {
  const n = b.length / 2;
  const out = new Uint8Array(b.length);
  out.set(reversed(b.subarray(0, n)));
  out.set(reversed(b.subarray(n)), n);
  return out;
};
const mod = (a: bigint, m: bigint) => ((a % m) + m) % m;

/** A uniform scalar in [1, q - 1], by rejection sampling (a try fails with probability below 1/2). */
function randomScalar(c: CurveParams, random: RandomSource): bigint {
  const spare = c.bytes * 8 - c.q.toString(2).length;
  for (let tries = 0; tries < 128; tries++) {
    const r = random(c.bytes);
    need(r, c.bytes, 'random');
    r[0] = r[0]! & (0xff >>> spare);
    const d = bigFromBytes(r);
    if (d > 0n && d < c.q) return d;
  }
  throw new Error('the random source gave 128 out-of-range values in a row: it is broken');
}

function privateScalar(privateKey: Uint8Array, c: CurveParams): bigint {
  need(privateKey, c.bytes, 'private key');
  const d = bigFromBytes(privateKey);
  if (d <= 0n || d >= c.q) throw new RangeError('private key out of range (0, q)');
  return d;
}

/** The public key x ‖ y (big-endian) of a private key d (big-endian). */
export function publicKeyOf(privateKey: Uint8Array, curve: Curve = DEFAULT_CURVE): Uint8Array {
  const c = CURVES[curve];
  privateScalar(privateKey, c);
  return halvesReversed(new Uint8Array(signer(curve, { ukm: reversed(privateKey) }).generateKey().publicKey));
}

/** A fresh key pair: d uniform in [1, q - 1] from `random`. */
export function generateKeyPair(curve: Curve = DEFAULT_CURVE, random: RandomSource = systemRandom): KeyPair {
  const privateKey = bytesFromBig(randomScalar(CURVES[curve], random), CURVES[curve].bytes);
  return { privateKey, publicKey: publicKeyOf(privateKey, curve) };
}

/**
 * Whether x ‖ y is a point of the curve: right length, coordinates below p, y² = x³ + ax + b. With
 * cofactor 1 (every curve here) that also puts it in the group of order q. node-gost-crypto checks
 * nothing, so this guards signature checks and VKO against invalid-curve points.
 */
export function isValidPublicKey(publicKey: Uint8Array, curve: Curve = DEFAULT_CURVE): boolean {
  const c = CURVES[curve];
  if (publicKey.length !== 2 * c.bytes) return false;
  const x = bigFromBytes(publicKey.subarray(0, c.bytes));
  const y = bigFromBytes(publicKey.subarray(c.bytes));
  if (x >= c.p || y >= c.p) return false;
  return mod(y * y - (x * x * x + c.a * x + c.b), c.p) === 0n;
}

export type SignOptions = {
  readonly curve?: Curve;
  readonly random?: RandomSource;
  /** A fixed nonce k, ONLY to reproduce a standard's test vector: reusing k reveals the private key. */
  readonly k?: bigint;
};

/**
 * GOST R 34.10-2012 signature (§6.1) of a digest: the Streebog byte string of the curve's size
 * (32 bytes for 256-bit curves). Returns r ‖ s, each big-endian.
 */
export function signDigest(privateKey: Uint8Array, digest: Uint8Array, options: SignOptions = {}): Uint8Array {
  const curve = options.curve ?? DEFAULT_CURVE;
  const c = CURVES[curve];
  privateScalar(privateKey, c);
  need(digest, c.bytes, 'digest');
  const k = options.k ?? randomScalar(c, options.random ?? systemRandom);
  if (k <= 0n || k >= c.q) throw new RangeError('k out of range (0, q)');
  const s = signer(curve, { ukm: reversed(bytesFromBig(k, c.bytes)) });
  return halvesReversed(new Uint8Array(s.sign(copy(reversed(privateKey)), copy(digest))));
}

/** GOST R 34.10-2012 verification (§6.2); false for any malformed key, digest or signature. */
export function verifyDigest(publicKey: Uint8Array, digest: Uint8Array, signature: Uint8Array, curve: Curve = DEFAULT_CURVE): boolean {
  const c = CURVES[curve];
  if (digest.length !== c.bytes || signature.length !== 2 * c.bytes || !isValidPublicKey(publicKey, curve)) return false;
  const r = bigFromBytes(signature.subarray(0, c.bytes));
  const s = bigFromBytes(signature.subarray(c.bytes));
  if (r <= 0n || r >= c.q || s <= 0n || s >= c.q) return false; // §6.2 step 1; the library skips 0
  // §6.2 step 3 says e = 1 when α ≡ 0 (mod q); the library's test for it never fires, so do it here.
  const alphaIsZero = mod(bigFromBytes(reversed(digest)), c.q) === 0n;
  const e = alphaIsZero ? reversed(bytesFromBig(1n, c.bytes)) : digest;
  return signer(curve).verify(copy(halvesReversed(publicKey)), copy(halvesReversed(signature)), copy(e));
}

/**
 * VKO_GOSTR3410_2012_256 (RFC 7836 §4.3.1): Streebog-256 of the point (UKM · d mod q) · Q, the point
 * written x_LE ‖ y_LE. Both sides get the same 32 bytes from their own private key and the other's
 * public key. `ukm` is the integer UKM, 1 ≤ UKM < 2^(n/2). Throws on an invalid public key.
 * node-gost-crypto hashes with Streebog-512 on 512-bit curves, so its hash is replaced here.
 */
export function vko256(privateKey: Uint8Array, peerPublicKey: Uint8Array, ukm: bigint, curve: Curve = DEFAULT_CURVE): Uint8Array {
  const c = CURVES[curve];
  privateScalar(privateKey, c);
  if (!isValidPublicKey(peerPublicKey, curve)) throw new RangeError('peer public key is not a point of the curve');
  if (ukm < 1n || ukm >= 1n << BigInt(c.bytes * 4)) throw new RangeError('UKM out of range [1, 2^(n/2))');
  const dh = signer(curve, { mode: 'DH', ukm: reversed(bytesFromBig(ukm, c.bytes)), public: halvesReversed(peerPublicKey) });
  dh.hash = streebog[256];
  return new Uint8Array(dh.deriveBits(copy(reversed(privateKey)), 256));
}

/** Compares two byte strings in time that depends only on their lengths. */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}
