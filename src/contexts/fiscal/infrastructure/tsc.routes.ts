import { Type } from 'typebox';
import { type App, requireRole, unwrap } from '../../../platform/http.ts';
import { IdParams, IsoDate, Line, Strict, Tin, Uuid } from '../../../platform/schemas.ts';
import type { FiscalDeps } from '../application/deps.ts';
import { includeTsc } from '../application/include-tsc.ts';
import { getTscApplication, getTscApplicationAttachment, listTscApplications } from '../application/list-tsc-applications.ts';
import { getTsc, listPublishedTscs, listTscs } from '../application/list-tscs.ts';
import { recordTscSiteCheck } from '../application/record-tsc-site-check.ts';
import { refuseTscApplication } from '../application/refuse-tsc-application.ts';
import { removeTsc } from '../application/remove-tsc.ts';
import { restoreTscAccess } from '../application/restore-tsc-access.ts';
import { submitTscApplication } from '../application/submit-tsc-application.ts';
import { suspendTscAccess } from '../application/suspend-tsc-access.ts';
import { giveTscConclusion, instructTscConclusion, listTscConclusions } from '../application/tsc-conclusions.ts';
import { TSC_ATTACHMENT_KINDS } from '../domain/tsc-registry.ts';
import { fiscalModuleRoutes } from './fiscal-modules.routes.ts';
import { tscBranchRoutes } from './tsc-branches.routes.ts';
import { tscSpecialistRoutes } from './tsc-specialists.routes.ts';
import { ALL_SCHEMAS, AttachmentBody, ContactBody, literals, many, PageQuery, RefusalGroundsBody, ref, TscParams } from './tsc.schemas.ts';

const ApplicationBody = Type.Object(
  {
    applicantTin: Type.Optional(Tin('TIN of the applicant legal entity; required when staff enter a paper application, else the caller’s own')),
    name: Line(300, 'Name of the legal entity'),
    headName: Line(200, 'Full name of the head'),
    ...ContactBody,
    website: Type.Optional(Type.String({ format: 'uri', maxLength: 300, description: 'Official website (p.93)' })),
    callCentrePhone: Type.Optional(
      Type.String({ pattern: '^\\+?[0-9 ()-]{5,20}$', description: 'Telephone of the call centre for urgent help (p.94, p.100)' }),
    ),
    attachments: Type.Array(
      AttachmentBody(
        TSC_ATTACHMENT_KINDS,
        'manufacturer_contract (p.100: contract with a manufacturer or its representative), premises_document (ownership or use of the place of activity), call_centre_information, certified_employees (employees certified by manufacturers), additional',
      ),
      { maxItems: 20, description: 'The documents of p.100; an application lacking one is accepted but can only be refused (p.103 (1))' },
    ),
  },
  Strict,
);

const DecisionNumber = Line(100, 'Number of the decision of the authorised body');

/** Routes of section 10 of the Procedure: the state registry of TSCs, branches, specialists and the fiscal module registry. */
export function tscRoutes(app: App, deps: FiscalDeps): void {
  for (const schema of ALL_SCHEMAS) app.addSchema(schema);

  app.get(
    '/api/public/tscs',
    {
      schema: {
        tags: ['public', 'registries'],
        summary: 'The published state registry of TSCs with their registered branches (FIS-TSC-02, p.84)',
        security: [],
        response: { 200: many('PublishedTsc') },
      },
    },
    async () => listPublishedTscs(deps),
  );

  app.post(
    '/api/fiscal/tsc-applications',
    {
      schema: {
        tags: ['tsc'],
        summary:
          'Apply for inclusion in the state registry of TSCs, free of charge (business for itself; tax officer or operator for a paper application) (FIS-TSC-06 to 10)',
        body: ApplicationBody,
        response: { 201: ref('TscApplication') },
      },
    },
    async (request, reply) => {
      const actor = requireRole(request, 'business', 'tax_officer', 'operator_admin');
      const result = unwrap(await submitTscApplication(deps, actor, request.body));
      reply.code(201);
      return result;
    },
  );

  app.get(
    '/api/fiscal/tsc-applications',
    {
      schema: {
        tags: ['tsc'],
        summary: 'TSC applications, newest first (staff: all; business: its own)',
        querystring: Type.Object(
          {
            status: Type.Optional(literals(['received', 'site_check', 'included', 'refused'], 'Only applications in this state')),
            applicantTin: Type.Optional(Tin()),
            ...PageQuery,
          },
          Strict,
        ),
        response: { 200: many('TscApplication') },
      },
    },
    async (request) => listTscApplications(deps, requireRole(request, 'business', 'tax_officer', 'operator_admin'), request.query),
  );

  app.get(
    '/api/fiscal/tsc-applications/:id',
    { schema: { tags: ['tsc'], summary: 'One TSC application with its documents and deadlines', params: IdParams, response: { 200: ref('TscApplication') } } },
    async (request) => unwrap(await getTscApplication(deps, requireRole(request, 'business', 'tax_officer', 'operator_admin'), request.params.id)),
  );

  app.get(
    '/api/fiscal/tsc-applications/:id/attachments/:attachmentId',
    {
      schema: {
        tags: ['tsc'],
        summary: 'One document of a TSC application, with its content',
        params: Type.Object({ id: Uuid('Id of the TSC application'), attachmentId: Uuid('Id of the document') }, Strict),
        response: { 200: ref('DocumentContent') },
      },
    },
    async (request) =>
      unwrap(
        await getTscApplicationAttachment(
          deps,
          requireRole(request, 'business', 'tax_officer', 'operator_admin'),
          request.params.id,
          request.params.attachmentId,
        ),
      ),
  );

  app.post(
    '/api/fiscal/tsc-applications/:id/site-check',
    {
      schema: {
        tags: ['tsc'],
        summary: 'Record inconsistencies found in the application: an on-site check within 1 working day (tax officer, FIS-TSC-11)',
        params: IdParams,
        body: Type.Object({ inconsistencies: Line(2000, 'What does not agree, exactly') }, Strict),
        response: { 200: ref('TscApplication') },
      },
    },
    async (request) => unwrap(await recordTscSiteCheck(deps, requireRole(request, 'tax_officer'), request.params.id, request.body)),
  );

  app.post(
    '/api/fiscal/tsc-applications/:id/include',
    {
      schema: {
        tags: ['tsc'],
        summary: 'Include the TSC in the state registry; the applicant receives a copy of the decision (tax officer, FIS-TSC-12, FIS-TSC-15)',
        params: IdParams,
        body: Type.Object({ decisionNumber: DecisionNumber }, Strict),
        response: { 200: ref('TscApplication') },
      },
    },
    async (request) => unwrap(await includeTsc(deps, requireRole(request, 'tax_officer'), request.params.id, request.body)),
  );

  app.post(
    '/api/fiscal/tsc-applications/:id/refuse',
    {
      schema: {
        tags: ['tsc'],
        summary: 'Refuse inclusion with the grounds of p.103; the applicant receives the letter (tax officer, FIS-TSC-13 to 15)',
        params: IdParams,
        body: Type.Object({ letterNumber: Line(100, 'Number of the refusal letter'), grounds: RefusalGroundsBody }, Strict),
        response: { 200: ref('TscApplication') },
      },
    },
    async (request) => unwrap(await refuseTscApplication(deps, requireRole(request, 'tax_officer'), request.params.id, request.body)),
  );

  app.get(
    '/api/fiscal/tscs',
    {
      schema: {
        tags: ['tsc'],
        summary: 'The registry of TSCs (staff: all; a TSC specialist: its own TSC)',
        querystring: Type.Object(
          {
            status: Type.Optional(literals(['included', 'removed'], 'Only entries in this state')),
            q: Type.Optional(Type.String({ maxLength: 100, description: 'Part of the name or TIN' })),
            ...PageQuery,
          },
          Strict,
        ),
        response: { 200: many('Tsc') },
      },
    },
    async (request) => listTscs(deps, requireRole(request, 'operator_admin', 'tax_officer', 'tsc_specialist'), request.query),
  );

  app.get(
    '/api/fiscal/tscs/:id',
    { schema: { tags: ['tsc'], summary: 'One registry entry with its deadlines', params: TscParams, response: { 200: ref('Tsc') } } },
    async (request) => unwrap(await getTsc(deps, requireRole(request, 'operator_admin', 'tax_officer', 'tsc_specialist'), request.params.id)),
  );

  app.post(
    '/api/fiscal/tscs/:id/remove',
    {
      schema: {
        tags: ['tsc'],
        summary:
          'Remove a TSC from the state registry: access ends, branches are deregistered, notices go out, modules are owed back in 5 days (tax officer, FIS-TSC-17 to 24)',
        params: TscParams,
        body: Type.Object(
          {
            ground: literals(
              ['liquidation_or_bankruptcy', 'legal_requirements_changed', 'unauthorised_parameter_change'],
              'p.106: liquidation or bankruptcy; change of the legal requirements; change of operating parameters without the manufacturer’s permission',
            ),
            decisionNumber: DecisionNumber,
          },
          Strict,
        ),
        response: { 200: ref('Tsc') },
      },
    },
    async (request) => unwrap(await removeTsc(deps, requireRole(request, 'tax_officer'), request.params.id, request.body)),
  );

  const AccessBody = Type.Object({ decisionReference: Line(200, "Reference of the authorised body's decision (p.55)") }, Strict);
  app.post(
    '/api/fiscal/tscs/:id/suspend-access',
    {
      schema: {
        tags: ['tsc'],
        summary: 'Suspend the access of a TSC and its branches to the TIS by decision of the authorised body (operator administrator, FIS-ACC-03, FIS-ACC-06)',
        params: TscParams,
        body: AccessBody,
        response: { 200: ref('Tsc') },
      },
    },
    async (request) => unwrap(await suspendTscAccess(deps, requireRole(request, 'operator_admin'), request.params.id, request.body)),
  );

  app.post(
    '/api/fiscal/tscs/:id/restore-access',
    {
      schema: {
        tags: ['tsc'],
        summary: 'Restore the suspended access of a TSC (operator administrator, FIS-ACC-03)',
        params: TscParams,
        body: AccessBody,
        response: { 200: ref('Tsc') },
      },
    },
    async (request) => unwrap(await restoreTscAccess(deps, requireRole(request, 'operator_admin'), request.params.id, request.body)),
  );

  app.post(
    '/api/fiscal/tscs/:id/conclusions',
    {
      schema: {
        tags: ['tsc'],
        summary: 'Instruct the operator to conclude whether a TSC fully performs its duties over a period (tax officer for the authorised body, FIS-OPR-14)',
        params: TscParams,
        body: Type.Object(
          {
            instructionReference: Line(200, "Reference of the authorised body's instruction"),
            periodFrom: IsoDate('First day of the period to study'),
            periodTo: IsoDate('Last day of the period to study'),
          },
          Strict,
        ),
        response: { 201: ref('TscConclusion') },
      },
    },
    async (request, reply) => {
      const result = unwrap(await instructTscConclusion(deps, requireRole(request, 'tax_officer'), request.params.id, request.body));
      return reply.code(201).send(result);
    },
  );

  app.get(
    '/api/fiscal/tscs/:id/conclusions',
    {
      schema: {
        tags: ['tsc'],
        summary: "The authorised body's instructions on a TSC and the operator's conclusions, newest first (tax officer, operator administrator, FIS-OPR-14)",
        params: TscParams,
        response: { 200: many('TscConclusion') },
      },
    },
    async (request) => {
      requireRole(request, 'tax_officer', 'operator_admin');
      return unwrap(await listTscConclusions(deps, request.params.id));
    },
  );

  app.post(
    '/api/fiscal/tsc-conclusions/:id/give',
    {
      schema: {
        tags: ['tsc'],
        summary:
          "Give the operator's conclusion on an instruction: findings from the TSC's legal deadlines, specialists and access; removal recommended when it does not fully perform (operator administrator, FIS-OPR-14)",
        params: IdParams,
        body: Type.Object({ comment: Type.Optional(Line(2000, "The operator's own remarks")) }, Strict),
        response: { 200: ref('TscConclusion') },
      },
    },
    async (request) => unwrap(await giveTscConclusion(deps, requireRole(request, 'operator_admin'), request.params.id, request.body)),
  );

  tscBranchRoutes(app, deps);
  tscSpecialistRoutes(app, deps);
  fiscalModuleRoutes(app, deps);
}
