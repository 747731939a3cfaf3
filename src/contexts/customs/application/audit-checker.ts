import { dushanbeDate } from '../../../platform/calendar/time.ts';
import type { Db } from '../../../platform/db.ts';
import { type DueTimeChecker, publish } from '../../../platform/outbox.ts';
import { overdueUnflagged, reportedUnclosed } from '../infrastructure/audit.repository.ts';
import type { AuditRow } from '../infrastructure/audit.schema.ts';
import { AUDIT_CASE } from './audit-view.ts';
import { recordCaseStep, tellOfficials } from './case-steps.ts';
import { CONTROL_RESULT_TOPIC, type ControlResultEvent } from './declaration-control.ts';

const BATCH = 200;

/** Outbox topic: an audit in progress passed its last day without an act. */
export const AUDIT_OVERDUE = 'customs.audit_overdue';

/**
 * A9 (art.429(2) p.1 i.1, i.8; CUS-RMS feedback): the act's results go to risk management as a
 * `customs.control_result` event (source `audit`; the subject is the audit, the trader the audited
 * person) and the audit is closed, in one transaction.
 */
async function close(tx: Db, a: AuditRow, now: Date): Promise<void> {
  const event: ControlResultEvent = {
    subjectKind: 'audit',
    subjectId: a.id,
    traderCode: a.personCode,
    isViolationFound: a.isViolationFound === true,
    findings: a.findings ?? '',
    additionalDirams: Number(a.additionalDirams ?? 0n),
    source: 'audit',
    at: (a.reportIssuedAt ?? now).toISOString(),
  };
  const eventId = await publish(tx, CONTROL_RESULT_TOPIC, event, now);
  await recordCaseStep(AUDIT_CASE, tx, a, {
    at: now,
    actor: 'system:customs',
    action: 'closed',
    change: { state: 'CLOSED', closedAt: now },
    details: { controlResultEventId: eventId },
  });
}

/** CUS-AUD-08, CUS-AUD-15: the officers and heads are told once that an audit ran past its last day without an act. */
async function flagOverdue(tx: Db, a: AuditRow, now: Date): Promise<void> {
  await recordCaseStep(AUDIT_CASE, tx, a, {
    at: now,
    actor: 'system:customs',
    action: 'overdue',
    change: { overdueNotifiedAt: now },
    details: { dueOn: a.dueOn },
  });
  await tellOfficials(AUDIT_CASE, tx, now, a, {
    kind: 'audit_overdue',
    title: { tg: `Мӯҳлати санҷиши № ${a.number} гузашт`, ru: `Срок проверки № ${a.number} истёк`, en: `Audit No ${a.number} is overdue` },
    body: {
      tg: `Рӯзи охир ${a.dueOn}; санад тартиб дода нашудааст.`,
      ru: `Последний день ${a.dueOn}; акт не составлен.`,
      en: `Last day ${a.dueOn}; no report issued.`,
    },
  });
  await publish(tx, AUDIT_OVERDUE, { number: a.number, officeCode: a.officeCode, dueOn: a.dueOn }, now);
}

/** The audit clocks: overdue audits in progress, and acts to feed back (A9). */
export function auditChecker(): DueTimeChecker {
  return {
    name: 'customs.audits',
    run: (db, now) =>
      db.transaction(async (tx) => {
        let touched = 0;
        for (const a of await reportedUnclosed(tx, now, BATCH)) {
          await close(tx, a, now);
          touched += 1;
        }
        for (const a of await overdueUnflagged(tx, dushanbeDate(now), BATCH)) {
          await flagOverdue(tx, a, now);
          touched += 1;
        }
        return touched;
      }),
  };
}
