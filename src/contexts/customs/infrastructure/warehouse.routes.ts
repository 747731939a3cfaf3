import { Type } from 'typebox';
import type { App } from '../../../platform/http.ts';
import { requireRole, unwrap } from '../../../platform/http.ts';
import { IdParams } from '../../../platform/schemas.ts';
import type { CustomsDeps } from '../application/deps.ts';
import { applyForWarehouse } from '../application/warehouse-apply.ts';
import { decideWarehouseApplication } from '../application/warehouse-decide.ts';
import type { EntryRow } from '../application/warehouse-post-entry.ts';
import { postWarehouseEntry } from '../application/warehouse-post-entry.ts';
import { listWarehouseApplications, listWarehouses, warehouseBalances, warehouseEntriesOf } from '../application/warehouse-queries.ts';
import { fromMilli } from '../domain/preliminary.ts';
import { PURPOSES_BY_TYPE } from '../domain/warehouses.ts';
import {
  ApplicationBody,
  ApplicationDecisionBody,
  ApplicationSchema,
  ApplicationsQuery,
  BalanceSchema,
  EntryBody,
  EntrySchema,
  PurposesQuery,
  RegisterQuery,
  WarehouseSchema,
} from './warehouse.schemas.ts';

const tags = ['customs'];
const base = '/api/customs/warehouses';
const CUSTOMS = ['customs_officer', 'risk_analyst'] as const;

const entryView = (e: EntryRow) => ({ ...e, quantity: fromMilli(e.quantityMilli) });

/** The register of temporary storage warehouses (art.106-111) and the owners' electronic goods record (art.112). */
export function warehouseRoutes(app: App, deps: CustomsDeps): void {
  app.get(
    base,
    {
      schema: { tags, summary: 'The register of temporary storage warehouses', querystring: RegisterQuery, response: { 200: Type.Array(WarehouseSchema) } },
    },
    async (request) => {
      requireRole(request, ...CUSTOMS, 'declarant', 'carrier', 'warehouse_owner');
      return listWarehouses(deps, request.query);
    },
  );
  app.get(
    `${base}/purposes`,
    {
      schema: {
        tags,
        summary: 'Purposes the application form offers for a type: a closed type never offers special goods (art.106 p.3)',
        querystring: PurposesQuery,
        response: { 200: Type.Array(Type.String()) },
      },
    },
    async (request) => {
      requireRole(request);
      return [...PURPOSES_BY_TYPE[request.query.type]];
    },
  );
  app.post(
    `${base}/applications`,
    {
      schema: {
        tags,
        summary:
          'Apply to be entered in the register as a warehouse owner: insurance and its policy for open type only; no justification for closed type (art.109-110)',
        body: ApplicationBody,
        response: { 201: ApplicationSchema },
      },
    },
    async (request, reply) => {
      const result = unwrap(await applyForWarehouse(deps, requireRole(request, 'warehouse_owner'), request.body));
      reply.code(201);
      return result;
    },
  );
  app.get(
    `${base}/applications`,
    {
      schema: {
        tags,
        summary: 'Applications: customs sees all, an applicant its own',
        querystring: ApplicationsQuery,
        response: { 200: Type.Array(ApplicationSchema) },
      },
    },
    async (request) => listWarehouseApplications(deps, requireRole(request, ...CUSTOMS, 'warehouse_owner'), request.query),
  );
  app.post(
    `${base}/applications/:id/decision`,
    {
      schema: {
        tags,
        summary: 'Approve (enter in the register) or refuse an application',
        params: IdParams,
        body: ApplicationDecisionBody,
        response: { 200: ApplicationSchema },
      },
    },
    async (request) => unwrap(await decideWarehouseApplication(deps, requireRole(request, 'customs_officer'), request.params.id, request.body)),
  );
  app.post(
    `${base}/:id/entries`,
    {
      schema: {
        tags,
        summary:
          'Post goods in (against the short declaration) or out (against the release document) in the owner’s electronic record; the owner’s own software uses the same call (art.112 p.1 i.2)',
        params: IdParams,
        body: EntryBody,
        response: { 200: EntrySchema, 201: EntrySchema },
      },
    },
    async (request, reply) => {
      const result = unwrap(await postWarehouseEntry(deps, requireRole(request, 'warehouse_owner'), request.params.id, request.body));
      reply.code(result.isRepeat ? 200 : 201);
      return entryView(result.entry);
    },
  );
  app.get(
    `${base}/:id/entries`,
    { schema: { tags, summary: 'Every posting of a warehouse, for its owner and for customs', params: IdParams, response: { 200: Type.Array(EntrySchema) } } },
    async (request) => unwrap(await warehouseEntriesOf(deps, requireRole(request, ...CUSTOMS, 'warehouse_owner'), request.params.id)).map(entryView),
  );
  app.get(
    `${base}/:id/balances`,
    {
      schema: {
        tags,
        summary: 'Goods on hand per storage record and line, for the owner and for customs',
        params: IdParams,
        response: { 200: Type.Array(BalanceSchema) },
      },
    },
    async (request) => unwrap(await warehouseBalances(deps, requireRole(request, ...CUSTOMS, 'warehouse_owner'), request.params.id)),
  );
}
