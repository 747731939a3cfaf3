import { randomInt } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { type AccountPrincipal, createAccount, findAccountByLogin } from '../../../platform/auth.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { type Db, transact } from '../../../platform/db.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { RequestErrorCode } from '../domain/errors.ts';
import type { IdentityErrorCode } from '../domain/identity-errors.ts';
import { cabinetRole, displayName, identityMatches, isNaturalPerson, maskAddress, nameKey, normalisePassport } from '../domain/identity.ts';
import type { TaxpayerRow } from '../infrastructure/identity.schema.ts';
import { type RequestRow, requests } from '../infrastructure/schema.ts';
import { actorOf, type TaxServicesDeps } from './deps.ts';
import { queueMessage, trilingual } from './outgoing-messages.ts';
import { completeRequest, openRequest } from './requests.ts';
import { findByTin } from './taxpayers.ts';

export type CabinetApplication = {
  readonly tin: string;
  /** A natural person proves who they are with the register's identity data. */
  readonly passportSeries?: string;
  readonly passportNumber?: string;
  readonly surname?: string;
  readonly birthDate?: string;
  /** An organisation names itself as registered, and who acts for it (an officer checks the documents). */
  readonly organisationName?: string;
  readonly representative?: { readonly fullName: string; readonly position: string; readonly passportNumber: string };
  readonly email?: string;
  readonly phone?: string;
};

export type CabinetOutcome = {
  readonly requestId: string;
  readonly requestNumber: string;
  /** `completed`: opened at once (the identity data matched the register); `open`: an officer confirms. */
  readonly status: 'completed' | 'open';
  readonly dueAt: Date | null;
  readonly sentTo: { readonly channel: 'email' | 'sms'; readonly address: string };
};

type Contact = { readonly channel: 'email' | 'sms'; readonly address: string };

const contactOf = (email?: string | null, phone?: string | null): Contact | undefined =>
  email ? { channel: 'email', address: email } : phone ? { channel: 'sms', address: phone } : undefined;

/** Letters and digits that cannot be mistaken for one another when read from an SMS. */
const PASSWORD_ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A one-time password: 12 characters, about 70 bits. */
export const oneTimePassword = (): string => Array.from({ length: 12 }, () => PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)]).join('');

function claimMatches(row: TaxpayerRow | undefined, a: CabinetApplication): row is TaxpayerRow {
  if (!row) return false;
  if (isNaturalPerson(row.kind)) {
    const passport = a.passportNumber ? normalisePassport(a.passportSeries, a.passportNumber) : undefined;
    return passport !== undefined && !!a.surname && !!a.birthDate && identityMatches(row, { passport, surname: a.surname, birthDate: a.birthDate });
  }
  return !!a.organisationName && !!a.representative && row.organisationName !== null && nameKey(row.organisationName) === nameKey(a.organisationName);
}

async function hasPendingRequest(tx: Db, tin: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: requests.id })
    .from(requests)
    .where(and(eq(requests.serviceCode, '12.12.01'), eq(requests.applicantTin, tin), isNull(requests.completedAt)))
    .limit(1);
  return row !== undefined;
}

/**
 * TS-49, 12.12.01: a taxpayer asks for a personal cabinet with their TIN, identity data and an
 * e-mail address or telephone number. A natural person whose data match the register exactly gets
 * the cabinet at once; an organisation's request waits for an officer, who checks the
 * representative's documents (1 working day). A mismatch and an unknown TIN get the same answer.
 */
export async function requestCabinet(
  deps: TaxServicesDeps,
  a: CabinetApplication,
): Promise<Result<CabinetOutcome, Failure<IdentityErrorCode | RequestErrorCode>>> {
  const contact = contactOf(a.email, a.phone);
  if (!contact) return fail('CABINET_CONTACT_REQUIRED', 'body.email');
  return transact(deps.database.db, async (tx) => {
    // One cabinet request per TIN at a time, even from two tabs.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`cabinet:${a.tin}`}))`);
    const row = await findByTin(tx, a.tin);
    if (!claimMatches(row, a)) return fail('CABINET_IDENTITY_MISMATCH');
    if (row.status === 'deregistered') return fail('TAXPAYER_DEREGISTERED');
    if (await findAccountByLogin(tx, row.tin)) return fail('CABINET_ALREADY_OPEN');
    if (await hasPendingRequest(tx, row.tin)) return fail('CABINET_REQUEST_PENDING');
    const opened = await openRequest(tx, deps, 'public', {
      serviceKey: '12.12.01',
      channel: 'cabinet',
      applicant: { tin: row.tin, name: displayName(row), email: a.email ?? null, phone: a.phone ?? null },
      subject: { tin: row.tin, kind: row.kind, ...(a.representative ? { representative: a.representative } : {}) },
    });
    if (!opened.ok) return opened;
    const base = {
      requestId: opened.value.id,
      requestNumber: opened.value.number,
      dueAt: opened.value.clock?.dueAt ?? null,
      sentTo: { channel: contact.channel, address: maskAddress(contact.address) },
    };
    if (!isNaturalPerson(row.kind)) return ok({ ...base, status: 'open' as const });
    const issued = await issueCredentials(tx, deps, 'system', row, opened.value.id, contact);
    if (!issued.ok) return issued;
    return ok({ ...base, status: 'completed' as const });
  });
}

/**
 * Completes 12.12.01: an account with the TIN as login and a one-time password. The password is
 * hashed in the account (scrypt) and travels only in the outgoing message's secret, erased when
 * the gateway has sent it; the result kept with the request says where it went, not what it was.
 */
async function issueCredentials(tx: Db, deps: TaxServicesDeps, actor: string, row: TaxpayerRow, requestId: string, contact: Contact) {
  const at = deps.clock.now();
  const password = oneTimePassword();
  const role = cabinetRole(row.kind);
  const accountId = await createAccount(tx, { role, login: row.tin, secret: password, displayName: displayName(row), tin: row.tin }, at);
  const text = {
    tg: `Ҳуҷраи шахсии андозсупоранда кушода шуд. Логин: ${row.tin}. Рамзи яккарата: {secret}. Рамзро пас аз вуруд иваз кунед.`,
    ru: `Личный кабинет налогоплательщика открыт. Логин: ${row.tin}. Одноразовый пароль: {secret}. Смените пароль после входа.`,
    en: `Your taxpayer's personal cabinet is open. Login: ${row.tin}. One-time password: {secret}. Change it after you sign in.`,
  };
  const messageId = await queueMessage(tx, at, {
    channel: contact.channel,
    address: contact.address,
    subject: contact.channel === 'email' ? 'Ҳуҷраи шахсӣ / Личный кабинет / Personal cabinet' : null,
    body: contact.channel === 'email' ? trilingual(text) : `РМА/ИНН/TIN ${row.tin}: {secret}`,
    secret: password,
    kind: 'cabinet_credentials',
    tin: row.tin,
    requestId,
  });
  const receipt = { login: row.tin, role, channel: contact.channel, sentTo: maskAddress(contact.address), messageId, at: at.toISOString() };
  await appendAudit(tx, at, { actor, action: 'cabinet.opened', entity: 'account', entityId: accountId, after: { login: row.tin, role, tin: row.tin } });
  return completeRequest(tx, deps, actor, requestId, [
    { kind: 'credentials', fileName: 'cabinet-credentials.json', mediaType: 'application/json', content: Buffer.from(JSON.stringify(receipt)) },
  ]);
}

const canWork = (p: AccountPrincipal, row: RequestRow) =>
  p.role === 'service_officer' || (p.role === 'tax_officer' && (p.unitId === null || p.unitId === row.unitId));

/** 12.12.01 for an organisation: an officer has checked the representative's documents and opens the cabinet. */
export async function confirmCabinet(
  deps: TaxServicesDeps,
  officer: AccountPrincipal,
  requestId: string,
): Promise<Result<{ requestNumber: string }, Failure<IdentityErrorCode | RequestErrorCode>>> {
  return transact(deps.database.db, async (tx) => {
    const [request] = await tx.select().from(requests).where(eq(requests.id, requestId)).for('update');
    if (request?.serviceCode !== '12.12.01' || !canWork(officer, request) || !request.applicantTin) return fail('CABINET_REQUEST_NOT_FOUND');
    if (request.completedAt) return fail('REQUEST_CLOSED');
    const row = await findByTin(tx, request.applicantTin);
    if (!row) return fail('TAXPAYER_NOT_FOUND');
    if (row.status === 'deregistered') return fail('TAXPAYER_DEREGISTERED');
    if (await findAccountByLogin(tx, row.tin)) return fail('CABINET_ALREADY_OPEN');
    const contact = contactOf(request.applicantEmail, request.applicantPhone);
    if (!contact) return fail('CABINET_CONTACT_REQUIRED');
    const issued = await issueCredentials(tx, deps, actorOf(officer), row, request.id, contact);
    if (!issued.ok) return issued;
    return ok({ requestNumber: request.number });
  });
}
