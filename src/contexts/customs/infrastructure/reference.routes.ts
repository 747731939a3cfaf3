import { Type } from 'typebox';
import type { App } from '../../../platform/http.ts';
import { requireRole, unwrap } from '../../../platform/http.ts';
import { READER_ROLES, WRITER_ROLES, type CustomsDeps } from '../application/deps.ts';
import { importReference } from '../application/import-reference.ts';
import { recordVersion } from '../application/record-version.ts';
import { exchangeRateOn, getReferenceHistory, getReferenceOn, listReference, tariffOn } from '../application/reference-queries.ts';
import { TABLES, type TableSpec } from '../domain/tables.ts';
import {
  CodeParams,
  CurrencyParams,
  DateQuery,
  ExchangeRateSchema,
  ImportBody,
  ImportResult,
  ListQuery,
  TariffSchema,
  versionBody,
  versionSchema,
} from './reference.schemas.ts';

const tags = ['customs'];

/** List, get on a date, history, new version and CSV import of one table (IMP-07). */
function tableRoutes(app: App, deps: CustomsDeps, spec: TableSpec): void {
  const base = `/api/customs/${spec.path}`;
  const Version = versionSchema(spec);
  const keyed = spec.keys.length > 0;
  const param = spec.keys[0] === 'currency' ? 'currency' : 'code';
  const Params = param === 'currency' ? CurrencyParams : CodeParams;
  const keyOf = (params: unknown) => [String((params as Record<string, string>)[param])];

  if (keyed) {
    app.get(
      base,
      {
        schema: {
          tags,
          summary: `${spec.title}: the rows in force on a day, searched by code or name`,
          querystring: ListQuery,
          response: { 200: Type.Array(Version) },
        },
      },
      async (request) => {
        requireRole(request, ...READER_ROLES, ...WRITER_ROLES);
        return unwrap(await listReference(deps, spec, request.query));
      },
    );
  }
  if (spec.name !== 'exchange_rates') {
    app.get(
      keyed ? `${base}/:code` : base,
      {
        schema: {
          tags,
          summary: `${spec.title}: the version in force on a day (default today in Dushanbe)`,
          ...(keyed ? { params: CodeParams } : {}),
          querystring: DateQuery,
          response: { 200: Version },
        },
      },
      async (request) => {
        requireRole(request, ...READER_ROLES, ...WRITER_ROLES);
        return unwrap(await getReferenceOn(deps, spec, keyed ? keyOf(request.params) : [], request.query.date));
      },
    );
  }
  app.get(
    keyed ? `${base}/:${param}/history` : `${base}/history`,
    {
      schema: {
        tags,
        summary: `${spec.title}: every version, oldest first`,
        ...(keyed ? { params: Params } : {}),
        response: { 200: Type.Array(Version) },
      },
    },
    async (request) => {
      requireRole(request, ...READER_ROLES, ...WRITER_ROLES);
      return unwrap(await getReferenceHistory(deps, spec, keyed ? keyOf(request.params) : []));
    },
  );
  app.post(
    base,
    {
      schema: {
        tags,
        summary: `${spec.title}: enter a new version; the open one closes the day before (refuses overlaps and past-dated changes)`,
        body: versionBody(spec),
        response: { 201: Type.Array(Version, { description: 'The whole history of the code after the change' }) },
      },
    },
    async (request, reply) => {
      const actor = requireRole(request, ...WRITER_ROLES);
      const result = unwrap(await recordVersion(deps, actor, spec, request.body as Record<string, unknown>));
      reply.code(201);
      return result;
    },
  );
  app.post(
    `${base}/import`,
    {
      schema: {
        tags,
        summary: `${spec.title}: import versions from CSV, all lines or none; bad lines are listed with field and code`,
        body: ImportBody,
        response: { 200: ImportResult },
      },
    },
    async (request) => unwrap(await importReference(deps, requireRole(request, ...WRITER_ROLES), spec, request.body.csv)),
  );
}

/** The customs reference data: offices, nomenclature and tariff, countries, currencies and rates, document types, persons, the calculation indicator. */
export function referenceRoutes(app: App, deps: CustomsDeps): void {
  for (const spec of Object.values(TABLES)) tableRoutes(app, deps, spec);

  app.get(
    '/api/customs/tariff/:code',
    {
      schema: {
        tags,
        summary: 'Import duty, excise and VAT of a 10-digit commodity code in force on a day: the day of acceptance (IMP-07, CUS-DEC-72)',
        params: CodeParams,
        querystring: DateQuery,
        response: { 200: TariffSchema },
      },
    },
    async (request) => {
      requireRole(request, ...READER_ROLES, ...WRITER_ROLES);
      return unwrap(await tariffOn(deps, request.params.code, request.query.date));
    },
  );
  app.get(
    '/api/customs/exchange-rates/:currency',
    {
      schema: {
        tags,
        summary: 'Somoni per unit of a currency in force on a day, exact',
        params: CurrencyParams,
        querystring: DateQuery,
        response: { 200: ExchangeRateSchema },
      },
    },
    async (request) => {
      requireRole(request, ...READER_ROLES, ...WRITER_ROLES);
      return unwrap(await exchangeRateOn(deps, request.params.currency, request.query.date));
    },
  );

  // CUS-DEC-14: the offices and their assignments are published; so is the nomenclature.
  for (const spec of [TABLES.offices, TABLES.commodity_codes]) {
    const Version = versionSchema(spec);
    app.get(
      `/api/public/customs/${spec.path}`,
      {
        schema: { tags: ['public', ...tags], summary: `${spec.title} (public)`, security: [], querystring: ListQuery, response: { 200: Type.Array(Version) } },
      },
      async (request) => unwrap(await listReference(deps, spec, request.query)),
    );
    app.get(
      `/api/public/customs/${spec.path}/:code`,
      {
        schema: {
          tags: ['public', ...tags],
          summary: `${spec.title}: one code on a day (public)`,
          security: [],
          params: CodeParams,
          querystring: DateQuery,
          response: { 200: Version },
        },
      },
      async (request) => unwrap(await getReferenceOn(deps, spec, [request.params.code], request.query.date)),
    );
  }
}
