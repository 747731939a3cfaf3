/**
 * The traders' facts risk management keeps (art.429 i.9): facts of liability and arrears, recorded or
 * imported by a risk analyst, and violations fed back by controls. The two kinds art.429(2) p.3 leaves
 * out of confidentiality are shown to the person concerned (CUS-RMS-22).
 */
import { and, asc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { type Db, transact } from '../../../platform/db.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { RiskErrorCode } from '../domain/errors.ts';
import type { TraderHistory } from '../domain/model.ts';
import { checkTraderFact, parseFactFile, type TraderFactInput, type TraderFactKind, type TraderFactSource, traderHistory } from '../domain/trader-facts.ts';
import { subjects } from '../infrastructure/facts.schema.ts';
import { type TraderFactRow, traderFacts } from '../infrastructure/schema.ts';
import { actorOf, type RiskDeps } from './deps.ts';

export const factView = (f: TraderFactRow) => ({
  id: f.id,
  traderCode: f.traderCode,
  kind: f.kind,
  description: f.description,
  reference: f.reference,
  amountDirams: f.amountDirams === null ? null : f.amountDirams.toString(),
  decidedOn: f.decidedOn,
  settledOn: f.settledOn,
  source: f.source,
  recordedAt: f.recordedAt.toISOString(),
});
export type FactView = ReturnType<typeof factView>;

async function insertFacts(tx: Db, facts: readonly TraderFactInput[], source: TraderFactSource, by: string, at: Date): Promise<TraderFactRow[]> {
  if (facts.length === 0) return [];
  return tx
    .insert(traderFacts)
    .values(
      facts.map((f) => ({
        id: uuidv7(at.getTime()),
        traderCode: f.traderCode,
        kind: f.kind,
        description: f.description,
        reference: f.reference,
        amountDirams: f.amountDirams === undefined ? null : BigInt(f.amountDirams),
        decidedOn: f.decidedOn,
        settledOn: f.settledOn ?? null,
        source,
        recordedBy: by,
        recordedAt: at,
      })),
    )
    .returning();
}

/** A risk analyst records one fact (a liability decision, arrears, a violation). Audited. */
export async function recordTraderFact(deps: RiskDeps, actor: AccountPrincipal, input: TraderFactInput): Promise<Result<FactView, Failure<RiskErrorCode>>> {
  const checked = checkTraderFact(input);
  if (!checked.ok) return checked;
  return transact(deps.database.db, async (tx) => {
    const now = deps.clock.now();
    const [row] = await insertFacts(tx, [checked.value], 'analyst', actorOf(actor), now);
    if (!row) throw new Error('trader fact not inserted');
    await appendAudit(tx, now, {
      actor: actorOf(actor),
      action: 'risk.trader_fact_recorded',
      entity: 'risk.trader_fact',
      entityId: row.id,
      after: factView(row),
    });
    return ok(factView(row));
  });
}

/** A CSV of facts from another information system (tax arrears, court decisions): all lines or none. */
export async function importTraderFacts(deps: RiskDeps, actor: AccountPrincipal, csv: string): Promise<Result<{ imported: number }, Failure<RiskErrorCode>>> {
  const parsed = parseFactFile(csv);
  if (parsed.problems.length > 0) return fail('RISK_FACT_INVALID', 'body.csv', { problems: parsed.problems.slice(0, 100) });
  return transact(deps.database.db, async (tx) => {
    const now = deps.clock.now();
    for (let i = 0; i < parsed.facts.length; i += 1000) await insertFacts(tx, parsed.facts.slice(i, i + 1000), 'import', actorOf(actor), now);
    await appendAudit(tx, now, {
      actor: actorOf(actor),
      action: 'risk.trader_facts_imported',
      entity: 'risk.trader_fact',
      entityId: 'import',
      after: { count: parsed.facts.length },
    });
    return ok({ imported: parsed.facts.length });
  });
}

/** The facts of a trader (a risk analyst), or of the caller's own TIN (the person concerned, CUS-RMS-22). */
export async function listTraderFacts(db: Db, traderCode: string, kinds?: readonly TraderFactKind[]): Promise<FactView[]> {
  const rows = await db
    .select()
    .from(traderFacts)
    .where(and(eq(traderFacts.traderCode, traderCode), kinds ? inArray(traderFacts.kind, [...kinds]) : undefined))
    .orderBy(asc(traderFacts.decidedOn), asc(traderFacts.id));
  return rows.map(factView);
}

/** Art.429(2) p.3: the two kinds of risk information that are not confidential. */
export const DISCLOSABLE_KINDS: readonly TraderFactKind[] = ['liability', 'arrears'];

/** A violation found by a control or an audit (CUS-RMS-20): recorded once per subject. */
export async function recordFoundViolation(
  tx: Db,
  e: {
    readonly traderCode: string;
    readonly subjectId: string;
    readonly findings: string;
    readonly source: 'control' | 'audit';
    readonly day: string;
    readonly at: Date;
  },
): Promise<void> {
  const [known] = await tx
    .select({ id: traderFacts.id })
    .from(traderFacts)
    .where(and(eq(traderFacts.traderCode, e.traderCode), eq(traderFacts.kind, 'violation'), eq(traderFacts.reference, e.subjectId)));
  if (known) return;
  const description = e.findings.trim() === '' ? `violation found by customs ${e.source}` : e.findings.slice(0, 2000);
  await insertFacts(
    tx,
    [{ traderCode: e.traderCode, kind: 'violation', description, reference: e.subjectId, decidedOn: e.day }],
    e.source,
    `system:${e.source}`,
    e.at,
  );
}

/** Art.429 i.9: the trader's history for a subject registered at `registeredAt` (its own record excluded). */
export async function traderHistoryOf(tx: Db, traderCode: string, subjectId: string, registeredAt: Date, day: string): Promise<TraderHistory> {
  const facts = await tx
    .select({ kind: traderFacts.kind, amountDirams: traderFacts.amountDirams, decidedOn: traderFacts.decidedOn, settledOn: traderFacts.settledOn })
    .from(traderFacts)
    .where(eq(traderFacts.traderCode, traderCode));
  const [before] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(subjects)
    .where(
      and(
        eq(subjects.traderCode, traderCode),
        eq(subjects.kind, 'declaration'),
        // Registered earlier; at the same instant, the lower id (UUIDv7: made earlier) counts as earlier.
        or(lt(subjects.registeredAt, registeredAt), and(eq(subjects.registeredAt, registeredAt), lt(subjects.id, subjectId))),
      ),
    );
  return traderHistory(facts, Number(before?.n ?? 0), day);
}
