import { Type } from 'typebox';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import type { App } from '../../../platform/http.ts';
import { ProblemError, requireRole, unwrap } from '../../../platform/http.ts';
import type { CustomsDeps } from '../application/deps.ts';
import { annulPeriodic } from '../application/periodic-annul.ts';
import { applyForPeriodic } from '../application/periodic-apply.ts';
import { decidePeriodic } from '../application/periodic-decide.ts';
import { extendDeclarationPeriod } from '../application/periodic-extend.ts';
import { notifyDelivery } from '../application/periodic-notify-delivery.ts';
import { getPeriodicApplication, listPeriodicApplications } from '../application/periodic-queries.ts';
import { recordExit } from '../application/periodic-record-exit.ts';
import { withdrawPeriodic } from '../application/periodic-withdraw.ts';
import {
  AnnulBody,
  ApplicationSchema,
  ApplyBody,
  DecideBody,
  ExitBody,
  ExtendBody,
  ListQuery,
  NoticeBody,
  NoticeParams,
  NoticeSchema,
  NumberParams,
  WithdrawBody,
} from './periodic.schemas.ts';

const tags = ['customs'];
const BASE = '/api/customs/periodic-applications';

/** The declarant acts for the TIN its account is bound to. */
function declarant(p: AccountPrincipal): string {
  if (!p.tin) throw new ProblemError('FORBIDDEN');
  return p.tin;
}

/** Periodic declaring (art.136-138): the declarant applies, notifies, asks, withdraws; customs decides, records exits, annuls. */
export function periodicRoutes(app: App, deps: CustomsDeps): void {
  app.post(
    BASE,
    {
      schema: {
        tags,
        summary: 'Apply for periodic declaring before the delivery period (art.136 p.1, 6; art.138 p.4)',
        body: ApplyBody,
        response: { 201: ApplicationSchema },
      },
    },
    async (request, reply) => {
      const p = requireRole(request, 'declarant');
      const result = unwrap(await applyForPeriodic(deps, p, declarant(p), request.body));
      reply.code(201);
      return result;
    },
  );
  app.get(
    BASE,
    {
      schema: {
        tags,
        summary: 'A declarant’s own applications; for customs officers the queue by state and office',
        querystring: ListQuery,
        response: { 200: Type.Array(ApplicationSchema) },
      },
    },
    async (request) => {
      const p = requireRole(request, 'declarant', 'customs_officer');
      if (p.role === 'declarant') declarant(p);
      return listPeriodicApplications(deps, p, request.query);
    },
  );
  app.get(
    `${BASE}/:number`,
    { schema: { tags, summary: 'One application with its notices, consignments and deadlines', params: NumberParams, response: { 200: ApplicationSchema } } },
    async (request) => unwrap(await getPeriodicApplication(deps, requireRole(request, 'declarant', 'customs_officer'), request.params.number)),
  );
  app.post(
    `${BASE}/:number/decision`,
    {
      schema: {
        tags,
        summary: 'Permit or refuse within 10 calendar days (art.136 p.2; export refusal with conditions, art.137 p.3)',
        params: NumberParams,
        body: DecideBody,
        response: { 200: ApplicationSchema },
      },
    },
    async (request) => unwrap(await decidePeriodic(deps, requireRole(request, 'customs_officer'), request.params.number, request.body)),
  );
  app.post(
    `${BASE}/:number/notices`,
    {
      schema: {
        tags,
        summary: 'Notice before a delivery, with quantities (art.136 p.8)',
        params: NumberParams,
        body: NoticeBody,
        response: { 201: NoticeSchema },
      },
    },
    async (request, reply) => {
      const p = requireRole(request, 'declarant');
      const result = unwrap(await notifyDelivery(deps, p, declarant(p), request.params.number, request.body));
      reply.code(201);
      return result;
    },
  );
  app.post(
    `${BASE}/:number/notices/:seq/exit`,
    {
      schema: {
        tags,
        summary: 'Record the actual exit of a notified export delivery (art.138 p.2-3)',
        params: NoticeParams,
        body: ExitBody,
        response: { 200: ApplicationSchema },
      },
    },
    async (request) => unwrap(await recordExit(deps, requireRole(request, 'customs_officer'), request.params.number, request.params.seq, request.body)),
  );
  app.post(
    `${BASE}/:number/extension`,
    {
      schema: {
        tags,
        summary: 'Motivated request to extend the export declaration period by up to 4 months (art.138 p.5)',
        params: NumberParams,
        body: ExtendBody,
        response: { 200: ApplicationSchema },
      },
    },
    async (request) => {
      const p = requireRole(request, 'declarant');
      return unwrap(await extendDeclarationPeriod(deps, p, declarant(p), request.params.number, request.body));
    },
  );
  app.post(
    `${BASE}/:number/withdrawal`,
    {
      schema: {
        tags,
        summary: 'Withdraw on a simple request (art.134 p.9-10, art.136 p.14, art.138 p.6)',
        params: NumberParams,
        body: WithdrawBody,
        response: { 200: ApplicationSchema },
      },
    },
    async (request) => {
      const p = requireRole(request, 'declarant');
      return unwrap(await withdrawPeriodic(deps, p, declarant(p), request.params.number, request.body));
    },
  );
  app.post(
    `${BASE}/:number/annulment`,
    {
      schema: {
        tags,
        summary: 'Annul the permission (art.136 p.15) or the export release (art.138 p.7) after the grace period',
        params: NumberParams,
        body: AnnulBody,
        response: { 200: ApplicationSchema },
      },
    },
    async (request) => unwrap(await annulPeriodic(deps, requireRole(request, 'customs_officer'), request.params.number, request.body)),
  );
}
