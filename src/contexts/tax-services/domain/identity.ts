import type { Localised } from '../../../platform/i18n.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';

/**
 * Pure rules of the identity services (docs/tax-services-identity.md): TINs, names and passports as
 * the register compares them, the age of 16 (TS-20, TS-45), the proof of work of "Find out TIN"
 * (TS-44), the price and the validity of an EDS certificate (TS-50).
 */

/** The kinds of taxpayer the register holds. */
export const TAXPAYER_KINDS = ['individual', 'individual_entrepreneur', 'legal_entity', 'dehkan_farm'] as const;
export type TaxpayerKind = (typeof TAXPAYER_KINDS)[number];

/** A natural person has a surname, a given name, a birth date and a passport; an organisation a name. */
export const isNaturalPerson = (kind: TaxpayerKind): boolean => kind === 'individual' || kind === 'individual_entrepreneur';

/** The account a cabinet opens (12.12.01): a citizen's cabinet, or a business cabinet for anyone who trades. */
export const cabinetRole = (kind: TaxpayerKind): 'taxpayer' | 'business' => (kind === 'individual' ? 'taxpayer' : 'business');

export const isWellFormedTin = (tin: string): boolean => /^\d{9}$/.test(tin);

/** How many TINs the generator can draw: nine digits, the first not 0. */
export const TIN_SPACE = 900_000_000;

/**
 * A new TIN from a random integer in [0, TIN_SPACE). No checksum: no public rule of the Tax
 * Committee for one is known, so a TIN is nine digits and nothing more; the first digit is never 0
 * so that a TIN keeps its length in any spreadsheet. Uniqueness is the register's (unique index).
 */
export function tinFromRandom(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= TIN_SPACE) throw new RangeError(`TIN random out of range: ${n}`);
  return String(100_000_000 + n);
}

/** Trims, joins runs of spaces and puts the text in NFC: the form a name is stored in. */
export const tidy = (text: string): string => text.normalize('NFC').trim().replace(/\s+/g, ' ');

const NAME = /^\p{L}[\p{L}\p{M}'’ -]*$/u;

/** A personal name as stored, or undefined when it is not a name (digits, signs, too long). */
export function personalName(text: string | undefined | null): string | undefined {
  if (text === undefined || text === null) return undefined;
  const name = tidy(text);
  return name.length > 0 && name.length <= 60 && NAME.test(name) ? name : undefined;
}

/** The key two names are compared by: letter for letter, whatever the case or spacing. */
export const nameKey = (text: string): string => tidy(text).toUpperCase();

/** Cyrillic letters that look like the Latin letters of a passport series (spec A-17: normalise homoglyphs). */
const HOMOGLYPHS: Readonly<Record<string, string>> = { А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', У: 'Y' };

export type Passport = { readonly series: string; readonly number: string };

/**
 * A passport as the register keeps it: the series in capital Latin letters ('' when there is none),
 * the number in 6 to 10 digits. Letters typed before the digits in the number field are the series.
 */
export function normalisePassport(series: string | undefined | null, number: string): Passport | undefined {
  let s = (series ?? '').replace(/[\s-]/g, '').toUpperCase();
  let n = number.replace(/[\s-]/g, '').toUpperCase();
  const lead = n.match(/^(\p{L}+)(\d+)$/u);
  if (lead && s === '') {
    s = lead[1] ?? '';
    n = lead[2] ?? '';
  }
  s = [...s].map((c) => HOMOGLYPHS[c] ?? c).join('');
  return /^[A-Z]{0,3}$/.test(s) && /^\d{6,10}$/.test(n) ? { series: s, number: n } : undefined;
}

/** A calendar date written YYYY-MM-DD that exists. */
export function isRealDate(date: string): boolean {
  const m = date.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/**
 * The day a person born on `birthDate` reaches `years` of age. Born on 29 February, in a year
 * without that day, they reach it on 28 February: a period counted in years that ends in a month
 * without the matching day ends on that month's last day (Civil Code rule on computing periods).
 */
export function ageReachedOn(birthDate: string, years: number): string {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const year = y + years;
  const day = m === 2 && d === 29 && !isLeap(year) ? 28 : d;
  return `${pad(year, 4)}-${pad(m)}-${pad(day)}`;
}

/** Whether a person born on `birthDate` is at least `years` old on `today` (both Dushanbe dates). */
export const hasReachedAge = (birthDate: string, years: number, today: string): boolean => ageReachedOn(birthDate, years) <= today;

/** TS-20: a citizen gets a TIN online from the age of 16. */
export const MIN_TIN_AGE = 16;

export type TinApplicationInput = {
  readonly surname: string;
  readonly givenName: string;
  readonly patronymic?: string | null;
  readonly birthDate: string;
  readonly passportSeries?: string | null;
  readonly passportNumber: string;
  readonly address: string;
};

export type TinApplication = {
  readonly surname: string;
  readonly givenName: string;
  readonly patronymic: string | null;
  readonly birthDate: string;
  readonly passport: Passport;
  readonly address: string;
};

/**
 * Checks an online TIN application (TS-20, TS-45) on the day it is submitted in Dushanbe: the data
 * are well-formed and the applicant is at least 16 that day.
 */
export function checkTinApplication(
  input: TinApplicationInput,
  today: string,
): Result<TinApplication, Failure<'TIN_REGISTRATION_INVALID' | 'TIN_APPLICANT_UNDER_16'>> {
  const surname = personalName(input.surname);
  if (!surname) return fail('TIN_REGISTRATION_INVALID', 'body.surname');
  const givenName = personalName(input.givenName);
  if (!givenName) return fail('TIN_REGISTRATION_INVALID', 'body.givenName');
  const patronymic = input.patronymic ? personalName(input.patronymic) : null;
  if (patronymic === undefined) return fail('TIN_REGISTRATION_INVALID', 'body.patronymic');
  if (!isRealDate(input.birthDate) || input.birthDate > today || input.birthDate < '1900-01-01') return fail('TIN_REGISTRATION_INVALID', 'body.birthDate');
  const passport = normalisePassport(input.passportSeries, input.passportNumber);
  if (!passport) return fail('TIN_REGISTRATION_INVALID', 'body.passportNumber');
  const address = tidy(input.address);
  if (address.length < 5) return fail('TIN_REGISTRATION_INVALID', 'body.address');
  if (!hasReachedAge(input.birthDate, MIN_TIN_AGE, today)) {
    return fail('TIN_APPLICANT_UNDER_16', 'body.birthDate', { reachesAgeOn: ageReachedOn(input.birthDate, MIN_TIN_AGE) });
  }
  return ok({ surname, givenName, patronymic, birthDate: input.birthDate, passport, address });
}

/** What the register holds about a person's identity. */
export type IdentityRecord = {
  readonly surname: string | null;
  readonly birthDate: string | null;
  readonly passportSeries: string | null;
  readonly passportNumber: string | null;
};

/** What a person gives to prove who they are: the document, the surname and the birth date. */
export type IdentityClaim = { readonly passport: Passport; readonly surname: string; readonly birthDate: string };

/** All three match exactly (the surname letter for letter, whatever the case): no partial match ever counts (TS-44). */
export function identityMatches(record: IdentityRecord, claim: IdentityClaim): boolean {
  const isSameDocument = record.passportNumber === claim.passport.number && (record.passportSeries ?? '') === claim.passport.series;
  const isSameSurname = record.surname !== null && nameKey(record.surname) === nameKey(claim.surname);
  const isSameBirth = record.birthDate === claim.birthDate;
  return isSameDocument && isSameSurname && isSameBirth;
}

/** Surname, given name and patronymic, or the organisation's name. */
export function displayName(row: {
  readonly surname: string | null;
  readonly givenName: string | null;
  readonly patronymic: string | null;
  readonly organisationName: string | null;
}): string {
  return row.organisationName ?? [row.surname, row.givenName, row.patronymic].filter(Boolean).join(' ');
}

// ---- Proof of work (TS-44: "Find out TIN" protected against bulk harvesting) -------------------

/** The number of leading zero bits of a hash. */
export function leadingZeroBits(bytes: Uint8Array): number {
  let bits = 0;
  for (const byte of bytes) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

/** The text whose SHA-256 must start with the zero bits: the challenge, a colon, the solution. */
export const proofOfWorkInput = (challenge: string, solution: string): string => `${challenge}:${solution}`;

/** What a signed challenge says: its id (spent once), its difficulty in bits and its expiry (ms). */
export type ChallengePayload = { readonly id: string; readonly difficulty: number; readonly expiresAt: number };

/** Whether a solved challenge is accepted at `now`: in time, and with enough leading zero bits. */
export function challengeVerdict(payload: ChallengePayload, now: number, zeroBits: number): 'accepted' | 'expired' | 'insufficient' {
  if (now > payload.expiresAt) return 'expired';
  return zeroBits >= payload.difficulty ? 'accepted' : 'insufficient';
}

// ---- EDS certificates (12.12.02, TS-50) --------------------------------------------------------

/**
 * The fee for an EDS certificate: the approved price list, but nothing for a dehkan farm (Annex 2,
 * 12.12.02 "dehkan farms: free"), whatever the list says. Undefined when no price is in force.
 */
export function edsFee(kind: TaxpayerKind, listed: number | undefined): number | undefined {
  return kind === 'dehkan_farm' ? 0 : listed;
}

/** 12.12.02: the clock starts at the later of contract signature and payment. */
export const laterOf = (a: Date, b: Date): Date => (a.getTime() >= b.getTime() ? a : b);

/** A certificate is valid one year: the same instant a year later (29 February → 28 February). */
export function oneYearAfter(at: Date): Date {
  const next = new Date(at.getTime());
  const isLeapDay = at.getUTCMonth() === 1 && at.getUTCDate() === 29;
  next.setUTCFullYear(at.getUTCFullYear() + 1, 1, 1);
  next.setUTCMonth(at.getUTCMonth(), isLeapDay && !isLeap(at.getUTCFullYear() + 1) ? 28 : at.getUTCDate());
  return next;
}

const DAY_MS = 86_400_000;

/** TS-50 reminders: 30 and 7 days before the end of validity. */
export const REMINDER_DAYS = [30, 7] as const;

/**
 * Which expiry reminders are due at `now`. A checker that wakes late past the 7-day mark sends the
 * 7-day reminder only (the 30-day one is then stale); nothing is sent once the certificate expired.
 */
export function remindersDue(
  notAfter: Date,
  now: Date,
  sent: { readonly at30: boolean; readonly at7: boolean },
): { readonly at30: boolean; readonly at7: boolean } {
  const left = notAfter.getTime() - now.getTime();
  if (left <= 0) return { at30: false, at7: false };
  if (left <= 7 * DAY_MS) return { at30: false, at7: !sent.at7 };
  if (left <= 30 * DAY_MS) return { at30: !sent.at30, at7: false };
  return { at30: false, at7: false };
}

/** The address a message went to, with its middle hidden: a result kept with the request names it so. */
export function maskAddress(address: string): string {
  const at = address.indexOf('@');
  if (at > 0) return `${address.slice(0, 1)}***${address.slice(at)}`;
  const digits = address.replace(/\D/g, '');
  return `***${digits.slice(-4)}`;
}

/** The contract of 12.12.02 the applicant accepts in the cabinet. */
export const EDS_CONTRACT: Localised = {
  tg: 'Шартнома дар бораи гирифтани сертификати имзои электронии рақамӣ (ИЭР) барои пешниҳоди эъломияҳо ба таври электронӣ, бо мӯҳлати эътибор 1 сол. Дорандаи калиди махфӣ онро аз дигарон ҳифз мекунад ва дар ҳолати гум шудан фавран хабар медиҳад.',
  ru: 'Договор на получение сертификата электронной цифровой подписи (ЭЦП) для представления деклараций в электронном виде, сроком действия 1 год. Владелец закрытого ключа хранит его от посторонних и немедленно сообщает о его утрате.',
  en: 'Contract for an electronic digital signature (EDS) certificate for filing declarations electronically, valid for 1 year. The holder keeps the private key from others and reports its loss at once.',
};
