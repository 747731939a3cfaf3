import { and, asc, eq } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import type { Db } from '../../../platform/db.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import { tscScope } from '../domain/tsc-registry.ts';
import type { FiscalModuleStatus } from '../domain/types.ts';
import { fiscalModules } from '../infrastructure/schema.ts';
import type { FiscalDeps } from './deps.ts';
import { canSeeTsc, DEFAULT_PAGE_SIZE, type DeadlineView, deadlinesOf, type Page, scopeCondition } from './list-tscs.ts';

export type FiscalModule = typeof fiscalModules.$inferSelect;
export type FiscalModuleView = FiscalModule & { readonly deadlines: readonly DeadlineView[] };

export async function loadFiscalModuleView(db: Db, number: string): Promise<FiscalModuleView | undefined> {
  const [row] = await db.select().from(fiscalModules).where(eq(fiscalModules.number, number));
  return row ? { ...row, deadlines: await deadlinesOf(db, { type: 'fiscal_module', id: number }) } : undefined;
}

/** One module of the registry (p.53 item 12); a TSC sees only the modules it was supplied. */
export async function getFiscalModule(
  deps: FiscalDeps,
  actor: AccountPrincipal,
  number: string,
): Promise<Result<FiscalModuleView, Failure<'FISCAL_MODULE_NOT_FOUND'>>> {
  const view = await loadFiscalModuleView(deps.database.db, number);
  return view && canSeeTsc(actor, view.tscId) ? ok(view) : fail('FISCAL_MODULE_NOT_FOUND');
}

/** FIS-FMR-01, catalog ambiguity 33: the modules handed to each TSC and where they are now, by number. */
export async function listFiscalModules(
  deps: FiscalDeps,
  actor: AccountPrincipal,
  filter: { readonly tscId?: string; readonly status?: FiscalModuleStatus } & Page,
): Promise<FiscalModule[]> {
  return deps.database.db
    .select()
    .from(fiscalModules)
    .where(and(scopeCondition(tscScope(actor), fiscalModules.tscId, filter.tscId), filter.status ? eq(fiscalModules.status, filter.status) : undefined))
    .orderBy(asc(fiscalModules.number))
    .limit(filter.limit ?? DEFAULT_PAGE_SIZE)
    .offset(filter.offset ?? 0);
}
