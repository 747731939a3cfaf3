/**
 * Art.124 p.8, art.133 p.3, art.134 p.11 (CUS-DEC-08, 46, 59; IMP-02): a declaration and a request
 * are filed under an electronic signature. A certificate of the platform's own authority (the
 * national EDS of TS-50) is checked by that authority's register, revocation included; any other
 * must chain to an issuer customs trusts (`customs.trusted_issuers`), be in force when received,
 * and carry the signer's code in its subject (serialNumber, 2.5.4.5).
 */
import { verify as cryptoVerify, X509Certificate } from 'node:crypto';
import { isNull } from 'drizzle-orm';
import { canonicalJson } from '../../../platform/canonical-json.ts';
import type { Db } from '../../../platform/db.ts';
import { trustedIssuers } from '../infrastructure/declaration.schema.ts';

export type SignatureVerdict = { readonly isValid: boolean; readonly fault: string | null; readonly signerCode: string | null };

/** The platform authority's answer (tax-services' verifyEdsSignature), wired in src/app. */
export type NationalSignatureCheck = (q: {
  readonly certificatePem: string;
  readonly message: Buffer;
  readonly signature: Buffer;
  readonly signedAt: Date;
}) => Promise<{
  readonly isValid: boolean;
  readonly fault: string | null;
  readonly tin: string | null;
}>;

/** The bytes a declarant signs: the canonical JSON of what it files (the same on every machine). */
export const signingBytes = (value: unknown): Buffer => Buffer.from(canonicalJson(value), 'utf8');
export { sha256Hex } from '../../../platform/bytes.ts';

/** The signer's code from a certificate subject: a domestic TIN, or `CC-number` for a foreign one. */
export function signerCodeOf(certificate: X509Certificate): string | null {
  const lines = certificate.subject.split('\n');
  const serial = lines.find((l) => l.startsWith('serialNumber='))?.slice('serialNumber='.length);
  if (!serial) return null;
  const digits = serial.replace(/^(TIN|ИНН|РМА|IIN|BIN)[\s:-]*/i, '');
  const country = lines.find((l) => l.startsWith('C='))?.slice(2);
  return !country || country === 'TJ' ? digits : `${country}-${digits}`;
}

function verifies(certificate: X509Certificate, message: Buffer, signature: Buffer): boolean {
  try {
    const key = certificate.publicKey;
    if (key.asymmetricKeyType === 'ed25519') return cryptoVerify(null, message, key, signature);
    return cryptoVerify('sha256', message, { key, dsaEncoding: signature.length === 64 && key.asymmetricKeyType === 'ec' ? 'ieee-p1363' : 'der' }, signature);
  } catch {
    return false;
  }
}

/** Checks `signatureBase64` over `message` by the certificate in `certificatePem`, as at `signedAt`. */
export async function verifyFiling(
  db: Db,
  national: NationalSignatureCheck | undefined,
  input: { readonly certificatePem: string; readonly signatureBase64: string; readonly message: Buffer; readonly signedAt: Date },
): Promise<SignatureVerdict> {
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(input.certificatePem);
  } catch {
    return { isValid: false, fault: 'certificate_unreadable', signerCode: null };
  }
  const signature = Buffer.from(input.signatureBase64, 'base64');
  if (signature.length === 0) return { isValid: false, fault: 'signature_missing', signerCode: null };
  if (national) {
    const answer = await national({ certificatePem: input.certificatePem, message: input.message, signature, signedAt: input.signedAt });
    if (answer.fault !== 'not_issued_by_platform_ca') return { isValid: answer.isValid, fault: answer.fault, signerCode: answer.tin };
  }
  const issuers = await db.select().from(trustedIssuers).where(isNull(trustedIssuers.removedAt));
  const issuer = issuers.map((i) => new X509Certificate(i.certificatePem)).find((i) => certificate.checkIssued(i) && certificate.verify(i.publicKey));
  if (!issuer) return { isValid: false, fault: 'issuer_not_trusted', signerCode: null };
  const at = input.signedAt.getTime();
  if (at < new Date(certificate.validFrom).getTime()) return { isValid: false, fault: 'not_yet_valid', signerCode: null };
  if (at > new Date(certificate.validTo).getTime()) return { isValid: false, fault: 'expired', signerCode: null };
  if (!verifies(certificate, input.message, signature)) return { isValid: false, fault: 'signature_mismatch', signerCode: null };
  return { isValid: true, fault: null, signerCode: signerCodeOf(certificate) };
}
