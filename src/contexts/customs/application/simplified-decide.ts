import { eq } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { dushanbeDate } from '../../../platform/calendar/index.ts';
import { type Db, transact } from '../../../platform/db.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { notify } from '../../../platform/notifications.ts';
import { type Err, fail, ok, type Result } from '../../../platform/result.ts';
import { unmetConditions } from '../domain/simplified.ts';
import type { ApplicationRow } from '../infrastructure/periodic.schema.ts';
import { type SimplifiedRequestRow, simplifiedRequests } from '../infrastructure/simplified.schema.ts';
import { actorOf, type CustomsDeps } from './deps.ts';
import { grantCovering, nextSimplifiedNumber, type SimplifiedRefusal, simplifiedFacts } from './simplified-queries.ts';

export type SimplifiedDecisionInput = {
  readonly decision: 'grant' | 'refuse';
  readonly reason?: string;
  /** Art.137 p.3: what the declarant must do to be allowed the simplified procedure. */
  readonly conditions?: string;
};

/**
 * Art.137 p.2-3 (CUS-DEC-75, CUS-DEC-76): customs grants the simplified procedure when it hinders
 * no control and releases the declarant from none of its duties; the system refuses a grant while
 * customs payments of the declarant's released goods are unpaid (`SIMPLIFIED_CONDITIONS_NOT_MET`),
 * and shows the codes under prohibitions and restrictions, which stay in force. A refusal states
 * the reason and the conditions to meet, is notified at once and is marked late after the day
 * following the request (art.132 p.5).
 */
export async function decideSimplified(
  deps: CustomsDeps,
  actor: AccountPrincipal,
  number: string,
  input: SimplifiedDecisionInput,
): Promise<Result<SimplifiedRequestRow, SimplifiedRefusal>> {
  const isGrant = input.decision === 'grant';
  if (!isGrant && (!input.reason?.trim() || !input.conditions?.trim()))
    return fail('SIMPLIFIED_REFUSAL_CONDITIONS_REQUIRED', input.reason?.trim() ? 'body.conditions' : 'body.reason');
  const now = deps.clock.now();
  return transact(deps.database.db, async (tx) => {
    const [found] = await tx.select().from(simplifiedRequests).where(eq(simplifiedRequests.number, number)).for('update');
    if (!found) return fail('SIMPLIFIED_REQUEST_NOT_FOUND', 'params.number');
    if (found.state !== 'REQUESTED') return fail('SIMPLIFIED_REQUEST_DECIDED', 'params.number', { state: found.state });
    const facts = await simplifiedFacts(tx, found.declarantCode, found.commodityCodes, dushanbeDate(now));
    const unmet = unmetConditions(facts);
    if (isGrant && unmet.length > 0) return fail('SIMPLIFIED_CONDITIONS_NOT_MET', 'body.decision', { conditions: unmet, arrears: facts.arrears });
    const [row] = await tx
      .update(simplifiedRequests)
      .set({
        state: isGrant ? 'GRANTED' : 'REFUSED',
        decidedBy: actorOf(actor),
        decidedAt: now,
        decisionReason: input.reason ?? null,
        refusalConditions: isGrant ? null : (input.conditions ?? null),
        isDecisionLate: !isGrant && now > found.refusalNoticeDueAt,
        facts,
      })
      .where(eq(simplifiedRequests.id, found.id))
      .returning();
    if (!row) throw new Error('simplified request not updated');
    await tellDeclarant(tx, row, now);
    await appendAudit(tx, now, {
      actor: actorOf(actor),
      action: isGrant ? 'customs.simplified_granted' : 'customs.simplified_refused',
      entity: 'customs.simplified_request',
      entityId: row.id,
      after: { state: row.state, reason: row.decisionReason, conditions: row.refusalConditions, facts },
    });
    return ok(row);
  });
}

async function tellDeclarant(tx: Db, row: SimplifiedRequestRow, at: Date): Promise<void> {
  const isGrant = row.state === 'GRANTED';
  const text = [row.decisionReason, row.refusalConditions].filter(Boolean).join(' — ') || `${row.validFrom} – ${row.validTo}`;
  await notify(tx, at, {
    recipient: { kind: 'business', id: row.declarantCode },
    kind: isGrant ? 'customs_simplified_granted' : 'customs_simplified_refused',
    title: isGrant
      ? {
          tg: `Тартиби соддакардашудаи декларатсиякунӣ иҷозат дода шуд (№ ${row.number})`,
          ru: `Упрощённый порядок декларирования разрешён (№ ${row.number})`,
          en: `Simplified declaring is granted (No ${row.number})`,
        }
      : {
          tg: `Дар тартиби содагардонидашудаи декларатсиякунонӣ рад карда шуд (№ ${row.number})`,
          ru: `В упрощённом порядке декларирования отказано (№ ${row.number})`,
          en: `Simplified declaring is refused (No ${row.number})`,
        },
    body: { tg: text, ru: text, en: text },
    subject: { type: 'customs_simplified_request', id: row.number },
  });
}

/**
 * Art.137 p.1-2 (CUS-DEC-75) for periodic declaring of exports: the art.136 application is the
 * declarant's request; when customs permits it, the grant must meet art.137 p.2. A granted request
 * of the declarant that already covers the application suffices; otherwise the conditions are
 * checked now and the grant is recorded against the application. Runs in the caller's transaction;
 * answers the refusal, or undefined when the permission may go on.
 */
export async function grantPeriodicExport(tx: Db, a: ApplicationRow, actor: string, now: Date): Promise<Err<SimplifiedRefusal> | undefined> {
  const codes = [...new Set(a.lines.map((l) => l.commodityCode))];
  const scope = { procedure: 'periodic' as const, officeCode: a.officeCode, commodityCodes: codes, validFrom: a.periodStart, validTo: a.periodEnd };
  if (await grantCovering(tx, a.declarantCode, scope)) return undefined;
  const facts = await simplifiedFacts(tx, a.declarantCode, codes, dushanbeDate(now));
  const unmet = unmetConditions(facts);
  if (unmet.length > 0) return fail('SIMPLIFIED_CONDITIONS_NOT_MET', 'body.decision', { conditions: unmet, arrears: facts.arrears });
  await tx.insert(simplifiedRequests).values({
    id: uuidv7(now.getTime()),
    number: await nextSimplifiedNumber(tx, dushanbeDate(now).slice(0, 4)),
    ...scope,
    source: 'periodic_application',
    periodicApplicationNumber: a.number,
    declarantCode: a.declarantCode,
    reason: `art.136 application ${a.number}`,
    state: 'GRANTED',
    requestedBy: a.applicant,
    requestedAt: a.submittedAt,
    refusalNoticeDueAt: a.refusalNoticeDueAt ?? a.decisionDueAt,
    decidedBy: actor,
    decidedAt: now,
    facts,
  });
  return undefined;
}
