import { and, asc, desc, eq, gte, inArray, lte, or, type SQL } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { ArrivalErrorCode } from '../domain/arrival-errors.ts';
import type { PiState } from '../domain/preliminary.ts';
import { outages, preliminaryInformation, preliminaryUses } from '../infrastructure/preliminary.schema.ts';
import type { CustomsDeps } from './deps.ts';
import { type PreliminaryView, preliminaryByNumber, preliminaryView } from './preliminary-store.ts';

/** Customs officers and risk analysts see every record (CUS-PI-02); a trader sees what it submitted or declares. */
const seesAll = (p: AccountPrincipal) => p.role === 'customs_officer' || p.role === 'risk_analyst';

/** One record with its uses. */
export async function getPreliminary(deps: CustomsDeps, viewer: AccountPrincipal, number: string): Promise<Result<PreliminaryView, Failure<ArrivalErrorCode>>> {
  const db = deps.database.db;
  const row = await preliminaryByNumber(db, number);
  if (!row || !(seesAll(viewer) || (viewer.tin !== null && (row.submitterTin === viewer.tin || row.declarantTin === viewer.tin))))
    return fail('PI_NOT_FOUND', 'params.number');
  const uses = await db.select().from(preliminaryUses).where(eq(preliminaryUses.preliminaryId, row.id)).orderBy(asc(preliminaryUses.usedAt));
  return ok(preliminaryView(row, uses));
}

export type PreliminaryListQuery = {
  readonly status?: PiState;
  readonly officeCode?: string;
  readonly arrivingFrom?: string;
  readonly arrivingTo?: string;
  readonly limit?: number;
  readonly offset?: number;
};

/** CUS-PI-02: the page risk management reads before arrival, by office and expected time of arrival. */
export async function listPreliminary(deps: CustomsDeps, viewer: AccountPrincipal, q: PreliminaryListQuery): Promise<PreliminaryView[]> {
  const where: (SQL | undefined)[] = [
    q.status ? eq(preliminaryInformation.status, q.status) : undefined,
    q.officeCode ? eq(preliminaryInformation.arrivalOffice, q.officeCode) : undefined,
    q.arrivingFrom ? gte(preliminaryInformation.expectedArrivalAt, new Date(q.arrivingFrom)) : undefined,
    q.arrivingTo ? lte(preliminaryInformation.expectedArrivalAt, new Date(q.arrivingTo)) : undefined,
  ];
  if (!seesAll(viewer)) {
    const tin = viewer.tin ?? '';
    where.push(or(eq(preliminaryInformation.submitterTin, tin), eq(preliminaryInformation.declarantTin, tin)));
  }
  const found = await deps.database.db
    .select()
    .from(preliminaryInformation)
    .where(and(...where))
    .orderBy(asc(preliminaryInformation.expectedArrivalAt), asc(preliminaryInformation.number))
    .limit(q.limit ?? 100)
    .offset(q.offset ?? 0);
  if (found.length === 0) return [];
  const uses = await deps.database.db
    .select()
    .from(preliminaryUses)
    .where(
      inArray(
        preliminaryUses.preliminaryId,
        found.map((r) => r.id),
      ),
    );
  return found.map((r) =>
    preliminaryView(
      r,
      uses.filter((u) => u.preliminaryId === r.id),
    ),
  );
}

/** The outage register, newest first. */
export async function listOutages(deps: CustomsDeps, q: { readonly limit?: number; readonly offset?: number }) {
  return deps.database.db
    .select()
    .from(outages)
    .orderBy(desc(outages.startedAt))
    .limit(q.limit ?? 100)
    .offset(q.offset ?? 0);
}
