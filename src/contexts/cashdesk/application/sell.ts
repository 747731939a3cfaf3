import type { AccountPrincipal } from '../../../platform/auth.ts';
import { fail, ok, type Failure, type Result } from '../../../platform/result.ts';
import type { Receipt } from '../../fiscal/index.ts';
import { findProduct } from '../domain/catalogue.ts';
import type { CashdeskErrorCode, FieldProblem } from '../domain/errors.ts';
import { addLine, completeSale, emptySale, type Sale } from '../domain/sale.ts';
import type { ModuleFailure } from '../infrastructure/fiscal-module/port.ts';
import { actorOf, type CashdeskDeps } from './deps.ts';
import { issueDocument, newReceiptToken } from './issue-document.ts';
import { catalogueOf } from './manage-catalogue.ts';
import { loadUnlockedRegister } from './register-access.ts';
import { checkReadiness, refusal } from './register-readiness.ts';
import { type ReceiptView, receiptView } from './views.ts';

export type SaleInput = {
  readonly lines: readonly { readonly code: string; readonly quantity?: number; readonly markingCode?: string }[];
  readonly payment: { readonly cashGiven: number; readonly card: number };
};

export type SaleRefusal = Failure<CashdeskErrorCode | 'NOT_FOUND' | 'REGISTER_LOCKED'> | ModuleFailure;

/**
 * A sale (p.5, p.9, p.10, p.78): the lines are priced from the product list with the operator's
 * arithmetic, the payment settled (cash, card or both, with change), the module seals the receipt,
 * and it goes to the operator at once, or joins the queue when the operator cannot be reached
 * (p.36). The checks before work run first and refuse with every reason.
 */
export async function sell(
  deps: CashdeskDeps,
  actor: AccountPrincipal,
  session: string | undefined,
  registerId: string,
  input: SaleInput,
): Promise<Result<ReceiptView, SaleRefusal>> {
  const found = await loadUnlockedRegister(deps, actor, registerId, session);
  if (!found.ok) return found;
  const vcr = found.value;
  const built = await buildSale(deps, vcr.businessTin, input.lines);
  if (!built.ok) return built;
  const completed = completeSale(built.value, input.payment);
  if (!completed.ok) return fail('SALE_INVALID', completed.error.field ? `body.${completed.error.field}` : undefined, completed.error.details);
  const { receipt, change } = completed.value;
  return deps.modules.exclusive(vcr.id, async () => {
    const ready = await checkReadiness(deps, vcr, 'if_stale');
    if (!ready.verdict.canIssueReceipts || !ready.port || !ready.facts) return refusal(ready.verdict);
    const port = ready.port;
    const facts = ready.facts;
    const token = newReceiptToken();
    const issued = await issueDocument<Receipt>(deps, ready.vcr, port, {
      // p.9 fields 3-5 as the operator's registry holds them.
      form: (request) =>
        port.formReceipt({
          ...request,
          receipt: { ...receipt, business: { tin: facts.business.tin, name: facts.business.name }, address: facts.placeOfActivity },
        }),
      extra: { change, eReceiptToken: token },
      audit: {
        actor: actorOf(actor),
        action: 'cashdesk.sale_issued',
        after: (d) => ({ number: d.number, total: d.total, payment: d.payment, isOffline: d.isOffline }),
      },
    });
    if (!issued.ok) return issued;
    return ok(receiptView(deps, { ...issued.value, change, buyerName: null, eReceiptToken: token, refunds: [], warnings: ready.verdict.warnings }));
  });
}

/** The lines as scanned or typed, each looked up by article code or GTIN; every problem at once. */
async function buildSale(deps: CashdeskDeps, tin: string, lines: SaleInput['lines']): Promise<Result<Sale, Failure<'SALE_INVALID'>>> {
  const catalogue = await catalogueOf(
    deps.database.db,
    tin,
    lines.map((l) => l.code.trim()),
  );
  const problems: FieldProblem[] = [];
  let sale = emptySale();
  for (const [i, line] of lines.entries()) {
    const product = findProduct(catalogue, line.code.trim());
    if (!product) {
      problems.push({ field: `lines[${i}].code`, code: 'PRODUCT_NOT_FOUND', details: { code: line.code } });
      continue;
    }
    const added = addLine(sale, product, {
      ...(line.quantity !== undefined ? { quantity: line.quantity } : {}),
      ...(line.markingCode ? { markingCode: line.markingCode } : {}),
    });
    if (added.ok) sale = added.value;
    else
      problems.push({
        field: `lines[${i}].${added.error.field ?? 'code'}`,
        code: added.error.code,
        ...(added.error.details ? { details: added.error.details } : {}),
      });
  }
  if (lines.length === 0) problems.push({ field: 'lines', code: 'RECEIPT_EMPTY' });
  return problems.length > 0 ? fail('SALE_INVALID', `body.${problems[0]?.field}`, { problems }) : ok(sale);
}
