import type { AccountPrincipal } from '../../../platform/auth.ts';
import { type Failure, ok, type Result } from '../../../platform/result.ts';
import { canMove, checkOrderSigner } from '../domain/audit.ts';
import type { AuditErrorCode } from '../domain/audit-errors.ts';
import { AUDIT_CASE, type AuditView } from './audit-view.ts';
import { caseConflict, changeCase } from './case-steps.ts';
import type { CustomsDeps } from './deps.ts';

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
  return changeCase(deps, AUDIT_CASE, actor, number, async (a, { now, actor: by, record }) => {
    if (!canMove(a.state, 'A3_order')) return caseConflict(AUDIT_CASE, a);
    const signer = checkOrderSigner(a.place, actor.role);
    if (!signer.ok) return signer;
    const saved = await record(
      'order_issued',
      {
        state: 'ORDER_ISSUED',
        orderIssuedAt: now,
        orderSignedBy: by,
        orderSignerRole: actor.role,
        orderInstructions: input.instructions,
        auditors: [...input.auditors],
      },
      { signerRole: actor.role, auditors: input.auditors },
    );
    return ok(saved);
  });
}
