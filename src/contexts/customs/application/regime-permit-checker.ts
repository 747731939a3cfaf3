import { and, eq, isNull, lte, or } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db.ts';
import { notify } from '../../../platform/notifications.ts';
import { type DueTimeChecker, publish } from '../../../platform/outbox.ts';
import { type PermitDueActions, permitDueActions } from '../domain/regime-permits.ts';
import { type ProcessingPermitRow, processingPermits } from '../infrastructure/regime.schema.ts';

const BATCH = 500;
/** Outbox topic: a processing permit application passed its 10 working days without a decision. */
export const PROCESSING_PERMIT_OVERDUE = 'customs.processing_permit_overdue';

async function apply(tx: Db, p: ProcessingPermitRow, a: PermitDueActions, now: Date): Promise<void> {
  await tx
    .update(processingPermits)
    .set({ ...(a.warn ? { warnedAt: now } : {}), ...(a.flagOverdue ? { overdueAt: now } : {}) })
    .where(eq(processingPermits.id, p.id));
  const due = p.decisionDueAt.toISOString();
  const officers = { kind: 'role' as const, id: 'customs_officer' };
  const subject = { type: 'customs_processing_permit', id: p.id };
  if (a.warn)
    await notify(tx, now, {
      recipient: officers,
      kind: 'processing_permit_decision_due',
      title: {
        tg: `Мӯҳлати қарор оид ба ${p.applicationNumber} ба охир мерасад`,
        ru: `Срок решения по ${p.applicationNumber} истекает`,
        en: `The decision on ${p.applicationNumber} is due soon`,
      },
      body: { tg: due, ru: due, en: due },
      subject,
    });
  if (a.flagOverdue) {
    await notify(
      tx,
      now,
      ...[officers, { kind: 'business' as const, id: p.applicantTin }].map((recipient) => ({
        recipient,
        kind: 'processing_permit_decision_overdue',
        title: {
          tg: `Мӯҳлати қарор оид ба ${p.applicationNumber} гузашт`,
          ru: `Срок решения по ${p.applicationNumber} истёк`,
          en: `The decision on ${p.applicationNumber} is overdue`,
        },
        body: { tg: due, ru: due, en: due },
        subject,
      })),
    );
    await publish(tx, PROCESSING_PERMIT_OVERDUE, { permitId: p.id, applicationNumber: p.applicationNumber, decisionDueAt: due }, now);
  }
  await appendAudit(tx, now, {
    actor: 'system',
    action: 'customs.processing_permit_deadline_checked',
    entity: 'customs.processing_permits',
    entityId: p.id,
    after: a,
  });
}

/**
 * CUS-REG-05: warns customs when 8 of the 10 working days have run and flags an application not
 * decided within the 10 working days (art.180 p.3, art.193 p.3, art.204 p.3 as amended). Each flag once.
 */
export function processingPermitChecker(): DueTimeChecker {
  return {
    name: 'customs.processing-permit-deadlines',
    run: (db, now) =>
      db.transaction(async (tx) => {
        const t = processingPermits;
        const candidates = await tx
          .select()
          .from(t)
          .where(and(eq(t.status, 'submitted'), or(and(isNull(t.warnedAt), lte(t.warnAt, now)), and(isNull(t.overdueAt), lte(t.decisionDueAt, now)))))
          .limit(BATCH)
          .for('update', { skipLocked: true });
        let touched = 0;
        for (const p of candidates) {
          const a = permitDueActions(p, now);
          if (!a.warn && !a.flagOverdue) continue;
          await apply(tx, p, a, now);
          touched += 1;
        }
        return touched;
      }),
  };
}
