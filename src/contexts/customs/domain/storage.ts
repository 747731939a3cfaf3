/**
 * Temporary storage on arrival (art.77 p.2, art.102-103, art.117, art.121) and its state machine
 * (catalog 3.3). Pure: the working-day calendar is passed in, and so is `now`.
 */
import type { Calendar } from '../../../platform/calendar/calendar.ts';
import { addCalendarDays, dushanbeDate } from '../../../platform/calendar/time.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { ArrivalErrorCode } from './arrival-errors.ts';

type Refusal = Failure<ArrivalErrorCode>;

/** States of goods in temporary storage (catalog 3.3). */
export const STORAGE_STATES = [
  /** From presentation at the place of arrival (art.77 p.2) or completion of internal transit (art.92 p.13). */
  'IN_TEMPORARY_STORAGE',
  /** Placed in a warehouse or another customs control zone by a short declaration. */
  'SHORT_DECLARED',
  /** Released on a customs declaration or on a periodic-declaring notice (art.121 p.1). */
  'RELEASED',
  /** The maximum period ended: handed to disposal under Chapter 57 (art.77 p.2). */
  'TO_DISPOSAL',
] as const;
export type StorageState = (typeof STORAGE_STATES)[number];

/** What starts temporary storage and the short-declaration clock (CUS-TS-06). */
export const STORAGE_TRIGGERS = ['arrival', 'internal_transit_completed'] as const;
export type StorageTrigger = (typeof STORAGE_TRIGGERS)[number];

/** Where the short declaration places the goods (art.77 p.2; art.117 p.1 i.2 for the recipient's warehouse). */
export const PLACE_KINDS = ['warehouse', 'control_zone', 'recipient_warehouse'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

export const RELEASE_BASES = ['declaration', 'periodic_notice'] as const;
export type ReleaseBasis = (typeof RELEASE_BASES)[number];

/** The storage periods of art.103 p.1 as parameters: 15 days ordinary, 90 days maximum, warnings 3 days before. */
export type StoragePolicy = { readonly ordinaryDays: number; readonly maximumDays: number; readonly warningDays: number };
export const DEFAULT_STORAGE_POLICY: StoragePolicy = { ordinaryDays: 15, maximumDays: 90, warningDays: 3 };

/** The part of the platform calendar the deadlines need (the office's `calendarOffice`). */
export type WorkingDays = Pick<Calendar, 'nextWorkingDay' | 'endOfDay'>;

export type StorageDeadlines = { readonly shortDeclarationDueAt: Date; readonly ordinaryEndsAt: Date; readonly maximumEndsAt: Date };

/**
 * CUS-TS-02, CUS-TS-06: the short declaration is due by the end of the next working day of the
 * office after the trigger (presentation or completion of internal transit). CUS-TS-07:
 * both storage periods count in calendar days from the start of temporary storage and end at the
 * end of their last day, Dushanbe time.
 */
export function storageDeadlines(start: Date, calendarOffice: string, calendar: WorkingDays, policy: StoragePolicy): StorageDeadlines {
  const nextDay = calendar.nextWorkingDay(dushanbeDate(start), calendarOffice);
  return {
    shortDeclarationDueAt: calendar.endOfDay(nextDay, { office: calendarOffice }),
    ordinaryEndsAt: addCalendarDays(start, policy.ordinaryDays),
    maximumEndsAt: addCalendarDays(start, policy.maximumDays),
  };
}

/** The facts of a storage record that the rules read. */
export type StorageFacts = {
  readonly status: StorageState;
  readonly shortDeclarationDueAt: Date;
  readonly shortDeclarationOverdueAt: Date | null;
  readonly ordinaryEndsAt: Date;
  readonly extendedUntil: Date | null;
  readonly maximumEndsAt: Date;
  readonly periodWarnedAt: Date | null;
  readonly maximumWarnedAt: Date | null;
};

const isActive = (s: StorageState) => s === 'IN_TEMPORARY_STORAGE' || s === 'SHORT_DECLARED';

/** The end of the storage period in force: the ordinary one, or the extension granted. */
export const periodEndOf = (r: Pick<StorageFacts, 'ordinaryEndsAt' | 'extendedUntil'>): Date => r.extendedUntil ?? r.ordinaryEndsAt;

/** What the due-time checker must do to one record at `now` (CUS-TS-02 overdue, CUS-TS-07 warnings, CUS-TS-03/08 disposal). */
export type DueActions = { readonly flagOverdue: boolean; readonly warnPeriod: boolean; readonly warnMaximum: boolean; readonly toDisposal: boolean };

export function dueActions(r: StorageFacts, now: Date, policy: StoragePolicy): DueActions {
  const t = now.getTime();
  const warnMs = policy.warningDays * 86_400_000;
  if (!isActive(r.status)) return { flagOverdue: false, warnPeriod: false, warnMaximum: false, toDisposal: false };
  const toDisposal = t > r.maximumEndsAt.getTime();
  const periodEnd = periodEndOf(r).getTime();
  return {
    flagOverdue: r.status === 'IN_TEMPORARY_STORAGE' && r.shortDeclarationOverdueAt === null && t > r.shortDeclarationDueAt.getTime(),
    warnPeriod: !toDisposal && r.periodWarnedAt === null && periodEnd < r.maximumEndsAt.getTime() && t >= periodEnd - warnMs,
    warnMaximum: !toDisposal && r.maximumWarnedAt === null && t >= r.maximumEndsAt.getTime() - warnMs,
    toDisposal,
  };
}

/** Goods are moved, declared or released only while in temporary storage. */
export function checkActive(status: StorageState): Result<void, Refusal> {
  return isActive(status) ? ok(undefined) : fail('STORAGE_NOT_ACTIVE', undefined, { status });
}

/** TS-2: one short declaration per record, only before release or disposal. */
export function checkShortDeclarable(status: StorageState): Result<void, Refusal> {
  const active = checkActive(status);
  if (!active.ok) return active;
  return status === 'IN_TEMPORARY_STORAGE' ? ok(undefined) : fail('STORAGE_ALREADY_SHORT_DECLARED');
}

/**
 * Art.77 p.2: the declarant, or an authorised representative (a customs broker in the
 * persons register), files the short declaration and asks for extensions.
 */
export function actingCapacity(declarantTin: string, callerTin: string, isBroker: boolean): Result<'declarant' | 'representative', Refusal> {
  if (callerTin === declarantTin) return ok('declarant');
  return isBroker ? ok('representative') : fail('STORAGE_NOT_YOUR_GOODS');
}

/**
 * TS-4: the extension runs to the end of the requested day, after the period in force and
 * never past the maximum period.
 */
export function checkExtension(r: Pick<StorageFacts, 'status' | 'ordinaryEndsAt' | 'extendedUntil' | 'maximumEndsAt'>, until: Date): Result<Date, Refusal> {
  const active = checkActive(r.status);
  if (!active.ok) return active;
  if (until.getTime() <= periodEndOf(r).getTime()) return fail('ARRIVAL_VALUE_INVALID', 'body.until', { periodEndsAt: periodEndOf(r).toISOString() });
  if (until.getTime() > r.maximumEndsAt.getTime())
    return fail('STORAGE_EXTENSION_BEYOND_MAXIMUM', 'body.until', { maximumEndsAt: r.maximumEndsAt.toISOString() });
  return ok(until);
}

/** Art.77 p.2: the place must lie in the region of the office where the goods were presented. */
export function checkRegion(storageRegion: string, placeRegion: string, field: string): Result<void, Refusal> {
  return storageRegion === placeRegion ? ok(undefined) : fail('STORAGE_PLACE_OUTSIDE_REGION', field, { region: storageRegion });
}
