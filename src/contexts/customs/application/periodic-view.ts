/** What periodic-declaring use cases share: the read model, the audit entry and the notices to people. */
import { eq } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db.ts';
import type { Localised } from '../../../platform/i18n.ts';
import { notify } from '../../../platform/notifications.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import { consignments, type PeriodicState } from '../domain/periodic.ts';
import type { PeriodicErrorCode } from '../domain/periodic-errors.ts';
import { applicationByNumber } from '../infrastructure/periodic.repository.ts';
import { type ApplicationRow, type NoticeRow, periodicApplications } from '../infrastructure/periodic.schema.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function noticeView(n: NoticeRow) {
  return {
    number: n.number,
    seq: n.seq,
    deliveryOn: n.deliveryOn,
    lines: n.lines,
    vehicles: n.vehicles,
    form: n.form,
    notifiedAt: n.notifiedAt.toISOString(),
    exitedOn: n.exitedOn,
    exitLines: n.exitLines,
  };
}
export type NoticeView = ReturnType<typeof noticeView>;

/** Actual quantities of a notice: the exit record for export, the notice itself for import (the goods presented). */
export const actualLines = (a: Pick<ApplicationRow, 'direction'>, n: NoticeRow) => (a.direction === 'import' ? n.lines : n.exitLines);

/** The application as the declarant and the officer read it, with its deadlines and overdue flags at `now`. */
export function applicationView(a: ApplicationRow, notices: readonly NoticeRow[], now: Date) {
  return {
    number: a.number,
    state: a.state,
    direction: a.direction,
    form: a.form,
    officeCode: a.officeCode,
    borderPointCode: a.borderPointCode,
    declarantCode: a.declarantCode,
    contract: { number: a.contractNumber, date: a.contractDate },
    periodStart: a.periodStart,
    periodEnd: a.periodEnd,
    lines: a.lines,
    isRestricted: a.isRestricted,
    hasPaymentsDue: a.hasPaymentsDue,
    guaranteeReference: a.guaranteeReference,
    submittedAt: a.submittedAt.toISOString(),
    decisionDueAt: a.decisionDueAt.toISOString(),
    // AMB-10: no deemed approval; the applicant sees that the answer is late.
    isDecisionOverdue: a.state === 'SUBMITTED' && now > a.decisionDueAt,
    escalatedAt: iso(a.escalatedAt),
    refusalNoticeDueAt: iso(a.refusalNoticeDueAt),
    decision: a.decidedAt
      ? {
          decidedAt: a.decidedAt.toISOString(),
          decidedBy: a.decidedBy,
          form: a.decisionForm,
          reason: a.decisionReason,
          conditions: a.refusalConditions,
          isLate: a.isDecisionLate,
        }
      : null,
    declarationDueAt: iso(a.declarationDueAt),
    isDeclarationOverdue: a.state === 'DECLARATION_DUE' && a.declarationDueAt !== null && now > a.declarationDueAt,
    originalDeclarationDueAt: iso(a.originalDeclarationDueAt),
    extensionReason: a.extensionReason,
    wholeLotExitedOn: a.wholeLotExitedOn,
    exportDueAt: iso(a.exportDueAt),
    withdrawalDueAt: iso(a.withdrawalDueAt),
    withdrawnAt: iso(a.withdrawnAt),
    annulledAt: iso(a.annulledAt),
    declarationNumber: a.declarationNumber,
    declaredAt: iso(a.declaredAt),
    closedAt: iso(a.closedAt),
    notices: notices.map(noticeView),
    consignments: consignments(
      a.lines,
      notices.map((n) => ({ lines: n.lines, actualLines: actualLines(a, n) })),
    ),
  };
}
export type ApplicationView = ReturnType<typeof applicationView>;

/** Every state change is audited with the state before and after. */
export const auditPeriodic = (tx: Db, at: Date, actor: string, action: string, a: ApplicationRow, after: Record<string, unknown>) =>
  appendAudit(tx, at, { actor, action, entity: 'customs.periodic_application', entityId: a.number, before: { state: a.state }, after });

type Message = { readonly kind: string; readonly title: Localised; readonly body: Localised };

/** To the applicant's cabinet (IMP-22). */
export const tellDeclarant = (tx: Db, at: Date, a: ApplicationRow, m: Message) =>
  notify(tx, at, { recipient: { kind: 'account', id: a.applicantAccount }, ...m, subject: { type: 'periodic_application', id: a.number } });

/** To every customs officer's inbox. */
export const tellOfficers = (tx: Db, at: Date, a: ApplicationRow, m: Message) =>
  notify(tx, at, { recipient: { kind: 'role', id: 'customs_officer' }, ...m, subject: { type: 'periodic_application', id: a.number } });

export const same = (text: string): Localised => ({ tg: text, ru: text, en: text });

/** Whether a state is one in which the application ended. */
export const isFinal = (s: PeriodicState) => ['REFUSED', 'WITHDRAWN', 'PERMISSION_ANNULLED', 'DECLARATION_WITHDRAWN', 'RELEASE_ANNULLED', 'CLOSED'].includes(s);

/** The application, locked; another declarant's is "not found" (its existence is not disclosed). */
export async function lockApplication(tx: Db, number: string, declarantCode?: string): Promise<Result<ApplicationRow, Failure<PeriodicErrorCode>>> {
  const row = await applicationByNumber(tx, number, true);
  if (!row || (declarantCode !== undefined && row.declarantCode !== declarantCode)) return fail('PERIODIC_NOT_FOUND', 'params.number');
  return ok(row);
}

/** Refuses a step the state machine does not allow from the current state. */
export const stateConflict = (a: ApplicationRow) => fail('PERIODIC_STATE_CONFLICT' as const, undefined, { state: a.state });

/** Stores the changed fields and returns the new row. */
export async function saveApplication(tx: Db, a: ApplicationRow, change: Partial<ApplicationRow>, at: Date): Promise<ApplicationRow> {
  const [row] = await tx
    .update(periodicApplications)
    .set({ ...change, updatedAt: at })
    .where(eq(periodicApplications.id, a.id))
    .returning();
  if (!row) throw new Error(`periodic application ${a.number} vanished`);
  return row;
}
