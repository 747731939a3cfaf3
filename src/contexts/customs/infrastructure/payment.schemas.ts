/** Request and response schemas of customs payments and the finance authority's push (IMP-10). */
import { Type } from 'typebox';
import { IsoDate, IsoDateTime, Nullable, Strict, Tin } from '../../../platform/schemas.ts';
import { PAYMENT_KINDS } from '../domain/payments.ts';

const Dirams = (description: string) => Type.String({ pattern: '^\\d{1,19}$', description, examples: ['1250000'] });
const Reference = (description = 'The payment reference: the goods declaration’s registration number') =>
  Type.String({ pattern: '^[A-Za-z0-9/-]{3,40}$', description, examples: ['10001/020326/0000001'] });
/** One of a list of strings, typed as their union (a JSON Schema enum). */
const literals = <const T extends string>(values: readonly T[], description: string) => Type.Unsafe<T>({ type: 'string', enum: [...values], description });
const Kind = literals(PAYMENT_KINDS, 'duty, excise, VAT or customs fee');

/** Art.149 p.3: a receipt into the budget as the finance authority pushes it, signed (X-Finance-Signature). */
export const ConfirmationBody = Type.Object(
  {
    receiptId: Type.String({ minLength: 1, maxLength: 64, description: 'The finance authority’s id of the receipt' }),
    paymentOrderNumber: Type.String({ pattern: '^[A-Za-z0-9-]{1,30}$', description: 'Number of the payer’s bank payment order' }),
    paymentOrderDate: IsoDate('Date of the bank payment order'),
    payerTin: Tin('The payer’s TIN'),
    reference: Reference(),
    budgetCode: Type.String({ pattern: '^\\d{4,20}$', description: 'Budget classification code the money went to' }),
    amountDirams: Dirams('Amount received, dirams'),
    receivedAt: Type.String({ format: 'date-time', description: 'When the money reached the budget' }),
  },
  { ...Strict, title: 'FinancePaymentConfirmation' },
);

export const ConfirmationResult = Type.Object({
  outcome: Type.Union([Type.Literal('recorded'), Type.Literal('duplicate')], { description: 'duplicate: the same bank payment order was recorded before' }),
  isMatched: Type.Boolean({ description: 'Matched to the payment order of the reference and payer' }),
  reference: Type.String(),
  paymentOrderNumber: Type.String(),
});

export const IssueOrderBody = Type.Object(
  {
    reference: Reference(),
    payerTin: Tin('The payer (declarant or its broker)'),
    lines: Type.Array(Type.Object({ kind: Kind, amountDirams: Dirams('Amount due, dirams') }, Strict), { minItems: 1, maxItems: PAYMENT_KINDS.length }),
  },
  { ...Strict, title: 'CustomsPaymentOrderInput' },
);

const Line = Type.Object({ kind: Kind, budgetCode: Type.String(), amountDirams: Dirams('Amount due, dirams') });
export const IssuedOrder = Type.Object(
  {
    reference: Type.String(),
    version: Type.Integer({ description: 'A new version supersedes the previous order of the reference' }),
    payerTin: Type.String(),
    lines: Type.Array(Line),
    totalDirams: Dirams('Total due'),
    issuedAt: IsoDateTime(),
    isNew: Type.Boolean(),
  },
  { title: 'CustomsPaymentOrder' },
);

export const Receipt = Type.Object({
  paymentOrderNumber: Type.String(),
  paymentOrderDate: Type.String({ format: 'date' }),
  payerTin: Type.String(),
  budgetCode: Type.String(),
  amountDirams: Dirams('Amount received'),
  receivedAt: IsoDateTime(),
  source: Type.Union([Type.Literal('push'), Type.Literal('reconciliation')]),
  status: Type.Union([Type.Literal('matched'), Type.Literal('unmatched')]),
  unmatchedReason: Nullable(Type.String()),
});

const Balance = Type.Object({
  kind: Kind,
  budgetCode: Type.String(),
  dueDirams: Dirams('Due'),
  paidDirams: Dirams('Paid (matched receipts)'),
  outstandingDirams: Dirams('Still to pay'),
});
export const Statement = Type.Object(
  {
    reference: Type.String(),
    version: Type.Integer(),
    payerTin: Type.String(),
    issuedAt: IsoDateTime(),
    lines: Type.Array(Balance),
    dueDirams: Dirams('Total due'),
    paidDirams: Dirams('Total paid'),
    outstandingDirams: Dirams('Total outstanding'),
    isPaid: Type.Boolean(),
    receipts: Type.Array(Receipt),
  },
  { title: 'CustomsPaymentStatement' },
);

export const ReferenceParams = Type.Object({ reference: Reference() }, Strict);
export const Reconciliation = Type.Object({
  reference: Type.String(),
  found: Type.Integer({ description: 'Receipts the finance authority holds for the reference' }),
  recorded: Type.Integer({ description: 'Receipts customs had missed and recorded now' }),
  conflicts: Type.Integer({ description: 'Receipts that differ from what customs recorded for the same bank payment order' }),
});
export const PageQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  Strict,
);
export const UnmatchedReceipt = Type.Object({ ...Receipt.properties, reference: Type.String() });
