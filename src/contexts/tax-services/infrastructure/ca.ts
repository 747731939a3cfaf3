/**
 * The platform's own certificate authority for the EDS certificates of 12.12.02 (TS-50): X.509 with
 * ECDSA P-256 and SHA-256, made with @peculiar/x509 (which needs reflect-metadata loaded first,
 * research/stack.md trap 14). The root key pair is made on first use and kept in tax_services.eds_ca
 * as PKCS#8: anyone who can read that table can issue certificates (docs/tax-services-identity.md
 * says what a production deployment does instead). Checks use Node's own X509Certificate.
 */
import 'reflect-metadata';
import { createPublicKey, randomBytes, X509Certificate as NodeCertificate, verify as verifySignature, webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { eq } from 'drizzle-orm';
import type { Database } from '../../../platform/db.ts';
import { edsCa } from './identity.schema.ts';

const crypto = webcrypto as unknown as Crypto;
x509.cryptoProvider.set(crypto);

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const CA_NAME: x509.JsonName = [
  { CN: ['Бекоғаз: маркази тасдиқкунанда / Bekogaz EDS CA'] },
  { O: ['Tax Committee under the Government of the Republic of Tajikistan'] },
  { C: ['TJ'] },
];
const CA_YEARS = 10;

export type Authority = {
  readonly certificatePem: string;
  readonly certificate: NodeCertificate;
  /** Signs a certificate for `spki` (DER) with the root key. */
  readonly issue: (input: {
    readonly serialNumber: string;
    readonly subject: x509.JsonName;
    readonly spki: Buffer;
    readonly notBefore: Date;
    readonly notAfter: Date;
  }) => Promise<string>;
};

const authorities = new WeakMap<Database, Promise<Authority>>();

/** The authority of this database, made on first use (two nodes racing agree on one: the first insert wins). */
export function certificateAuthority(database: Database, now: () => Date): Promise<Authority> {
  let found = authorities.get(database);
  if (!found) {
    found = loadOrCreate(database, now);
    found.catch(() => authorities.delete(database));
    authorities.set(database, found);
  }
  return found;
}

async function loadOrCreate(database: Database, now: () => Date): Promise<Authority> {
  const db = database.db;
  let [row] = await db.select().from(edsCa).where(eq(edsCa.name, 'root'));
  if (!row) {
    const at = now();
    const keys = (await crypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify'])) as CryptoKeyPair;
    const notAfter = new Date(at.getTime());
    notAfter.setUTCFullYear(at.getUTCFullYear() + CA_YEARS);
    const root = await x509.X509CertificateGenerator.createSelfSigned({
      serialNumber: serialNumber(),
      name: CA_NAME,
      notBefore: at,
      notAfter,
      keys,
      signingAlgorithm: ALGORITHM,
      extensions: [
        new x509.BasicConstraintsExtension(true, 0, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
        await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      ],
    });
    const pkcs8 = Buffer.from(await crypto.subtle.exportKey('pkcs8', keys.privateKey)).toString('base64');
    await db
      .insert(edsCa)
      .values({ name: 'root', certificatePem: root.toString('pem'), privateKeyPkcs8: pkcs8, createdAt: at })
      .onConflictDoNothing();
    [row] = await db.select().from(edsCa).where(eq(edsCa.name, 'root'));
    if (!row) throw new Error('the EDS authority could not be stored');
  }
  const root = new x509.X509Certificate(row.certificatePem);
  const signingKey = await crypto.subtle.importKey('pkcs8', Buffer.from(row.privateKeyPkcs8, 'base64'), ALGORITHM, false, ['sign']);
  return {
    certificatePem: row.certificatePem,
    certificate: new NodeCertificate(row.certificatePem),
    issue: async (input) => {
      const publicKey = new x509.PublicKey(new Uint8Array(input.spki));
      const issued = await x509.X509CertificateGenerator.create({
        serialNumber: input.serialNumber,
        subject: input.subject,
        issuer: root.subjectName,
        notBefore: input.notBefore,
        notAfter: input.notAfter,
        publicKey,
        signingKey,
        signingAlgorithm: ALGORITHM,
        extensions: [
          new x509.BasicConstraintsExtension(false, undefined, true),
          new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation, true),
          await x509.SubjectKeyIdentifierExtension.create(publicKey),
          await x509.AuthorityKeyIdentifierExtension.create(root, false),
        ],
      });
      return issued.toString('pem');
    },
  };
}

/** A positive 128-bit serial number in hex (RFC 5280: at most 20 octets, unpredictable). */
export function serialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0] = ((bytes[0] ?? 0) & 0x7f) | 0x01;
  return bytes.toString('hex').toUpperCase();
}

const isP256 = (spki: Buffer) => {
  const key = createPublicKey({ key: spki, format: 'der', type: 'spki' });
  return key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1';
};

const derOf = (text: string): Buffer => {
  const body = text.replace(/-----(BEGIN|END) [A-Z ]+-----/g, '').replace(/\s+/g, '');
  return Buffer.from(body, 'base64');
};

/**
 * The public key to certify, from a PKCS#10 request (its signature proves the applicant holds the
 * private key) or from a bare SPKI (PEM or base64 DER); undefined unless it is ECDSA P-256.
 */
export async function publicKeyToCertify(input: {
  readonly csrPem?: string;
  readonly spki?: string;
}): Promise<{ readonly spki: Buffer; readonly source: 'csr' | 'spki' } | undefined> {
  try {
    if (input.csrPem) {
      const csr = new x509.Pkcs10CertificateRequest(new Uint8Array(derOf(input.csrPem)));
      if (!(await csr.verify())) return undefined;
      const spki = Buffer.from(csr.publicKey.rawData);
      return isP256(spki) ? { spki, source: 'csr' } : undefined;
    }
    if (input.spki) {
      const spki = createPublicKey({ key: derOf(input.spki), format: 'der', type: 'spki' }).export({ format: 'der', type: 'spki' });
      return isP256(spki) ? { spki, source: 'spki' } : undefined;
    }
  } catch {
    return undefined;
  }
  return undefined;
}

export { sha256Hex } from '../../../platform/bytes.ts';

/** A certificate as Node reads it, or undefined when the text is not one. */
export function readCertificate(pem: string): NodeCertificate | undefined {
  try {
    return new NodeCertificate(pem);
  } catch {
    return undefined;
  }
}

/** Whether `certificate` was signed by the authority's root key and names it as issuer. */
export const isIssuedBy = (certificate: NodeCertificate, authority: Authority): boolean =>
  certificate.checkIssued(authority.certificate) && certificate.verify(authority.certificate.publicKey);

/** ECDSA over SHA-256 with the certificate's key; the signature DER-encoded or raw r‖s (64 bytes, as WebCrypto makes it). */
export function isSignedBy(certificate: NodeCertificate, message: Buffer, signature: Buffer): boolean {
  try {
    return verifySignature('sha256', message, { key: certificate.publicKey, dsaEncoding: signature.length === 64 ? 'ieee-p1363' : 'der' }, signature);
  } catch {
    return false;
  }
}
