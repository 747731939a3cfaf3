import type { AccountPrincipal } from '../../../platform/auth.ts';
import { type Failure, ok, type Result } from '../../../platform/result.ts';
import type { RegimeErrorCode } from '../domain/regime-errors.ts';
import { checkIssueBasis, checkWithdrawal } from '../domain/regime-ledger.ts';
import { toMilli } from '../domain/preliminary.ts';
import type { CustomsDeps } from './deps.ts';
import { lotOnBook, releasedDeclaration, postOnOwnPlace, type Posted } from './regime-store.ts';

export type IssueInput = {
  /** The lot: the declaration that placed the goods and its item. */
  readonly declarationNumber: string;
  readonly itemNo: number;
  readonly quantity: string;
  /** On a released goods declaration (completing the regime), or a sale in a duty-free shop. */
  readonly basis: 'declaration' | 'sale';
  /** The completing declaration's number, or the sale's receipt number. */
  readonly documentNumber: string;
  readonly channel?: 'portal' | 'owner_software';
  readonly idempotencyKey?: string;
};

/**
 * CUS-REG-01..03, IMP-12: the owner records goods leaving its place — on the released declaration
 * that completes the regime, or (duty-free shop, art.255) by sale. An issue never takes the balance
 * of the lot below zero.
 */
export async function postRegimeIssue(
  deps: CustomsDeps,
  owner: AccountPrincipal,
  placeId: string,
  input: IssueInput,
): Promise<Result<Posted, Failure<RegimeErrorCode>>> {
  return postOnOwnPlace(deps, owner, placeId, 'issue', input, async (tx, place) => {
    const basis = checkIssueBasis(place.kind, input.basis);
    if (!basis.ok) return basis;
    if (input.basis === 'declaration') {
      const completing = await releasedDeclaration(tx, input.documentNumber, 'body.documentNumber');
      if (!completing.ok) return completing;
    }
    const lot = { declarationNumber: input.declarationNumber, itemNo: input.itemNo };
    // A lot never on this book has a balance of zero, so nothing can leave it.
    const book = (await lotOnBook(tx, placeId, lot)) ?? { balanceMilli: 0n, commodityCode: '', unit: '' };
    const quantityMilli = toMilli(input.quantity);
    const checked = checkWithdrawal(quantityMilli, book.balanceMilli);
    if (!checked.ok) return checked;
    return ok([
      {
        placeId,
        ownerTin: place.ownerTin,
        kind: 'issue',
        lotDeclarationNumber: lot.declarationNumber,
        itemNo: lot.itemNo,
        commodityCode: book.commodityCode,
        unit: book.unit,
        deltaMilli: -quantityMilli,
        documentKind: input.basis,
        documentNumber: input.documentNumber,
      },
    ]);
  });
}
