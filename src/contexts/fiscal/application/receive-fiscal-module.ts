import { eq } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit.ts';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { dushanbeDate } from '../../../platform/calendar/index.ts';
import { format } from '../../../platform/i18n.ts';
import { notify } from '../../../platform/notifications.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import { actsForTsc, type MODULE_RETURN_REASONS, nextModuleStatus } from '../domain/tsc-registry.ts';
import { fiscalModules } from '../infrastructure/schema.ts';
import { actorOf, dueAt, type FiscalDeps, openDeadline } from './deps.ts';
import { type FiscalModuleView, loadFiscalModuleView } from './list-fiscal-modules.ts';

export type ReceiveFiscalModuleInput = {
  readonly reason: (typeof MODULE_RETURN_REASONS)[number];
  /** When the TSC took the module back; the month of p.98 runs from here (catalog ambiguity 30). Default: now. */
  readonly receivedAt?: string | Date;
  readonly note?: string;
};

const NOTICE = {
  title: {
    tg: 'Модули фискалӣ бояд ба оператор баргардонида шавад',
    ru: 'Фискальный модуль подлежит возврату оператору',
    en: 'Fiscal module to be returned to the operator',
  },
  body: {
    tg: 'Модули фискалии № {number} ({reason}) аз субъекти хоҷагидорӣ қабул шуд. Онро то {due} барои маҳфиздорӣ ба оператор баргардонед (б.98).',
    ru: 'Фискальный модуль № {number} ({reason}) принят от субъекта. Верните его оператору на хранение до {due} (п.98).',
    en: 'Fiscal module No {number} ({reason}) was taken back from the business. Return it to the operator for safekeeping by {due} (p.98).',
  },
};

/**
 * p.98 (FIS-FMR-03): the TSC takes back a module that has expired, is faulty, has a full memory or
 * comes from a liquidated business, and owes it to the operator within one month of receiving it.
 * A module taken out of a register no longer serves it (p.65, p.68: one module, one register).
 */
export async function receiveFiscalModule(
  deps: FiscalDeps,
  actor: AccountPrincipal,
  number: string,
  input: ReceiveFiscalModuleInput,
): Promise<Result<FiscalModuleView, Failure<'FISCAL_MODULE_NOT_FOUND' | 'FISCAL_MODULE_WRONG_STATE' | 'DATE_IN_FUTURE'>>> {
  const now = deps.clock.now();
  const receivedAt = input.receivedAt ? new Date(input.receivedAt) : now;
  if (receivedAt > now) return fail('DATE_IN_FUTURE', 'body.receivedAt');
  const returnDueAt = dueAt(deps.calendar(), 'FISCAL_MODULE_RETURN', receivedAt);
  return deps.database.db.transaction(async (tx) => {
    const [before] = await tx.select().from(fiscalModules).where(eq(fiscalModules.number, number)).for('update');
    if (!before || actsForTsc(actor, before.tscId, 'any') !== 'ok') return fail('FISCAL_MODULE_NOT_FOUND');
    const step = nextModuleStatus(before.status, 'receive_back');
    if (!step.isAllowed) return fail('FISCAL_MODULE_WRONG_STATE', undefined, { status: before.status, allowedFrom: step.allowedFrom });
    const [after] = await tx
      .update(fiscalModules)
      .set({ status: step.to, returnReason: input.reason, returnDueAt, registerId: null, updatedAt: now })
      .where(eq(fiscalModules.number, number))
      .returning();
    await openDeadline(tx, {
      kind: 'FISCAL_MODULE_RETURN',
      subject: { type: 'fiscal_module', id: number },
      responsible: { kind: 'org', id: before.tscId },
      startsAt: receivedAt,
      dueAt: returnDueAt,
    });
    await appendAudit(tx, now, {
      actor: actorOf(actor),
      action: 'fiscal_module.received_back',
      entity: 'fiscal.fiscal_module',
      entityId: number,
      before,
      after: { ...after, receivedAt: receivedAt.toISOString(), note: input.note ?? null },
    });
    await notify(tx, now, {
      recipient: { kind: 'org', id: before.tscId },
      kind: 'fiscal_module.return_due',
      title: NOTICE.title,
      body: format(NOTICE.body, { number, reason: input.reason, due: dushanbeDate(returnDueAt) }),
      subject: { type: 'fiscal_module', id: number },
    });
    return ok((await loadFiscalModuleView(tx, number)) as FiscalModuleView);
  });
}
