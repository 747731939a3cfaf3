/** Request and response schemas of customs audits (docs/customs-audits.md). */
import { Type } from 'typebox';
import { IsoDate, IsoDateTime, Line, LocalisedText, Nullable, Strict } from '../../../platform/schemas.ts';
import { AUDIT_STATES, type AuditState, CONTROL_OBJECTS, type ControlObjectType } from '../domain/audit.ts';
import { AUDIT_GROUND_CODES } from '../domain/audit-grounds.ts';
import { CaseHistory, caseNumberParams, listPage } from './case-schemas.ts';

const State = Type.Unsafe<AuditState>({ type: 'string', enum: [...AUDIT_STATES], description: 'State of catalog 3.3' });
const Place = Type.Union([Type.Literal('desk'), Type.Literal('field')], { description: 'Art.417 p.5: desk (камеральная) or field (выездная)' });
const Focus = Type.Union([Type.Literal('complex'), Type.Literal('thematic')], { description: 'Art.417 p.5: complex (комплексная) or thematic (тематическая)' });
const OfficeCode = (description: string) => Type.String({ minLength: 1, maxLength: 40, description, examples: ['DUSHANBE'] });
const PersonCode = Type.String({ pattern: '^[A-Z0-9-]{3,40}$', description: 'TIN (9 digits) or foreign code of the audited person', examples: ['010000001'] });
const DeclarationNumber = Type.String({ pattern: '^[A-Za-z0-9/-]{3,40}$', description: 'Registration number of a released declaration' });
const ControlObjectSchema = Type.Object(
  {
    type: Type.Unsafe<ControlObjectType>({ type: 'string', enum: [...CONTROL_OBJECTS], description: 'CUS-CTL-07: one of the 8 objects of art.399(1)' }),
    reference: Type.Optional(Line(100, 'Which one (a warehouse licence, a document number …)')),
  },
  Strict,
);
const Dirams = Type.String({ pattern: '^\\d{1,16}$', description: 'Amount in dirams (1 somoni = 100 dirams)', examples: ['1250000'] });

export const NumberParams = caseNumberParams('AUD', 'Audit number');
export const PlanParams = caseNumberParams('AP', 'Plan number');

const subject = {
  place: Place,
  focus: Focus,
  theme: Type.Optional(Line(500, 'Theme of a thematic audit')),
  person: Type.Object({ code: PersonCode, name: Line(300) }, Strict),
  declarations: Type.Optional(Type.Array(DeclarationNumber, { maxItems: 200, description: 'AMB-12: optional; released declarations only' })),
  controlObjects: Type.Optional(Type.Array(ControlObjectSchema, { maxItems: 8 })),
  coveredFrom: Type.Optional(IsoDate('First day of the activity under audit')),
  coveredTo: Type.Optional(IsoDate('Last day of the activity under audit')),
};

export const PlanBody = Type.Object(
  { officeCode: OfficeCode('The customs authority whose plan it is'), periodFrom: IsoDate(), periodTo: IsoDate(), title: Line(300) },
  Strict,
);
export const PlanEntryBody = Type.Object({ ...subject, plannedOn: IsoDate('Planned day inside the plan’s period') }, Strict);
export const RegisterBody = Type.Object(
  {
    ...subject,
    officeCode: OfficeCode('The customs authority that audits'),
    ground: Type.Unsafe<string>({
      type: 'string',
      enum: [...AUDIT_GROUND_CODES],
      description: 'D1-D8 (art.417(1) p.6) for desk, F1-F15 (art.417(2) p.5) for field',
    }),
    groundDetails: Line(4000, 'What the ground rests on'),
  },
  Strict,
);
export const OrderBody = Type.Object(
  { instructions: Line(4000, 'What is checked and which documents are demanded'), auditors: Type.Array(Line(200), { minItems: 1, maxItems: 20 }) },
  Strict,
);
export const DeliveryBody = Type.Object(
  {
    method: Type.Union([Type.Literal('electronic'), Type.Literal('in_person'), Type.Literal('post')]),
    deliveredOn: Type.Optional(IsoDate('Day the copy was delivered (start of the audit); required unless electronic')),
  },
  Strict,
);
export const ExtendBody = Type.Object(
  { days: Type.Integer({ minimum: 1, maximum: 30, description: 'Additional calendar days (AMB-13)' }), reason: Line(2000) },
  Strict,
);
export const ReportBody = Type.Object(
  {
    isViolationFound: Type.Boolean(),
    isDocumentsNotSubmitted: Type.Optional(Type.Boolean({ description: 'Documents or data not submitted on demand in time (art.417(2) p.5 i.13)' })),
    findings: Line(8000, 'Findings of the act'),
    additionalDirams: Dirams,
    lateReason: Type.Optional(Line(2000, 'Required when the act is issued after the last day')),
  },
  Strict,
);
export const FollowUpBody = Type.Object(
  {
    reason: Type.Union([Type.Literal('desk_results'), Type.Literal('complaint')], { description: 'A7 (ground F13) or A8 (ground F12)' }),
    details: Line(4000),
    focus: Type.Optional(Focus),
    theme: Type.Optional(Line(500)),
  },
  Strict,
);
export const ListQuery = Type.Object(
  {
    state: Type.Optional(State),
    place: Type.Optional(Place),
    focus: Type.Optional(Focus),
    officeCode: Type.Optional(OfficeCode('Office')),
    personCode: Type.Optional(PersonCode),
    isPlanned: Type.Optional(Type.Boolean()),
    isOverdue: Type.Optional(Type.Boolean()),
    ...listPage,
  },
  Strict,
);
export const PlanListQuery = Type.Object(
  {
    officeCode: Type.Optional(OfficeCode('Office')),
    ...listPage,
  },
  Strict,
);

const Order = Type.Object({
  issuedAt: IsoDateTime(),
  signerRole: Nullable(Type.String()),
  instructions: Nullable(Type.String()),
  auditors: Type.Array(Type.String()),
});
const Report = Type.Object({
  issuedAt: IsoDateTime(),
  isViolationFound: Type.Boolean(),
  isDocumentsNotSubmitted: Type.Boolean(),
  findings: Type.String(),
  additionalDirams: Dirams,
  isLate: Type.Boolean(),
  lateReason: Nullable(Type.String()),
});

const personFields = {
  number: Type.String(),
  state: State,
  place: Place,
  focus: Focus,
  theme: Nullable(Type.String()),
  officeCode: Type.String(),
  person: Type.Object({ code: Type.String(), name: Type.String() }),
  isPlanned: Type.Boolean(),
  declarations: Type.Array(Type.String()),
  coveredFrom: Nullable(IsoDate()),
  coveredTo: Nullable(IsoDate()),
  order: Nullable(Order),
  deliveredOn: Nullable(IsoDate()),
  deliveryMethod: Nullable(Type.String()),
  startOn: Nullable(IsoDate('Start = the day the order was delivered')),
  dueOn: Nullable(IsoDate('Last day: start + 30 calendar days (+ extension)')),
  originalDueOn: Nullable(IsoDate()),
  extension: Nullable(Type.Object({ days: Type.Integer(), reason: Nullable(Type.String()), extendedAt: Nullable(IsoDateTime()) })),
  report: Nullable(Report),
  closedAt: Nullable(IsoDateTime()),
};

export const GroundSchema = Type.Object({ code: Type.String(), item: Type.Integer(), legalBasis: Type.String(), title: LocalisedText });

/** The officers' card (a superset of what the person sees). */
export const AuditSchema = Type.Object({
  ...personFields,
  planNumber: Type.Optional(Nullable(Type.String())),
  plannedOn: Type.Optional(Nullable(IsoDate())),
  ground: Type.Optional(Nullable(GroundSchema)),
  groundDetails: Type.Optional(Nullable(Type.String())),
  originNumber: Type.Optional(Nullable(Type.String())),
  controlObjects: Type.Optional(Type.Array(Type.Object({ type: Type.String(), reference: Type.Optional(Type.String()) }))),
  registeredAt: Type.Optional(IsoDateTime()),
  registeredBy: Type.Optional(Type.String()),
  orderSignedBy: Type.Optional(Nullable(Type.String())),
  isOverdue: Type.Optional(Type.Boolean()),
  overdueNotifiedAt: Type.Optional(Nullable(IsoDateTime())),
  history: CaseHistory,
});

export const PlanSchema = Type.Object({
  number: Type.String(),
  officeCode: Type.String(),
  periodFrom: IsoDate(),
  periodTo: IsoDate(),
  title: Type.String(),
  createdBy: Type.String(),
  createdAt: IsoDateTime(),
  entries: Type.Array(Type.Object(personFields)),
});

export const GroundListSchema = Type.Array(
  Type.Object({ code: Type.String(), place: Place, item: Type.Integer(), legalBasis: Type.String(), title: LocalisedText }),
);
