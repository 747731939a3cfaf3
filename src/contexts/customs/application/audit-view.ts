/** What audit use cases share: the read models, the recorded step and the notices to people. */
import { appendAuditLater } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db.ts';
import type { Localised } from '../../../platform/i18n.ts';
import { type NewNotification, notify } from '../../../platform/notifications.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import { isAuditOverdue } from '../domain/audit.ts';
import type { AuditErrorCode } from '../domain/audit-errors.ts';
import { AUDIT_GROUNDS } from '../domain/audit-grounds.ts';
import { addAuditEvent, auditById, auditByNumber, declarationsOf, eventsOf, planById, updateAudit } from '../infrastructure/audit.repository.ts';
import type { AuditEventRow, AuditRow } from '../infrastructure/audit.schema.ts';

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
    history: extra.history.map((e) => ({
      at: e.at.toISOString(),
      actor: e.actor,
      action: e.action,
      fromState: e.fromState,
      toState: e.toState,
      details: e.details,
    })),
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

/** The audit, locked; unknown → AUDIT_NOT_FOUND. */
export async function lockAudit(tx: Db, number: string): Promise<Result<AuditRow, Failure<AuditErrorCode>>> {
  const row = await auditByNumber(tx, number, true);
  return row ? ok(row) : fail('AUDIT_NOT_FOUND', 'params.number');
}

export const stateConflict = (a: AuditRow) => fail('AUDIT_STATE_CONFLICT' as const, undefined, { state: a.state });

/** One step of the state machine: the new fields, the card's history and the hash-chained audit log. */
export async function recordStep(
  tx: Db,
  a: AuditRow,
  step: { readonly at: Date; readonly actor: string; readonly action: string; readonly change: Partial<AuditRow>; readonly details?: Record<string, unknown> },
): Promise<AuditRow> {
  const saved = await updateAudit(tx, a, step.change, step.at);
  await addAuditEvent(tx, {
    auditId: a.id,
    at: step.at,
    actor: step.actor,
    action: step.action,
    fromState: a.state,
    toState: saved.state,
    details: step.details,
  });
  await appendAuditLater(tx, step.at, {
    actor: step.actor,
    action: `customs.audit_${step.action}`,
    entity: 'customs.audits',
    entityId: a.number,
    before: { state: a.state },
    after: { state: saved.state, ...step.details },
  });
  return saved;
}

type Message = { readonly kind: string; readonly title: Localised; readonly body: Localised };
const subject = (a: AuditRow) => ({ type: 'customs_audit', id: a.number });

/** IMP-22: to the audited person's cabinet (the inbox of its TIN). */
export const tellPerson = (tx: Db, at: Date, a: AuditRow, m: Message) =>
  notify(tx, at, { recipient: { kind: 'business', id: a.personCode }, ...m, subject: subject(a) });

/** To the customs officers' and the heads' inboxes. */
export const tellCustoms = (tx: Db, at: Date, a: AuditRow, m: Message) =>
  notify(
    tx,
    at,
    ...(['customs_officer', 'customs_head'] as const).map((id): NewNotification => ({ recipient: { kind: 'role', id }, ...m, subject: subject(a) })),
  );
