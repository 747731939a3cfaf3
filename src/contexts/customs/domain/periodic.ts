/**
 * Periodic declaring (art.136-138, catalog 3.2 P1-P12): the application, its state machine and its
 * deadlines. Pure: no I/O, no clock; every instant is Asia/Dushanbe time via the platform's
 * calendar helpers (docs/customs-periodic.md).
 */
import { addCalendarDays, addMonths, dayNumber, endOfDayMs, isoDate, monthsLaterDay, startOfDayMs } from '../../../platform/calendar/time.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { PeriodicErrorCode } from './periodic-errors.ts';

export type PeriodicDirection = 'import' | 'export';
/** Art.136 p.1-2, art.134 p.10: every application, request and decision is electronic or written. */
export type PeriodicForm = 'electronic' | 'written';

/** States of catalog 3.2. */
export const PERIODIC_STATES = [
  /** P1: filed with the clearing office before the delivery period; waits for the decision (art.136 p.2). */
  'SUBMITTED',
  /** P2: customs permitted periodic declaring; the delivery period has not started. */
  'PERMITTED',
  /** P2: customs refused (for exports with the conditions to meet, art.137 p.3). Terminal. */
  'REFUSED',
  /** P3-P4: the delivery period runs; a notice precedes each delivery (art.136 p.8). */
  'ACTIVE',
  /** P5: the period ended with goods presented; the goods declaration is due (art.136 p.9, art.138 p.2). */
  'DECLARATION_DUE',
  /** P6: the goods declaration for the period is accepted. */
  'DECLARED',
  /** P7: goods not presented in the period (or, export, not declared and not exported in 6 months): to be withdrawn (art.136 p.14). */
  'WITHDRAWAL_DUE',
  /** P8: withdrawn on the declarant's simple request (art.134 p.9-10). Terminal. */
  'WITHDRAWN',
  /** P9: not withdrawn within the grace period: customs annulled the permission (art.136 p.15). Terminal. */
  'PERMISSION_ANNULLED',
  /** P10: declared export goods not exported within 6 months after the period (art.138 p.3, 6). */
  'EXPORT_OVERDUE',
  /** P11: the declarant withdrew the export declaration (art.138 p.6). Terminal. */
  'DECLARATION_WITHDRAWN',
  /** P11: not withdrawn in time: the release is to be annulled (art.138 p.7, art.149 p.6). Terminal. */
  'RELEASE_ANNULLED',
  /** P12: all goods declared and, for export, actually exported. Terminal. */
  'CLOSED',
] as const;
export type PeriodicState = (typeof PERIODIC_STATES)[number];

/** The transitions of catalog 3.2, by row. */
export const PERIODIC_TRANSITIONS = {
  P2_permitted: { from: ['SUBMITTED'], to: 'PERMITTED' },
  P2_refused: { from: ['SUBMITTED'], to: 'REFUSED' },
  P3_activated: { from: ['PERMITTED'], to: 'ACTIVE' },
  P4_notified: { from: ['ACTIVE'], to: 'ACTIVE' },
  P5_period_ended: { from: ['ACTIVE'], to: 'DECLARATION_DUE' },
  P6_declared: { from: ['DECLARATION_DUE'], to: 'DECLARED' },
  P7_not_presented: { from: ['ACTIVE', 'DECLARATION_DUE'], to: 'WITHDRAWAL_DUE' },
  P8_withdrawn: { from: ['WITHDRAWAL_DUE'], to: 'WITHDRAWN' },
  P9_permission_annulled: { from: ['WITHDRAWAL_DUE'], to: 'PERMISSION_ANNULLED' },
  P10_export_overdue: { from: ['DECLARED'], to: 'EXPORT_OVERDUE' },
  P11_declaration_withdrawn: { from: ['EXPORT_OVERDUE'], to: 'DECLARATION_WITHDRAWN' },
  P11_release_annulled: { from: ['EXPORT_OVERDUE'], to: 'RELEASE_ANNULLED' },
  P12_closed: { from: ['DECLARED'], to: 'CLOSED' },
} as const satisfies Record<string, { readonly from: readonly PeriodicState[]; readonly to: PeriodicState }>;
export type PeriodicTransition = keyof typeof PERIODIC_TRANSITIONS;

export function canMove(from: PeriodicState, transition: PeriodicTransition): boolean {
  return (PERIODIC_TRANSITIONS[transition].from as readonly PeriodicState[]).includes(from);
}

/** The statutory numbers (catalog 2.10). */
export const LIMITS = {
  /** Art.136 p.2: days customs has to answer. */
  decisionDays: 10,
  /** Art.136 p.6: longest delivery period. */
  maxPeriodDays: 30,
  /** Art.138 p.4 (AMB-09, window reading; AMB-01: calendar days): export with duties or restrictions is applied for only in these days before the period. */
  restrictedWindowDays: 15,
  /** Art.136 p.4: deliveries that make movement "regular", within `regularityWindowDays`. */
  regularDeliveries: 3,
  regularityWindowDays: 30,
  /** Art.136 p.9: import declaration after the period. */
  importDeclarationDays: 10,
  /** Art.138 p.2: export declaration after the whole lot left. */
  exportDeclarationMonths: 1,
  /** Art.138 p.3: actual exit after the period. */
  exportExitMonths: 6,
  /** Art.138 p.5 (AMB-08, literal reading: extends the p.2 period). */
  maxExtensionMonths: 4,
} as const;

/** Parameters the text leaves open, kept in customs.periodic_parameters. */
export type PeriodicParameters = {
  /** AMB-07: days after the withdrawal notice before customs may annul (art.136 p.15, art.138 p.7). */
  readonly withdrawalGraceDays: number;
  /** AMB-10: the day after filing on which an undecided application is escalated. */
  readonly escalationDay: number;
};
export const DEFAULT_PARAMETERS: PeriodicParameters = { withdrawalGraceDays: 10, escalationDay: 8 };

/** One classification code of the application with its planned quantity (art.136 p.3: same code = same goods). */
export type PeriodicLine = {
  readonly commodityCode: string;
  /** Decimal, up to 3 decimals, in the unit of the code. */
  readonly plannedQuantity: string;
  /** Export goods subject to prohibitions or restrictions (art.138 p.4): the reference data has no such column, the declarant states it. */
  readonly isRestricted?: boolean;
  /** Export goods subject to export duties (art.138 p.4, art.136 p.11). */
  readonly hasExportDuty?: boolean;
};

/** A quantity of one code in a notice or an exit record. */
export type QuantityLine = { readonly commodityCode: string; readonly quantity: string };

const day = (d: string) => dayNumber(d);
const endOf = (d: string) => new Date(endOfDayMs(day(d)));

/** Length of a period in calendar days, both ends counted. */
export const periodDays = (start: string, end: string): number => day(end) - day(start) + 1;

/** Art.138 p.4: export goods with export duties or restrictions. */
export const isRestrictedExport = (direction: PeriodicDirection, lines: readonly PeriodicLine[]): boolean =>
  direction === 'export' && lines.some((l) => l.isRestricted === true || l.hasExportDuty === true);

type Refusal = Failure<PeriodicErrorCode>;

/**
 * P1 guards on the period: it ends after it starts; the application is filed before it starts
 * (art.136 p.6); it lasts at most 30 calendar days (art.136 p.6); for export with duties or
 * restrictions at most one calendar month too, and the application only in the 15 days before
 * the start (art.138 p.4, AMB-09).
 */
export function checkPeriod(input: {
  readonly direction: PeriodicDirection;
  readonly lines: readonly PeriodicLine[];
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly filedOn: string;
}): Result<{ readonly isRestricted: boolean }, Refusal> {
  const { periodStart: start, periodEnd: end, filedOn } = input;
  if (day(end) < day(start)) return fail('PERIODIC_PERIOD_INVALID', 'body.periodEnd');
  if (day(filedOn) >= day(start)) return fail('PERIODIC_PERIOD_STARTED', 'body.periodStart', { periodStart: start, filedOn });
  if (periodDays(start, end) > LIMITS.maxPeriodDays) return fail('PERIODIC_PERIOD_TOO_LONG', 'body.periodEnd', { maxDays: LIMITS.maxPeriodDays });
  const isRestricted = isRestrictedExport(input.direction, input.lines);
  if (isRestricted) {
    // One calendar month from the start ends the day before the same day number a month later.
    const lastDay = isoDate(monthsLaterDay(new Date(startOfDayMs(day(start))), 1) - 1);
    if (day(end) > day(lastDay)) return fail('PERIODIC_PERIOD_TOO_LONG', 'body.periodEnd', { maxDays: periodDays(start, lastDay), lastDay });
    if (day(start) - day(filedOn) > LIMITS.restrictedWindowDays)
      return fail('PERIODIC_APPLICATION_TOO_EARLY', 'body.periodStart', { firstDay: isoDate(day(start) - LIMITS.restrictedWindowDays) });
  }
  return ok({ isRestricted });
}

/** A past delivery of one code by the declarant (a notice, or a registered declaration). */
export type PastDelivery = { readonly commodityCode: string; readonly on: string };

/**
 * CUS-DEC-65 (art.136 p.3-4): the codes that were NOT moved regularly: fewer than 3 deliveries of
 * the code in the 30 calendar days that end on the filing day.
 */
export function irregularCodes(codes: readonly string[], deliveries: readonly PastDelivery[], filedOn: string): string[] {
  const last = day(filedOn);
  const first = last - LIMITS.regularityWindowDays + 1;
  return codes.filter((code) => {
    const n = deliveries.filter((d) => d.commodityCode === code && day(d.on) >= first && day(d.on) <= last).length;
    return n < LIMITS.regularDeliveries;
  });
}

/** The 30 calendar days, ending on the filing day, over which regularity is counted. */
export const regularityWindow = (filedOn: string) => ({ from: isoDate(day(filedOn) - LIMITS.regularityWindowDays + 1), to: filedOn });

// ---- Deadlines (catalog 2.10). Calendar days: the day of the event is not counted; a deadline ends at 24:00 Dushanbe.

/** CUS-DEC-64: the answer is due by the end of the 10th calendar day after filing. */
export const decisionDueAt = (submittedAt: Date): Date => addCalendarDays(submittedAt, LIMITS.decisionDays);
/** AMB-10: the start of day `escalationDay` after filing. */
export const escalateAt = (submittedAt: Date, p: PeriodicParameters): Date => new Date(addCalendarDays(submittedAt, p.escalationDay - 1).getTime() + 1);
/** CUS-DEC-76 (art.137 p.3 → art.132 p.5): an export refusal is notified no later than the day after filing. */
export const refusalNoticeDueAt = (submittedAt: Date): Date => addCalendarDays(submittedAt, 1);
/** CUS-DEC-69: import declaration within 10 calendar days after the period. */
export const importDeclarationDueAt = (periodEnd: string): Date => addCalendarDays(endOf(periodEnd), LIMITS.importDeclarationDays);
/** CUS-DEC-79: 1 month counted from the day after the whole lot actually left (ends on the same day number). */
export const exportDeclarationDueAt = (wholeLotExitedOn: string): Date => addMonths(endOf(wholeLotExitedOn), LIMITS.exportDeclarationMonths);
/** CUS-DEC-80: 6 months counted from the day after the end of the period. */
export const exportExitDueAt = (periodEnd: string): Date => addMonths(endOf(periodEnd), LIMITS.exportExitMonths);
/** CUS-DEC-82: the extended deadline may end at most 4 months after the p.2 deadline. */
export const latestExtensionAt = (declarationDueAt: Date): Date => addMonths(declarationDueAt, LIMITS.maxExtensionMonths);
/** AMB-07: grace after the withdrawal notice. */
export const withdrawalDueAt = (notifiedAt: Date, p: PeriodicParameters): Date => addCalendarDays(notifiedAt, p.withdrawalGraceDays);
/** Start (00:00 Dushanbe) of a legal date. */
export const startOf = (d: string): Date => new Date(startOfDayMs(day(d)));
/** End (24:00 Dushanbe) of a legal date. */
export const endOfDate = endOf;

// ---- Quantities: decimal strings with up to 3 decimals, summed exactly.

const SCALE = 3;
export const QUANTITY_PATTERN = '^\\d{1,12}(\\.\\d{1,3})?$';
const toMilli = (q: string): bigint => {
  const [whole = '0', fraction = ''] = q.split('.');
  return BigInt(whole + fraction.padEnd(SCALE, '0'));
};
const fromMilli = (v: bigint): string => {
  const s = v.toString().padStart(SCALE + 1, '0');
  const [whole, fraction] = [s.slice(0, -SCALE), s.slice(-SCALE).replace(/0+$/, '')];
  return fraction ? `${whole}.${fraction}` : whole;
};
export const isPositiveQuantity = (q: string): boolean => new RegExp(QUANTITY_PATTERN).test(q) && toMilli(q) > 0n;

/** Sum of quantities per code. */
export function sumByCode(lines: readonly QuantityLine[]): Map<string, string> {
  const sums = new Map<string, bigint>();
  for (const l of lines) sums.set(l.commodityCode, (sums.get(l.commodityCode) ?? 0n) + toMilli(l.quantity));
  return new Map([...sums].map(([k, v]) => [k, fromMilli(v)]));
}

/**
 * CUS-DEC-66 (art.136 p.5): the same code through the same border crossing point, cleared by the
 * same office within 30 calendar days under one contract is one consignment, whatever the number
 * of deliveries. An application has one office, one border point, one contract and a period of at
 * most 30 days, so each of its codes is one consignment: planned, notified and actual totals.
 */
export type Consignment = { readonly commodityCode: string; readonly planned: string; readonly notified: string; readonly actual: string };

export function consignments(
  lines: readonly PeriodicLine[],
  notices: readonly { readonly lines: readonly QuantityLine[]; readonly actualLines: readonly QuantityLine[] | null }[],
): Consignment[] {
  const notified = sumByCode(notices.flatMap((n) => n.lines));
  const actual = sumByCode(notices.flatMap((n) => n.actualLines ?? []));
  return lines.map((l) => ({
    commodityCode: l.commodityCode,
    planned: l.plannedQuantity,
    notified: notified.get(l.commodityCode) ?? '0',
    actual: actual.get(l.commodityCode) ?? '0',
  }));
}

/** Codes named twice in a list. */
export const duplicateCodes = (codes: readonly string[]): string[] => codes.filter((c, i) => codes.indexOf(c) !== i);

/** Art.138 p.2: the day the whole lot had actually left: the last exit, once every notified delivery has left. */
export function wholeLotExitedOn(notices: readonly { readonly exitedOn: string | null }[]): string | undefined {
  if (notices.length === 0 || notices.some((n) => n.exitedOn === null)) return undefined;
  return notices
    .map((n) => n.exitedOn as string)
    .sort()
    .at(-1);
}
