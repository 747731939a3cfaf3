/**
 * Art.124 p.8 (CUS-DEC-08): the declarant signs in the browser. The private key is read from the
 * holder's own PKCS#8 PEM file and never leaves the page; the text signed is exactly what the
 * server's signing-payload route returns; the signature is ECDSA P-256 over SHA-256, sent as r‖s
 * (64 bytes, base64), which the server verifies with the certificate sent along.
 */
import { fromBase64, pemLabel, toBase64 } from '../services/identity/keys.ts';

/** Why a key or certificate file cannot be used; each is a message of the `cus.sign.fault` dictionary. */
export type KeyFault = 'key_not_pem' | 'key_unreadable' | 'certificate_not_pem';

export class KeyFileError extends Error {
  readonly fault: KeyFault;
  constructor(fault: KeyFault) {
    super(fault);
    this.name = 'KeyFileError';
    this.fault = fault;
  }
}

/** The base64 body of the first PEM block labelled `label`, as bytes; undefined if there is none. */
function pemBody(text: string, label: string): Uint8Array | undefined {
  const match = new RegExp(`-----BEGIN ${label}-----([\\s\\S]*?)-----END ${label}-----`).exec(text);
  return match ? fromBase64(match[1] ?? '') : undefined;
}

/** An ECDSA P-256 signing key from a PKCS#8 PEM text ("PRIVATE KEY"). */
export async function importSigningKey(pem: string, subtle: SubtleCrypto = globalThis.crypto.subtle): Promise<CryptoKey> {
  if (pemLabel(pem) !== 'PRIVATE KEY') throw new KeyFileError('key_not_pem');
  const der = pemBody(pem, 'PRIVATE KEY');
  if (!der) throw new KeyFileError('key_not_pem');
  try {
    return await subtle.importKey('pkcs8', der as BufferSource, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']);
  } catch {
    throw new KeyFileError('key_unreadable');
  }
}

/** The certificate's PEM block, checked to be one; what the server is sent. */
export function certificateText(pem: string): string {
  const match = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/.exec(pem);
  if (!match || !pemBody(match[0], 'CERTIFICATE')) throw new KeyFileError('certificate_not_pem');
  return `${match[0]}\n`;
}

/** Signs the UTF-8 text with the key: base64 of r‖s. */
export async function signText(key: CryptoKey, text: string, subtle: SubtleCrypto = globalThis.crypto.subtle): Promise<string> {
  const signature = await subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, key, new TextEncoder().encode(text) as BufferSource);
  return toBase64(new Uint8Array(signature));
}

/** A file's text (the key and the certificate are small PEM files). */
export const readText = (file: Blob): Promise<string> => file.text();
