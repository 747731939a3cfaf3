/** What audit use cases share: the read models, the audit as a case file (case-steps.ts) and the notice to the person. */
import type { Db } from '../../../platform/db.ts';
import { isAuditOverdue } from '../domain/audit.ts';
import type { AuditErrorCode } from '../domain/audit-errors.ts';
import { AUDIT_GROUNDS } from '../domain/audit-grounds.ts';
import { addAuditEvent, auditById, auditByNumber, declarationsOf, eventsOf, planById, updateAudit } from '../infrastructure/audit.repository.ts';
import type { AuditEventRow, AuditRow } from '../infrastructure/audit.schema.ts';
import { type CaseKind, type CaseMessage, historyView, tellBusiness } from './case-steps.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The ground with its texts, or null for a planned audit. */
export const groundView = (code: string | null) => {
  const g = AUDIT_GROUNDS.find((x) => x.code === code);
  return g ? { code: g.code, item: g.item, legalBasis: g.legalBasis, title: g.title } : null;
};

/** What the audited person sees: the order, the start, the period and the act (not the ground or who informed customs). */
export function personAuditView(a: AuditRow, declarations: readonly string[]) {
  return {
    number: a.number,
    state: a.state,
    place: a.place,
    focus: a.focus,
    theme: a.theme,
    officeCode: a.officeCode,
    person: { code: a.personCode, name: a.personName },
    isPlanned: a.planId !== null,
    declarations: [...declarations],
    coveredFrom: a.coveredFrom,
    coveredTo: a.coveredTo,
    order: a.orderIssuedAt
      ? { issuedAt: a.orderIssuedAt.toISOString(), signerRole: a.orderSignerRole, instructions: a.orderInstructions, auditors: a.auditors ?? [] }
      : null,
    deliveredOn: a.deliveredOn,
    deliveryMethod: a.deliveryMethod,
    startOn: a.startOn,
    dueOn: a.dueOn,
    originalDueOn: a.originalDueOn,
    extension: a.extensionDays ? { days: a.extensionDays, reason: a.extensionReason, extendedAt: iso(a.extendedAt) } : null,
    report: a.reportIssuedAt
      ? {
          issuedAt: a.reportIssuedAt.toISOString(),
          isViolationFound: a.isViolationFound === true,
          isDocumentsNotSubmitted: a.isDocumentsNotSubmitted === true,
          findings: a.findings ?? '',
          additionalDirams: (a.additionalDirams ?? 0n).toString(),
          isLate: a.isReportLate === true,
          lateReason: a.lateReason,
        }
      : null,
    closedAt: iso(a.closedAt),
  };
}
export type PersonAuditView = ReturnType<typeof personAuditView>;

/** The officers' card: everything, with the plan or the ground, the origin and the history. */
export function auditView(
  a: AuditRow,
  extra: { declarations: readonly string[]; history: readonly AuditEventRow[]; planNumber: string | null; originNumber: string | null },
  now: Date,
) {
  return {
    ...personAuditView(a, extra.declarations),
    planNumber: extra.planNumber,
    plannedOn: a.plannedOn,
    ground: groundView(a.ground),
    groundDetails: a.groundDetails,
    originNumber: extra.originNumber,
    controlObjects: a.controlObjects,
    registeredAt: a.registeredAt.toISOString(),
    registeredBy: a.registeredBy,
    orderSignedBy: a.orderSignedBy,
    isOverdue: isAuditOverdue(a.state, a.dueOn, now),
    overdueNotifiedAt: iso(a.overdueNotifiedAt),
    history: historyView(extra.history),
  };
}
export type AuditView = ReturnType<typeof auditView>;

/** The full card of an audit row, read in the caller's transaction. */
export async function loadAuditView(tx: Db, a: AuditRow, now: Date, planNumber: string | null = null): Promise<AuditView> {
  const origin = a.originAuditId ? await auditById(tx, a.originAuditId) : undefined;
  const plan = planNumber ?? (a.planId ? await planNumberOf(tx, a.planId) : null);
  return auditView(
    a,
    {
      declarations: (await declarationsOf(tx, a.id)).map((d) => d.number),
      history: await eventsOf(tx, a.id),
      planNumber: plan,
      originNumber: origin?.number ?? null,
    },
    now,
  );
}

const planNumberOf = async (tx: Db, planId: string): Promise<string | null> => (await planById(tx, planId))?.number ?? null;

/** Audits as case files: the steps of catalog 3.3 are recorded by case-steps.ts. */
export const AUDIT_CASE: CaseKind<AuditRow, AuditErrorCode, AuditView> = {
  entity: 'customs.audits',
  actionPrefix: 'customs.audit_',
  subjectType: 'customs_audit',
  notFound: 'AUDIT_NOT_FOUND',
  conflict: 'AUDIT_STATE_CONFLICT',
  byNumber: auditByNumber,
  update: updateAudit,
  addEvent: (db, { caseId, ...e }) => addAuditEvent(db, { auditId: caseId, ...e }),
  card: (tx, a, now) => loadAuditView(tx, a, now),
};

/** IMP-22: to the audited person's cabinet (the inbox of its TIN). */
export const tellPerson = (tx: Db, at: Date, a: AuditRow, m: CaseMessage) => tellBusiness(AUDIT_CASE, tx, at, a, a.personCode, m);
