import { Type } from 'typebox';
import { type App, requireRole, unwrap } from '../../../platform/http.ts';
import type { CustomsDeps } from '../application/deps.ts';
import { decideUndertaking } from '../application/undertaking-decide.ts';
import { fulfilUndertaking } from '../application/undertaking-fulfil.ts';
import { giveUndertaking } from '../application/undertaking-give.ts';
import { recordUndertakingParameter } from '../application/undertaking-parameters.ts';
import { CUSTOMS_ROLES, getUndertaking, listUndertakingParameters, listUndertakings } from '../application/undertaking-queries.ts';
import { caseCardRoute, caseListRoute, viewed } from './case-routes.ts';
import type { UndertakingParameterRow, UndertakingRow } from './exit-statistics.schema.ts';
import {
  DecisionBody,
  FulfilBody,
  ParameterBody,
  ParameterSchema,
  UndertakingBody,
  UndertakingListQuery,
  UndertakingParams,
  UndertakingSchema,
} from './undertaking.schemas.ts';

const tags = ['customs'];
const BASE = '/api/customs/undertakings';

const iso = (d: Date | null) => d?.toISOString() ?? null;
const view = (u: UndertakingRow) => ({
  number: u.number,
  declarantCode: u.declarantCode,
  officeCode: u.officeCode,
  direction: u.direction,
  channel: u.channel,
  periodDays: u.periodDays,
  maxDays: u.maxDays,
  transportDocument: u.transportDocumentType && u.transportDocumentNumber ? { typeCode: u.transportDocumentType, number: u.transportDocumentNumber } : null,
  commodityCodes: u.commodityCodes,
  goodsDescription: u.goodsDescription,
  state: u.state,
  givenAt: u.givenAt.toISOString(),
  decidedAt: iso(u.decidedAt),
  refusalReason: u.refusalReason,
  releasedAt: iso(u.releasedAt),
  dueAt: iso(u.dueAt),
  overdueAt: iso(u.overdueAt),
  declarationNumber: u.declarationNumber,
  fulfilledAt: iso(u.fulfilledAt),
  isFulfilledLate: u.isFulfilledLate,
});
const parameter = (p: UndertakingParameterRow) => ({ ...p, recordedAt: p.recordedAt.toISOString() });

/** Undertakings to file the declaration within a period (art.150 as amended; CUS-REL-08, AMB-18). */
export function undertakingRoutes(app: App, deps: CustomsDeps): void {
  app.post(
    BASE,
    {
      schema: {
        tags,
        summary:
          'Give an undertaking to file the declaration within a period of no more than the limit (electronic by the declarant, written recorded by customs)',
        body: UndertakingBody,
        response: { 201: UndertakingSchema },
      },
    },
    async (request, reply) => {
      const row = unwrap(await giveUndertaking(deps, requireRole(request, 'declarant', 'customs_officer'), request.body));
      reply.code(201);
      return view(row);
    },
  );
  const undertakings = { base: BASE, params: UndertakingParams, card: UndertakingSchema };
  caseListRoute(
    app,
    undertakings,
    { summary: 'Undertakings (customs: all; a declarant: its own)', querystring: UndertakingListQuery, readers: [...CUSTOMS_ROLES, 'declarant'] },
    async (p, query) => (await listUndertakings(deps, p, query)).map(view),
  );
  caseCardRoute(app, undertakings, { summary: 'One undertaking', readers: [...CUSTOMS_ROLES, 'declarant'] }, async (p, number) =>
    viewed(await getUndertaking(deps, p, number), view),
  );
  app.post(
    `${BASE}/:number/decision`,
    {
      schema: {
        tags,
        summary: 'Accept (the goods are released before the declaration; the period runs from now) or refuse',
        params: UndertakingParams,
        body: DecisionBody,
        response: { 200: UndertakingSchema },
      },
    },
    async (request) => view(unwrap(await decideUndertaking(deps, requireRole(request, 'customs_officer'), request.params.number, request.body))),
  );
  app.post(
    `${BASE}/:number/fulfilment`,
    {
      schema: {
        tags,
        summary: 'The declaration filed under the undertaking (late when filed after the due time)',
        params: UndertakingParams,
        body: FulfilBody,
        response: { 200: UndertakingSchema },
      },
    },
    async (request) => view(unwrap(await fulfilUndertaking(deps, requireRole(request, 'declarant', 'customs_officer'), request.params.number, request.body))),
  );
  app.get(
    '/api/customs/undertaking-parameters',
    { schema: { tags, summary: 'AMB-18: the limits of art.150 p.2 with their basis, newest first', response: { 200: Type.Array(ParameterSchema) } } },
    async (request) => {
      requireRole(request, ...CUSTOMS_ROLES, 'declarant');
      return (await listUndertakingParameters(deps)).map(parameter);
    },
  );
  app.post(
    '/api/customs/undertaking-parameters',
    {
      schema: {
        tags,
        summary: 'AMB-18: record the limit of art.150 p.2 from a day (the head of the customs authority)',
        body: ParameterBody,
        response: { 201: ParameterSchema },
      },
    },
    async (request, reply) => {
      const row = unwrap(await recordUndertakingParameter(deps, requireRole(request, 'customs_head'), request.body));
      reply.code(201);
      return parameter(row);
    },
  );
}
