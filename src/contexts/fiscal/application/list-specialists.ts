import { and, asc, eq } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import type { Db } from '../../../platform/db.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import { tscScope } from '../domain/tsc-registry.ts';
import type { SpecialistStatus } from '../domain/types.ts';
import { specialists } from '../infrastructure/schema.ts';
import type { FiscalDeps } from './deps.ts';
import { type AttachmentMeta, attachmentsOf } from './list-tsc-applications.ts';
import { canSeeTsc, DEFAULT_PAGE_SIZE, type Page, scopeCondition } from './list-tscs.ts';

export type Specialist = typeof specialists.$inferSelect;
export type SpecialistView = Specialist & { readonly attachments: readonly AttachmentMeta[] };

export async function loadSpecialistView(db: Db, id: string): Promise<SpecialistView | undefined> {
  const [row] = await db.select().from(specialists).where(eq(specialists.id, id));
  return row ? { ...row, attachments: await attachmentsOf(db, 'specialist', id) } : undefined;
}

/** One specialist record; a TSC's specialist sees only those of its own TSC. */
export async function getSpecialist(deps: FiscalDeps, actor: AccountPrincipal, id: string): Promise<Result<SpecialistView, Failure<'SPECIALIST_NOT_FOUND'>>> {
  const view = await loadSpecialistView(deps.database.db, id);
  return view && canSeeTsc(actor, view.tscId) ? ok(view) : fail('SPECIALIST_NOT_FOUND');
}

/** The registry of qualified specialists (p.57) and pending applications, oldest application first. */
export async function listSpecialists(
  deps: FiscalDeps,
  actor: AccountPrincipal,
  filter: { readonly tscId?: string; readonly branchId?: string; readonly status?: SpecialistStatus } & Page,
): Promise<Specialist[]> {
  return deps.database.db
    .select()
    .from(specialists)
    .where(
      and(
        scopeCondition(tscScope(actor), specialists.tscId, filter.tscId),
        filter.branchId ? eq(specialists.branchId, filter.branchId) : undefined,
        filter.status ? eq(specialists.status, filter.status) : undefined,
      ),
    )
    .orderBy(asc(specialists.appliedAt), asc(specialists.id))
    .limit(filter.limit ?? DEFAULT_PAGE_SIZE)
    .offset(filter.offset ?? 0);
}
