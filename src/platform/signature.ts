import { createPublicKey, verify as cryptoVerify, type KeyObject } from 'node:crypto';
import { sha256Hex } from './bytes.ts';

/** The electronic-signature algorithms accepted from applicants' keys. */
export type SignatureAlgorithm = 'Ed25519' | 'ECDSA-P256-SHA256';

export type PublicKeyInfo = { readonly algorithm: SignatureAlgorithm; readonly fingerprint: string; readonly key: KeyObject };

/**
 * Reads an SPKI public key (PEM) and tells its algorithm; undefined when it is not a key we accept.
 * GOST R 34.10-2012 keys come with the fiscal-module work (seed 004 p.72, p.81); Ed25519 and
 * ECDSA P-256 cover the e-signatures of applicants today.
 */
export function readPublicKey(pem: string): PublicKeyInfo | undefined {
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch {
    return undefined;
  }
  const der = key.export({ type: 'spki', format: 'der' });
  const fingerprint = sha256Hex(der);
  if (key.asymmetricKeyType === 'ed25519') return { algorithm: 'Ed25519', fingerprint, key };
  if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') return { algorithm: 'ECDSA-P256-SHA256', fingerprint, key };
  return undefined;
}

/** Verifies a base64 signature over `message`; any malformed input is simply "does not verify". */
export function verifySignature(info: PublicKeyInfo, message: Buffer, signatureBase64: string): boolean {
  const signature = Buffer.from(signatureBase64, 'base64');
  if (signature.length === 0) return false;
  try {
    return info.algorithm === 'Ed25519'
      ? cryptoVerify(null, message, info.key, signature)
      : cryptoVerify('sha256', message, { key: info.key, dsaEncoding: 'der' }, signature);
  } catch {
    return false;
  }
}
