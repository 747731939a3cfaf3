/**
 * Which days are off, and why: holidays, the carry of a holiday that falls on a rest day,
 * government transfers and the shortened pre-holiday day. Computed per year and per "regime"
 * (the set of weekly rest days of an office and whether it observes holidays), lazily and once.
 * docs/calendar.md "Rules" gives the legal reading of each step.
 */
import type { Localised } from '../i18n.ts';
import type { CalendarData, DayTransfer, HolidayRule } from './calendar-data.ts';
import { dateParts, dayNumber, type IsoDate, isoDate, type Weekday, weekdayOf } from './time.ts';

/** Why a day is not worked, for display. Every reason carries a label in Tajik, Russian and English. */
export type DayOffReason =
  | { readonly kind: 'holiday'; readonly holidayCode: string; readonly isProvisional: boolean; readonly label: Localised }
  | { readonly kind: 'carried'; readonly holidayCode: string; readonly holidayDate: IsoDate; readonly label: Localised }
  | { readonly kind: 'transfer'; readonly decree: string; readonly decreeDate: IsoDate | null; readonly label: Localised }
  | { readonly kind: 'weekend'; readonly weekday: Weekday; readonly label: Localised };

/** The weekly rest days of an office (index 1-7) and whether it keeps public holidays. */
export type Regime = { readonly restDays: readonly boolean[]; readonly observesHolidays: boolean };

/** One day as an office of a regime sees it. */
export type DayStatus = {
  readonly isOff: boolean;
  readonly reasons: readonly DayOffReason[];
  /** Whose weekday hours apply: a transferred working Saturday works with the hours of the day it replaces. */
  readonly worksAs: Weekday;
  /** Labour Code: the working day right before a holiday is one hour shorter. */
  readonly isPreHoliday: boolean;
};

type Occurrence = { readonly rule: HolidayRule; readonly isProvisional: boolean };
type Carry = { readonly occurrence: Occurrence; readonly from: number };

/** Days before 1 January from which carries into the new year are resolved (a holiday block never lasts that long). */
const LOOK_BACK_DAYS = 92;

const WEEKEND_LABEL: Localised = { tg: 'Рӯзи истироҳати ҳафтаина', ru: 'Еженедельный выходной день', en: 'Weekly rest day' };

/** Builds the lazy day tables over one calendar's data. */
export function createDayRules(data: CalendarData) {
  const tableDates = new Map(data.holidayDates.map((d) => [`${d.holidayCode} ${d.year}`, d]));
  const holidayYears = new Map<number, Map<number, Occurrence[]>>();
  const yearTables = new Map<string, Map<number, { readonly first: number; readonly days: readonly DayStatus[] }>>();
  const transferTables = new Map<string, Map<number, { transfer: DayTransfer; isWorkingDay: boolean }>>();

  function holidaysStartingIn(year: number): Map<number, Occurrence[]> {
    let byDay = holidayYears.get(year);
    if (byDay) return byDay;
    byDay = new Map();
    for (const rule of data.holidays) {
      if (year < rule.fromYear || (rule.toYear !== null && year > rule.toYear)) continue;
      const start = firstDay(rule, year);
      if (start === null) continue;
      const isProvisional = rule.kind === 'table' && tableDates.get(`${rule.code} ${year}`)?.status === 'provisional';
      for (let i = 0; i < rule.lengthDays; i++) byDay.set(start + i, [...(byDay.get(start + i) ?? []), { rule, isProvisional }]);
    }
    holidayYears.set(year, byDay);
    return byDay;
  }

  function firstDay(rule: HolidayRule, year: number): number | null {
    if (rule.kind === 'table') {
      const row = tableDates.get(`${rule.code} ${year}`);
      return row ? dayNumber(row.date) : null;
    }
    try {
      return dayNumber(`${year}-${pad(rule.month)}-${pad(rule.day)}`);
    } catch {
      return null; // 29 February in a common year
    }
  }

  /** The holidays on a day, including a multi-day holiday that began the year before. */
  function holidaysOn(day: number): readonly Occurrence[] {
    const { year } = dateParts(day);
    return [...(holidaysStartingIn(year - 1).get(day) ?? []), ...(holidaysStartingIn(year).get(day) ?? [])];
  }

  /**
   * A transfer swaps a working weekday for a rest day, so it applies to an office only where both
   * sides exist: the day made off is one of its working weekdays and the day worked instead is one
   * of its rest days (decrees are written for the five-day week; a six-day office keeps its week).
   */
  function transfersFor(regime: Regime, key: string) {
    let table = transferTables.get(key);
    if (table) return table;
    table = new Map();
    for (const transfer of data.transfers) {
      const offIsWorkday = !regime.restDays[weekdayOf(dayNumber(transfer.dayOff))];
      const workIsRest = transfer.workingDay === null || Boolean(regime.restDays[weekdayOf(dayNumber(transfer.workingDay))]);
      if (!regime.observesHolidays || !offIsWorkday || !workIsRest) continue;
      table.set(dayNumber(transfer.dayOff), { transfer, isWorkingDay: false });
      if (transfer.workingDay !== null) table.set(dayNumber(transfer.workingDay), { transfer, isWorkingDay: true });
    }
    transferTables.set(key, table);
    return table;
  }

  function computeYear(year: number, regime: Regime, key: string): readonly DayStatus[] {
    const transfers = transfersFor(regime, key);
    const first = dayNumber(`${year}-01-01`);
    const last = dayNumber(`${year}-12-31`);
    const pending: Carry[] = [];
    const days: Omit<DayStatus, 'isPreHoliday'>[] = [];
    for (let day = first - LOOK_BACK_DAYS; day <= last; day++) {
      const status = decide(day, regime, transfers.get(day), pending);
      if (day >= first) days.push(status);
    }
    // Labour Code: the working day immediately before a holiday is one hour shorter.
    return days.map((status, i) => ({ ...status, isPreHoliday: regime.observesHolidays && !status.isOff && holidaysOn(first + i + 1).length > 0 }));
  }

  function decide(
    day: number,
    regime: Regime,
    transfer: { transfer: DayTransfer; isWorkingDay: boolean } | undefined,
    pending: Carry[],
  ): Omit<DayStatus, 'isPreHoliday'> {
    const weekday = weekdayOf(day);
    const weekend = { kind: 'weekend', weekday, label: WEEKEND_LABEL } as const;
    if (!regime.observesHolidays) return regime.restDays[weekday] ? off([weekend], weekday) : on(weekday);
    const isRest = Boolean(regime.restDays[weekday]) && !transfer?.isWorkingDay;
    const holidays = holidaysOn(day);
    if (holidays.length > 0) {
      // Labour Code (2016) and Law "On holidays": a holiday on a rest day moves that rest day to the
      // next working day. One rest day moves once, however many holidays fall on it.
      if (isRest) pending.push({ occurrence: holidays[0] as Occurrence, from: day });
      return off([...holidays.map(holidayReason), ...(isRest ? [weekend] : [])], weekday);
    }
    if (transfer && !transfer.isWorkingDay) return off([transferReason(transfer.transfer)], weekday);
    if (transfer?.isWorkingDay) return on(weekdayOf(dayNumber(transfer.transfer.dayOff)));
    if (isRest) return off([weekend], weekday);
    const carry = pending.shift();
    if (carry) return off([carriedReason(carry)], weekday);
    return on(weekday);
  }

  return {
    holidaysOn,
    /** The status of a day for an office regime; computes and caches the day's whole year on first use. */
    statusOf(day: number, regime: Regime): DayStatus {
      const key = regimeKey(regime);
      let years = yearTables.get(key);
      if (!years) yearTables.set(key, (years = new Map()));
      const { year } = dateParts(day);
      let table = years.get(year);
      if (!table) {
        table = { first: dayNumber(`${year}-01-01`), days: computeYear(year, regime, key) };
        years.set(year, table);
      }
      return table.days[day - table.first] as DayStatus;
    },
  };
}

const regimeKeys = new WeakMap<Regime, string>();

/** Offices with the same rest days share their day tables. */
function regimeKey(regime: Regime): string {
  let key = regimeKeys.get(regime);
  if (key === undefined) {
    key = `${[1, 2, 3, 4, 5, 6, 7].map((d) => (regime.restDays[d] ? 'r' : 'w')).join('')}${regime.observesHolidays ? 'h' : 'c'}`;
    regimeKeys.set(regime, key);
  }
  return key;
}

const off = (reasons: readonly DayOffReason[], worksAs: Weekday) => ({ isOff: true, reasons, worksAs });
const on = (worksAs: Weekday) => ({ isOff: false, reasons: [], worksAs });

function holidayReason({ rule, isProvisional }: Occurrence): DayOffReason {
  return { kind: 'holiday', holidayCode: rule.code, isProvisional, label: rule.name };
}

function carriedReason({ occurrence: { rule }, from }: Carry): DayOffReason {
  const date = isoDate(from);
  return {
    kind: 'carried',
    holidayCode: rule.code,
    holidayDate: date,
    label: {
      tg: `Рӯзи истироҳати гузаронидашуда: ${rule.name.tg} (${date})`,
      ru: `Перенесённый выходной: ${rule.name.ru} (${date})`,
      en: `Day off moved from ${rule.name.en} (${date})`,
    },
  };
}

function transferReason(transfer: DayTransfer): DayOffReason {
  return {
    kind: 'transfer',
    decree: transfer.decree,
    decreeDate: transfer.decreeDate,
    label: {
      tg: `Рӯзи истироҳат бо қарори Ҳукумат: ${transfer.decree}`,
      ru: `Выходной день по постановлению Правительства: ${transfer.decree}`,
      en: `Day off by government decree: ${transfer.decree}`,
    },
  };
}

const pad = (n: number) => String(n).padStart(2, '0');
