/** Request and response schemas of the service-request register and the dashboard (TS-26, TS-32). */
import { type TSchema, Type } from 'typebox';
import { IsoDate, IsoDateTime, Line, LocalisedText, Nullable, Phone, Strict, Tin, Uuid } from '../../../platform/schemas.ts';
import { CHANNELS } from '../domain/types.ts';

export const literals = <T extends string>(values: readonly T[], description: string) =>
  Type.Union(
    values.map((v) => Type.Literal(v)),
    { description },
  );

export const ChannelSchema = literals(CHANNELS, 'Channel the request came through (TS-26)');
export const ServiceKey = () =>
  Type.String({ pattern: '^\\d{2}\\.\\d{2}\\.\\d{2}[a-e]?$', description: 'Service code with its sub-variant letter, e.g. 05.05.01b' });
const MAX_BASE64_CHARS = 7_100_000;

export const ResultBody = Type.Object(
  {
    kind: Line(40, 'Kind of result (certificate, usr_extract, letter, notice, sms …)'),
    fileName: Line(255, 'File name'),
    mediaType: Type.String({ pattern: '^[a-z]+/[a-z0-9.+-]+$', maxLength: 100, description: 'Media type, e.g. application/pdf' }),
    contentBase64: Type.String({ maxLength: MAX_BASE64_CHARS, description: 'The file, base64-encoded' }),
  },
  Strict,
);

export const OpenRequestBody = Type.Object(
  {
    serviceKey: ServiceKey(),
    channel: Type.Optional(ChannelSchema),
    applicant: Type.Optional(
      Type.Object(
        {
          tin: Type.Optional(Tin()),
          name: Type.Optional(Line(300, 'Name of the applicant')),
          email: Type.Optional(Type.String({ format: 'email', maxLength: 200 })),
          phone: Type.Optional(Phone()),
        },
        Strict,
      ),
    ),
    unitCode: Type.Optional(Line(60, 'Responsible unit; by default the one the catalogue names')),
    receivedAt: Type.Optional(IsoDateTime('When the application arrived; a letter counts from its incoming-registration stamp (TS-16)')),
    documentsComplete: Type.Optional(Type.Boolean({ description: 'Whether the necessary documents came with the application (TS-29); default true' })),
    startedAt: Type.Optional(IsoDateTime('The start event, when it is not the arrival (12.12.02 contract and payment)')),
    period: Type.Optional(
      Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }), month: Type.Optional(Type.Integer({ minimum: 1, maximum: 12 })) }, Strict),
    ),
    planDate: Type.Optional(IsoDate('Date of the approved plan (10.10.01)')),
    hadQueue: Type.Optional(Type.Boolean({ description: 'Counter and terminal services: whether there was a queue (TS-31)' })),
    queueWaitSeconds: Type.Optional(Type.Integer({ minimum: 0, maximum: 86_400 })),
    subject: Type.Optional(Type.Object({}, { additionalProperties: true, description: 'What the service needs to know' })),
  },
  Strict,
);

export const NoteBody = Type.Object({ note: Line(2000, 'What is asked for, or why') }, Strict);
export const CompleteBody = Type.Object(
  { note: Type.Optional(Line(2000, 'Note to the applicant')), results: Type.Optional(Type.Array(ResultBody, { maxItems: 10 })) },
  Strict,
);

const Sla = Type.Object({
  state: Type.String({ description: 'on_track, at_risk, breached, met, met_late, suspended or awaiting_documents' }),
  startedAt: Nullable(Type.String()),
  dueAt: Nullable(Type.String()),
  warnAt: Nullable(Type.String()),
  targetAt: Nullable(Type.String()),
  opensAt: Nullable(Type.String()),
  stageDueAt: Nullable(Type.String()),
  warnedAt: Nullable(Type.String()),
  escalatedAt: Nullable(Type.String()),
});

const requestFields = {
  id: Uuid(),
  number: Type.String(),
  serviceKey: Type.String(),
  serviceCode: Type.String(),
  serviceName: LocalisedText,
  deadlineText: Nullable(LocalisedText),
  resultText: Nullable(LocalisedText),
  catalogueVersion: Nullable(Type.String()),
  channel: Type.String(),
  applicant: Type.Object({ tin: Nullable(Type.String()), name: Nullable(Type.String()), email: Nullable(Type.String()), phone: Nullable(Type.String()) }),
  unit: Type.Object({ code: Type.String(), name: LocalisedText, region: Type.String() }),
  status: Type.String(),
  sla: Sla,
  receivedAt: Type.String(),
  completedAt: Nullable(Type.String()),
  elapsedSeconds: Nullable(Type.Number()),
  isLate: Nullable(Type.Boolean()),
  suspensions: Type.Integer(),
  suspendedSeconds: Type.Number(),
  hadQueue: Nullable(Type.Boolean()),
  queueWaitSeconds: Nullable(Type.Integer()),
  outcomeNote: Nullable(Type.String()),
  period: Nullable(Type.Object({ year: Type.Integer(), month: Nullable(Type.Integer()) })),
  planDate: Nullable(Type.String()),
  subject: Type.Object({}, { additionalProperties: true }),
};

export const ServiceRequestSchema = Type.Object(requestFields, { $id: 'ServiceRequest', title: 'ServiceRequest' });
export const ServiceRequestDetailSchema = Type.Object(
  {
    ...requestFields,
    events: Type.Array(
      Type.Object({
        at: Type.String(),
        kind: Type.String(),
        actor: Type.Optional(Type.String()),
        note: Nullable(Type.String()),
        data: Type.Object({}, { additionalProperties: true }),
      }),
    ),
    results: Type.Array(
      Type.Object({ id: Uuid(), kind: Type.String(), fileName: Type.String(), mediaType: Type.String(), sha256: Type.String(), createdAt: Type.String() }),
    ),
    isRated: Type.Boolean({ description: 'The applicant has rated the service (TS-41: once)' }),
  },
  { $id: 'ServiceRequestDetail', title: 'ServiceRequestDetail' },
);

const DashboardRowSchema = Type.Object({
  key: Type.String(),
  name: LocalisedText,
  open: Type.Integer(),
  atRisk: Type.Integer(),
  breached: Type.Integer(),
  suspended: Type.Integer(),
  awaitingDocuments: Type.Integer(),
  closed: Type.Integer(),
  late: Type.Integer(),
  closedAfterSuspension: Type.Integer(),
  medianSeconds: Nullable(Type.Number()),
  p95Seconds: Nullable(Type.Number()),
  onTimeRate: Nullable(Type.Number()),
});

export const DashboardSchema = Type.Object(
  {
    at: Type.String(),
    from: Type.String(),
    to: Type.String(),
    region: Nullable(Type.String()),
    totals: DashboardRowSchema,
    byService: Type.Array(DashboardRowSchema),
    byUnit: Type.Array(DashboardRowSchema),
    byRegion: Type.Array(DashboardRowSchema),
    byChannel: Type.Array(DashboardRowSchema),
  },
  { $id: 'ServiceDashboard', title: 'ServiceDashboard' },
);

export const ref = (id: string): TSchema => Type.Unsafe({ $ref: `${id}#` });
