/** Request and response schemas of the regime places' stock ledgers and of processing permits. */
import { Type } from 'typebox';
import { IsoDate, IsoDateTime, Line, Nullable, Strict, Tin, Uuid } from '../../../platform/schemas.ts';
import { ENTRY_KINDS, PLACE_KINDS } from '../domain/regime-ledger.ts';
import { PROCESSING_KINDS } from '../domain/regime-permits.ts';
import { CommodityCode, Decimal, OfficeCode } from './preliminary.schemas.ts';

const literals = <T extends string>(values: readonly T[], description?: string) => Type.Enum([...values] as T[], description ? { description } : {});
const Channel = literals(['portal', 'owner_software'], 'Who posts: the portal, or the owner’s own software through the API');
const IdempotencyKey = Line(100, 'Key of the owner’s software: the same request again returns the first record(s) with 200');
const DeclarationNumber = Line(60, 'Number of the goods declaration that placed the goods under the regime');
const ItemNo = Type.Integer({ minimum: 1, maximum: 999, description: 'Item number on that declaration' });
const Quantity = Decimal('Quantity: the supplementary quantity when the item declares one, else the net mass in kg');

const Insurance = Type.Object(
  { insurer: Line(300, 'Insurance company'), policyNumber: Line(60, 'Policy number'), validTo: IsoDate('Last day of cover') },
  { ...Strict, description: 'Insurance policy: open-type customs warehouses only (art.228 p.2 i.6, p.3 i.6 as amended)' },
);

export const PlaceBody = Type.Object(
  {
    kind: literals(PLACE_KINDS, 'Customs warehouse (art.230), duty-free shop (art.262) or free warehouse (art.279)'),
    ownerTin: Tin('TIN of the owner who keeps the ledger'),
    name: Line(300, 'Name of the place'),
    officeCode: OfficeCode('Customs office in whose region the place is'),
    address: Line(500, 'Address'),
    warehouseType: Type.Optional(Nullable(literals(['open', 'closed'], 'Customs warehouse only: open or closed type (CUS-GUA-06)'))),
    insurance: Type.Optional(Nullable(Insurance)),
    guaranteeReference: Line(60, 'The owner’s guarantee in the registry (GUA-…), covering this kind of place'),
  },
  { ...Strict, title: 'RegimePlaceInput' },
);

export const PlaceSchema = Type.Object(
  {
    id: Type.String(),
    number: Type.String(),
    kind: literals(PLACE_KINDS),
    ownerTin: Type.String(),
    name: Type.String(),
    officeCode: Type.String(),
    address: Type.String(),
    warehouseType: Nullable(literals(['open', 'closed'])),
    insurance: Nullable(Insurance),
    guaranteeReference: Type.String(),
    status: literals(['active']),
    registeredAt: IsoDateTime(),
  },
  { title: 'RegimePlace' },
);

export const PlacesQuery = Type.Object({ kind: Type.Optional(literals(PLACE_KINDS)) }, Strict);

export const ReceiptBody = Type.Object(
  { declarationNumber: DeclarationNumber, itemNo: ItemNo, quantity: Quantity, channel: Type.Optional(Channel), idempotencyKey: Type.Optional(IdempotencyKey) },
  { ...Strict, title: 'RegimeReceiptInput' },
);

export const IssueBody = Type.Object(
  {
    declarationNumber: DeclarationNumber,
    itemNo: ItemNo,
    quantity: Quantity,
    basis: literals(['declaration', 'sale'], 'A released declaration completing the regime, or a sale (duty-free shop only)'),
    documentNumber: Line(60, 'Number of the completing declaration, or of the sale receipt'),
    channel: Type.Optional(Channel),
    idempotencyKey: Type.Optional(IdempotencyKey),
  },
  { ...Strict, title: 'RegimeIssueInput' },
);

export const TransferBody = Type.Object(
  {
    toPlaceId: Uuid('Another place of the same owner and kind'),
    declarationNumber: DeclarationNumber,
    itemNo: ItemNo,
    quantity: Quantity,
    channel: Type.Optional(Channel),
    idempotencyKey: Type.Optional(IdempotencyKey),
  },
  { ...Strict, title: 'RegimeTransferInput' },
);

export const ReversalBody = Type.Object(
  {
    entryId: Uuid('The receipt or issue to reverse'),
    reason: Line(200, 'Why the record was wrong'),
    channel: Type.Optional(Channel),
    idempotencyKey: Type.Optional(IdempotencyKey),
  },
  { ...Strict, title: 'RegimeReversalInput' },
);

export const EntrySchema = Type.Object(
  {
    id: Type.String(),
    placeId: Type.String(),
    kind: literals(ENTRY_KINDS),
    declarationNumber: Type.String(),
    itemNo: Type.Integer(),
    commodityCode: Type.String(),
    unit: Type.String(),
    quantity: Type.String({ description: 'Signed: positive in, negative out' }),
    documentKind: Type.String(),
    documentNumber: Type.String(),
    transferId: Nullable(Type.String()),
    reversesEntryId: Nullable(Type.String()),
    channel: Type.String(),
    idempotencyKey: Nullable(Type.String()),
    postedAt: IsoDateTime(),
    postedBy: Type.String(),
  },
  { title: 'RegimeLedgerRecord' },
);

export const BalanceSchema = Type.Object(
  { declarationNumber: Type.String(), itemNo: Type.Integer(), commodityCode: Type.String(), unit: Type.String(), balance: Type.String() },
  { title: 'RegimeBalance' },
);

export const StocktakeBody = Type.Object(
  {
    takenOn: IsoDate('Day of the count'),
    lines: Type.Array(Type.Object({ declarationNumber: DeclarationNumber, itemNo: ItemNo, counted: Decimal('Quantity counted') }, Strict), {
      maxItems: 5000,
      description: 'What was counted; a lot on the book that is not listed counts as zero',
    }),
  },
  { ...Strict, title: 'RegimeStocktakeInput' },
);

export const StocktakeSchema = Type.Object(
  {
    id: Type.String(),
    placeId: Type.String(),
    takenOn: Type.String(),
    lines: Type.Array(
      Type.Object({ declarationNumber: Type.String(), itemNo: Type.Integer(), book: Type.String(), counted: Type.String(), difference: Type.String() }),
    ),
    hasDifferences: Type.Boolean(),
    recordedAt: IsoDateTime(),
    recordedBy: Type.String(),
  },
  { title: 'RegimeStocktake' },
);

export const ReconciliationSchema = Type.Object(
  {
    placeId: Type.String(),
    number: Type.String(),
    lines: Type.Array(
      Type.Object({
        declarationNumber: Type.String(),
        itemNo: Type.Integer(),
        commodityCode: Type.String(),
        declared: Type.String(),
        received: Type.String(),
        issued: Type.String(),
        transferred: Type.String({ description: 'Net of transfers in and out' }),
        balance: Type.String(),
        status: literals(['not_received', 'partly_received', 'received', 'over_received']),
      }),
    ),
  },
  { title: 'RegimeReconciliation' },
);

const GoodsLine = Type.Object(
  { commodityCode: CommodityCode, description: Line(500, 'Description'), quantity: Decimal('Quantity'), unit: Line(20, 'Unit') },
  Strict,
);

export const PermitBody = Type.Object(
  {
    kind: literals(PROCESSING_KINDS, 'Processing inside (art.179-181), for domestic consumption (art.192-193) or outside (art.203-204)'),
    officeCode: OfficeCode('Customs office that decides'),
    operations: Line(4000, 'Processing operations and how the products will be identified'),
    goods: Type.Array(GoodsLine, { minItems: 1, maxItems: 200, description: 'Goods to be processed' }),
    products: Type.Array(GoodsLine, { minItems: 1, maxItems: 200, description: 'Products of processing' }),
    requestedUntil: IsoDate('Day to which the permit is asked for'),
  },
  { ...Strict, title: 'ProcessingPermitApplicationInput' },
);

export const PermitSchema = Type.Object(
  {
    id: Type.String(),
    applicationNumber: Type.String(),
    kind: literals(PROCESSING_KINDS),
    applicantTin: Type.String(),
    officeCode: Type.String(),
    calendarOffice: Type.String(),
    applicationForm: Type.String(),
    operations: Type.String(),
    goods: Type.Array(GoodsLine),
    products: Type.Array(GoodsLine),
    requestedUntil: Type.String(),
    status: literals(['submitted', 'issued', 'refused']),
    submittedAt: IsoDateTime(),
    warnAt: IsoDateTime('When 8 of the 10 working days have run'),
    decisionDueAt: IsoDateTime('End of the 10 working days (art.180 p.3, art.193 p.3, art.204 p.3)'),
    warnedAt: Nullable(IsoDateTime()),
    overdueAt: Nullable(IsoDateTime()),
    extendedAt: Nullable(IsoDateTime()),
    extensionWorkingDays: Nullable(Type.Integer()),
    extensionReason: Nullable(Type.String()),
    decidedAt: Nullable(IsoDateTime()),
    decisionForm: Nullable(Type.String()),
    isDecidedLate: Nullable(Type.Boolean()),
    refusalReason: Nullable(Type.String()),
    permitNumber: Nullable(Type.String()),
    permitValidFrom: Nullable(Type.String()),
    permitValidTo: Nullable(Type.String()),
    permitTerms: Nullable(Type.String()),
    legalBasis: Nullable(Type.String({ description: 'Issued in accordance with the legislation on the permit system (CUS-REG-04)' })),
  },
  { title: 'ProcessingPermit' },
);

export const PermitsQuery = Type.Object({ status: Type.Optional(literals(['submitted', 'issued', 'refused'])) }, Strict);

const Form = literals(['electronic', 'written'], 'Electronic or written decision (art.180 p.6, art.193 p.4, art.204 p.6 as amended)');
export const PermitDecisionBody = Type.Union(
  [
    Type.Object({ decision: Type.Literal('issue'), form: Form, validTo: IsoDate('Last day of validity'), terms: Line(4000, 'Terms of the permit') }, Strict),
    Type.Object({ decision: Type.Literal('refuse'), form: Form, reason: Line(2000, 'Reasons for the refusal') }, Strict),
  ],
  { title: 'ProcessingPermitDecision' },
);

export const ExtensionBody = Type.Object(
  { workingDays: Type.Integer({ minimum: 1, maximum: 60, description: 'Working days to add' }), reason: Line(2000, 'Why') },
  { ...Strict, title: 'ProcessingPermitExtensionInput' },
);

export const PermitParameterBody = Type.Object(
  {
    validFrom: IsoDate('First day the figure applies'),
    extensionWorkingDays: Type.Integer({ minimum: 0, maximum: 60, description: 'Working days of extension the law on the permit system allows; 0: none' }),
    basis: Line(500, 'The act and article'),
  },
  { ...Strict, title: 'ProcessingPermitParameterInput' },
);

export const PermitParameterSchema = Type.Object(
  { validFrom: Type.String(), extensionWorkingDays: Type.Integer(), basis: Type.String(), recordedAt: IsoDateTime(), recordedBy: Type.String() },
  { title: 'ProcessingPermitParameter' },
);
