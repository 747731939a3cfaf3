import { Type } from 'typebox';
import type { Role } from '../../../platform/auth.ts';
import type { App } from '../../../platform/http.ts';
import { ProblemError, requireRole, unwrap } from '../../../platform/http.ts';
import { deliverAuditOrder } from '../application/audit-deliver-order.ts';
import { extendAudit } from '../application/audit-extend.ts';
import { registerFollowUpAudit } from '../application/audit-follow-up.ts';
import { issueAuditOrder } from '../application/audit-issue-order.ts';
import { addPlanEntry, createAuditPlan, getAuditPlan } from '../application/audit-plan.ts';
import { getAudit, listAuditPlans, listAudits } from '../application/audit-queries.ts';
import { registerUnplannedAudit } from '../application/audit-register.ts';
import { issueAuditReport } from '../application/audit-report.ts';
import { isCustoms } from '../application/case-steps.ts';
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
import { CUSTOMS, caseCardRoute, caseCreateRoute, caseListRoute, caseStepRoute, created, tags } from './case-routes.ts';

const BASE = '/api/customs/audits';
const PLANS = '/api/customs/audit-plans';
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
    async (request, reply) => created(reply, await createAuditPlan(deps, requireRole(request, ...CUSTOMS), request.body)),
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
    async (request, reply) => created(reply, await addPlanEntry(deps, requireRole(request, ...CUSTOMS), request.params.number, request.body)),
  );
  const audits = { base: BASE, params: NumberParams, card: AuditSchema };
  caseCreateRoute(app, audits, { summary: 'Register an unplanned audit on one ground of the law: GROUND_REGISTERED (A2)', body: RegisterBody }, (p, body) =>
    registerUnplannedAudit(deps, p, body),
  );
  caseListRoute(
    app,
    audits,
    {
      summary: 'Officers: audits by state, place, focus, office, person, planned, overdue. The audited person: its own audits once the order is delivered',
      querystring: ListQuery,
      readers: [...CUSTOMS, ...PERSONS],
    },
    async (p, query) => {
      if (!isCustoms(p) && !p.tin) throw new ProblemError('FORBIDDEN');
      return listAudits(deps, p, query);
    },
  );
  caseCardRoute(app, audits, { summary: 'The audit card with its history', readers: [...CUSTOMS, ...PERSONS] }, (p, number) => getAudit(deps, p, number));
  caseStepRoute(
    app,
    audits,
    {
      path: 'order',
      summary: 'Issue and sign the order (предписание): desk by an officer or the head, field only by the head or an authorised deputy (A3)',
      body: OrderBody,
    },
    (p, number, body) => issueAuditOrder(deps, p, number, body),
  );
  caseStepRoute(
    app,
    audits,
    { path: 'delivery', summary: 'Record delivery of the order’s copy: the start of the audit (A4)', body: DeliveryBody },
    (p, number, body) => deliverAuditOrder(deps, p, number, body),
  );
  caseStepRoute(app, audits, { path: 'extension', summary: 'Extend once by up to 30 calendar days, by the head (A5)', body: ExtendBody }, (p, number, body) =>
    extendAudit(deps, p, number, body),
  );
  caseStepRoute(
    app,
    audits,
    { path: 'report', summary: 'Issue the act with its findings (A6)', body: ReportBody },
    (p, number, { additionalDirams, ...rest }) => issueAuditReport(deps, p, number, { ...rest, additionalDirams: BigInt(additionalDirams) }),
  );
  caseStepRoute(
    app,
    audits,
    {
      path: 'follow-up',
      summary: 'Register a field audit on the desk results (A7, ground F13) or on a complaint about the results (A8, ground F12)',
      body: FollowUpBody,
      status: 201,
    },
    (p, number, body) => registerFollowUpAudit(deps, p, number, body),
  );
}
