/**
 * Dushanbe time arithmetic with a fixed offset. Asia/Dushanbe is UTC+05:00 all year (no daylight
 * saving since 1991), so every local date and clock time is computed as UTC + 5 h, never with the
 * machine's time zone (DESIGN.md "Time": deadline arithmetic in Asia/Dushanbe).
 *
 * Days are handled as day numbers (days since 1970-01-01, a Thursday, in Dushanbe time) and
 * instants as epoch milliseconds; the public functions take and return `Date` and 'YYYY-MM-DD'.
 */

/** A legal date in Asia/Dushanbe, written 'YYYY-MM-DD'. */
export type IsoDate = string;

/** ISO weekday: Monday 1 … Sunday 7. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export const DUSHANBE_OFFSET_MS = 5 * 3_600_000;
export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;
export const MINUTE_MS = 60_000;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a 'YYYY-MM-DD' date; a malformed or impossible date (2026-02-30) is a RangeError. */
export function dayNumber(date: IsoDate): number {
  const m = typeof date === 'string' ? ISO_DATE.exec(date) : null;
  if (!m) throw new RangeError(`not a date (YYYY-MM-DD): ${String(date)}`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) throw new RangeError(`no such date: ${date}`);
  return Math.round(Date.UTC(year, month - 1, day) / DAY_MS);
}

/** The 'YYYY-MM-DD' of a day number. */
export function isoDate(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Year, month (1-12) and day of month of a day number. */
export function dateParts(day: number): { readonly year: number; readonly month: number; readonly day: number } {
  const d = new Date(day * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** ISO weekday of a day number (day 0, 1970-01-01, was a Thursday). */
export function weekdayOf(day: number): Weekday {
  return (((((day + 3) % 7) + 7) % 7) + 1) as Weekday;
}

/** The instant (epoch ms) at which a Dushanbe day begins: 00:00 +05:00. */
export function startOfDayMs(day: number): number {
  return day * DAY_MS - DUSHANBE_OFFSET_MS;
}

/** The last millisecond of a Dushanbe day, 23:59:59.999 +05:00: a period "ends at 24:00 of its last day". */
export function endOfDayMs(day: number): number {
  return startOfDayMs(day + 1) - 1;
}

/** The Dushanbe day number of an instant (epoch ms). */
export function dayOfMs(ms: number): number {
  return Math.floor((ms + DUSHANBE_OFFSET_MS) / DAY_MS);
}

/** Epoch ms of a valid `Date`; an invalid one is a programming error. */
export function instantMs(instant: Date, name = 'instant'): number {
  const ms = instant instanceof Date ? instant.getTime() : Number.NaN;
  if (!Number.isFinite(ms)) throw new RangeError(`${name} is not a valid Date`);
  return ms;
}

/** A finite amount ≥ 0 (hours may be fractional); negative or NaN amounts are programming errors. */
export function amount(value: number, name: string, options: { readonly integer?: boolean } = {}): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw new RangeError(`${name} must be a finite number ≥ 0, got ${value}`);
  if (options.integer && !Number.isInteger(value)) throw new RangeError(`${name} must be a whole number, got ${value}`);
  return value;
}

/** Minutes since midnight of 'HH:MM' (00:00 … 24:00). */
export function minutesOf(clock: string): number {
  const m = typeof clock === 'string' ? /^(\d{2}):(\d{2})$/.exec(clock) : null;
  const minutes = m ? Number(m[1]) * 60 + Number(m[2]) : Number.NaN;
  if (!m || Number(m[2]) > 59 || !(minutes >= 0 && minutes <= 1440)) throw new RangeError(`not a clock time (HH:MM, 00:00-24:00): ${String(clock)}`);
  return minutes;
}

/** 'HH:MM' of minutes since midnight. */
export function clockOf(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The Dushanbe local date of an instant, 'YYYY-MM-DD'. */
export function dushanbeDate(instant: Date): IsoDate {
  return isoDate(dayOfMs(instantMs(instant)));
}

/** 00:00 +05:00 of a Dushanbe date. */
export function startOfDushanbeDay(date: IsoDate): Date {
  return new Date(startOfDayMs(dayNumber(date)));
}

/** 23:59:59.999 +05:00 of a Dushanbe date: the end of a deadline that ends "on" that date. */
export function endOfDushanbeDay(date: IsoDate): Date {
  return new Date(endOfDayMs(dayNumber(date)));
}

/**
 * Plain clock hours, nights and holidays included (tax-services A-3: "24 hours" are 24 clock
 * hours; seed 004 p.36: offline data reach the operator within 24 hours).
 */
export function addHours(from: Date, hours: number): Date {
  return new Date(instantMs(from, 'from') + Math.round(amount(hours, 'hours') * HOUR_MS));
}

/** End (23:59:59.999 +05:00) of the n-th calendar day after the day of `from`; the day of the event is not counted. */
export function addCalendarDays(from: Date, days: number): Date {
  return new Date(endOfDayMs(dayOfMs(instantMs(from, 'from')) + amount(days, 'days', { integer: true })));
}

/** The Dushanbe date `months` months after the date of `from`: same day number, clamped to the month's end. */
export function monthsLaterDay(from: Date, months: number): number {
  const { year, month, day } = dateParts(dayOfMs(instantMs(from, 'from')));
  const index = year * 12 + (month - 1) + amount(months, 'months', { integer: true });
  const [y, m] = [Math.floor(index / 12), (index % 12) + 1];
  return Math.round(Date.UTC(y, m - 1, Math.min(day, daysInMonth(y, m))) / DAY_MS);
}

/**
 * End of the day with the same day number `months` months later, clamped to the month's end
 * (31 January + 1 month ends on 28/29 February): a period in months expires on the matching date.
 */
export function addMonths(from: Date, months: number): Date {
  return new Date(endOfDayMs(monthsLaterDay(from, months)));
}

/** Calendar days from the Dushanbe date of `from` to that of `to` (the inverse of addCalendarDays). */
export function countCalendarDays(from: Date, to: Date): number {
  const [a, b] = [instantMs(from, 'from'), instantMs(to, 'to')];
  if (b < a) throw new RangeError('to is before from');
  return dayOfMs(b) - dayOfMs(a);
}
