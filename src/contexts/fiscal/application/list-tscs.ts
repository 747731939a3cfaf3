import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import type { Db } from '../../../platform/db.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import { type TscScope, tscScope } from '../domain/tsc-registry.ts';
import { branches, deadlines, tscs } from '../infrastructure/schema.ts';
import type { FiscalDeps } from './deps.ts';

export type Tsc = typeof tscs.$inferSelect;

/** A legal time limit stored on a record (DESIGN.md "Legal deadlines are data"). */
export type DeadlineView = Pick<
  typeof deadlines.$inferSelect,
  'kind' | 'legalRef' | 'responsibleKind' | 'responsibleId' | 'startsAt' | 'dueAt' | 'metAt' | 'overdueAt'
>;

export type TscView = Tsc & { readonly deadlines: readonly DeadlineView[] };

/** A page of a list: at most `limit` rows after `offset`. */
export type Page = { readonly limit?: number; readonly offset?: number };
export const DEFAULT_PAGE_SIZE = 100;

/** The deadlines stored on one record, oldest first. */
export async function deadlinesOf(db: Db, subject: { readonly type: string; readonly id: string }): Promise<DeadlineView[]> {
  return db
    .select({
      kind: deadlines.kind,
      legalRef: deadlines.legalRef,
      responsibleKind: deadlines.responsibleKind,
      responsibleId: deadlines.responsibleId,
      startsAt: deadlines.startsAt,
      dueAt: deadlines.dueAt,
      metAt: deadlines.metAt,
      overdueAt: deadlines.overdueAt,
    })
    .from(deadlines)
    .where(and(eq(deadlines.subjectType, subject.type), eq(deadlines.subjectId, subject.id)))
    .orderBy(asc(deadlines.startsAt), asc(deadlines.id));
}

/**
 * The SQL condition that keeps a caller to the TSCs it may see (FIS-ACC: each sees only its own
 * data); `wanted` narrows an all-seeing caller to one TSC.
 */
export function scopeCondition(scope: TscScope, column: PgColumn, wanted?: string): SQL | undefined {
  switch (scope.kind) {
    case 'all':
      return wanted ? eq(column, wanted) : undefined;
    case 'tsc':
      return wanted && wanted !== scope.tscId ? sql`false` : eq(column, scope.tscId);
    case 'none':
      return sql`false`;
  }
}

/** Whether the caller may see records of `tscId`. */
export function canSeeTsc(actor: AccountPrincipal, tscId: string): boolean {
  const scope = tscScope(actor);
  return scope.kind === 'all' || (scope.kind === 'tsc' && scope.tscId === tscId);
}

export async function loadTscView(db: Db, id: string): Promise<TscView | undefined> {
  const [row] = await db.select().from(tscs).where(eq(tscs.id, id));
  return row ? { ...row, deadlines: await deadlinesOf(db, { type: 'tsc', id }) } : undefined;
}

/** One registry entry; a TSC's specialist sees only its own TSC (another's is "not found"). */
export async function getTsc(deps: FiscalDeps, actor: AccountPrincipal, id: string): Promise<Result<TscView, Failure<'TSC_NOT_FOUND'>>> {
  if (!canSeeTsc(actor, id)) return fail('TSC_NOT_FOUND');
  const view = await loadTscView(deps.database.db, id);
  return view ? ok(view) : fail('TSC_NOT_FOUND');
}

/** The registry of TSCs as staff see it (FIS-TSC-03), newest first, with removed ones when asked. */
export async function listTscs(
  deps: FiscalDeps,
  actor: AccountPrincipal,
  filter: { readonly status?: Tsc['status']; readonly q?: string } & Page,
): Promise<Tsc[]> {
  const pattern = filter.q ? `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  return deps.database.db
    .select()
    .from(tscs)
    .where(
      and(
        scopeCondition(tscScope(actor), tscs.id),
        filter.status ? eq(tscs.status, filter.status) : undefined,
        pattern ? sql`(${tscs.name} ILIKE ${pattern} OR ${tscs.tin} LIKE ${pattern})` : undefined,
      ),
    )
    .orderBy(asc(tscs.name), asc(tscs.id))
    .limit(filter.limit ?? DEFAULT_PAGE_SIZE)
    .offset(filter.offset ?? 0);
}

export type PublishedBranch = Pick<typeof branches.$inferSelect, 'id' | 'name' | 'region' | 'address' | 'phone'>;
export type PublishedTsc = Pick<Tsc, 'id' | 'tin' | 'name' | 'address' | 'phone' | 'website' | 'callCentrePhone' | 'includedAt' | 'decisionNumber'> & {
  readonly branches: readonly PublishedBranch[];
};

/**
 * p.84 (FIS-TSC-02): the state registry of TSCs as published on the Tax Committee's website, with
 * each registered branch (p.85) and the contact data a business needs (p.94: call centre).
 */
export async function listPublishedTscs(deps: FiscalDeps): Promise<PublishedTsc[]> {
  const db = deps.database.db;
  const included = await db
    .select({
      id: tscs.id,
      tin: tscs.tin,
      name: tscs.name,
      address: tscs.address,
      phone: tscs.phone,
      website: tscs.website,
      callCentrePhone: tscs.callCentrePhone,
      includedAt: tscs.includedAt,
      decisionNumber: tscs.decisionNumber,
    })
    .from(tscs)
    .where(eq(tscs.status, 'included'))
    .orderBy(asc(tscs.name), asc(tscs.id));
  if (included.length === 0) return [];
  const registered = await db
    .select({ id: branches.id, tscId: branches.tscId, name: branches.name, region: branches.region, address: branches.address, phone: branches.phone })
    .from(branches)
    .where(
      and(
        eq(branches.status, 'registered'),
        inArray(
          branches.tscId,
          included.map((t) => t.id),
        ),
      ),
    )
    .orderBy(asc(branches.region), asc(branches.name));
  return included.map((t) => ({
    ...t,
    branches: registered.filter((b) => b.tscId === t.id).map(({ tscId: _, ...b }) => b),
  }));
}
