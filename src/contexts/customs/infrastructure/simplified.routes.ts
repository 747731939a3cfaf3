import { Type } from 'typebox';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { type App, ProblemError, requireRole, unwrap } from '../../../platform/http.ts';
import type { CustomsDeps } from '../application/deps.ts';
import { decideSimplified } from '../application/simplified-decide.ts';
import { getSimplifiedRequest, listSimplifiedRequests } from '../application/simplified-queries.ts';
import { requestSimplified } from '../application/simplified-request.ts';
import type { SimplifiedRequestRow } from './simplified.schema.ts';
import { SimplifiedDecisionBody, SimplifiedNumberParams, SimplifiedQuery, SimplifiedRequestBody, SimplifiedSchema } from './simplified.schemas.ts';

const tags = ['customs'];
const BASE = '/api/customs/simplified-requests';

const view = ({ id: _, requestedBy: __, facts, ...r }: SimplifiedRequestRow) => ({
  ...r,
  facts: facts ? { arrears: facts.arrears.map((a) => ({ ...a })), restrictedCodes: [...facts.restrictedCodes] } : null,
});

/** The declarant acts for the TIN its account is bound to. */
function declarantOf(p: AccountPrincipal): string {
  if (!p.tin) throw new ProblemError('FORBIDDEN');
  return p.tin;
}

/** Simplified declaring of exported domestic goods at the declarant's request (art.137, CUS-DEC-75). */
export function simplifiedRoutes(app: App, deps: CustomsDeps): void {
  app.post(
    BASE,
    {
      schema: {
        tags,
        summary: 'Ask to declare exported domestic goods by an incomplete declaration or periodically (art.137 p.1)',
        body: SimplifiedRequestBody,
        response: { 201: SimplifiedSchema },
      },
    },
    async (request, reply) => {
      const p = requireRole(request, 'declarant');
      const made = unwrap(await requestSimplified(deps, p, declarantOf(p), request.body));
      reply.code(201);
      return view(made);
    },
  );
  app.get(
    BASE,
    {
      schema: {
        tags,
        summary: 'A declarant’s own requests; for customs the queue by state and office',
        querystring: SimplifiedQuery,
        response: { 200: Type.Array(SimplifiedSchema) },
      },
    },
    async (request) => (await listSimplifiedRequests(deps, requireRole(request, 'declarant', 'customs_officer'), request.query)).map(view),
  );
  app.get(
    `${BASE}/:number`,
    {
      schema: {
        tags,
        summary: 'One request with the art.137 p.2 facts seen at the decision',
        params: SimplifiedNumberParams,
        response: { 200: SimplifiedSchema },
      },
    },
    async (request) => view(unwrap(await getSimplifiedRequest(deps, requireRole(request, 'declarant', 'customs_officer'), request.params.number))),
  );
  app.post(
    `${BASE}/:number/decision`,
    {
      schema: {
        tags,
        summary: 'Customs grants (art.137 p.2) or refuses, stating the conditions to meet (art.137 p.3)',
        params: SimplifiedNumberParams,
        body: SimplifiedDecisionBody,
        response: { 200: SimplifiedSchema },
      },
    },
    async (request) => view(unwrap(await decideSimplified(deps, requireRole(request, 'customs_officer'), request.params.number, request.body))),
  );
}
