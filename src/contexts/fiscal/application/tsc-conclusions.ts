import { and, desc, eq, gte, inArray, lt, or, sql } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit.ts';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { dushanbeDate, startOfDushanbeDay } from '../../../platform/calendar/index.ts';
import type { Localised } from '../../../platform/i18n.ts';
import { format } from '../../../platform/i18n.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { notify } from '../../../platform/notifications.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import { concludeOnTsc } from '../domain/tsc-conclusion.ts';
import { branches, deadlines, specialists, tscConclusions, tscs } from '../infrastructure/schema.ts';
import { actorOf, type FiscalDeps } from './deps.ts';

export type TscConclusion = typeof tscConclusions.$inferSelect & { readonly tscName: string };

const TO_OPERATOR = {
  title: { tg: 'Супориш: хулоса дар бораи МХТ', ru: 'Поручение: заключение о ЦТО', en: 'Instruction: conclusion on a TSC' },
  body: {
    tg: 'Мақоми ваколатдор ({reference}) хулоса дар бораи иҷрои пурраи вазифаҳо аз ҷониби «{tsc}» барои давраи {from} – {to} талаб мекунад (б.59).',
    ru: 'Уполномоченный орган ({reference}) поручает дать заключение о полном исполнении обязанностей «{tsc}» за период {from} – {to} (п.59).',
    en: 'The authorised body ({reference}) instructs the operator to conclude whether "{tsc}" fully performed its duties from {from} to {to} (p.59).',
  },
} as const satisfies { title: Localised; body: Localised };

const TO_AUTHORISED_BODY = {
  title: { tg: 'Хулосаи оператор дар бораи МХТ', ru: 'Заключение оператора о ЦТО', en: "The operator's conclusion on a TSC" },
  fully: {
    tg: 'Оператор аз рӯи супориши {reference} хулоса дод: «{tsc}» вазифаҳояшро пурра иҷро мекунад.',
    ru: 'Оператор по поручению {reference} заключил: «{tsc}» исполняет свои обязанности полностью.',
    en: 'On instruction {reference} the operator concludes that "{tsc}" fully performs its duties.',
  },
  not: {
    tg: 'Оператор аз рӯи супориши {reference} хулоса дод: «{tsc}» вазифаҳояшро пурра иҷро намекунад ({count} камбудӣ). Оператор тавсия медиҳад, ки МХТ аз феҳристи давлатӣ хориҷ карда шавад (б.59).',
    ru: 'Оператор по поручению {reference} заключил: «{tsc}» не исполняет свои обязанности полностью ({count} нарушений). Оператор рекомендует исключить ЦТО из государственного реестра (п.59).',
    en: 'On instruction {reference} the operator concludes that "{tsc}" does not fully perform its duties ({count} findings) and recommends removing it from the state registry (p.59).',
  },
} as const;

async function view(db: FiscalDeps['database']['db'], id: string): Promise<TscConclusion | undefined> {
  const [row] = await db
    .select({ c: tscConclusions, tscName: tscs.name })
    .from(tscConclusions)
    .innerJoin(tscs, eq(tscs.id, tscConclusions.tscId))
    .where(eq(tscConclusions.id, id));
  return row ? { ...row.c, tscName: row.tscName } : undefined;
}

/**
 * p.59 (FIS-OPR-14): the authorised body (a tax officer) instructs the operator to give a
 * conclusion on a TSC for a period; the operator administrators are told.
 */
export async function instructTscConclusion(
  deps: FiscalDeps,
  actor: AccountPrincipal,
  tscId: string,
  input: { readonly instructionReference: string; readonly periodFrom: string; readonly periodTo: string },
): Promise<Result<TscConclusion, Failure<'TSC_NOT_FOUND' | 'PERIOD_INVALID'>>> {
  const now = deps.clock.now();
  if (input.periodTo < input.periodFrom) return fail('PERIOD_INVALID', 'body.periodTo');
  if (input.periodFrom > dushanbeDate(now)) return fail('PERIOD_INVALID', 'body.periodFrom');
  return deps.database.db.transaction(async (tx) => {
    const [tsc] = await tx.select().from(tscs).where(eq(tscs.id, tscId));
    if (!tsc) return fail('TSC_NOT_FOUND');
    const row: typeof tscConclusions.$inferInsert = {
      id: uuidv7(now.getTime()),
      tscId,
      instructionReference: input.instructionReference,
      periodFrom: input.periodFrom,
      periodTo: input.periodTo,
      instructedAt: now,
      instructedBy: actorOf(actor),
      status: 'instructed',
    };
    await tx.insert(tscConclusions).values(row);
    await appendAudit(tx, now, { actor: actorOf(actor), action: 'tsc.conclusion_instructed', entity: 'fiscal.tsc_conclusion', entityId: row.id, after: row });
    const values = { reference: input.instructionReference, tsc: tsc.name, from: input.periodFrom, to: input.periodTo };
    await notify(tx, now, {
      recipient: { kind: 'role', id: 'operator_admin' },
      kind: 'tsc_conclusion.instructed',
      title: TO_OPERATOR.title,
      body: format(TO_OPERATOR.body, values),
      subject: { type: 'tsc_conclusion', id: row.id },
    });
    return ok((await view(tx, row.id)) as TscConclusion);
  });
}

/**
 * p.59 (FIS-OPR-14): the operator gives its conclusion. The evidence is what the TIS holds on the
 * TSC and its branches for the period: their legal deadlines falling due in it, the registered
 * specialists and the TSC's access (domain/tsc-conclusion.ts says how it is judged). A TSC that
 * does not fully perform is recommended for removal, and the authorised body is told.
 */
export async function giveTscConclusion(
  deps: FiscalDeps,
  actor: AccountPrincipal,
  id: string,
  input: { readonly comment?: string },
): Promise<Result<TscConclusion, Failure<'CONCLUSION_NOT_FOUND' | 'CONCLUSION_ALREADY_GIVEN'>>> {
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const [before] = await tx.select().from(tscConclusions).where(eq(tscConclusions.id, id)).for('update');
    if (!before) return fail('CONCLUSION_NOT_FOUND');
    if (before.status === 'given') return fail('CONCLUSION_ALREADY_GIVEN');
    const [tsc] = await tx.select().from(tscs).where(eq(tscs.id, before.tscId));
    if (!tsc) return fail('CONCLUSION_NOT_FOUND');
    const units = (await tx.select({ id: branches.id }).from(branches).where(eq(branches.tscId, tsc.id))).map((b) => b.id);
    const from = startOfDushanbeDay(before.periodFrom);
    const end = new Date(Math.min(startOfDushanbeDay(before.periodTo).getTime() + 86_400_000, now.getTime()));
    const responsible = units.length
      ? or(
          and(eq(deadlines.responsibleKind, 'org'), eq(deadlines.responsibleId, tsc.id)),
          and(eq(deadlines.responsibleKind, 'unit'), inArray(deadlines.responsibleId, units)),
        )
      : and(eq(deadlines.responsibleKind, 'org'), eq(deadlines.responsibleId, tsc.id));
    // The deadlines that fell due within the period (up to now); a deadline still running is not yet judged.
    const duties = await tx
      .select({ kind: deadlines.kind, legalRef: deadlines.legalRef, dueAt: deadlines.dueAt, metAt: deadlines.metAt })
      .from(deadlines)
      .where(and(responsible, gte(deadlines.dueAt, from), lt(deadlines.dueAt, end)));
    const [people] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(specialists)
      .where(and(eq(specialists.tscId, tsc.id), eq(specialists.status, 'registered')));
    const c = concludeOnTsc({ deadlines: duties, registeredSpecialists: people?.n ?? 0, access: tsc.access }, now);
    const after = {
      status: 'given' as const,
      fullyPerforms: c.fullyPerforms,
      recommendation: c.recommendation,
      findings: c.findings,
      deadlinesStudied: c.deadlinesStudied,
      deadlinesKept: c.deadlinesKept,
      operatorComment: input.comment ?? null,
      givenAt: now,
      givenBy: actorOf(actor),
    };
    await tx.update(tscConclusions).set(after).where(eq(tscConclusions.id, id));
    await appendAudit(tx, now, {
      actor: actorOf(actor),
      action: 'tsc.conclusion_given',
      entity: 'fiscal.tsc_conclusion',
      entityId: id,
      before,
      after: { ...before, ...after },
    });
    const values = { reference: before.instructionReference, tsc: tsc.name, count: c.findings.length };
    await notify(tx, now, {
      recipient: { kind: 'role', id: 'tax_officer' },
      kind: c.fullyPerforms ? 'tsc_conclusion.fully_performs' : 'tsc_conclusion.removal_recommended',
      title: TO_AUTHORISED_BODY.title,
      body: format(c.fullyPerforms ? TO_AUTHORISED_BODY.fully : TO_AUTHORISED_BODY.not, values),
      subject: { type: 'tsc_conclusion', id },
    });
    return ok((await view(tx, id)) as TscConclusion);
  });
}

/** The instructions and conclusions of one TSC, newest first (tax officer, operator administrator). */
export async function listTscConclusions(deps: FiscalDeps, tscId: string): Promise<Result<TscConclusion[], Failure<'TSC_NOT_FOUND'>>> {
  const [tsc] = await deps.database.db.select({ name: tscs.name }).from(tscs).where(eq(tscs.id, tscId));
  if (!tsc) return fail('TSC_NOT_FOUND');
  const rows = await deps.database.db.select().from(tscConclusions).where(eq(tscConclusions.tscId, tscId)).orderBy(desc(tscConclusions.instructedAt));
  return ok(rows.map((r) => ({ ...r, tscName: tsc.name })));
}
