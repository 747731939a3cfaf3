import { and, eq } from 'drizzle-orm';
import { type AuditEntry, appendAudit } from '../../../platform/audit.ts';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { format } from '../../../platform/i18n.ts';
import { notify } from '../../../platform/notifications.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import { branchRefusalGrounds, nextBranchStatus, type RefusalGroundInput } from '../domain/tsc-registry.ts';
import { branches, specialists } from '../infrastructure/schema.ts';
import { actorOf, type FiscalDeps, meetDeadlines } from './deps.ts';
import { type BranchView, loadBranchView } from './list-branches.ts';

const REPLY = {
  title: { tg: 'Бақайдгирии филиал рад карда шуд', ru: 'В регистрации филиала отказано', en: 'Branch registration refused' },
  body: {
    tg: 'Бақайдгирии филиали «{branch}» рад карда шуд. Сабабҳо: {grounds}. Пас аз ислоҳи камбудиҳо метавонед такроран муроҷиат намоед (б.116).',
    ru: 'В регистрации филиала «{branch}» отказано. Причины: {grounds}. После устранения недостатков можно обратиться повторно (п.116).',
    en: 'Registration of branch "{branch}" is refused. Reasons: {grounds}. Once the deficiencies are corrected you may apply again (p.116).',
  },
};

/** Why the specialist named with a refused branch is refused with it. */
export const BRANCH_REFUSED_REASON = 'The branch registration was refused (p.114)';

/**
 * p.114-115 (FIS-BRN-05 to 07): the operator refuses to register a branch when the documents are
 * incomplete or contain incorrect information, and replies electronically with each reason. The
 * specialist named for the branch (p.112) is refused with it; the TSC may apply again (p.116).
 */
export async function refuseBranch(
  deps: FiscalDeps,
  actor: AccountPrincipal,
  id: string,
  input: { readonly grounds: readonly RefusalGroundInput[] },
): Promise<Result<BranchView, Failure<'BRANCH_NOT_FOUND' | 'BRANCH_NOT_PENDING'>>> {
  const now = deps.clock.now();
  const grounds = branchRefusalGrounds(input.grounds);
  return deps.database.db.transaction(async (tx) => {
    const [before] = await tx.select().from(branches).where(eq(branches.id, id)).for('update');
    if (!before) return fail('BRANCH_NOT_FOUND');
    const next = nextBranchStatus(before.status, 'refuse');
    if (next !== 'refused') return fail('BRANCH_NOT_PENDING');
    const [after] = await tx
      .update(branches)
      .set({ status: next, decidedAt: now, decidedBy: actorOf(actor), refusalGrounds: grounds })
      .where(eq(branches.id, id))
      .returning();
    const pending = await tx
      .select()
      .from(specialists)
      .where(and(eq(specialists.branchId, id), eq(specialists.status, 'applied')))
      .for('update');
    const refused =
      pending.length === 0
        ? []
        : await tx
            .update(specialists)
            .set({ status: 'refused', decidedAt: now, refusalReason: BRANCH_REFUSED_REASON })
            .where(and(eq(specialists.branchId, id), eq(specialists.status, 'applied')))
            .returning();
    await meetDeadlines(tx, { type: 'branch', id }, ['BRANCH_REPLY'], now);
    const audit: AuditEntry[] = [
      { actor: actorOf(actor), action: 'branch.refused', entity: 'fiscal.branch', entityId: id, before, after },
      ...refused.map((s) => ({
        actor: actorOf(actor),
        action: 'specialist.refused',
        entity: 'fiscal.specialist',
        entityId: s.id,
        before: pending.find((p) => p.id === s.id),
        after: s,
      })),
    ];
    await appendAudit(tx, now, ...audit);
    await notify(tx, now, {
      recipient: { kind: 'org', id: before.tscId },
      kind: 'branch.refused',
      title: REPLY.title,
      body: format(REPLY.body, { branch: before.name, grounds: grounds.map((g) => `${g.ref}: ${g.detail}`).join('; ') }),
      subject: { type: 'branch', id },
    });
    return ok((await loadBranchView(tx, id)) as BranchView);
  });
}
