import { Type } from 'typebox';
import { type App, requireRole, unwrap } from '../../../platform/http.ts';
import type { CustomsDeps } from '../application/deps.ts';
import { statisticsRows, statisticsSummary } from '../application/statistics-queries.ts';
import { CUSTOMS_ROLES } from '../application/undertaking-queries.ts';
import { ItemSchema, ItemsQuery, SummaryQuery, SummarySchema } from './statistics.schemas.ts';

const tags = ['customs'];

/** The statistical database of art.504 p.1 for officers and analysts (CUS-INF-03). */
export function statisticsRoutes(app: App, deps: CustomsDeps): void {
  app.get(
    '/api/customs/statistics',
    {
      schema: {
        tags,
        summary: 'Customs statistics of released declarations: sums by month, commodity code prefix, partner country, direction, regime, office',
        querystring: SummaryQuery,
        response: { 200: SummarySchema },
      },
    },
    async (request) => {
      requireRole(request, ...CUSTOMS_ROLES);
      return unwrap(await statisticsSummary(deps, request.query));
    },
  );
  app.get(
    '/api/customs/statistics/items',
    {
      schema: {
        tags,
        summary: 'The statistical rows themselves, one per item of a released declaration',
        querystring: ItemsQuery,
        response: { 200: Type.Array(ItemSchema) },
      },
    },
    async (request) => {
      requireRole(request, ...CUSTOMS_ROLES);
      return statisticsRows(deps, request.query);
    },
  );
}
