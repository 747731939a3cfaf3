import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import type { Db } from '../../../platform/db.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import { tscScope } from '../domain/tsc-registry.ts';
import type { BranchStatus } from '../domain/types.ts';
import { branches, specialists } from '../infrastructure/schema.ts';
import type { FiscalDeps } from './deps.ts';
import { type AttachmentMeta, attachmentsOf } from './list-tsc-applications.ts';
import { canSeeTsc, DEFAULT_PAGE_SIZE, type DeadlineView, deadlinesOf, type Page, scopeCondition } from './list-tscs.ts';

export type Branch = typeof branches.$inferSelect;

/** The qualified specialists named for a branch (p.112), as the branch record shows them. */
export type BranchSpecialist = Pick<typeof specialists.$inferSelect, 'id' | 'fullName' | 'certificateNumber' | 'certificateIssuer' | 'status'>;

export type BranchView = Branch & {
  readonly specialists: readonly BranchSpecialist[];
  readonly attachments: readonly AttachmentMeta[];
  readonly deadlines: readonly DeadlineView[];
};

export async function loadBranchView(db: Db, id: string): Promise<BranchView | undefined> {
  const [row] = await db.select().from(branches).where(eq(branches.id, id));
  if (!row) return undefined;
  const named = await db
    .select({
      id: specialists.id,
      fullName: specialists.fullName,
      certificateNumber: specialists.certificateNumber,
      certificateIssuer: specialists.certificateIssuer,
      status: specialists.status,
    })
    .from(specialists)
    .where(eq(specialists.branchId, id))
    .orderBy(asc(specialists.appliedAt), asc(specialists.id));
  return { ...row, specialists: named, attachments: await attachmentsOf(db, 'branch', id), deadlines: await deadlinesOf(db, { type: 'branch', id }) };
}

/** One branch; a TSC's specialist sees only its own TSC's branches (another's is "not found"). */
export async function getBranch(deps: FiscalDeps, actor: AccountPrincipal, id: string): Promise<Result<BranchView, Failure<'BRANCH_NOT_FOUND'>>> {
  const view = await loadBranchView(deps.database.db, id);
  return view && canSeeTsc(actor, view.tscId) ? ok(view) : fail('BRANCH_NOT_FOUND');
}

/** Branches in the registry and branch requests, by region and name (FIS-TSC-03, FIS-BRN-01). */
export async function listBranches(
  deps: FiscalDeps,
  actor: AccountPrincipal,
  filter: { readonly tscId?: string; readonly status?: BranchStatus } & Page,
): Promise<Branch[]> {
  const conditions: (SQL | undefined)[] = [
    scopeCondition(tscScope(actor), branches.tscId, filter.tscId),
    filter.status ? eq(branches.status, filter.status) : undefined,
  ];
  return deps.database.db
    .select()
    .from(branches)
    .where(and(...conditions))
    .orderBy(asc(branches.region), asc(branches.name), asc(branches.id))
    .limit(filter.limit ?? DEFAULT_PAGE_SIZE)
    .offset(filter.offset ?? 0);
}
