import type { AccountPrincipal } from '../../../platform/auth.ts';
import { fail, ok, type Failure, type Result } from '../../../platform/result.ts';
import type { Receipt } from '../../fiscal/index.ts';
import type { CashdeskErrorCode } from '../domain/errors.ts';
import { prepareRefund, type RefundRequest, refundedFrom } from '../domain/refund.ts';
import type { ModuleFailure } from '../infrastructure/fiscal-module/port.ts';
import { actorOf, type CashdeskDeps } from './deps.ts';
import { issueDocument, newReceiptToken } from './issue-document.ts';
import { receiptRow, refundsOf } from './records.ts';
import { loadUnlockedRegister } from './register-access.ts';
import { checkReadiness, refusal } from './register-readiness.ts';
import { type ReceiptView, receiptView } from './views.ts';

export type RefundInput = RefundRequest & {
  /** The document number of the sale, as the buyer's receipt shows it (this register's module). */
  readonly originalNumber: number;
};

/**
 * A refund (section 6, p.39-42; the operation "return" of p.78) on the basis of the buyer's receipt:
 * the whole of it or some lines, each never beyond what was sold counting every earlier refund (the
 * operator's REFUND_EXCEEDS_SALE). The register's turn is held from the check to the copy, so two
 * refunds of one receipt cannot both pass on the same remainder.
 */
export async function issueRefund(
  deps: CashdeskDeps,
  actor: AccountPrincipal,
  session: string | undefined,
  registerId: string,
  input: RefundInput,
): Promise<Result<ReceiptView, Failure<CashdeskErrorCode | 'NOT_FOUND' | 'REGISTER_LOCKED' | 'RECEIPT_NOT_FOUND'> | ModuleFailure>> {
  const found = await loadUnlockedRegister(deps, actor, registerId, session);
  if (!found.ok) return found;
  const vcr = found.value;
  const db = deps.database.db;
  return deps.modules.exclusive(vcr.id, async () => {
    const original = await receiptRow(db, vcr.fiscalModuleNumber, input.originalNumber);
    if (!original) return fail('RECEIPT_NOT_FOUND', 'body.originalNumber');
    const sale = original.body as Receipt;
    const prepared = prepareRefund(sale, refundedFrom(await refundsOf(db, vcr.fiscalModuleNumber, sale.number)), {
      ...(input.lines ? { lines: input.lines } : {}),
      ...(input.nonCash !== undefined ? { nonCash: input.nonCash } : {}),
      buyerName: input.buyerName,
    });
    if (!prepared.ok) return fail(prepared.error.code, prepared.error.field ? `body.${prepared.error.field}` : undefined, prepared.error.details);
    const ready = await checkReadiness(deps, vcr, 'if_stale');
    if (!ready.verdict.canIssueReceipts || !ready.port) return refusal(ready.verdict);
    const port = ready.port;
    const token = newReceiptToken();
    const { receipt, buyerName } = prepared.value;
    const issued = await issueDocument<Receipt>(deps, ready.vcr, port, {
      // The business of fields 3-5 is the sale's: a refund is made where the goods were bought.
      form: (request) => port.formReceipt({ ...request, receipt: { ...receipt, business: sale.business, address: sale.address } }),
      extra: { buyerName, eReceiptToken: token },
      audit: {
        actor: actorOf(actor),
        action: 'cashdesk.refund_issued',
        after: (d) => ({ number: d.number, total: d.total, refundOf: d.refundOf, buyerName }),
      },
    });
    if (!issued.ok) return issued;
    return ok(receiptView(deps, { ...issued.value, change: 0, buyerName, eReceiptToken: token, warnings: ready.verdict.warnings }));
  });
}
