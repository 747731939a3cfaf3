/**
 * Keys and hashes in the browser, over Web Crypto only (the same code runs in Node 20's tests):
 * an ECDSA P-256 key for an EDS certificate (12.12.02, TS-50) made here, its private half saved by
 * the holder as PKCS#8 PEM and never sent; a PKCS#10 request signed with it, so the authority sees
 * that the applicant holds the key (an SPKI alone proves nothing, docs/tax-services-identity.md);
 * and the SHA-256 of a TIN certificate file (01.01.01).
 */

const EC_KEY = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const EC_SIGN = { name: 'ECDSA', hash: 'SHA-256' } as const;

/** Bytes as base64 (no line breaks). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Base64 (whitespace allowed) as bytes; undefined when it is not base64. */
export function fromBase64(text: string): Uint8Array | undefined {
  const clean = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 === 1) return undefined;
  try {
    return Uint8Array.from(atob(clean), (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

/** A PEM block: the label and base64 in lines of 64 characters. */
export function toPem(label: string, der: Uint8Array): string {
  const lines = toBase64(der).match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** The label of the first PEM block in a text ("CERTIFICATE REQUEST", "PUBLIC KEY" …), if any. */
export const pemLabel = (text: string): string | undefined => /-----BEGIN ([A-Z0-9 ]+)-----/.exec(text)?.[1];

/** SHA-256 as 64 lower-case hex digits. */
export async function sha256Hex(bytes: ArrayBuffer | Uint8Array, subtle: SubtleCrypto = globalThis.crypto.subtle): Promise<string> {
  const digest = new Uint8Array(await subtle.digest('SHA-256', bytes as BufferSource));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Whether this page may use Web Crypto (only a secure context: https, or localhost). */
export const hasWebCrypto = (): boolean => typeof globalThis.crypto?.subtle?.digest === 'function';

// A few DER encoders: just what a PKCS#10 request needs (X.690).
const concat = (parts: readonly Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
function derLength(n: number): Uint8Array {
  if (n < 0x80) return Uint8Array.of(n);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v % 256);
  return Uint8Array.of(0x80 | bytes.length, ...bytes);
}
const der = (tag: number, ...content: Uint8Array[]): Uint8Array => {
  const body = concat(content);
  return concat([Uint8Array.of(tag), derLength(body.length), body]);
};
const sequence = (...content: Uint8Array[]) => der(0x30, ...content);
/** A non-negative INTEGER from big-endian bytes: leading zeros dropped, one added when the high bit is set. */
function unsignedInteger(bytes: Uint8Array): Uint8Array {
  let i = 0;
  while (i < bytes.length - 1 && bytes[i] === 0) i++;
  const v = bytes.subarray(i);
  return der(0x02, (v[0] ?? 0) & 0x80 ? concat([Uint8Array.of(0), v]) : v);
}
/** 2.5.4.3 commonName, 1.2.840.10045.4.3.2 ecdsa-with-SHA256. */
const OID_COMMON_NAME = Uint8Array.of(0x06, 0x03, 0x55, 0x04, 0x03);
const OID_ECDSA_SHA256 = Uint8Array.of(0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x02);

/** Web Crypto signs ECDSA as r‖s (32 + 32 bytes); X.509 wants ECDSA-Sig-Value, a DER SEQUENCE of two INTEGERs. */
export function ecdsaRawToDer(raw: Uint8Array): Uint8Array {
  const half = raw.length / 2;
  return sequence(unsignedInteger(raw.subarray(0, half)), unsignedInteger(raw.subarray(half)));
}

export type BrowserKey = {
  readonly keys: CryptoKeyPair;
  /** The public key, SubjectPublicKeyInfo DER. */
  readonly spki: Uint8Array;
  /** The private key as the holder saves it: PKCS#8 PEM. */
  readonly privateKeyPem: string;
};

/** A new ECDSA P-256 key pair; the private key is exportable once, for the holder to save. */
export async function generateEdsKey(subtle: SubtleCrypto = globalThis.crypto.subtle): Promise<BrowserKey> {
  const keys = (await subtle.generateKey(EC_KEY, true, ['sign', 'verify'])) as CryptoKeyPair;
  const spki = new Uint8Array(await subtle.exportKey('spki', keys.publicKey));
  const pkcs8 = new Uint8Array(await subtle.exportKey('pkcs8', keys.privateKey));
  return { keys, spki, privateKeyPem: toPem('PRIVATE KEY', pkcs8) };
}

/**
 * A PKCS#10 certificate request (RFC 2986) for the key, signed with its private half, as PEM. The
 * subject is only a label (the authority writes the register's name and TIN into the certificate).
 */
export async function certificateRequestPem(key: BrowserKey, commonName: string, subtle: SubtleCrypto = globalThis.crypto.subtle): Promise<string> {
  const subject = sequence(der(0x31, sequence(OID_COMMON_NAME, der(0x0c, new TextEncoder().encode(commonName)))));
  const info = sequence(der(0x02, Uint8Array.of(0)), subject, key.spki, der(0xa0));
  const raw = new Uint8Array(await subtle.sign(EC_SIGN, key.keys.privateKey, info as BufferSource));
  const signature = der(0x03, Uint8Array.of(0), ecdsaRawToDer(raw));
  return toPem('CERTIFICATE REQUEST', sequence(info, sequence(OID_ECDSA_SHA256), signature));
}
