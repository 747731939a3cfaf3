import { eq, inArray } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit.ts';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { sqlState, UNIQUE_VIOLATION } from '../../../platform/db.ts';
import { format } from '../../../platform/i18n.ts';
import { notify } from '../../../platform/notifications.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import { fiscalModules, tscs } from '../infrastructure/schema.ts';
import { actorOf, type FiscalDeps } from './deps.ts';
import type { FiscalModule } from './list-fiscal-modules.ts';

export type SuppliedModule = { readonly number: string; readonly manufacturerNumber: string };

const NOTICE = {
  title: { tg: 'Модулҳои фискалӣ супорида шуданд', ru: 'Переданы фискальные модули', en: 'Fiscal modules supplied' },
  body: {
    tg: 'Оператор ба «{tsc}» {count} модули фискалӣ супорид ({first} … {last}). Онҳоро пеш аз насб ба қайд гиред (б.56).',
    ru: 'Оператор передал «{tsc}» {count} фискальных модулей ({first} … {last}). Зарегистрируйте их перед установкой (п.56).',
    en: 'The operator supplied {count} fiscal modules to "{tsc}" ({first} … {last}). Register them before installation (p.56).',
  },
};

/**
 * p.53 item 12 (FIS-FMR-01): the operator supplies a TSC with fiscal modules and records each one
 * handed over, by its unique number and manufacturer number. A whole batch goes in or none does.
 */
export async function supplyFiscalModules(
  deps: FiscalDeps,
  actor: AccountPrincipal,
  tscId: string,
  input: { readonly modules: readonly SuppliedModule[] },
): Promise<Result<FiscalModule[], Failure<'TSC_NOT_FOUND' | 'TSC_REMOVED' | 'FISCAL_MODULE_ALREADY_EXISTS'>>> {
  const numbers = input.modules.map((m) => m.number);
  const repeated = numbers.findIndex((n, i) => numbers.indexOf(n) !== i);
  if (repeated >= 0) return fail('FISCAL_MODULE_ALREADY_EXISTS', `body.modules[${repeated}].number`, { numbers: [numbers[repeated]] });
  const now = deps.clock.now();
  try {
    return await deps.database.db.transaction(async (tx) => {
      // Shares the row lock that removal takes for update: no module is supplied to a TSC being removed.
      const [tsc] = await tx.select().from(tscs).where(eq(tscs.id, tscId)).for('share');
      if (!tsc) return fail('TSC_NOT_FOUND');
      if (tsc.status === 'removed') return fail('TSC_REMOVED');
      const known = await tx.select({ number: fiscalModules.number }).from(fiscalModules).where(inArray(fiscalModules.number, numbers));
      if (known.length > 0) {
        const first = numbers.indexOf(known[0]?.number ?? '');
        return fail('FISCAL_MODULE_ALREADY_EXISTS', `body.modules[${first}].number`, { numbers: known.map((k) => k.number).sort() });
      }
      const rows: FiscalModule[] = input.modules.map((m) => ({
        number: m.number,
        manufacturerNumber: m.manufacturerNumber,
        status: 'supplied',
        tscId,
        registerId: null,
        suppliedAt: now,
        registeredAt: null,
        publicKey: null,
        initialisedAt: null,
        sealedKeys: null,
        returnReason: null,
        returnDueAt: null,
        returnedAt: null,
        updatedAt: now,
      }));
      await tx.insert(fiscalModules).values(rows);
      await appendAudit(
        tx,
        now,
        ...rows.map((r) => ({ actor: actorOf(actor), action: 'fiscal_module.supplied', entity: 'fiscal.fiscal_module', entityId: r.number, after: r })),
      );
      await notify(tx, now, {
        recipient: { kind: 'org', id: tscId },
        kind: 'fiscal_module.supplied',
        title: NOTICE.title,
        body: format(NOTICE.body, { tsc: tsc.name, count: rows.length, first: numbers[0] ?? '', last: numbers[numbers.length - 1] ?? '' }),
        subject: { type: 'tsc', id: tscId },
      });
      return ok(rows);
    });
  } catch (error) {
    // A concurrent supply took one of the numbers first.
    if (sqlState(error) === UNIQUE_VIOLATION) return fail('FISCAL_MODULE_ALREADY_EXISTS', 'body.modules');
    throw error;
  }
}
