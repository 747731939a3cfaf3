import { Type } from 'typebox';
import { dushanbeDate } from '../../../platform/calendar/index.ts';
import { type App, requireRole, unwrap } from '../../../platform/http.ts';
import type { CustomsDeps } from '../application/deps.ts';
import { exitExceptionsOn, getExit, listExits } from '../application/exit-queries.ts';
import { recordExitData } from '../application/exit-record.ts';
import { CUSTOMS_ROLES } from '../application/undertaking-queries.ts';
import type { ExitRecordRow } from './exit-statistics.schema.ts';
import { ExceptionQuery, ExceptionSchema, ExitBody, ExitListQuery, ExitParams, ExitSchema } from './exit.schemas.ts';

const tags = ['customs'];
const BASE = '/api/customs/exits';

const view = (r: ExitRecordRow) => ({
  id: r.id,
  officeCode: r.officeCode,
  exitedAt: r.exitedAt.toISOString(),
  transportMode: r.transportMode,
  vehicles: r.vehicles,
  declarationNumber: r.declarationNumber,
  transportDocument: r.transportDocumentType && r.transportDocumentNumber ? { typeCode: r.transportDocumentType, number: r.transportDocumentNumber } : null,
  exporterCode: r.exporterCode,
  commodityCodes: r.commodityCodes,
  description: r.description,
  recordedAt: r.recordedAt.toISOString(),
  recordedBy: r.recordedBy,
});

/** The border office's exit data (art.129 p.3, art.134 p.3; CUS-DEC-29) and the cases of the Code that allow a later filing. */
export function exitRoutes(app: App, deps: CustomsDeps): void {
  app.post(
    BASE,
    {
      schema: {
        tags,
        summary:
          'A border officer records that goods actually left the customs territory: office, time, vehicles, and the declaration, transport document or goods',
        body: ExitBody,
        response: { 201: ExitSchema },
      },
    },
    async (request, reply) => {
      const row = unwrap(await recordExitData(deps, requireRole(request, 'customs_officer'), request.body));
      reply.code(201);
      return view(row);
    },
  );
  app.get(
    BASE,
    { schema: { tags, summary: 'Recorded exits, newest first', querystring: ExitListQuery, response: { 200: Type.Array(ExitSchema) } } },
    async (request) => {
      requireRole(request, ...CUSTOMS_ROLES);
      return (await listExits(deps, request.query)).map(view);
    },
  );
  app.get(`${BASE}/:id`, { schema: { tags, summary: 'One recorded exit', params: ExitParams, response: { 200: ExitSchema } } }, async (request) => {
    requireRole(request, ...CUSTOMS_ROLES);
    return view(unwrap(await getExit(deps, request.params.id)));
  });
  app.get(
    '/api/customs/exit-filing-exceptions',
    {
      schema: {
        tags,
        summary: 'Art.129 p.3: the cases in which an export declaration may be filed after the goods left, in force on a day',
        querystring: ExceptionQuery,
        response: { 200: Type.Array(ExceptionSchema) },
      },
    },
    async (request) => {
      requireRole(request, ...CUSTOMS_ROLES, 'declarant');
      const found = await exitExceptionsOn(deps.database.db, request.query.on ?? dushanbeDate(deps.clock.now()));
      return found.map((e) => ({
        code: e.code,
        form: e.form,
        transportMode: e.transportMode,
        needsUndertaking: e.needsUndertaking,
        legalBasis: e.legalBasis,
        name: { tg: e.nameTg, ru: e.nameRu, en: e.nameEn },
      }));
    },
  );
}
