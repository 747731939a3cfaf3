import { and, eq, inArray, sql } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit.ts';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { format } from '../../../platform/i18n.ts';
import { notify } from '../../../platform/notifications.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import { actsForTsc, HELD_BY_TSC, nextModuleStatus } from '../domain/tsc-registry.ts';
import { fiscalModules, tscs } from '../infrastructure/schema.ts';
import { actorOf, type FiscalDeps, meetDeadlines } from './deps.ts';
import { type FiscalModuleView, loadFiscalModuleView } from './list-fiscal-modules.ts';

const NOTICE = {
  title: { tg: 'Модули фискалӣ ба оператор баргардонида шуд', ru: 'Фискальный модуль возвращён оператору', en: 'Fiscal module returned to the operator' },
  body: {
    tg: 'Оператор модули фискалии № {number}-ро барои маҳфиздорӣ қабул кард (б.98, б.110).',
    ru: 'Оператор принял фискальный модуль № {number} на хранение (п.98, п.110).',
    en: 'The operator took fiscal module No {number} into safekeeping (p.98, p.110).',
  },
};

/**
 * p.98, p.110 (FIS-FMR-03, FIS-FMR-04): the module owed to the operator is handed over for
 * safekeeping. Recorded by the TSC, or by the operator on receipt (a removed TSC has no access any
 * more). When a removed TSC holds nothing more, its 5-day return is met.
 */
export async function returnFiscalModule(
  deps: FiscalDeps,
  actor: AccountPrincipal,
  number: string,
): Promise<Result<FiscalModuleView, Failure<'FISCAL_MODULE_NOT_FOUND' | 'FISCAL_MODULE_WRONG_STATE'>>> {
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const [before] = await tx.select().from(fiscalModules).where(eq(fiscalModules.number, number)).for('update');
    if (!before || (actor.role !== 'operator_admin' && actsForTsc(actor, before.tscId, 'any') !== 'ok')) return fail('FISCAL_MODULE_NOT_FOUND');
    const step = nextModuleStatus(before.status, 'return');
    if (!step.isAllowed) return fail('FISCAL_MODULE_WRONG_STATE', undefined, { status: before.status, allowedFrom: step.allowedFrom });
    const [after] = await tx
      .update(fiscalModules)
      .set({ status: step.to, returnedAt: now, updatedAt: now })
      .where(eq(fiscalModules.number, number))
      .returning();
    await meetDeadlines(tx, { type: 'fiscal_module', id: number }, ['FISCAL_MODULE_RETURN'], now);
    const [tsc] = await tx.select({ status: tscs.status }).from(tscs).where(eq(tscs.id, before.tscId));
    if (tsc?.status === 'removed') {
      const [held] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(fiscalModules)
        .where(and(eq(fiscalModules.tscId, before.tscId), inArray(fiscalModules.status, [...HELD_BY_TSC])));
      if (Number(held?.n ?? 0) === 0) await meetDeadlines(tx, { type: 'tsc', id: before.tscId }, ['FISCAL_MODULES_RETURN_AFTER_REMOVAL'], now);
    }
    await appendAudit(tx, now, { actor: actorOf(actor), action: 'fiscal_module.returned', entity: 'fiscal.fiscal_module', entityId: number, before, after });
    await notify(tx, now, {
      recipient: { kind: 'org', id: before.tscId },
      kind: 'fiscal_module.returned',
      title: NOTICE.title,
      body: format(NOTICE.body, { number }),
      subject: { type: 'fiscal_module', id: number },
    });
    return ok((await loadFiscalModuleView(tx, number)) as FiscalModuleView);
  });
}
