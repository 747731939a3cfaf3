/**
 * The fiscal data operator's cryptographic scheme (seed 004 p.2, p.72, p.79, p.81; FIS-FM-07, FIS-FM-19
 * to FIS-FM-23; docs/fiscal-crypto.md). One interface, so that the algorithms or their parameters can
 * change (a native engine, parameters named by the regulator) without touching the callers; a changed
 * scheme gets a new `id`, and stored documents keep the id they were made under.
 *
 * Per document only GOST 28147-89 MACs are computed (about 10^5 a second per core); the slow
 * GOST R 34.10-2012 signature (about 150 verifications a second) is made once per shift, over the
 * Z-report and the hash of the shift's document chain (research/stack.md, trap 11).
 *
 * Pure: this file imports only the GOST primitives. Randomness (key generation and the signature
 * nonce) is injected through `createFiscalScheme({ random })`; the default is the gost module's
 * `systemRandom` (node:crypto), so production wiring needs nothing and tests can fix it.
 */
import {
  generateKeyPair,
  gost28147Mac,
  isValidPublicKey,
  kdfGostR3411_2012_256,
  type RandomSource,
  signDigest,
  streebog256,
  systemRandom,
  verifyDigest,
  vko256,
} from '../../../platform/crypto/gost.ts';

export type FiscalScheme = {
  readonly id: string;
  /** Module personalisation (p.81): the module makes its key pair; keys never leave it. */
  generateModuleKeyPair(): { publicKey: Uint8Array; privateKey: Uint8Array };
  /** Whether a public key handed over at personalisation (p.81, FIS-FM-23) is a valid key of the scheme; check it before registering it. */
  isValidPublicKey(publicKey: Uint8Array): boolean;
  /** Both sides derive the per-module symmetric keys from the module's and the operator's key pairs (VKO with a UKM = the module number). */
  deriveModuleKeys(ownPrivate: Uint8Array, otherPublic: Uint8Array, moduleNumber: string): ModuleKeys;
  /** The fiscal sign of a fiscal document (p.2, p.72): printed on the receipt and in its QR. 10 decimal digits from a 32-bit MAC. */
  fiscalSign(keys: ModuleKeys, documentCore: Uint8Array): string;
  /** The module's authentication of the whole document it sends (p.79), hex. */
  documentMac(keys: ModuleKeys, document: Uint8Array): string;
  /** The operator's acknowledgement authenticator that the module verifies, hex. */
  ackMac(keys: ModuleKeys, ack: Uint8Array): string;
  /** The module's GOST R 34.10-2012 signature of a digest (used once per shift, over the Z-report and the hash of the shift's chain). */
  sign(privateKey: Uint8Array, data: Uint8Array): Uint8Array;
  verify(publicKey: Uint8Array, data: Uint8Array, signature: Uint8Array): boolean;
  digest(data: Uint8Array): Uint8Array; // Streebog-256
};

export type ModuleKeys = { readonly fiscalSignKey: Uint8Array; readonly documentKey: Uint8Array; readonly ackKey: Uint8Array };

const utf8 = (s: string) => new TextEncoder().encode(s);
const HEX = Array.from({ length: 256 }, (_, x) => x.toString(16).padStart(2, '0'));
const hex = (b: Uint8Array) => {
  let s = '';
  for (const x of b) s += HEX[x];
  return s;
};

/** KDF labels of FS1: one key per purpose, so a MAC made for one purpose is never valid for another. */
const LABELS = { fiscalSignKey: utf8('FS1 fiscal sign'), documentKey: utf8('FS1 document'), ackKey: utf8('FS1 acknowledgement') } as const;

/**
 * GOST 28147-89 MAC of FS1: S-box id-tc26-gost-28147-param-Z with CryptoPro key meshing, i.e.
 * exactly `openssl dgst -engine gost -mac gost-mac-12`, so anyone can re-check a value.
 */
const fs1Mac = (key: Uint8Array, data: Uint8Array, bits: 32 | 64) => gost28147Mac(key, data, { sbox: 'E-Z', keyMeshing: 'cryptopro', bits });

/**
 * The UKM of a module: the fiscal module number is up to 40 letters and digits (registry schema),
 * longer than a UKM (1 ≤ UKM < 2^128), so FS1 takes the first 8 bytes of Streebog-256 of its UTF-8
 * text, read little-endian as RFC 7836 reads UKM bytes (0 becomes 1). The whole number is also the
 * KDF seed, so the keys are bound to the exact number.
 */
function ukmOf(moduleNumber: string): bigint {
  let ukm = 0n;
  const h = streebog256(utf8(moduleNumber));
  for (let i = 7; i >= 0; i--) ukm = (ukm << 8n) | BigInt(h[i]!);
  return ukm === 0n ? 1n : ukm;
}

/**
 * FS1: GOST 28147-89 MAC (TC26 Z S-box, CryptoPro key meshing) for the fiscal sign and the
 * per-document authenticators; VKO_GOSTR3410_2012_256 on the CryptoPro-A curve and
 * KDF_GOSTR3411_2012_256 (RFC 7836) for the per-module keys; GOST R 34.10-2012 with Streebog-256
 * for the once-per-shift signature.
 */
export function createFiscalScheme(deps: { readonly random?: RandomSource } = {}): FiscalScheme {
  const random = deps.random ?? systemRandom;
  return {
    id: 'FS1: GOST 28147-89 MAC + VKO GOST R 34.10-2012',
    generateModuleKeyPair: () => {
      const { privateKey, publicKey } = generateKeyPair('cryptopro-a', random);
      return { privateKey, publicKey };
    },
    isValidPublicKey: (publicKey) => isValidPublicKey(publicKey, 'cryptopro-a'),
    deriveModuleKeys: (ownPrivate, otherPublic, moduleNumber) => {
      if (moduleNumber.length === 0) throw new RangeError('module number is empty');
      const kek = vko256(ownPrivate, otherPublic, ukmOf(moduleNumber), 'cryptopro-a');
      const seed = utf8(moduleNumber);
      return {
        fiscalSignKey: kdfGostR3411_2012_256(kek, LABELS.fiscalSignKey, seed),
        documentKey: kdfGostR3411_2012_256(kek, LABELS.documentKey, seed),
        ackKey: kdfGostR3411_2012_256(kek, LABELS.ackKey, seed),
      };
    },
    // The 4 MAC bytes are the register N1, stored little-endian (RFC 5830); the sign is N1 in decimal.
    fiscalSign: (keys, documentCore) => {
      const m = fs1Mac(keys.fiscalSignKey, documentCore, 32);
      const n1 = (m[0]! | (m[1]! << 8) | (m[2]! << 16) | (m[3]! << 24)) >>> 0;
      return n1.toString().padStart(10, '0');
    },
    // 64 bits, the longest 28147-89 MAC: only machines check these, so nothing keeps them short.
    documentMac: (keys, document) => hex(fs1Mac(keys.documentKey, document, 64)),
    ackMac: (keys, ack) => hex(fs1Mac(keys.ackKey, ack, 64)),
    sign: (privateKey, data) => signDigest(privateKey, streebog256(data), { curve: 'cryptopro-a', random }),
    verify: (publicKey, data, signature) => verifyDigest(publicKey, streebog256(data), signature, 'cryptopro-a'),
    digest: streebog256,
  };
}

/** Compares two strings in time that depends only on their lengths (the per-document hot path: no encoding). */
function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** Whether `sign` is the fiscal sign of `documentCore`, compared in constant time; malformed input is simply false. */
export function verifyFiscalSign(scheme: FiscalScheme, keys: ModuleKeys, documentCore: Uint8Array, sign: string): boolean {
  return /^\d{10}$/.test(sign) && sameText(scheme.fiscalSign(keys, documentCore), sign);
}

/** Whether `mac` (lowercase hex) authenticates the whole `document`, compared in constant time. */
export function verifyDocumentMac(scheme: FiscalScheme, keys: ModuleKeys, document: Uint8Array, mac: string): boolean {
  return /^[0-9a-f]{1,128}$/.test(mac) && sameText(scheme.documentMac(keys, document), mac);
}

/** Whether `mac` (lowercase hex) is the operator's acknowledgement authenticator of `ack`, compared in constant time. */
export function verifyAckMac(scheme: FiscalScheme, keys: ModuleKeys, ack: Uint8Array, mac: string): boolean {
  return /^[0-9a-f]{1,128}$/.test(mac) && sameText(scheme.ackMac(keys, ack), mac);
}
