import { Type } from 'typebox';
import type { Failure, Result } from '../../../platform/result.ts';
import { type App, ProblemError, requireRole, unwrap } from '../../../platform/http.ts';
import type { CustomsDeps } from '../application/deps.ts';
import { recordControlEvent, markRemedied } from '../application/declaration-control.ts';
import { addTrustedIssuer, documentFile, listDeclarations, uploadDocument } from '../application/declaration-documents.ts';
import { createDraft, updateDraft } from '../application/declaration-draft.ts';
import {
  demandAmendment,
  permitIncomplete,
  presentPreliminaryGoods,
  recordExit,
  recordOriginalSeen,
  refuseRelease,
  requestOriginal,
} from '../application/declaration-officer.ts';
import { keyPaperDeclaration } from '../application/declaration-paper.ts';
import { filingMessage, type RegistrationPorts, registerDeclaration } from '../application/declaration-register.ts';
import { officerRelease, type ReleasePorts } from '../application/declaration-release.ts';
import { decideRequest, requestAmendment, requestMessage, requestWithdrawal } from '../application/declaration-requests.ts';
import { sha256Hex } from '../application/declaration-signature.ts';
import { declarationDetail, declarationSummary, type Refusal, readDeclaration } from '../application/declaration-store.ts';
import type { DeclarationData } from '../domain/declaration.ts';
import type { DeclarationRow } from './declaration.schema.ts';
import {
  AmendmentBody,
  ControlBody,
  DeclarationDataSchema,
  DeclarationParams,
  DecisionBody,
  DemandBody,
  DetailSchema,
  DraftBody,
  EventParams,
  FileParams,
  FilingBody,
  IssuerBody,
  IssuerSchema,
  ListQuery,
  OriginalBody,
  PaperBody,
  RefusalBody,
  ReleaseBody,
  RequestParams,
  RequestSchema,
  SigningPayloadSchema,
  SummarySchema,
  UploadBody,
  UploadSchema,
  WithdrawalBody,
} from './declaration.schemas.ts';

const tags = ['customs', 'declarations'];
const TRADERS = ['declarant'] as const;
const OFFICERS = ['customs_officer'] as const;
const READERS = ['declarant', 'customs_officer', 'risk_analyst'] as const;

export type DeclarationPorts = ReleasePorts & RegistrationPorts;

/** The goods declaration over HTTP (docs/customs-declarations.md): the declarant's and the officer's steps. */
export function declarationRoutes(app: App, deps: CustomsDeps, ports: DeclarationPorts): void {
  const base = '/api/customs/declarations';
  const detail = async (request: { principal: unknown }, result: Result<DeclarationRow, Refusal | Failure>) => {
    const row = unwrap(result);
    return declarationDetail(deps.database.db, request.principal as never, row);
  };

  app.post(
    base,
    {
      schema: {
        tags,
        summary: 'A new electronic draft of a goods declaration, by the declarant or its broker (art.124 p.1-2)',
        body: DraftBody,
        response: { 201: DetailSchema },
      },
    },
    async (request, reply) => {
      const actor = requireRole(request, ...TRADERS);
      const row = unwrap(await createDraft(deps, actor, request.body as { form: 'standard'; data: DeclarationData }));
      reply.code(201);
      return declarationDetail(deps.database.db, actor, row);
    },
  );

  app.post(
    `${base}/paper`,
    {
      schema: {
        tags,
        summary: 'An officer keys in a paper declaration, accepted only during a recorded failure of the system (art.124 p.3, art.132 p.3-6)',
        body: PaperBody,
        response: { 201: DetailSchema },
      },
    },
    async (request, reply) => {
      const actor = requireRole(request, ...OFFICERS);
      const row = unwrap(await keyPaperDeclaration(deps, actor, request.body as never, ports));
      reply.code(201);
      return declarationDetail(deps.database.db, actor, row);
    },
  );

  app.get(
    base,
    {
      schema: {
        tags,
        summary: 'The declarant’s own declarations; for customs, the work queue by state and office',
        querystring: ListQuery,
        response: { 200: Type.Array(SummarySchema) },
      },
    },
    async (request) => {
      const actor = requireRole(request, ...READERS);
      return (await listDeclarations(deps, actor, request.query as never)).map(declarationSummary);
    },
  );

  app.get(
    `${base}/:id`,
    { schema: { tags, summary: 'A declaration with its versions, requests and control events', params: DeclarationParams, response: { 200: DetailSchema } } },
    async (request) => {
      const actor = requireRole(request, ...READERS);
      const row = unwrap(await readDeclaration(deps.database.db, actor, request.params.id));
      return declarationDetail(deps.database.db, actor, row);
    },
  );

  app.put(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: 'Replaces the data of a draft (a filed declaration changes only under art.133)',
        params: DeclarationParams,
        body: DraftBody,
        response: { 200: DetailSchema },
      },
    },
    async (request) => detail(request, await updateDraft(deps, requireRole(request, ...TRADERS), request.params.id, request.body as never)),
  );

  app.get(
    `${base}/:id/signing-payload`,
    {
      schema: {
        tags,
        summary: 'The exact text the filer signs to file the draft (canonical JSON of its id and data)',
        params: DeclarationParams,
        response: { 200: SigningPayloadSchema },
      },
    },
    async (request) => {
      const actor = requireRole(request, ...TRADERS);
      const row = unwrap(await readDeclaration(deps.database.db, actor, request.params.id));
      const payload = filingMessage(row);
      return { payload: payload.toString('utf8'), sha256: sha256Hex(payload) };
    },
  );

  app.post(
    `${base}/:id/request-payload`,
    {
      schema: {
        tags,
        summary: 'The exact text the filer signs for an amendment or a withdrawal request',
        params: DeclarationParams,
        body: Type.Object(
          {
            kind: Type.Union([
              Type.Literal('amendment:data'),
              Type.Literal('amendment:location_or_typo'),
              Type.Literal('amendment:completion'),
              Type.Literal('withdrawal'),
            ]),
            reason: Type.String({ minLength: 1, maxLength: 2000 }),
            data: Type.Optional(DeclarationDataSchema),
          },
          { additionalProperties: false },
        ),
        response: { 200: SigningPayloadSchema },
      },
    },
    async (request) => {
      requireRole(request, ...TRADERS);
      const body = request.body as { kind: string; reason: string; data?: DeclarationData };
      const payload = requestMessage(request.params.id, body.kind, body.reason, body.data);
      return { payload: payload.toString('utf8'), sha256: sha256Hex(payload) };
    },
  );

  app.post(
    `${base}/:id/filing`,
    {
      schema: {
        tags,
        summary: 'Signs and files the draft: checked on every ground of art.132 p.4 at once, then registered = accepted (art.132 p.1-2)',
        params: DeclarationParams,
        body: FilingBody,
        response: { 200: DetailSchema },
      },
    },
    async (request) => detail(request, await registerDeclaration(deps, requireRole(request, ...TRADERS), request.params.id, request.body, ports)),
  );

  app.post(
    `${base}/:id/amendments`,
    {
      schema: {
        tags,
        summary: 'A motivated, signed request to change the declaration (art.133)',
        params: DeclarationParams,
        body: AmendmentBody,
        response: { 201: RequestSchema },
      },
    },
    async (request, reply) => {
      const made = unwrap(await requestAmendment(deps, requireRole(request, ...TRADERS), request.params.id, request.body as never));
      reply.code(201);
      return { id: made.id, kind: made.kind, status: made.status, requestedAt: made.requestedAt.toISOString() };
    },
  );

  app.post(
    `${base}/:id/withdrawals`,
    {
      schema: {
        tags,
        summary: 'A motivated, signed request to withdraw the declaration (art.134)',
        params: DeclarationParams,
        body: WithdrawalBody,
        response: { 201: RequestSchema },
      },
    },
    async (request, reply) => {
      const made = unwrap(await requestWithdrawal(deps, requireRole(request, ...TRADERS), request.params.id, request.body));
      reply.code(201);
      return { id: made.id, kind: made.kind, status: made.status, requestedAt: made.requestedAt.toISOString() };
    },
  );

  app.post(
    `${base}/:id/requests/:requestId/decision`,
    {
      schema: {
        tags,
        summary: 'Customs permits or refuses an amendment or withdrawal request',
        params: RequestParams,
        body: DecisionBody,
        response: { 200: DetailSchema },
      },
    },
    async (request) =>
      detail(request, await decideRequest(deps, ports, requireRole(request, ...OFFICERS), request.params.id, request.params.requestId, request.body)),
  );

  app.post(
    `${base}/:id/control-events`,
    {
      schema: {
        tags,
        summary:
          'An event of customs control (IMP-18): documents asked, examination notice, inspection, expertise, findings, completion, suspension. Before release only on the basis of the risk decision (art.399 p.3, CUS-CTL-03); a result is fed back to risk management (CUS-RMS-20)',
        params: DeclarationParams,
        body: ControlBody,
        response: { 200: DetailSchema },
      },
    },
    async (request) => {
      const body = request.body;
      const scheduledAt = body.scheduledAt === undefined ? undefined : new Date(body.scheduledAt);
      if (scheduledAt && Number.isNaN(scheduledAt.getTime())) throw new ProblemError('DECLARATION_DATA_INVALID', 'body.scheduledAt');
      const { scheduledAt: _, additionalDirams, ...rest } = body;
      return detail(
        request,
        await recordControlEvent(deps, ports, requireRole(request, ...OFFICERS), request.params.id, {
          ...rest,
          ...(scheduledAt ? { scheduledAt } : {}),
          ...(additionalDirams !== undefined ? { additionalDirams: BigInt(additionalDirams) } : {}),
        }),
      );
    },
  );

  app.post(
    `${base}/:id/control-events/:eventId/remedied`,
    { schema: { tags, summary: 'A finding is remedied (art.153 p.1 i.7)', params: EventParams, response: { 200: DetailSchema } } },
    async (request) => detail(request, await markRemedied(deps, ports, requireRole(request, ...OFFICERS), request.params.id, request.params.eventId)),
  );

  app.post(
    `${base}/:id/release`,
    {
      schema: {
        tags,
        summary: 'An officer releases, or releases conditionally under art.151',
        params: DeclarationParams,
        body: ReleaseBody,
        response: { 200: DetailSchema },
      },
    },
    async (request) => detail(request, await officerRelease(deps, ports, requireRole(request, ...OFFICERS), request.params.id, request.body)),
  );

  app.post(
    `${base}/:id/release-refusal`,
    {
      schema: {
        tags,
        summary: 'Refusal of release on the grounds of art.153 p.1, before the release period ends',
        params: DeclarationParams,
        body: RefusalBody,
        response: { 200: DetailSchema },
      },
    },
    async (request) => detail(request, await refuseRelease(deps, requireRole(request, ...OFFICERS), request.params.id, request.body)),
  );

  app.post(
    `${base}/:id/amendment-demand`,
    {
      schema: {
        tags,
        summary: 'Customs demands a change to remedy curable violations (art.133 p.6)',
        params: DeclarationParams,
        body: DemandBody,
        response: { 200: DetailSchema },
      },
    },
    async (request) => detail(request, await demandAmendment(deps, requireRole(request, ...OFFICERS), request.params.id, request.body)),
  );

  app.post(
    `${base}/:id/incomplete-permission`,
    {
      schema: {
        tags,
        summary: 'Customs permits filing the draft as an incomplete declaration (art.135 p.1)',
        params: DeclarationParams,
        response: { 200: DetailSchema },
      },
    },
    async (request) => detail(request, await permitIncomplete(deps, requireRole(request, ...OFFICERS), request.params.id)),
  );

  app.post(
    `${base}/:id/presentation`,
    {
      schema: {
        tags,
        summary: 'The goods of a preliminary declaration are presented (art.130 p.2-3)',
        params: DeclarationParams,
        response: { 200: DetailSchema },
      },
    },
    async (request) => detail(request, await presentPreliminaryGoods(deps, requireRole(request, ...OFFICERS), request.params.id)),
  );

  app.post(
    `${base}/:id/exit`,
    {
      schema: { tags, summary: 'Exported goods actually left the customs territory (art.134 p.3)', params: DeclarationParams, response: { 200: DetailSchema } },
    },
    async (request) => detail(request, await recordExit(deps, requireRole(request, ...OFFICERS), request.params.id)),
  );

  app.post(
    `${base}/:id/original-requests`,
    {
      schema: {
        tags,
        summary: 'Asks an original on risk grounds, only of the three kinds of art.63 p.12',
        params: DeclarationParams,
        body: OriginalBody,
        response: { 200: DetailSchema },
      },
    },
    async (request) => detail(request, await requestOriginal(deps, requireRole(request, ...OFFICERS), request.params.id, request.body)),
  );

  app.post(
    `${base}/:id/original-requests/:requestId/seen`,
    { schema: { tags, summary: 'The official saw the original (art.63 p.13)', params: RequestParams, response: { 200: DetailSchema } } },
    async (request) => detail(request, await recordOriginalSeen(deps, requireRole(request, ...OFFICERS), request.params.id, request.params.requestId)),
  );

  app.post(
    '/api/customs/documents',
    {
      schema: {
        tags,
        summary: 'Uploads an electronic copy of a document (art.63 p.9); the declaration names it by its SHA-256',
        body: UploadBody,
        response: { 201: UploadSchema },
      },
    },
    async (request, reply) => {
      const made = unwrap(await uploadDocument(deps, requireRole(request, ...TRADERS), request.body));
      reply.code(201);
      return made;
    },
  );

  app.get(
    `${base}/:id/documents/:sha256`,
    { schema: { tags, summary: 'An electronic copy named in the declaration', params: FileParams } },
    async (request, reply) => {
      const actor = requireRole(request, ...READERS);
      const row = unwrap(await readDeclaration(deps.database.db, actor, request.params.id));
      const file = await documentFile(deps, actor, row, request.params.sha256);
      if (!file) throw new ProblemError('DECLARATION_NOT_FOUND', 'params.sha256');
      reply.header('content-type', file.mediaType);
      reply.header('content-disposition', `attachment; filename="${encodeURIComponent(file.fileName)}"`);
      return reply.send(file.content);
    },
  );

  app.post(
    '/api/customs/trusted-issuers',
    {
      schema: {
        tags,
        summary: 'Adds a certificate authority whose certificates may sign declarations (art.124 p.8)',
        body: IssuerBody,
        response: { 201: IssuerSchema },
      },
    },
    async (request, reply) => {
      const made = unwrap(await addTrustedIssuer(deps, requireRole(request, ...OFFICERS), request.body));
      reply.code(201);
      return made;
    },
  );
}
