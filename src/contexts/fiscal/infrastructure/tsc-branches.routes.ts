import { Type } from 'typebox';
import { type App, requireRole, unwrap } from '../../../platform/http.ts';
import { IdParams, Line, Strict, Uuid } from '../../../platform/schemas.ts';
import type { FiscalDeps } from '../application/deps.ts';
import { deregisterBranch } from '../application/deregister-branch.ts';
import { getBranch, listBranches } from '../application/list-branches.ts';
import { refuseBranch } from '../application/refuse-branch.ts';
import { registerBranch } from '../application/register-branch.ts';
import { requestBranch } from '../application/request-branch.ts';
import { BRANCH_ATTACHMENT_KINDS } from '../domain/tsc-registry.ts';
import { AttachmentBody, ContactBody, literals, many, PageQuery, RefusalGroundsBody, ref, SpecialistBody, TscParams } from './tsc.schemas.ts';

const BranchRequestBody = Type.Object(
  {
    name: Line(300, 'Name of the regional branch'),
    region: Line(100, 'Region (вилоят), city or district where the branch works'),
    ...ContactBody,
    specialist: Type.Object(SpecialistBody, { ...Strict, description: 'The qualified specialist for guaranteed service at the branch (p.112)' }),
    attachments: Type.Optional(
      Type.Array(AttachmentBody(BRANCH_ATTACHMENT_KINDS, 'specialist_information, specialist_certificate or additional'), {
        maxItems: 20,
        description: 'Supporting documents',
      }),
    ),
    previousBranchId: Type.Optional(Uuid('p.116: the refused request this one corrects')),
  },
  Strict,
);

/** Regional branches of TSCs (p.85-86, p.112-120). */
export function tscBranchRoutes(app: App, deps: FiscalDeps): void {
  app.post(
    '/api/fiscal/tscs/:id/branches',
    {
      schema: {
        tags: ['tsc'],
        summary:
          'Ask to register a regional branch, naming its qualified specialist; reply within 7 working days (the TSC’s head office, FIS-BRN-03, FIS-BRN-04)',
        params: TscParams,
        body: BranchRequestBody,
        response: { 201: ref('Branch') },
      },
    },
    async (request, reply) => {
      const result = unwrap(await requestBranch(deps, requireRole(request, 'tsc_specialist'), request.params.id, request.body));
      reply.code(201);
      return result;
    },
  );

  app.get(
    '/api/fiscal/branches',
    {
      schema: {
        tags: ['tsc'],
        summary: 'Branches and branch requests (staff: all; a TSC specialist: its own TSC’s)',
        querystring: Type.Object(
          {
            tscId: Type.Optional(Uuid('Only branches of this TSC')),
            status: Type.Optional(literals(['applied', 'registered', 'refused', 'deregistered'], 'Only branches in this state')),
            ...PageQuery,
          },
          Strict,
        ),
        response: { 200: many('Branch') },
      },
    },
    async (request) => listBranches(deps, requireRole(request, 'operator_admin', 'tax_officer', 'tsc_specialist'), request.query),
  );

  app.get(
    '/api/fiscal/branches/:id',
    { schema: { tags: ['tsc'], summary: 'One branch with its specialists, documents and deadlines', params: IdParams, response: { 200: ref('Branch') } } },
    async (request) => unwrap(await getBranch(deps, requireRole(request, 'operator_admin', 'tax_officer', 'tsc_specialist'), request.params.id)),
  );

  app.post(
    '/api/fiscal/branches/:id/register',
    {
      schema: {
        tags: ['tsc'],
        summary: 'Register the branch; its specialists gain access (operator administrator, FIS-BRN-07, FIS-ACC-04)',
        params: IdParams,
        response: { 200: ref('Branch') },
      },
    },
    async (request) => unwrap(await registerBranch(deps, requireRole(request, 'operator_admin'), request.params.id)),
  );

  app.post(
    '/api/fiscal/branches/:id/refuse',
    {
      schema: {
        tags: ['tsc'],
        summary: 'Refuse to register the branch on the grounds of p.114 (operator administrator, FIS-BRN-05 to 07)',
        params: IdParams,
        body: Type.Object({ grounds: RefusalGroundsBody }, Strict),
        response: { 200: ref('Branch') },
      },
    },
    async (request) => unwrap(await refuseBranch(deps, requireRole(request, 'operator_admin'), request.params.id, request.body)),
  );

  app.post(
    '/api/fiscal/branches/:id/deregister',
    {
      schema: {
        tags: ['tsc'],
        summary:
          'Deregister a branch at the TSC’s request; notices go to the TSC, the branch and the businesses it serves (the TSC’s head office, FIS-BRN-09, 11, 12)',
        params: IdParams,
        response: { 200: ref('Branch') },
      },
    },
    async (request) => unwrap(await deregisterBranch(deps, requireRole(request, 'tsc_specialist'), request.params.id)),
  );
}
