/**
 * Request and response schemas of the virtual cash register's API (docs/cashdesk-api.md). Money in
 * dirams, quantities in thousandths, rates in basis points, as the published format.
 */
import { type TSchema, Type } from 'typebox';
import { IsoDate, IsoDateTime, Nullable, Strict, Uuid } from '../../../platform/schemas.ts';
import { UNITS } from '../domain/catalogue.ts';

/** A string enum whose static type is the union of its values. */
const literals = <T extends string>(values: readonly T[], description: string) =>
  Type.Unsafe<T>(
    Type.Union(
      values.map((v) => Type.Literal(v)),
      { description },
    ),
  );
const Money = (description: string) => Type.Integer({ minimum: 0, maximum: 100_000_000_000, description: `${description}, dirams` });
const Free = Type.Object({}, { additionalProperties: true });
export const ref = (id: string) => Type.Unsafe({ $ref: `${id}#` });

export const RegisterParams = Type.Object({ id: Uuid('The VCR instance') }, Strict);
export const ReceiptParams = Type.Object(
  { id: Uuid('The VCR instance'), number: Type.Integer({ minimum: 1, maximum: 9_007_199_254_740_991, description: "The module's document number" }) },
  Strict,
);
export const LangQuery = Type.Object({ lang: Type.Optional(literals(['tg', 'ru', 'en'], 'Language of a preview (paper receipts are in Tajik)')) }, Strict);

// Requests

const Password = (description: string) => Type.String({ minLength: 1, maxLength: 128, description });

export const SetUpBody = Type.Object(
  {
    fiscalRegisterId: Uuid('The virtual register in the operator’s registry (GET /api/fiscal/registers)'),
    password: Password('The program password, at least 6 characters (p.65 item 10, p.68 item 7)'),
  },
  Strict,
);
export const UnlockBody = Type.Object({ password: Password('The program password') }, Strict);
export const OpenShiftBody = Type.Object({ openingCash: Type.Optional(Money('The float in the drawer at the opening')) }, Strict);

export const SaleBody = Type.Object(
  {
    lines: Type.Array(
      Type.Object(
        {
          code: Type.String({ minLength: 1, maxLength: 64, description: 'Article code or GTIN (8, 12, 13 or 14 digits), as scanned' }),
          quantity: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000_000, description: 'Thousandths of the unit (default: one unit)' })),
          markingCode: Type.Optional(Type.String({ minLength: 1, maxLength: 255, description: 'p.9 field 7: the marking code of a marked item' })),
        },
        Strict,
      ),
      { minItems: 1, maxItems: 500, description: 'The lines as scanned; the same unmarked product again adds to its line' },
    ),
    payment: Type.Object(
      {
        cashGiven: Money('Cash the buyer hands over (change is given back)'),
        card: Money('Paid by card or another non-cash means (at most the total)'),
      },
      Strict,
    ),
  },
  Strict,
);

export const RefundBody = Type.Object(
  {
    originalNumber: Type.Integer({ minimum: 1, description: 'Document number of the sale, from the buyer’s receipt' }),
    lines: Type.Optional(
      Type.Array(
        Type.Object(
          {
            originalLine: Type.Integer({ minimum: 0, maximum: 10_000, description: 'Line of the original receipt, from 0' }),
            quantity: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000_000, description: 'Thousandths returned (default: what is left)' })),
          },
          Strict,
        ),
        { minItems: 1, maxItems: 1000, description: 'Omitted: what is left of the whole receipt' },
      ),
    ),
    nonCash: Type.Optional(Money('Paid back to the card or account; the rest in cash (p.41)')),
    buyerName: Type.String({ minLength: 1, maxLength: 200, description: 'p.41: surname, name and patronymic of the buyer' }),
  },
  Strict,
);

const ProductFields = {
  gtin: Type.Optional(Type.String({ maxLength: 20, description: 'GS1 commercial code: 8, 12, 13 or 14 digits with a valid check digit' })),
  name: Type.Object(
    {
      tg: Type.String({ maxLength: 200, description: 'Name in Tajik (required: receipts are mostly in the state language)' }),
      ru: Type.Optional(Type.String({ maxLength: 200 })),
      en: Type.Optional(Type.String({ maxLength: 200 })),
    },
    Strict,
  ),
  unit: literals(Object.keys(UNITS) as (keyof typeof UNITS)[], 'Unit of measure'),
  price: Type.Integer({ minimum: 1, maximum: 10_000_000_000, description: 'Price per unit, tax included, dirams' }),
  tax: Type.Object(
    {
      kind: literals(['vat', 'simplified', 'none'], 'VAT, simplified regime or no tax'),
      rateBp: Type.Integer({ minimum: 0, maximum: 10_000, description: 'Basis points (1400 = 14 %); 0 for none' }),
    },
    Strict,
  ),
  requiresMarkingCode: Type.Optional(Type.Boolean({ description: 'Marked goods: each sold item needs its marking code' })),
};
export const ProductBody = Type.Object(
  { code: Type.Optional(Type.String({ maxLength: 64, description: 'Article code (default: the GTIN)' })), ...ProductFields },
  Strict,
);
export const ProductEditBody = Type.Object(ProductFields, Strict);
export const ProductParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 64 }) }, Strict);
export const ImportBody = Type.Object(
  {
    csv: Type.String({
      minLength: 1,
      maxLength: 5_000_000,
      description: 'The file’s text: code, gtin, name_tg, name_ru, name_en, unit, price, tax_kind, tax_rate, marking',
    }),
  },
  Strict,
);

// Responses

const Line = Type.Object({
  name: Type.String(),
  markingCode: Type.Optional(Type.String()),
  gtin: Type.Optional(Type.String()),
  quantity: Type.Integer(),
  unit: Type.String(),
  price: Type.Integer(),
  amount: Type.Integer(),
  tax: Type.Object({ kind: Type.String(), rateBp: Type.Integer(), amount: Type.Integer() }),
  originalLine: Type.Optional(Type.Integer()),
});

const common = {
  fiscalModuleNumber: Type.String({ description: 'p.9 field 15' }),
  number: Type.Integer({ description: "The module's document number" }),
  prevFiscalSign: Type.String(),
  registerNumber: Type.String({ description: 'p.9 field 2: the VCR’s serial number' }),
  shiftNumber: Type.Integer(),
  issuedAt: Type.String({ description: 'p.9 field 14, +05:00' }),
  isOffline: Type.Boolean(),
  offlineSince: Type.Optional(Type.String()),
  fiscalSign: Type.String({ description: 'p.9 field 16' }),
  mac: Type.String(),
};

export const ShiftTotalsSchema = Type.Object(
  {
    receiptCount: Type.Integer(),
    saleCount: Type.Integer(),
    refundCount: Type.Integer(),
    offlineCount: Type.Integer(),
    byTax: Type.Array(Type.Object({ operation: Type.String(), kind: Type.String(), rateBp: Type.Integer(), amount: Type.Integer(), tax: Type.Integer() })),
    byPayment: Type.Array(Type.Object({ operation: Type.String(), cash: Type.Integer(), nonCash: Type.Integer(), total: Type.Integer() })),
  },
  { $id: 'CashdeskShiftTotals' },
);

/** The sealed receipt as the module formed it and the operator received it (docs/fiscal-documents.md). */
const ReceiptDocument = Type.Object({
  type: Type.Literal('receipt'),
  ...common,
  operation: literals(['sale', 'refund'], 'p.78'),
  receiptNumber: Type.Integer({ description: 'p.9 field 1' }),
  business: Type.Object({ tin: Type.String(), name: Type.String() }),
  address: Type.String(),
  lines: Type.Array(Line),
  payment: Type.Object({ cash: Type.Integer(), nonCash: Type.Integer() }),
  total: Type.Integer(),
  taxTotal: Type.Integer(),
  refundOf: Type.Optional(
    Type.Object({ fiscalModuleNumber: Type.String(), number: Type.Integer(), fiscalSign: Type.String(), total: Type.Integer(), issuedAt: Type.String() }),
  ),
});

/** A `shift_open` or `z_report` document. */
const ShiftDocument = Type.Object({
  type: literals(['shift_open', 'z_report'], 'Shift opening or Z-report'),
  ...common,
  openedAt: Type.Optional(Type.String()),
  totals: Type.Optional(ref('CashdeskShiftTotals')),
});

const Delivery = Type.Object(
  {
    status: literals(['accepted', 'queued', 'refused'], 'accepted by the operator; queued in the module’s memory (offline); refused by the operator'),
    code: Nullable(Type.String({ description: 'The operator’s refusal code, or why an acknowledgement was not taken' })),
    violations: Type.Array(Type.String(), { description: 'What the operator holds against an accepted document (OFFLINE_LATE)' }),
    acknowledgedAt: Nullable(IsoDateTime()),
  },
  { $id: 'CashdeskDelivery' },
);

const Offline = Type.Object(
  {
    since: Type.String({ description: 'The oldest document not yet delivered (p.36)' }),
    limitAt: Type.String({ description: 'since + 24 hours' }),
    stopAt: Type.String({ description: 'When the register stops issuing (before the limit)' }),
    msLeft: Type.Integer({ description: 'Until stopAt' }),
    isStopped: Type.Boolean(),
  },
  { $id: 'CashdeskOffline' },
);

const Reason = Type.Object({ code: Type.String(), ref: Type.String(), details: Type.Optional(Free) });
const Warning = Type.Object({ code: Type.String(), details: Type.Optional(Free) });

export const ReceiptViewSchema = Type.Object(
  {
    document: ReceiptDocument,
    change: Type.Integer({ description: 'Change handed to the buyer' }),
    cashOut: Type.Integer({ description: 'Cash paid out on a refund' }),
    buyerName: Nullable(Type.String()),
    delivery: ref('CashdeskDelivery'),
    offline: Nullable(ref('CashdeskOffline')),
    qr: Type.String({ description: 'p.9 field 17: the QR code’s text' }),
    eReceiptUrl: Nullable(Type.String({ description: 'The buyer’s electronic receipt' })),
    refunded: Type.Array(Type.Object({ originalLine: Type.Integer(), quantity: Type.Integer(), amount: Type.Integer() })),
    warnings: Type.Array(Warning),
  },
  { $id: 'CashdeskReceipt' },
);

export const ShiftDocumentResultSchema = Type.Object(
  {
    document: ShiftDocument,
    delivery: ref('CashdeskDelivery'),
    offline: Nullable(ref('CashdeskOffline')),
    openingCash: Type.Optional(Type.Integer()),
    matchesRegister: Type.Optional(Type.Boolean({ description: 'The module’s totals equal the register’s recomputation' })),
    signature: Type.Optional(
      literals(['verified', 'pending', 'refused', 'none'], 'The shift signature (p.77, p.79): verified by the operator, or still to send (the worker retries)'),
    ),
  },
  { $id: 'CashdeskShiftResult' },
);

export const RegisterSchema = Type.Object(
  {
    id: Uuid(),
    fiscalRegisterId: Uuid(),
    registryNumber: Type.String(),
    serialNumber: Type.String({ description: 'p.9 field 2' }),
    fiscalModuleNumber: Type.String({ description: 'p.9 field 15' }),
    business: Type.Object({ tin: Type.String(), name: Type.String() }),
    address: Type.String({ description: 'p.9 field 5: place of activity' }),
    module: Type.Object({
      state: literals(
        ['blank', 'personalised', 'initialised', 'working', 'locked', 'missing'],
        'personalised: waiting for the TSC to hand its key to the operator',
      ),
      publicKey: Nullable(Type.String({ description: 'p.81: the key the TSC hands to the operator' })),
    }),
    isCommissioned: Type.Boolean(),
    createdAt: IsoDateTime(),
  },
  { $id: 'CashdeskRegister' },
);

export const StatusSchema = Type.Object(
  {
    canIssueReceipts: Type.Boolean(),
    canCloseShift: Type.Boolean(),
    reasons: Type.Array(Reason),
    warnings: Type.Array(Reason),
    isUnlocked: Type.Boolean(),
    link: Type.Object({ isOnline: Type.Boolean(), checkedAt: Nullable(IsoDateTime()), lastError: Nullable(Type.String()) }),
    clock: Type.Object({ checkedAt: Nullable(IsoDateTime()), offsetMs: Nullable(Type.Integer({ description: 'register − operator' })) }),
    module: Type.Object({
      state: Type.String(),
      lock: Nullable(Type.Object({ reason: Type.String(), at: Type.String(), detail: Type.String() })),
      memory: Nullable(Type.Object({ capacity: Type.Integer(), used: Type.Integer(), free: Type.Integer() })),
      nextNumber: Nullable(Type.Integer()),
    }),
    queue: Type.Object({ length: Type.Integer({ description: 'Documents waiting for an acknowledgement' }), refused: Type.Integer() }),
    offline: Nullable(ref('CashdeskOffline')),
    shift: Nullable(
      Type.Object({
        number: Type.Integer(),
        isOpen: Type.Boolean(),
        openedAt: Nullable(Type.String()),
        receiptCount: Type.Integer(),
        closeBy: Nullable(Type.String()),
      }),
    ),
  },
  { $id: 'CashdeskStatus' },
);

export const UnlockResultSchema = Type.Object({ unlockedUntil: IsoDateTime(), status: ref('CashdeskStatus') });

export const SyncResultSchema = Type.Object({
  isOnline: Type.Boolean(),
  sent: Type.Integer(),
  accepted: Type.Integer(),
  refused: Type.Array(Type.Object({ number: Type.Integer(), code: Type.String() })),
  queueLength: Type.Integer(),
});

export const ProductSchema = Type.Object(
  {
    code: Type.String(),
    gtin: Type.Optional(Type.String()),
    name: Type.Object({ tg: Type.String(), ru: Type.Optional(Type.String()), en: Type.Optional(Type.String()) }),
    unit: Type.String(),
    price: Type.Integer(),
    tax: Type.Object({ kind: Type.String(), rateBp: Type.Integer() }),
    requiresMarkingCode: Type.Boolean(),
  },
  { $id: 'CashdeskProduct' },
);

export const XReportSchema = Type.Object({
  kind: Type.Literal('x'),
  shiftNumber: Type.Integer(),
  openedAt: Type.String(),
  at: Type.String(),
  totals: ref('CashdeskShiftTotals'),
  expectedCash: Type.Integer({ description: 'Opening float + cash kept from sales − cash paid out on refunds' }),
});

export const ShiftSchema = Type.Object({
  shiftNumber: Type.Integer(),
  openedAt: Type.String(),
  openingCash: Type.Integer(),
  closedAt: Nullable(Type.String()),
  zNumber: Nullable(Type.Integer({ description: 'Document number of the Z-report' })),
  signature: literals(
    ['verified', 'pending', 'refused', 'none'],
    'The shift signature (p.77, p.79): verified by the operator, still to send, refused, or none yet',
  ),
});

export const ReportsQuery = Type.Object({ from: IsoDate('First day (Dushanbe)'), to: IsoDate('Last day (Dushanbe), included') }, Strict);
export const ReportsSchema = Type.Object({
  byDay: Type.Array(
    Type.Object({
      date: Type.String(),
      saleCount: Type.Integer(),
      refundCount: Type.Integer(),
      sales: Type.Integer(),
      refunds: Type.Integer(),
      net: Type.Integer(),
      salesTax: Type.Integer(),
      refundsTax: Type.Integer(),
      netTax: Type.Integer(),
    }),
  ),
  byProduct: Type.Array(
    Type.Object({
      key: Type.String(),
      name: Type.String(),
      gtin: Type.Optional(Type.String()),
      unit: Type.String(),
      soldQuantity: Type.Integer(),
      soldAmount: Type.Integer(),
      refundedQuantity: Type.Integer(),
      refundedAmount: Type.Integer(),
      netQuantity: Type.Integer(),
      netAmount: Type.Integer(),
    }),
  ),
  byPaymentForm: Type.Object({
    sales: Type.Object({ cash: Type.Integer(), nonCash: Type.Integer() }),
    refunds: Type.Object({ cash: Type.Integer(), nonCash: Type.Integer() }),
    net: Type.Object({ cash: Type.Integer(), nonCash: Type.Integer(), total: Type.Integer() }),
  }),
});

/** Schemas other schemas refer to by $id. */
export const SHARED_SCHEMAS: TSchema[] = [
  ShiftTotalsSchema,
  Delivery,
  Offline,
  ReceiptViewSchema,
  ShiftDocumentResultSchema,
  RegisterSchema,
  StatusSchema,
  ProductSchema,
];
