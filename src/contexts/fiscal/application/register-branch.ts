import { eq } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit.ts';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { format } from '../../../platform/i18n.ts';
import { notify } from '../../../platform/notifications.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import { nextBranchStatus } from '../domain/tsc-registry.ts';
import { branches, tscs } from '../infrastructure/schema.ts';
import { actorOf, type FiscalDeps, meetDeadlines } from './deps.ts';
import { type BranchView, loadBranchView } from './list-branches.ts';

const REPLY = {
  title: { tg: 'Филиал ба қайд гирифта шуд', ru: 'Филиал зарегистрирован', en: 'Branch registered' },
  body: {
    tg: 'Филиали «{branch}» ({address}) ба феҳристи давлатӣ ворид карда шуд (б.85, б.115). Дастрасӣ ба низоми иттилооти андоз барои мутахассисони филиал фаъол аст (б.113).',
    ru: 'Филиал «{branch}» ({address}) внесён в государственный реестр (п.85, п.115). Специалистам филиала открыт доступ к налоговой информационной системе (п.113).',
    en: 'Branch "{branch}" ({address}) is entered in the state registry (p.85, p.115). Its specialists now have access to the tax information system (p.113).',
  },
};

/**
 * p.86, p.113, p.115 (FIS-BRN-01, 02, 07, FIS-ACC-04): the operator enters the branch in the
 * registry and replies electronically; from now on the branch's specialists pass the access gate.
 */
export async function registerBranch(
  deps: FiscalDeps,
  actor: AccountPrincipal,
  id: string,
): Promise<Result<BranchView, Failure<'BRANCH_NOT_FOUND' | 'BRANCH_NOT_PENDING' | 'TSC_REMOVED'>>> {
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const [before] = await tx.select().from(branches).where(eq(branches.id, id)).for('update');
    if (!before) return fail('BRANCH_NOT_FOUND');
    const next = nextBranchStatus(before.status, 'register');
    if (next !== 'registered') return fail('BRANCH_NOT_PENDING');
    // Waits for a removal in progress (it locks the TSC for update and deregisters its branches).
    const [tsc] = await tx.select({ status: tscs.status }).from(tscs).where(eq(tscs.id, before.tscId)).for('share');
    if (tsc?.status !== 'included') return fail('TSC_REMOVED');
    const [after] = await tx
      .update(branches)
      .set({ status: next, decidedAt: now, decidedBy: actorOf(actor) })
      .where(eq(branches.id, id))
      .returning();
    await meetDeadlines(tx, { type: 'branch', id }, ['BRANCH_REPLY'], now);
    await appendAudit(tx, now, { actor: actorOf(actor), action: 'branch.registered', entity: 'fiscal.branch', entityId: id, before, after });
    const body = format(REPLY.body, { branch: before.name, address: before.address });
    await notify(
      tx,
      now,
      { recipient: { kind: 'org', id: before.tscId }, kind: 'branch.registered', title: REPLY.title, body, subject: { type: 'branch', id } },
      { recipient: { kind: 'unit', id }, kind: 'branch.registered', title: REPLY.title, body, subject: { type: 'branch', id } },
    );
    return ok((await loadBranchView(tx, id)) as BranchView);
  });
}
