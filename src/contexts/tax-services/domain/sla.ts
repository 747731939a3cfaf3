import type { DeadlineRule } from './types.ts';

/**
 * The SLA clock engine of the taxpayer service standard (TS-27, TS-29, TS-30; spec section 5,
 * A-2 … A-13): from a line's deadline rule and its start event, the instants at which the service
 * is due, at risk and (for real-time services) late against the technical target. Pure: the
 * working-day arithmetic comes in as `WorkingTime`, which the platform calendar satisfies.
 * docs/tax-services-deadlines.md explains each clock kind.
 */

/** Options of the calendar's period functions (the same shape as the platform `DeadlineOptions`). */
export type PeriodOptions = { readonly rollToWorkingDay?: boolean; readonly office?: string };

/**
 * The calendar methods the clocks need, with the signatures of the platform `Calendar`, so that a
 * calendar built by `createCalendar` or `loadCalendar` can be passed as is.
 */
export type WorkingTime = {
  isWorkingDay(date: string, office?: string): boolean;
  addWorkingDays(from: Date, days: number, office?: string): Date;
  countWorkingDays(from: Date, to: Date, office?: string): number;
  addCalendarDays(from: Date, days: number, options?: PeriodOptions): Date;
  countCalendarDays(from: Date, to: Date): number;
  addMonths(from: Date, months: number, options?: PeriodOptions): Date;
  endOfDay(date: string, options?: PeriodOptions): Date;
};

export type SlaSettings = {
  /** the technical target of a real-time service, in seconds. */
  readonly realTimeTargetSeconds: number;
  /** TS-30: the share of the allowed time after which the responsible unit is warned. */
  readonly warnFraction: number;
  /** a calendar-day period ending on a non-working day ends on the next working day. */
  readonly rollCalendarDays: boolean;
  /** calendar days for a line without a printed deadline (02.02.08): the general limit of the Law on appeals. */
  readonly notStatedDays: number;
};

export const DEFAULT_SLA_SETTINGS: SlaSettings = Object.freeze({ realTimeTargetSeconds: 60, warnFraction: 0.75, rollCalendarDays: true, notStatedDays: 30 });

export type ClockStart = {
  /** The start event (spec section 3): for "application and documents" the moment they are complete (TS-29). */
  readonly startedAt: Date;
  /** The calendar office whose working days count; `default` when omitted. */
  readonly office?: string;
  /**
   * The reporting period. `february_1` uses `year` (default: the Dushanbe year of `startedAt`);
   * `april_1_after_year` needs `year`; `tenth_of_next_month` and date windows need `year` and
   * `month`. A rule that needs a period and gets none is a programming error (RangeError).
   */
  readonly period?: { readonly year: number; readonly month?: number };
  /** 'YYYY-MM-DD', the date the approved plan sets (10.10.01); required for plan rules. */
  readonly planDate?: string;
  /** The applicant waited in a queue: a minutes limit that holds only without a queue does not apply (TS-31). */
  readonly hadQueue?: boolean;
};

export type SlaClock = {
  /** The last instant at which completion is in time (the legal deadline); null when none applies. */
  readonly dueAt: Date | null;
  /** TS-30: start + warnFraction × (dueAt − start), wall time; for a date window measured from its opening. */
  readonly warnAt: Date | null;
  /** the technical target of real-time services (real_time and real_time_capped). */
  readonly targetAt: Date | null;
  /** Date windows (05.05.04): when sending may start, 00:00 of the first day. */
  readonly opensAt: Date | null;
  /** A-5, 02.02.04: the end of the review of up to 2 months after the entry into liquidation. */
  readonly stageDueAt: Date | null;
};

/**
 * - `on_track`: open, not yet at the warning time.
 * - `at_risk`: open and past the warning time, or a real-time service past its technical target.
 * - `breached`: open and past the due time.
 * - `met`: completed at or before the due time (or completed where no due time applies).
 * - `met_late`: completed after the due time.
 */
export type SlaState = 'on_track' | 'at_risk' | 'breached' | 'met' | 'met_late';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** Asia/Dushanbe is UTC+05:00 all year (no daylight saving); used only to read a local date. */
const DUSHANBE_OFFSET_MS = 5 * HOUR_MS;

/** Starts the clock of a deadline rule at its start event. */
export function startClock(rule: DeadlineRule, start: ClockStart, time: WorkingTime, settings: SlaSettings = DEFAULT_SLA_SETTINGS): SlaClock {
  checkSettings(settings);
  const from = instant(start.startedAt, 'startedAt');
  const opensAt = rule.kind === 'date_window' ? windowOf(rule, start).opensAt : null;
  return assemble(rule, start, dueOf(rule, start, time, settings), opensAt, time, settings, from);
}

/**
 * the clock was suspended at `pausedAt` on a recorded request for documents and resumes at
 * `resumedAt`. The due time moves by what the pause cost in the rule's own unit: its duration for
 * clock hours, minutes and the 24-hour cap; the working days it covered for working-day rules and
 * the 1-working-day cap; the calendar days it covered for calendar-day rules (and the A-4 limit).
 * Fixed dates, date windows, plan dates and the 2-month liquidation stage are set by law or by
 * the plan and do not move; real-time targets do not move either. Successive pauses compose.
 */
export function resumeClock(
  rule: DeadlineRule,
  clock: SlaClock,
  pausedAt: Date,
  resumedAt: Date,
  start: ClockStart,
  time: WorkingTime,
  settings: SlaSettings = DEFAULT_SLA_SETTINGS,
): SlaClock {
  checkSettings(settings);
  const [paused, resumed] = [instant(pausedAt, 'pausedAt'), instant(resumedAt, 'resumedAt')];
  if (resumed < paused) throw new RangeError('resumedAt is before pausedAt');
  const due = clock.dueAt;
  const unit = pauseUnit(rule);
  if (due === null || unit === null) return clock;
  const office = start.office;
  let moved: Date;
  if (unit === 'continuous') moved = new Date(due.getTime() + (resumed - paused));
  else if (unit === 'working_days') {
    // The due time is the closing time of a working day, so counting on from it is the same as
    // counting the extra days from the start.
    const days = time.countWorkingDays(pausedAt, resumedAt, office);
    moved = days > 0 ? time.addWorkingDays(due, days, office) : due;
  } else {
    const days = time.countCalendarDays(pausedAt, resumedAt);
    moved = days > 0 ? movedCalendarDue(rule, due, days, start, time, settings) : due;
  }
  return { ...clock, dueAt: moved, warnAt: warnOf(clock.opensAt ?? start.startedAt, moved, settings) };
}

/** The unit a pause is counted in for this rule, or null when a pause does not move it. */
export function pauseUnit(rule: DeadlineRule): 'continuous' | 'working_days' | 'calendar_days' | null {
  switch (rule.kind) {
    case 'hours':
    case 'minutes':
      return 'continuous';
    case 'real_time_capped':
      return rule.cap.unit === 'hours' ? 'continuous' : 'working_days';
    case 'working_days':
      return 'working_days';
    case 'calendar_days':
    case 'not_stated':
      return 'calendar_days';
    case 'real_time':
    case 'fixed_date':
    case 'date_window':
    case 'plan':
      return null;
  }
}

/** Where a request stands against its clock at `now`; `completedAt` closes it. */
export function slaState(clock: SlaClock, now: Date, completedAt?: Date | null): SlaState {
  if (completedAt) return clock.dueAt && completedAt > clock.dueAt ? 'met_late' : 'met';
  if (clock.dueAt && now > clock.dueAt) return 'breached';
  if (clock.warnAt && now >= clock.warnAt) return 'at_risk';
  // a pure real-time service has no legal breach, but missing its target is shown (TS-07).
  if (!clock.dueAt && clock.targetAt && now > clock.targetAt) return 'at_risk';
  return 'on_track';
}

function assemble(
  rule: DeadlineRule,
  start: ClockStart,
  dueAt: Date | null,
  opensAt: Date | null,
  time: WorkingTime,
  settings: SlaSettings,
  from: number,
): SlaClock {
  const isRealTime = rule.kind === 'real_time' || rule.kind === 'real_time_capped';
  return {
    dueAt,
    warnAt: warnOf(opensAt ?? start.startedAt, dueAt, settings),
    targetAt: isRealTime ? new Date(from + Math.round(settings.realTimeTargetSeconds * 1000)) : null,
    opensAt,
    // A-5: the review is a period in months; A-10's roll applies to its last day like to days.
    stageDueAt: rule.kind === 'hours' && rule.stageMonths ? time.addMonths(start.startedAt, rule.stageMonths, rollOf(start, settings)) : null,
  };
}

function dueOf(rule: DeadlineRule, start: ClockStart, time: WorkingTime, settings: SlaSettings): Date | null {
  const from = start.startedAt;
  switch (rule.kind) {
    case 'real_time':
      return null;
    case 'real_time_capped':
      // the breach is measured against the cap only; A-3: hours are clock hours.
      return rule.cap.unit === 'hours' ? new Date(from.getTime() + rule.cap.amount * HOUR_MS) : time.addWorkingDays(from, rule.cap.amount, start.office);
    case 'hours':
      // 24 continuous clock hours, nights, weekends and holidays included.
      return new Date(from.getTime() + rule.hours * HOUR_MS);
    case 'working_days':
      // counting starts the working day after the event and ends at closing time of the Nth.
      return time.addWorkingDays(from, rule.days, start.office);
    case 'calendar_days':
      // the end of the Nth day after the start day, moved to the next working day if off.
      return time.addCalendarDays(from, rule.days, rollOf(start, settings));
    case 'minutes':
      // TS-31: service time from the start of service; with a queue the "no queue" limit is void.
      return rule.onlyWithoutQueue && start.hadQueue ? null : new Date(from.getTime() + rule.minutes * MINUTE_MS);
    case 'fixed_date':
      // A statutory "no later than" date is not a period: A-10 does not move it (the seed says
      // "на дертар аз санаи 1 феврали", "то санаи 1-уми апрел", "то санаи 10-уми").
      return time.endOfDay(fixedDate(rule.date, start));
    case 'date_window':
      return windowOf(rule, start).closesAt(time);
    case 'plan':
      if (!start.planDate) throw new RangeError('a plan rule needs start.planDate');
      // The approved plan fixes the date itself; it is not rolled.
      return time.endOfDay(start.planDate);
    case 'not_stated':
      // the configured general limit of the Law on appeals, in calendar days, rolled.
      return time.addCalendarDays(from, settings.notStatedDays, rollOf(start, settings));
  }
}

/**
 * A calendar-day due time moved by `days`. With the A-10 roll, the last day of the period may have
 * been moved off a weekend or holiday: the pause's days are added to the period's own last day
 * (the earliest day that rolls to the current due day, and not before the unpaused last day), and
 * the roll is applied again to the new last day.
 */
function movedCalendarDue(rule: DeadlineRule, due: Date, days: number, start: ClockStart, time: WorkingTime, settings: SlaSettings): Date {
  const roll = rollOf(start, settings);
  if (!settings.rollCalendarDays) return time.addCalendarDays(due, days, roll);
  const amount = rule.kind === 'calendar_days' ? rule.days : settings.notStatedDays;
  const earliest = dayOf(start.startedAt) + amount;
  let last = dayOf(due);
  while (last - 1 >= earliest && !time.isWorkingDay(isoOf(last - 1), start.office)) last--;
  return time.addCalendarDays(startOfDay(last), days, roll);
}

function warnOf(from: Date, due: Date | null, settings: SlaSettings): Date | null {
  if (due === null) return null;
  return new Date(from.getTime() + Math.round(settings.warnFraction * (due.getTime() - from.getTime())));
}

const rollOf = (start: ClockStart, settings: SlaSettings): PeriodOptions => ({
  rollToWorkingDay: settings.rollCalendarDays,
  ...(start.office ? { office: start.office } : {}),
});

/** The date of a fixed statutory deadline (TS-27 (g); A-13 for the 10th of the next month). */
function fixedDate(date: 'february_1' | 'april_1_after_year' | 'tenth_of_next_month', start: ClockStart): string {
  if (date === 'february_1') return iso(start.period?.year ?? localYear(start.startedAt), 2, 1);
  if (date === 'april_1_after_year') return iso(yearOf(start, date) + 1, 4, 1);
  const next = monthAfter(start, date);
  return iso(next.year, next.month, 10);
}

/** from `fromDay` to `toDay` of the month after the reporting month, ending at the month's end in short months. */
function windowOf(rule: { readonly fromDay: number; readonly toDay: number }, start: ClockStart) {
  const { year, month } = monthAfter(start, 'date_window');
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const [fromDay, toDay] = [Math.min(rule.fromDay, last), Math.min(rule.toDay, last)];
  return {
    opensAt: startOfDay(Math.round(Date.UTC(year, month - 1, fromDay) / DAY_MS)),
    closesAt: (time: WorkingTime) => time.endOfDay(iso(year, month, toDay)),
  };
}

function yearOf(start: ClockStart, rule: string): number {
  const year = start.period?.year;
  if (year === undefined || !Number.isInteger(year)) throw new RangeError(`${rule} needs start.period.year`);
  return year;
}

function monthAfter(start: ClockStart, rule: string): { readonly year: number; readonly month: number } {
  const year = yearOf(start, rule);
  const month = start.period?.month;
  if (month === undefined || !Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`${rule} needs start.period.month (1-12)`);
  return month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
}

const dayOf = (at: Date): number => Math.floor((at.getTime() + DUSHANBE_OFFSET_MS) / DAY_MS);
const startOfDay = (day: number): Date => new Date(day * DAY_MS - DUSHANBE_OFFSET_MS);
const isoOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
const localYear = (at: Date): number => new Date(at.getTime() + DUSHANBE_OFFSET_MS).getUTCFullYear();
const iso = (year: number, month: number, day: number): string => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

function instant(at: Date, name: string): number {
  const ms = at instanceof Date ? at.getTime() : Number.NaN;
  if (!Number.isFinite(ms)) throw new RangeError(`${name} is not a valid Date`);
  return ms;
}

function checkSettings(s: SlaSettings): void {
  if (!(s.warnFraction > 0 && s.warnFraction <= 1)) throw new RangeError(`warnFraction must be in (0, 1], got ${s.warnFraction}`);
  if (!(s.realTimeTargetSeconds >= 0)) throw new RangeError(`realTimeTargetSeconds must be ≥ 0, got ${s.realTimeTargetSeconds}`);
  if (!(Number.isInteger(s.notStatedDays) && s.notStatedDays >= 0)) throw new RangeError(`notStatedDays must be a whole number ≥ 0, got ${s.notStatedDays}`);
}
