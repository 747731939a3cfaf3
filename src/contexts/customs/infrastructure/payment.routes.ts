import { Type } from 'typebox';
import { type App, ProblemError, requireRole, unwrap } from '../../../platform/http.ts';
import { actorOf } from '../application/deps.ts';
import type { PaymentDeps } from '../application/payment-finance-authority.ts';
import { issuePaymentOrder } from '../application/payment-issue-order.ts';
import { reconcilePayments } from '../application/payment-reconcile.ts';
import { recordPaymentConfirmation } from '../application/payment-record-confirmation.ts';
import { getPaymentStatement } from '../application/payment-statement.ts';
import { transact } from '../../../platform/db.ts';
import { unmatchedConfirmations } from './payment.repository.ts';
import type { PaymentConfirmationRow } from './payment.schema.ts';
import {
  ConfirmationBody,
  ConfirmationResult,
  IssuedOrder,
  IssueOrderBody,
  PageQuery,
  Reconciliation,
  ReferenceParams,
  Statement,
  UnmatchedReceipt,
} from './payment.schemas.ts';
import { fromWire, isFinanceSignatureValid, SIGNATURE_HEADER } from './finance-wire.ts';

const tags = ['customs payments'];
const str = (n: bigint) => n.toString();

const receiptView = (r: PaymentConfirmationRow) => ({
  reference: r.reference,
  paymentOrderNumber: r.paymentOrderNumber,
  paymentOrderDate: r.paymentOrderDate,
  payerTin: r.payerTin,
  budgetCode: r.budgetCode,
  amountDirams: str(r.amountDirams),
  receivedAt: r.receivedAt,
  source: r.source,
  status: r.status,
  unmatchedReason: r.unmatchedReason,
});

/** Payment orders, the finance authority's confirmations and the reconciliation (CUS-DEC-85, CUS-REL-02 to 04, IMP-10). */
export function paymentRoutes(app: App, deps: PaymentDeps): void {
  app.post(
    '/api/customs/finance/payment-confirmations',
    {
      schema: {
        tags,
        summary:
          'The finance authority confirms a receipt into the budget (art.149 p.3); signed with X-Finance-Signature, idempotent on the bank payment order',
        security: [],
        body: ConfirmationBody,
        response: { 200: ConfirmationResult, 201: ConfirmationResult },
      },
      // The signature is checked on the raw body before anything else: an unsigned caller learns nothing.
      preValidation: async (request) => {
        const secret = deps.finance.secret();
        if (!secret) throw new ProblemError('FINANCE_LINK_NOT_CONFIGURED');
        if (!isFinanceSignatureValid(secret, request.rawBody ?? '', request.headers[SIGNATURE_HEADER])) throw new ProblemError('FINANCE_SIGNATURE_INVALID');
      },
    },
    async (request, reply) => {
      const receipt = fromWire(request.body);
      if (!receipt) throw new ProblemError('FINANCE_CONFIRMATION_INVALID', 'body.amountDirams');
      const done = unwrap(await recordPaymentConfirmation(deps, receipt, 'push'));
      reply.code(done.outcome === 'recorded' ? 201 : 200);
      return done;
    },
  );

  app.post(
    '/api/customs/payment-orders',
    {
      schema: {
        tags,
        summary: 'Issue the payment order (payment details) of a reference with amounts per kind and budget codes (CUS-DEC-85); a new version supersedes',
        body: IssueOrderBody,
        response: { 201: IssuedOrder },
      },
    },
    async (request, reply) => {
      const actor = requireRole(request, 'customs_officer');
      const { reference, payerTin, lines } = request.body;
      const issued = unwrap(
        await transact(deps.database.db, (tx) =>
          issuePaymentOrder(tx, {
            reference,
            payerTin,
            lines: lines.map((l) => ({ kind: l.kind, amountDirams: BigInt(l.amountDirams) })),
            at: deps.clock.now(),
            actor: actorOf(actor),
          }),
        ),
      );
      reply.code(201);
      return { ...issued, totalDirams: str(issued.totalDirams), lines: issued.lines.map((l) => ({ ...l, amountDirams: str(l.amountDirams) })) };
    },
  );

  app.get(
    '/api/customs/payment-orders/:reference',
    {
      schema: {
        tags,
        summary: 'The payment order of a reference: due, paid and outstanding per kind, and the budget receipts (IMP-10); a declarant sees its own',
        params: ReferenceParams,
        response: { 200: Statement },
      },
    },
    async (request) => {
      const viewer = requireRole(request, 'customs_officer', 'declarant');
      const s = unwrap(await getPaymentStatement(deps, viewer, request.params.reference));
      return {
        reference: s.reference,
        version: s.version,
        payerTin: s.payerTin,
        issuedAt: s.issuedAt,
        lines: s.settlement.lines.map((b) => ({
          ...b,
          dueDirams: str(b.dueDirams),
          paidDirams: str(b.paidDirams),
          outstandingDirams: str(b.outstandingDirams),
        })),
        dueDirams: str(s.settlement.dueDirams),
        paidDirams: str(s.settlement.paidDirams),
        outstandingDirams: str(s.settlement.outstandingDirams),
        isPaid: s.settlement.isPaid,
        receipts: s.receipts.map(receiptView),
      };
    },
  );

  app.post(
    '/api/customs/payment-orders/:reference/reconcile',
    {
      schema: {
        tags,
        summary: 'Ask the finance authority for the receipts of a reference and record those whose push was missed (art.149 p.2-3)',
        params: ReferenceParams,
        response: { 200: Reconciliation },
      },
    },
    async (request) => {
      const actor = requireRole(request, 'customs_officer', 'declarant');
      const { reference } = request.params;
      // A declarant reconciles only the references it pays.
      if (actor.role === 'declarant') unwrap(await getPaymentStatement(deps, actor, reference));
      return unwrap(await reconcilePayments(deps, actorOf(actor), reference));
    },
  );

  app.get(
    '/api/customs/payment-confirmations/unmatched',
    {
      schema: {
        tags,
        summary: 'Budget receipts that match no payment order (unknown reference, other payer, other budget code), oldest first',
        querystring: PageQuery,
        response: { 200: Type.Array(UnmatchedReceipt) },
      },
    },
    async (request) => {
      requireRole(request, 'customs_officer');
      const found = await unmatchedConfirmations(deps.database.db, request.query.limit ?? 100, request.query.offset ?? 0);
      return found.map(receiptView);
    },
  );
}
