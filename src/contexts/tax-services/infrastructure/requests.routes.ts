import { Type } from 'typebox';
import { dushanbeDate } from '../../../platform/calendar/index.ts';
import { eq } from 'drizzle-orm';
import { transact } from '../../../platform/db.ts';
import { fail } from '../../../platform/result.ts';
import { requests } from './schema.ts';
import { type App, ProblemError, requireRole, unwrap } from '../../../platform/http.ts';
import { IdParams, IsoDate, Line, LocalisedText, Strict, Tin, Uuid } from '../../../platform/schemas.ts';
import { decideCatalogueChange, listCatalogueVersions, proposeCatalogueChange } from '../application/catalogue.ts';
import { dashboard } from '../application/dashboard.ts';
import { actorOf, OFFICER_ROLES, TAXPAYER_ROLES, type TaxServicesDeps } from '../application/deps.ts';
import { getRequest, getResult, isVisible, listRequests } from '../application/request-queries.ts';
import { completeRequest, openRequest, rejectRequest, resumeRequest, startRequestClock, suspendRequest } from '../application/requests.ts';
import { SERVICE_GROUPS } from '../domain/catalogue.ts';
import type { ResultKind } from '../domain/types.ts';
import {
  ChannelSchema,
  CompleteBody,
  DashboardSchema,
  literals,
  NoteBody,
  OpenRequestBody,
  ref,
  ServiceKey,
  ServiceRequestDetailSchema,
  ServiceRequestSchema,
} from './requests.schemas.ts';

const Loose = Type.Object({}, { additionalProperties: true });
const ResultParams = Type.Object({ id: Uuid(), resultId: Uuid() }, Strict);

/** The register of service requests, the published catalogue, its versions and the dashboard (TS-24 … TS-32). */
export function requestRoutes(app: App, deps: TaxServicesDeps): void {
  app.addSchema(ServiceRequestSchema);
  app.addSchema(ServiceRequestDetailSchema);
  app.addSchema(DashboardSchema);

  app.get(
    '/api/public/tax-services/catalogue',
    {
      schema: {
        tags: ['public', 'tax-services'],
        summary:
          'The Standard of services to taxpayers in force: every service with its deadline, result, legal basis, cost and responsible unit (TS-03, TS-08)',
        security: [],
        querystring: Type.Object({ date: Type.Optional(IsoDate('The day the version must be in force; default today')) }, Strict),
        response: {
          200: Type.Object({
            version: Type.Object({
              id: Uuid(),
              label: Type.String(),
              orderRef: Type.String(),
              effectiveFrom: Type.String(),
              effectiveTo: Type.Union([Type.String(), Type.Null()]),
            }),
            groups: Type.Array(Type.Object({ code: Type.String(), name: LocalisedText })),
            lines: Type.Array(Loose),
          }),
        },
      },
    },
    async (request) => {
      const version = deps.catalogue.at(request.query.date ?? dushanbeDate(deps.clock.now()));
      if (!version) throw new ProblemError('SERVICE_NOT_IN_FORCE');
      const { lines, ...rest } = version;
      return { version: rest, groups: [...SERVICE_GROUPS], lines: [...lines.values()] };
    },
  );

  app.get(
    '/api/tax-services/catalogue/versions',
    {
      schema: {
        tags: ['tax-services'],
        summary: 'Every version of the Standard: in force, repealed, proposed and rejected (TS-04, TS-24)',
        response: { 200: Type.Array(Loose) },
      },
    },
    async (request) => {
      requireRole(request, 'service_officer', 'tax_officer');
      return (await listCatalogueVersions(deps)).map((v) => ({ ...v, proposedAt: v.proposedAt.toISOString(), decidedAt: v.decidedAt?.toISOString() ?? null }));
    },
  );

  app.post(
    '/api/tax-services/catalogue/proposals',
    {
      schema: {
        tags: ['tax-services'],
        summary: 'Propose a justified change to the list of services: a department, a territorial body or a taxpayer (A1 p.8, TS-10)',
        body: Type.Object(
          {
            source: literals(['central_office', 'territorial_body', 'taxpayer'] as const, 'Who proposes'),
            justification: Line(4000, 'Why the change is needed'),
            changes: Type.Array(
              Type.Object(
                {
                  key: ServiceKey(),
                  name: Type.Optional(LocalisedText),
                  deadlineText: Type.Optional(LocalisedText),
                  responsibleUnit: Type.Optional(LocalisedText),
                  deadline: Type.Optional(Loose),
                },
                Strict,
              ),
              { minItems: 1, maxItems: 59 },
            ),
          },
          Strict,
        ),
        response: { 201: Type.Object({ id: Uuid() }) },
      },
    },
    async (request, reply) => {
      const actor = requireRole(request, 'service_officer', 'tax_officer', ...TAXPAYER_ROLES);
      const source = actor.role === 'business' || actor.role === 'taxpayer' ? 'taxpayer' : request.body.source;
      const result = unwrap(await proposeCatalogueChange(deps, actor, { ...request.body, source } as never));
      reply.code(201);
      return result;
    },
  );

  app.post(
    '/api/tax-services/catalogue/versions/:id/decision',
    {
      schema: {
        tags: ['tax-services'],
        summary: 'Approve a proposed version with its order and effective date, or reject it (A1 p.8, TS-24)',
        params: IdParams,
        body: Type.Object(
          {
            approve: Type.Boolean(),
            note: Line(2000),
            orderRef: Type.Optional(Line(60)),
            effectiveFrom: Type.Optional(IsoDate('Day the version takes effect')),
          },
          Strict,
        ),
        response: { 200: Type.Object({ id: Uuid(), status: Type.String() }) },
      },
    },
    async (request) => unwrap(await decideCatalogueChange(deps, requireRole(request, 'service_officer'), request.params.id, request.body)),
  );

  app.get(
    '/api/tax-services/units',
    {
      schema: {
        tags: ['tax-services'],
        summary: 'Units of the tax authorities that serve requests (TS-05)',
        security: [],
        response: { 200: Type.Array(Loose) },
      },
    },
    async () => deps.database.query('SELECT id, code, kind, region, name_tg, name_ru, name_en FROM tax_services.units ORDER BY code'),
  );

  app.post(
    '/api/tax-services/requests',
    {
      schema: {
        tags: ['tax-services'],
        summary: 'Register a service request: a taxpayer from the personal cabinet, an officer for any channel (TS-26, TS-27, TS-29)',
        body: OpenRequestBody,
        response: { 201: ref('ServiceRequest') },
      },
    },
    async (request, reply) => {
      const actor = requireRole(request, ...TAXPAYER_ROLES, ...OFFICER_ROLES);
      const body = request.body;
      const isTaxpayer = actor.role === 'business' || actor.role === 'taxpayer';
      const applicant = isTaxpayer ? { ...body.applicant, tin: actor.tin } : (body.applicant ?? {});
      const opened = unwrap(
        await transact(deps.database.db, (tx) =>
          openRequest(tx, deps, actorOf(actor), {
            serviceKey: body.serviceKey,
            channel: isTaxpayer ? 'cabinet' : (body.channel ?? 'office'),
            applicant,
            ...(body.unitCode ? { unitCode: body.unitCode } : {}),
            ...(body.receivedAt && !isTaxpayer ? { receivedAt: new Date(body.receivedAt) } : {}),
            ...(body.documentsComplete !== undefined ? { documentsComplete: body.documentsComplete } : {}),
            ...(body.startedAt && !isTaxpayer ? { startedAt: new Date(body.startedAt) } : {}),
            ...(body.period ? { period: body.period } : {}),
            ...(body.planDate ? { planDate: body.planDate } : {}),
            ...(body.hadQueue !== undefined ? { hadQueue: body.hadQueue } : {}),
            ...(body.queueWaitSeconds !== undefined ? { queueWaitSeconds: body.queueWaitSeconds } : {}),
            ...(body.subject ? { subject: body.subject as Record<string, unknown> } : {}),
          }),
        ),
      );
      reply.code(201);
      return unwrap(await getRequest(deps, actor, opened.id, true));
    },
  );

  app.get(
    '/api/tax-services/requests',
    {
      schema: {
        tags: ['tax-services'],
        summary: 'A taxpayer’s own requests with their SLA status, or an officer’s work queue, most urgent first (TS-26, TS-49)',
        querystring: Type.Object(
          {
            state: Type.Optional(literals(['open', 'at_risk', 'breached', 'suspended', 'awaiting_documents', 'closed'] as const, 'Which requests')),
            serviceKey: Type.Optional(ServiceKey()),
            unitCode: Type.Optional(Line(60)),
            region: Type.Optional(Line(20)),
            channel: Type.Optional(ChannelSchema),
            applicantTin: Type.Optional(Tin()),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
            offset: Type.Optional(Type.Integer({ minimum: 0 })),
          },
          Strict,
        ),
        response: { 200: Type.Array(ref('ServiceRequest')) },
      },
    },
    async (request) => listRequests(deps, requireRole(request, ...TAXPAYER_ROLES, ...OFFICER_ROLES), request.query),
  );

  app.get(
    '/api/tax-services/requests/:id',
    {
      schema: { tags: ['tax-services'], summary: 'One request with its history and results', params: IdParams, response: { 200: ref('ServiceRequestDetail') } },
    },
    async (request) => unwrap(await getRequest(deps, requireRole(request, ...TAXPAYER_ROLES, ...OFFICER_ROLES), request.params.id)),
  );

  app.get(
    '/api/tax-services/requests/:id/results/:resultId',
    { schema: { tags: ['tax-services'], summary: 'Download a result delivered with the request (certificate, extract, letter …)', params: ResultParams } },
    async (request, reply) => {
      const file = unwrap(await getResult(deps, requireRole(request, ...TAXPAYER_ROLES, ...OFFICER_ROLES), request.params.id, request.params.resultId));
      return reply
        .type(file.mediaType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .send(file.content);
    },
  );

  const officerAction = (path: string, summary: string, run: (actor: string, id: string, body: never) => ReturnType<typeof transact>, body?: object) =>
    app.post(
      `/api/tax-services/requests/:id/${path}`,
      { schema: { tags: ['tax-services'], summary, params: IdParams, ...(body ? { body } : {}), response: { 200: ref('ServiceRequestDetail') } } },
      async (request) => {
        const actor = requireRole(request, ...OFFICER_ROLES);
        if (!(await isVisible(deps, actor, request.params.id))) throw new ProblemError('REQUEST_NOT_FOUND');
        unwrap((await run(actorOf(actor), request.params.id, request.body as never)) as never);
        return unwrap(await getRequest(deps, actor, request.params.id));
      },
    );

  officerAction('documents-complete', 'The necessary documents are complete: the clock starts (TS-29)', (actor, id) =>
    transact(deps.database.db, (tx) => startRequestClock(tx, deps, actor, id)),
  );
  officerAction(
    'documents-requested',
    'Documents are requested from the applicant: the clock is suspended, with the request recorded (A-9)',
    (actor, id, body: { note: string }) => transact(deps.database.db, (tx) => suspendRequest(tx, deps, actor, id, body.note)),
    NoteBody,
  );
  officerAction('documents-received', 'The requested documents arrived: the clock resumes (A-9)', (actor, id) =>
    transact(deps.database.db, (tx) => resumeRequest(tx, deps, actor, id)),
  );
  officerAction(
    'complete',
    'Deliver the service: the results are kept with the request and the applicant is told (TS-26, TS-38)',
    (actor, id, body: { note?: string; results?: { kind: string; fileName: string; mediaType: string; contentBase64: string }[] }) =>
      transact(deps.database.db, async (tx) => {
        // 12.12.01 closes when the cabinet is opened, a complaint when it is answered: not here.
        const [row] = await tx.select({ serviceCode: requests.serviceCode, subject: requests.subject }).from(requests).where(eq(requests.id, id));
        if (row && (row.serviceCode === '12.12.01' || row.subject.complaint === true))
          return fail('REQUEST_HAS_OWN_COMPLETION', 'params.id', { serviceCode: row.serviceCode });
        return completeRequest(
          tx,
          deps,
          actor,
          id,
          (body.results ?? []).map((r) => ({
            kind: r.kind as ResultKind,
            fileName: r.fileName,
            mediaType: r.mediaType,
            content: Buffer.from(r.contentBase64, 'base64'),
          })),
          body.note ?? null,
        );
      }),
    CompleteBody,
  );
  officerAction(
    'reject',
    'Refuse the service, with the reason in writing (TS-17, TS-38)',
    (actor, id, body: { note: string }) => transact(deps.database.db, (tx) => rejectRequest(tx, deps, actor, id, body.note)),
    NoteBody,
  );

  app.get(
    '/api/tax-services/dashboard',
    {
      schema: {
        tags: ['tax-services'],
        summary:
          'Live compliance: open, at-risk and breached requests, median and 95th-percentile completion per service, unit, region and channel (TS-32, A1 p.3)',
        querystring: Type.Object(
          {
            from: Type.Optional(Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'First month, YYYY-MM' })),
            to: Type.Optional(Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'Last month, YYYY-MM' })),
            region: Type.Optional(literals(['central', 'dushanbe', 'sughd', 'khatlon', 'gbao', 'rrs'] as const, 'Region')),
          },
          Strict,
        ),
        response: { 200: ref('ServiceDashboard') },
      },
    },
    async (request) => {
      requireRole(request, 'service_officer', 'tax_officer');
      return dashboard(deps, request.query);
    },
  );
}
