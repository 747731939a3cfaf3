import { and, desc, eq, lte, sql } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { dushanbeDate } from '../../../platform/calendar/index.ts';
import { type Db, transact } from '../../../platform/db.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { RequestErrorCode } from '../domain/errors.ts';
import type { IdentityErrorCode } from '../domain/identity-errors.ts';
import { displayName, edsFee, isNaturalPerson, laterOf, oneYearAfter } from '../domain/identity.ts';
import type { JsonName } from '@peculiar/x509';
import { type Authority, certificateAuthority, publicKeyToCertify, serialNumber, sha256Hex } from '../infrastructure/ca.ts';
import {
  type EdsApplicationRow,
  type EdsCertificateRow,
  edsApplications,
  edsCertificates,
  edsPrices,
  type TaxpayerRow,
} from '../infrastructure/identity.schema.ts';
import { actorOf, type TaxServicesDeps } from './deps.ts';
import { completeRequest, openRequest } from './requests.ts';
import { findByTin } from './taxpayers.ts';

type EdsFailure = Failure<IdentityErrorCode | RequestErrorCode>;

export type EdsApplicationInput = {
  readonly csrPem?: string;
  readonly publicKeySpki?: string;
  /** A renewal names the certificate it follows. */
  readonly renewsCertificateId?: string;
  /** Where the expiry reminders go besides the cabinet. */
  readonly email?: string;
  readonly phone?: string;
};

const isTaxpayer = (p: AccountPrincipal) => p.role === 'taxpayer' || p.role === 'business';

/** The price of the approved list in force on `date` for a kind of taxpayer. */
async function listedPrice(tx: Db, kind: TaxpayerRow['kind'], date: string): Promise<number | undefined> {
  const [row] = await tx
    .select({ amount: edsPrices.amountDirams })
    .from(edsPrices)
    .where(and(eq(edsPrices.taxpayerKind, kind), lte(edsPrices.effectiveFrom, date)))
    .orderBy(desc(edsPrices.effectiveFrom))
    .limit(1);
  return row?.amount;
}

/** The price list in force on `date`, one price per kind of taxpayer (dehkan farms free by Annex 2). */
export async function edsPriceList(deps: TaxServicesDeps, date: string) {
  const kinds = ['individual', 'individual_entrepreneur', 'legal_entity', 'dehkan_farm'] as const;
  const db = deps.database.db;
  return Promise.all(kinds.map(async (kind) => ({ taxpayerKind: kind, amountDirams: edsFee(kind, await listedPrice(db, kind, date)) ?? null })));
}

/**
 * TS-50, 12.12.02: a taxpayer applies in the cabinet with a PKCS#10 request (or a bare public key)
 * for an ECDSA P-256 key; the price is fixed now from the list in force (dehkan farms pay nothing).
 */
export async function applyForEds(
  deps: TaxServicesDeps,
  principal: AccountPrincipal,
  input: EdsApplicationInput,
): Promise<Result<EdsApplicationRow, EdsFailure>> {
  const key = await publicKeyToCertify({ csrPem: input.csrPem, spki: input.publicKeySpki });
  if (!key) return fail('EDS_KEY_INVALID', input.csrPem ? 'body.csrPem' : 'body.publicKeySpki');
  const at = deps.clock.now();
  return transact(deps.database.db, async (tx) => {
    if (!principal.tin) return fail('TAXPAYER_NOT_FOUND');
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`eds:${principal.tin}`}))`);
    const taxpayer = await findByTin(tx, principal.tin);
    if (!taxpayer) return fail('TAXPAYER_NOT_FOUND');
    if (taxpayer.status === 'deregistered') return fail('TAXPAYER_DEREGISTERED');
    const [pending] = await tx
      .select({ id: edsApplications.id })
      .from(edsApplications)
      .where(and(eq(edsApplications.tin, taxpayer.tin), eq(edsApplications.status, 'pending')));
    if (pending) return fail('EDS_APPLICATION_PENDING', undefined, { applicationId: pending.id });
    if (input.renewsCertificateId) {
      const [old] = await tx.select().from(edsCertificates).where(eq(edsCertificates.id, input.renewsCertificateId));
      if (!old || old.tin !== taxpayer.tin) return fail('EDS_CERTIFICATE_NOT_FOUND', 'body.renewsCertificateId');
      if (old.revokedAt || old.renewedBy) return fail('EDS_RENEWAL_NOT_ALLOWED', 'body.renewsCertificateId');
    }
    const price = edsFee(taxpayer.kind, await listedPrice(tx, taxpayer.kind, dushanbeDate(at)));
    if (price === undefined) return fail('EDS_PRICE_NOT_SET');
    const [row] = await tx
      .insert(edsApplications)
      .values({
        id: uuidv7(at.getTime()),
        tin: taxpayer.tin,
        taxpayerId: taxpayer.id,
        status: 'pending',
        keySource: key.source,
        publicKeySpki: key.spki.toString('base64'),
        priceDirams: price,
        renewsCertificateId: input.renewsCertificateId ?? null,
        contactEmail: input.email ?? null,
        contactPhone: input.phone ?? null,
        appliedAt: at,
        appliedBy: actorOf(principal),
      })
      .returning();
    if (!row) throw new Error('the application was not stored');
    return ok(row);
  });
}

async function lockApplication(tx: Db, id: string): Promise<EdsApplicationRow | undefined> {
  const [row] = await tx.select().from(edsApplications).where(eq(edsApplications.id, id)).for('update');
  return row;
}

/** The applicant accepts the contract in the cabinet (the first of the two start conditions). */
export async function signEdsContract(deps: TaxServicesDeps, principal: AccountPrincipal, id: string): Promise<Result<EdsApplicationRow, EdsFailure>> {
  const authority = await certificateAuthority(deps.database, deps.clock.now);
  return transact(deps.database.db, async (tx) => {
    const row = await lockApplication(tx, id);
    if (!row || row.tin !== principal.tin) return fail('EDS_APPLICATION_NOT_FOUND');
    if (row.status !== 'pending') return fail('EDS_APPLICATION_CLOSED');
    if (row.contractSignedAt) return fail('EDS_CONTRACT_ALREADY_SIGNED');
    const at = deps.clock.now();
    const [signed] = await tx.update(edsApplications).set({ contractSignedAt: at }).where(eq(edsApplications.id, id)).returning();
    if (!signed) throw new Error('the application vanished');
    return issueWhenReady(tx, deps, authority, actorOf(principal), signed);
  });
}

export type EdsPayment = { readonly amountDirams: number; readonly reference: string; readonly paidAt?: Date };

/**
 * An officer records the fee as the bank confirmed it, with the bank's time of payment: the
 * second start condition. The amount must be the application's price; a dehkan farm owes nothing.
 */
export async function recordEdsPayment(
  deps: TaxServicesDeps,
  officer: AccountPrincipal,
  id: string,
  payment: EdsPayment,
): Promise<Result<EdsApplicationRow, EdsFailure>> {
  const authority = await certificateAuthority(deps.database, deps.clock.now);
  return transact(deps.database.db, async (tx) => {
    const row = await lockApplication(tx, id);
    if (!row) return fail('EDS_APPLICATION_NOT_FOUND');
    if (row.status !== 'pending') return fail('EDS_APPLICATION_CLOSED');
    if (row.priceDirams === 0) return fail('EDS_PAYMENT_NOT_DUE');
    if (row.paidAt) return fail('EDS_ALREADY_PAID');
    if (payment.amountDirams !== row.priceDirams) return fail('EDS_PAYMENT_AMOUNT_MISMATCH', 'body.amountDirams', { priceDirams: row.priceDirams });
    const at = deps.clock.now();
    const paidAt = payment.paidAt ?? at;
    if (paidAt > at || paidAt < row.appliedAt) return fail('EDS_PAYMENT_TIME_INVALID', 'body.paidAt');
    const [paid] = await tx
      .update(edsApplications)
      .set({ paidAt, paymentReference: payment.reference, paymentRecordedBy: actorOf(officer), paymentRecordedAt: at })
      .where(eq(edsApplications.id, id))
      .returning();
    if (!paid) throw new Error('the application vanished');
    return issueWhenReady(tx, deps, authority, actorOf(officer), paid);
  });
}

/** The subject of an issued certificate: the register's name, the TIN as the ETSI "TINTJ-" serial number. */
function subjectOf(taxpayer: TaxpayerRow): JsonName {
  return [
    { CN: [displayName(taxpayer)] },
    ...(isNaturalPerson(taxpayer.kind) ? [] : [{ O: [taxpayer.organisationName ?? ''] }]),
    { '2.5.4.5': [`TINTJ-${taxpayer.tin}`] },
    { C: ['TJ'] },
  ];
}

/**
 * Once the contract is signed and the fee paid (or none is due), the request 12.12.02 is opened
 * with its clock started at the later of the two (3 working days, TS-50), and the certificate is
 * issued and delivered with it: everything it needs was checked when the application came in.
 */
async function issueWhenReady(
  tx: Db,
  deps: TaxServicesDeps,
  authority: Authority,
  actor: string,
  row: EdsApplicationRow,
): Promise<Result<EdsApplicationRow, EdsFailure>> {
  const isPaid = row.priceDirams === 0 || row.paidAt !== null;
  if (!row.contractSignedAt || !isPaid) return ok(row);
  const startedAt = row.paidAt ? laterOf(row.contractSignedAt, row.paidAt) : row.contractSignedAt;
  const taxpayer = await findByTin(tx, row.tin);
  if (!taxpayer) return fail('TAXPAYER_NOT_FOUND');
  const opened = await openRequest(tx, deps, actor, {
    serviceKey: '12.12.02',
    channel: 'cabinet',
    applicant: { tin: row.tin, name: displayName(taxpayer), email: row.contactEmail, phone: row.contactPhone },
    receivedAt: row.appliedAt,
    startedAt,
    subject: {
      applicationId: row.id,
      priceDirams: row.priceDirams,
      contractSignedAt: row.contractSignedAt.toISOString(),
      paidAt: row.paidAt?.toISOString() ?? null,
    },
  });
  if (!opened.ok) return opened;
  const at = deps.clock.now();
  const serial = serialNumber();
  const spki = Buffer.from(row.publicKeySpki, 'base64');
  const notAfter = oneYearAfter(at);
  const pem = await authority.issue({ serialNumber: serial, subject: subjectOf(taxpayer), spki, notBefore: at, notAfter });
  const der = Buffer.from(pem.replace(/-----(BEGIN|END) CERTIFICATE-----|\s+/g, ''), 'base64');
  const certificateId = uuidv7(at.getTime());
  await tx.insert(edsCertificates).values({
    id: certificateId,
    serialNumber: serial,
    applicationId: row.id,
    tin: row.tin,
    taxpayerId: taxpayer.id,
    subject: displayName(taxpayer),
    certificatePem: pem,
    sha256: sha256Hex(der),
    publicKeySha256: sha256Hex(spki),
    notBefore: at,
    notAfter,
    issuedAt: at,
  });
  if (row.renewsCertificateId) await tx.update(edsCertificates).set({ renewedBy: certificateId }).where(eq(edsCertificates.id, row.renewsCertificateId));
  const completed = await completeRequest(tx, deps, actor, opened.value.id, [
    {
      kind: 'eds_certificate',
      fileName: `${serial}.pem`,
      mediaType: 'application/pem-certificate-chain',
      content: Buffer.from(`${pem}\n${authority.certificatePem}`),
    },
  ]);
  if (!completed.ok) return completed;
  await appendAudit(tx, at, {
    actor,
    action: 'eds.issued',
    entity: 'eds_certificate',
    entityId: serial,
    after: { tin: row.tin, notBefore: at.toISOString(), notAfter: notAfter.toISOString(), renews: row.renewsCertificateId },
  });
  const [issued] = await tx.update(edsApplications).set({ status: 'issued', requestId: opened.value.id }).where(eq(edsApplications.id, row.id)).returning();
  if (!issued) throw new Error('the application vanished');
  return ok(issued);
}

/** The holder (lost key) or an officer revokes a certificate: signatures made with it no longer verify. */
export async function revokeEdsCertificate(
  deps: TaxServicesDeps,
  principal: AccountPrincipal,
  id: string,
  reason: string,
): Promise<Result<EdsCertificateRow, EdsFailure>> {
  return transact(deps.database.db, async (tx) => {
    const [row] = await tx.select().from(edsCertificates).where(eq(edsCertificates.id, id)).for('update');
    if (!row || (isTaxpayer(principal) && row.tin !== principal.tin)) return fail('EDS_CERTIFICATE_NOT_FOUND');
    if (row.revokedAt) return fail('EDS_CERTIFICATE_REVOKED');
    const at = deps.clock.now();
    const [revoked] = await tx.update(edsCertificates).set({ revokedAt: at, revocationReason: reason }).where(eq(edsCertificates.id, id)).returning();
    if (!revoked) throw new Error('the certificate vanished');
    await appendAudit(tx, at, {
      actor: actorOf(principal),
      action: 'eds.revoked',
      entity: 'eds_certificate',
      entityId: row.serialNumber,
      before: { revokedAt: null },
      after: { revokedAt: at.toISOString(), reason },
    });
    return ok(revoked);
  });
}

/** A taxpayer's own applications, or any (by TIN) for an officer. */
export async function listEdsApplications(deps: TaxServicesDeps, principal: AccountPrincipal, tin?: string) {
  const who = isTaxpayer(principal) ? principal.tin : tin;
  const query = deps.database.db.select().from(edsApplications);
  return (who ? query.where(eq(edsApplications.tin, who)) : query).orderBy(desc(edsApplications.appliedAt)).limit(200);
}

export async function getEdsApplication(deps: TaxServicesDeps, principal: AccountPrincipal, id: string): Promise<Result<EdsApplicationRow, EdsFailure>> {
  const [row] = await deps.database.db.select().from(edsApplications).where(eq(edsApplications.id, id));
  if (!row || (isTaxpayer(principal) && row.tin !== principal.tin)) return fail('EDS_APPLICATION_NOT_FOUND');
  return ok(row);
}

/** A taxpayer's own certificates, or any (by TIN) for an officer; newest first. */
export async function listEdsCertificates(deps: TaxServicesDeps, principal: AccountPrincipal, tin?: string) {
  const who = isTaxpayer(principal) ? principal.tin : tin;
  const query = deps.database.db.select().from(edsCertificates);
  return (who ? query.where(eq(edsCertificates.tin, who)) : query).orderBy(desc(edsCertificates.issuedAt)).limit(200);
}
