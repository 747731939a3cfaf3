import { eq } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit.ts';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { format } from '../../../platform/i18n.ts';
import { notify } from '../../../platform/notifications.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import { actsForTsc, nextModuleStatus } from '../domain/tsc-registry.ts';
import { fiscalModules } from '../infrastructure/schema.ts';
import { actorOf, type FiscalDeps } from './deps.ts';
import { type FiscalModuleView, loadFiscalModuleView } from './list-fiscal-modules.ts';

const NOTICE = {
  title: { tg: 'Модули фискалӣ ба қайд гирифта шуд', ru: 'Фискальный модуль зарегистрирован', en: 'Fiscal module registered' },
  body: {
    tg: 'Модули фискалии № {number} бо дархости МХТ ба қайд гирифта шуд ва барои насб омода аст (б.56).',
    ru: 'Фискальный модуль № {number} зарегистрирован по запросу ЦТО и готов к установке (п.56).',
    en: 'Fiscal module No {number} is registered at the TSC’s request and ready to be installed (p.56).',
  },
};

/**
 * p.56 (FIS-FMR-02): fiscal modules are registered at the request of the TSC that holds them; a
 * registered module is ready to be installed in one register (p.65, p.68). Any specialist of the
 * TSC, at the head office or a branch, may ask.
 */
export async function registerFiscalModule(
  deps: FiscalDeps,
  actor: AccountPrincipal,
  number: string,
): Promise<Result<FiscalModuleView, Failure<'FISCAL_MODULE_NOT_FOUND' | 'FISCAL_MODULE_WRONG_STATE'>>> {
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const [before] = await tx.select().from(fiscalModules).where(eq(fiscalModules.number, number)).for('update');
    if (!before || actsForTsc(actor, before.tscId, 'any') !== 'ok') return fail('FISCAL_MODULE_NOT_FOUND');
    const step = nextModuleStatus(before.status, 'register');
    if (!step.isAllowed) return fail('FISCAL_MODULE_WRONG_STATE', undefined, { status: before.status, allowedFrom: step.allowedFrom });
    const [after] = await tx
      .update(fiscalModules)
      .set({ status: step.to, registeredAt: now, updatedAt: now })
      .where(eq(fiscalModules.number, number))
      .returning();
    await appendAudit(tx, now, { actor: actorOf(actor), action: 'fiscal_module.registered', entity: 'fiscal.fiscal_module', entityId: number, before, after });
    await notify(tx, now, {
      recipient: { kind: 'org', id: before.tscId },
      kind: 'fiscal_module.registered',
      title: NOTICE.title,
      body: format(NOTICE.body, { number }),
      subject: { type: 'fiscal_module', id: number },
    });
    return ok((await loadFiscalModuleView(tx, number)) as FiscalModuleView);
  });
}
