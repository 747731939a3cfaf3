import { Type } from 'typebox';
import type { Role } from '../../../platform/auth.ts';
import type { App } from '../../../platform/http.ts';
import { ProblemError, requireRole, unwrap } from '../../../platform/http.ts';
import { deliverAuditOrder } from '../application/audit-deliver-order.ts';
import { extendAudit } from '../application/audit-extend.ts';
import { registerFollowUpAudit } from '../application/audit-follow-up.ts';
import { issueAuditOrder } from '../application/audit-issue-order.ts';
import { addPlanEntry, createAuditPlan, getAuditPlan } from '../application/audit-plan.ts';
import { getAudit, isCustoms, listAuditPlans, listAudits } from '../application/audit-queries.ts';
import { registerUnplannedAudit } from '../application/audit-register.ts';
import { issueAuditReport } from '../application/audit-report.ts';
import type { CustomsDeps } from '../application/deps.ts';
import { AUDIT_GROUNDS } from '../domain/audit-grounds.ts';
import {
  AuditSchema,
  DeliveryBody,
  ExtendBody,
  FollowUpBody,
  GroundListSchema,
  ListQuery,
  NumberParams,
  OrderBody,
  PlanBody,
  PlanEntryBody,
  PlanListQuery,
  PlanParams,
  PlanSchema,
  RegisterBody,
  ReportBody,
} from './audit.schemas.ts';

const tags = ['customs'];
const BASE = '/api/customs/audits';
const PLANS = '/api/customs/audit-plans';
/** Officials: the officer and the head of the customs authority (or an authorised deputy). */
const CUSTOMS: Role[] = ['customs_officer', 'customs_head'];
/** The audited person reads its own audits through an account bound to its TIN. */
const PERSONS: Role[] = ['declarant', 'business', 'carrier', 'warehouse_owner', 'taxpayer'];

/** Customs audits (art.417, 417(1), 417(2)): plans, unplanned audits, orders, start, extension, act, follow-ups. */
export function auditRoutes(app: App, deps: CustomsDeps): void {
  app.get(
    '/api/customs/audit-grounds',
    { schema: { tags, summary: 'The closed lists of grounds: 8 desk (art.417(1) p.6), 15 field (art.417(2) p.5)', response: { 200: GroundListSchema } } },
    async (request) => {
      requireRole(request, ...CUSTOMS);
      return [...AUDIT_GROUNDS];
    },
  );
  app.post(
    PLANS,
    { schema: { tags, summary: 'Create a periodic plan of control activity (art.417 p.4)', body: PlanBody, response: { 201: PlanSchema } } },
    async (request, reply) => {
      const result = unwrap(await createAuditPlan(deps, requireRole(request, ...CUSTOMS), request.body));
      reply.code(201);
      return result;
    },
  );
  app.get(
    PLANS,
    { schema: { tags, summary: 'Plans of control activity', querystring: PlanListQuery, response: { 200: Type.Array(PlanSchema) } } },
    async (request) => {
      requireRole(request, ...CUSTOMS);
      return listAuditPlans(deps, request.query);
    },
  );
  app.get(
    `${PLANS}/:number`,
    { schema: { tags, summary: 'One plan with its planned audits', params: PlanParams, response: { 200: PlanSchema } } },
    async (request) => {
      requireRole(request, ...CUSTOMS);
      return unwrap(await getAuditPlan(deps, request.params.number));
    },
  );
  app.post(
    `${PLANS}/:number/entries`,
    { schema: { tags, summary: 'Include an audit in the plan: PLANNED (A1)', params: PlanParams, body: PlanEntryBody, response: { 201: AuditSchema } } },
    async (request, reply) => {
      const result = unwrap(await addPlanEntry(deps, requireRole(request, ...CUSTOMS), request.params.number, request.body));
      reply.code(201);
      return result;
    },
  );
  app.post(
    BASE,
    {
      schema: {
        tags,
        summary: 'Register an unplanned audit on one ground of the law: GROUND_REGISTERED (A2)',
        body: RegisterBody,
        response: { 201: AuditSchema },
      },
    },
    async (request, reply) => {
      const result = unwrap(await registerUnplannedAudit(deps, requireRole(request, ...CUSTOMS), request.body));
      reply.code(201);
      return result;
    },
  );
  app.get(
    BASE,
    {
      schema: {
        tags,
        summary: 'Officers: audits by state, place, focus, office, person, planned, overdue. The audited person: its own audits once the order is delivered',
        querystring: ListQuery,
        response: { 200: Type.Array(AuditSchema) },
      },
    },
    async (request) => {
      const p = requireRole(request, ...CUSTOMS, ...PERSONS);
      if (!isCustoms(p) && !p.tin) throw new ProblemError('FORBIDDEN');
      return listAudits(deps, p, request.query);
    },
  );
  app.get(
    `${BASE}/:number`,
    { schema: { tags, summary: 'The audit card with its history', params: NumberParams, response: { 200: AuditSchema } } },
    async (request) => unwrap(await getAudit(deps, requireRole(request, ...CUSTOMS, ...PERSONS), request.params.number)),
  );
  app.post(
    `${BASE}/:number/order`,
    {
      schema: {
        tags,
        summary: 'Issue and sign the order (предписание): desk by an officer or the head, field only by the head or an authorised deputy (A3)',
        params: NumberParams,
        body: OrderBody,
        response: { 200: AuditSchema },
      },
    },
    async (request) => unwrap(await issueAuditOrder(deps, requireRole(request, ...CUSTOMS), request.params.number, request.body)),
  );
  app.post(
    `${BASE}/:number/delivery`,
    {
      schema: {
        tags,
        summary: 'Record delivery of the order’s copy: the start of the audit (A4)',
        params: NumberParams,
        body: DeliveryBody,
        response: { 200: AuditSchema },
      },
    },
    async (request) => unwrap(await deliverAuditOrder(deps, requireRole(request, ...CUSTOMS), request.params.number, request.body)),
  );
  app.post(
    `${BASE}/:number/extension`,
    {
      schema: {
        tags,
        summary: 'Extend once by up to 30 calendar days, by the head (A5)',
        params: NumberParams,
        body: ExtendBody,
        response: { 200: AuditSchema },
      },
    },
    async (request) => unwrap(await extendAudit(deps, requireRole(request, ...CUSTOMS), request.params.number, request.body)),
  );
  app.post(
    `${BASE}/:number/report`,
    { schema: { tags, summary: 'Issue the act with its findings (A6)', params: NumberParams, body: ReportBody, response: { 200: AuditSchema } } },
    async (request) => {
      const { additionalDirams, ...rest } = request.body;
      return unwrap(
        await issueAuditReport(deps, requireRole(request, ...CUSTOMS), request.params.number, { ...rest, additionalDirams: BigInt(additionalDirams) }),
      );
    },
  );
  app.post(
    `${BASE}/:number/follow-up`,
    {
      schema: {
        tags,
        summary: 'Register a field audit on the desk results (A7, ground F13) or on a complaint about the results (A8, ground F12)',
        params: NumberParams,
        body: FollowUpBody,
        response: { 201: AuditSchema },
      },
    },
    async (request, reply) => {
      const result = unwrap(await registerFollowUpAudit(deps, requireRole(request, ...CUSTOMS), request.params.number, request.body));
      reply.code(201);
      return result;
    },
  );
}
