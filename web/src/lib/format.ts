/**
 * Dates and times as people in Tajikistan read them: always in Asia/Dushanbe (UTC+05:00, no
 * daylight saving), in the interface language. Tajik is composed from numeric parts and Tajik
 * month names (02.03.2026 10:00, «2 марти 2026»): Chromium's ICU has no real `tg` data (it falls
 * back to en-US, or to root patterns like "2026 M03 02" under a tg-TJ page locale), and Node's
 * differs from it, so the same instant would read differently in the two.
 */
import type { Language } from '../i18n/dict.ts';

export const TIME_ZONE = 'Asia/Dushanbe';
const LOCALES: Record<Language, string> = { tg: 'tg', ru: 'ru', en: 'en-GB' };
const TAJIK_MONTHS = ['январ', 'феврал', 'март', 'апрел', 'май', 'июн', 'июл', 'август', 'сентябр', 'октябр', 'ноябр', 'декабр'];

const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(lang: Language, options: Intl.DateTimeFormatOptions, timeZone = TIME_ZONE): Intl.DateTimeFormat {
  const key = `${lang}|${timeZone}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALES[lang], { ...options, timeZone });
    cache.set(key, f);
  }
  return f;
}

type Parts = { day: string; month: string; year: string; hour: string; minute: string };
function parts(date: Date, timeZone: string): Parts {
  const out: Record<string, string> = {};
  const f = new Intl.DateTimeFormat('en-GB', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  });
  for (const p of f.formatToParts(date)) out[p.type] = p.value;
  return out as Parts;
}

const toDate = (value: string | Date): Date => (value instanceof Date ? value : new Date(value));
const isValid = (d: Date) => !Number.isNaN(d.getTime());

/** An instant, short: 02.03.2026 10:00 (tg, ru) or 02/03/2026, 10:00 (en). */
export function formatDateTime(value: string | Date | null | undefined, lang: Language): string {
  if (!value) return '—';
  const d = toDate(value);
  if (!isValid(d)) return String(value);
  if (lang === 'tg') {
    const p = parts(d, TIME_ZONE);
    return `${p.day}.${p.month}.${p.year} ${p.hour}:${p.minute}`;
  }
  return formatter(lang, { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);
}

/** A legal date (YYYY-MM-DD) or the day of an instant in Dushanbe, short: 02.03.2026. */
export function formatDate(value: string | Date | null | undefined, lang: Language): string {
  if (!value) return '—';
  const isLegalDate = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
  // A legal date is a calendar day, not an instant: read it at UTC noon and print it in UTC.
  const d = isLegalDate ? new Date(`${value}T12:00:00Z`) : toDate(value);
  if (!isValid(d)) return String(value);
  const zone = isLegalDate ? 'UTC' : TIME_ZONE;
  if (lang === 'tg') {
    const p = parts(d, zone);
    return `${p.day}.${p.month}.${p.year}`;
  }
  return formatter(lang, { day: '2-digit', month: '2-digit', year: 'numeric' }, zone).format(d);
}

/** A date in words, for cards and forms: «2 марти 2026» / «2 марта 2026 г.» / «2 March 2026». */
export function formatLongDate(value: string | Date | null | undefined, lang: Language): string {
  if (!value) return '—';
  const isLegalDate = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
  const d = isLegalDate ? new Date(`${value}T12:00:00Z`) : toDate(value);
  if (!isValid(d)) return String(value);
  const zone = isLegalDate ? 'UTC' : TIME_ZONE;
  if (lang === 'tg') {
    const p = parts(d, zone);
    return `${Number(p.day)} ${TAJIK_MONTHS[Number(p.month) - 1]}и ${p.year}`;
  }
  return formatter(lang, { day: 'numeric', month: 'long', year: 'numeric' }, zone).format(d);
}

/** Today's date in Dushanbe as YYYY-MM-DD (for date inputs' defaults). */
export function todayInDushanbe(now = new Date()): string {
  const p = parts(now, TIME_ZONE);
  return `${p.year}-${p.month}-${p.day}`;
}

/** Now in Dushanbe (UTC+05:00, no daylight saving) as a datetime-local value, YYYY-MM-DDTHH:mm. */
export function nowInDushanbeLocal(now = new Date()): string {
  return new Date(now.getTime() + 5 * 3600_000).toISOString().slice(0, 16);
}

/** Picks the text of a {tg, ru, en} object. */
export const localised = (text: { readonly tg: string; readonly ru: string; readonly en: string } | null | undefined, lang: Language): string =>
  text ? text[lang] || text.tg : '';

const GROUP = /\B(?=(\d{3})+(?!\d))/g;

/**
 * An amount in dirams as somoni with two decimals (DESIGN.md: money is an integer of dirams):
 * 1 234,50 in Tajik and Russian, 1,234.50 in English. Integer arithmetic, no floating point.
 */
export function formatSomoni(dirams: number | null | undefined, lang: Language): string {
  if (dirams === null || dirams === undefined || !Number.isFinite(dirams)) return '—';
  const abs = Math.abs(Math.trunc(dirams));
  const whole = String(Math.floor(abs / 100)).replace(GROUP, lang === 'en' ? ',' : '\u00a0');
  const cents = String(abs % 100).padStart(2, '0');
  return `${dirams < 0 ? '−' : ''}${whole}${lang === 'en' ? '.' : ','}${cents}`;
}

/** A total as the API and the QR code print it ("12.50") in dirams, or undefined. */
export function dirams(somoni: string | null | undefined): number | undefined {
  const m = /^(\d{1,13})(?:[.,](\d{1,2}))?$/.exec((somoni ?? '').trim());
  if (!m) return undefined;
  return Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
}

/** A calendar month (YYYY-MM) in words, as a table row starts: «Марти 2026» / «Март 2026 г.» / «March 2026». */
export function formatMonth(month: string, lang: Language): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return month;
  const text =
    lang === 'tg'
      ? `${TAJIK_MONTHS[Number(m[2]) - 1] ?? m[2]}и ${m[1]}`
      : formatter(lang, { month: 'long', year: 'numeric' }, 'UTC').format(new Date(`${month}-15T12:00:00Z`));
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A day `days` before or after a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
