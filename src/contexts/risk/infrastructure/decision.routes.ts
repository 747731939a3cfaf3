import { Type } from 'typebox';
import { type App, requireRole, unwrap } from '../../../platform/http.ts';
import { IdParams } from '../../../platform/schemas.ts';
import type { RiskDeps } from '../application/deps.ts';
import { getDecision, listDecisions } from '../application/decision-queries.ts';
import { reproduceDecision } from '../application/decision-reproduce.ts';
import { rerouteDecision } from '../application/decision-reroute.ts';
import { DecisionDetailSchema, DecisionListQuery, DecisionSummarySchema, RerouteBody, ReproductionSchema } from './risk.schemas.ts';

const tags = ['risk'];
/** Officers act on decisions (lane, measures, the profiles' codes); only the risk analyst sees indicators and hits (art.429(2) p.3). */
const ACTORS = ['customs_officer', 'risk_analyst'] as const;

/** Lane decisions: the officers' work queues, re-routing, and for the risk analyst the detail and its reproduction. */
export function decisionRoutes(app: App, deps: RiskDeps): void {
  const base = '/api/risk/decisions';
  app.get(
    base,
    {
      schema: {
        tags,
        summary: 'Lane decisions, newest first: a work queue per lane, or the decision of one declaration (lane, measures, basis, profile codes; no indicator)',
        querystring: DecisionListQuery,
        response: { 200: Type.Array(DecisionSummarySchema) },
      },
    },
    async (request) => {
      requireRole(request, ...ACTORS);
      return unwrap(await listDecisions(deps.database.db, request.query));
    },
  );
  app.get(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary:
          'A decision in full: the hits with profile versions, indicators and items, the settings and seed, the subject as evaluated, the control results (risk analyst only)',
        params: IdParams,
        response: { 200: DecisionDetailSchema },
      },
    },
    async (request) => {
      requireRole(request, 'risk_analyst');
      return unwrap(await getDecision(deps.database.db, request.params.id));
    },
  );
  app.get(
    `${base}/:id/reproduce`,
    {
      schema: {
        tags,
        summary: 'Re-runs the stored subject against the decision’s profile versions, prices, settings and seed, and says whether the result is the same',
        params: IdParams,
        response: { 200: ReproductionSchema },
      },
    },
    async (request) => {
      requireRole(request, 'risk_analyst');
      return unwrap(await reproduceDecision(deps.database.db, request.params.id));
    },
  );
  app.post(
    `${base}/:id/reroute`,
    {
      schema: {
        tags,
        summary: 'Re-route a declaration before release: upward at will, downward only with a reason; the lane goes to customs at once',
        params: IdParams,
        body: RerouteBody,
        response: { 200: DecisionSummarySchema },
      },
    },
    async (request) => unwrap(await rerouteDecision(deps, requireRole(request, ...ACTORS), request.params.id, request.body)),
  );
}
