import { and, desc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { type Db, rows } from '../../../platform/db.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import { covers, type SimplifiedFacts, type SimplifiedScope, type SimplifiedState } from '../domain/simplified.ts';
import type { SimplifiedErrorCode } from '../domain/simplified-errors.ts';
import { documentRequirements } from '../infrastructure/declaration.schema.ts';
import { type SimplifiedRequestRow, simplifiedRequests } from '../infrastructure/simplified.schema.ts';
import type { CustomsDeps } from './deps.ts';
import { isStaff } from './declaration-store.ts';

export type SimplifiedRefusal = Failure<SimplifiedErrorCode>;

/** SE-<year>-<6 digits>: the request's number, unique for good. */
export async function nextSimplifiedNumber(tx: Db, year: string): Promise<string> {
  const [row] = await rows<{ n: string }>(tx, sql`SELECT nextval('customs.simplified_request_seq')::text AS n`);
  return `SE-${year}-${String(row?.n ?? '0').padStart(6, '0')}`;
}

/** One request; another declarant's reads as not found. */
export async function getSimplifiedRequest(
  deps: CustomsDeps,
  viewer: AccountPrincipal,
  number: string,
): Promise<Result<SimplifiedRequestRow, SimplifiedRefusal>> {
  const [row] = await deps.database.db.select().from(simplifiedRequests).where(eq(simplifiedRequests.number, number));
  if (!row || !(isStaff(viewer) || (viewer.tin !== null && viewer.tin === row.declarantCode))) return fail('SIMPLIFIED_REQUEST_NOT_FOUND', 'params.number');
  return ok(row);
}

/** A declarant's own requests; for customs the queue by state and office. Newest first. */
export async function listSimplifiedRequests(
  deps: CustomsDeps,
  viewer: AccountPrincipal,
  q: { readonly state?: SimplifiedState; readonly officeCode?: string },
): Promise<SimplifiedRequestRow[]> {
  return deps.database.db
    .select()
    .from(simplifiedRequests)
    .where(
      and(
        isStaff(viewer) ? undefined : eq(simplifiedRequests.declarantCode, viewer.tin ?? '-'),
        q.state ? eq(simplifiedRequests.state, q.state) : undefined,
        q.officeCode ? eq(simplifiedRequests.officeCode, q.officeCode) : undefined,
      ),
    )
    .orderBy(desc(simplifiedRequests.requestedAt))
    .limit(500);
}

/** A granted request of the declarant that covers this use of a simplified procedure (in the caller's transaction). */
export async function grantCovering(tx: Db, declarantCode: string, use: SimplifiedScope): Promise<SimplifiedRequestRow | undefined> {
  const granted = await tx
    .select()
    .from(simplifiedRequests)
    .where(
      and(
        eq(simplifiedRequests.declarantCode, declarantCode),
        eq(simplifiedRequests.state, 'GRANTED'),
        eq(simplifiedRequests.procedure, use.procedure),
        eq(simplifiedRequests.officeCode, use.officeCode),
        lte(simplifiedRequests.validFrom, use.validFrom),
        gte(simplifiedRequests.validTo, use.validTo),
      ),
    );
  return granted.find((g) => covers(g, use));
}

/**
 * Art.137 p.2 facts about the declarant and the goods on a day: customs payments of its released
 * goods (also released conditionally, art.151) that the finance authority has not confirmed paid,
 * and which of the codes need a permit for export (the art.63 p.4 list: prohibitions and restrictions).
 */
export async function simplifiedFacts(tx: Db, declarantCode: string, codes: readonly string[], day: string): Promise<SimplifiedFacts> {
  const arrears = await rows<{ reference: string; outstanding: string }>(
    tx,
    sql`SELECT d.number AS reference,
               (d.payable_dirams - COALESCE((SELECT sum(c.amount_dirams) FROM customs.payment_confirmations c
                                              WHERE c.reference = d.number AND c.status = 'matched'), 0))::text AS outstanding
          FROM customs.declarations d
         WHERE d.declarant_code = ${declarantCode} AND d.state IN ('RELEASED', 'CONDITIONALLY_RELEASED') AND d.payable_dirams > 0
         ORDER BY d.number`,
  );
  const permits = await tx
    .select({ prefix: documentRequirements.commodityPrefix })
    .from(documentRequirements)
    .where(
      and(
        eq(documentRequirements.basis, 'permit'),
        or(isNull(documentRequirements.direction), inArray(documentRequirements.direction, ['export'])),
        lte(documentRequirements.validFrom, day),
        or(isNull(documentRequirements.validTo), gte(documentRequirements.validTo, day)),
      ),
    );
  return {
    arrears: arrears.filter((a) => BigInt(a.outstanding) > 0n).map((a) => ({ reference: a.reference, outstandingDirams: a.outstanding })),
    restrictedCodes: codes.filter((c) => permits.some((p) => p.prefix === null || c.startsWith(p.prefix))),
  };
}
