import { Type } from 'typebox';
import { type App, requireRole, unwrap } from '../../../platform/http.ts';
import type { CustomsDeps } from '../application/deps.ts';
import { decideSamplePermission } from '../application/sample-decide.ts';
import { getSamplePermission, listSamplePermissions, samplePermissionQueue } from '../application/sample-queries.ts';
import { requestSamplePermission } from '../application/sample-request.ts';
import { DeclarationParams } from './declaration.schemas.ts';
import type { SamplePermissionRow } from './sample.schema.ts';
import { SampleDecisionBody, SampleNumberParams, SamplePermissionSchema, SampleQueueQuery, SampleRequestBody } from './sample.schemas.ts';

const tags = ['customs', 'declarations'];
const READERS = ['declarant', 'customs_officer', 'risk_analyst'] as const;

const view = ({ id: _, ...p }: SamplePermissionRow) => p;

/** Permission to take samples and specimens (art.127 p.1 i.2, CUS-DEC-18): the declarant asks, customs decides. */
export function sampleRoutes(app: App, deps: CustomsDeps): void {
  app.post(
    '/api/customs/declarations/:id/sample-permissions',
    {
      schema: {
        tags,
        summary: 'Ask customs’ permission to take samples of the imported goods of a draft declaration (art.127 p.1 i.2)',
        params: DeclarationParams,
        body: SampleRequestBody,
        response: { 201: SamplePermissionSchema },
      },
    },
    async (request, reply) => {
      const made = unwrap(await requestSamplePermission(deps, requireRole(request, 'declarant'), request.params.id, request.body));
      reply.code(201);
      return view(made);
    },
  );
  app.get(
    '/api/customs/declarations/:id/sample-permissions',
    {
      schema: {
        tags,
        summary: 'The sample permissions asked for a declaration',
        params: DeclarationParams,
        response: { 200: Type.Array(SamplePermissionSchema) },
      },
    },
    async (request) => unwrap(await listSamplePermissions(deps, requireRole(request, ...READERS), request.params.id)).map(view),
  );
  app.get(
    '/api/customs/sample-permissions',
    {
      schema: {
        tags,
        summary: 'Customs’ queue of sample permissions by state and office',
        querystring: SampleQueueQuery,
        response: { 200: Type.Array(SamplePermissionSchema) },
      },
    },
    async (request) => {
      requireRole(request, 'customs_officer');
      return (await samplePermissionQueue(deps, request.query)).map(view);
    },
  );
  app.get(
    '/api/customs/sample-permissions/:number',
    { schema: { tags, summary: 'One sample permission', params: SampleNumberParams, response: { 200: SamplePermissionSchema } } },
    async (request) => view(unwrap(await getSamplePermission(deps, requireRole(request, ...READERS), request.params.number))),
  );
  app.post(
    '/api/customs/sample-permissions/:number/decision',
    {
      schema: {
        tags,
        summary: 'Customs grants or refuses (with its reason) the permission to take samples',
        params: SampleNumberParams,
        body: SampleDecisionBody,
        response: { 200: SamplePermissionSchema },
      },
    },
    async (request) => view(unwrap(await decideSamplePermission(deps, requireRole(request, 'customs_officer'), request.params.number, request.body))),
  );
}
