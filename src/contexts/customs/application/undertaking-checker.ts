import { and, eq, lte } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit.ts';
import { notify } from '../../../platform/notifications.ts';
import { type DueTimeChecker, publish } from '../../../platform/outbox.ts';
import { undertakings } from '../infrastructure/exit-statistics.schema.ts';

const BATCH = 200;
/** Outbox topic: goods were released on an undertaking of art.150 and the declaration was not filed by its due time. */
export const UNDERTAKING_OVERDUE = 'customs.undertaking_overdue';

/**
 * CUS-REL-08: an accepted undertaking whose due time passed without the declaration is flagged
 * OVERDUE once — the declarant and the officers are told and an event goes out. A declaration filed
 * later still fulfils it, marked late.
 */
export function undertakingChecker(): DueTimeChecker {
  return {
    name: 'customs.undertaking-deadlines',
    run: (db, now) =>
      db.transaction(async (tx) => {
        const due = await tx
          .select()
          .from(undertakings)
          .where(and(eq(undertakings.state, 'ACCEPTED'), lte(undertakings.dueAt, now)))
          .limit(BATCH)
          .for('update', { skipLocked: true });
        for (const u of due) {
          await tx.update(undertakings).set({ state: 'OVERDUE', overdueAt: now }).where(eq(undertakings.id, u.id));
          const when = u.dueAt?.toISOString() ?? '';
          await notify(
            tx,
            now,
            ...[
              { kind: 'business' as const, id: u.declarantCode },
              { kind: 'role' as const, id: 'customs_officer' },
            ].map((recipient) => ({
              recipient,
              kind: 'customs_undertaking_overdue',
              title: {
                tg: `Мӯҳлати ӯҳдадории № ${u.number} гузашт`,
                ru: `Срок обязательства № ${u.number} истёк`,
                en: `Undertaking No ${u.number} is overdue`,
              },
              body: {
                tg: `Декларатсия то ${when} пешниҳод нашуд (м.150).`,
                ru: `Декларация не подана до ${when} (ст.150).`,
                en: `No declaration was filed by ${when} (art.150).`,
              },
              subject: { type: 'customs_undertaking', id: u.id },
            })),
          );
          await publish(tx, UNDERTAKING_OVERDUE, { number: u.number, declarantCode: u.declarantCode, dueAt: when }, now);
          await appendAudit(tx, now, {
            actor: 'system',
            action: 'customs.undertaking_overdue',
            entity: 'customs.undertaking',
            entityId: u.id,
            after: { dueAt: when },
          });
        }
        return due.length;
      }),
  };
}
