import { and, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import type { Db } from '../../../platform/db.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import { consignments, type PeriodicState } from '../domain/periodic.ts';
import type { PeriodicErrorCode } from '../domain/periodic-errors.ts';
import { applicationByNumber, noticeByNumber, noticesOf } from '../infrastructure/periodic.repository.ts';
import { periodicApplications, periodicNotices } from '../infrastructure/periodic.schema.ts';
import type { CustomsDeps } from './deps.ts';
import { type ApplicationView, actualLines, applicationView } from './periodic-view.ts';

/** One application: its declarant (by TIN) or any customs officer. */
export async function getPeriodicApplication(
  deps: CustomsDeps,
  actor: AccountPrincipal,
  number: string,
): Promise<Result<ApplicationView, Failure<PeriodicErrorCode>>> {
  const db = deps.database.db;
  const a = await applicationByNumber(db, number);
  if (!a || (actor.role !== 'customs_officer' && a.declarantCode !== actor.tin)) return fail('PERIODIC_NOT_FOUND', 'params.number');
  return ok(applicationView(a, await noticesOf(db, a.id), deps.clock.now()));
}

export type ListQuery = { readonly state?: PeriodicState; readonly officeCode?: string; readonly limit?: number; readonly offset?: number };

/** A declarant's own applications, newest first; an officer's queue (by state and office), oldest first. */
export async function listPeriodicApplications(deps: CustomsDeps, actor: AccountPrincipal, query: ListQuery): Promise<ApplicationView[]> {
  const db = deps.database.db;
  const isOfficer = actor.role === 'customs_officer';
  const where: (SQL | undefined)[] = [
    isOfficer ? undefined : eq(periodicApplications.declarantCode, actor.tin ?? ''),
    query.state ? eq(periodicApplications.state, query.state) : undefined,
    query.officeCode ? eq(periodicApplications.officeCode, query.officeCode) : undefined,
  ];
  const found = await db
    .select()
    .from(periodicApplications)
    .where(and(...where))
    .orderBy(isOfficer ? periodicApplications.submittedAt : desc(periodicApplications.submittedAt))
    .limit(query.limit ?? 50)
    .offset(query.offset ?? 0);
  const ids = found.map((a) => a.id);
  const notices = ids.length > 0 ? await db.select().from(periodicNotices).where(inArray(periodicNotices.applicationId, ids)).orderBy(periodicNotices.seq) : [];
  const now = deps.clock.now();
  return found.map((a) =>
    applicationView(
      a,
      notices.filter((n) => n.applicationId === a.id),
      now,
    ),
  );
}

/** CUS-TS-18: the notice before a delivery, on which goods leave temporary storage (art.121 p.1, art.136 p.8). */
export async function periodicNotice(tx: Db, number: string) {
  const n = await noticeByNumber(tx, number);
  if (!n) return undefined;
  const [a] = await tx.select().from(periodicApplications).where(eq(periodicApplications.id, n.applicationId));
  if (!a) return undefined;
  return {
    number: n.number,
    applicationNumber: a.number,
    applicationState: a.state,
    declarantCode: a.declarantCode,
    officeCode: a.officeCode,
    borderPointCode: a.borderPointCode,
    direction: a.direction,
    deliveryOn: n.deliveryOn,
    lines: n.lines,
    vehicles: n.vehicles,
    notifiedAt: n.notifiedAt,
  };
}

/** States in which the application stands permitted (goods may be, or were, moved under it). */
const PERMITTED_STATES: readonly PeriodicState[] = ['PERMITTED', 'ACTIVE', 'DECLARATION_DUE', 'DECLARED', 'EXPORT_OVERDUE', 'CLOSED'];

/**
 * The permitted application a periodic goods declaration is filed for (art.136 p.9): codes, period,
 * each notice with its delivery day (restrictions of that day apply, art.136 p.12) and actual
 * quantities, and one consignment per code (art.136 p.5). Undefined when not found, another
 * declarant's or never permitted.
 */
export async function periodicApplicationFor(tx: Db, q: { readonly number: string; readonly declarantCode: string }) {
  const a = await applicationByNumber(tx, q.number);
  if (!a || a.declarantCode !== q.declarantCode || !PERMITTED_STATES.includes(a.state)) return undefined;
  const notices = await noticesOf(tx, a.id);
  return {
    number: a.number,
    state: a.state,
    direction: a.direction,
    officeCode: a.officeCode,
    borderPointCode: a.borderPointCode,
    contract: { number: a.contractNumber, date: a.contractDate },
    periodStart: a.periodStart,
    periodEnd: a.periodEnd,
    lines: a.lines,
    guaranteeReference: a.guaranteeReference,
    declarationDueAt: a.declarationDueAt,
    notices: notices.map((n) => ({ number: n.number, deliveryOn: n.deliveryOn, exitedOn: n.exitedOn, lines: n.lines, actualLines: actualLines(a, n) })),
    consignments: consignments(
      a.lines,
      notices.map((n) => ({ lines: n.lines, actualLines: actualLines(a, n) })),
    ),
  };
}
