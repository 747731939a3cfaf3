import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { transact } from '../../../platform/db.ts';
import { type App, ProblemError, requireRole, unwrap } from '../../../platform/http.ts';
import { createRateLimiter } from '../../../platform/rate-limit.ts';
import { IdParams, IsoDate, Strict, Tin } from '../../../platform/schemas.ts';
import { actorOf, OFFICER_ROLES, TAXPAYER_ROLES, type TaxServicesDeps } from '../application/deps.ts';
import { fileDeclaration, listDeclarationForms, listFilings } from '../application/filings.ts';
import {
  importEntries,
  type LedgerApplicant,
  ledgerSummary,
  listEntries,
  listTaxTypes,
  postEntry,
  reverseEntry,
  taxTypeNames,
  todayOf,
  verifyDocument,
} from '../application/ledger.ts';
import { type IssuedDocument, requestNoDebtCertificate } from '../application/no-debt-certificate.ts';
import { addObligations, listObligations, runNonFilerNotices } from '../application/non-filer-notices.ts';
import { addPropertyObject, listPropertyObjects, runPropertyNotices } from '../application/property-notices.ts';
import { requestPaymentsCertificate, requestReconciliationAct } from '../application/reconciliation-act.ts';
import { getRequest } from '../application/request-queries.ts';
import { isCalendarDate } from '../domain/ledger.ts';
import {
  ActBody,
  CounterFilingBody,
  EFilingBody,
  FilingOutcome,
  ImportBody,
  LedgerEntrySchema,
  LedgerServiceOutcome,
  LedgerSummarySchema,
  Listing,
  NewEntryBody,
  NoDebtBody,
  ObligationsBody,
  PaymentsBody,
  PeriodText,
  PropertyObjectBody,
  ReversalBody,
  VerifyBody,
  VerifyResponse,
} from './ledger.schemas.ts';
import { ref } from './requests.schemas.ts';

const Loose = Type.Object({}, { additionalProperties: true });
const isTaxpayer = (p: AccountPrincipal) => p.role === 'business' || p.role === 'taxpayer';

/** The TIN a call is about: a taxpayer's own (asking for another is forbidden), an officer's named one. */
function tinOf(p: AccountPrincipal, asked: string | undefined, field: string): string {
  if (isTaxpayer(p)) {
    if (!p.tin || (asked && asked !== p.tin)) throw new ProblemError('FORBIDDEN');
    return p.tin;
  }
  if (!asked) throw new ProblemError('TIN_REQUIRED', field);
  return asked;
}

type ForTaxpayerBody = {
  tin?: string;
  channel?: 'office' | 'post' | 'email' | 'cabinet';
  applicant?: { name?: string; email?: string; phone?: string };
  unitCode?: string;
};

/** A taxpayer asks from the cabinet; an officer for an office, post or e-mail request of the named TIN. */
function applicantOf(p: AccountPrincipal, body: ForTaxpayerBody): LedgerApplicant {
  const tin = tinOf(p, body.tin, 'body.tin');
  const channel = isTaxpayer(p) ? 'cabinet' : (body.channel ?? 'office');
  return {
    tin,
    channel,
    name: body.applicant?.name ?? null,
    email: body.applicant?.email ?? null,
    phone: body.applicant?.phone ?? null,
    ...(body.unitCode ? { unitCode: body.unitCode } : {}),
  };
}

/** TS-52: an officer's reading of a taxpayer's account is kept in the audit trail. */
async function auditRead(deps: TaxServicesDeps, p: AccountPrincipal, tin: string): Promise<void> {
  if (!isTaxpayer(p))
    await appendAudit(deps.database.db, deps.clock.now(), { actor: actorOf(p), action: 'tax-services.ledger.read', entity: 'tax_account', entityId: tin });
}

/**
 * The tax account ledger (TS-49 in the cabinet), its certificates and acts (06.06.01, 06.06.02,
 * 06.06.04), the public check of the documents, filing (05.05.01 a/b/c), filing obligations and
 * non-filer notices (05.05.04), the property register and its notices (04.04.03).
 */
export function ledgerRoutes(app: App, deps: TaxServicesDeps): void {
  app.addSchema(LedgerEntrySchema);
  app.addSchema(LedgerSummarySchema);
  const verifyLimiter = createRateLimiter(2, 20);

  app.get(
    '/api/public/tax-services/tax-types',
    {
      schema: { tags: ['public', 'tax-services'], summary: 'The tax types of the ledger with their names', security: [], response: { 200: Type.Array(Loose) } },
    },
    async () => listTaxTypes(deps.database.db),
  );

  app.get(
    '/api/public/tax-services/declaration-forms',
    {
      schema: {
        tags: ['public', 'tax-services'],
        summary: 'Declaration forms: tax type and whether filed monthly, quarterly or yearly',
        security: [],
        response: { 200: Type.Array(Loose) },
      },
    },
    async () => listDeclarationForms(deps.database.db),
  );

  app.post(
    '/api/public/tax-services/documents/verify',
    {
      schema: {
        tags: ['public', 'tax-services'],
        summary: 'Check a certificate, act, letter or notice issued from the ledger by its number and the SHA-256 of its file (06.06.01, 06.06.04)',
        security: [],
        body: VerifyBody,
        response: { 200: VerifyResponse },
      },
    },
    async (request, reply) => {
      const taken = verifyLimiter.take(request.ip);
      if (!taken.isAllowed) {
        reply.header('retry-after', String(taken.retryAfterSeconds));
        throw new ProblemError('RATE_LIMITED', undefined, { retryAfterSeconds: taken.retryAfterSeconds });
      }
      return verifyDocument(deps.database.db, request.body.number, request.body.sha256);
    },
  );

  app.get(
    '/api/tax-services/ledger',
    {
      schema: {
        tags: ['tax-services'],
        summary: 'The tax account: balance per tax type and in total, and the debts, at the end of a date (TS-49)',
        querystring: Type.Object({ tin: Type.Optional(Tin()), asOf: Type.Optional(IsoDate('Default today')) }, Strict),
        response: { 200: ref('LedgerSummary') },
      },
    },
    async (request) => {
      const p = requireRole(request, ...TAXPAYER_ROLES, ...OFFICER_ROLES);
      const tin = tinOf(p, request.query.tin, 'query.tin');
      const asOf = request.query.asOf ?? todayOf(deps);
      if (!isCalendarDate(asOf)) throw new ProblemError('LEDGER_DATE_INVALID', 'query.asOf');
      await auditRead(deps, p, tin);
      const [summary, names] = [await ledgerSummary(deps.database.db, tin, asOf), await taxTypeNames(deps.database.db)];
      const named = <T extends { taxType: string }>(b: T) => ({ ...b, name: names.get(b.taxType) ?? { tg: b.taxType, ru: b.taxType, en: b.taxType } });
      return { tin, asOf, hasDebt: summary.hasDebt, byTaxType: summary.byTaxType.map(named), total: summary.total, debts: summary.debts.map(named) };
    },
  );

  app.get(
    '/api/tax-services/ledger/entries',
    {
      schema: {
        tags: ['tax-services'],
        summary: 'The entries of a tax account in value-date order, each with its reversal if any (TS-49)',
        querystring: Type.Object(
          {
            tin: Type.Optional(Tin()),
            from: Type.Optional(IsoDate()),
            to: Type.Optional(IsoDate()),
            taxType: Type.Optional(Type.String({ maxLength: 30 })),
            ...Listing,
          },
          Strict,
        ),
        response: { 200: Type.Array(ref('LedgerEntry')) },
      },
    },
    async (request) => {
      const p = requireRole(request, ...TAXPAYER_ROLES, ...OFFICER_ROLES);
      const { tin: asked, ...filter } = request.query;
      const tin = tinOf(p, asked, 'query.tin');
      for (const key of ['from', 'to'] as const) {
        const date = filter[key];
        if (date && !isCalendarDate(date)) throw new ProblemError('LEDGER_DATE_INVALID', `query.${key}`);
      }
      await auditRead(deps, p, tin);
      return listEntries(deps.database.db, tin, filter);
    },
  );

  app.post(
    '/api/tax-services/ledger/entries',
    {
      schema: {
        tags: ['tax-services'],
        summary: 'Post an entry to a tax account; entries are never changed (a correction is a reversal)',
        body: NewEntryBody,
        response: { 201: ref('LedgerEntry') },
      },
    },
    async (request, reply) => {
      const p = requireRole(request, 'tax_officer');
      const entry = unwrap(await transact(deps.database.db, (tx) => postEntry(tx, deps, actorOf(p), request.body)));
      reply.code(201);
      return entry;
    },
  );

  app.post(
    '/api/tax-services/ledger/entries/:id/reversal',
    {
      schema: {
        tags: ['tax-services'],
        summary: 'Reverse an entry (storno): the same entry with the opposite effect, once per entry; then post the right one',
        params: IdParams,
        body: ReversalBody,
        response: { 201: ref('LedgerEntry') },
      },
    },
    async (request, reply) => {
      const p = requireRole(request, 'tax_officer');
      const entry = unwrap(await transact(deps.database.db, (tx) => reverseEntry(tx, deps, actorOf(p), request.params.id, request.body)));
      reply.code(201);
      return entry;
    },
  );

  app.post(
    '/api/tax-services/ledger/imports',
    {
      schema: {
        tags: ['tax-services'],
        summary: 'Post entries from a CSV file, all or nothing; a refusal lists every bad row',
        body: ImportBody,
        response: { 201: Type.Object({ batchId: Type.String(), posted: Type.Integer() }) },
      },
    },
    async (request, reply) => {
      const p = requireRole(request, 'tax_officer');
      const done = unwrap(await transact(deps.database.db, (tx) => importEntries(tx, deps, actorOf(p), request.body.csv)));
      reply.code(201);
      return done;
    },
  );

  /** Runs a ledger service for the caller and answers with its outcome and the request as registered. */
  const service = async <T extends { readonly requestId: string; readonly documents: readonly IssuedDocument[] }>(
    request: FastifyRequest,
    run: (p: AccountPrincipal, who: LedgerApplicant) => Promise<T>,
  ) => {
    const p = requireRole(request, ...TAXPAYER_ROLES, ...OFFICER_ROLES);
    const outcome = await run(p, applicantOf(p, request.body as ForTaxpayerBody));
    return {
      ...outcome,
      documents: [...outcome.documents],
      ...('totals' in outcome && outcome.totals ? { totals: [...(outcome.totals as readonly { taxType: string; amount: number }[])] } : {}),
      request: unwrap(await getRequest(deps, p, outcome.requestId, true)),
    };
  };

  app.post(
    '/api/tax-services/ledger/no-debt-certificates',
    {
      schema: {
        tags: ['tax-services'],
        summary:
          '06.06.01: certificate of no tax debts, at once: with no debt the certificate and the reconciliation act; with a debt the act and a refusal letter listing the debts',
        body: NoDebtBody,
        response: { 201: LedgerServiceOutcome },
      },
    },
    async (request, reply) => {
      const out = await service(request, async (p, who) =>
        unwrap(await transact(deps.database.db, (tx) => requestNoDebtCertificate(tx, deps, actorOf(p), who, request.body.asOf))),
      );
      reply.code(201);
      return out;
    },
  );

  app.post(
    '/api/tax-services/ledger/reconciliation-acts',
    {
      schema: {
        tags: ['tax-services'],
        summary: '06.06.04: reconciliation act for a period (opening balance, every entry, closing balance per tax type), as PDF and CSV',
        body: ActBody,
        response: { 201: LedgerServiceOutcome },
      },
    },
    async (request, reply) => {
      const out = await service(request, async (p, who) =>
        unwrap(await transact(deps.database.db, (tx) => requestReconciliationAct(tx, deps, actorOf(p), who, request.body))),
      );
      reply.code(201);
      return out;
    },
  );

  app.post(
    '/api/tax-services/ledger/payments-certificates',
    {
      schema: {
        tags: ['tax-services'],
        summary: '06.06.02: certificate of income and social tax payments of an IE on a patent or certificate, or a dehkan farm',
        body: PaymentsBody,
        response: { 201: LedgerServiceOutcome },
      },
    },
    async (request, reply) => {
      const out = await service(request, async (p, who) =>
        unwrap(await transact(deps.database.db, (tx) => requestPaymentsCertificate(tx, deps, actorOf(p), who, request.body))),
      );
      reply.code(201);
      return out;
    },
  );

  app.post(
    '/api/tax-services/filings',
    {
      schema: {
        tags: ['tax-services'],
        summary: '05.05.01a: file a declaration from the cabinet; the confirmation SMS is sent in real time (TS-35)',
        body: EFilingBody,
        response: { 201: FilingOutcome },
      },
    },
    async (request, reply) => {
      const p = requireRole(request, ...TAXPAYER_ROLES);
      const tin = tinOf(p, undefined, 'body.tin');
      const filed = unwrap(await transact(deps.database.db, (tx) => fileDeclaration(tx, deps, actorOf(p), { tin, channel: 'cabinet', ...request.body })));
      reply.code(201);
      return { ...filed, request: unwrap(await getRequest(deps, p, filed.requestId, true)) };
    },
  );

  app.post(
    '/api/tax-services/filings/counter',
    {
      schema: {
        tags: ['tax-services'],
        summary: '05.05.01b/c: a declaration taken on paper at the counter or at a terminal, with the queue wait and the start of service (TS-31)',
        body: CounterFilingBody,
        response: { 201: FilingOutcome },
      },
    },
    async (request, reply) => {
      const p = requireRole(request, ...OFFICER_ROLES);
      const { serviceStartedAt, ...body } = request.body;
      const filed = unwrap(
        await transact(deps.database.db, (tx) => fileDeclaration(tx, deps, actorOf(p), { ...body, serviceStartedAt: new Date(serviceStartedAt) })),
      );
      reply.code(201);
      return { ...filed, request: unwrap(await getRequest(deps, p, filed.requestId, true)) };
    },
  );

  app.get(
    '/api/tax-services/filings',
    {
      schema: {
        tags: ['tax-services'],
        summary: 'The filing register: a taxpayer’s own declarations, or any for an officer',
        querystring: Type.Object({ tin: Type.Optional(Tin()), formCode: Type.Optional(Type.String({ maxLength: 20 })), ...Listing }, Strict),
        response: { 200: Type.Array(Loose) },
      },
    },
    async (request) => {
      const p = requireRole(request, ...TAXPAYER_ROLES, ...OFFICER_ROLES);
      const tin = isTaxpayer(p) ? tinOf(p, request.query.tin, 'query.tin') : request.query.tin;
      return listFilings(deps.database.db, { ...request.query, ...(tin ? { tin } : {}) });
    },
  );

  app.post(
    '/api/tax-services/filing-obligations',
    {
      schema: {
        tags: ['tax-services'],
        summary: 'Enter filing obligations: which TIN files which form for which period (TS-36); existing ones are kept',
        body: ObligationsBody,
        response: { 201: Type.Object({ created: Type.Integer(), existing: Type.Integer() }) },
      },
    },
    async (request, reply) => {
      const p = requireRole(request, 'tax_officer');
      const done = unwrap(await transact(deps.database.db, (tx) => addObligations(tx, deps, actorOf(p), request.body.items)));
      reply.code(201);
      return done;
    },
  );

  app.get(
    '/api/tax-services/filing-obligations',
    {
      schema: {
        tags: ['tax-services'],
        summary: 'Filing obligations with their notice window and state (filed, noticed, pending)',
        querystring: Type.Object({ tin: Type.Optional(Tin()), period: Type.Optional(PeriodText()), ...Listing }, Strict),
        response: { 200: Type.Array(Loose) },
      },
    },
    async (request) => {
      const p = requireRole(request, ...TAXPAYER_ROLES, ...OFFICER_ROLES);
      const tin = isTaxpayer(p) ? tinOf(p, request.query.tin, 'query.tin') : request.query.tin;
      return listObligations(deps.database.db, { ...request.query, ...(tin ? { tin } : {}) });
    },
  );

  app.post(
    '/api/tax-services/non-filer-notices/run',
    {
      schema: {
        tags: ['tax-services'],
        summary:
          '05.05.04: send now the notices to every taxpayer who has not filed (the worker does it daily); refused outside the 16th-30th window (TS-36, A-12)',
        response: { 200: Type.Object({ sent: Type.Integer(), date: Type.String() }) },
      },
    },
    async (request) => unwrap(await runNonFilerNotices(deps, actorOf(requireRole(request, ...OFFICER_ROLES)))),
  );

  app.post(
    '/api/tax-services/property-objects',
    {
      schema: {
        tags: ['tax-services'],
        summary: 'Enter an individual’s real estate, land plot or vehicle with its assessed annual tax (04.04.01)',
        body: PropertyObjectBody,
        response: { 201: Type.Object({ id: Type.String() }) },
      },
    },
    async (request, reply) => {
      const p = requireRole(request, 'tax_officer');
      const done = unwrap(await transact(deps.database.db, (tx) => addPropertyObject(tx, deps, actorOf(p), request.body)));
      reply.code(201);
      return done;
    },
  );

  app.get(
    '/api/tax-services/property-objects',
    {
      schema: {
        tags: ['tax-services'],
        summary: 'The property register: a taxpayer’s own objects, or any owner’s for an officer',
        querystring: Type.Object({ ownerTin: Type.Optional(Tin()), ...Listing }, Strict),
        response: { 200: Type.Array(Loose) },
      },
    },
    async (request) => {
      const p = requireRole(request, ...TAXPAYER_ROLES, ...OFFICER_ROLES);
      const ownerTin = isTaxpayer(p) ? tinOf(p, request.query.ownerTin, 'query.ownerTin') : request.query.ownerTin;
      return listPropertyObjects(deps.database.db, { ...request.query, ...(ownerTin ? { ownerTin } : {}) });
    },
  );

  app.post(
    '/api/tax-services/property-notices/run',
    {
      schema: {
        tags: ['tax-services'],
        summary: '04.04.03: send this year’s property tax notices to every owner not yet noticed (the worker does it from 1 January to 1 February; TS-37)',
        response: { 200: Type.Object({ year: Type.Integer(), sent: Type.Integer(), deadline: Type.String(), isLate: Type.Boolean() }) },
      },
    },
    async (request) => runPropertyNotices(deps, actorOf(requireRole(request, ...OFFICER_ROLES))),
  );
}
