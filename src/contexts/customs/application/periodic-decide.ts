import type { AccountPrincipal } from '../../../platform/auth.ts';
import { dushanbeDate } from '../../../platform/calendar/time.ts';
import { transact } from '../../../platform/db.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { PeriodicForm } from '../domain/periodic.ts';
import type { PeriodicErrorCode } from '../domain/periodic-errors.ts';
import { noticesOf } from '../infrastructure/periodic.repository.ts';
import type { SimplifiedErrorCode } from '../domain/simplified-errors.ts';
import { actorOf, type CustomsDeps } from './deps.ts';
import { type ApplicationView, applicationView, auditPeriodic, lockApplication, same, saveApplication, stateConflict, tellDeclarant } from './periodic-view.ts';
import { grantPeriodicExport } from './simplified-decide.ts';

export type DecideInput = {
  readonly decision: 'permit' | 'refuse';
  readonly form: PeriodicForm;
  readonly reason?: string;
  /** Art.137 p.3: for an export, what the declarant must do to be allowed the simplified procedure. */
  readonly conditions?: string;
};

/**
 * P2 (art.136 p.2, CUS-DEC-64): customs answers, electronically or in writing, within 10 calendar
 * days; a later answer is still given (no deemed approval, AMB-10) and marked late. An export
 * refusal states the conditions to meet and is notified no later than the day after filing
 * (art.137 p.3 → art.132 p.5, CUS-DEC-76). A permission whose period has begun activates at once (P3).
 */
export async function decidePeriodic(
  deps: CustomsDeps,
  actor: AccountPrincipal,
  number: string,
  input: DecideInput,
): Promise<Result<ApplicationView, Failure<PeriodicErrorCode | SimplifiedErrorCode>>> {
  const now = deps.clock.now();
  return transact(deps.database.db, async (tx) => {
    const found = await lockApplication(tx, number);
    if (!found.ok) return found;
    const a = found.value;
    if (a.state !== 'SUBMITTED') return stateConflict(a);
    const isRefusal = input.decision === 'refuse';
    if (isRefusal && (!input.reason || (a.direction === 'export' && !input.conditions)))
      return fail('PERIODIC_REFUSAL_CONDITIONS_REQUIRED', input.reason ? 'body.conditions' : 'body.reason');
    // Art.137 p.1-2 (CUS-DEC-75): permitting periodic declaring of exports grants the simplified procedure, under its conditions.
    const barred = !isRefusal && a.direction === 'export' ? await grantPeriodicExport(tx, a, actorOf(actor), now) : undefined;
    if (barred) return barred;
    const due = isRefusal && a.refusalNoticeDueAt ? a.refusalNoticeDueAt : a.decisionDueAt;
    const isActive = !isRefusal && dushanbeDate(now) >= a.periodStart;
    const state = isRefusal ? 'REFUSED' : isActive ? 'ACTIVE' : 'PERMITTED';
    const saved = await saveApplication(
      tx,
      a,
      {
        state,
        decidedAt: now,
        decidedBy: actorOf(actor),
        decisionForm: input.form,
        decisionReason: input.reason ?? null,
        refusalConditions: isRefusal ? (input.conditions ?? null) : null,
        isDecisionLate: now > due,
        activatedAt: isActive ? now : null,
      },
      now,
    );
    await auditPeriodic(tx, now, actorOf(actor), isRefusal ? 'periodic.refused' : 'periodic.permitted', a, {
      state,
      form: input.form,
      reason: input.reason,
      conditions: input.conditions,
    });
    await tellDeclarant(tx, now, saved, {
      kind: isRefusal ? 'periodic_refused' : 'periodic_permitted',
      title: isRefusal
        ? {
            tg: `Декларатсиякунии даврӣ № ${a.number} рад шуд`,
            ru: `Отказ в периодическом декларировании № ${a.number}`,
            en: `Periodic declaring No ${a.number} refused`,
          }
        : {
            tg: `Декларатсиякунии даврӣ № ${a.number} иҷозат дода шуд`,
            ru: `Периодическое декларирование № ${a.number} разрешено`,
            en: `Periodic declaring No ${a.number} permitted`,
          },
      body: same([input.reason, input.conditions].filter(Boolean).join(' — ') || `${a.periodStart} – ${a.periodEnd}`),
    });
    return ok(applicationView(saved, await noticesOf(tx, a.id), now));
  });
}
