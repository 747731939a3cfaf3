import { and, eq } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { RegimeErrorCode } from '../domain/regime-errors.ts';
import { checkReversible, checkWithdrawal } from '../domain/regime-ledger.ts';
import { regimeEntries } from '../infrastructure/regime.schema.ts';
import type { CustomsDeps } from './deps.ts';
import { lotOnBook, postOnOwnPlace, type Posted } from './regime-store.ts';

export type ReversalInput = {
  readonly entryId: string;
  readonly reason: string;
  readonly channel?: 'portal' | 'owner_software';
  readonly idempotencyKey?: string;
};

/**
 * IMP-12: the ledger is never changed; a wrong receipt or issue is corrected by a reversal, a new
 * record of the opposite quantity that names the record it reverses (once). Reversing a receipt
 * may not take the balance below zero (the goods already left).
 */
export async function reverseRegimeEntry(
  deps: CustomsDeps,
  owner: AccountPrincipal,
  placeId: string,
  input: ReversalInput,
): Promise<Result<Posted, Failure<RegimeErrorCode>>> {
  return postOnOwnPlace(deps, owner, placeId, 'reversal', input, async (tx) => {
    const [entry] = await tx
      .select()
      .from(regimeEntries)
      .where(and(eq(regimeEntries.id, input.entryId), eq(regimeEntries.placeId, placeId)));
    if (!entry) return fail('REGIME_ENTRY_NOT_FOUND', 'body.entryId');
    const [reversal] = await tx.select({ id: regimeEntries.id }).from(regimeEntries).where(eq(regimeEntries.reversesEntryId, entry.id));
    const reversible = checkReversible(entry, reversal !== undefined);
    if (!reversible.ok) return reversible;
    if (entry.deltaMilli > 0n) {
      const lot = { declarationNumber: entry.lotDeclarationNumber, itemNo: entry.itemNo };
      const checked = checkWithdrawal(entry.deltaMilli, (await lotOnBook(tx, placeId, lot))?.balanceMilli ?? 0n, 'body.entryId');
      if (!checked.ok) return checked;
    }
    return ok([
      {
        placeId,
        ownerTin: entry.ownerTin,
        kind: 'reversal',
        lotDeclarationNumber: entry.lotDeclarationNumber,
        itemNo: entry.itemNo,
        commodityCode: entry.commodityCode,
        unit: entry.unit,
        deltaMilli: -entry.deltaMilli,
        documentKind: 'reversal',
        documentNumber: input.reason,
        reversesEntryId: entry.id,
      },
    ]);
  });
}
