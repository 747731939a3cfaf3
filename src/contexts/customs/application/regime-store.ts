/** Reads and writes shared by the stock-ledger use cases (docs/customs-regimes.md). */
import { and, eq, sql } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { canonicalJson } from '../../../platform/canonical-json.ts';
import { type Db, rows, transact } from '../../../platform/db.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { DeclarationItem } from '../domain/declaration.ts';
import type { RegimeErrorCode } from '../domain/regime-errors.ts';
import { type LotKey, PLACING_REGIME, type PlaceKind } from '../domain/regime-ledger.ts';
import { toMilli } from '../domain/preliminary.ts';
import { declarations } from '../infrastructure/declaration.schema.ts';
import { type RegimeEntryRow, type RegimePlaceRow, regimeEntries, regimePlaces } from '../infrastructure/regime.schema.ts';
import { actorOf, type CustomsDeps } from './deps.ts';
import { sha256Hex } from '../../../platform/bytes.ts';

type Refusal = Failure<RegimeErrorCode>;

const isCustoms = (p: AccountPrincipal) => p.role === 'customs_officer' || p.role === 'risk_analyst';

/** What a posting answers: its ledger records, and whether the same request was answered before. */
export type Posted = { readonly entries: RegimeEntryRow[]; readonly isRepeat: boolean };

/**
 * The opening every posting on one's own place shares (receipt, issue, reversal): the place is
 * locked for its owner, a repeated request under the same key answers its first records, and only
 * then does `post` run, in the same transaction: it answers the records to append,
 * which go on the ledger by the channel asked and under the key.
 */
export async function postOnOwnPlace(
  deps: CustomsDeps,
  owner: AccountPrincipal,
  placeId: string,
  op: 'receipt' | 'issue' | 'reversal',
  input: { readonly channel?: NewEntry['channel']; readonly idempotencyKey?: string },
  post: (tx: Db, place: RegimePlaceRow) => Promise<Result<readonly Omit<NewEntry, 'channel'>[], Refusal>>,
): Promise<Result<Posted, Refusal>> {
  const now = deps.clock.now();
  const { channel, idempotencyKey, ...request } = input;
  const idem = idempotencyOf(idempotencyKey, { op, placeId, ...request });
  return transact(deps.database.db, async (tx) => {
    const place = await ownPlace(tx, owner, placeId);
    if (!place.ok) return place;
    const seen = await repeated(tx, place.value.ownerTin, idem);
    if (!seen.ok) return seen;
    if (seen.value) return ok({ entries: seen.value, isRepeat: true });
    const made = await post(tx, place.value);
    if (!made.ok) return made;
    const entries = await appendEntries(
      tx,
      owner,
      now,
      made.value.map((e) => ({ ...e, channel: channel ?? 'portal' })),
      idem,
    );
    return ok({ entries, isRepeat: false });
  });
}

/** The place, locked for the posting (postings of one place are serialised, so two issues never overdraw a lot), and only for its owner. */
export async function ownPlace(tx: Db, owner: AccountPrincipal, placeId: string, field = 'params.id'): Promise<Result<RegimePlaceRow, Refusal>> {
  const [place] = await tx.select().from(regimePlaces).where(eq(regimePlaces.id, placeId)).for('update');
  if (!place) return fail('REGIME_PLACE_NOT_FOUND', field);
  if (place.ownerTin !== owner.tin) return fail('REGIME_PLACE_NOT_YOURS', field);
  return ok(place);
}

/** CUS-REG-01..03: customs reads every ledger; an owner its own places only. */
export async function readablePlace(db: Db, viewer: AccountPrincipal, placeId: string): Promise<Result<RegimePlaceRow, Refusal>> {
  const [place] = await db.select().from(regimePlaces).where(eq(regimePlaces.id, placeId));
  if (!place) return fail('REGIME_PLACE_NOT_FOUND', 'params.id');
  if (!isCustoms(viewer) && place.ownerTin !== viewer.tin) return fail('REGIME_PLACE_NOT_YOURS', 'params.id');
  return ok(place);
}

/** The quantity of an item in the ledger's unit: the supplementary quantity when declared, else the net mass in kg. */
export const itemQuantity = (item: DeclarationItem) =>
  item.supplementaryQuantity ? { unit: 'supplementary', milli: toMilli(item.supplementaryQuantity) } : { unit: 'kg', milli: toMilli(item.netMassKg) };

export type ReleasedDeclaration = { readonly number: string; readonly regime: string; readonly items: readonly DeclarationItem[] };

/** A registered goods declaration whose goods were released (art.149; a conditional release is a release). */
export async function releasedDeclaration(tx: Db, number: string, field: string): Promise<Result<ReleasedDeclaration, Refusal>> {
  const [d] = await tx
    .select({ number: declarations.number, state: declarations.state, regime: declarations.regime, data: declarations.data })
    .from(declarations)
    .where(eq(declarations.number, number))
    .limit(1);
  if (!d) return fail('REGIME_DECLARATION_NOT_FOUND', field);
  if (d.state !== 'RELEASED' && d.state !== 'CONDITIONALLY_RELEASED') return fail('REGIME_DECLARATION_NOT_RELEASED', field, { state: d.state });
  return ok({ number, regime: d.regime, items: d.data.items ?? [] });
}

/** The declaration that placed the goods under the regime this place keeps (CUS-REG-01..03 receipts). */
export async function placingDeclaration(tx: Db, kind: PlaceKind, number: string, field: string): Promise<Result<ReleasedDeclaration, Refusal>> {
  const found = await releasedDeclaration(tx, number, field);
  if (!found.ok) return found;
  if (found.value.regime !== PLACING_REGIME[kind])
    return fail('REGIME_DECLARATION_REGIME_MISMATCH', field, { regime: found.value.regime, expected: PLACING_REGIME[kind] });
  return found;
}

/** Receipts of a lot in every place of the owner, net of their reversals (goods transferred were received once). */
export async function receivedOfLot(tx: Db, ownerTin: string, lot: LotKey): Promise<bigint> {
  const [row] = await rows<{ total: string }>(
    tx,
    sql`
    SELECT coalesce(sum(e.delta_milli), 0)::text AS total
    FROM customs.regime_entries e
    LEFT JOIN customs.regime_entries o ON o.id = e.reverses_entry_id
    WHERE e.owner_tin = ${ownerTin} AND e.lot_declaration_number = ${lot.declarationNumber} AND e.item_no = ${lot.itemNo}
      AND (e.kind = 'receipt' OR (e.kind = 'reversal' AND o.kind = 'receipt'))`,
  );
  return BigInt(row?.total ?? '0');
}

/** How a repeat of the owner's software is recognised: the key, and the hash of what was asked. */
export type Idempotency = { readonly key: string; readonly hash: string };
export const idempotencyOf = (key: string | undefined, request: unknown): Idempotency | undefined =>
  key ? { key, hash: sha256Hex(canonicalJson(request)) } : undefined;

/**
 * The records a key already produced: the same request answers them again (a repeat); another
 * request under the same key is refused.
 */
export async function repeated(tx: Db, ownerTin: string, idem: Idempotency | undefined): Promise<Result<RegimeEntryRow[] | undefined, Refusal>> {
  if (!idem) return ok(undefined);
  const [first] = await tx
    .select()
    .from(regimeEntries)
    .where(and(eq(regimeEntries.ownerTin, ownerTin), eq(regimeEntries.idempotencyKey, idem.key)));
  if (!first) return ok(undefined);
  if (first.requestHash !== idem.hash) return fail('REGIME_IDEMPOTENCY_CONFLICT', 'body.idempotencyKey');
  if (!first.transferId) return ok([first]);
  return ok(await tx.select().from(regimeEntries).where(eq(regimeEntries.transferId, first.transferId)).orderBy(regimeEntries.deltaMilli));
}

export type NewEntry = Omit<RegimeEntryRow, 'id' | 'postedAt' | 'postedBy' | 'idempotencyKey' | 'requestHash' | 'transferId' | 'reversesEntryId'> &
  Partial<Pick<RegimeEntryRow, 'transferId' | 'reversesEntryId'>>;

/** Appends records to the ledger (never updated: corrections are reversals) with one audit entry each. */
export async function appendEntries(tx: Db, actor: AccountPrincipal, now: Date, entries: readonly NewEntry[], idem?: Idempotency): Promise<RegimeEntryRow[]> {
  const out: RegimeEntryRow[] = [];
  for (const [i, entry] of entries.entries()) {
    const [row] = await tx
      .insert(regimeEntries)
      .values({
        ...entry,
        id: uuidv7(now.getTime()),
        // The key goes on the first record only (the unique index holds one per owner).
        idempotencyKey: i === 0 ? (idem?.key ?? null) : null,
        requestHash: i === 0 ? (idem?.hash ?? null) : null,
        postedAt: now,
        postedBy: actorOf(actor),
      })
      .returning();
    if (!row) throw new Error('ledger record not inserted');
    await appendAudit(tx, now, {
      actor: actorOf(actor),
      action: `customs.regime_ledger_${row.kind}`,
      entity: 'customs.regime_places',
      entityId: row.placeId,
      after: { ...row, deltaMilli: row.deltaMilli.toString() },
    });
    out.push(row);
  }
  return out;
}

/** The book balance of a lot in a place, with its commodity code and unit (undefined: never on this place's book). */
export async function lotOnBook(tx: Db, placeId: string, lot: LotKey): Promise<{ balanceMilli: bigint; commodityCode: string; unit: string } | undefined> {
  const e = regimeEntries;
  const found = await tx
    .select({ deltaMilli: e.deltaMilli, commodityCode: e.commodityCode, unit: e.unit })
    .from(e)
    .where(and(eq(e.placeId, placeId), eq(e.lotDeclarationNumber, lot.declarationNumber), eq(e.itemNo, lot.itemNo)));
  const [first] = found;
  if (!first) return undefined;
  return { balanceMilli: found.reduce((s, m) => s + m.deltaMilli, 0n), commodityCode: first.commodityCode, unit: first.unit };
}
