import { Type } from 'typebox';
import { Strict } from '../../../platform/schemas.ts';

/** Request schemas of the intake: the fiscal documents of docs/fiscal-documents.md (p.9, p.77, p.78). */
const Money = (description: string) => Type.Integer({ minimum: 0, maximum: 100_000_000_000, description: `${description}, dirams` });
const Instant = (description: string) => Type.String({ format: 'date-time', maxLength: 40, description });
const Text = (max: number, description: string) => Type.String({ maxLength: max, description });
const Operation = Type.Union([Type.Literal('sale'), Type.Literal('refund')], { description: 'p.78: sale or return' });
const TaxKind = Type.Union([Type.Literal('vat'), Type.Literal('simplified'), Type.Literal('none')]);

const common = {
  fiscalModuleNumber: Type.String({ minLength: 1, maxLength: 40, description: 'Field 15: the unique number of the fiscal module' }),
  number: Type.Integer({ minimum: 1, maximum: 9_007_199_254_740_991, description: "The module's document number, 1, 2, 3 … without gaps" }),
  prevFiscalSign: Type.String({ pattern: '^(\\d{10})?$', description: "Fiscal sign of the previous document ('' for the first)" }),
  registerNumber: Text(60, "Field 2: the register's manufacturer number or the VCR's serial number"),
  shiftNumber: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
  issuedAt: Instant('Field 14: date and time of the settlement, with the register’s offset (+05:00)'),
  isOffline: Type.Boolean({ description: 'p.36: issued while the operator could not be reached' }),
  offlineSince: Type.Optional(Instant('The first receipt of the current offline period')),
  fiscalSign: Type.String({ maxLength: 10, description: 'Field 16: 10 digits' }),
  mac: Type.String({ pattern: '^[0-9a-fA-F]{8,64}$', description: "The module's authenticator over the document (p.79), hex" }),
};

/** One line of a receipt (p.9 fields 6-11); the register's module checks the same shape. */
export const ReceiptLineSchema = Type.Object(
  {
    name: Text(300, 'Field 6: product, work or service'),
    markingCode: Type.Optional(Text(200, 'Field 7: product marking code')),
    gtin: Type.Optional(Type.String({ pattern: '^(\\d{8}|\\d{12}|\\d{13}|\\d{14})$', description: 'GS1 commercial code' })),
    quantity: Type.Integer({ minimum: 0, maximum: 1_000_000_000, description: 'Field 8, thousandths of the unit' }),
    unit: Type.String({ minLength: 1, maxLength: 20 }),
    price: Money('Field 9: price per unit, tax included'),
    amount: Money('quantity × price'),
    tax: Type.Object(
      {
        kind: TaxKind,
        rateBp: Type.Integer({ minimum: 0, maximum: 10_000, description: 'Field 10: rate, basis points (1400 = 14 %)' }),
        amount: Money('Field 11'),
      },
      Strict,
    ),
    originalLine: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000, description: 'For a refund: the line of the original receipt' })),
  },
  Strict,
);

/** The receipt's own data (p.9, p.78), as the register hands them to its module and the module sends them. */
export const receiptDataFields = {
  operation: Operation,
  business: Type.Object({ tin: Type.String({ maxLength: 12, description: 'Field 4' }), name: Text(300, 'Field 3') }, Strict),
  address: Text(300, 'Field 5'),
  lines: Type.Array(ReceiptLineSchema, { maxItems: 1000 }),
  payment: Type.Object({ cash: Money('Cash paid (change is given)'), nonCash: Money('Non-cash') }, Strict),
  total: Money('Field 13'),
  taxTotal: Money('Sum of field 11'),
  refundOf: Type.Optional(
    Type.Object(
      {
        fiscalModuleNumber: Type.String({ minLength: 1, maxLength: 40 }),
        number: Type.Integer({ minimum: 1 }),
        fiscalSign: Type.String({ pattern: '^\\d{10}$' }),
        total: Money('Total of the original'),
        issuedAt: Instant('Time of the original'),
      },
      Strict,
    ),
  ),
};

export const ReceiptSchema = Type.Object(
  {
    type: Type.Literal('receipt'),
    ...common,
    receiptNumber: Type.Integer({ minimum: 0, maximum: 100_000_000, description: 'Field 1' }),
    ...receiptDataFields,
  },
  Strict,
);

const TaxTotal = Type.Object(
  { operation: Operation, kind: TaxKind, rateBp: Type.Integer({ minimum: 0, maximum: 10_000 }), amount: Money('Amount'), tax: Money('Tax') },
  Strict,
);
const PaymentTotal = Type.Object({ operation: Operation, cash: Money('Cash kept'), nonCash: Money('Non-cash'), total: Money('Total') }, Strict);

export const ShiftOpeningSchema = Type.Object({ type: Type.Literal('shift_open'), ...common }, Strict);
export const ZReportSchema = Type.Object(
  {
    type: Type.Literal('z_report'),
    ...common,
    openedAt: Instant('When the shift was opened'),
    totals: Type.Object(
      {
        receiptCount: Type.Integer({ minimum: 0 }),
        saleCount: Type.Integer({ minimum: 0 }),
        refundCount: Type.Integer({ minimum: 0 }),
        offlineCount: Type.Integer({ minimum: 0 }),
        byTax: Type.Array(TaxTotal, { maxItems: 100 }),
        byPayment: Type.Array(PaymentTotal, { maxItems: 10 }),
      },
      Strict,
    ),
  },
  Strict,
);

/** One of the three documents, told apart by `type` (validation reports only the matching branch). */
export const FiscalDocumentSchema = Type.Unsafe<
  import('typebox').Static<typeof ReceiptSchema> | import('typebox').Static<typeof ShiftOpeningSchema> | import('typebox').Static<typeof ZReportSchema>
>({
  $id: 'FiscalDocument',
  type: 'object',
  required: ['type'],
  discriminator: { propertyName: 'type' },
  oneOf: [ReceiptSchema, ShiftOpeningSchema, ZReportSchema],
});
