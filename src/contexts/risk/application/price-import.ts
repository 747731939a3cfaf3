/**
 * A risk analyst imports a file of reference prices (issue #6: reference tables importable from CSV)
 * for the `below_reference` indicator (CUS-RMS-14: deviation). In one transaction with the import, the
 * engine's inputs change, so every node compiles the new prices before its next decision. Audited.
 */
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { dushanbeDate } from '../../../platform/calendar/index.ts';
import { transact } from '../../../platform/db.ts';
import { ok } from '../../../platform/result.ts';
import { actorOf, type RiskDeps } from './deps.ts';
import { engineInputsChanged } from './engine-cache.ts';
import { importPriceReferences } from './price-references.ts';

export async function importPrices(deps: RiskDeps, actor: AccountPrincipal, input: { readonly table: string; readonly csv: string }) {
  return transact(deps.database.db, async (tx) => {
    const now = deps.clock.now();
    const imported = await importPriceReferences(tx, input.csv, input.table, { today: dushanbeDate(now) });
    if (!imported.ok)
      return { ...imported, error: { ...imported.error, field: `body.${imported.error.field ?? 'csv'}`.replace('body.tableName', 'body.table') } };
    if (imported.value.imported > 0 || imported.value.closed > 0) await engineInputsChanged(tx);
    await appendAudit(tx, now, {
      actor: actorOf(actor),
      action: 'risk.price_references_imported',
      entity: 'risk.price_references',
      entityId: input.table,
      after: imported.value,
    });
    return ok({ table: input.table, ...imported.value });
  });
}
