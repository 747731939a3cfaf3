import type { AccountPrincipal } from '../../../platform/auth.ts';
import { transact } from '../../../platform/db.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import { isIsoDate } from '../domain/history.ts';
import { endOfDate, latestExtensionAt } from '../domain/periodic.ts';
import type { PeriodicErrorCode } from '../domain/periodic-errors.ts';
import { noticesOf } from '../infrastructure/periodic.repository.ts';
import { actorOf, type CustomsDeps } from './deps.ts';
import { type ApplicationView, applicationView, auditPeriodic, lockApplication, same, saveApplication, tellOfficers } from './periodic-view.ts';

export type ExtendInput = { readonly reason: string; readonly until: string };

/**
 * CUS-DEC-82 (art.138 p.5, AMB-08 literal reading): on the declarant's motivated request the
 * office extends the 1-month period of art.138 p.2 ("is extended": the text leaves no discretion),
 * to at most 4 months after that period's end. Asked for before the period ends.
 */
export async function extendDeclarationPeriod(
  deps: CustomsDeps,
  actor: AccountPrincipal,
  declarantCode: string,
  number: string,
  input: ExtendInput,
): Promise<Result<ApplicationView, Failure<PeriodicErrorCode>>> {
  const now = deps.clock.now();
  return transact(deps.database.db, async (tx) => {
    const found = await lockApplication(tx, number, declarantCode);
    if (!found.ok) return found;
    const a = found.value;
    const due = a.declarationDueAt;
    if (a.direction !== 'export' || a.state !== 'DECLARATION_DUE' || due === null || a.originalDeclarationDueAt === null || now > due)
      return fail('PERIODIC_EXTENSION_NOT_AVAILABLE', undefined, { state: a.state, declarationDueAt: due?.toISOString() ?? null });
    if (!isIsoDate(input.until)) return fail('PERIODIC_PERIOD_INVALID', 'body.until');
    const until = endOfDate(input.until);
    const latest = latestExtensionAt(a.originalDeclarationDueAt);
    if (until > latest) return fail('PERIODIC_EXTENSION_TOO_LONG', 'body.until', { latest: latest.toISOString() });
    if (until <= due) return fail('PERIODIC_EXTENSION_NOT_AVAILABLE', 'body.until', { declarationDueAt: due.toISOString() });
    const saved = await saveApplication(tx, a, { declarationDueAt: until, extensionReason: input.reason, declarationOverdueAt: null }, now);
    await auditPeriodic(tx, now, actorOf(actor), 'periodic.extended', a, { state: a.state, declarationDueAt: until.toISOString(), reason: input.reason });
    await tellOfficers(tx, now, saved, {
      kind: 'periodic_extended',
      title: { tg: `Мӯҳлат дароз шуд: № ${a.number}`, ru: `Срок продлён: № ${a.number}`, en: `Deadline extended: No ${a.number}` },
      body: same(`${input.until}: ${input.reason}`),
    });
    return ok(applicationView(saved, await noticesOf(tx, a.id), now));
  });
}
