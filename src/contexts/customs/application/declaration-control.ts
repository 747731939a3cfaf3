import { eq } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { type Db, transact } from '../../../platform/db.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { notify } from '../../../platform/notifications.ts';
import { publish } from '../../../platform/outbox.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { ControlPowerErrorCode } from '../domain/control-powers-errors.ts';
import { canMove, type DeclarationState } from '../domain/declaration.ts';
import { type ControlEventKind, type ControlEventRow, controlEvents, type DeclarationRow, declarations } from '../infrastructure/declaration.schema.ts';
import { missingControlPower } from './control-powers.ts';
import { actorOf, type CustomsDeps } from './deps.ts';
import { type ReleasePorts, releaseIfReady } from './declaration-release.ts';
import { CONTROLLED_LANES, type Lane } from './declaration-risk.ts';
import { lockDeclaration, type Refusal } from './declaration-store.ts';

export type ControlInput = {
  readonly kind: ControlEventKind;
  readonly note: string;
  /** A finding: whether it carries administrative or criminal liability (art.134 p.7-8), and whether it is remedied (art.153 p.1 i.7). */
  readonly carriesLiability?: boolean;
  readonly isRemedied?: boolean;
  /** An examination: where and when (art.127 p.1 i.3, CUS-DEC-19). */
  readonly place?: string;
  readonly scheduledAt?: Date;
  /** A finding or the completion: additional customs payments assessed, in dirams (fed back to risk management). */
  readonly additionalDirams?: bigint;
};

/** Outbox topic: the result of a control, fed back to the risk profiles' statistics (art.429(2) p.1 i.1, i.8; CUS-RMS-20). */
export const CONTROL_RESULT_TOPIC = 'customs.control_result';
/** The payload of CONTROL_RESULT_TOPIC (the `risk` context's ControlResultEvent). */
export type ControlResultEvent = {
  readonly subjectKind: 'declaration' | 'preliminary' | 'transit' | 'audit';
  readonly subjectId: string;
  readonly traderCode: string;
  readonly isViolationFound: boolean;
  readonly findings: string;
  readonly additionalDirams: number;
  readonly source: 'control' | 'audit';
  readonly at: string;
};

/** The events that give a result of control. */
const RESULTS: readonly ControlEventKind[] = ['violation_found', 'no_violation_found', 'control_completed'];
/** The measure (art.428 i.7) a form of control carries out; a measure the risk decision named allows the form. */
const MEASURE_OF: Partial<Record<ControlEventKind, readonly string[]>> = {
  documents_requested: ['documentary_check'],
  examination_notified: ['physical_examination'],
  inspection_decided: ['physical_examination'],
  expertise_ordered: ['expert_examination', 'samples'],
};
/** Suspension under art.441 (intellectual property) is not a form of control chosen by risk management. */
const NOT_RISK_BASED: readonly ControlEventKind[] = ['release_suspended', 'suspension_cancelled'];

/**
 * Art.399 p.3 (CUS-CTL-03, AMB-11): before release a form of control is applied only on the basis of
 * the automated risk management system: the declaration must have its decision, with a controlled
 * lane (yellow, red) or a measure that the form carries out. Answers why not, or undefined.
 */
export function missingRiskBasis(row: DeclarationRow, kind: ControlEventKind): 'no_risk_basis' | 'form_not_selected' | undefined {
  if (NOT_RISK_BASED.includes(kind)) return undefined;
  if (row.riskLane === null || row.riskDecisionId === null) return 'no_risk_basis';
  if (CONTROLLED_LANES.includes(row.riskLane as Lane)) return undefined;
  const measures = row.riskMeasures ?? [];
  return (MEASURE_OF[kind] ?? []).some((m) => measures.includes(m)) ? undefined : 'form_not_selected';
}

/** Events that may be recorded only while the goods are under control (D8 onward). */
const UNDER_CONTROL_ONLY: readonly ControlEventKind[] = ['violation_found', 'no_violation_found', 'control_completed'];

/**
 * IMP-18: the events of customs control, shared with the declaration's workflow because they decide
 * whether a change (art.133 p.1) or a withdrawal (art.134 p.7-8) is still allowed. An examination
 * notice tells the declarant where and when it may attend (art.127 p.1 i.3, CUS-DEC-19). Suspension
 * under art.441 moves to RELEASE_SUSPENDED (D15, CUS-REL-05) and its cancellation back (D16).
 * Completing control lets the system release when every other condition holds.
 */
export async function recordControlEvent(
  deps: CustomsDeps,
  ports: ReleasePorts,
  actor: AccountPrincipal,
  id: string,
  input: ControlInput,
): Promise<Result<DeclarationRow, Refusal | Failure<ControlPowerErrorCode>>> {
  return transact(deps.database.db, async (tx) => {
    const found = await lockDeclaration(tx, actor, id);
    if (!found.ok) return found;
    const row = found.value;
    // Art.399 p.4 (CUS-CTL-04): only within the powers the head gave this officer.
    const required = await missingControlPower(tx, actor, input.kind);
    if (required) return fail('CONTROL_POWER_MISSING', 'body.kind', { kind: input.kind, required });
    const now = deps.clock.now();
    let next: DeclarationState | undefined;
    if (input.kind === 'release_suspended') {
      if (!canMove(row.state, 'D15_suspended')) return fail('DECLARATION_STATE_INVALID', 'params.id', { state: row.state });
      next = 'RELEASE_SUSPENDED';
    } else if (input.kind === 'suspension_cancelled') {
      if (!canMove(row.state, 'D16_resumed')) return fail('DECLARATION_STATE_INVALID', 'params.id', { state: row.state });
      next = 'UNDER_CONTROL';
    } else if (UNDER_CONTROL_ONLY.includes(input.kind) ? row.state !== 'UNDER_CONTROL' : !['REGISTERED', 'UNDER_CONTROL'].includes(row.state)) {
      return fail('DECLARATION_STATE_INVALID', 'params.id', { state: row.state });
    }
    if (input.kind === 'examination_notified' && (input.place === undefined || input.scheduledAt === undefined))
      return fail('DECLARATION_DATA_INVALID', input.place === undefined ? 'body.place' : 'body.scheduledAt');
    if (input.kind === 'violation_found' && input.carriesLiability === undefined) return fail('DECLARATION_DATA_INVALID', 'body.carriesLiability');
    const noBasis = missingRiskBasis(row, input.kind);
    if (noBasis) return fail('DECLARATION_STATE_INVALID', 'body.kind', { state: row.state, reason: noBasis });
    const earlier = RESULTS.includes(input.kind) ? await tx.select().from(controlEvents).where(eq(controlEvents.declarationId, row.id)) : [];
    await tx.insert(controlEvents).values({
      id: uuidv7(now.getTime()),
      declarationId: row.id,
      kind: input.kind,
      carriesLiability: input.carriesLiability ?? null,
      isRemedied: input.kind === 'violation_found' ? (input.isRemedied ?? false) : null,
      note: input.note,
      place: input.place ?? null,
      scheduledAt: input.scheduledAt ?? null,
      at: now,
      actor: actorOf(actor),
      riskDecisionId: row.riskDecisionId,
    });
    if (RESULTS.includes(input.kind)) await publishResult(tx, row, input, earlier, now);
    if (next) await tx.update(declarations).set({ state: next, updatedAt: now }).where(eq(declarations.id, row.id));
    await appendAudit(tx, now, {
      actor: actorOf(actor),
      action: `customs.control_${input.kind}`,
      entity: 'customs.declaration',
      entityId: row.id,
      after: { kind: input.kind, state: next ?? row.state },
    });
    if (input.kind === 'examination_notified')
      await notify(tx, now, {
        recipient: { kind: 'business', id: row.declarantCode },
        kind: 'customs_examination_notice',
        title: {
          tg: `Муоинаи гумрукӣ: эъломияи № ${row.number}`,
          ru: `Таможенный досмотр: декларация № ${row.number}`,
          en: `Customs examination: declaration No ${row.number}`,
        },
        body: {
          tg: `Ҷой: ${input.place}; вақт: ${input.scheduledAt?.toISOString()}. Шумо ҳақ доред ҳозир бошед (м.127 қ.1 б.3).`,
          ru: `Место: ${input.place}; время: ${input.scheduledAt?.toISOString()}. Вы вправе присутствовать (ст.127 ч.1 п.3).`,
          en: `Place: ${input.place}; time: ${input.scheduledAt?.toISOString()}. You may attend (art.127 p.1 i.3).`,
        },
        subject: { type: 'customs_declaration', id: row.id },
      });
    if (input.kind === 'control_completed' || input.kind === 'suspension_cancelled') await releaseIfReady(tx, ports, row.id, now);
    const [after] = await tx.select().from(declarations).where(eq(declarations.id, row.id));
    return ok(after as DeclarationRow);
  });
}

/** A finding remedied by the declarant (art.153 p.1 i.7 a-b): the officer marks the violation event remedied. */
export async function markRemedied(
  deps: CustomsDeps,
  ports: ReleasePorts,
  actor: AccountPrincipal,
  id: string,
  eventId: string,
): Promise<Result<DeclarationRow, Refusal>> {
  return transact(deps.database.db, async (tx) => {
    const found = await lockDeclaration(tx, actor, id);
    if (!found.ok) return found;
    const [event] = await tx.select().from(controlEvents).where(eq(controlEvents.id, eventId));
    if (!event || event.declarationId !== id || event.kind !== 'violation_found') return fail('DECLARATION_REQUEST_NOT_FOUND', 'params.eventId');
    const now = deps.clock.now();
    await tx.update(controlEvents).set({ isRemedied: true }).where(eq(controlEvents.id, eventId));
    await appendAudit(tx, now, {
      actor: actorOf(actor),
      action: 'customs.control_violation_remedied',
      entity: 'customs.declaration',
      entityId: id,
      after: { eventId },
    });
    await releaseIfReady(tx, ports, id, now);
    const [after] = await tx.select().from(declarations).where(eq(declarations.id, id));
    return ok(after as DeclarationRow);
  });
}

/** CUS-RMS-20: every result of control goes back to risk management; a completion reports whether any finding was made. */
async function publishResult(tx: Db, row: DeclarationRow, input: ControlInput, earlier: readonly ControlEventRow[], at: Date): Promise<void> {
  const isViolationFound = input.kind === 'violation_found' || (input.kind === 'control_completed' && earlier.some((e) => e.kind === 'violation_found'));
  const event: ControlResultEvent = {
    subjectKind: 'declaration',
    subjectId: row.id,
    traderCode: row.declarantCode,
    isViolationFound,
    findings: input.note,
    additionalDirams: Number(input.additionalDirams ?? 0n),
    source: 'control',
    at: at.toISOString(),
  };
  await publish(tx, CONTROL_RESULT_TOPIC, event, at);
}
