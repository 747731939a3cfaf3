import { Type } from 'typebox';
import { InstantInput, IsoDate, IsoDateTime, Line, LocalisedText, Nullable, Phone, Strict, Tin, Uuid } from '../../../platform/schemas.ts';

/** Request and response schemas of register applications, registers and their incidents. */
export const ApplicationKindSchema = Type.Union(
  [Type.Literal('registration'), Type.Literal('re_registration'), Type.Literal('address_change'), Type.Literal('deregistration')],
  { description: 'Annex 1 (registration, re-registration), p.30 (address change), Annex 3 (deregistration)' },
);
export const ApplicationStatusSchema = Type.Union([Type.Literal('received'), Type.Literal('under_study'), Type.Literal('completed'), Type.Literal('refused')]);
export const RegisterKindSchema = Type.Union([Type.Literal('online'), Type.Literal('virtual')]);
const AttachmentKindSchema = Type.Union(
  [
    Type.Literal('place_of_activity_document'),
    Type.Literal('service_contract'),
    Type.Literal('address_and_place_of_activity'),
    Type.Literal('security_certificate'),
    Type.Literal('new_address_document'),
    Type.Literal('deregistration_basis'),
    Type.Literal('additional'),
  ],
  { description: 'p.20 attachments 1-4, the new-address documents of p.30, the Annex 3 basis, or additional documents' },
);

export const AttachmentInputSchema = Type.Object(
  {
    kind: AttachmentKindSchema,
    fileName: Line(200),
    mediaType: Type.String({ pattern: '^[a-z]+/[a-z0-9.+-]+$', maxLength: 100, examples: ['application/pdf'] }),
    contentBase64: Type.String({ minLength: 1, maxLength: 7_000_000, description: 'File content, base64 (at most 5 MB decoded)' }),
    sheets: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000, description: 'Number of sheets (Annex 3, item 1)' })),
  },
  Strict,
);

export const SubmitApplicationBody = Type.Object(
  {
    kind: ApplicationKindSchema,
    businessTin: Tin(),
    registerId: Type.Optional(Uuid('The register concerned (all kinds but registration)')),
    modelId: Type.Optional(Uuid('Model or program from the state registry (AX1-03)')),
    manufacturerNumber: Type.Optional(Line(60, 'Manufacturer number (AX1-04)')),
    softwareVersion: Type.Optional(Line(60, 'Software version number (AX2-07)')),
    fiscalModuleNumber: Type.Optional(Line(60, 'Fiscal module number (AX1-05)')),
    placeOfActivity: Type.Optional(Line(300, 'Address of the place of activity (AX1-10); for an address change, the new one')),
    businessName: Type.Optional(Line(300, 'Name as written on the application; compared with the taxpayer registry')),
    address: Type.Optional(Line(300, 'Address as written on the application (AX1-08)')),
    movedOn: Type.Optional(IsoDate('Day the activity moved to the new address (p.30)')),
    reason: Type.Optional(Line(1000, 'Reason for deregistration (AX3-11), or for re-registration "other"')),
    reRegistrationReason: Type.Optional(
      Type.Union([
        Type.Literal('fiscal_module_faulty'),
        Type.Literal('fiscal_module_expired'),
        Type.Literal('fiscal_module_memory_full'),
        Type.Literal('register_replaced'),
        Type.Literal('business_data_changed'),
        Type.Literal('other'),
      ]),
    ),
    isFiscalModuleHandedOver: Type.Optional(Type.Boolean({ description: 'AX3-13: the fiscal module is handed over with the application' })),
    signatory: Line(200, 'AX1-14: name of the legal entity or full name of the entrepreneur'),
    signedOn: IsoDate('AX1-16: date of the application'),
    phone: Phone(),
    submittedAs: Type.Union([Type.Literal('electronic'), Type.Literal('paper')], { description: 'p.19: electronic or on paper' }),
    signature: Type.Optional(
      Type.String({ minLength: 1, maxLength: 2000, description: 'Base64 EDS of the business over the signed content (electronic only)' }),
    ),
    receivedAt: Type.Optional(InstantInput('When the TSC received the application (start of the 4 working hours of p.22); default now')),
    technicalCheck: Type.Optional(
      Type.Object(
        {
          isInWorkingOrder: Type.Boolean({ description: 'p.92: the register is in working order' }),
          isCorrectProgramInstalled: Type.Boolean({ description: 'p.92: the right program is installed' }),
        },
        Strict,
      ),
    ),
    attachments: Type.Array(AttachmentInputSchema, { maxItems: 20 }),
    previousApplicationId: Type.Optional(Uuid('A refused application this one follows (p.28)')),
  },
  Strict,
);

const GroundSchema = Type.Object({ code: Type.String(), ref: Type.String(), detail: Type.String(), message: Type.Optional(LocalisedText) });
const FindingSchema = Type.Object({ code: Type.String(), ground: Type.String(), field: Type.String(), detail: Type.String(), message: LocalisedText });

export const ApplicationSchema = Type.Object(
  {
    id: Uuid(),
    kind: ApplicationKindSchema,
    status: ApplicationStatusSchema,
    businessTin: Type.String(),
    tscId: Uuid(),
    branchId: Nullable(Uuid()),
    enteredBy: Type.String(),
    registerId: Nullable(Uuid()),
    modelId: Nullable(Uuid()),
    form: Type.Object({}, { additionalProperties: true, description: 'Every field of Annex 1 / Annex 3' }),
    findings: Type.Array(FindingSchema),
    signature: Nullable(Type.Object({}, { additionalProperties: true })),
    receivedAt: IsoDateTime(),
    dueAt: IsoDateTime(),
    studyDueAt: Nullable(IsoDateTime()),
    studyNote: Nullable(Type.String()),
    decidedAt: Nullable(IsoDateTime()),
    decidedBy: Nullable(Type.String()),
    refusalGrounds: Nullable(Type.Array(GroundSchema)),
    isLate: Type.Boolean(),
    previousApplicationId: Nullable(Uuid()),
    attachments: Type.Optional(
      Type.Array(
        Type.Object({
          id: Uuid(),
          kind: Type.String(),
          fileName: Type.String(),
          mediaType: Type.String(),
          sizeBytes: Type.Integer(),
          sha256: Type.String(),
          sheets: Nullable(Type.Integer()),
        }),
      ),
    ),
  },
  { $id: 'RegisterApplication' },
);

export const RegisterSummarySchema = Type.Object(
  {
    id: Uuid(),
    registryNumber: Type.String(),
    kind: RegisterKindSchema,
    modelName: Type.String(),
    modelVersion: Type.String(),
    manufacturerNumber: Type.String(),
    softwareVersion: Type.String(),
    fiscalModuleNumber: Type.String(),
    businessTin: Type.String(),
    businessName: Type.String(),
    placeOfActivity: Type.String(),
    inspectorateCode: Type.String(),
    tscId: Uuid(),
    status: Type.Union([Type.Literal('registered'), Type.Literal('deregistered')]),
    isLost: Type.Boolean(),
    registeredAt: IsoDateTime(),
    deregisteredAt: Nullable(IsoDateTime()),
    nextInspectionDueAt: IsoDateTime(),
  },
  { $id: 'RegisterSummary' },
);

export const RegistrationCardSchema = Type.Object(
  {
    registerId: Uuid(),
    registryNumber: Type.String({ description: 'AX2-03 / AX2-04' }),
    registeredOn: IsoDate('AX2-03: date of registration'),
    status: Type.Union([Type.Literal('registered'), Type.Literal('deregistered')]),
    isLost: Type.Boolean(),
    kind: RegisterKindSchema,
    modelName: Type.String({ description: 'AX2-05: type of online CR or VCR program' }),
    modelVersion: Type.String(),
    manufacturer: Type.String(),
    manufacturerNumber: Type.String({ description: 'AX2-06' }),
    softwareVersion: Type.String({ description: 'AX2-07' }),
    fiscalModuleNumber: Type.String(),
    placeOfActivity: Type.String({ description: 'AX2-08' }),
    business: Type.Object({ tin: Type.String(), name: Type.String(), address: Type.String() }),
    inspectorate: Type.Object({
      code: Type.String(),
      name: LocalisedText,
      headName: Type.String({ description: 'AX2-10' }),
      registrationInspectorName: Type.String({ description: 'AX2-11' }),
    }),
    certificate: Type.Object({ number: Type.String(), issuer: Type.String(), validTo: IsoDate() }),
    isFreeOfCharge: Type.Boolean({ description: 'p.25: registration is free' }),
    history: Type.Array(
      Type.Object({
        kind: Type.String({ description: 'AX2-09: registered, re_registered, address_changed, deregistered, lost, inspected' }),
        at: IsoDateTime(),
        on: IsoDate(),
        placeOfActivity: Type.String(),
        softwareVersion: Type.String(),
        fiscalModuleNumber: Type.String(),
        note: Nullable(Type.String()),
      }),
    ),
  },
  { $id: 'RegistrationCard' },
);

export const IncidentBody = Type.Object(
  {
    occurredAt: InstantInput('When the register was lost or broke down'),
    description: Line(2000),
    channel: Type.Union([Type.Literal('cabinet'), Type.Literal('call_centre'), Type.Literal('in_person')], {
      description: 'p.37: how the business reported it',
    }),
  },
  Strict,
);

export const IncidentSchema = Type.Object(
  {
    id: Uuid(),
    kind: Type.Union([Type.Literal('loss'), Type.Literal('breakdown')]),
    registerId: Uuid(),
    businessTin: Type.String(),
    tscId: Uuid(),
    channel: Type.String(),
    description: Type.String(),
    occurredAt: IsoDateTime(),
    reportedAt: IsoDateTime(),
    reportedBy: Type.String(),
    reportDueAt: IsoDateTime(),
    isLate: Type.Boolean(),
    taxNoticeDueAt: Nullable(IsoDateTime()),
    taxNotifiedAt: Nullable(IsoDateTime()),
  },
  { $id: 'Incident' },
);

export const InspectionBody = Type.Object(
  {
    inspectedOn: IsoDate('Day of the inspection'),
    result: Type.Union([Type.Literal('passed'), Type.Literal('failed')]),
    notes: Line(2000),
  },
  Strict,
);

export const DeadlineSchema = Type.Object(
  {
    id: Uuid(),
    kind: Type.String(),
    legalRef: Type.String(),
    title: LocalisedText,
    limit: Type.Object({ amount: Type.Number(), unit: Type.String() }),
    subjectType: Type.String(),
    subjectId: Type.String(),
    responsibleKind: Type.String(),
    responsibleId: Type.String(),
    startsAt: IsoDateTime(),
    dueAt: IsoDateTime(),
    metAt: Nullable(IsoDateTime()),
    overdueAt: Nullable(IsoDateTime()),
    isOverdue: Type.Boolean(),
    isMetLate: Type.Boolean(),
  },
  { $id: 'Deadline' },
);

export const BusinessSchema = Type.Object(
  {
    tin: Type.String(),
    name: Type.String(),
    kind: Type.Union([Type.Literal('legal_entity'), Type.Literal('individual_entrepreneur')]),
    legalAddress: Type.String(),
    phone: Nullable(Type.String()),
    inspectorateCode: Type.String(),
    taxRegime: Type.String(),
    isVatPayer: Type.Boolean(),
    exemption: Nullable(Type.String({ description: 'p.4 exemption category' })),
    exemptionBasis: Nullable(Type.String()),
    dataVersion: Type.Integer(),
    createdAt: IsoDateTime(),
    updatedAt: IsoDateTime(),
    mustUseRegister: Type.Optional(Type.Boolean({ description: 'False for a business exempt under p.4' })),
  },
  { $id: 'Business' },
);

export const NewBusinessBody = Type.Object(
  {
    tin: Tin(),
    name: Line(300),
    kind: Type.Union([Type.Literal('legal_entity'), Type.Literal('individual_entrepreneur')]),
    legalAddress: Line(300),
    phone: Type.Optional(Phone()),
    inspectorateCode: Line(20),
    taxRegime: Type.Union([
      Type.Literal('general'),
      Type.Literal('simplified'),
      Type.Literal('patent'),
      Type.Literal('certificate'),
      Type.Literal('agricultural_single_tax'),
    ]),
    isVatPayer: Type.Boolean(),
    pin: Type.Optional(Type.String({ pattern: '^\\d{6,12}$', description: 'Opens the personal cabinet: PIN of 6 to 12 digits (p.18)' })),
  },
  Strict,
);

export const ExemptionBody = Type.Object(
  {
    exemption: Nullable(
      Type.Union([
        Type.Literal('strict_accountability_documents'),
        Type.Literal('household_produce'),
        Type.Literal('agricultural_single_tax'),
        Type.Literal('patent'),
        Type.Literal('certificate_non_stationary'),
      ]),
    ),
    basis: Line(500, 'The document the exemption rests on'),
  },
  Strict,
);

export const Paged = <T extends import('typebox').TSchema>(item: T) => Type.Object({ items: Type.Array(item), total: Type.Integer() });

/** A tax inspectorate as imported from the reference file (FIS-IMP-16). */
export const InspectorateRow = Type.Object(
  {
    code: Type.String({ pattern: '^[0-9A-Za-z-]{2,20}$' }),
    name_tg: Line(300),
    name_ru: Line(300),
    name_en: Line(300),
    region: Line(100),
    district: Line(100),
    address: Line(300),
    head_name: Line(200),
    registration_inspector_name: Line(200),
    office_code: Type.Optional(Type.String({ maxLength: 40 })),
  },
  Strict,
);
