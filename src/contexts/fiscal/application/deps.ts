import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import type { Calendar } from '../../../platform/calendar/index.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Database, Db } from '../../../platform/db.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { TIME_LIMITS } from '../domain/time-limits.ts';
import type { DeadlineKind, ResponsibleKind } from '../domain/types.ts';
import { deadlines } from '../infrastructure/schema.ts';

/** What every fiscal use case needs; wired in src/app. */
export type FiscalDeps = {
  readonly database: Database;
  readonly clock: Clock;
  /** The calendar in force (reloaded when a decree changes the tables). */
  readonly calendar: () => Calendar;
};

/** How the audit log names the acting user. */
export const actorOf = (p: AccountPrincipal | 'system'): string => (p === 'system' ? 'system' : `${p.role}:${p.login}`);

/** The due instant of a time limit counted from `from`, on the calendar of `office`. */
export function dueAt(calendar: Calendar, kind: DeadlineKind, from: Date, office = 'default'): Date {
  const limit = TIME_LIMITS[kind];
  switch (limit.unit) {
    case 'working_hours':
      return calendar.addWorkingHours(from, limit.amount, office);
    case 'working_days':
      return calendar.addWorkingDays(from, limit.amount, office);
    case 'hours':
      return calendar.addHours(from, limit.amount);
    case 'days':
      return calendar.addCalendarDays(from, limit.amount);
    case 'months':
      return calendar.addMonths(from, limit.amount);
  }
}

export type OpenDeadline = {
  readonly kind: DeadlineKind;
  readonly subject: { readonly type: string; readonly id: string };
  readonly responsible: { readonly kind: ResponsibleKind; readonly id: string };
  readonly startsAt: Date;
  readonly dueAt: Date;
  /** Already met when opened (a notice sent in the same step). */
  readonly metAt?: Date;
};

/** Stores a due time on the record it governs; the worker flags it when it passes unmet. */
export async function openDeadline(tx: Db, d: OpenDeadline): Promise<void> {
  await tx.insert(deadlines).values({
    id: uuidv7(d.startsAt.getTime()),
    kind: d.kind,
    legalRef: TIME_LIMITS[d.kind].ref,
    subjectType: d.subject.type,
    subjectId: d.subject.id,
    responsibleKind: d.responsible.kind,
    responsibleId: d.responsible.id,
    startsAt: d.startsAt,
    dueAt: d.dueAt,
    metAt: d.metAt ?? null,
  });
}

/** Marks the open deadlines of these kinds on a subject as met at `at`. */
export async function meetDeadlines(tx: Db, subject: { readonly type: string; readonly id: string }, kinds: readonly DeadlineKind[], at: Date): Promise<void> {
  await tx
    .update(deadlines)
    .set({ metAt: at })
    .where(and(eq(deadlines.subjectType, subject.type), eq(deadlines.subjectId, subject.id), inArray(deadlines.kind, [...kinds]), isNull(deadlines.metAt)));
}
