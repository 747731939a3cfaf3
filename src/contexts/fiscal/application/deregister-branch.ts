import { eq } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit.ts';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { format } from '../../../platform/i18n.ts';
import { notify } from '../../../platform/notifications.ts';
import { publish } from '../../../platform/outbox.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import { actsForTsc, nextBranchStatus } from '../domain/tsc-registry.ts';
import { branches } from '../infrastructure/schema.ts';
import { actorOf, dueAt, type FiscalDeps, openDeadline } from './deps.ts';
import { type BranchView, loadBranchView } from './list-branches.ts';
import { OPERATOR } from './remove-tsc.ts';

/** Topic of the event that makes the operator tell the businesses a deregistered branch served (p.120). */
export const BRANCH_DEREGISTERED = 'fiscal.BranchDeregistered';
export type BranchDeregisteredEvent = {
  readonly branchId: string;
  readonly tscId: string;
  readonly branchName: string;
  readonly deregisteredAt: string;
};

const NOTICE = {
  title: { tg: 'Филиал аз қайд бароварда шуд', ru: 'Филиал снят с учёта', en: 'Branch deregistered' },
  body: {
    tg: 'Филиали «{branch}» бо дархости МХТ аз қайд бароварда шуд (б.117). Дастрасӣ ба низоми иттилооти андоз қатъ гардид (б.119).',
    ru: 'Филиал «{branch}» снят с учёта по заявке ЦТО (п.117). Доступ к налоговой информационной системе прекращён (п.119).',
    en: 'Branch "{branch}" is deregistered at the TSC’s request (p.117). Access to the tax information system has ended (p.119).',
  },
};

/**
 * p.117-120 (FIS-BRN-09, 11, 12, FIS-ACC-05): at the TSC's request the branch leaves the registry;
 * its specialists lose access at once (the gate); the TSC and the branch get the operator's notice
 * now (p.118, met now), and the businesses the branch served are told within 3 days (p.120) by the
 * handler of the outbox event.
 */
export async function deregisterBranch(
  deps: FiscalDeps,
  actor: AccountPrincipal,
  id: string,
): Promise<Result<BranchView, Failure<'BRANCH_NOT_FOUND' | 'BRANCH_NOT_REGISTERED' | 'FORBIDDEN'>>> {
  const now = deps.clock.now();
  const calendar = deps.calendar();
  return deps.database.db.transaction(async (tx) => {
    const [before] = await tx.select().from(branches).where(eq(branches.id, id)).for('update');
    if (!before) return fail('BRANCH_NOT_FOUND');
    const acting = actsForTsc(actor, before.tscId, 'head_office');
    if (acting === 'not_found') return fail('BRANCH_NOT_FOUND');
    if (acting === 'forbidden') return fail('FORBIDDEN');
    const next = nextBranchStatus(before.status, 'deregister');
    if (next !== 'deregistered') return fail('BRANCH_NOT_REGISTERED');
    const [after] = await tx
      .update(branches)
      .set({ status: next, deregisteredAt: now, deregistrationGround: 'tsc_request' })
      .where(eq(branches.id, id))
      .returning();
    const subject = { type: 'branch', id };
    const operator = { kind: 'operator' as const, id: OPERATOR };
    await openDeadline(tx, {
      kind: 'BRANCH_DEREGISTRATION_NOTICE',
      subject,
      responsible: operator,
      startsAt: now,
      dueAt: dueAt(calendar, 'BRANCH_DEREGISTRATION_NOTICE', now),
      metAt: now,
    });
    await openDeadline(tx, {
      kind: 'BRANCH_DEREGISTRATION_BUSINESS_NOTICE',
      subject,
      responsible: operator,
      startsAt: now,
      dueAt: dueAt(calendar, 'BRANCH_DEREGISTRATION_BUSINESS_NOTICE', now),
    });
    await appendAudit(tx, now, { actor: actorOf(actor), action: 'branch.deregistered', entity: 'fiscal.branch', entityId: id, before, after });
    const body = format(NOTICE.body, { branch: before.name });
    await notify(
      tx,
      now,
      { recipient: { kind: 'org', id: before.tscId }, kind: 'branch.deregistered', title: NOTICE.title, body, subject },
      { recipient: { kind: 'unit', id }, kind: 'branch.deregistered', title: NOTICE.title, body, subject },
    );
    const event: BranchDeregisteredEvent = { branchId: id, tscId: before.tscId, branchName: before.name, deregisteredAt: now.toISOString() };
    await publish(tx, BRANCH_DEREGISTERED, event, now);
    return ok((await loadBranchView(tx, id)) as BranchView);
  });
}
