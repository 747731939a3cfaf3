import { type DueTimeChecker, publish } from '../../../platform/outbox.ts';
import { overdueEscorts } from '../infrastructure/escort.repository.ts';
import { recordCaseStep, tellOfficials } from './case-steps.ts';
import { ESCORT_CASE } from './escort-view.ts';

const BATCH = 200;

/** Outbox topic: an escort not informed or organised within 24 hours of the decision. */
export const ESCORT_OVERDUE = 'customs.escort_overdue';

/**
 * CUS-CTL-10 (art.402(1) p.3): flags, once, an escort whose carrier was not informed or which was
 * not organised within 24 hours of the decision, and tells the officers and the heads.
 */
export function escortChecker(): DueTimeChecker {
  return {
    name: 'customs.escorts',
    run: (db, now) =>
      db.transaction(async (tx) => {
        let touched = 0;
        for (const e of await overdueEscorts(tx, now, BATCH)) {
          const saved = await recordCaseStep(ESCORT_CASE, tx, e, {
            at: now,
            actor: 'system:customs',
            action: 'overdue',
            change: { overdueNotifiedAt: now },
            details: { dueAt: e.dueAt.toISOString() },
          });
          await tellOfficials(ESCORT_CASE, tx, now, saved, {
            kind: 'escort_overdue',
            title: {
              tg: `Мушоияти № ${e.number}: 24 соат гузашт`,
              ru: `Сопровождение № ${e.number}: 24 часа истекли`,
              en: `Escort No ${e.number}: the 24 hours are over`,
            },
            body: { tg: e.state, ru: e.state, en: e.state },
          });
          await publish(tx, ESCORT_OVERDUE, { number: e.number, state: e.state, dueAt: e.dueAt.toISOString() }, now);
          touched += 1;
        }
        return touched;
      }),
  };
}
