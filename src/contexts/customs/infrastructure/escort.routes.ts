import { Type } from 'typebox';
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
import { CUSTOMS, caseCardRoute, caseCreateRoute, caseListRoute, caseStepRoute, created, tags } from './case-routes.ts';

const BASE = '/api/customs/escorts';

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
  const escorts = { base: BASE, params: NumberParams, card: EscortSchema };
  caseCreateRoute(app, escorts, { summary: 'Decide customs escort on its grounds; the 24 hours start (art.402(1) p.2-3)', body: DecideBody }, (p, body) =>
    decideEscort(deps, p, body),
  );
  caseListRoute(
    app,
    escorts,
    { summary: 'Officers: escorts by state or overdue; a carrier: its own', querystring: ListQuery, readers: [...CUSTOMS, 'carrier'] },
    (p, query) => listEscorts(deps, p, query),
  );
  app.get(
    `${BASE}/proposals`,
    { schema: { tags, summary: 'Risk decisions whose measures include escort', response: { 200: Type.Array(ProposalSchema) } } },
    async (request) => {
      requireRole(request, ...CUSTOMS);
      return listEscortProposals(deps);
    },
  );
  caseCardRoute(app, escorts, { summary: 'One escort with its history', readers: [...CUSTOMS, 'carrier'] }, (p, number) => getEscort(deps, p, number));
  caseStepRoute(
    app,
    escorts,
    { path: 'carrier-notice', summary: 'Record that the carrier was informed (art.402(1) p.3)', body: InformBody },
    (p, number, body) => informCarrier(deps, p, number, body),
  );
  caseStepRoute(
    app,
    escorts,
    { path: 'organisation', summary: 'Organise the escort and charge the fee (art.402(1) p.3-4)', body: OrganiseBody },
    (p, number, body) => organiseEscort(deps, p, number, { ...body, startsAt: new Date(body.startsAt) }),
  );
  caseStepRoute(app, escorts, { path: 'start', summary: 'The escorted vehicle sets off' }, (p, number) => startEscort(deps, p, number));
  caseStepRoute(app, escorts, { path: 'completion', summary: 'The vehicle reached the destination office', body: CompleteBody }, (p, number, body) =>
    completeEscort(deps, p, number, body),
  );
  caseStepRoute(app, escorts, { path: 'cancellation', summary: 'Cancel before the escort begins, with the reason', body: CancelBody }, (p, number, body) =>
    cancelEscort(deps, p, number, body),
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
      return created(reply, await recordEscortFeeTable(deps, requireRole(request, ...CUSTOMS), { ...body, bands }));
    },
  );
}
