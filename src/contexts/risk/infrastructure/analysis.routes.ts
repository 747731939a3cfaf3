import { Type } from 'typebox';
import { type App, ProblemError, requireRole, unwrap } from '../../../platform/http.ts';
import type { RiskDeps } from '../application/deps.ts';
import { importPrices } from '../application/price-import.ts';
import { priceTables } from '../application/price-references.ts';
import { laneReport, profileReport } from '../application/reports.ts';
import { loadSettings, updateSettings } from '../application/settings.ts';
import { DISCLOSABLE_KINDS, importTraderFacts, listTraderFacts, recordTraderFact } from '../application/trader-facts.ts';
import {
  FactBody,
  FactImportBody,
  FactQuery,
  FactSchema,
  LaneReportSchema,
  PeriodQuery,
  PriceImportBody,
  PriceImportSchema,
  ProfileReportQuery,
  ProfileReportSchema,
  SettingsBody,
  SettingsSchema,
} from './risk.schemas.ts';

const tags = ['risk'];
const ANALYST = 'risk_analyst' as const;

/** Statistics, selectivity settings, reference prices and traders' facts (docs/risk.md). */
export function analysisRoutes(app: App, deps: RiskDeps): void {
  const db = deps.database.db;
  app.get(
    '/api/risk/reports/profiles',
    {
      schema: {
        tags,
        summary:
          'Per profile version that was ever active: matches, selections, controls, hits, hit rate, revenue found; `neverHit` picks the ones that never hit (CUS-RMS-20)',
        querystring: ProfileReportQuery,
        response: { 200: ProfileReportSchema },
      },
    },
    async (request) => {
      requireRole(request, ANALYST);
      return unwrap(await profileReport(db, request.query));
    },
  );
  app.get(
    '/api/risk/reports/lanes',
    {
      schema: {
        tags,
        summary: 'Per lane: decisions, share, basis, controls, violations found, hit rate, revenue found (CUS-RMS-20)',
        querystring: PeriodQuery,
        response: { 200: LaneReportSchema },
      },
    },
    async (request) => {
      requireRole(request, ANALYST);
      return unwrap(await laneReport(db, request.query));
    },
  );
  app.get(
    '/api/risk/settings',
    { schema: { tags, summary: 'Selectivity settings: minimum random rate, expected rates per lane, observation window', response: { 200: SettingsSchema } } },
    async (request) => {
      requireRole(request, ANALYST);
      return loadSettings(db);
    },
  );
  app.put(
    '/api/risk/settings',
    { schema: { tags, summary: 'Set the selectivity settings (art.399 p.1-3; ASYCUDA MODSEL)', body: SettingsBody, response: { 200: SettingsSchema } } },
    async (request) => unwrap(await updateSettings(deps, requireRole(request, ANALYST), request.body)),
  );
  app.post(
    '/api/risk/price-references',
    {
      schema: {
        tags,
        summary: 'Import reference prices from CSV into a named table, all lines or none (the below_reference indicator)',
        body: PriceImportBody,
        response: { 200: PriceImportSchema },
      },
    },
    async (request) => unwrap(await importPrices(deps, requireRole(request, ANALYST), request.body)),
  );
  app.get(
    '/api/risk/price-tables',
    {
      schema: {
        tags,
        summary: 'The price tables imported so far, with how many prices each holds (what a below_reference indicator may name)',
        response: { 200: Type.Array(Type.Object({ name: Type.String(), prices: Type.Integer() })) },
      },
    },
    async (request) => {
      requireRole(request, ANALYST);
      return priceTables(db);
    },
  );
  app.post(
    '/api/risk/trader-facts',
    {
      schema: {
        tags,
        summary: 'Record a trader fact: a liability decision, arrears, a violation (art.429 i.9)',
        body: FactBody,
        response: { 201: FactSchema },
      },
    },
    async (request, reply) => {
      const fact = unwrap(await recordTraderFact(deps, requireRole(request, ANALYST), request.body));
      reply.code(201);
      return fact;
    },
  );
  app.post(
    '/api/risk/trader-facts/import',
    {
      schema: {
        tags,
        summary: 'Import trader facts from CSV, all lines or none',
        body: FactImportBody,
        response: { 200: Type.Object({ imported: Type.Integer() }) },
      },
    },
    async (request) => unwrap(await importTraderFacts(deps, requireRole(request, ANALYST), request.body.csv)),
  );
  app.get(
    '/api/risk/trader-facts',
    {
      schema: {
        tags,
        summary: 'The facts risk management holds on a trader (risk analyst)',
        querystring: FactQuery,
        response: { 200: Type.Array(FactSchema) },
      },
    },
    async (request) => {
      requireRole(request, ANALYST);
      return listTraderFacts(db, request.query.traderCode);
    },
  );
  app.get(
    '/api/risk/my-facts',
    {
      schema: {
        tags,
        summary: 'The caller’s own liability facts and arrears: the two kinds of risk information that are not confidential (art.429(2) p.3, CUS-RMS-22)',
        response: { 200: Type.Array(FactSchema) },
      },
    },
    async (request) => {
      const me = requireRole(request, 'declarant', 'carrier', 'business');
      if (!me.tin) throw new ProblemError('FORBIDDEN');
      return listTraderFacts(db, me.tin, DISCLOSABLE_KINDS);
    },
  );
}
