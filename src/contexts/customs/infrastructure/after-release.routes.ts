import { Type } from 'typebox';
import { type App, requireRole, unwrap } from '../../../platform/http.ts';
import { listAfterReleaseCases, recordAfterReleaseCase } from '../application/after-release-cases.ts';
import { decideAfterReleaseChange } from '../application/after-release-decide.ts';
import { READER_ROLES, type CustomsDeps, WRITER_ROLES } from '../application/deps.ts';
import { requestAmendment, requestMessage } from '../application/declaration-requests.ts';
import { sha256Hex } from '../application/declaration-signature.ts';
import { declarationDetail } from '../application/declaration-store.ts';
import { amendmentTag } from '../domain/after-release.ts';
import type { DeclarationData } from '../domain/declaration.ts';
import { CaseBody, CaseSchema, ChangeDecisionBody, ChangePayloadBody, ChangeRequestBody } from './after-release.schemas.ts';
import { DeclarationParams, DetailSchema, RequestSchema, SigningPayloadSchema } from './declaration.schemas.ts';

const tags = ['customs', 'declarations'];

/**
 * Changes of declared data after release (art.133 p.8-9, CUS-DEC-50): the authorised body's list of
 * cases, the declarant's request under a case (decided through the declaration's request decision,
 * D22), and customs' own change by decision.
 */
export function afterReleaseRoutes(app: App, deps: CustomsDeps): void {
  const base = '/api/customs/declarations/:id';
  app.get(
    '/api/customs/after-release-cases',
    {
      schema: {
        tags,
        summary: 'The cases in which declared data may be changed after release, every version (art.133 p.8-9)',
        response: { 200: Type.Array(CaseSchema) },
      },
    },
    async (request) => {
      requireRole(request, ...READER_ROLES);
      return listAfterReleaseCases(deps);
    },
  );
  app.post(
    '/api/customs/after-release-cases',
    {
      schema: {
        tags,
        summary: 'Records a case from a day on: names, the fields it opens, by customs’ decision and/or with its permission',
        body: CaseBody,
        response: { 201: Type.Array(CaseSchema) },
      },
    },
    async (request, reply) => {
      const made = unwrap(await recordAfterReleaseCase(deps, requireRole(request, ...WRITER_ROLES), request.body));
      reply.code(201);
      return made;
    },
  );
  app.post(
    `${base}/after-release-changes/payload`,
    {
      schema: {
        tags,
        summary: 'The exact text the declarant signs for a change after release under a case',
        params: DeclarationParams,
        body: ChangePayloadBody,
        response: { 200: SigningPayloadSchema },
      },
    },
    async (request) => {
      requireRole(request, 'declarant');
      const b = request.body as { caseCode: string; reason: string; data: DeclarationData };
      const payload = requestMessage(request.params.id, amendmentTag('data', b.caseCode), b.reason, b.data);
      return { payload: payload.toString('utf8'), sha256: sha256Hex(payload) };
    },
  );
  app.post(
    `${base}/after-release-changes`,
    {
      schema: {
        tags,
        summary: 'A signed request to change the data of a released declaration under a case of the list (art.133 p.8); customs permits or refuses it',
        params: DeclarationParams,
        body: ChangeRequestBody,
        response: { 201: RequestSchema },
      },
    },
    async (request, reply) => {
      const b = request.body as { caseCode: string; reason: string; data: DeclarationData; signature: string; certificatePem: string };
      const made = unwrap(await requestAmendment(deps, requireRole(request, 'declarant'), request.params.id, { ...b, kind: 'data' }));
      reply.code(201);
      return { id: made.id, kind: made.kind, status: made.status, requestedAt: made.requestedAt.toISOString() };
    },
  );
  app.post(
    `${base}/after-release-decisions`,
    {
      schema: {
        tags,
        summary: 'Customs changes the data of a released declaration by its decision, under a case of the list (art.133 p.8)',
        params: DeclarationParams,
        body: ChangeDecisionBody,
        response: { 200: DetailSchema },
      },
    },
    async (request) => {
      const actor = requireRole(request, 'customs_officer');
      const row = unwrap(await decideAfterReleaseChange(deps, actor, request.params.id, request.body as never));
      return declarationDetail(deps.database.db, actor, row);
    },
  );
}
