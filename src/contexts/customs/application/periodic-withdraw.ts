import type { AccountPrincipal } from '../../../platform/auth.ts';
import { transact } from '../../../platform/db.ts';
import { publish } from '../../../platform/outbox.ts';
import { type Failure, ok, type Result } from '../../../platform/result.ts';
import type { PeriodicForm } from '../domain/periodic.ts';
import type { PeriodicErrorCode } from '../domain/periodic-errors.ts';
import { noticesOf } from '../infrastructure/periodic.repository.ts';
import { actorOf, type CustomsDeps } from './deps.ts';
import { type ApplicationView, applicationView, auditPeriodic, lockApplication, same, saveApplication, stateConflict, tellOfficers } from './periodic-view.ts';

export type WithdrawInput = { readonly form: PeriodicForm; readonly reason?: string };

/**
 * P8 and P11 (art.134 p.9-10, CUS-DEC-58; AMB-04 reads "art.138 p.4" as p.6): on the declarant's
 * simple electronic or written request, without the conditions of art.134 p.1-8, the application
 * whose goods were not presented is withdrawn (art.136 p.14), or the export declaration whose goods
 * did not leave in 6 months (art.138 p.6); the declaration slice withdraws that declaration.
 */
export async function withdrawPeriodic(
  deps: CustomsDeps,
  actor: AccountPrincipal,
  declarantCode: string,
  number: string,
  input: WithdrawInput,
): Promise<Result<ApplicationView, Failure<PeriodicErrorCode>>> {
  const now = deps.clock.now();
  return transact(deps.database.db, async (tx) => {
    const found = await lockApplication(tx, number, declarantCode);
    if (!found.ok) return found;
    const a = found.value;
    if (a.state !== 'WITHDRAWAL_DUE' && a.state !== 'EXPORT_OVERDUE') return stateConflict(a);
    const state = a.state === 'WITHDRAWAL_DUE' ? 'WITHDRAWN' : 'DECLARATION_WITHDRAWN';
    const saved = await saveApplication(tx, a, { state, withdrawnAt: now, withdrawalForm: input.form, withdrawalReason: input.reason ?? null }, now);
    await auditPeriodic(tx, now, actorOf(actor), state === 'WITHDRAWN' ? 'periodic.withdrawn' : 'periodic.declaration_withdrawn', a, {
      state,
      form: input.form,
    });
    if (state === 'DECLARATION_WITHDRAWN')
      await publish(tx, 'customs.periodic_declaration_withdrawn', { applicationNumber: a.number, declarationNumber: a.declarationNumber }, now);
    await tellOfficers(tx, now, saved, {
      kind: 'periodic_withdrawn',
      title: { tg: `Бозхонд: № ${a.number}`, ru: `Отзыв: № ${a.number}`, en: `Withdrawn: No ${a.number}` },
      body: same(input.reason ?? state),
    });
    return ok(applicationView(saved, await noticesOf(tx, a.id), now));
  });
}
