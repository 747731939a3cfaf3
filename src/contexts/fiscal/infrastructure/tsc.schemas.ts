/**
 * Request and response schemas of the TSC registry (seed 004 section 10, p.53-57): registry
 * entries, applications, branches, specialists and fiscal modules.
 */
import { type TSchema, Type } from 'typebox';
import { IsoDate, IsoDateTime, Line, Nullable, Phone, Strict, Uuid } from '../../../platform/schemas.ts';
import { MODULE_RETURN_REASONS } from '../domain/tsc-registry.ts';

export const literals = <T extends string>(values: readonly T[], description: string) =>
  Type.Union(
    values.map((v) => Type.Literal(v)),
    { description },
  );

/** Base64 of at most 5 MB of content, with a little room so that the size check gives the precise code. */
const MAX_BASE64_CHARS = 7_100_000;

/** A document as a request carries it; `kinds` are the document kinds the route accepts. */
export const AttachmentBody = (kinds: readonly string[], description: string) =>
  Type.Object(
    {
      kind: literals(kinds, description),
      fileName: Line(255, 'File name as the applicant knows it'),
      mediaType: Type.String({
        pattern: '^[a-z]+/[a-z0-9.+-]+$',
        maxLength: 100,
        description: 'Media type, e.g. application/pdf',
        examples: ['application/pdf'],
      }),
      contentBase64: Type.String({ maxLength: MAX_BASE64_CHARS, description: 'The file, base64-encoded; at most 5 MB once decoded' }),
      sheets: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, description: 'Number of sheets of a paper document' })),
    },
    Strict,
  );

/** Refusal grounds as the deciding officer enters them (p.103, p.114). */
export const RefusalGroundsBody = Type.Array(
  Type.Object(
    {
      code: literals(
        ['DOCUMENTS_INCOMPLETE', 'DATA_DISCREPANCY'],
        'DOCUMENTS_INCOMPLETE: ground 1, the set of documents is incomplete or not properly completed; DATA_DISCREPANCY: ground 2, inconsistencies or incorrect information (confirmed on site for a TSC)',
      ),
      detail: Line(1000, 'Exactly what is missing or wrong, as the refusal letter will state it'),
    },
    Strict,
  ),
  { minItems: 1, maxItems: 20, description: 'Each ground with its exact detail' },
);

export const GroundSchema = Type.Object(
  {
    code: Type.String({ description: 'DOCUMENTS_INCOMPLETE, DATA_DISCREPANCY or MODEL_NOT_IN_STATE_REGISTRY' }),
    ref: Type.String({ description: 'The point of seed 004 that allows the refusal, e.g. p.103 (1)' }),
    detail: Type.String(),
  },
  { $id: 'RefusalGround' },
);

export const DeadlineSchema = Type.Object(
  {
    kind: Type.String({ description: 'The legal time limit, e.g. TSC_DECISION (docs/processes lists them)' }),
    legalRef: Type.String(),
    responsibleKind: Type.String({ description: 'org (a TSC), unit (a branch), operator, authorised_body, inspectorate or business' }),
    responsibleId: Type.String(),
    startsAt: IsoDateTime(),
    dueAt: IsoDateTime(),
    metAt: Nullable(IsoDateTime()),
    overdueAt: Nullable(IsoDateTime()),
  },
  { $id: 'RecordDeadline' },
);

const documentFields = {
  id: Uuid(),
  kind: Type.String(),
  fileName: Type.String(),
  mediaType: Type.String(),
  sizeBytes: Type.Integer(),
  sha256: Type.String({ description: 'SHA-256 of the decoded content, hex' }),
  sheets: Nullable(Type.Integer()),
  createdAt: IsoDateTime(),
};

export const AttachmentMetaSchema = Type.Object(documentFields, { $id: 'DocumentMeta' });

/** One document with its content (base64), for the officer who decides and for the applicant. */
export const DocumentContentSchema = Type.Object({ ...documentFields, contentBase64: Type.String() }, { $id: 'DocumentContent' });

export const ref = (id: string) => Type.Unsafe({ $ref: `${id}#` });
export const many = (id: string) => Type.Array(ref(id));

export const TscApplicationSchema = Type.Object(
  {
    id: Uuid(),
    applicantTin: Type.String(),
    name: Type.String(),
    headName: Type.String(),
    address: Type.String(),
    phone: Type.String(),
    website: Nullable(Type.String()),
    callCentrePhone: Nullable(Type.String()),
    status: literals(
      ['received', 'site_check', 'included', 'refused'],
      'received: waiting for the decision (15 working days, p.104); site_check: inconsistencies being checked on site (p.101); included; refused',
    ),
    inconsistencies: Nullable(Type.String()),
    receivedAt: IsoDateTime(),
    decisionDueAt: IsoDateTime('p.104: 15 working days after receipt'),
    siteCheckDueAt: Nullable(IsoDateTime('p.101: one working day')),
    decidedAt: Nullable(IsoDateTime()),
    decidedBy: Nullable(Type.String()),
    decisionNumber: Nullable(Type.String({ description: 'Number of the decision to include, or of the refusal letter' })),
    refusalGrounds: Nullable(many('RefusalGround')),
    tscId: Nullable(Uuid('The registry entry made on inclusion')),
    previousApplicationId: Nullable(Uuid('p.105: the refused application this one follows')),
    createdBy: Type.String(),
    attachments: Type.Optional(many('DocumentMeta')),
    missingAttachments: Type.Optional(Type.Array(Type.String(), { description: 'Documents of p.100 not submitted' })),
    deadlines: Type.Optional(many('RecordDeadline')),
  },
  { $id: 'TscApplication' },
);

export const TscSchema = Type.Object(
  {
    id: Uuid(),
    tin: Type.String(),
    name: Type.String(),
    headName: Type.String(),
    address: Type.String(),
    phone: Type.String(),
    website: Nullable(Type.String()),
    callCentrePhone: Nullable(Type.String()),
    status: literals(['included', 'removed'], 'included in the state registry, or removed (p.106-111)'),
    access: literals(['active', 'suspended'], 'Access of the TSC and its branches to the TIS (p.55)'),
    accessDecision: Nullable(Type.String({ description: "The authorised body's decision behind the last access change" })),
    includedAt: IsoDateTime(),
    decisionNumber: Type.String(),
    applicationId: Uuid(),
    removedAt: Nullable(IsoDateTime()),
    removalGround: Nullable(Type.String()),
    removalDecision: Nullable(Type.String()),
    deadlines: Type.Optional(many('RecordDeadline')),
  },
  { $id: 'Tsc' },
);

export const PublishedTscSchema = Type.Object(
  {
    id: Uuid(),
    tin: Type.String(),
    name: Type.String(),
    address: Type.String(),
    phone: Type.String(),
    website: Nullable(Type.String()),
    callCentrePhone: Nullable(Type.String({ description: 'Call centre for urgent help (p.94, p.100)' })),
    includedAt: IsoDateTime(),
    decisionNumber: Type.String(),
    branches: Type.Array(Type.Object({ id: Uuid(), name: Type.String(), region: Type.String(), address: Type.String(), phone: Type.String() }), {
      description: 'Registered regional branches (p.85)',
    }),
  },
  { $id: 'PublishedTsc' },
);

export const BranchSchema = Type.Object(
  {
    id: Uuid(),
    tscId: Uuid(),
    name: Type.String(),
    region: Type.String(),
    address: Type.String(),
    phone: Type.String(),
    status: literals(
      ['applied', 'registered', 'refused', 'deregistered'],
      'applied: waiting for the reply (7 working days, p.115); registered; refused (p.114); deregistered (p.117)',
    ),
    receivedAt: IsoDateTime(),
    replyDueAt: IsoDateTime(),
    decidedAt: Nullable(IsoDateTime()),
    decidedBy: Nullable(Type.String()),
    refusalGrounds: Nullable(many('RefusalGround')),
    deregisteredAt: Nullable(IsoDateTime()),
    deregistrationGround: Nullable(Type.String({ description: 'tsc_request or tsc_removed (p.117)' })),
    previousBranchId: Nullable(Uuid('p.116: the refused request this one follows')),
    specialists: Type.Optional(
      Type.Array(
        Type.Object({ id: Uuid(), fullName: Type.String(), certificateNumber: Type.String(), certificateIssuer: Type.String(), status: Type.String() }),
        { description: 'Qualified specialists named for the branch (p.112)' },
      ),
    ),
    attachments: Type.Optional(many('DocumentMeta')),
    deadlines: Type.Optional(many('RecordDeadline')),
  },
  { $id: 'Branch' },
);

export const SpecialistSchema = Type.Object(
  {
    id: Uuid(),
    tscId: Uuid(),
    branchId: Nullable(Uuid()),
    fullName: Type.String(),
    certificateNumber: Type.String(),
    certificateIssuer: Type.String(),
    login: Type.String(),
    status: literals(['applied', 'registered', 'refused', 'revoked'], 'applied; registered (account made, p.53); refused; revoked'),
    accountId: Nullable(Uuid()),
    appliedAt: IsoDateTime(),
    decidedAt: Nullable(IsoDateTime()),
    refusalReason: Nullable(Type.String()),
    attachments: Type.Optional(many('DocumentMeta')),
  },
  { $id: 'Specialist' },
);

export const FiscalModuleSchema = Type.Object(
  {
    number: Type.String({ description: 'Unique number of the fiscal module' }),
    manufacturerNumber: Type.String(),
    status: literals(
      ['supplied', 'registered', 'installed', 'awaiting_return', 'returned'],
      'Custody chain: supplied to the TSC; registered (p.56); installed in a register; awaiting_return (p.98, p.110); returned',
    ),
    tscId: Uuid(),
    registerId: Nullable(Uuid()),
    suppliedAt: IsoDateTime(),
    registeredAt: Nullable(IsoDateTime()),
    returnReason: Nullable(Type.String({ description: 'expired, faulty, memory_full, business_liquidated (p.98) or tsc_removed (p.110)' })),
    returnDueAt: Nullable(IsoDateTime()),
    returnedAt: Nullable(IsoDateTime()),
    updatedAt: IsoDateTime(),
    deadlines: Type.Optional(many('RecordDeadline')),
  },
  { $id: 'FiscalModule' },
);

/** p.59 (FIS-OPR-14): an instruction of the authorised body and the operator's conclusion on it. */
export const TscConclusionSchema = Type.Object(
  {
    id: Uuid(),
    tscId: Uuid(),
    tscName: Type.String(),
    instructionReference: Type.String({ description: "Reference of the authorised body's instruction" }),
    periodFrom: IsoDate('First day of the period studied'),
    periodTo: IsoDate('Last day of the period studied'),
    instructedAt: IsoDateTime(),
    instructedBy: Type.String(),
    status: literals(['instructed', 'given'], 'instructed: awaiting the operator; given: the conclusion is given'),
    fullyPerforms: Nullable(Type.Boolean({ description: 'Whether the TSC fully performs its duties' })),
    recommendation: Nullable(literals(['none', 'remove'], 'remove: the operator recommends removal from the state registry (p.59)')),
    findings: Nullable(
      Type.Array(
        Type.Object({
          code: literals(['DEADLINE_OVERDUE', 'DEADLINE_MET_LATE', 'NO_QUALIFIED_SPECIALIST', 'ACCESS_SUSPENDED'], 'What the operator found'),
          kind: Type.Optional(Type.String({ description: 'The kind of legal deadline' })),
          legalRef: Type.String({ description: 'The paragraph of Res. 432 the duty comes from' }),
          count: Type.Integer({ minimum: 0 }),
        }),
      ),
    ),
    deadlinesStudied: Nullable(Type.Integer({ minimum: 0, description: 'Legal deadlines of the TSC and its branches that fell due in the period' })),
    deadlinesKept: Nullable(Type.Integer({ minimum: 0 })),
    operatorComment: Nullable(Type.String()),
    givenAt: Nullable(IsoDateTime()),
    givenBy: Nullable(Type.String()),
  },
  { $id: 'TscConclusion' },
);

export const ALL_SCHEMAS: readonly TSchema[] = [
  GroundSchema,
  DeadlineSchema,
  AttachmentMetaSchema,
  DocumentContentSchema,
  TscApplicationSchema,
  TscSchema,
  PublishedTscSchema,
  BranchSchema,
  SpecialistSchema,
  FiscalModuleSchema,
  TscConclusionSchema,
];

/** Shared body fragments. */
export const SpecialistBody = {
  fullName: Line(200, 'Full name of the qualified specialist'),
  certificateNumber: Line(100, "Number of the manufacturer's (or its representative's) certificate"),
  certificateIssuer: Line(200, 'Manufacturer or authorised representative that issued the certificate'),
  login: Type.String({ pattern: '^[a-z0-9][a-z0-9._-]{2,59}$', description: 'Login the specialist will use in the TIS (lower-case letters, digits, . _ -)' }),
};
export const ContactBody = { address: Line(500, 'Address of the place of activity'), phone: Phone() };
export const TscParams = Type.Object({ id: Uuid('Id of the TSC registry entry') }, Strict);
export const ModuleParams = Type.Object(
  { number: Type.String({ pattern: '^[A-Za-z0-9-]{1,40}$', description: 'Unique number of the fiscal module' }) },
  Strict,
);
export const ModuleNumber = () => Type.String({ pattern: '^[A-Za-z0-9-]{1,40}$', description: 'Unique number of the fiscal module' });
export const ReturnReason = literals(MODULE_RETURN_REASONS, 'p.98: expired, faulty, memory_full or business_liquidated');
export const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, description: 'Rows per page (default 100)' })),
  offset: Type.Optional(Type.Integer({ minimum: 0, description: 'Rows to skip' })),
};
