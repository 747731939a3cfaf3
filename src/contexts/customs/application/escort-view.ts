/** What escort use cases share: the read model, the escort as a case file (case-steps.ts) and the notices to the carrier. */
import type { Db } from '../../../platform/db.ts';
import type { Localised } from '../../../platform/i18n.ts';
import { ESCORT_GROUND_TITLES, isEscortOverdue } from '../domain/escort.ts';
import type { EscortErrorCode } from '../domain/escort-errors.ts';
import { addEscortEvent, escortByNumber, escortEventsOf, updateEscort } from '../infrastructure/escort.repository.ts';
import type { EscortEventRow, EscortRow } from '../infrastructure/escort.schema.ts';
import { type CaseKind, type CaseMessage, historyView, somoni, tellBusiness } from './case-steps.ts';

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
    ...(history ? { history: historyView(history) } : {}),
  };
}
export type EscortView = ReturnType<typeof escortView>;

/** Escorts as case files: the steps of catalog 3.4 are recorded by case-steps.ts; the card carries the history. */
export const ESCORT_CASE: CaseKind<EscortRow, EscortErrorCode, EscortView> = {
  entity: 'customs.escorts',
  actionPrefix: 'customs.escort_',
  subjectType: 'customs_escort',
  notFound: 'ESCORT_NOT_FOUND',
  conflict: 'ESCORT_STATE_CONFLICT',
  byNumber: escortByNumber,
  update: updateEscort,
  addEvent: (db, { caseId, ...e }) => addEscortEvent(db, { escortId: caseId, ...e }),
  card: async (tx, e, now) => escortView(e, now, await escortEventsOf(tx, e.id)),
};

/** IMP-22, CUS-CTL-10: to the carrier's cabinet (the inbox of its TIN); a foreign carrier without one is informed otherwise. */
export const tellCarrier = (tx: Db, at: Date, e: EscortRow, m: CaseMessage) =>
  e.carrierTin ? tellBusiness(ESCORT_CASE, tx, at, e, e.carrierTin, m) : Promise.resolve();

/** The notice of the decision (art.402(1) p.3), in the three languages. */
export function decisionNotice(e: EscortRow): CaseMessage {
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
