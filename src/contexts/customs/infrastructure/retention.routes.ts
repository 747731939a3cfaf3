import { Type } from 'typebox';
import { dushanbeDate } from '../../../platform/calendar/index.ts';
import { type App, requireRole, unwrap } from '../../../platform/http.ts';
import type { CustomsDeps } from '../application/deps.ts';
import { endRetention } from '../application/retention-end.ts';
import { dueToLeaveRetention, getRetention, listRetention } from '../application/retention-queries.ts';
import { receiveOriginal } from '../application/retention-receive.ts';
import { returnOriginal } from '../application/retention-return.ts';
import { CUSTOMS_ROLES } from '../application/undertaking-queries.ts';
import { caseCardRoute, caseListRoute, viewed } from './case-routes.ts';
import type { RetentionRow } from './exit-statistics.schema.ts';
import { DueQuery, OriginalBody, RetentionListQuery, RetentionParams, RetentionSchema, ReturnBody } from './retention.schemas.ts';

const tags = ['customs'];
const BASE = '/api/customs/retention';

const iso = (d: Date | null) => d?.toISOString() ?? null;
const view = (r: RetentionRow) => ({
  id: r.id,
  declarationNumber: r.declarationNumber,
  registeredOn: r.registeredOn,
  retainUntil: r.retainUntil,
  documentType: r.documentType,
  documentNumber: r.documentNumber,
  documentDate: r.documentDate,
  issuer: r.issuer,
  copySha256: r.copySha256,
  receivedAt: r.receivedAt.toISOString(),
  receivedBy: r.receivedBy,
  returnedAt: iso(r.returnedAt),
  returnedTo: r.returnedTo,
  returnMethod: r.returnMethod,
  endedAt: iso(r.endedAt),
});

/** Originals of art.361 received after release: receipt, return to the declarant, five years of retention (CUS-REG-09). No delete. */
export function retentionRoutes(app: App, deps: CustomsDeps): void {
  app.post(
    BASE,
    {
      schema: {
        tags,
        summary: 'Record an original of art.361 received after release; kept five years from the registration of the declaration',
        body: OriginalBody,
        response: { 201: RetentionSchema },
      },
    },
    async (request, reply) => {
      const row = unwrap(await receiveOriginal(deps, requireRole(request, 'customs_officer'), request.body));
      reply.code(201);
      return view(row);
    },
  );
  const originals = { base: BASE, params: RetentionParams, card: RetentionSchema, key: 'id' } as const;
  caseListRoute(
    app,
    originals,
    { summary: 'Retained originals (customs: all; a declarant: its own)', querystring: RetentionListQuery, readers: [...CUSTOMS_ROLES, 'declarant'] },
    async (p, query) => (await listRetention(deps, p, query)).map(view),
  );
  app.get(
    `${BASE}/due`,
    {
      schema: {
        tags,
        summary: 'What is due to leave retention: records still kept whose five years end on or before a day',
        querystring: DueQuery,
        response: { 200: Type.Array(RetentionSchema) },
      },
    },
    async (request) => {
      requireRole(request, ...CUSTOMS_ROLES);
      const until = request.query.until ?? dushanbeDate(deps.clock.now());
      return (await dueToLeaveRetention(deps, { ...request.query, until })).map(view);
    },
  );
  caseCardRoute(app, originals, { summary: 'One retained original', readers: [...CUSTOMS_ROLES, 'declarant'] }, async (p, id) =>
    viewed(await getRetention(deps, p, id), view),
  );
  app.post(
    `${BASE}/:id/return`,
    {
      schema: {
        tags,
        summary: 'The original went back to the declarant (art.361 p.3)',
        params: RetentionParams,
        body: ReturnBody,
        response: { 200: RetentionSchema },
      },
    },
    async (request) => view(unwrap(await returnOriginal(deps, requireRole(request, 'customs_officer'), request.params.id, request.body))),
  );
  app.post(
    `${BASE}/:id/end`,
    {
      schema: {
        tags,
        summary: 'End the retention of a record whose five years are over (refused before); the record stays, marked ended',
        params: RetentionParams,
        response: { 200: RetentionSchema },
      },
    },
    async (request) => view(unwrap(await endRetention(deps, requireRole(request, 'customs_officer'), request.params.id))),
  );
}
