import type { AccountPrincipal } from '../../../platform/auth.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { RegimeErrorCode } from '../domain/regime-errors.ts';
import { checkReceipt } from '../domain/regime-ledger.ts';
import { toMilli } from '../domain/preliminary.ts';
import type { CustomsDeps } from './deps.ts';
import { itemQuantity, placingDeclaration, receivedOfLot, postOnOwnPlace, type Posted } from './regime-store.ts';

export type ReceiptInput = {
  /** The goods declaration that placed the goods under the regime of this place. */
  readonly declarationNumber: string;
  readonly itemNo: number;
  readonly quantity: string;
  readonly channel?: 'portal' | 'owner_software';
  /** The owner's software's key: the same request again returns the first record. */
  readonly idempotencyKey?: string;
};

/**
 * CUS-REG-01..03 (art.230 p.1 i.2, art.262 p.1 i.4, art.279 i.7 as amended): the owner records goods
 * received into its place in the electronic ledger, against the released goods declaration that
 * placed them under this place's regime, never more than the item declares.
 */
export async function postRegimeReceipt(
  deps: CustomsDeps,
  owner: AccountPrincipal,
  placeId: string,
  input: ReceiptInput,
): Promise<Result<Posted, Failure<RegimeErrorCode>>> {
  return postOnOwnPlace(deps, owner, placeId, 'receipt', input, async (tx, place) => {
    const declaration = await placingDeclaration(tx, place.kind, input.declarationNumber, 'body.declarationNumber');
    if (!declaration.ok) return declaration;
    const item = declaration.value.items.find((i) => i.number === input.itemNo);
    if (!item) return fail('REGIME_ITEM_NOT_DECLARED', 'body.itemNo');
    const declared = itemQuantity(item);
    const lot = { declarationNumber: input.declarationNumber, itemNo: input.itemNo };
    const quantityMilli = toMilli(input.quantity);
    const checked = checkReceipt(quantityMilli, declared.milli, await receivedOfLot(tx, place.ownerTin, lot));
    if (!checked.ok) return checked;
    return ok([
      {
        placeId,
        ownerTin: place.ownerTin,
        kind: 'receipt',
        lotDeclarationNumber: lot.declarationNumber,
        itemNo: lot.itemNo,
        commodityCode: item.commodityCode,
        unit: declared.unit,
        deltaMilli: quantityMilli,
        documentKind: 'placing_declaration',
        documentNumber: input.declarationNumber,
      },
    ]);
  });
}
