/**
 * The calendar as plain data: what the tables of migration 0002 hold and what `createCalendar`
 * takes. Legal deadlines are data (DESIGN.md "Architecture"): a decree that moves a day off or
 * fixes the date of an Islamic holiday is a new row, not new code.
 */
import type { Localised } from '../i18n.ts';
import { dayNumber, type IsoDate, minutesOf, type Weekday } from './time.ts';

/** The year a rule first or last applies; `toYear: null` means "still in force". */
type Validity = { readonly fromYear: number; readonly toYear: number | null };

/**
 * A non-working public holiday of the Law "On holidays". `fixed` holidays fall on the same date
 * every year (Navruz lasts 4 days from 21 March); `table` holidays (Idi Ramazon, Idi Qurbon)
 * follow the lunar calendar and take their date each year from `holidayDates`.
 */
export type HolidayRule = Validity & {
  readonly code: string;
  /** Tajik first, then Russian and English (DESIGN.md "Languages"). */
  readonly name: Localised;
  readonly lengthDays: number;
  readonly legalBasis: string;
} & ({ readonly kind: 'fixed'; readonly month: number; readonly day: number } | { readonly kind: 'table' });

/**
 * The first day of a `table` holiday in one year. `decreed` rows come from the ruling of the
 * authorised state body (the Council of Ulema of the Islamic Centre, announced by the Committee on
 * Religion); `provisional` rows are astronomical estimates to be replaced by that ruling.
 */
export type HolidayDate = {
  readonly holidayCode: string;
  readonly year: number;
  readonly date: IsoDate;
  readonly status: 'decreed' | 'provisional';
  readonly source: string;
};

/**
 * A government decree on transferring days off ("Дар бораи гузаронидани рӯзҳои истироҳат"):
 * `dayOff` becomes a day off; `workingDay`, when set, is the rest day (usually a Saturday) that is
 * worked instead, with the hours of the weekday of `dayOff`.
 */
export type DayTransfer = {
  readonly decree: string;
  readonly decreeDate: IsoDate | null;
  readonly dayOff: IsoDate;
  readonly workingDay: IsoDate | null;
  readonly note: string | null;
};

/** One opening interval of an office on one weekday, local Dushanbe time, 'HH:MM' (closes may be '24:00'). */
export type WorkingHours = { readonly weekday: Weekday; readonly opens: string; readonly closes: string };

/**
 * The working time of an office (a tax inspectorate, a customs office, a TSC, or `default`).
 * A weekday without intervals is the office's weekly rest day. An office that works round the
 * clock on holidays too (a border post) has `observesHolidays: false`.
 */
export type OfficeSchedule = {
  readonly code: string;
  readonly name: Localised;
  readonly observesHolidays: boolean;
  readonly hours: readonly WorkingHours[];
};

/** Everything a calendar is built from. */
export type CalendarData = {
  readonly holidays: readonly HolidayRule[];
  readonly holidayDates: readonly HolidayDate[];
  readonly transfers: readonly DayTransfer[];
  readonly offices: readonly OfficeSchedule[];
};

/** The office whose schedule is used when a caller names none. */
export const DEFAULT_OFFICE = 'default';

/** Refuses malformed calendar data with a RangeError that names the row (a data-entry bug, not user input). */
export function validateCalendarData(data: CalendarData): void {
  const codes = unique(
    data.holidays.map((h) => h.code),
    'holiday code',
  );
  for (const h of data.holidays) {
    check(Number.isInteger(h.lengthDays) && h.lengthDays >= 1 && h.lengthDays <= 10, `holiday ${h.code}: lengthDays 1-10`);
    check(Number.isInteger(h.fromYear) && (h.toYear === null || h.toYear >= h.fromYear), `holiday ${h.code}: years`);
    if (h.kind === 'fixed') dayNumber(`2000-${pad(h.month)}-${pad(h.day)}`);
  }
  unique(
    data.holidayDates.map((d) => `${d.holidayCode} ${d.year}`),
    'holiday date',
  );
  for (const d of data.holidayDates) {
    const rule = data.holidays.find((h) => h.code === d.holidayCode);
    check(rule?.kind === 'table', `holiday date ${d.holidayCode} ${d.year}: no table holiday with that code`);
    check(codes.has(d.holidayCode) && d.date.slice(0, 4) === String(d.year), `holiday date ${d.holidayCode}: ${d.date} is not in ${d.year}`);
    dayNumber(d.date);
  }
  unique(
    data.transfers.map((t) => t.dayOff),
    'transfer day off',
  );
  unique(
    data.transfers.flatMap((t) => (t.workingDay ? [t.workingDay] : [])),
    'transfer working day',
  );
  for (const t of data.transfers) {
    dayNumber(t.dayOff);
    if (t.workingDay !== null) dayNumber(t.workingDay);
    if (t.decreeDate !== null) dayNumber(t.decreeDate);
    check(t.decree.trim().length > 0, `transfer ${t.dayOff}: decree reference is required`);
  }
  unique(
    data.offices.map((o) => o.code),
    'office code',
  );
  check(
    data.offices.some((o) => o.code === DEFAULT_OFFICE),
    `an office "${DEFAULT_OFFICE}" is required`,
  );
  for (const o of data.offices) validateHours(o);
}

function validateHours(office: OfficeSchedule): void {
  for (let weekday = 1; weekday <= 7; weekday++) {
    const spans = office.hours
      .filter((h) => h.weekday === weekday)
      .map((h) => [minutesOf(h.opens), minutesOf(h.closes)] as const)
      .sort((a, b) => a[0] - b[0]);
    spans.forEach(([opens, closes], i) => {
      check(opens < closes, `office ${office.code}: weekday ${weekday} interval ends before it starts`);
      check(i === 0 || (spans[i - 1]?.[1] ?? 0) <= opens, `office ${office.code}: weekday ${weekday} intervals overlap`);
    });
  }
  check(
    office.hours.every((h) => Number.isInteger(h.weekday) && h.weekday >= 1 && h.weekday <= 7),
    `office ${office.code}: weekday 1-7`,
  );
  check(office.hours.length > 0, `office ${office.code}: no working hours`);
}

function unique(keys: readonly string[], what: string): Set<string> {
  const seen = new Set<string>();
  for (const key of keys) {
    check(!seen.has(key), `duplicate ${what}: ${key}`);
    seen.add(key);
  }
  return seen;
}

function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new RangeError(`calendar data: ${message}`);
}

const pad = (n: number) => String(n).padStart(2, '0');
