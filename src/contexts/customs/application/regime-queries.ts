import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { type Failure, ok, type Result } from '../../../platform/result.ts';
import type { RegimeErrorCode } from '../domain/regime-errors.ts';
import { formatMilli, receiptStatus } from '../domain/regime-ledger.ts';
import { declarations } from '../infrastructure/declaration.schema.ts';
import { type RegimeEntryRow, type RegimePlaceRow, regimeEntries, regimePlaces, regimeStocktakes } from '../infrastructure/regime.schema.ts';
import type { CustomsDeps } from './deps.ts';
import { itemQuantity, readablePlace } from './regime-store.ts';

type Refusal = Failure<RegimeErrorCode>;
const isCustoms = (p: AccountPrincipal) => p.role === 'customs_officer' || p.role === 'risk_analyst';

/** The register of places: customs sees every place, an owner its own. */
export async function listRegimePlaces(deps: CustomsDeps, viewer: AccountPrincipal, q: { readonly kind?: RegimePlaceRow['kind'] }) {
  return deps.database.db
    .select()
    .from(regimePlaces)
    .where(and(q.kind ? eq(regimePlaces.kind, q.kind) : undefined, isCustoms(viewer) ? undefined : eq(regimePlaces.ownerTin, viewer.tin ?? '')))
    .orderBy(asc(regimePlaces.number));
}

export const getRegimePlace = (deps: CustomsDeps, viewer: AccountPrincipal, id: string) => readablePlace(deps.database.db, viewer, id);

/** CUS-REG-01..03: every record of a place's ledger, oldest first (the owner and customs). */
export async function regimeLedger(deps: CustomsDeps, viewer: AccountPrincipal, id: string): Promise<Result<RegimeEntryRow[], Refusal>> {
  const place = await readablePlace(deps.database.db, viewer, id);
  if (!place.ok) return place;
  return ok(
    await deps.database.db.select().from(regimeEntries).where(eq(regimeEntries.placeId, id)).orderBy(asc(regimeEntries.postedAt), asc(regimeEntries.id)),
  );
}

export type LotBalance = {
  readonly declarationNumber: string;
  readonly itemNo: number;
  readonly commodityCode: string;
  readonly unit: string;
  readonly balance: string;
};

/** IMP-12: balances per commodity code and placing declaration (lots with nothing left are shown too, at zero). */
export async function regimeBalances(deps: CustomsDeps, viewer: AccountPrincipal, id: string): Promise<Result<LotBalance[], Refusal>> {
  const place = await readablePlace(deps.database.db, viewer, id);
  if (!place.ok) return place;
  const e = regimeEntries;
  const found = await deps.database.db
    .select({
      declarationNumber: e.lotDeclarationNumber,
      itemNo: e.itemNo,
      commodityCode: e.commodityCode,
      unit: e.unit,
      total: sql<string>`sum(${e.deltaMilli})::text`,
    })
    .from(e)
    .where(eq(e.placeId, id))
    .groupBy(e.commodityCode, e.lotDeclarationNumber, e.itemNo, e.unit)
    .orderBy(asc(e.commodityCode), asc(e.lotDeclarationNumber), asc(e.itemNo));
  return ok(found.map(({ total, ...r }) => ({ ...r, balance: formatMilli(BigInt(total)) })));
}

/** Stock-takings of a place, newest first. */
export async function regimeStocktakesOf(deps: CustomsDeps, viewer: AccountPrincipal, id: string) {
  const place = await readablePlace(deps.database.db, viewer, id);
  if (!place.ok) return place;
  return ok(await deps.database.db.select().from(regimeStocktakes).where(eq(regimeStocktakes.placeId, id)).orderBy(sql`${regimeStocktakes.recordedAt} DESC`));
}

/**
 * IMP-12 reconciliation report: for each item of each declaration that placed goods in this place,
 * what was declared, received (net of reversed receipts), issued, transferred (net) and the balance.
 */
export async function regimeReconciliation(deps: CustomsDeps, viewer: AccountPrincipal, id: string) {
  const db = deps.database.db;
  const place = await readablePlace(db, viewer, id);
  if (!place.ok) return place;
  const entries = await db.select().from(regimeEntries).where(eq(regimeEntries.placeId, id));
  const kindOf = new Map(entries.map((x) => [x.id, x.kind]));
  const numbers = [...new Set(entries.map((x) => x.lotDeclarationNumber))];
  const placed =
    numbers.length === 0
      ? []
      : await db.select({ number: declarations.number, data: declarations.data }).from(declarations).where(inArray(declarations.number, numbers));
  const lines = placed.flatMap((d) =>
    d.data.items.flatMap((item) => {
      const mine = entries.filter((x) => x.lotDeclarationNumber === d.number && x.itemNo === item.number);
      if (mine.length === 0) return [];
      // A reversal counts with the kind it reverses.
      const sum = (...kinds: string[]) =>
        mine.filter((x) => kinds.includes(x.kind === 'reversal' ? (kindOf.get(x.reversesEntryId ?? '') ?? '') : x.kind)).reduce((s, x) => s + x.deltaMilli, 0n);
      const declared = itemQuantity(item).milli;
      const received = sum('receipt');
      const issued = -sum('issue');
      const transferred = sum('transfer_in', 'transfer_out');
      return [
        {
          declarationNumber: d.number as string,
          itemNo: item.number,
          commodityCode: item.commodityCode,
          declared: formatMilli(declared),
          received: formatMilli(received),
          issued: formatMilli(issued),
          transferred: formatMilli(transferred),
          balance: formatMilli(received - issued + transferred),
          status: receiptStatus(declared, received),
        },
      ];
    }),
  );
  return ok({
    placeId: id,
    number: place.value.number,
    lines: lines.sort((a, b) => a.declarationNumber.localeCompare(b.declarationNumber) || a.itemNo - b.itemNo),
  });
}
