/** Request and response schemas of complaints, the Book of complaints, ratings, the monthly note and the annual indicators. */
import { Type } from 'typebox';
import { InstantInput, Line, LocalisedText, Nullable, Phone, Strict, Tin, Uuid } from '../../../platform/schemas.ts';
import { COMPLAINT_OUTCOMES, COMPLAINT_SERVICES, OFFICER_COMPLAINT_CHANNELS } from '../domain/complaint.ts';
import { literals } from './requests.schemas.ts';

export const RegistrationNumber = () =>
  Type.String({ pattern: '^\\d{4}-\\d{7}$', description: 'Registration number of the complaint', examples: ['2026-0000042'] });
export const Secret = () =>
  Type.String({
    minLength: 16,
    maxLength: 40,
    pattern: '^[0-9A-Za-z -]+$',
    description: 'The secret given at registration',
    examples: ['7K3M-Q9TR-2VXD-H8PA'],
  });

const Score = (description: string) => Type.Integer({ minimum: 1, maximum: 5, description: `${description}: 1 (very poor) … 5 (excellent)` });
const SurveyFields = {
  overall: Score('Overall'),
  courtesy: Score('Courtesy of the staff'),
  clarity: Score('Clarity of the information'),
  timeliness: Score('Timeliness'),
};

const About = Type.Object(
  {
    unitCode: Type.Optional(Line(60, 'Code of the unit complained of')),
    officialName: Type.Optional(Line(300, 'The official complained of')),
    conduct: Type.Optional(literals(['action', 'inaction'] as const, 'An action or an inaction of the official (A1 p.13)')),
  },
  Strict,
);

const subjectFields = {
  about: Type.Optional(About),
  decisionRef: Type.Optional(Line(300, '11.11.01: the tax audit act or decision appealed, with its number and date')),
  declarationRef: Type.Optional(Line(300, '11.11.04: the declaration (report) to correct: tax, period, number')),
  text: Line(20_000, 'Text of the complaint or appeal'),
};

export const RegisterComplaintBody = Type.Object(
  {
    serviceKey: literals(COMPLAINT_SERVICES, 'The service of group 11: 11.11.01, 11.11.02, 11.11.04 or 11.11.05'),
    channel: literals(OFFICER_COMPLAINT_CHANNELS, 'How it arrived (A1 p.13): post, office, trust_phone, phone_151, email, chat'),
    complainant: Type.Object(
      {
        tin: Type.Optional(Tin()),
        name: Line(300, 'Name of the citizen or taxpayer'),
        email: Type.Optional(Type.String({ format: 'email', maxLength: 200 })),
        phone: Type.Optional(Phone()),
        address: Type.Optional(Line(500, 'Postal address for the written reply')),
      },
      Strict,
    ),
    ...subjectFields,
    unitCode: Type.Optional(Line(60, 'Unit that reviews it; by default the one the catalogue names')),
    receipt: Type.Optional(
      Type.Object(
        {
          receiverName: Type.Optional(Line(300, 'In person: full name of the receiver on the second copy (TS-16)')),
          receiverSigned: Type.Optional(Type.Boolean({ description: 'In person: the receiver signed the second copy' })),
          stamp: Type.Optional(Line(200, 'In person: the stamp put on the second copy')),
          receivedAt: Type.Optional(InstantInput('In person: the date of receipt on the second copy, if registered later')),
          incomingNumber: Type.Optional(Line(60, 'Post or e-mail: number in the incoming register')),
          stampedAt: Type.Optional(InstantInput('Post or e-mail: date of the incoming-registration stamp, which starts the clock (TS-16)')),
        },
        Strict,
      ),
    ),
  },
  Strict,
);

export const ComplaintBookBody = Type.Object(
  {
    serviceKey: Type.Optional(
      literals(['11.11.01', '11.11.02', '11.11.04'] as const, 'Default 11.11.02; 11.11.01 and 11.11.04 need a taxpayer logged in to the personal cabinet'),
    ),
    complainant: Type.Object(
      {
        name: Line(300, 'Name of the citizen or taxpayer'),
        email: Type.Optional(Type.String({ format: 'email', maxLength: 200 })),
        phone: Type.Optional(Phone()),
        address: Type.Optional(Line(500, 'Postal address for the written reply')),
      },
      Strict,
    ),
    ...subjectFields,
  },
  Strict,
);

export const ComplaintRegisteredSchema = Type.Object(
  {
    id: Type.Optional(Uuid()),
    registrationNumber: Type.String(),
    secret: Type.String({ description: 'Shown once: the key to the status page (TS-40)' }),
    receivedAt: Type.String(),
    dueAt: Nullable(Type.String()),
    receiptCopyResultId: Type.Optional(Nullable(Uuid())),
  },
  { $id: 'ComplaintRegistered', title: 'ComplaintRegistered' },
);

export const AnswerBody = Type.Object(
  { outcome: literals(COMPLAINT_OUTCOMES, 'Outcome of the review'), text: Line(20_000, 'The written reply (TS-17)') },
  Strict,
);

export const ComplaintSchema = Type.Object(
  {
    id: Uuid(),
    registrationNumber: Type.String(),
    serviceKey: Type.String(),
    channel: Type.String(),
    status: Type.String({ description: 'under_review or answered' }),
    slaState: Type.String(),
    receivedAt: Type.String(),
    dueAt: Nullable(Type.String()),
    escalatedAt: Nullable(Type.String()),
    unitCode: Type.String(),
    complainant: Type.Object({
      tin: Nullable(Type.String()),
      name: Nullable(Type.String()),
      email: Nullable(Type.String()),
      phone: Nullable(Type.String()),
      address: Nullable(Type.String()),
    }),
    about: Type.Object({ unitCode: Nullable(Type.String()), officialName: Nullable(Type.String()), conduct: Nullable(Type.String()) }),
    decisionRef: Nullable(Type.String()),
    declarationRef: Nullable(Type.String()),
    text: Type.String(),
    receipt: Type.Object({
      mode: Type.String(),
      receivedAt: Type.String(),
      receiverName: Nullable(Type.String()),
      receiverSigned: Nullable(Type.Boolean()),
      stamp: Nullable(Type.String()),
      incomingNumber: Nullable(Type.String()),
      copyResultId: Nullable(Type.String()),
    }),
    reply: Nullable(
      Type.Object({
        outcome: Nullable(Type.String()),
        text: Nullable(Type.String()),
        answeredAt: Type.String(),
        answeredBy: Nullable(Type.String()),
        resultId: Nullable(Type.String()),
        isLate: Nullable(Type.Boolean()),
      }),
    ),
  },
  { $id: 'Complaint', title: 'Complaint' },
);

export const SecretBody = Type.Object({ registrationNumber: RegistrationNumber(), secret: Secret() }, Strict);

export const ComplaintStatusSchema = Type.Object(
  {
    registrationNumber: Type.String(),
    serviceKey: Type.String(),
    serviceName: LocalisedText,
    channel: Type.String(),
    status: Type.String({ description: 'under_review or answered' }),
    receivedAt: Type.String(),
    dueAt: Nullable(Type.String()),
    answeredAt: Nullable(Type.String()),
    isLate: Nullable(Type.Boolean()),
    outcome: Nullable(Type.String()),
    outcomeName: Nullable(LocalisedText),
    reply: Nullable(Type.String()),
    hasReplyLetter: Type.Boolean(),
    canRate: Type.Boolean(),
  },
  { $id: 'ComplaintStatus', title: 'ComplaintStatus' },
);

export const SurveyBody = Type.Object({ ...SurveyFields, comment: Type.Optional(Line(2000, 'Remark')) }, Strict);
export const BookRatingBody = Type.Object(
  { registrationNumber: RegistrationNumber(), secret: Secret(), ...SurveyFields, comment: Type.Optional(Line(2000, 'Remark')) },
  Strict,
);
export const UnitRatingBody = Type.Object(
  {
    ...SurveyFields,
    staffName: Type.Optional(Line(300, 'The staff member rated')),
    remark: Type.Optional(Line(4000, 'Remarks')),
    proposal: Type.Optional(Line(4000, 'Proposals')),
    raterName: Type.Optional(Line(300, 'Name of the rater (optional)')),
    viaPhone151: Type.Optional(Type.Boolean({ description: 'An officer of the 151 line records the caller’s rating (A1 p.16)' })),
  },
  Strict,
);

const Aggregate = {
  count: Type.Integer(),
  overall: Nullable(Type.Number()),
  courtesy: Nullable(Type.Number()),
  clarity: Nullable(Type.Number()),
  timeliness: Nullable(Type.Number()),
  satisfiedShare: Nullable(Type.Number()),
  distribution: Type.Array(Type.Integer(), { description: 'How many gave each overall score, 1 … 5' }),
};
export const RatingAggregateSchema = Type.Object(Aggregate, { $id: 'RatingAggregate', title: 'RatingAggregate' });
const RatingRowSchema = Type.Object({ key: Type.String(), name: LocalisedText, ...Aggregate });
export const RatingSummarySchema = Type.Object(
  {
    from: Type.String(),
    to: Type.String(),
    totals: Type.Object(Aggregate),
    byService: Type.Array(RatingRowSchema),
    byUnit: Type.Array(RatingRowSchema),
    byChannel: Type.Array(RatingRowSchema),
    byStaff: Type.Array(RatingRowSchema),
  },
  { $id: 'RatingSummary', title: 'RatingSummary' },
);

export const PeriodParams = Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }), month: Type.Integer({ minimum: 1, maximum: 12 }) }, Strict);
export const YearParams = Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) }, Strict);

export const IndicatorsSchema = Type.Object(
  {
    year: Type.Integer(),
    revision: Type.Integer(),
    computedAt: Type.String(),
    publishedAt: Nullable(Type.String()),
    definitions: Type.Array(Type.Object({ code: Type.String(), name: LocalisedText, formula: LocalisedText, unit: Type.String(), scopes: Type.String() })),
    values: Type.Array(
      Type.Object({
        code: Type.String(),
        scope: Type.String(),
        value: Nullable(Type.Number()),
        numerator: Nullable(Type.Number()),
        denominator: Nullable(Type.Number()),
      }),
    ),
  },
  { $id: 'QualityIndicators', title: 'QualityIndicators' },
);
