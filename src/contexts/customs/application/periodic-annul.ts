import type { AccountPrincipal } from '../../../platform/auth.ts';
import { transact } from '../../../platform/db.ts';
import { publish } from '../../../platform/outbox.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { PeriodicErrorCode } from '../domain/periodic-errors.ts';
import { noticesOf } from '../infrastructure/periodic.repository.ts';
import { actorOf, type CustomsDeps } from './deps.ts';
import { type ApplicationView, applicationView, auditPeriodic, lockApplication, same, saveApplication, stateConflict, tellDeclarant } from './periodic-view.ts';

/**
 * P9 and P11 (AMB-07): the declarant did not withdraw within the grace period. Customs annuls the
 * permission (art.136 p.15; AMB-04 reads its "part 15" as p.14) or, for a declared export whose
 * goods did not leave, the release is to be annulled (art.138 p.7, art.149 p.6): the declaration
 * slice reacts to `customs.periodic_release_annulment_due`.
 */
export async function annulPeriodic(
  deps: CustomsDeps,
  actor: AccountPrincipal,
  number: string,
  input: { readonly reason: string },
): Promise<Result<ApplicationView, Failure<PeriodicErrorCode>>> {
  const now = deps.clock.now();
  return transact(deps.database.db, async (tx) => {
    const found = await lockApplication(tx, number);
    if (!found.ok) return found;
    const a = found.value;
    if (a.state !== 'WITHDRAWAL_DUE' && a.state !== 'EXPORT_OVERDUE') return stateConflict(a);
    if (a.withdrawalDueAt === null || now <= a.withdrawalDueAt)
      return fail('PERIODIC_GRACE_NOT_OVER', undefined, { withdrawalDueAt: a.withdrawalDueAt?.toISOString() ?? null });
    const state = a.state === 'WITHDRAWAL_DUE' ? 'PERMISSION_ANNULLED' : 'RELEASE_ANNULLED';
    const saved = await saveApplication(tx, a, { state, annulledAt: now, annulledBy: actorOf(actor), annulmentReason: input.reason }, now);
    await auditPeriodic(tx, now, actorOf(actor), state === 'PERMISSION_ANNULLED' ? 'periodic.permission_annulled' : 'periodic.release_annulled', a, {
      state,
      reason: input.reason,
    });
    if (state === 'RELEASE_ANNULLED')
      await publish(
        tx,
        'customs.periodic_release_annulment_due',
        { applicationNumber: a.number, declarationNumber: a.declarationNumber, reason: input.reason },
        now,
      );
    await tellDeclarant(tx, now, saved, {
      kind: 'periodic_annulled',
      title:
        state === 'PERMISSION_ANNULLED'
          ? { tg: `Иҷозат бекор шуд: № ${a.number}`, ru: `Разрешение аннулировано: № ${a.number}`, en: `Permission annulled: No ${a.number}` }
          : {
              tg: `Иҷозати барориш бекор мешавад: № ${a.number}`,
              ru: `Выпуск подлежит аннулированию: № ${a.number}`,
              en: `Release to be annulled: No ${a.number}`,
            },
      body: same(input.reason),
    });
    return ok(applicationView(saved, await noticesOf(tx, a.id), now));
  });
}
