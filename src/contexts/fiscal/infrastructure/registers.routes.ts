import { Type } from 'typebox';
import { type App, requireRole, unwrap } from '../../../platform/http.ts';
import { IdParams, IsoDateTime, Line, LocalisedText, Phone, Strict, Tin, Uuid } from '../../../platform/schemas.ts';
import { getApplication, getApplicationAttachment, listApplications } from '../application/application-queries.ts';
import { listDeadlines } from '../application/deadline-queries.ts';
import type { FiscalDeps } from '../application/deps.ts';
import { addBusiness, changeBusinessData, getBusiness, listBusinesses, listInspectorates, setExemption } from '../application/manage-businesses.ts';
import { recordInspection } from '../application/record-inspection.ts';
import { getRegister, getRegistrationCard, listRegisters } from '../application/register-queries.ts';
import { listIncidents, notifyTaxAuthority, reportIncident } from '../application/report-incident.ts';
import { studyApplication } from '../application/study-application.ts';
import { submitApplication } from '../application/submit-application.ts';
import { applicationFormHtml, registrationCardHtml } from './print.ts';
import {
  ApplicationKindSchema,
  ApplicationSchema,
  ApplicationStatusSchema,
  BusinessSchema,
  DeadlineSchema,
  ExemptionBody,
  IncidentBody,
  IncidentSchema,
  InspectionBody,
  NewBusinessBody,
  Paged,
  RegisterSummarySchema,
  RegistrationCardSchema,
  SubmitApplicationBody,
} from './register.schemas.ts';

const ref = (id: string) => Type.Unsafe({ $ref: `${id}#` });
const Page = { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })), offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })) };

/** Routes of register applications (p.19-33), the registry of registers, the card (A2), incidents and deadlines. */
export function registerRoutes(app: App, deps: FiscalDeps): void {
  for (const s of [ApplicationSchema, RegisterSummarySchema, RegistrationCardSchema, IncidentSchema, DeadlineSchema, BusinessSchema]) app.addSchema(s);

  app.post(
    '/api/fiscal/applications',
    {
      schema: {
        tags: ['registration'],
        summary: 'A TSC enters an application for registration, re-registration, address change (Annex 1) or deregistration (Annex 3)',
        description:
          'Checks run at once: a clean application completes (register entered, card in the cabinet), a discrepancy goes to study (p.24), an incomplete set or an unregistered model is refused with every ground (p.26, p.27).',
        body: SubmitApplicationBody,
        response: { 201: ref('RegisterApplication') },
      },
    },
    async (request, reply) => {
      const actor = requireRole(request, 'tsc_specialist');
      const application = unwrap(await submitApplication(deps, actor, request.body));
      reply.code(201);
      return application;
    },
  );

  app.get(
    '/api/fiscal/applications',
    {
      schema: {
        tags: ['registration'],
        summary: 'Applications visible to the caller, newest first',
        querystring: Type.Object(
          { status: Type.Optional(ApplicationStatusSchema), kind: Type.Optional(ApplicationKindSchema), tin: Type.Optional(Tin()), ...Page },
          Strict,
        ),
        response: { 200: Paged(ref('RegisterApplication')) },
      },
    },
    async (request) => listApplications(deps, requireRole(request, 'operator_admin', 'tax_officer', 'tsc_specialist', 'business'), request.query),
  );

  app.get(
    '/api/fiscal/applications/:id',
    { schema: { tags: ['registration'], summary: 'One application with its attachments', params: IdParams, response: { 200: ref('RegisterApplication') } } },
    async (request) =>
      unwrap(await getApplication(deps, requireRole(request, 'operator_admin', 'tax_officer', 'tsc_specialist', 'business'), request.params.id)),
  );

  app.get(
    '/api/fiscal/applications/:id/form.html',
    { schema: { tags: ['registration'], summary: 'The filled Annex 1 or Annex 3 form, printable, in Tajik', params: IdParams, produces: ['text/html'] } },
    async (request, reply) => {
      const a = unwrap(await getApplication(deps, requireRole(request, 'operator_admin', 'tax_officer', 'tsc_specialist', 'business'), request.params.id));
      reply.type('text/html; charset=utf-8');
      return applicationFormHtml(a, a.attachments);
    },
  );

  app.get(
    '/api/fiscal/applications/:id/attachments/:attachmentId',
    {
      schema: {
        tags: ['registration'],
        summary: 'Download an attachment',
        params: Type.Object({ id: Uuid(), attachmentId: Uuid() }, Strict),
      },
    },
    async (request, reply) => {
      const actor = requireRole(request, 'operator_admin', 'tax_officer', 'tsc_specialist', 'business');
      const file = unwrap(await getApplicationAttachment(deps, actor, request.params.id, request.params.attachmentId));
      reply.type(file.mediaType).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
      return file.content;
    },
  );

  app.post(
    '/api/fiscal/applications/:id/study',
    {
      schema: {
        tags: ['registration'],
        summary: 'The tax authority records the study of a discrepancy (p.24, p.33): confirmed refuses, cleared completes',
        params: IdParams,
        body: Type.Object({ isDiscrepancyConfirmed: Type.Boolean(), note: Line(2000) }, Strict),
        response: { 200: ref('RegisterApplication') },
      },
    },
    async (request) => unwrap(await studyApplication(deps, requireRole(request, 'tax_officer'), request.params.id, request.body)),
  );

  app.get(
    '/api/fiscal/registers',
    {
      schema: {
        tags: ['registries'],
        summary: 'Registry of registered cash registers (p.17), searchable by registry, manufacturer or module number, TIN or place',
        querystring: Type.Object(
          {
            q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
            tin: Type.Optional(Tin()),
            status: Type.Optional(Type.Union([Type.Literal('registered'), Type.Literal('deregistered')])),
            inspectorateCode: Type.Optional(Type.String({ maxLength: 20 })),
            ...Page,
          },
          Strict,
        ),
        response: {
          200: Type.Object({
            items: Type.Array(ref('RegisterSummary')),
            total: Type.Integer(),
            isTotalCapped: Type.Boolean({ description: 'More than `total` match; narrow the search' }),
          }),
        },
      },
    },
    async (request) => listRegisters(deps, requireRole(request, 'operator_admin', 'tax_officer', 'tsc_specialist', 'business'), request.query),
  );

  app.get(
    '/api/fiscal/registers/:id',
    { schema: { tags: ['registries'], summary: 'One register of the registry', params: IdParams, response: { 200: ref('RegisterSummary') } } },
    async (request) => unwrap(await getRegister(deps, requireRole(request, 'operator_admin', 'tax_officer', 'tsc_specialist', 'business'), request.params.id)),
  );

  app.get(
    '/api/fiscal/registers/:id/card',
    { schema: { tags: ['registries'], summary: 'The registration card of Annex 2 (p.23)', params: IdParams, response: { 200: ref('RegistrationCard') } } },
    async (request) =>
      unwrap(await getRegistrationCard(deps, requireRole(request, 'operator_admin', 'tax_officer', 'tsc_specialist', 'business'), request.params.id)),
  );

  app.get(
    '/api/fiscal/registers/:id/card.html',
    { schema: { tags: ['registries'], summary: 'The registration card of Annex 2, printable, in Tajik', params: IdParams, produces: ['text/html'] } },
    async (request, reply) => {
      const card = unwrap(
        await getRegistrationCard(deps, requireRole(request, 'operator_admin', 'tax_officer', 'tsc_specialist', 'business'), request.params.id),
      );
      reply.type('text/html; charset=utf-8');
      return registrationCardHtml(card);
    },
  );

  for (const kind of ['loss', 'breakdown'] as const) {
    app.post(
      kind === 'loss' ? '/api/fiscal/registers/:id/loss-reports' : '/api/fiscal/registers/:id/breakdowns',
      {
        schema: {
          tags: ['incidents'],
          summary:
            kind === 'loss'
              ? 'Report the loss of a register (p.16, within 1 working day)'
              : 'Report a breakdown to the TSC (p.37); the TSC then has 1 hour to tell the tax authority',
          params: IdParams,
          body: IncidentBody,
          response: { 201: ref('Incident') },
        },
      },
      async (request, reply) => {
        const actor = requireRole(request, 'business', 'tsc_specialist');
        const incident = unwrap(await reportIncident(deps, actor, request.params.id, kind, request.body));
        reply.code(201);
        return incident;
      },
    );
  }

  app.get(
    '/api/fiscal/incidents',
    {
      schema: {
        tags: ['incidents'],
        summary: 'Loss and breakdown reports visible to the caller',
        querystring: Type.Object(
          { kind: Type.Optional(Type.Union([Type.Literal('loss'), Type.Literal('breakdown')])), registerId: Type.Optional(Uuid()), limit: Page.limit },
          Strict,
        ),
        response: { 200: Type.Array(ref('Incident')) },
      },
    },
    async (request) => listIncidents(deps, requireRole(request, 'operator_admin', 'tax_officer', 'tsc_specialist', 'business'), request.query),
  );

  app.post(
    '/api/fiscal/incidents/:id/notify-tax-authority',
    {
      schema: {
        tags: ['incidents'],
        summary: 'The TSC tells the tax authority of a breakdown with the address of the trading point (p.37)',
        params: IdParams,
        response: { 200: ref('Incident') },
      },
    },
    async (request) => unwrap(await notifyTaxAuthority(deps, requireRole(request, 'tsc_specialist'), request.params.id)),
  );

  app.post(
    '/api/fiscal/registers/:id/inspections',
    {
      schema: {
        tags: ['incidents'],
        summary: 'The TSC records the yearly technical and software inspection (p.89, within 3 days)',
        params: IdParams,
        body: InspectionBody,
        response: {
          201: Type.Object({
            id: Uuid(),
            registerId: Uuid(),
            inspectedOn: Type.String(),
            result: Type.String(),
            notes: Type.String(),
            recordedAt: IsoDateTime(),
            recordDueAt: IsoDateTime(),
            isLate: Type.Boolean(),
          }),
        },
      },
    },
    async (request, reply) => {
      const inspection = unwrap(await recordInspection(deps, requireRole(request, 'tsc_specialist'), request.params.id, request.body));
      reply.code(201);
      return inspection;
    },
  );

  app.get(
    '/api/fiscal/deadlines',
    {
      schema: {
        tags: ['deadlines'],
        summary: 'Legal due times the caller is responsible for (all, for officers); overdue ones flagged',
        querystring: Type.Object(
          {
            isOverdue: Type.Optional(Type.Boolean()),
            isOpen: Type.Optional(Type.Boolean()),
            subjectId: Type.Optional(Type.String({ maxLength: 100 })),
            limit: Page.limit,
          },
          Strict,
        ),
        response: { 200: Type.Array(ref('Deadline')) },
      },
    },
    async (request) => listDeadlines(deps, requireRole(request, 'operator_admin', 'tax_officer', 'tsc_specialist', 'business'), request.query),
  );

  app.get(
    '/api/fiscal/inspectorates',
    {
      schema: {
        tags: ['public'],
        summary: 'Tax inspectorates',
        security: [],
        response: {
          200: Type.Array(Type.Object({ code: Type.String(), name: LocalisedText, region: Type.String(), district: Type.String(), address: Type.String() })),
        },
      },
    },
    async () => listInspectorates(deps),
  );

  app.post(
    '/api/fiscal/businesses',
    {
      schema: {
        tags: ['taxpayers'],
        summary: 'Enter a taxpayer and open its personal cabinet (TIN and PIN)',
        body: NewBusinessBody,
        response: { 201: ref('Business') },
      },
    },
    async (request, reply) => {
      const business = unwrap(await addBusiness(deps, requireRole(request, 'operator_admin', 'tax_officer'), request.body));
      reply.code(201);
      return business;
    },
  );

  app.get(
    '/api/fiscal/businesses',
    {
      schema: {
        tags: ['taxpayers'],
        summary: 'Taxpayers: all for officers, its clients for a TSC',
        querystring: Type.Object({ q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })), limit: Page.limit }, Strict),
        response: { 200: Type.Array(ref('Business')) },
      },
    },
    async (request) => listBusinesses(deps, requireRole(request, 'operator_admin', 'tax_officer', 'tsc_specialist', 'business'), request.query),
  );

  app.get(
    '/api/fiscal/businesses/:tin',
    {
      schema: {
        tags: ['taxpayers'],
        summary: 'A taxpayer by TIN (auto-fill of the application, p.21)',
        params: Type.Object({ tin: Tin() }, Strict),
        response: { 200: ref('Business') },
      },
    },
    async (request) => unwrap(await getBusiness(deps, requireRole(request, 'operator_admin', 'tax_officer', 'tsc_specialist', 'business'), request.params.tin)),
  );

  app.put(
    '/api/fiscal/businesses/:tin',
    {
      schema: {
        tags: ['taxpayers'],
        summary: "Record a change of the taxpayer's data; its registers must then be re-registered (p.67 item 7)",
        params: Type.Object({ tin: Tin() }, Strict),
        body: Type.Object(
          { name: Type.Optional(Line(300)), legalAddress: Type.Optional(Line(300)), phone: Type.Optional(Phone()) },
          { ...Strict, minProperties: 1 },
        ),
        response: { 200: ref('Business') },
      },
    },
    async (request) => unwrap(await changeBusinessData(deps, requireRole(request, 'operator_admin', 'tax_officer'), request.params.tin, request.body)),
  );

  app.put(
    '/api/fiscal/businesses/:tin/exemption',
    {
      schema: {
        tags: ['taxpayers'],
        summary: 'Record or clear a p.4 exemption from using a cash register',
        params: Type.Object({ tin: Tin() }, Strict),
        body: ExemptionBody,
        response: { 200: ref('Business') },
      },
    },
    async (request) => unwrap(await setExemption(deps, requireRole(request, 'operator_admin', 'tax_officer'), request.params.tin, request.body)),
  );
}
