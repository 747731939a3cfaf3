/**
 * What the complaints, ratings and quality pages share (order 396, A1 p.12-16, group 11.00.00,
 * 10.10.03; docs/tax-services-complaints.md): the vocabulary the API uses, the number formats of
 * ratings and indicators, and the download of a file that the server gives only to a POST (the
 * Book's reply letter: the secret must never sit in a URL).
 */
import { ApiError } from '../../../api/client.ts';
import type { Operations } from '../../../api/types.gen.ts';
import type { Language } from '../../../i18n/dict.ts';

export type Complaint = Operations['GET /api/tax-services/complaints/{id}']['response'];
export type ComplaintStatus = Operations['POST /api/public/tax-services/complaint-book/status']['response'];
export type ComplaintRegistered = Operations['POST /api/tax-services/complaints']['response'];
export type RatingSummary = Operations['GET /api/tax-services/ratings/summary']['response'];
export type RatingAggregate = RatingSummary['totals'];
export type Indicators = Operations['GET /api/tax-services/indicators/{year}']['response'];

/** The services of group 11 that are complaints or appeals with a written reply (domain/complaint.ts). */
export const COMPLAINT_SERVICES = ['11.11.01', '11.11.02', '11.11.04', '11.11.05'] as const;
export type ComplaintService = (typeof COMPLAINT_SERVICES)[number];
export const isComplaintService = (v: unknown): v is ComplaintService => typeof v === 'string' && (COMPLAINT_SERVICES as readonly string[]).includes(v);
/** The dictionary key of a complaint service (i18next reads dots as nesting, so '11.11.01' is `s01`). */
export const serviceLabel = (key: ComplaintService) => `svq.service.s${key.slice(-2) as '01' | '02' | '04' | '05'}` as const;

/** The channels an officer records (A1 p.13); the Book of complaints is filled in by the complainant. */
export const OFFICER_CHANNELS = ['post', 'office', 'trust_phone', 'phone_151', 'email', 'chat'] as const;
export type OfficerChannel = (typeof OFFICER_CHANNELS)[number];
export const isOfficerChannel = (v: unknown): v is OfficerChannel => typeof v === 'string' && (OFFICER_CHANNELS as readonly string[]).includes(v);
/** Every channel a complaint can come through (TS-15). */
export const COMPLAINT_CHANNELS = [...OFFICER_CHANNELS, 'complaint_book'] as const;

/** TS-16: how the receipt is proved on a channel. */
export type ReceiptMode = 'in_person' | 'incoming_stamp' | 'electronic';
export const receiptModeOf = (channel: string): ReceiptMode =>
  channel === 'office' ? 'in_person' : channel === 'post' || channel === 'email' ? 'incoming_stamp' : 'electronic';
export const isReceiptMode = (v: unknown): v is ReceiptMode => v === 'in_person' || v === 'incoming_stamp' || v === 'electronic';

export const COMPLAINT_OUTCOMES = ['upheld', 'partly_upheld', 'dismissed', 'explained'] as const;
export type ComplaintOutcome = (typeof COMPLAINT_OUTCOMES)[number];
export const isOutcome = (v: unknown): v is ComplaintOutcome => typeof v === 'string' && (COMPLAINT_OUTCOMES as readonly string[]).includes(v);

/** The register's filter: under review, answered, or unanswered past the deadline. */
export const COMPLAINT_STATES = ['under_review', 'answered', 'breached'] as const;
export type ComplaintState = (typeof COMPLAINT_STATES)[number];
export const isComplaintState = (v: unknown): v is ComplaintState => typeof v === 'string' && (COMPLAINT_STATES as readonly string[]).includes(v);

export const CONDUCTS = ['action', 'inaction'] as const;
export type Conduct = (typeof CONDUCTS)[number];
export const isConduct = (v: unknown): v is Conduct => v === 'action' || v === 'inaction';

/** The four questions of the survey (TS-41), each 1 (very poor) … 5 (excellent). */
export const QUESTIONS = ['overall', 'courtesy', 'clarity', 'timeliness'] as const;
export type Question = (typeof QUESTIONS)[number];
export const isQuestion = (v: unknown): v is Question => typeof v === 'string' && (QUESTIONS as readonly string[]).includes(v);
export type Scores = Record<Question, number>;
export const NO_SCORES: Scores = { overall: 0, courtesy: 0, clarity: 0, timeliness: 0 };
export const isScored = (s: Scores): boolean => QUESTIONS.every((q) => s[q] >= 1 && s[q] <= 5);

/** The registration number as the register gives it (YYYY-NNNNNNN). */
export const isRegistrationNumber = (v: string): boolean => /^\d{4}-\d{7}$/.test(v.trim());
/** A secret as it may be typed: 16 characters of Crockford's base32, with or without dashes and spaces. */
export const isSecretShaped = (v: string): boolean => /^[0-9A-Za-z -]+$/.test(v.trim()) && v.replace(/[\s-]/g, '').length === 16;

const NUMBER_LOCALES: Record<Language, string> = { tg: 'ru-RU', ru: 'ru-RU', en: 'en-GB' };
const number = (v: number, digits: number, lang: Language) =>
  v.toLocaleString(NUMBER_LOCALES[lang], { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** A mean score, two decimals (the API rounds to two); a dash when nobody rated. */
export const formatScore = (v: number | null | undefined, lang: Language): string => (v === null || v === undefined ? '—' : number(v, 2, lang));
/** A share 0…1 as a percentage with one decimal. */
export const formatShare = (v: number | null | undefined, lang: Language): string =>
  v === null || v === undefined ? '—' : `${number(Math.round(v * 1000) / 10, 1, lang)}\u00a0%`;
export const formatCount = (v: number | null | undefined, lang: Language): string => (v === null || v === undefined ? '—' : number(v, 0, lang));
export const formatDecimal = (v: number | null | undefined, lang: Language): string => (v === null || v === undefined ? '—' : number(v, 2, lang));

/** The file name in a Content-Disposition header (RFC 6266 `filename*` first), or the fallback. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1] ?? fallback;
}

/** Saves a file that the server answers to a JSON POST; a refusal is thrown as the ApiError the forms show. */
export async function downloadPost(url: string, body: unknown, fallbackName: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch (cause) {
    throw new ApiError(0, { code: 'NETWORK', title: cause instanceof Error ? cause.message : 'Network error' });
  }
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as { code?: string; title?: string };
    throw new ApiError(response.status, { ...problem, code: problem.code ?? `HTTP_${response.status}`, title: problem.title ?? response.statusText });
  }
  const name = fileNameOf(response.headers.get('content-disposition'), fallbackName);
  const href = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
  return name;
}

/** The newest file of a media type among a request's results (a regenerated note keeps every revision). */
export function newestOf<F extends { mediaType: string; createdAt: string }>(files: readonly F[], mediaType: string): F | undefined {
  return files.filter((f) => f.mediaType.startsWith(mediaType)).sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
}
