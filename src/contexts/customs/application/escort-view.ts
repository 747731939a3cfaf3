/** What escort use cases share: the read model, the recorded step and the notices. */
import { appendAuditLater } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db.ts';
import type { Localised } from '../../../platform/i18n.ts';
import { type NewNotification, notify } from '../../../platform/notifications.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import { ESCORT_GROUND_TITLES, isEscortOverdue } from '../domain/escort.ts';
import type { EscortErrorCode } from '../domain/escort-errors.ts';
import { addEscortEvent, escortByNumber, updateEscort } from '../infrastructure/escort.repository.ts';
import type { EscortEventRow, EscortRow } from '../infrastructure/escort.schema.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The escort as officers and the carrier read it; `history` for officers only. */
export function escortView(e: EscortRow, now: Date, history?: readonly EscortEventRow[]) {
  return {
    number: e.number,
    state: e.state,
    carriage: { kind: e.carriageKind, transitNumber: e.transitNumber, declarationNumber: e.declarationNumber, vehicle: e.vehicle },
    carrier: { code: e.carrierCode, name: e.carrierName, tin: e.carrierTin },
    payerTin: e.payerTin,
    route: { fromOffice: e.fromOffice, toOffice: e.toOffice, distanceKm: e.distanceKm },
    grounds: e.grounds.map((code) => ({ code, title: ESCORT_GROUND_TITLES[code] })),
    facts: e.facts,
    guaranteeReference: e.guaranteeReference,
    riskDecisionId: e.riskDecisionId,
    decidedAt: e.decidedAt.toISOString(),
    decidedBy: e.decidedBy,
    dueAt: e.dueAt.toISOString(),
    isOverdue: isEscortOverdue(e.state, e.dueAt, now),
    informed: e.informedAt ? { at: e.informedAt.toISOString(), method: e.informMethod, isLate: e.isInformedLate === true } : null,
    organised: e.organisedAt ? { at: e.organisedAt.toISOString(), team: e.team ?? [], startsAt: iso(e.startsAt), isLate: e.isOrganisedLate === true } : null,
    lateReason: e.lateReason,
    overdueNotifiedAt: iso(e.overdueNotifiedAt),
    fee: {
      amountDirams: e.feeDirams.toString(),
      tableValidFrom: e.feeValidFrom,
      band: { fromKm: e.feeFromKm, toKm: e.feeToKm },
      paymentReference: e.paymentOrderVersion ? e.number : null,
      paymentOrderVersion: e.paymentOrderVersion,
    },
    startedAt: iso(e.startedAt),
    completedAt: iso(e.completedAt),
    completionNote: e.completionNote,
    cancelled: e.cancelledAt ? { at: e.cancelledAt.toISOString(), reason: e.cancelReason } : null,
    ...(history
      ? {
          history: history.map((h) => ({
            at: h.at.toISOString(),
            actor: h.actor,
            action: h.action,
            fromState: h.fromState,
            toState: h.toState,
            details: h.details,
          })),
        }
      : {}),
  };
}
export type EscortView = ReturnType<typeof escortView>;

export async function lockEscort(tx: Db, number: string): Promise<Result<EscortRow, Failure<EscortErrorCode>>> {
  const row = await escortByNumber(tx, number, true);
  return row ? ok(row) : fail('ESCORT_NOT_FOUND', 'params.number');
}

export const escortConflict = (e: EscortRow) => fail('ESCORT_STATE_CONFLICT' as const, undefined, { state: e.state });

/** One step: the new fields, the escort's history and the hash-chained audit log. */
export async function recordEscortStep(
  tx: Db,
  e: EscortRow,
  step: { readonly at: Date; readonly actor: string; readonly action: string; readonly change: Partial<EscortRow>; readonly details?: Record<string, unknown> },
): Promise<EscortRow> {
  const saved = await updateEscort(tx, e, step.change, step.at);
  await addEscortEvent(tx, {
    escortId: e.id,
    at: step.at,
    actor: step.actor,
    action: step.action,
    fromState: e.state,
    toState: saved.state,
    details: step.details,
  });
  await appendAuditLater(tx, step.at, {
    actor: step.actor,
    action: `customs.escort_${step.action}`,
    entity: 'customs.escorts',
    entityId: e.number,
    before: { state: e.state },
    after: { state: saved.state, ...step.details },
  });
  return saved;
}

type Message = { readonly kind: string; readonly title: Localised; readonly body: Localised };
const subject = (e: EscortRow) => ({ type: 'customs_escort', id: e.number });

/** IMP-22, CUS-CTL-10: to the carrier's cabinet (the inbox of its TIN); a foreign carrier without one is informed otherwise. */
export const tellCarrier = (tx: Db, at: Date, e: EscortRow, m: Message) =>
  e.carrierTin ? notify(tx, at, { recipient: { kind: 'business', id: e.carrierTin }, ...m, subject: subject(e) }) : Promise.resolve();

export const tellCustoms = (tx: Db, at: Date, e: EscortRow, m: Message) =>
  notify(
    tx,
    at,
    ...(['customs_officer', 'customs_head'] as const).map((id): NewNotification => ({ recipient: { kind: 'role', id }, ...m, subject: subject(e) })),
  );

const somoni = (d: bigint) => `${d / 100n}.${String(d % 100n).padStart(2, '0')}`;

/** The notice of the decision (art.402(1) p.3), in the three languages. */
export function decisionNotice(e: EscortRow): Message {
  const grounds = (lang: keyof Localised) => e.grounds.map((g) => ESCORT_GROUND_TITLES[g][lang]).join('; ');
  const fee = somoni(e.feeDirams);
  return {
    kind: 'escort_decided',
    title: {
      tg: `Қарор дар бораи мушоияти гумрукӣ № ${e.number}`,
      ru: `Решение о таможенном сопровождении № ${e.number}`,
      en: `Customs escort decision No ${e.number}`,
    },
    body: {
      tg: `Воситаи нақлиёт ${e.vehicle}, ${e.fromOffice} → ${e.toOffice}. Асос: ${grounds('tg')}. Хироҷи гумрукӣ: ${fee} сомонӣ.`,
      ru: `Транспортное средство ${e.vehicle}, ${e.fromOffice} → ${e.toOffice}. Основание: ${grounds('ru')}. Таможенный сбор: ${fee} сомони.`,
      en: `Vehicle ${e.vehicle}, ${e.fromOffice} → ${e.toOffice}. Grounds: ${grounds('en')}. Customs fee: ${fee} somoni.`,
    },
  };
}
