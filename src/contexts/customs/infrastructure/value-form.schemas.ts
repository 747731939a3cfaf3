/** Request and response schemas of the customs value form and customs value communications (docs/customs-value.md). */
import { type TSchema, Type } from 'typebox';
import { IsoDate, Line, Nullable, Strict, Uuid } from '../../../platform/schemas.ts';
import { CHANNELS, COMMUNICATION_KINDS, VALUE_DECISIONS } from '../domain/value-communication.ts';

const literals = <T extends string>(values: readonly T[], description?: string) =>
  Type.Unsafe<T>(Type.Union(values.map((v) => Type.Literal(v as string)) as TSchema[], description ? { description } : {}));
const Decimal = (description: string) => Type.String({ pattern: '^(0|[1-9]\\d{0,14})(\\.\\d{1,2})?$', description, examples: ['800.00'] });
const Text = (max: number, description?: string) => Type.String({ minLength: 1, maxLength: max, description });
const Sha256 = (description: string) => Type.String({ pattern: '^[0-9a-f]{64}$', description });

export const ValueFormBody = Type.Object(
  {
    method: Type.Unsafe<1 | 2 | 3 | 4 | 5 | 6>(
      Type.Union(
        [1, 2, 3, 4, 5, 6].map((n) => Type.Literal(n)),
        { description: 'Method of determining the customs value: 1 transaction value … 6 fallback; must be the declaration’s' },
      ),
    ),
    methodReasons: Type.Optional(Line(2000, 'Why the earlier methods could not be used')),
    invoiceNumber: Type.Optional(Text(100, 'Invoice number')),
    invoiceDate: Type.Optional(IsoDate('Invoice date')),
    contractNumber: Type.Optional(Text(100, 'Contract number; must be the declaration’s')),
    contractDate: Type.Optional(IsoDate('Contract date; must be the declaration’s')),
    transportCost: Decimal('Transport to the border, invoice currency; must be the declaration’s'),
    insuranceCost: Decimal('Insurance, invoice currency; must be the declaration’s'),
    otherCosts: Decimal('Other additions, invoice currency; must be the declaration’s'),
    isRelated: Type.Optional(Type.Boolean({ description: 'Seller and buyer are related' })),
    relationInfluence: Type.Optional(Line(2000, 'Whether and how the relationship influenced the price')),
    hasRestrictions: Type.Optional(Type.Boolean({ description: 'Restrictions on the buyer’s use of the goods' })),
    hasConditions: Type.Optional(Type.Boolean({ description: 'The price depends on conditions whose value cannot be determined' })),
    hasRoyalties: Type.Optional(Type.Boolean({ description: 'Licence fees or royalties are payable as a condition of the sale' })),
    hasResaleProceeds: Type.Optional(Type.Boolean({ description: 'Part of the proceeds of resale goes to the seller' })),
    documents: Type.Array(
      Type.Object(
        {
          typeCode: Text(40, 'Document type of the reference list'),
          number: Text(100, 'Number'),
          date: IsoDate('Date of the document'),
          sha256: Type.Optional(Sha256('SHA-256 of the electronic copy uploaded to /api/customs/documents (art.361 p.2)')),
        },
        Strict,
      ),
      { maxItems: 50, description: 'Documents supporting the declared value (art.361 p.1-2)' },
    ),
  },
  { ...Strict, description: 'The electronic customs value form (art.362 p.1)' },
);

const Reason = Type.Object({ code: Type.String(), field: Type.String() });

export const ValueFormVersionSchema = Type.Object({
  version: Type.Integer(),
  source: literals(['with_declaration', 'separate']),
  sha256: Type.String(),
  definitionVersion: Nullable(Type.Integer()),
  submittedAt: Type.String(),
});

export const ValueFormViewSchema = Type.Object({
  declarationId: Type.String(),
  declarationNumber: Nullable(Type.String()),
  customsValueDirams: Nullable(Type.String({ description: 'The customs value assessed at registration, dirams' })),
  current: Type.Object({
    version: Type.Integer({ description: '0: no form submitted yet, the form as the declaration’s valuation gives it' }),
    source: literals(['declaration', 'with_declaration', 'separate']),
    data: ValueFormBody,
    definitionVersion: Nullable(Type.Integer({ description: 'The customs value form definition it was (or is) checked against' })),
    submittedAt: Nullable(Type.String()),
    differences: Type.Array(Type.String(), { description: 'Fields that differ from the declaration’s valuation today' }),
    violations: Type.Array(Reason, { description: 'Filling rules in force it breaks (a derived form, before one is submitted)' }),
  }),
  versions: Type.Array(ValueFormVersionSchema),
});

export const CommunicationBody = Type.Object(
  {
    kind: literals(COMMUNICATION_KINDS, 'What it is (art.364 p.1 i.3, art.365 p.1 i.2, p.2)'),
    channel: literals(CHANNELS, 'Electronic (through the system) or written'),
    subject: Line(300, 'Subject'),
    body: Type.String({ maxLength: 8000, description: 'Text: what is asked, decided or answered, with the reasons' }),
    decision: Type.Optional(literals(VALUE_DECISIONS, 'A value decision only: the declared value accepted, adjusted or not accepted')),
    inReplyTo: Type.Optional(Uuid('The communication it answers')),
    documents: Type.Array(Sha256('SHA-256 of an electronic copy uploaded to /api/customs/documents'), { maxItems: 50 }),
    answerDueOn: Type.Optional(IsoDate('A documents request: the day by which to answer')),
    sentAt: Type.Optional(Type.String({ format: 'date-time', description: 'Written only: when it was sent, handed over or posted' })),
    deliveredAt: Type.Optional(Type.String({ format: 'date-time', description: 'Written only: when it was delivered, once known' })),
  },
  Strict,
);
export const DeliveryBody = Type.Object(
  { deliveredAt: Type.String({ format: 'date-time', description: 'When the written communication was delivered' }) },
  Strict,
);

export const CommunicationSchema = Type.Object({
  id: Type.String(),
  declarationId: Type.String(),
  declarationNumber: Nullable(Type.String()),
  kind: literals(COMMUNICATION_KINDS),
  direction: literals(['to_declarant', 'to_customs']),
  channel: literals(CHANNELS),
  legalBasis: Type.String(),
  inReplyTo: Nullable(Type.String()),
  subject: Type.String(),
  body: Type.String(),
  decision: Nullable(literals(VALUE_DECISIONS)),
  documents: Type.Array(Type.String()),
  answerDueOn: Nullable(Type.String()),
  addresseeCode: Type.String(),
  sentAt: Type.String(),
  deliveredAt: Nullable(Type.String()),
  recordedBy: Nullable(Type.String({ description: 'Who keyed it in; customs staff only' })),
  recordedAt: Type.String(),
});

export const InboxQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
  },
  Strict,
);
export const CommunicationParams = Type.Object({ id: Uuid(), communicationId: Uuid() }, Strict);
export const ValueDocumentParams = Type.Object({ id: Uuid(), sha256: Sha256('SHA-256') }, Strict);
