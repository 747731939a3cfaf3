import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { ModuleKeys } from '../domain/fiscal-scheme.ts';

/**
 * Storage encryption of the derived module keys (docs/fiscal-crypto.md "Key storage"): AES-256-GCM
 * under a key-encryption key derived from the operator's private key with HKDF-SHA-256. This is
 * protection at rest of operator data, not part of the fiscal scheme; an HSM replaces it in
 * production (FIS-IMP-21).
 */
function kek(operatorPrivate: Uint8Array): Buffer {
  return Buffer.from(hkdfSync('sha256', operatorPrivate, Buffer.alloc(0), 'bekogaz module key store v1', 32));
}

export function sealModuleKeys(operatorPrivate: Uint8Array, moduleNumber: string, keys: ModuleKeys): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek(operatorPrivate), iv);
  cipher.setAAD(Buffer.from(moduleNumber));
  const body = Buffer.concat([cipher.update(Buffer.concat([keys.fiscalSignKey, keys.documentKey, keys.ackKey])), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

/** The keys, or undefined when the sealed value was made for another module or altered. */
export function unsealModuleKeys(operatorPrivate: Uint8Array, moduleNumber: string, sealed: string): ModuleKeys | undefined {
  try {
    const raw = Buffer.from(sealed, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', kek(operatorPrivate), raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(moduleNumber));
    decipher.setAuthTag(raw.subarray(12, 28));
    const k = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]);
    return { fiscalSignKey: k.subarray(0, 32), documentKey: k.subarray(32, 64), ackKey: k.subarray(64, 96) };
  } catch {
    return undefined;
  }
}
