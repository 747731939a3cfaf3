/**
 * The calendar service: every legal deadline of every context is computed here, in Asia/Dushanbe
 * time, from the calendar data (DESIGN.md "Legal deadlines are data"). Pure: no clock, no I/O.
 */
import { type CalendarData, DEFAULT_OFFICE, validateCalendarData } from './calendar-data.ts';
import { createDayRules, type DayOffReason, type Regime } from './day-rules.ts';
import * as time from './time.ts';
import { amount, dayNumber, dayOfMs, endOfDayMs, HOUR_MS, type IsoDate, instantMs, isoDate, MINUTE_MS, minutesOf, startOfDayMs } from './time.ts';

/** How a deadline that ends on a non-working day is treated. */
export type DeadlineOptions = {
  /**
   * Civil Code rule on computing time limits (and tax-services A-10): when the last day of a period
   * is a non-working day, the period ends on the next working day. Off by default because some
   * texts fix the date (free-zone A-11: "by the 5th" stays the 5th unless customs decide otherwise).
   */
  readonly rollToWorkingDay?: boolean;
  /** Whose working days decide the roll; `default` when omitted. */
  readonly office?: string;
};

/** Opening hours of one day, local Dushanbe time. */
export type DayHours = { readonly opens: string; readonly closes: string };

/** An immutable working-time calendar. `office` defaults to `default`; an unknown office is a RangeError. */
export type Calendar = {
  /** The data the calendar was built from (frozen). */
  readonly data: CalendarData;
  readonly officeCodes: readonly string[];
  hasOffice(code: string): boolean;
  isWorkingDay(date: IsoDate, office?: string): boolean;
  /** The first working day strictly after `date`. */
  nextWorkingDay(date: IsoDate, office?: string): IsoDate;
  /** Why `date` is not worked (holidays, a carried day off, a decree, the weekly rest day); empty on a working day. */
  dayOffReasons(date: IsoDate, office?: string): readonly DayOffReason[];
  /** The opening hours on `date`, after the pre-holiday shortening; empty on a day off. */
  workingHoursOn(date: IsoDate, office?: string): readonly DayHours[];
  /** Whether `date` is the shortened working day before a holiday. */
  isShortenedDay(date: IsoDate, office?: string): boolean;
  addWorkingHours(from: Date, hours: number, office?: string): Date;
  countWorkingHours(from: Date, to: Date, office?: string): number;
  addWorkingDays(from: Date, days: number, office?: string): Date;
  countWorkingDays(from: Date, to: Date, office?: string): number;
  addCalendarDays(from: Date, days: number, options?: DeadlineOptions): Date;
  addMonths(from: Date, months: number, options?: DeadlineOptions): Date;
  /** End of a fixed legal date ("by the 5th of the next month"), optionally rolled to a working day. */
  endOfDay(date: IsoDate, options?: DeadlineOptions): Date;
  addHours(from: Date, hours: number): Date;
  countCalendarDays(from: Date, to: Date): number;
  /** Codes of lunar holidays in force in `year` that have no date row yet: deadlines in that year ignore them. */
  missingHolidayDates(year: number): readonly string[];
};

type Span = readonly [opens: number, closes: number];
type Office = { readonly regime: Regime; readonly week: readonly (readonly Span[])[] };

/** A scan that finds no working time for this many days in a row means the office is closed for good. */
const MAX_IDLE_DAYS = 400;
/** Labour Code: the working day before a holiday is shortened by one hour. */
const PRE_HOLIDAY_CUT_MINUTES = 60;

/** Builds a calendar from plain data; malformed data is a RangeError. Day tables are computed per year on first use. */
export function createCalendar(input: CalendarData): Calendar {
  validateCalendarData(input);
  const data = deepFreeze(structuredClone(input));
  const rules = createDayRules(data);
  const offices = new Map(data.offices.map((o) => [o.code, officeOf(o)]));

  function office(code: string = DEFAULT_OFFICE): Office {
    const found = offices.get(code);
    if (!found) throw new RangeError(`unknown office: ${code}`);
    return found;
  }

  function spansOf(day: number, o: Office): readonly Span[] {
    const status = rules.statusOf(day, o.regime);
    if (status.isOff) return [];
    const spans = o.week[status.worksAs] ?? [];
    return status.isPreHoliday ? shorten(spans, PRE_HOLIDAY_CUT_MINUTES) : spans;
  }

  /** The first day from `day` on (inclusive) that has working time. */
  function firstWorkingDay(day: number, o: Office): number {
    for (let d = day; d < day + MAX_IDLE_DAYS; d++) if (spansOf(d, o).length > 0) return d;
    throw new RangeError(`no working time within ${MAX_IDLE_DAYS} days`);
  }

  /** The end of a working day's hours; a day worked to 24:00 ends at its last millisecond, like a calendar day. */
  function closingOf(day: number, o: Office): number {
    const last = spansOf(day, o).at(-1);
    if (!last) throw new RangeError(`${isoDate(day)} is not a working day`);
    return last[1] === 1440 ? endOfDayMs(day) : startOfDayMs(day) + last[1] * MINUTE_MS;
  }

  function endOfPeriod(day: number, options: DeadlineOptions | undefined): Date {
    const last = options?.rollToWorkingDay ? firstWorkingDay(day, office(options.office)) : day;
    return new Date(endOfDayMs(last));
  }

  const calendar: Calendar = {
    data,
    officeCodes: [...offices.keys()],
    hasOffice: (code) => offices.has(code),
    isWorkingDay: (date, code) => spansOf(dayNumber(date), office(code)).length > 0,
    nextWorkingDay: (date, code) => isoDate(firstWorkingDay(dayNumber(date) + 1, office(code))),
    dayOffReasons: (date, code) => rules.statusOf(dayNumber(date), office(code).regime).reasons,
    workingHoursOn: (date, code) => spansOf(dayNumber(date), office(code)).map(([o, c]) => ({ opens: time.clockOf(o), closes: time.clockOf(c) })),
    isShortenedDay: (date, code) => {
      const o = office(code);
      const day = dayNumber(date);
      return spansOf(day, o).length > 0 && rules.statusOf(day, o.regime).isPreHoliday;
    },

    // The clock runs only inside working hours of working days (seed 004 p.22, customs art.92 p.7):
    // from outside them it starts at the next opening. One step per interval, never per minute.
    addWorkingHours(from, hours, code) {
      const o = office(code);
      const start = instantMs(from, 'from');
      let remaining = Math.round(amount(hours, 'hours') * HOUR_MS);
      for (let day = firstWorkingDay(dayOfMs(start), o); ; day = firstWorkingDay(day + 1, o)) {
        for (const [opens, closes] of spansOf(day, o)) {
          const close = startOfDayMs(day) + closes * MINUTE_MS;
          if (close <= start) continue;
          const begin = Math.max(startOfDayMs(day) + opens * MINUTE_MS, start);
          if (remaining <= close - begin) return new Date(begin + remaining);
          remaining -= close - begin;
        }
      }
    },

    countWorkingHours(from, to, code) {
      const o = office(code);
      const [a, b] = ordered(from, to);
      let total = 0;
      for (let day = dayOfMs(a); day <= dayOfMs(b); day++) {
        for (const [opens, closes] of spansOf(day, o)) {
          const overlap = Math.min(startOfDayMs(day) + closes * MINUTE_MS, b) - Math.max(startOfDayMs(day) + opens * MINUTE_MS, a);
          if (overlap > 0) total += overlap;
        }
      }
      return total / HOUR_MS;
    },

    // A period in days starts on the day after the event (the event's day is not counted) and ends
    // with the working hours of its last working day (tax-services A-11). 0 days: the end of the
    // current working day, or of the next one when today's hours are over or today is off.
    addWorkingDays(from, days, code) {
      const o = office(code);
      const start = instantMs(from, 'from');
      const n = amount(days, 'days', { integer: true });
      let day = dayOfMs(start);
      if (n === 0) {
        day = firstWorkingDay(day, o);
        return new Date(closingOf(day, o) >= start ? closingOf(day, o) : closingOf(firstWorkingDay(day + 1, o), o));
      }
      for (let counted = 0; counted < n; counted++) day = firstWorkingDay(day + 1, o);
      return new Date(closingOf(day, o));
    },

    // Working days after the day of `from`, up to and including the day of `to`: the inverse of addWorkingDays.
    countWorkingDays(from, to, code) {
      const o = office(code);
      const [a, b] = ordered(from, to);
      let count = 0;
      for (let day = dayOfMs(a) + 1; day <= dayOfMs(b); day++) if (spansOf(day, o).length > 0) count++;
      return count;
    },

    addCalendarDays: (from, days, options) => endOfPeriod(dayOfMs(instantMs(from, 'from')) + amount(days, 'days', { integer: true }), options),
    addMonths: (from, months, options) => endOfPeriod(time.monthsLaterDay(from, months), options),
    endOfDay: (date, options) => endOfPeriod(dayNumber(date), options),
    addHours: time.addHours,
    countCalendarDays: time.countCalendarDays,
    missingHolidayDates: (year) =>
      data.holidays
        .filter((h) => h.kind === 'table' && year >= h.fromYear && (h.toYear === null || year <= h.toYear))
        .filter((h) => !data.holidayDates.some((d) => d.holidayCode === h.code && d.year === year))
        .map((h) => h.code),
  };
  return Object.freeze(calendar);
}

function officeOf(schedule: CalendarData['offices'][number]): Office {
  const week: Span[][] = [[], [], [], [], [], [], [], []];
  for (const h of schedule.hours) week[h.weekday]?.push([minutesOf(h.opens), minutesOf(h.closes)]);
  for (const spans of week) spans.sort((x, y) => x[0] - y[0]);
  return { week, regime: { restDays: week.map((spans, d) => d > 0 && spans.length === 0), observesHolidays: schedule.observesHolidays } };
}

/** Removes `minutes` of working time from the end of the day. */
function shorten(spans: readonly Span[], minutes: number): readonly Span[] {
  const out: Span[] = [];
  let cut = minutes;
  for (let i = spans.length - 1; i >= 0; i--) {
    const [opens, closes] = spans[i] as Span;
    const removed = Math.min(cut, closes - opens);
    cut -= removed;
    if (closes - removed > opens) out.unshift([opens, closes - removed]);
  }
  return out;
}

function ordered(from: Date, to: Date): readonly [number, number] {
  const [a, b] = [instantMs(from, 'from'), instantMs(to, 'to')];
  if (b < a) throw new RangeError('to is before from');
  return [a, b];
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
