import { appendAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { FinanceErrorCode } from '../domain/finance-errors.ts';
import { availableDirams } from '../domain/guarantees.ts';
import { drawnTotal, findUse, guaranteeByReference, markUseReleased } from '../infrastructure/guarantee.repository.ts';

export type ReleaseUseInput = { readonly guaranteeReference: string; readonly useReference: string; readonly at: Date; readonly actor?: string };

/**
 * IMP-11: the operation is complete (goods released and paid, transit ended, storage closed), so
 * its draw is released and the amount is free again. Releasing twice changes nothing.
 */
export async function releaseGuaranteeUse(tx: Db, input: ReleaseUseInput): Promise<Result<{ readonly availableDirams: bigint }, Failure<FinanceErrorCode>>> {
  const g = await guaranteeByReference(tx, input.guaranteeReference, true);
  if (!g) return fail('GUARANTEE_NOT_FOUND', 'params.reference');
  const use = await findUse(tx, g.id, input.useReference);
  if (!use) return fail('GUARANTEE_USE_NOT_FOUND', 'params.useReference');
  if (use.releasedAt === null) {
    await markUseReleased(tx, use.id, input.at);
    await appendAudit(tx, input.at, {
      actor: input.actor ?? 'system:customs',
      action: 'customs.guarantee_use_released',
      entity: 'customs.guarantees',
      entityId: g.reference,
      after: { useReference: input.useReference, amountDirams: use.amountDirams.toString() },
    });
  }
  return ok({ availableDirams: availableDirams(g.amountDirams, await drawnTotal(tx, g.id)) });
}
