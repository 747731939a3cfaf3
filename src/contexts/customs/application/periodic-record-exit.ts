import type { AccountPrincipal } from '../../../platform/auth.ts';
import { dushanbeDate } from '../../../platform/calendar/time.ts';
import { type Db, transact } from '../../../platform/db.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import { isIsoDate } from '../domain/history.ts';
import { exportDeclarationDueAt, type QuantityLine, wholeLotExitedOn } from '../domain/periodic.ts';
import type { PeriodicErrorCode } from '../domain/periodic-errors.ts';
import { noticesOf } from '../infrastructure/periodic.repository.ts';
import { type ApplicationRow, periodicNotices } from '../infrastructure/periodic.schema.ts';
import { eq } from 'drizzle-orm';
import { actorOf, type CustomsDeps } from './deps.ts';
import { checkLines } from './periodic-notify-delivery.ts';
import { type ApplicationView, applicationView, auditPeriodic, lockApplication, saveApplication, stateConflict } from './periodic-view.ts';

export type ExitInput = { readonly exitedOn: string; readonly lines?: readonly QuantityLine[] };

/**
 * Art.138 p.2 (CUS-DEC-79): once the period has ended and every notified delivery has actually
 * left, the whole lot has left: the full declaration is due 1 month from the day after.
 */
export async function settleWholeLot(tx: Db, a: ApplicationRow, at: Date): Promise<ApplicationRow> {
  if (a.direction !== 'export' || a.wholeLotExitedOn !== null || !['DECLARATION_DUE', 'DECLARED'].includes(a.state)) return a;
  const last = wholeLotExitedOn(await noticesOf(tx, a.id));
  if (!last) return a;
  const due = exportDeclarationDueAt(last);
  await auditPeriodic(tx, at, 'system', 'periodic.whole_lot_exited', a, { state: a.state, wholeLotExitedOn: last, declarationDueAt: due.toISOString() });
  return saveApplication(tx, a, { wholeLotExitedOn: last, declarationDueAt: due, originalDeclarationDueAt: due }, at);
}

/** Customs records the actual exit of one notified export delivery, with the actual quantities (default: as notified). */
export async function recordExit(
  deps: CustomsDeps,
  actor: AccountPrincipal,
  number: string,
  seq: number,
  input: ExitInput,
): Promise<Result<ApplicationView, Failure<PeriodicErrorCode>>> {
  const now = deps.clock.now();
  return transact(deps.database.db, async (tx) => {
    const found = await lockApplication(tx, number);
    if (!found.ok) return found;
    const a = found.value;
    if (a.direction !== 'export') return fail('PERIODIC_EXIT_INVALID', 'params.number');
    if (!['ACTIVE', 'DECLARATION_DUE', 'DECLARED'].includes(a.state)) return stateConflict(a);
    const notice = (await noticesOf(tx, a.id)).find((n) => n.seq === seq);
    if (!notice) return fail('PERIODIC_NOTICE_NOT_FOUND', 'params.seq');
    if (notice.exitedOn !== null) return fail('PERIODIC_EXIT_ALREADY_RECORDED', 'params.seq', { exitedOn: notice.exitedOn });
    if (!isIsoDate(input.exitedOn) || input.exitedOn < notice.deliveryOn || input.exitedOn > dushanbeDate(now))
      return fail('PERIODIC_EXIT_INVALID', 'body.exitedOn', { deliveryOn: notice.deliveryOn });
    const lines = input.lines ?? notice.lines;
    const bad = checkLines(a, lines, 'body.lines');
    if (bad) return fail(bad.code, bad.field);
    await tx
      .update(periodicNotices)
      .set({ exitedOn: input.exitedOn, exitLines: lines.map((l) => ({ ...l })), exitRecordedAt: now, exitRecordedBy: actorOf(actor) })
      .where(eq(periodicNotices.id, notice.id));
    await auditPeriodic(tx, now, actorOf(actor), 'periodic.exit_recorded', a, { state: a.state, notice: notice.number, exitedOn: input.exitedOn, lines });
    const settled = await settleWholeLot(tx, a, now);
    return ok(applicationView(settled, await noticesOf(tx, a.id), now));
  });
}
