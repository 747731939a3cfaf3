import { and, asc, eq, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import type { Db } from '../../../platform/db.ts';
import { notify, type RecipientKind } from '../../../platform/notifications.ts';
import type { DueTimeChecker } from '../../../platform/outbox.ts';
import { TIME_LIMITS } from '../domain/time-limits.ts';
import type { ResponsibleKind } from '../domain/types.ts';
import { deadlines } from '../infrastructure/schema.ts';
import type { FiscalDeps } from './deps.ts';

/** Which deadlines a caller is responsible for or supervises (FIS-IMP-02). */
function responsibleCondition(p: AccountPrincipal): SQL | undefined {
  switch (p.role) {
    case 'operator_admin':
    case 'tax_officer':
      return undefined;
    case 'tsc_specialist':
      return or(
        and(eq(deadlines.responsibleKind, 'org'), eq(deadlines.responsibleId, p.orgId ?? '')),
        p.unitId ? and(eq(deadlines.responsibleKind, 'unit'), eq(deadlines.responsibleId, p.unitId)) : undefined,
      );
    case 'business':
      return and(eq(deadlines.responsibleKind, 'business'), eq(deadlines.responsibleId, p.tin ?? ''));
    default:
      return sql`false`;
  }
}

export type DeadlineFilter = { readonly isOverdue?: boolean; readonly isOpen?: boolean; readonly subjectId?: string; readonly limit?: number };

/**
 * Stored legal due times with their state: open, met, met late, or overdue (due and unmet).
 * Overdue items show to the responsible role (DESIGN.md: "what is overdue shows as overdue").
 */
export async function listDeadlines(deps: FiscalDeps, actor: AccountPrincipal, f: DeadlineFilter) {
  const now = deps.clock.now();
  const rowsFound = await deps.database.db
    .select()
    .from(deadlines)
    .where(
      and(
        responsibleCondition(actor),
        f.isOverdue ? and(isNull(deadlines.metAt), lt(deadlines.dueAt, now)) : undefined,
        f.isOpen ? isNull(deadlines.metAt) : undefined,
        f.subjectId ? eq(deadlines.subjectId, f.subjectId) : undefined,
      ),
    )
    .orderBy(asc(deadlines.dueAt))
    .limit(f.limit ?? 100);
  return rowsFound.map((d) => ({
    ...d,
    title: TIME_LIMITS[d.kind].title,
    limit: { amount: TIME_LIMITS[d.kind].amount, unit: TIME_LIMITS[d.kind].unit },
    isOverdue: d.metAt === null && d.dueAt < now,
    isMetLate: d.metAt !== null && d.metAt > d.dueAt,
  }));
}

const RECIPIENT: { readonly [K in ResponsibleKind]: RecipientKind } = {
  org: 'org',
  unit: 'unit',
  inspectorate: 'inspectorate',
  business: 'business',
  operator: 'role',
  authorised_body: 'role',
};

/**
 * The worker's check: every unmet deadline whose due time has passed is flagged once and its
 * responsible party notified (the operator's and the authorised body's go to their roles).
 */
export function overdueChecker(): DueTimeChecker {
  return {
    name: 'fiscal.overdue-deadlines',
    run: async (db: Db, now: Date) => {
      return db.transaction(async (tx) => {
        const due = await tx
          .update(deadlines)
          .set({ overdueAt: now })
          .where(and(isNull(deadlines.metAt), isNull(deadlines.overdueAt), lt(deadlines.dueAt, now)))
          .returning();
        await notify(
          tx,
          now,
          ...due.map((d) => {
            const limit = TIME_LIMITS[d.kind];
            const recipientKind = RECIPIENT[d.responsibleKind];
            const recipientId = recipientKind === 'role' ? (d.responsibleKind === 'operator' ? 'operator_admin' : 'tax_officer') : d.responsibleId;
            return {
              recipient: { kind: recipientKind, id: recipientId },
              kind: 'deadline.overdue',
              title: { tg: `Мӯҳлат гузашт: ${limit.title.tg}`, ru: `Срок пропущен: ${limit.title.ru}`, en: `Overdue: ${limit.title.en}` },
              body: {
                tg: `Мӯҳлати ${limit.ref} ${d.dueAt.toISOString()} гузашт.`,
                ru: `Срок по ${limit.ref} истёк ${d.dueAt.toISOString()}.`,
                en: `The ${limit.ref} time limit passed at ${d.dueAt.toISOString()}.`,
              },
              subject: { type: d.subjectType, id: d.subjectId },
            };
          }),
        );
        return due.length;
      });
    },
  };
}
