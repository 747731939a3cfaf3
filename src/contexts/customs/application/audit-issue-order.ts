import type { AccountPrincipal } from '../../../platform/auth.ts';
import { transact } from '../../../platform/db.ts';
import { type Failure, ok, type Result } from '../../../platform/result.ts';
import { canMove, checkOrderSigner } from '../domain/audit.ts';
import type { AuditErrorCode } from '../domain/audit-errors.ts';
import { type AuditView, loadAuditView, lockAudit, recordStep, stateConflict } from './audit-view.ts';
import { actorOf, type CustomsDeps } from './deps.ts';

export type OrderInput = {
  /** What the auditors are to check, the documents to be demanded (the approved form's body). */
  readonly instructions: string;
  /** The officials who carry out the audit. */
  readonly auditors: readonly string[];
};

/**
 * A3: the order (предписание) for the audit is issued and signed by the caller. CUS-AUD-05: a desk
 * audit rests on the customs authority's order; CUS-AUD-13 (art.417(2) p.2): a field audit's order
 * is signed only by the head of the customs authority or an authorised deputy (`customs_head`).
 */
export async function issueAuditOrder(
  deps: CustomsDeps,
  actor: AccountPrincipal,
  number: string,
  input: OrderInput,
): Promise<Result<AuditView, Failure<AuditErrorCode>>> {
  const now = deps.clock.now();
  return transact(deps.database.db, async (tx) => {
    const found = await lockAudit(tx, number);
    if (!found.ok) return found;
    const a = found.value;
    if (!canMove(a.state, 'A3_order')) return stateConflict(a);
    const signer = checkOrderSigner(a.place, actor.role);
    if (!signer.ok) return signer;
    const saved = await recordStep(tx, a, {
      at: now,
      actor: actorOf(actor),
      action: 'order_issued',
      change: {
        state: 'ORDER_ISSUED',
        orderIssuedAt: now,
        orderSignedBy: actorOf(actor),
        orderSignerRole: actor.role,
        orderInstructions: input.instructions,
        auditors: [...input.auditors],
      },
      details: { signerRole: actor.role, auditors: input.auditors },
    });
    return ok(await loadAuditView(tx, saved, now));
  });
}
