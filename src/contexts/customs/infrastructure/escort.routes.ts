import { Type } from 'typebox';
import type { Role } from '../../../platform/auth.ts';
import type { App } from '../../../platform/http.ts';
import { requireRole, unwrap } from '../../../platform/http.ts';
import type { CustomsDeps } from '../application/deps.ts';
import { cancelEscort } from '../application/escort-cancel.ts';
import { completeEscort } from '../application/escort-complete.ts';
import { decideEscort } from '../application/escort-decide.ts';
import { proposeEscortGrounds } from '../application/escort-facts.ts';
import { listEscortFeeTables, recordEscortFeeTable } from '../application/escort-fees.ts';
import { informCarrier } from '../application/escort-inform.ts';
import { organiseEscort } from '../application/escort-organise.ts';
import { listEscortProposals } from '../application/escort-proposals.ts';
import { getEscort, listEscorts } from '../application/escort-queries.ts';
import { startEscort } from '../application/escort-start.ts';
import { ESCORT_GROUND_TITLES } from '../domain/escort.ts';
import {
  CancelBody,
  CompleteBody,
  DecideBody,
  EscortSchema,
  FeeTableBody,
  FeeTableSchema,
  GroundsBody,
  GroundsSchema,
  InformBody,
  ListQuery,
  NumberParams,
  OrganiseBody,
  ProposalSchema,
} from './escort.schemas.ts';

const tags = ['customs'];
const BASE = '/api/customs/escorts';
const CUSTOMS: Role[] = ['customs_officer', 'customs_head'];

/** Customs escort (art.402(1)): grounds, decision, carrier notice, organisation within 24 hours, fee, completion. */
export function escortRoutes(app: App, deps: CustomsDeps): void {
  app.post(
    `${BASE}/grounds`,
    {
      schema: {
        tags,
        summary: 'Which grounds of art.402(1) p.2 hold for a carriage (a proposal; nothing is stored)',
        body: GroundsBody,
        response: { 200: GroundsSchema },
      },
    },
    async (request) => {
      requireRole(request, ...CUSTOMS);
      const evaluated = unwrap(await proposeEscortGrounds(deps, request.body));
      return {
        grounds: evaluated.grounds.map((code) => ({ code, title: ESCORT_GROUND_TITLES[code] })),
        isEscortApplicable: evaluated.grounds.length > 0,
        facts: evaluated.facts,
      };
    },
  );
  app.post(
    BASE,
    {
      schema: {
        tags,
        summary: 'Decide customs escort on its grounds; the 24 hours start (art.402(1) p.2-3)',
        body: DecideBody,
        response: { 201: EscortSchema },
      },
    },
    async (request, reply) => {
      const result = unwrap(await decideEscort(deps, requireRole(request, ...CUSTOMS), request.body));
      reply.code(201);
      return result;
    },
  );
  app.get(
    BASE,
    {
      schema: {
        tags,
        summary: 'Officers: escorts by state or overdue; a carrier: its own',
        querystring: ListQuery,
        response: { 200: Type.Array(EscortSchema) },
      },
    },
    async (request) => listEscorts(deps, requireRole(request, ...CUSTOMS, 'carrier'), request.query),
  );
  app.get(
    `${BASE}/proposals`,
    { schema: { tags, summary: 'Risk decisions whose measures include escort', response: { 200: Type.Array(ProposalSchema) } } },
    async (request) => {
      requireRole(request, ...CUSTOMS);
      return listEscortProposals(deps);
    },
  );
  app.get(
    `${BASE}/:number`,
    { schema: { tags, summary: 'One escort with its history', params: NumberParams, response: { 200: EscortSchema } } },
    async (request) => unwrap(await getEscort(deps, requireRole(request, ...CUSTOMS, 'carrier'), request.params.number)),
  );
  app.post(
    `${BASE}/:number/carrier-notice`,
    {
      schema: {
        tags,
        summary: 'Record that the carrier was informed (art.402(1) p.3)',
        params: NumberParams,
        body: InformBody,
        response: { 200: EscortSchema },
      },
    },
    async (request) => unwrap(await informCarrier(deps, requireRole(request, ...CUSTOMS), request.params.number, request.body)),
  );
  app.post(
    `${BASE}/:number/organisation`,
    {
      schema: {
        tags,
        summary: 'Organise the escort and charge the fee (art.402(1) p.3-4)',
        params: NumberParams,
        body: OrganiseBody,
        response: { 200: EscortSchema },
      },
    },
    async (request) => {
      const body = request.body;
      return unwrap(await organiseEscort(deps, requireRole(request, ...CUSTOMS), request.params.number, { ...body, startsAt: new Date(body.startsAt) }));
    },
  );
  app.post(
    `${BASE}/:number/start`,
    { schema: { tags, summary: 'The escorted vehicle sets off', params: NumberParams, response: { 200: EscortSchema } } },
    async (request) => unwrap(await startEscort(deps, requireRole(request, ...CUSTOMS), request.params.number)),
  );
  app.post(
    `${BASE}/:number/completion`,
    { schema: { tags, summary: 'The vehicle reached the destination office', params: NumberParams, body: CompleteBody, response: { 200: EscortSchema } } },
    async (request) => unwrap(await completeEscort(deps, requireRole(request, ...CUSTOMS), request.params.number, request.body)),
  );
  app.post(
    `${BASE}/:number/cancellation`,
    { schema: { tags, summary: 'Cancel before the escort begins, with the reason', params: NumberParams, body: CancelBody, response: { 200: EscortSchema } } },
    async (request) => unwrap(await cancelEscort(deps, requireRole(request, ...CUSTOMS), request.params.number, request.body)),
  );
  app.get(
    '/api/customs/escort-fees',
    { schema: { tags, summary: 'The escort fee tables with their dates (art.402(1) p.4)', response: { 200: Type.Array(FeeTableSchema) } } },
    async (request) => {
      requireRole(request, ...CUSTOMS, 'carrier');
      return listEscortFeeTables(deps);
    },
  );
  app.post(
    '/api/customs/escort-fees',
    { schema: { tags, summary: 'Enter the Government’s escort fee table from a day on', body: FeeTableBody, response: { 201: Type.Array(FeeTableSchema) } } },
    async (request, reply) => {
      const body = request.body;
      const bands = body.bands.map((b) => ({ ...b, amountDirams: BigInt(b.amountDirams) }));
      const result = unwrap(await recordEscortFeeTable(deps, requireRole(request, ...CUSTOMS), { ...body, bands }));
      reply.code(201);
      return result;
    },
  );
}
