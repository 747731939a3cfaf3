/** Request and response schemas of the goods declaration (docs/customs-declarations.md). */
import { type TSchema, Type } from 'typebox';
import { IsoDate, IsoDateTime, Line, Nullable, Strict, Uuid } from '../../../platform/schemas.ts';
import { DECLARATION_FORMS, DECLARATION_STATES, PRELIMINARY_EXEMPTIONS } from '../domain/declaration.ts';
import { REGIMES, TRANSPORT_MODES } from '../domain/tables.ts';
import { CONTROL_EVENT_KINDS } from './declaration.schema.ts';

const literals = <T extends string>(values: readonly T[], description?: string) =>
  Type.Unsafe<T>(Type.Union(values.map((v) => Type.Literal(v as string)) as TSchema[], description ? { description } : {}));
const Decimal = (scale: number, description: string) =>
  Type.String({ pattern: `^(0|[1-9]\\d{0,14})(\\.\\d{1,${scale}})?$`, description, examples: [scale === 3 ? '1250.500' : '12500.00'] });
const Code = (pattern: string, description: string) => Type.String({ pattern, description });
const Country = (description: string) => Code('^[A-Z]{2}$', description);
const Text = (max: number, description?: string) => Type.String({ minLength: 1, maxLength: max, description });

const Party = Type.Object(
  {
    name: Text(300, 'Name'),
    country: Country('ISO 3166-1 alpha-2'),
    address: Text(500, 'Address'),
    tin: Type.Optional(Code('^[0-9]{9}$', 'TIN of a domestic party')),
  },
  Strict,
);

const DocumentRef = Type.Object(
  {
    typeCode: Text(40, 'Document type of the reference list'),
    number: Text(100, 'Number'),
    date: IsoDate('Date of the document'),
    issuer: Text(300, 'Who issued it'),
    sha256: Type.Optional(Code('^[0-9a-f]{64}$', 'SHA-256 of the uploaded electronic copy (art.63 p.9); absent when only its details are given (art.63 p.15)')),
    items: Type.Optional(Type.Array(Type.Integer({ minimum: 1, maximum: 999 }), { maxItems: 999, description: 'Items it covers; empty: all' })),
  },
  Strict,
);

const Item = Type.Object(
  {
    number: Type.Integer({ minimum: 1, maximum: 999, description: 'Item number, 1, 2, 3 … in order' }),
    commodityCode: Code('^[0-9]{10}$', 'Classification code of the national nomenclature (ТН ВЭД), 10 digits'),
    description: Text(1000, 'Description of the goods'),
    originCountry: Country('Country of origin'),
    grossMassKg: Decimal(3, 'Gross mass, kg'),
    netMassKg: Decimal(3, 'Net mass, kg'),
    supplementaryQuantity: Type.Optional(Decimal(3, 'Quantity in the unit of the code, when it is not kg')),
    packages: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
    packageKind: Text(40, 'Kind of packages'),
    invoiceAmount: Decimal(2, 'Price in the invoice currency'),
    goodsCategories: Type.Optional(Type.Array(Text(40), { maxItems: 10, description: 'Art.125 p.2 categories' })),
    goodsList: Type.Optional(
      Type.Array(
        Type.Object({ name: Text(300), quantity: Decimal(3, 'Quantity'), unit: Text(20), commodityCode: Code('^[0-9]{10}$', 'Code of these goods') }, Strict),
        { maxItems: 1000, description: 'Art.128 p.2: the list of goods of a one-code consignment' },
      ),
    ),
    isSample: Type.Optional(Type.Boolean({ description: 'Samples taken with customs’ permission (art.127 p.1 i.2)' })),
  },
  Strict,
);

export const DeclarationDataSchema = Type.Object(
  {
    direction: literals(['import', 'export']),
    regime: literals(REGIMES, 'Customs procedure'),
    officeCode: Text(40, 'Customs office that accepts it'),
    declarantCode: Code('^([0-9]{9}|[A-Z]{2}-[A-Z0-9]{1,30})$', 'TIN of a domestic declarant or CC-number of a foreign one (art.126)'),
    brokerTin: Type.Optional(Code('^[0-9]{9}$', 'Customs broker filing for the declarant (art.124 p.2)')),
    consignor: Party,
    consignee: Party,
    transport: Type.Object(
      {
        mode: literals(TRANSPORT_MODES),
        vehicles: Type.Array(Text(40), { maxItems: 20 }),
        nationality: Country('Nationality of the means of transport'),
        borderOfficeCode: Type.Optional(Text(40)),
      },
      Strict,
    ),
    countryOfDispatch: Country('Country of dispatch'),
    countryOfDestination: Country('Country of destination'),
    currency: Code('^[A-Z]{3}$', 'Invoice currency, ISO 4217'),
    invoiceTotal: Decimal(2, 'Invoice total = sum of the items'),
    deliveryTerms: Text(100, 'Incoterms rule and place'),
    preliminaryNumber: Type.Optional(Text(60, 'Preliminary information used (art.11-1 p.3)')),
    preliminaryExemption: Type.Optional(literals(PRELIMINARY_EXEMPTIONS, 'Why no preliminary information (art.11-1 p.7-8)')),
    storageNumber: Type.Optional(Text(60, 'Temporary storage record of the goods')),
    valuation: Type.Object(
      {
        method: Type.Union([1, 2, 3, 4, 5, 6].map((n) => Type.Literal(n))),
        transportCost: Decimal(2, 'Transport to the border, invoice currency'),
        insuranceCost: Decimal(2, 'Insurance, invoice currency'),
        otherCosts: Decimal(2, 'Other additions, invoice currency'),
        contractNumber: Type.Optional(Text(100)),
        contractDate: Type.Optional(IsoDate()),
      },
      { ...Strict, description: 'The electronic customs value form (art.361-362)' },
    ),
    items: Type.Array(Item, { minItems: 1, maxItems: 999 }),
    documents: Type.Array(DocumentRef, { maxItems: 200 }),
  },
  Strict,
);

export const DraftBody = Type.Object({ form: literals(DECLARATION_FORMS), data: DeclarationDataSchema }, Strict);
export const PaperBody = Type.Object(
  { form: literals(DECLARATION_FORMS), data: DeclarationDataSchema, filerTin: Code('^[0-9]{9}$', 'TIN of who filed the paper: the declarant or its broker') },
  Strict,
);

const Signed = {
  signature: Type.String({ minLength: 1, maxLength: 2000, description: 'Base64 signature over the signing payload' }),
  certificatePem: Type.String({ minLength: 1, maxLength: 20_000, description: 'Signer’s X.509 certificate (PEM)' }),
};
export const FilingBody = Type.Object({ ...Signed, guaranteeReference: Type.Optional(Text(100)) }, Strict);
export const AmendmentBody = Type.Object(
  {
    ...Signed,
    kind: literals(['data', 'location_or_typo', 'completion']),
    reason: Line(2000, 'What changes and why (art.133 p.3)'),
    data: DeclarationDataSchema,
  },
  Strict,
);
export const WithdrawalBody = Type.Object({ ...Signed, reason: Line(2000, 'The motive (art.134 p.1)') }, Strict);
export const DecisionBody = Type.Object({ permit: Type.Boolean(), reasons: Type.Array(Line(500), { maxItems: 20 }) }, Strict);
export const ControlBody = Type.Object(
  {
    kind: literals(CONTROL_EVENT_KINDS),
    note: Type.String({ maxLength: 2000 }),
    carriesLiability: Type.Optional(Type.Boolean()),
    isRemedied: Type.Optional(Type.Boolean()),
    place: Type.Optional(Line(300)),
    scheduledAt: Type.Optional(IsoDateTime()),
    additionalDirams: Type.Optional(
      Type.String({
        pattern: '^(0|[1-9][0-9]{0,14})$',
        description: 'A finding or the completion: additional customs payments assessed, dirams (fed back to risk management)',
      }),
    ),
  },
  Strict,
);
export const ReleaseBody = Type.Object({ conditional: Type.Boolean(), basis: Type.Optional(Line(500)) }, Strict);
export const RefusalBody = Type.Object(
  { grounds: Type.Array(Type.Integer({ minimum: 0, maximum: 99 }), { minItems: 1, maxItems: 7 }), explanation: Type.String({ maxLength: 2000 }) },
  Strict,
);
export const DemandBody = Type.Object({ what: Line(2000, 'What must change (art.133 p.6)') }, Strict);
export const OriginalBody = Type.Object(
  { documentType: Text(40), kind: literals(['customs_value', 'origin_for_preference', 'payment_relief']), riskBasis: Line(500) },
  Strict,
);
export const UploadBody = Type.Object(
  {
    fileName: Text(200),
    mediaType: Text(100),
    contentBase64: Type.String({ minLength: 1, maxLength: 8 * 1024 * 1024, description: 'The file, base64' }),
  },
  Strict,
);
export const IssuerBody = Type.Object({ name: Line(300), certificatePem: Type.String({ minLength: 1, maxLength: 20_000 }) }, Strict);
export const ListQuery = Type.Object(
  {
    state: Type.Optional(literals(DECLARATION_STATES)),
    officeCode: Type.Optional(Text(40)),
    lane: Type.Optional(literals(['green', 'blue', 'yellow', 'red'], 'The lane of the risk management system: the officers’ queue per lane')),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
  },
  Strict,
);
export const DeclarationParams = Type.Object({ id: Uuid() }, Strict);
export const RequestParams = Type.Object({ id: Uuid(), requestId: Uuid() }, Strict);
export const EventParams = Type.Object({ id: Uuid(), eventId: Uuid() }, Strict);
export const FileParams = Type.Object({ id: Uuid(), sha256: Code('^[0-9a-f]{64}$', 'SHA-256') }, Strict);

const Money = Nullable(Type.String({ pattern: '^-?[0-9]+$', description: 'Dirams' }));
const Instant = Nullable(Type.String());
export const SummarySchema = Type.Object({
  id: Type.String(),
  number: Nullable(Type.String()),
  state: literals(DECLARATION_STATES),
  form: literals(DECLARATION_FORMS),
  channel: literals(['electronic', 'paper']),
  direction: literals(['import', 'export']),
  regime: Type.String(),
  officeCode: Type.String(),
  declarantCode: Type.String(),
  brokerTin: Nullable(Type.String()),
  itemCount: Type.Integer(),
  createdAt: Type.String(),
  registeredAt: Instant,
  releaseDueAt: Instant,
  releasedAt: Instant,
  payableDirams: Money,
  riskLane: Nullable(literals(['green', 'blue', 'yellow', 'red'])),
});

export const DetailSchema = Type.Object({
  ...SummarySchema.properties,
  resumeState: Nullable(Type.String()),
  filerTin: Type.String(),
  data: DeclarationDataSchema,
  version: Type.Integer(),
  updatedAt: Type.String(),
  acceptedOn: Nullable(Type.String()),
  filingDueAt: Instant,
  isFiledLate: Type.Boolean({ description: 'Filed after the art.129 deadline (end of the temporary storage period)' }),
  assessment: Nullable(
    Type.Object({ customsValueDirams: Money, dutyDirams: Money, exciseDirams: Money, vatDirams: Money, payableDirams: Money, toSecureDirams: Money }),
  ),
  guaranteeReference: Nullable(Type.String()),
  riskLane: Nullable(
    Type.String({ description: 'The lane of the risk management system; the declarant sees it with the measures, never why (art.429(2) p.3)' }),
  ),
  riskMeasures: Type.Array(Type.String(), { description: 'Risk minimisation measures the lane calls for (art.428 i.7)' }),
  riskDecidedAt: Instant,
  riskDecisionId: Nullable(
    Uuid(
      'The risk management decision that set the lane (a re-routing keeps it), the basis a control act cites (art.399 p.3); null until risk management has decided',
    ),
  ),
  preliminaryDueAt: Instant,
  incompletePermittedAt: Instant,
  incompleteDueAt: Instant,
  incompleteCompletedAt: Instant,
  refusedAt: Instant,
  refusalGrounds: Nullable(Type.Array(Type.Integer())),
  withdrawnAt: Instant,
  annulledAt: Instant,
  notAcceptedReasons: Nullable(Type.Array(Type.Object({ ground: Type.Integer(), code: Type.String(), field: Type.String() }))),
  versions: Type.Array(
    Type.Object({
      version: Type.Integer(),
      sha256: Type.String(),
      signerTin: Nullable(Type.String()),
      reason: Type.String(),
      actor: Type.String(),
      createdAt: Type.String(),
    }),
  ),
  requests: Type.Array(
    Type.Object({
      id: Type.String(),
      kind: Type.String(),
      status: Type.String(),
      reason: Type.String(),
      changes: Type.Unknown(),
      requestedAt: Type.String(),
      dueAt: Instant,
      decidedAt: Instant,
      decisionReasons: Nullable(Type.Array(Type.String())),
    }),
  ),
  controlEvents: Type.Array(
    Type.Object({
      id: Type.String(),
      kind: Type.String(),
      carriesLiability: Nullable(Type.Boolean()),
      isRemedied: Nullable(Type.Boolean()),
      note: Type.String(),
      place: Nullable(Type.String()),
      scheduledAt: Instant,
      at: Type.String(),
    }),
  ),
  originalsRequested: Type.Array(
    Type.Object({ id: Type.String(), documentType: Type.String(), kind: Type.String(), requestedAt: Type.String(), seenAt: Instant }),
  ),
});

export const SigningPayloadSchema = Type.Object({
  payload: Type.String({ description: 'The exact UTF-8 text to sign (canonical JSON)' }),
  sha256: Type.String(),
});
export const RequestSchema = Type.Object({ id: Type.String(), kind: Type.String(), status: Type.String(), requestedAt: Type.String() });
export const UploadSchema = Type.Object({ sha256: Type.String(), size: Type.Integer() });
export const IssuerSchema = Type.Object({ id: Type.String(), sha256: Type.String() });
