import type { Failure, Result } from '../../../platform/result.ts';
import type { BudgetReceipt } from '../domain/payments.ts';
import type { CustomsDeps } from './deps.ts';

/** A receipt into the budget as the finance authority holds it (art.149 p.2-3). */
export type FinanceReceipt = BudgetReceipt & {
  /** The finance authority's own id of the receipt. */
  readonly receiptId: string;
  /** When the money reached the budget. */
  readonly receivedAt: Date;
};

export type FinanceUnavailable = Failure<'FINANCE_AUTHORITY_UNAVAILABLE' | 'FINANCE_LINK_NOT_CONFIGURED'>;

/**
 * The finance authority (the Ministry of Finance's treasury) as customs sees it: another agency's
 * system. CUS-REL-03: it answers queries on receipts into the budget. The HTTP implementation is
 * infrastructure/finance-http.ts; a real connection plugs in here.
 */
export type FinanceAuthority = {
  /** Every receipt paid with this payment reference (a missed push is found here). */
  readonly receiptsByReference: (reference: string) => Promise<Result<FinanceReceipt[], FinanceUnavailable>>;
  /** The receipt of one bank payment order, by its number. */
  readonly receiptsByPaymentOrder: (paymentOrderNumber: string) => Promise<Result<FinanceReceipt[], FinanceUnavailable>>;
};

/** How customs reaches the finance authority and checks what it pushes (CUS-REL-04). */
export type FinanceLink = {
  readonly authority: FinanceAuthority;
  /** The shared secret of the HMAC signature on pushed confirmations; undefined when not configured. */
  readonly secret: () => string | undefined;
};

/** What the payment use cases need besides the customs deps. */
export type PaymentDeps = CustomsDeps & { readonly finance: FinanceLink };
