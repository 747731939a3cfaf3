/** Reading the retained originals of art.361 p.3 (CUS-REG-09): by declaration, and what is due to leave retention. */
import { and, asc, desc, eq, inArray, isNull, lte, or } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import type { Db } from '../../../platform/db.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { ExitErrorCode } from '../domain/exit-errors.ts';
import { declarations } from '../infrastructure/declaration.schema.ts';
import { type RetentionRow, retentionDocuments } from '../infrastructure/exit-statistics.schema.ts';
import type { CustomsDeps } from './deps.ts';
import { isCustoms } from './undertaking-queries.ts';

/** The declarant (or its broker) of the declaration sees its originals; customs sees all. */
async function mayReadRetention(db: Db, viewer: AccountPrincipal, declarationId: string): Promise<boolean> {
  if (isCustoms(viewer)) return true;
  if (!viewer.tin) return false;
  const [d] = await db
    .select({ declarantCode: declarations.declarantCode, filerTin: declarations.filerTin, brokerTin: declarations.brokerTin })
    .from(declarations)
    .where(eq(declarations.id, declarationId));
  return d !== undefined && [d.declarantCode, d.filerTin, d.brokerTin].includes(viewer.tin);
}

export async function lockRetention(tx: Db, id: string): Promise<Result<RetentionRow, Failure<ExitErrorCode>>> {
  const [row] = await tx.select().from(retentionDocuments).where(eq(retentionDocuments.id, id)).for('update');
  return row ? ok(row) : fail('RETENTION_NOT_FOUND', 'params.id');
}

export async function getRetention(deps: CustomsDeps, viewer: AccountPrincipal, id: string): Promise<Result<RetentionRow, Failure<ExitErrorCode>>> {
  const [row] = await deps.database.db.select().from(retentionDocuments).where(eq(retentionDocuments.id, id));
  if (!row || !(await mayReadRetention(deps.database.db, viewer, row.declarationId))) return fail('RETENTION_NOT_FOUND', 'params.id');
  return ok(row);
}

/** The originals, newest receipt first, of one declaration (by number) or all; a declarant's own only. */
export async function listRetention(
  deps: CustomsDeps,
  viewer: AccountPrincipal,
  q: { readonly declarationNumber?: string; readonly limit?: number; readonly offset?: number },
) {
  const tin = viewer.tin ?? '';
  const own = isCustoms(viewer)
    ? undefined
    : inArray(
        retentionDocuments.declarationId,
        deps.database.db
          .select({ id: declarations.id })
          .from(declarations)
          .where(or(eq(declarations.declarantCode, tin), eq(declarations.filerTin, tin), eq(declarations.brokerTin, tin))),
      );
  return deps.database.db
    .select()
    .from(retentionDocuments)
    .where(and(q.declarationNumber ? eq(retentionDocuments.declarationNumber, q.declarationNumber) : undefined, own))
    .orderBy(desc(retentionDocuments.receivedAt), desc(retentionDocuments.id))
    .limit(q.limit ?? 50)
    .offset(q.offset ?? 0);
}

/** CUS-REG-09: the records still retained whose five years end on or before `until`, soonest first. */
export async function dueToLeaveRetention(deps: CustomsDeps, q: { readonly until: string; readonly limit?: number; readonly offset?: number }) {
  return deps.database.db
    .select()
    .from(retentionDocuments)
    .where(and(isNull(retentionDocuments.endedAt), lte(retentionDocuments.retainUntil, q.until)))
    .orderBy(asc(retentionDocuments.retainUntil), asc(retentionDocuments.id))
    .limit(q.limit ?? 100)
    .offset(q.offset ?? 0);
}
