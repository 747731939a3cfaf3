/** Storage of customs escort: escorts, their history, the fee table and the RMS proposals. */
import { and, asc, desc, eq, inArray, lte, type SQL, sql } from 'drizzle-orm';
import { type Db, rows } from '../../../platform/db.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import type { EscortState, FeeBand } from '../domain/escort.ts';
import { declarations } from './declaration.schema.ts';
import { escortEvents, type EscortEventRow, escortFees, escortProposals, type EscortRow, escorts } from './escort.schema.ts';

export async function nextEscortNumber(db: Db, year: string): Promise<string> {
  const [row] = await rows<{ n: string }>(db, sql`SELECT nextval('customs.escort_number_seq')::text AS n`);
  return `ESC-${year}-${String(row?.n).padStart(6, '0')}`;
}

export async function escortByNumber(db: Db, number: string, isForUpdate = false): Promise<EscortRow | undefined> {
  const q = db.select().from(escorts).where(eq(escorts.number, number));
  const [row] = isForUpdate ? await q.for('update') : await q;
  return row;
}

export async function insertEscort(db: Db, row: typeof escorts.$inferInsert): Promise<EscortRow> {
  const [saved] = await db.insert(escorts).values(row).returning();
  if (!saved) throw new Error('escort not inserted');
  return saved;
}

export async function updateEscort(db: Db, e: EscortRow, change: Partial<EscortRow>, at: Date): Promise<EscortRow> {
  const [row] = await db
    .update(escorts)
    .set({ ...change, updatedAt: at })
    .where(eq(escorts.id, e.id))
    .returning();
  if (!row) throw new Error(`escort ${e.number} vanished`);
  return row;
}

export async function addEscortEvent(
  db: Db,
  e: {
    readonly escortId: string;
    readonly at: Date;
    readonly actor: string;
    readonly action: string;
    readonly fromState: EscortState | null;
    readonly toState: EscortState;
    readonly details?: Record<string, unknown>;
  },
): Promise<void> {
  await db.insert(escortEvents).values({ id: uuidv7(e.at.getTime()), ...e, details: e.details ?? {} });
}

export const escortEventsOf = (db: Db, escortId: string): Promise<EscortEventRow[]> =>
  db.select().from(escortEvents).where(eq(escortEvents.escortId, escortId)).orderBy(asc(escortEvents.at), asc(escortEvents.id));

export type EscortFilter = {
  readonly state?: EscortState;
  readonly carrierTin?: string;
  readonly isOverdue?: boolean;
  readonly now: Date;
  readonly limit: number;
  readonly offset: number;
};

export function listEscortRows(db: Db, f: EscortFilter): Promise<EscortRow[]> {
  const where: (SQL | undefined)[] = [
    f.state ? eq(escorts.state, f.state) : undefined,
    f.carrierTin ? eq(escorts.carrierTin, f.carrierTin) : undefined,
    f.isOverdue ? and(inArray(escorts.state, ['DECIDED', 'CARRIER_INFORMED']), sql`${escorts.dueAt} < ${f.now.toISOString()}::timestamptz`) : undefined,
  ];
  return db
    .select()
    .from(escorts)
    .where(and(...where))
    .orderBy(desc(escorts.decidedAt), desc(escorts.number))
    .limit(f.limit)
    .offset(f.offset);
}

/** Escorts not informed or organised whose 24 hours ran out, not yet flagged. */
export const overdueEscorts = (db: Db, now: Date, limit: number): Promise<EscortRow[]> =>
  db
    .select()
    .from(escorts)
    .where(and(inArray(escorts.state, ['DECIDED', 'CARRIER_INFORMED']), sql`${escorts.overdueNotifiedAt} IS NULL`, lte(escorts.dueAt, now)))
    .orderBy(asc(escorts.dueAt))
    .limit(limit)
    .for('update', { skipLocked: true });

/** The fee table in force on a day: the bands of the latest `valid_from` on or before it. */
export async function feeTableOn(db: Db, day: string): Promise<{ readonly validFrom: string; readonly bands: FeeBand[] } | undefined> {
  const [latest] = await rows<{ v: string | null }>(db, sql`SELECT max(valid_from)::text AS v FROM customs.escort_fees WHERE valid_from <= ${day}::date`);
  if (!latest?.v) return undefined;
  const bands = await db.select().from(escortFees).where(eq(escortFees.validFrom, latest.v)).orderBy(asc(escortFees.fromKm));
  return { validFrom: latest.v, bands: bands.map((b) => ({ fromKm: b.fromKm, toKm: b.toKm, amountDirams: b.amountDirams })) };
}

export const feeTables = (db: Db) => db.select().from(escortFees).orderBy(desc(escortFees.validFrom), asc(escortFees.fromKm));

export async function latestFeeDate(db: Db): Promise<string | undefined> {
  const [row] = await rows<{ v: string | null }>(db, sql`SELECT max(valid_from)::text AS v FROM customs.escort_fees`);
  return row?.v ?? undefined;
}

export async function insertFeeTable(db: Db, validFrom: string, bands: readonly FeeBand[], legalBasis: string): Promise<void> {
  await db.insert(escortFees).values(bands.map((b) => ({ validFrom, fromKm: b.fromKm, toKm: b.toKm, amountDirams: b.amountDirams, legalBasis })));
}

export async function proposalByDecision(db: Db, decisionId: string) {
  const [row] = await db.select().from(escortProposals).where(eq(escortProposals.decisionId, decisionId));
  return row;
}

export const listProposals = (db: Db, limit: number) => db.select().from(escortProposals).orderBy(desc(escortProposals.receivedAt)).limit(limit);

/** Records a proposal once per RMS decision; false when it was there already (a repeated event). */
export async function insertProposal(db: Db, row: typeof escortProposals.$inferInsert): Promise<boolean> {
  const inserted = await db.insert(escortProposals).values(row).onConflictDoNothing().returning({ id: escortProposals.decisionId });
  return inserted.length > 0;
}

/** The declaration's risk decision in force and its measures (CUS-CTL-03), or undefined when no such declaration is registered. */
export async function declarationRisk(db: Db, number: string): Promise<{ readonly decisionId: string | null; readonly measures: string[] } | undefined> {
  const [row] = await db
    .select({ decisionId: declarations.riskDecisionId, measures: declarations.riskMeasures })
    .from(declarations)
    .where(eq(declarations.number, number));
  return row ? { decisionId: row.decisionId, measures: row.measures ?? [] } : undefined;
}
