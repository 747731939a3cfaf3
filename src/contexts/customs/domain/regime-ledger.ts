/**
 * Electronic stock ledgers of customs warehouses, duty-free shops and free warehouses, kept by the
 * owner through the customs information system (art.230 p.1 i.2, art.262 p.1 i.4, art.279 i.7 as
 * amended; CUS-REG-01..03, IMP-12). Pure: no I/O, no clock. Quantities are bigint thousandths.
 */
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { RegimeErrorCode } from './regime-errors.ts';

type Refusal = Failure<RegimeErrorCode>;

export const PLACE_KINDS = ['customs_warehouse', 'duty_free_shop', 'free_warehouse'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

/**
 * The regime of the goods declaration that places goods in each kind of place. The catalogue of
 * regimes (domain/tables.ts) has `free_zone` for both the free customs zone and the free warehouse
 * (index.ts maps it to the `free_warehouse` guarantee purpose), so a free warehouse takes it.
 */
export const PLACING_REGIME: Readonly<Record<PlaceKind, string>> = {
  customs_warehouse: 'customs_warehouse',
  duty_free_shop: 'duty_free_shop',
  free_warehouse: 'free_zone',
};

/**
 * The guarantee purpose the owner's guarantee must cover: the customs warehouse owner's (art.227
 * p.1 i.2), the duty-free shop owner's (art.260 i.2) and, for a free warehouse that has no owner's
 * guarantee in the Code, the free-warehouse regime's (art.273 p.3).
 */
export const OWNER_GUARANTEE_PURPOSE = {
  customs_warehouse: 'customs_warehouse_owner',
  duty_free_shop: 'duty_free_shop_owner',
  free_warehouse: 'free_warehouse',
} as const satisfies Record<PlaceKind, string>;

export type PlaceInput = {
  readonly kind: PlaceKind;
  readonly warehouseType?: 'open' | 'closed' | null;
  readonly insurance?: { readonly insurer: string; readonly policyNumber: string; readonly validTo: string } | null;
};

/**
 * CUS-GUA-06 (art.227 p.1 i.3, art.228 p.2 i.6 and p.3 i.6 as amended): only a customs warehouse
 * is of open or closed type, and only an open-type one needs the insurance policy (in force today).
 * A closed-type warehouse's insurance is not asked and not kept.
 */
export function checkPlace(p: PlaceInput, today: string): Result<void, Refusal> {
  if ((p.kind === 'customs_warehouse') !== Boolean(p.warehouseType)) return fail('REGIME_WAREHOUSE_TYPE_INVALID', 'body.warehouseType', { kind: p.kind });
  if (p.warehouseType !== 'open') return ok(undefined);
  if (!p.insurance) return fail('REGIME_INSURANCE_REQUIRED', 'body.insurance');
  if (p.insurance.validTo < today) return fail('REGIME_VALUE_INVALID', 'body.insurance.validTo');
  return ok(undefined);
}

/** A lot: the goods of one item of the declaration that placed them under the regime. */
export type LotKey = { readonly declarationNumber: string; readonly itemNo: number };
export type Movement = LotKey & { readonly deltaMilli: bigint; readonly kind: EntryKind };
export const ENTRY_KINDS = ['receipt', 'issue', 'transfer_in', 'transfer_out', 'reversal'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

const sameLot = (a: LotKey, b: LotKey) => a.declarationNumber === b.declarationNumber && a.itemNo === b.itemNo;

/** The book balance of one lot: the sum of its movements. */
export const lotBalance = (movements: readonly Movement[], lot: LotKey): bigint =>
  movements.filter((m) => sameLot(m, lot)).reduce((s, m) => s + m.deltaMilli, 0n);

/**
 * Receipts of a lot may not exceed what the placing declaration declared for the item (less what
 * was received already, net of reversals of receipts; goods that came by transfer from another
 * place of the owner were received there).
 */
export function checkReceipt(quantityMilli: bigint, declaredMilli: bigint, receivedMilli: bigint): Result<void, Refusal> {
  if (quantityMilli <= 0n) return fail('REGIME_VALUE_INVALID', 'body.quantity');
  const available = declaredMilli - receivedMilli;
  if (quantityMilli > available) return fail('REGIME_RECEIPT_EXCEEDS_DECLARED', 'body.quantity', { availableMilli: available.toString() });
  return ok(undefined);
}

/** IMP-12: an issue, a transfer out or a reversal never takes the balance of a lot below zero. */
export function checkWithdrawal(quantityMilli: bigint, balanceMilli: bigint, field = 'body.quantity'): Result<void, Refusal> {
  if (quantityMilli <= 0n) return fail('REGIME_VALUE_INVALID', field);
  if (quantityMilli > balanceMilli) return fail('REGIME_BALANCE_INSUFFICIENT', field, { balance: formatMilli(balanceMilli) });
  return ok(undefined);
}

/** Art.255-262: goods leave a duty-free shop by sale; every place may issue goods on a declaration. */
export function checkIssueBasis(kind: PlaceKind, basis: 'declaration' | 'sale'): Result<void, Refusal> {
  return basis === 'sale' && kind !== 'duty_free_shop' ? fail('REGIME_SALE_ONLY_IN_SHOP', 'body.basis') : ok(undefined);
}

type PlaceFacts = { readonly id: string; readonly kind: PlaceKind; readonly ownerTin: string };

/** A transfer goes between two different places of one owner and of one kind (goods stay under the same regime). */
export function checkTransfer(from: PlaceFacts, to: PlaceFacts): Result<void, Refusal> {
  if (from.id === to.id) return fail('REGIME_TRANSFER_NOT_ALLOWED', 'body.toPlaceId', { reason: 'same_place' });
  if (from.ownerTin !== to.ownerTin) return fail('REGIME_TRANSFER_NOT_ALLOWED', 'body.toPlaceId', { reason: 'other_owner' });
  if (from.kind !== to.kind) return fail('REGIME_TRANSFER_NOT_ALLOWED', 'body.toPlaceId', { reason: 'other_kind' });
  return ok(undefined);
}

/** A receipt or an issue may be reversed once, by a new record of the opposite sign; transfers and reversals may not. */
export function checkReversible(entry: { readonly kind: EntryKind }, isAlreadyReversed: boolean): Result<void, Refusal> {
  if (isAlreadyReversed || (entry.kind !== 'receipt' && entry.kind !== 'issue'))
    return fail('REGIME_ENTRY_NOT_REVERSIBLE', 'body.entryId', { kind: entry.kind });
  return ok(undefined);
}

export type CountLine = LotKey & { readonly countedMilli: bigint };
export type StocktakeLine = LotKey & { readonly bookMilli: bigint; readonly countedMilli: bigint; readonly differenceMilli: bigint };

/**
 * Stock-taking: every lot on the book and every lot counted, with counted − book. A lot on the book
 * that was not counted counts as zero (a shortage), so nothing on hand escapes the count.
 */
export function stocktake(book: ReadonlyMap<string, bigint>, counted: readonly CountLine[]): StocktakeLine[] {
  const key = (l: LotKey) => `${l.declarationNumber}#${l.itemNo}`;
  const lines = new Map<string, StocktakeLine>();
  const countedBefore = new Map<string, bigint>();
  for (const [k, bookMilli] of book) {
    if (bookMilli === 0n) continue;
    const [declarationNumber = '', itemNo = '0'] = k.split('#');
    lines.set(k, { declarationNumber, itemNo: Number(itemNo), bookMilli, countedMilli: 0n, differenceMilli: -bookMilli });
  }
  for (const c of counted) {
    const bookMilli = book.get(key(c)) ?? 0n;
    // A lot counted twice (two shelves) adds up.
    const countedMilli = (countedBefore.get(key(c)) ?? 0n) + c.countedMilli;
    countedBefore.set(key(c), countedMilli);
    lines.set(key(c), { declarationNumber: c.declarationNumber, itemNo: c.itemNo, bookMilli, countedMilli, differenceMilli: countedMilli - bookMilli });
  }
  return [...lines.values()].sort((a, b) => a.declarationNumber.localeCompare(b.declarationNumber) || a.itemNo - b.itemNo);
}

/** How much of a declared item the place received. */
export type ReceiptStatus = 'not_received' | 'partly_received' | 'received' | 'over_received';

/** Status of a lot against its declaration: received in full, partly, not at all, or more (never by the rules, but reported if the data say so). */
export function receiptStatus(declaredMilli: bigint, receivedMilli: bigint): ReceiptStatus {
  if (receivedMilli === 0n) return 'not_received';
  if (receivedMilli < declaredMilli) return 'partly_received';
  return receivedMilli === declaredMilli ? 'received' : 'over_received';
}

/** Thousandths as a decimal string, signed ("-1.5"). */
export function formatMilli(milli: bigint): string {
  const abs = milli < 0n ? -milli : milli;
  const fraction = (abs % 1000n).toString().padStart(3, '0').replace(/0+$/, '');
  return `${milli < 0n ? '-' : ''}${abs / 1000n}${fraction ? `.${fraction}` : ''}`;
}
