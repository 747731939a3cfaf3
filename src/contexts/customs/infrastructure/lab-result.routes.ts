import { Type } from 'typebox';
import { type App, requireRole, unwrap } from '../../../platform/http.ts';
import type { CustomsDeps } from '../application/deps.ts';
import { listLabResults } from '../application/lab-result-queries.ts';
import { recordLabResult } from '../application/lab-result-record.ts';
import { DeclarationParams } from './declaration.schemas.ts';
import { LabResultBody, LabResultSchema } from './sample.schemas.ts';

const tags = ['customs', 'declarations'];

/** Results of tests of samples held by customs (art.127 p.1 i.4, CUS-DEC-20): customs records them, the declarant reads them. */
export function labResultRoutes(app: App, deps: CustomsDeps): void {
  app.post(
    '/api/customs/declarations/:id/lab-results',
    {
      schema: {
        tags,
        summary: 'An officer records the result of the tests of samples against the expertise order of the declaration',
        params: DeclarationParams,
        body: LabResultBody,
        response: { 201: LabResultSchema },
      },
    },
    async (request, reply) => {
      const made = unwrap(await recordLabResult(deps, requireRole(request, 'customs_officer'), request.params.id, request.body));
      reply.code(201);
      return made;
    },
  );
  app.get(
    '/api/customs/declarations/:id/lab-results',
    {
      schema: {
        tags,
        summary: 'The results of the tests of samples of a declaration: its declarant (or broker) and customs only (art.127 p.1 i.4)',
        params: DeclarationParams,
        response: { 200: Type.Array(LabResultSchema) },
      },
    },
    async (request) => unwrap(await listLabResults(deps, requireRole(request, 'declarant', 'customs_officer', 'risk_analyst'), request.params.id)),
  );
}
