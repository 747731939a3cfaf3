import { Type } from 'typebox';
import { type App, requireRole, unwrap } from '../../../platform/http.ts';
import { IsoDateTime, Line, Strict, Uuid } from '../../../platform/schemas.ts';
import type { FiscalDeps } from '../application/deps.ts';
import { getFiscalModule, listFiscalModules } from '../application/list-fiscal-modules.ts';
import { receiveFiscalModule } from '../application/receive-fiscal-module.ts';
import { registerFiscalModule } from '../application/register-fiscal-module.ts';
import { returnFiscalModule } from '../application/return-fiscal-module.ts';
import { supplyFiscalModules } from '../application/supply-fiscal-modules.ts';
import { literals, many, ModuleNumber, ModuleParams, PageQuery, ref, ReturnReason, TscParams } from './tsc.schemas.ts';

/** The registry of fiscal modules and their custody chain (p.53 item 12, p.56, p.98, p.110). */
export function fiscalModuleRoutes(app: App, deps: FiscalDeps): void {
  app.post(
    '/api/fiscal/tscs/:id/fiscal-modules',
    {
      schema: {
        tags: ['fiscal-modules'],
        summary: 'Supply a batch of fiscal modules to a TSC and record each one (operator administrator, FIS-FMR-01)',
        params: TscParams,
        body: Type.Object(
          {
            modules: Type.Array(Type.Object({ number: ModuleNumber(), manufacturerNumber: Line(60, 'Number given by the manufacturer') }, Strict), {
              minItems: 1,
              maxItems: 1000,
              description: 'The modules handed over',
            }),
          },
          Strict,
        ),
        response: { 201: many('FiscalModule') },
      },
    },
    async (request, reply) => {
      const result = unwrap(await supplyFiscalModules(deps, requireRole(request, 'operator_admin'), request.params.id, request.body));
      reply.code(201);
      return result;
    },
  );

  app.get(
    '/api/fiscal/fiscal-modules',
    {
      schema: {
        tags: ['fiscal-modules'],
        summary: 'Fiscal modules by TSC and status (staff: all; a TSC specialist: its own TSC’s)',
        querystring: Type.Object(
          {
            tscId: Type.Optional(Uuid('Only modules supplied to this TSC')),
            status: Type.Optional(literals(['supplied', 'registered', 'installed', 'awaiting_return', 'returned'], 'Only modules in this state')),
            ...PageQuery,
          },
          Strict,
        ),
        response: { 200: many('FiscalModule') },
      },
    },
    async (request) => listFiscalModules(deps, requireRole(request, 'operator_admin', 'tax_officer', 'tsc_specialist'), request.query),
  );

  app.get(
    '/api/fiscal/fiscal-modules/:number',
    { schema: { tags: ['fiscal-modules'], summary: 'One fiscal module with its deadlines', params: ModuleParams, response: { 200: ref('FiscalModule') } } },
    async (request) => unwrap(await getFiscalModule(deps, requireRole(request, 'operator_admin', 'tax_officer', 'tsc_specialist'), request.params.number)),
  );

  app.post(
    '/api/fiscal/fiscal-modules/:number/register',
    {
      schema: {
        tags: ['fiscal-modules'],
        summary: 'Register a supplied module at the TSC’s request: ready to be installed (TSC specialist, FIS-FMR-02)',
        params: ModuleParams,
        response: { 200: ref('FiscalModule') },
      },
    },
    async (request) => unwrap(await registerFiscalModule(deps, requireRole(request, 'tsc_specialist'), request.params.number)),
  );

  app.post(
    '/api/fiscal/fiscal-modules/:number/receive-back',
    {
      schema: {
        tags: ['fiscal-modules'],
        summary: 'Record a module taken back from a business; it is owed to the operator within one month (TSC specialist, FIS-FMR-03)',
        params: ModuleParams,
        body: Type.Object(
          {
            reason: ReturnReason,
            receivedAt: Type.Optional(IsoDateTime('When the TSC received it; the month runs from here (default: now)')),
            note: Type.Optional(Line(1000, 'Anything the operator should know')),
          },
          Strict,
        ),
        response: { 200: ref('FiscalModule') },
      },
    },
    async (request) => unwrap(await receiveFiscalModule(deps, requireRole(request, 'tsc_specialist'), request.params.number, request.body)),
  );

  app.post(
    '/api/fiscal/fiscal-modules/:number/return',
    {
      schema: {
        tags: ['fiscal-modules'],
        summary: 'Record the module handed to the operator for safekeeping (TSC specialist, or the operator on receipt; FIS-FMR-03, FIS-FMR-04)',
        params: ModuleParams,
        response: { 200: ref('FiscalModule') },
      },
    },
    async (request) => unwrap(await returnFiscalModule(deps, requireRole(request, 'tsc_specialist', 'operator_admin'), request.params.number)),
  );
}
