import { inArray } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { transact } from '../../../platform/db.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { RegimeErrorCode } from '../domain/regime-errors.ts';
import { checkTransfer, checkWithdrawal } from '../domain/regime-ledger.ts';
import { toMilli } from '../domain/preliminary.ts';
import { regimePlaces } from '../infrastructure/regime.schema.ts';
import type { CustomsDeps } from './deps.ts';
import { appendEntries, idempotencyOf, lotOnBook, repeated, type Posted } from './regime-store.ts';

export type TransferInput = {
  readonly toPlaceId: string;
  readonly declarationNumber: string;
  readonly itemNo: number;
  readonly quantity: string;
  readonly channel?: 'portal' | 'owner_software';
  readonly idempotencyKey?: string;
};

/**
 * IMP-12: goods move between two places of one owner and one kind, staying under the same regime:
 * a transfer out of one ledger and a transfer in to the other, in one transaction, with one id.
 */
export async function transferRegimeGoods(
  deps: CustomsDeps,
  owner: AccountPrincipal,
  placeId: string,
  input: TransferInput,
): Promise<Result<Posted, Failure<RegimeErrorCode>>> {
  const now = deps.clock.now();
  const { channel, idempotencyKey, ...request } = input;
  const idem = idempotencyOf(idempotencyKey, { op: 'transfer', placeId, ...request });
  return transact(deps.database.db, async (tx) => {
    // Both places locked, in id order, so two opposite transfers cannot deadlock.
    const ids = [...new Set([placeId, input.toPlaceId])].sort();
    const places = await tx.select().from(regimePlaces).where(inArray(regimePlaces.id, ids)).orderBy(regimePlaces.id).for('update');
    const from = places.find((p) => p.id === placeId);
    const to = places.find((p) => p.id === input.toPlaceId);
    if (!from) return fail('REGIME_PLACE_NOT_FOUND', 'params.id');
    if (from.ownerTin !== owner.tin) return fail('REGIME_PLACE_NOT_YOURS', 'params.id');
    if (!to) return fail('REGIME_PLACE_NOT_FOUND', 'body.toPlaceId');
    const seen = await repeated(tx, from.ownerTin, idem);
    if (!seen.ok) return seen;
    if (seen.value) return ok({ entries: seen.value, isRepeat: true });
    const allowed = checkTransfer(from, to);
    if (!allowed.ok) return allowed;
    const lot = { declarationNumber: input.declarationNumber, itemNo: input.itemNo };
    const book = (await lotOnBook(tx, from.id, lot)) ?? { balanceMilli: 0n, commodityCode: '', unit: '' };
    const quantityMilli = toMilli(input.quantity);
    const checked = checkWithdrawal(quantityMilli, book.balanceMilli);
    if (!checked.ok) return checked;
    const transferId = uuidv7(now.getTime());
    const common = {
      ownerTin: from.ownerTin,
      lotDeclarationNumber: lot.declarationNumber,
      itemNo: lot.itemNo,
      commodityCode: book.commodityCode,
      unit: book.unit,
      documentKind: 'transfer' as const,
      documentNumber: transferId,
      transferId,
      channel: channel ?? 'portal',
    };
    const entries = await appendEntries(
      tx,
      owner,
      now,
      [
        { ...common, placeId: from.id, kind: 'transfer_out', deltaMilli: -quantityMilli },
        { ...common, placeId: to.id, kind: 'transfer_in', deltaMilli: quantityMilli },
      ],
      idem,
    );
    return ok({ entries, isRepeat: false });
  });
}
