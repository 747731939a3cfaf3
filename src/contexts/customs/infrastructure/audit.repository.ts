/** Storage of customs audits: plans, audits, their declarations and their history. */
import { and, asc, desc, eq, inArray, lte, or, type SQL, sql } from 'drizzle-orm';
import { type Db, rows } from '../../../platform/db.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import type { AuditState } from '../domain/audit.ts';
import { auditDeclarations, auditEvents, type AuditEventRow, auditPlans, type AuditPlanRow, type AuditRow, audits } from './audit.schema.ts';
import { declarations } from './declaration.schema.ts';

async function next(db: Db, sequence: 'audit_number_seq' | 'audit_plan_number_seq', prefix: string, year: string): Promise<string> {
  const [row] = await rows<{ n: string }>(db, sql`SELECT nextval(${`customs.${sequence}`}::regclass)::text AS n`);
  return `${prefix}-${year}-${String(row?.n).padStart(6, '0')}`;
}
export const nextAuditNumber = (db: Db, year: string) => next(db, 'audit_number_seq', 'AUD', year);
export const nextPlanNumber = (db: Db, year: string) => next(db, 'audit_plan_number_seq', 'AP', year);

export async function planByNumber(db: Db, number: string): Promise<AuditPlanRow | undefined> {
  const [row] = await db.select().from(auditPlans).where(eq(auditPlans.number, number));
  return row;
}

export async function planById(db: Db, id: string): Promise<AuditPlanRow | undefined> {
  const [row] = await db.select().from(auditPlans).where(eq(auditPlans.id, id));
  return row;
}

export const listPlans = (db: Db, q: { readonly officeCode?: string; readonly limit: number; readonly offset: number }) =>
  db
    .select()
    .from(auditPlans)
    .where(q.officeCode ? eq(auditPlans.officeCode, q.officeCode) : undefined)
    .orderBy(desc(auditPlans.periodFrom), desc(auditPlans.number))
    .limit(q.limit)
    .offset(q.offset);

export const auditsOfPlan = (db: Db, planId: string): Promise<AuditRow[]> =>
  db.select().from(audits).where(eq(audits.planId, planId)).orderBy(asc(audits.plannedOn), asc(audits.number));

/** One audit by number, locked for the rest of the transaction when `isForUpdate`. */
export async function auditByNumber(db: Db, number: string, isForUpdate = false): Promise<AuditRow | undefined> {
  const q = db.select().from(audits).where(eq(audits.number, number));
  const [row] = isForUpdate ? await q.for('update') : await q;
  return row;
}

export async function auditById(db: Db, id: string): Promise<AuditRow | undefined> {
  const [row] = await db.select().from(audits).where(eq(audits.id, id));
  return row;
}

export async function insertAudit(db: Db, row: typeof audits.$inferInsert, linked: readonly { readonly id: string; readonly number: string }[]): Promise<void> {
  await db.insert(audits).values(row);
  if (linked.length > 0) await db.insert(auditDeclarations).values(linked.map((d) => ({ auditId: row.id, declarationId: d.id, number: d.number })));
}

/** Stores the changed fields and returns the new row. */
export async function updateAudit(db: Db, a: AuditRow, change: Partial<AuditRow>, at: Date): Promise<AuditRow> {
  const [row] = await db
    .update(audits)
    .set({ ...change, updatedAt: at })
    .where(eq(audits.id, a.id))
    .returning();
  if (!row) throw new Error(`audit ${a.number} vanished`);
  return row;
}

export async function addAuditEvent(
  db: Db,
  e: {
    readonly auditId: string;
    readonly at: Date;
    readonly actor: string;
    readonly action: string;
    readonly fromState: AuditState | null;
    readonly toState: AuditState;
    readonly details?: Record<string, unknown>;
  },
): Promise<void> {
  await db.insert(auditEvents).values({ id: uuidv7(e.at.getTime()), ...e, details: e.details ?? {} });
}

export const eventsOf = (db: Db, auditId: string): Promise<AuditEventRow[]> =>
  db.select().from(auditEvents).where(eq(auditEvents.auditId, auditId)).orderBy(asc(auditEvents.at), asc(auditEvents.id));

export const declarationsOf = (db: Db, auditId: string) =>
  db
    .select({ id: auditDeclarations.declarationId, number: auditDeclarations.number })
    .from(auditDeclarations)
    .where(eq(auditDeclarations.auditId, auditId))
    .orderBy(asc(auditDeclarations.number));

export type DeclarationFacts = {
  readonly id: string;
  readonly number: string;
  readonly declarantCode: string;
  readonly brokerTin: string | null;
  readonly filerTin: string;
  readonly isReleased: boolean;
};

/** The registered declarations among `numbers`, with whose they are and whether their goods were released. */
export async function declarationFacts(db: Db, numbers: readonly string[]): Promise<DeclarationFacts[]> {
  if (numbers.length === 0) return [];
  const found = await db
    .select({
      id: declarations.id,
      number: declarations.number,
      declarantCode: declarations.declarantCode,
      brokerTin: declarations.brokerTin,
      filerTin: declarations.filerTin,
      releasedAt: declarations.releasedAt,
    })
    .from(declarations)
    .where(inArray(declarations.number, [...numbers]));
  return found.map((d) => ({ ...d, number: d.number as string, isReleased: d.releasedAt !== null }));
}

export type AuditFilter = {
  readonly state?: AuditState;
  readonly place?: 'desk' | 'field';
  readonly focus?: 'complex' | 'thematic';
  readonly officeCode?: string;
  readonly personCode?: string;
  readonly isPlanned?: boolean;
  /** In progress past its last day (compared with `today`). */
  readonly isOverdue?: boolean;
  readonly today: string;
  readonly limit: number;
  readonly offset: number;
};

export function listAuditRows(db: Db, f: AuditFilter): Promise<AuditRow[]> {
  const where: (SQL | undefined)[] = [
    f.state ? eq(audits.state, f.state) : undefined,
    f.place ? eq(audits.place, f.place) : undefined,
    f.focus ? eq(audits.focus, f.focus) : undefined,
    f.officeCode ? eq(audits.officeCode, f.officeCode) : undefined,
    f.personCode ? eq(audits.personCode, f.personCode) : undefined,
    f.isPlanned === undefined ? undefined : f.isPlanned ? sql`${audits.planId} IS NOT NULL` : sql`${audits.planId} IS NULL`,
    f.isOverdue === undefined
      ? undefined
      : f.isOverdue
        ? and(inArray(audits.state, ['IN_PROGRESS', 'EXTENDED']), sql`${audits.dueOn} < ${f.today}::date`)
        : or(sql`${audits.state} NOT IN ('IN_PROGRESS', 'EXTENDED')`, sql`${audits.dueOn} >= ${f.today}::date`),
  ];
  return db
    .select()
    .from(audits)
    .where(and(...where))
    .orderBy(desc(audits.registeredAt), desc(audits.number))
    .limit(f.limit)
    .offset(f.offset);
}

/** The audited person's audits whose order was delivered (before that, an audit is internal to customs). */
export const personAudits = (db: Db, personCode: string, limit: number, offset: number): Promise<AuditRow[]> =>
  db
    .select()
    .from(audits)
    .where(and(eq(audits.personCode, personCode), sql`${audits.deliveredOn} IS NOT NULL`))
    .orderBy(desc(audits.deliveredOn), desc(audits.number))
    .limit(limit)
    .offset(offset);

/** Audits in progress whose last day ended before `today` and whose overdue was not yet flagged. */
export const overdueUnflagged = (db: Db, today: string, limit: number): Promise<AuditRow[]> =>
  db
    .select()
    .from(audits)
    .where(and(inArray(audits.state, ['IN_PROGRESS', 'EXTENDED']), sql`${audits.overdueNotifiedAt} IS NULL`, sql`${audits.dueOn} < ${today}::date`))
    .orderBy(asc(audits.dueOn))
    .limit(limit)
    .for('update', { skipLocked: true });

/** Audits whose act is issued and not yet fed back (A9). */
export const reportedUnclosed = (db: Db, now: Date, limit: number): Promise<AuditRow[]> =>
  db
    .select()
    .from(audits)
    .where(and(eq(audits.state, 'REPORT_ISSUED'), lte(audits.reportIssuedAt, now)))
    .orderBy(asc(audits.reportIssuedAt))
    .limit(limit)
    .for('update', { skipLocked: true });
