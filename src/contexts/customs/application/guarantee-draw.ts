import { appendAudit } from '../../../platform/audit.ts';
import { dushanbeDate } from '../../../platform/calendar/index.ts';
import type { Db } from '../../../platform/db.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { FinanceErrorCode } from '../domain/finance-errors.ts';
import { availableDirams, isInForce } from '../domain/guarantees.ts';
import { drawnTotal, findUse, guaranteeByReference, insertUse } from '../infrastructure/guarantee.repository.ts';

export type DrawInput = {
  readonly guaranteeReference: string;
  /** The secured operation: a declaration number, a transit, a storage. */
  readonly useReference: string;
  readonly amountDirams: bigint;
  readonly at: Date;
  readonly actor?: string;
};

/**
 * IMP-11: draws an amount of a guarantee for one operation, in the caller's transaction. The
 * guarantee row is locked, so two draws cannot both take the last free amount. Drawing again for
 * the same operation with the same amount changes nothing.
 */
export async function drawGuarantee(tx: Db, input: DrawInput): Promise<Result<{ readonly availableDirams: bigint }, Failure<FinanceErrorCode>>> {
  if (input.amountDirams <= 0n) return fail('GUARANTEE_INSUFFICIENT', 'body.amountDirams');
  const g = await guaranteeByReference(tx, input.guaranteeReference, true);
  if (!g) return fail('GUARANTEE_NOT_FOUND', 'params.reference');
  if (!isInForce(g, dushanbeDate(input.at))) return fail('GUARANTEE_NOT_IN_FORCE', 'params.reference', { status: g.status, validTo: g.validTo });
  const existing = await findUse(tx, g.id, input.useReference);
  if (existing) {
    if (existing.releasedAt === null && existing.amountDirams === input.amountDirams)
      return ok({ availableDirams: availableDirams(g.amountDirams, await drawnTotal(tx, g.id)) });
    return fail('GUARANTEE_USE_CONFLICT', 'body.useReference');
  }
  const free = availableDirams(g.amountDirams, await drawnTotal(tx, g.id));
  if (free < input.amountDirams) return fail('GUARANTEE_INSUFFICIENT', 'body.amountDirams', { availableDirams: free.toString() });
  await insertUse(tx, {
    id: uuidv7(input.at.getTime()),
    guaranteeId: g.id,
    useReference: input.useReference,
    amountDirams: input.amountDirams,
    drawnAt: input.at,
  });
  await appendAudit(tx, input.at, {
    actor: input.actor ?? 'system:customs',
    action: 'customs.guarantee_drawn',
    entity: 'customs.guarantees',
    entityId: g.reference,
    after: { useReference: input.useReference, amountDirams: input.amountDirams.toString() },
  });
  return ok({ availableDirams: free - input.amountDirams });
}
