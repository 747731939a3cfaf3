import { and, eq, gt, isNull, lte } from 'drizzle-orm';
import type { Db } from '../../../platform/db.ts';
import { notify } from '../../../platform/notifications.ts';
import type { DueTimeChecker } from '../../../platform/outbox.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { IdentityErrorCode } from '../domain/identity-errors.ts';
import { remindersDue } from '../domain/identity.ts';
import { certificateAuthority, isIssuedBy, isSignedBy, readCertificate, sha256Hex } from '../infrastructure/ca.ts';
import { type EdsCertificateRow, edsApplications, edsCertificates } from '../infrastructure/identity.schema.ts';
import type { TaxServicesDeps } from './deps.ts';
import { queueMessage, trilingual } from './outgoing-messages.ts';

/** Why a signature does not verify; null when it does. */
export type SignatureFault =
  | 'certificate_unreadable'
  | 'not_issued_by_platform_ca'
  | 'unknown_certificate'
  | 'not_yet_valid'
  | 'expired'
  | 'revoked'
  | 'signature_mismatch';

export type SignatureCheck = {
  readonly isValid: boolean;
  readonly fault: SignatureFault | null;
  readonly certificate: {
    readonly serialNumber: string;
    readonly tin: string;
    readonly subject: string;
    readonly notBefore: Date;
    readonly notAfter: Date;
    readonly revokedAt: Date | null;
  } | null;
};

export type SignatureQuery = {
  /** The signer's certificate (PEM), or the serial number of one the platform issued. */
  readonly certificatePem?: string;
  readonly serialNumber?: string;
  readonly message: Buffer;
  /** ECDSA P-256 over SHA-256: DER, or raw r‖s of 64 bytes as WebCrypto gives it. */
  readonly signature: Buffer;
  /** When the signature was made (a declaration: the moment it was received); now when not given. */
  readonly signedAt?: Date;
};

const describe = (row: EdsCertificateRow) => ({
  serialNumber: row.serialNumber,
  tin: row.tin,
  subject: row.subject,
  notBefore: row.notBefore,
  notAfter: row.notAfter,
  revokedAt: row.revokedAt,
});

/**
 * TS-50: whether a signature was made with a certificate of the platform's authority that was in
 * force when it was made: the certificate chains to the authority, is one we issued (a certificate
 * the root key signed but the register does not know means the key leaked), was within its
 * validity and not revoked at that time, and the signature matches. E-declarations call this.
 */
export async function verifyEdsSignature(deps: TaxServicesDeps, q: SignatureQuery): Promise<Result<SignatureCheck, Failure<IdentityErrorCode>>> {
  if (!q.certificatePem === !q.serialNumber) return fail('EDS_VERIFY_QUERY_INVALID', 'body.certificatePem');
  const db = deps.database.db;
  const authority = await certificateAuthority(deps.database, deps.clock.now);
  let row: EdsCertificateRow | undefined;
  if (q.serialNumber) [row] = await db.select().from(edsCertificates).where(eq(edsCertificates.serialNumber, q.serialNumber.toUpperCase()));
  const pem = q.certificatePem ?? row?.certificatePem;
  if (!pem) return ok({ isValid: false, fault: 'unknown_certificate', certificate: null });
  const certificate = readCertificate(pem);
  if (!certificate) return ok({ isValid: false, fault: 'certificate_unreadable', certificate: null });
  if (!isIssuedBy(certificate, authority)) return ok({ isValid: false, fault: 'not_issued_by_platform_ca', certificate: null });
  if (!row)
    [row] = await db
      .select()
      .from(edsCertificates)
      .where(eq(edsCertificates.sha256, sha256Hex(certificate.raw)));
  if (!row) return ok({ isValid: false, fault: 'unknown_certificate', certificate: null });
  const at = q.signedAt ?? deps.clock.now();
  const fault: SignatureFault | null =
    at < row.notBefore
      ? 'not_yet_valid'
      : at > row.notAfter
        ? 'expired'
        : row.revokedAt && row.revokedAt <= at
          ? 'revoked'
          : !isSignedBy(certificate, q.message, q.signature)
            ? 'signature_mismatch'
            : null;
  return ok({ isValid: fault === null, fault, certificate: describe(row) });
}

const DAY_MS = 86_400_000;

type Due = { cert: EdsCertificateRow; email: string | null; phone: string | null };

async function remind(tx: Db, now: Date, { cert, email, phone }: Due, days: 30 | 7): Promise<void> {
  const until = cert.notAfter.toISOString().slice(0, 10);
  const text = {
    tg: `Мӯҳлати сертификати ИЭР № ${cert.serialNumber} пас аз ${days} рӯз (${until}) ба охир мерасад. Онро дар ҳуҷраи шахсӣ нав кунед.`,
    ru: `Срок действия сертификата ЭЦП № ${cert.serialNumber} истекает через ${days} дн. (${until}). Продлите его в личном кабинете.`,
    en: `EDS certificate No ${cert.serialNumber} expires in ${days} days (${until}). Renew it in your personal cabinet.`,
  };
  const title = { tg: 'Мӯҳлати сертификати ИЭР ба охир мерасад', ru: 'Истекает срок сертификата ЭЦП', en: 'Your EDS certificate is about to expire' };
  await notify(tx, now, {
    recipient: { kind: 'business', id: cert.tin },
    kind: `eds_expiry_${days}`,
    title,
    body: text,
    subject: { type: 'eds_certificate', id: cert.id },
  });
  const contact = email ? ({ channel: 'email', address: email } as const) : phone ? ({ channel: 'sms', address: phone } as const) : undefined;
  if (contact) {
    await queueMessage(tx, now, {
      ...contact,
      subject: contact.channel === 'email' ? `${title.tg} / ${title.ru} / ${title.en}` : null,
      body: contact.channel === 'email' ? trilingual(text) : text.tg,
      kind: `eds_expiry_${days}`,
      tin: cert.tin,
    });
  }
}

/**
 * TS-50: reminds the holder 30 and 7 days before a certificate ends, in the cabinet and by e-mail
 * or SMS when a contact was given. A revoked or renewed certificate is not reminded of; each
 * reminder goes once.
 */
export function edsExpiryChecker(): DueTimeChecker {
  return {
    name: 'tax-services.eds-expiry',
    run: (db, now) =>
      db.transaction(async (tx) => {
        const found = await tx
          .select({ cert: edsCertificates, email: edsApplications.contactEmail, phone: edsApplications.contactPhone })
          .from(edsCertificates)
          .innerJoin(edsApplications, eq(edsApplications.id, edsCertificates.applicationId))
          .where(
            and(
              isNull(edsCertificates.revokedAt),
              isNull(edsCertificates.renewedBy),
              isNull(edsCertificates.reminded7At),
              lte(edsCertificates.notAfter, new Date(now.getTime() + 30 * DAY_MS)),
              gt(edsCertificates.notAfter, now),
            ),
          )
          .limit(500)
          .for('update', { skipLocked: true });
        let sent = 0;
        for (const due of found) {
          const which = remindersDue(due.cert.notAfter, now, { at30: due.cert.reminded30At !== null, at7: due.cert.reminded7At !== null });
          if (which.at30) await remind(tx, now, due, 30);
          if (which.at7) await remind(tx, now, due, 7);
          if (!which.at30 && !which.at7) continue;
          sent += 1;
          await tx
            .update(edsCertificates)
            .set(which.at7 ? { reminded7At: now } : { reminded30At: now })
            .where(eq(edsCertificates.id, due.cert.id));
        }
        return sent;
      }),
  };
}
