import { Type } from 'typebox';
import { dushanbeDate } from '../../../platform/calendar/index.ts';
import { transact } from '../../../platform/db.ts';
import { type App, requireRole, unwrap } from '../../../platform/http.ts';
import { actorOf, type CustomsDeps } from '../application/deps.ts';
import { applyForGuarantee } from '../application/guarantee-apply.ts';
import { guaranteeCover } from '../application/guarantee-cover.ts';
import { decideGuarantee } from '../application/guarantee-decide.ts';
import { drawGuarantee } from '../application/guarantee-draw.ts';
import { recordGuaranteeParameter } from '../application/guarantee-parameters.ts';
import { getGuarantee, guaranteeMinimum, listGuarantees } from '../application/guarantee-queries.ts';
import { releaseGuaranteeUse } from '../application/guarantee-release-use.ts';
import { fromHundredths, toHundredths } from '../domain/guarantees.ts';
import { type ParameterVersion, parametersInForce } from './guarantee.repository.ts';
import type { GuaranteeRow } from './guarantee.schema.ts';
import {
  ApplyBody,
  Available,
  CoverQuery,
  DateQuery,
  DecisionBody,
  DrawBody,
  GuaranteeDetailSchema,
  GuaranteeParams,
  GuaranteeSchema,
  ListQuery,
  MinimumQuery,
  MinimumSchema,
  ParameterBody,
  ParameterSchema,
  UseParams,
} from './guarantee.schemas.ts';

const tags = ['customs guarantees'];
const APPLICANTS = ['declarant', 'warehouse_owner'] as const;
const READERS = ['customs_officer', ...APPLICANTS] as const;
/** numeric(…,2) as the database gives it ("3000.00") → the shortest decimal ("3000"). */
const decimal = (s: string | null) => (s === null ? null : fromHundredths(toHundredths(s) ?? 0n));

const view = (g: GuaranteeRow) => ({
  ...g,
  openSiteM2: decimal(g.openSiteM2),
  buildingM3: decimal(g.buildingM3),
  amountIndicators: decimal(g.amountIndicators) as string,
  requiredIndicators: decimal(g.requiredIndicators),
  indicatorValueDirams: g.indicatorValueDirams.toString(),
  amountDirams: g.amountDirams.toString(),
});
const parameterView = (p: ParameterVersion) => ({ ...p, indicators: decimal(p.indicators) as string });

/** The guarantee registry (Chapter 46, CUS-GUA, IMP-11): applications, decisions, cover, uses, statutory amounts. */
export function guaranteeRoutes(app: App, deps: CustomsDeps): void {
  app.post(
    '/api/customs/guarantees',
    {
      schema: {
        tags,
        summary: 'Apply electronically for a guarantee with electronic documents (art.388 p.4-5); checks the statutory minimum',
        body: ApplyBody,
        response: { 201: GuaranteeSchema },
      },
    },
    async (request, reply) => {
      const actor = requireRole(request, ...APPLICANTS);
      const b = request.body;
      const input = { ...b, amountDirams: b.amountDirams === undefined ? undefined : BigInt(b.amountDirams) };
      const done = unwrap(await applyForGuarantee(deps, actor, input));
      reply.code(201);
      return view(done);
    },
  );

  app.get(
    '/api/customs/guarantees',
    { schema: { tags, summary: 'Guarantees, newest first; a declarant sees its own', querystring: ListQuery, response: { 200: Type.Array(GuaranteeSchema) } } },
    async (request) => {
      const viewer = requireRole(request, ...READERS);
      const q = request.query;
      const found = await listGuarantees(deps, viewer, {
        holderTin: q.holderTin,
        status: q.status,
        limit: q.limit ?? 100,
        offset: q.offset ?? 0,
      });
      return found.map(view);
    },
  );

  app.get(
    '/api/customs/guarantees/minimum',
    {
      schema: {
        tags,
        summary: 'Statutory minimum of an activity’s guarantee on a day: broker 3000, warehouse 150 + 4/m² + 2/m³, duty-free shop 3000 indicators',
        querystring: MinimumQuery,
        response: { 200: MinimumSchema },
      },
    },
    async (request) => {
      requireRole(request, ...READERS);
      const q = request.query;
      const m = unwrap(await guaranteeMinimum(deps, q));
      return { ...m, indicatorValueDirams: m.indicatorValueDirams.toString(), amountDirams: m.amountDirams?.toString() ?? null };
    },
  );

  app.get(
    '/api/customs/guarantees/cover',
    {
      schema: {
        tags,
        summary: 'How much of a holder’s guarantees in force today covers a purpose and is free',
        querystring: CoverQuery,
        response: { 200: Available },
      },
    },
    async (request) => {
      requireRole(request, 'customs_officer');
      const { holderTin, purpose, reference } = request.query;
      const available = await guaranteeCover(deps.database.db, { holderTin, purpose, reference, at: deps.clock.now() });
      return { availableDirams: available.toString() };
    },
  );

  app.get(
    '/api/customs/guarantees/:reference',
    { schema: { tags, summary: 'One guarantee with its uses and free amount', params: GuaranteeParams, response: { 200: GuaranteeDetailSchema } } },
    async (request) => {
      const g = unwrap(await getGuarantee(deps, requireRole(request, ...READERS), request.params.reference));
      return { ...view(g), availableDirams: g.availableDirams.toString(), uses: g.uses.map((u) => ({ ...u, amountDirams: u.amountDirams.toString() })) };
    },
  );

  app.post(
    '/api/customs/guarantees/:reference/decision',
    {
      schema: {
        tags,
        summary: 'Accept or refuse an applied guarantee; the decision may be electronic or written (art.388 p.6)',
        params: GuaranteeParams,
        body: DecisionBody,
        response: { 200: GuaranteeSchema },
      },
    },
    async (request) => {
      const actor = requireRole(request, 'customs_officer');
      const done = unwrap(await decideGuarantee(deps, actor, request.params.reference, request.body));
      return view(done);
    },
  );

  app.post(
    '/api/customs/guarantees/:reference/uses',
    { schema: { tags, summary: 'Draw an amount for one operation', params: GuaranteeParams, body: DrawBody, response: { 201: Available } } },
    async (request, reply) => {
      const actor = requireRole(request, 'customs_officer');
      const { useReference, amountDirams } = request.body;
      const at = deps.clock.now();
      const done = unwrap(
        await transact(deps.database.db, (tx) =>
          drawGuarantee(tx, { guaranteeReference: request.params.reference, useReference, amountDirams: BigInt(amountDirams), at, actor: actorOf(actor) }),
        ),
      );
      reply.code(201);
      return { availableDirams: done.availableDirams.toString() };
    },
  );

  app.post(
    '/api/customs/guarantees/:reference/uses/:useReference/release',
    { schema: { tags, summary: 'The operation is complete: release its draw', params: UseParams, response: { 200: Available } } },
    async (request) => {
      const actor = requireRole(request, 'customs_officer');
      const { reference, useReference } = request.params;
      const done = unwrap(
        await transact(deps.database.db, (tx) =>
          releaseGuaranteeUse(tx, { guaranteeReference: reference, useReference, at: deps.clock.now(), actor: actorOf(actor) }),
        ),
      );
      return { availableDirams: done.availableDirams.toString() };
    },
  );

  app.get(
    '/api/customs/guarantee-parameters',
    {
      schema: {
        tags,
        summary: 'Statutory guarantee amounts in force on a day (AMB-18)',
        querystring: DateQuery,
        response: { 200: Type.Array(ParameterSchema) },
      },
    },
    async (request) => {
      requireRole(request, ...READERS);
      const found = await parametersInForce(deps.database.db, request.query.date ?? dushanbeDate(deps.clock.now()));
      return found.map(parameterView);
    },
  );

  app.post(
    '/api/customs/guarantee-parameters',
    {
      schema: {
        tags,
        summary: 'Enter a statutory amount from a day on, e.g. the Article 383 transit amount (AMB-18)',
        body: ParameterBody,
        response: { 201: Type.Array(ParameterSchema, { description: 'Every version of the code' }) },
      },
    },
    async (request, reply) => {
      const actor = requireRole(request, 'customs_officer');
      const done = unwrap(await recordGuaranteeParameter(deps, actor, request.body));
      reply.code(201);
      return done.map(parameterView);
    },
  );
}
