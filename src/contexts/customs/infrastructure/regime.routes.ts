import { type TSchema, Type } from 'typebox';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import type { App } from '../../../platform/http.ts';
import { requireRole, unwrap } from '../../../platform/http.ts';
import type { Failure, Result } from '../../../platform/result.ts';
import { IdParams } from '../../../platform/schemas.ts';
import type { CustomsDeps } from '../application/deps.ts';
import { applyForProcessingPermit } from '../application/regime-apply-permit.ts';
import { decideProcessingPermit } from '../application/regime-decide-permit.ts';
import { extendProcessingPermitPeriod } from '../application/regime-extend-permit.ts';
import { recordPermitParameter } from '../application/regime-permit-parameters.ts';
import { getProcessingPermit, listPermitParameters, listProcessingPermits } from '../application/regime-permit-queries.ts';
import { postRegimeIssue } from '../application/regime-post-issue.ts';
import { postRegimeReceipt } from '../application/regime-post-receipt.ts';
import type { Posted } from '../application/regime-store.ts';
import { getRegimePlace, listRegimePlaces, regimeBalances, regimeLedger, regimeReconciliation, regimeStocktakesOf } from '../application/regime-queries.ts';
import { recordRegimeStocktake } from '../application/regime-record-stocktake.ts';
import { registerRegimePlace } from '../application/regime-register-place.ts';
import { reverseRegimeEntry } from '../application/regime-reverse-entry.ts';
import { transferRegimeGoods } from '../application/regime-transfer.ts';
import { formatMilli } from '../domain/regime-ledger.ts';
import type { RegimeEntryRow } from './regime.schema.ts';
import {
  BalanceSchema,
  EntrySchema,
  ExtensionBody,
  IssueBody,
  PermitBody,
  PermitDecisionBody,
  PermitParameterBody,
  PermitParameterSchema,
  PermitSchema,
  PermitsQuery,
  PlaceBody,
  PlaceSchema,
  PlacesQuery,
  ReceiptBody,
  ReconciliationSchema,
  ReversalBody,
  StocktakeBody,
  StocktakeSchema,
  TransferBody,
} from './regime.schemas.ts';

const tags = ['customs regimes'];
const places = '/api/customs/regime-places';
const permits = '/api/customs/processing-permits';
const CUSTOMS = ['customs_officer', 'risk_analyst'] as const;
const READERS = [...CUSTOMS, 'warehouse_owner'] as const;

const entryView = ({ lotDeclarationNumber, deltaMilli, ownerTin: _o, requestHash: _h, ...e }: RegimeEntryRow) => ({
  ...e,
  declarationNumber: lotDeclarationNumber,
  quantity: formatMilli(deltaMilli),
});
const Posted201 = { 200: Type.Array(EntrySchema), 201: Type.Array(EntrySchema) };

/** CUS-REG-01..03, IMP-12: places with an electronic stock ledger kept by the owner; customs reads every ledger. */
function placeRoutes(app: App, deps: CustomsDeps): void {
  app.post(
    places,
    {
      schema: {
        tags,
        summary: 'Enter a customs warehouse, duty-free shop or free warehouse in the register (customs)',
        body: PlaceBody,
        response: { 201: PlaceSchema },
      },
    },
    async (request, reply) => {
      const row = unwrap(await registerRegimePlace(deps, requireRole(request, 'customs_officer'), request.body));
      reply.code(201);
      return row;
    },
  );
  app.get(
    places,
    {
      schema: {
        tags,
        summary: 'The register: customs sees every place, an owner its own',
        querystring: PlacesQuery,
        response: { 200: Type.Array(PlaceSchema) },
      },
    },
    async (request) => listRegimePlaces(deps, requireRole(request, ...READERS), request.query),
  );
  app.get(`${places}/:id`, { schema: { tags, summary: 'One place', params: IdParams, response: { 200: PlaceSchema } } }, async (request) =>
    unwrap(await getRegimePlace(deps, requireRole(request, ...READERS), request.params.id)),
  );
  // The four postings of the ledger share their shape: owner only, 201 for a new record, 200 for a repeat of the owner's software.
  const posting = <B>(
    path: string,
    summary: string,
    body: TSchema,
    run: (deps: CustomsDeps, owner: AccountPrincipal, id: string, input: B) => Promise<Result<Posted, Failure>>,
  ) =>
    app.post(`${places}/:id/${path}`, { schema: { tags, summary, params: IdParams, body, response: Posted201 } }, async (request, reply) => {
      const result = unwrap(await run(deps, requireRole(request, 'warehouse_owner'), request.params.id, request.body as B));
      reply.code(result.isRepeat ? 200 : 201);
      return result.entries.map(entryView);
    });
  posting(
    'receipts',
    'Goods received, against the released declaration that placed them under this place’s regime (owner or its software)',
    ReceiptBody,
    postRegimeReceipt,
  );
  posting('issues', 'Goods out, on a released declaration or (duty-free shop) by sale; never below a zero balance', IssueBody, postRegimeIssue);
  posting('transfers', 'Goods moved to another place of the same owner and kind', TransferBody, transferRegimeGoods);
  posting('reversals', 'Correct a receipt or issue by a reversing record (the ledger is append-only)', ReversalBody, reverseRegimeEntry);
  app.get(
    `${places}/:id/entries`,
    { schema: { tags, summary: 'Every record of the ledger, oldest first (owner and customs)', params: IdParams, response: { 200: Type.Array(EntrySchema) } } },
    async (request) => unwrap(await regimeLedger(deps, requireRole(request, ...READERS), request.params.id)).map(entryView),
  );
  app.get(
    `${places}/:id/balances`,
    { schema: { tags, summary: 'Balances per commodity code and placing declaration', params: IdParams, response: { 200: Type.Array(BalanceSchema) } } },
    async (request) => unwrap(await regimeBalances(deps, requireRole(request, ...READERS), request.params.id)),
  );
  app.get(
    `${places}/:id/reconciliation`,
    {
      schema: {
        tags,
        summary: 'Reconciliation report: each declaration placed against what the ledger holds',
        params: IdParams,
        response: { 200: ReconciliationSchema },
      },
    },
    async (request) => unwrap(await regimeReconciliation(deps, requireRole(request, ...READERS), request.params.id)),
  );
  app.post(
    `${places}/:id/stocktakes`,
    {
      schema: {
        tags,
        summary: 'Record a stock-taking: counted against the book, differences kept',
        params: IdParams,
        body: StocktakeBody,
        response: { 201: StocktakeSchema },
      },
    },
    async (request, reply) => {
      const row = unwrap(await recordRegimeStocktake(deps, requireRole(request, 'warehouse_owner'), request.params.id, request.body));
      reply.code(201);
      return row;
    },
  );
  app.get(
    `${places}/:id/stocktakes`,
    { schema: { tags, summary: 'Stock-takings, newest first', params: IdParams, response: { 200: Type.Array(StocktakeSchema) } } },
    async (request) => unwrap(await regimeStocktakesOf(deps, requireRole(request, ...READERS), request.params.id)),
  );
}

/** CUS-REG-04..06, IMP-13: processing permit applications, the 10-working-day clock, the permit. */
function permitRoutes(app: App, deps: CustomsDeps): void {
  app.post(
    permits,
    { schema: { tags, summary: 'Apply electronically for a processing permit (art.179 p.5)', body: PermitBody, response: { 201: PermitSchema } } },
    async (request, reply) => {
      const row = unwrap(await applyForProcessingPermit(deps, requireRole(request, 'declarant'), request.body));
      reply.code(201);
      return row;
    },
  );
  app.get(
    permits,
    {
      schema: {
        tags,
        summary: 'Applications by decision deadline: customs sees all, an applicant its own',
        querystring: PermitsQuery,
        response: { 200: Type.Array(PermitSchema) },
      },
    },
    async (request) => listProcessingPermits(deps, requireRole(request, ...CUSTOMS, 'declarant'), request.query),
  );
  app.get(
    `${permits}/parameters`,
    { schema: { tags, summary: 'AMB-18: the extension the law on the permit system allows, by date', response: { 200: Type.Array(PermitParameterSchema) } } },
    async (request) => {
      requireRole(request, ...CUSTOMS, 'declarant');
      return listPermitParameters(deps);
    },
  );
  app.post(
    `${permits}/parameters`,
    {
      schema: {
        tags,
        summary: 'Record the extension the law on the permit system allows, from a day',
        body: PermitParameterBody,
        response: { 201: PermitParameterSchema },
      },
    },
    async (request, reply) => {
      const row = unwrap(await recordPermitParameter(deps, requireRole(request, 'customs_officer'), request.body));
      reply.code(201);
      return row;
    },
  );
  app.get(
    `${permits}/:id`,
    { schema: { tags, summary: 'One application and its permit', params: IdParams, response: { 200: PermitSchema } } },
    async (request) => unwrap(await getProcessingPermit(deps, requireRole(request, ...CUSTOMS, 'declarant'), request.params.id)),
  );
  app.post(
    `${permits}/:id/decision`,
    {
      schema: {
        tags,
        summary: 'Issue the permit (number, terms, validity) or refuse it; electronic or written',
        params: IdParams,
        body: PermitDecisionBody,
        response: { 200: PermitSchema },
      },
    },
    async (request) => unwrap(await decideProcessingPermit(deps, requireRole(request, 'customs_officer'), request.params.id, request.body)),
  );
  app.post(
    `${permits}/:id/extension`,
    {
      schema: {
        tags,
        summary: 'Extend the decision period, only as the law on the permit system allows (AMB-18)',
        params: IdParams,
        body: ExtensionBody,
        response: { 200: PermitSchema },
      },
    },
    async (request) => unwrap(await extendProcessingPermitPeriod(deps, requireRole(request, 'customs_officer'), request.params.id, request.body)),
  );
}

/** The routes of customs regimes with electronic record keeping and processing permits (docs/customs-regimes.md). */
export function regimeRoutes(app: App, deps: CustomsDeps): void {
  placeRoutes(app, deps);
  permitRoutes(app, deps);
}
