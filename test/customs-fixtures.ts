/**
 * Test support for customs declarations: a certificate authority of the test's own (added to
 * customs' trusted issuers, CUS-DEC-08), signer certificates carrying a TIN, and declarations.
 */
import 'reflect-metadata';
import { createHash, webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import type { DeclarationData } from '../src/contexts/customs/domain/declaration.ts';
import type { Client } from './app.ts';

const crypto = webcrypto as unknown as Crypto;
x509.cryptoProvider.set(crypto);
const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;

export type Signer = {
  readonly tin: string;
  readonly certificatePem: string;
  readonly sign: (payload: string) => Promise<string>;
  /** The signer's private key as PKCS#8 PEM, for a browser test that signs in the page. */
  readonly privateKeyPem: string;
};
export type TestAuthority = {
  readonly certificatePem: string;
  readonly signer: (code: string, options?: { notAfter?: Date; country?: string }) => Promise<Signer>;
};

/** A CA valid 2020–2040 whose signers carry their code as the subject's serialNumber. */
export async function testAuthority(name = 'Test CA'): Promise<TestAuthority> {
  const keys = (await crypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify'])) as CryptoKeyPair;
  const root = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name: `CN=${name}, C=TJ`,
    notBefore: new Date('2020-01-01T00:00:00Z'),
    notAfter: new Date('2040-01-01T00:00:00Z'),
    keys,
    signingAlgorithm: ALGORITHM,
    extensions: [new x509.BasicConstraintsExtension(true, undefined, true), new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign, true)],
  });
  let serial = 1;
  return {
    certificatePem: root.toString('pem'),
    async signer(code, options = {}) {
      serial += 1;
      const own = (await crypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify'])) as CryptoKeyPair;
      const cert = await x509.X509CertificateGenerator.create({
        serialNumber: serial.toString(16).padStart(2, '0'),
        subject: `CN=Signer ${code}, 2.5.4.5=${code}, C=${options.country ?? 'TJ'}`,
        issuer: root.subject,
        notBefore: new Date('2020-01-01T00:00:00Z'),
        notAfter: options.notAfter ?? new Date('2039-01-01T00:00:00Z'),
        signingKey: keys.privateKey,
        publicKey: own.publicKey,
        signingAlgorithm: ALGORITHM,
      });
      const pkcs8 = Buffer.from(await crypto.subtle.exportKey('pkcs8', own.privateKey)).toString('base64');
      return {
        tin: code,
        certificatePem: cert.toString('pem'),
        privateKeyPem: `-----BEGIN PRIVATE KEY-----\n${pkcs8.match(/.{1,64}/g)?.join('\n')}\n-----END PRIVATE KEY-----\n`,
        sign: async (payload) =>
          Buffer.from(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, own.privateKey, Buffer.from(payload, 'utf8'))).toString('base64'),
      };
    },
  };
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Uploads a small PDF-like electronic copy and answers its hash. */
export async function upload(client: Client, label: string): Promise<string> {
  const content = Buffer.from(`%PDF-1.4 ${label}`);
  const r = await client.post('/api/customs/documents', { fileName: `${label}.pdf`, mediaType: 'application/pdf', contentBase64: content.toString('base64') });
  if (r.status !== 201) throw new Error(`upload: ${r.status} ${r.text}`);
  return r.body.sha256 as string;
}

/**
 * An import for free circulation at Dushanbe customs by road: smartphones (5 % duty, 14 % VAT,
 * pieces) and sugar (10 % duty, kg), invoiced in USD, with invoice, contract and CMR copies.
 */
export function importDeclaration(docs: { invoice: string; contract: string; cmr: string }, over: Partial<DeclarationData> = {}): DeclarationData {
  return {
    direction: 'import',
    regime: 'release_for_free_circulation',
    officeCode: 'DUSHANBE',
    declarantCode: '010000101',
    consignor: { name: 'Shenzhen Trade Co', country: 'CN', address: 'Shenzhen, Futian 1' },
    consignee: { name: 'ҶДММ «Брокери намунавӣ»', country: 'TJ', address: 'Душанбе, Рӯдакӣ 1', tin: '010000101' },
    transport: { mode: 'road', vehicles: ['01 TJ 1234 AA'], nationality: 'TJ' },
    countryOfDispatch: 'CN',
    countryOfDestination: 'TJ',
    currency: 'USD',
    invoiceTotal: '15000.00',
    deliveryTerms: 'FCA Kashgar',
    preliminaryExemption: 'postal_item',
    valuation: { method: 1, transportCost: '800.00', insuranceCost: '150.00', otherCosts: '50.00' },
    items: [
      {
        number: 1,
        commodityCode: '8517130000',
        description: 'Смартфонҳо / смартфоны',
        originCountry: 'CN',
        grossMassKg: '120.500',
        netMassKg: '100.000',
        supplementaryQuantity: '500',
        packages: 10,
        packageKind: 'CT',
        invoiceAmount: '10000.00',
      },
      {
        number: 2,
        commodityCode: '1701999000',
        description: 'Шакар / сахар',
        originCountry: 'KZ',
        grossMassKg: '10100.000',
        netMassKg: '10000.000',
        packages: 200,
        packageKind: 'BG',
        invoiceAmount: '5000.00',
      },
    ],
    documents: [
      { typeCode: 'INVOICE', number: 'INV-77', date: '2026-02-20', issuer: 'Shenzhen Trade Co', sha256: docs.invoice },
      { typeCode: 'CONTRACT', number: 'C-2026/4', date: '2026-01-10', issuer: 'Shenzhen Trade Co', sha256: docs.contract },
      { typeCode: 'CMR', number: 'CMR-5511', date: '2026-02-25', issuer: 'Kashgar Logistics', sha256: docs.cmr },
    ],
    ...over,
  };
}
