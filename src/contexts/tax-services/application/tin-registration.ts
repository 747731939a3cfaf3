import { eq, sql } from 'drizzle-orm';
import { dushanbeDate } from '../../../platform/calendar/index.ts';
import { type Db, rows, transact } from '../../../platform/db.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { RequestErrorCode } from '../domain/errors.ts';
import type { IdentityErrorCode } from '../domain/identity-errors.ts';
import { checkTinApplication, displayName, type TinApplicationInput } from '../domain/identity.ts';
import { tinCertificatePdf } from '../infrastructure/certificates.ts';
import { taxpayers, tinCertificates } from '../infrastructure/identity.schema.ts';
import { units } from '../infrastructure/schema.ts';
import type { TaxServicesDeps } from './deps.ts';
import { queueMessage, trilingual } from './outgoing-messages.ts';
import { completeRequest, openRequest } from './requests.ts';
import { findByPassport, lockPassport, registerTaxpayer } from './taxpayers.ts';
import { sha256Hex } from '../../../platform/bytes.ts';

export type TinRegistrationInput = TinApplicationInput & {
  /** The tax body of the place of residence; the Dushanbe department when not given. */
  readonly unitCode?: string;
  /** Where the certificate is also sent (optional: it is handed back at once in any case). */
  readonly email?: string;
  readonly phone?: string;
};

export type TinRegistration = {
  readonly tin: string;
  readonly registeredAt: Date;
  readonly requestId: string;
  readonly requestNumber: string;
  readonly certificateNumber: string;
  readonly certificateSha256: string;
  readonly certificatePdf: Buffer;
  readonly verificationUrl: string;
};

/** The public page that checks a certificate (printed on it and in its QR code); it asks `GET /api/public/tax-services/tin-certificates/verify`. */
export const certificateCheckUrl = (publicUrl: string, number: string, tin: string) =>
  `${publicUrl.replace(/\/$/, '')}/public/tin-certificate?number=${encodeURIComponent(number)}&tin=${tin}`;

async function nextCertificateNumber(tx: Db, at: Date): Promise<string> {
  const [row] = await rows<{ n: string }>(tx, sql`SELECT nextval('tax_services.tin_certificate_seq')::text AS n`);
  return `T${dushanbeDate(at).slice(0, 4)}-${String(row?.n ?? '0').padStart(7, '0')}`;
}

/**
 * TS-20, TS-45, 01.01.01: a citizen of 16 or more without a TIN registers online. The TIN is
 * assigned at once; the request 01.01.01 is opened and completed in the same transaction with the
 * electronic TIN certificate (real time, hard cap 24 hours). Refused: under 16 on the day of
 * submission in Dushanbe, a passport that already has a TIN, malformed data.
 */
export async function registerTinOnline(
  deps: TaxServicesDeps,
  input: TinRegistrationInput,
  publicUrl: string,
): Promise<Result<TinRegistration, Failure<IdentityErrorCode | RequestErrorCode>>> {
  const at = deps.clock.now();
  const checked = checkTinApplication(input, dushanbeDate(at));
  if (!checked.ok) return checked;
  const a = checked.value;
  return transact(deps.database.db, async (tx) => {
    await lockPassport(tx, a.passport);
    if (await findByPassport(tx, a.passport)) return fail('TIN_ALREADY_ASSIGNED', 'body.passportNumber');
    const registered = await registerTaxpayer(tx, deps, 'public', {
      kind: 'individual',
      surname: a.surname,
      givenName: a.givenName,
      patronymic: a.patronymic,
      birthDate: a.birthDate,
      passport: a.passport,
      address: a.address,
      unitCode: input.unitCode ?? 'dushanbe',
    });
    if (!registered.ok) return registered;
    const person = registered.value;
    const [unit] = await tx.select().from(units).where(eq(units.id, person.unitId));
    if (!unit) throw new Error(`unit ${person.unitId} vanished`);
    const fullName = displayName(person);
    const opened = await openRequest(tx, deps, 'public', {
      serviceKey: '01.01.01',
      channel: 'cabinet',
      applicant: { tin: person.tin, name: fullName, email: input.email ?? null, phone: input.phone ?? null },
      unitCode: unit.code,
      receivedAt: at,
      subject: { tin: person.tin, via: 'online TIN registration (TS-20)' },
    });
    if (!opened.ok) return opened;
    const certificateNumber = await nextCertificateNumber(tx, at);
    const verificationUrl = certificateCheckUrl(publicUrl, certificateNumber, person.tin);
    const pdf = await tinCertificatePdf({
      certificateNumber,
      tin: person.tin,
      fullName,
      birthDate: a.birthDate,
      registeredOn: dushanbeDate(person.registeredAt),
      requestNumber: opened.value.number,
      unitName: { tg: unit.nameTg, ru: unit.nameRu, en: unit.nameEn },
      issuedAt: at,
      verificationUrl,
    });
    const completed = await completeRequest(tx, deps, 'system', opened.value.id, [
      { kind: 'tin_certificate', fileName: `tin-certificate-${person.tin}.pdf`, mediaType: 'application/pdf', content: pdf },
    ]);
    if (!completed.ok) return completed;
    const resultId = completed.value.resultIds[0];
    if (!resultId) throw new Error('the certificate was not kept');
    const sha256 = sha256Hex(pdf);
    await tx.insert(tinCertificates).values({
      id: uuidv7(at.getTime()),
      number: certificateNumber,
      taxpayerId: person.id,
      tin: person.tin,
      requestId: opened.value.id,
      resultId,
      sha256,
      issuedAt: at,
    });
    await sendCertificate(tx, at, input, { tin: person.tin, certificateNumber, requestId: opened.value.id, resultId });
    return ok({
      tin: person.tin,
      registeredAt: person.registeredAt,
      requestId: opened.value.id,
      requestNumber: opened.value.number,
      certificateNumber,
      certificateSha256: sha256,
      certificatePdf: pdf,
      verificationUrl,
    });
  });
}

/** "TIN certificate sent (electronic)": by e-mail with the PDF attached, or the TIN by SMS. */
async function sendCertificate(
  tx: Db,
  at: Date,
  to: { email?: string; phone?: string },
  c: { tin: string; certificateNumber: string; requestId: string; resultId: string },
) {
  const text = trilingual({
    tg: `Ба Шумо РМА ${c.tin} дода шуд. Шаҳодатномаи № ${c.certificateNumber}.`,
    ru: `Вам присвоен ИНН ${c.tin}. Свидетельство № ${c.certificateNumber}.`,
    en: `You have been given TIN ${c.tin}. Certificate No ${c.certificateNumber}.`,
  });
  if (to.email) {
    await queueMessage(tx, at, {
      channel: 'email',
      address: to.email,
      subject: `РМА / ИНН / TIN ${c.tin}`,
      body: text,
      kind: 'tin_certificate',
      tin: c.tin,
      requestId: c.requestId,
      attachmentResultId: c.resultId,
    });
  } else if (to.phone) {
    await queueMessage(tx, at, {
      channel: 'sms',
      address: to.phone,
      body: `РМА/ИНН/TIN ${c.tin}, № ${c.certificateNumber}`,
      kind: 'tin_certificate',
      tin: c.tin,
      requestId: c.requestId,
    });
  }
}

export type CertificateQuery = { readonly number?: string; readonly tin?: string; readonly sha256?: string };

/**
 * Tells anyone whether a TIN certificate is genuine: by its number and TIN together, or by the
 * SHA-256 of the PDF. It repeats only what the holder already shows (TIN, number, dates), never
 * the name or the birth date (TS-52).
 */
export async function verifyTinCertificate(
  deps: TaxServicesDeps,
  q: CertificateQuery,
): Promise<
  Result<
    { isGenuine: boolean; number: string | null; tin: string | null; issuedAt: Date | null; sha256: string | null; taxpayerStatus: string | null },
    Failure<IdentityErrorCode>
  >
> {
  const byHash = q.sha256 !== undefined;
  if (!(byHash ? q.number === undefined && q.tin === undefined : q.number !== undefined && q.tin !== undefined))
    return fail('CERTIFICATE_QUERY_INVALID', 'querystring');
  const condition = byHash
    ? eq(tinCertificates.sha256, (q.sha256 ?? '').toLowerCase())
    : sql`${tinCertificates.number} = ${q.number} AND ${tinCertificates.tin} = ${q.tin}`;
  const [row] = await deps.database.db
    .select({ c: tinCertificates, status: taxpayers.status })
    .from(tinCertificates)
    .innerJoin(taxpayers, eq(taxpayers.id, tinCertificates.taxpayerId))
    .where(condition);
  if (!row) return ok({ isGenuine: false, number: null, tin: null, issuedAt: null, sha256: null, taxpayerStatus: null });
  return ok({ isGenuine: true, number: row.c.number, tin: row.c.tin, issuedAt: row.c.issuedAt, sha256: row.c.sha256, taxpayerStatus: row.status });
}
