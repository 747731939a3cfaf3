import { Type } from 'typebox';
import { type App, requireRole, unwrap } from '../../../platform/http.ts';
import { IdParams, Line, Strict, Uuid } from '../../../platform/schemas.ts';
import { applyForSpecialist } from '../application/apply-for-specialist.ts';
import type { FiscalDeps } from '../application/deps.ts';
import { getSpecialist, listSpecialists } from '../application/list-specialists.ts';
import { refuseSpecialist } from '../application/refuse-specialist.ts';
import { registerSpecialist } from '../application/register-specialist.ts';
import { AttachmentBody, literals, many, PageQuery, ref, SpecialistBody, TscParams } from './tsc.schemas.ts';

/** Qualified specialists registered by the operator on the TSC's application (p.53 item 11). */
export function tscSpecialistRoutes(app: App, deps: FiscalDeps): void {
  app.post(
    '/api/fiscal/tscs/:id/specialists',
    {
      schema: {
        tags: ['tsc'],
        summary: 'Apply for a qualified specialist to work in the TIS (the TSC’s head office, or the operator entering the TSC’s application) (FIS-ACC-02)',
        params: TscParams,
        body: Type.Object(
          {
            ...SpecialistBody,
            branchId: Type.Optional(Uuid('The branch the specialist serves; omitted for the head office')),
            attachments: Type.Optional(
              Type.Array(AttachmentBody(['specialist_certificate', 'additional'], 'specialist_certificate or additional'), {
                maxItems: 10,
                description: 'Copy of the certificate',
              }),
            ),
          },
          Strict,
        ),
        response: { 201: ref('Specialist') },
      },
    },
    async (request, reply) => {
      const result = unwrap(await applyForSpecialist(deps, requireRole(request, 'tsc_specialist', 'operator_admin'), request.params.id, request.body));
      reply.code(201);
      return result;
    },
  );

  app.get(
    '/api/fiscal/specialists',
    {
      schema: {
        tags: ['tsc'],
        summary: 'Specialists and specialist applications (staff: all; a TSC specialist: its own TSC’s)',
        querystring: Type.Object(
          {
            tscId: Type.Optional(Uuid('Only specialists of this TSC')),
            branchId: Type.Optional(Uuid('Only specialists of this branch')),
            status: Type.Optional(literals(['applied', 'registered', 'refused', 'revoked'], 'Only specialists in this state')),
            ...PageQuery,
          },
          Strict,
        ),
        response: { 200: many('Specialist') },
      },
    },
    async (request) => listSpecialists(deps, requireRole(request, 'operator_admin', 'tax_officer', 'tsc_specialist'), request.query),
  );

  app.get(
    '/api/fiscal/specialists/:id',
    { schema: { tags: ['tsc'], summary: 'One specialist record', params: IdParams, response: { 200: ref('Specialist') } } },
    async (request) => unwrap(await getSpecialist(deps, requireRole(request, 'operator_admin', 'tax_officer', 'tsc_specialist'), request.params.id)),
  );

  app.post(
    '/api/fiscal/specialists/:id/register',
    {
      schema: {
        tags: ['tsc'],
        summary: 'Register the specialist: creates the account and returns its initial password, once (operator administrator, FIS-ACC-02)',
        params: IdParams,
        response: {
          200: Type.Object({
            specialist: ref('Specialist'),
            credentials: Type.Object(
              { login: Type.String(), initialPassword: Type.String({ description: 'Shown in this response only; the specialist changes it at first login' }) },
              { description: 'Hand these to the specialist' },
            ),
          }),
        },
      },
    },
    async (request) => unwrap(await registerSpecialist(deps, requireRole(request, 'operator_admin'), request.params.id)),
  );

  app.post(
    '/api/fiscal/specialists/:id/refuse',
    {
      schema: {
        tags: ['tsc'],
        summary: 'Refuse to register the specialist, with the reason (operator administrator)',
        params: IdParams,
        body: Type.Object({ reason: Line(1000, 'Why the specialist is not registered') }, Strict),
        response: { 200: ref('Specialist') },
      },
    },
    async (request) => unwrap(await refuseSpecialist(deps, requireRole(request, 'operator_admin'), request.params.id, request.body)),
  );
}
