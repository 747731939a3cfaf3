/**
 * Customs payments confirmed by the finance authority (art.149 p.2-3, CUS-DEC-85, IMP-10): the
 * payment order customs issues for a reference, matching of receipts into the budget, and whether
 * goods are secured for release by payment or by a guarantee. Pure: no I/O, no clock.
 */

/** What is paid: customs duty, excise, VAT, customs fees (art.136 p.10). */
export const PAYMENT_KINDS = ['duty', 'excise', 'vat', 'customs_fee'] as const;
export type PaymentKind = (typeof PAYMENT_KINDS)[number];

/**
 * Budget classification codes the payer writes on the bank payment order, per kind. AMB-18-like
 * parameter: the codes are set by the Ministry of Finance's budget classification, not by the
 * Customs Code; these are placeholders to be confirmed before production use.
 */
export const BUDGET_CODES: Readonly<Record<PaymentKind, string>> = {
  duty: '11510000',
  excise: '11420000',
  vat: '11410000',
  customs_fee: '11520000',
};

export const kindOfBudgetCode = (code: string): PaymentKind | undefined => PAYMENT_KINDS.find((k) => BUDGET_CODES[k] === code);

/** The largest amount one line or receipt may carry: 10^15 dirams, far above any real payment. */
export const MAX_PAYMENT_DIRAMS = 1_000_000_000_000_000n;

export type PaymentLine = { readonly kind: PaymentKind; readonly amountDirams: bigint };
export type OrderLine = PaymentLine & { readonly budgetCode: string };

export type PaymentOrderProblem = { readonly code: 'PAYMENT_LINES_INVALID' | 'PAYMENT_REFERENCE_INVALID'; readonly field: string };

/** A reference is the goods declaration's registration number: letters, digits, '/' and '-'. */
export const isPaymentReference = (s: string): boolean => /^[A-Za-z0-9/-]{3,40}$/.test(s);

/**
 * The lines of a payment order with their budget codes: one line per kind, each positive. A kind
 * may appear only once, so a confirmation's budget code names exactly one line.
 */
export function orderLines(reference: string, lines: readonly PaymentLine[]): { ok: true; lines: OrderLine[] } | { ok: false; problem: PaymentOrderProblem } {
  if (!isPaymentReference(reference)) return { ok: false, problem: { code: 'PAYMENT_REFERENCE_INVALID', field: 'reference' } };
  if (lines.length === 0) return { ok: false, problem: { code: 'PAYMENT_LINES_INVALID', field: 'lines' } };
  const seen = new Set<PaymentKind>();
  for (const [i, line] of lines.entries()) {
    const isBad = !PAYMENT_KINDS.includes(line.kind) || seen.has(line.kind) || line.amountDirams <= 0n || line.amountDirams > MAX_PAYMENT_DIRAMS;
    if (isBad) return { ok: false, problem: { code: 'PAYMENT_LINES_INVALID', field: `lines[${i}]` } };
    seen.add(line.kind);
  }
  return { ok: true, lines: PAYMENT_KINDS.flatMap((k) => lines.filter((l) => l.kind === k).map((l) => ({ ...l, budgetCode: BUDGET_CODES[k] }))) };
}

export const sameLines = (a: readonly PaymentLine[], b: readonly PaymentLine[]): boolean =>
  a.length === b.length && a.every((l) => b.some((m) => m.kind === l.kind && m.amountDirams === l.amountDirams));

/** A receipt into the budget as the finance authority reports it (art.149 p.2-3). */
export type BudgetReceipt = {
  readonly paymentOrderNumber: string;
  readonly paymentOrderDate: string;
  readonly payerTin: string;
  readonly reference: string;
  readonly budgetCode: string;
  readonly amountDirams: bigint;
};

/** Why a receipt could not be matched; it is kept and matched later when it can be. */
export type UnmatchedReason = 'NO_PAYMENT_ORDER' | 'PAYER_MISMATCH' | 'BUDGET_CODE_UNKNOWN';
export type Match = { readonly isMatched: true } | { readonly isMatched: false; readonly reason: UnmatchedReason };

/**
 * IMP-10: a receipt counts for a reference when customs issued a payment order for it, the payer is
 * the order's payer, and the budget code is one of the order's lines. A receipt paid before the
 * order existed (CUS-DEC-70: payment before acceptance) is matched when the order is issued.
 */
export function matchReceipt(receipt: BudgetReceipt, order: { readonly payerTin: string; readonly lines: readonly OrderLine[] } | undefined): Match {
  if (!order) return { isMatched: false, reason: 'NO_PAYMENT_ORDER' };
  if (order.payerTin !== receipt.payerTin) return { isMatched: false, reason: 'PAYER_MISMATCH' };
  if (!order.lines.some((l) => l.budgetCode === receipt.budgetCode)) return { isMatched: false, reason: 'BUDGET_CODE_UNKNOWN' };
  return { isMatched: true };
}

/** Two confirmations of one bank payment order must say the same; otherwise one of them is wrong. */
export const isSameReceipt = (a: BudgetReceipt, b: BudgetReceipt): boolean =>
  a.reference === b.reference && a.budgetCode === b.budgetCode && a.amountDirams === b.amountDirams && a.payerTin === b.payerTin;

export type KindBalance = {
  readonly kind: PaymentKind;
  readonly budgetCode: string;
  readonly dueDirams: bigint;
  readonly paidDirams: bigint;
  readonly outstandingDirams: bigint;
};
export type Settlement = {
  readonly lines: KindBalance[];
  readonly dueDirams: bigint;
  readonly paidDirams: bigint;
  readonly outstandingDirams: bigint;
  readonly isPaid: boolean;
};

/** Due, paid and outstanding per kind; an overpayment of one kind does not pay another (budgets differ). */
export function settle(lines: readonly OrderLine[], matched: readonly { readonly budgetCode: string; readonly amountDirams: bigint }[]): Settlement {
  const balances = lines.map((l) => {
    const paid = matched.filter((r) => r.budgetCode === l.budgetCode).reduce((s, r) => s + r.amountDirams, 0n);
    const outstanding = l.amountDirams > paid ? l.amountDirams - paid : 0n;
    return { kind: l.kind, budgetCode: l.budgetCode, dueDirams: l.amountDirams, paidDirams: paid, outstandingDirams: outstanding };
  });
  const sum = (f: (b: KindBalance) => bigint) => balances.reduce((s, b) => s + f(b), 0n);
  const outstandingDirams = sum((b) => b.outstandingDirams);
  return { lines: balances, dueDirams: sum((b) => b.dueDirams), paidDirams: sum((b) => b.paidDirams), outstandingDirams, isPaid: outstandingDirams === 0n };
}

/** What the goods are released under: art.149 p.1 i.3 (payment or guarantee), art.149 p.2 (free circulation: payment). */
export type ReleaseSecurityInput = {
  readonly isFreeCirculation: boolean;
  /** AMB-21: a delivery during a periodic-declaring period (goods move before the declaration). */
  readonly isPeriodicDelivery: boolean;
  readonly outstandingDirams: bigint;
  readonly guaranteeCoverDirams: bigint;
};
export type ReleaseSecurity = { readonly isSecured: boolean; readonly by: 'payment' | 'guarantee' | null };

/**
 * CUS-REL-02, CUS-GUA-15, AMB-21. Nothing outstanding: secured by payment. Release for free
 * circulation needs the duty to pay met (art.149 p.2); the exception is a delivery inside a
 * periodic-declaring period, which a guarantee covers (art.136 p.11); payment is still due by
 * acceptance of the declaration filed after the period (art.136 p.10). Other regimes may be
 * released against a guarantee that covers the outstanding amount (art.149 p.1 i.3).
 */
export function releaseSecurity(input: ReleaseSecurityInput): ReleaseSecurity {
  if (input.outstandingDirams <= 0n) return { isSecured: true, by: 'payment' };
  const mayUseGuarantee = !input.isFreeCirculation || input.isPeriodicDelivery;
  if (mayUseGuarantee && input.guaranteeCoverDirams >= input.outstandingDirams) return { isSecured: true, by: 'guarantee' };
  return { isSecured: false, by: null };
}
