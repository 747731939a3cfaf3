import { Type } from 'typebox';
import type { App } from '../../../platform/http.ts';
import { requireRole, unwrap } from '../../../platform/http.ts';
import { IdParams } from '../../../platform/schemas.ts';
import type { CustomsDeps } from '../application/deps.ts';
import { decidePreliminaryInformation } from '../application/preliminary-decide.ts';
import { endOutage } from '../application/preliminary-outage-end.ts';
import { recordOutage } from '../application/preliminary-outage-record.ts';
import { getPreliminary, listOutages, listPreliminary } from '../application/preliminary-queries.ts';
import { updateArrivalSettings } from '../application/preliminary-settings.ts';
import { loadArrivalSettings } from '../application/preliminary-store.ts';
import { submitPreliminaryInformation } from '../application/preliminary-submit.ts';
import { PI_NEVER_MODES, PI_NOT_REQUIRED_LABELS, PI_OPTIONAL_REASONS } from '../domain/preliminary.ts';
import {
  DecisionBody,
  NotRequiredReasons,
  NumberParams,
  OutageBody,
  OutageEndBody,
  OutageSchema,
  PageQuery,
  PreliminaryBody,
  PreliminaryListQuery,
  PreliminarySchema,
  SettingsBody,
  SettingsSchema,
} from './preliminary.schemas.ts';

const tags = ['customs'];
const base = '/api/customs/preliminary-information';
/** Who reads preliminary information: customs and risk management see all (CUS-PI-02); traders their own. */
const READERS = ['customs_officer', 'risk_analyst', 'declarant', 'carrier'] as const;

/** Preliminary information (art.11-1), the outage register (F-05) and the parameters of the authorised body. */
export function preliminaryRoutes(app: App, deps: CustomsDeps): void {
  app.post(
    base,
    {
      schema: {
        tags,
        summary:
          'Submit preliminary information (art.11-1): declarant for road, carrier for river/air/rail; a customs officer keys in paper with `paper` during an outage. Registered at once after format checks unless registration is manual (A-02)',
        body: PreliminaryBody,
        response: { 201: PreliminarySchema },
      },
    },
    async (request, reply) => {
      const actor = requireRole(request, 'declarant', 'carrier', 'customs_officer');
      const result = unwrap(await submitPreliminaryInformation(deps, actor, request.body));
      reply.code(201);
      return result;
    },
  );
  app.get(
    base,
    {
      schema: {
        tags,
        summary: 'Preliminary information by state, office and expected arrival (risk management reads it before arrival, CUS-PI-02); traders see their own',
        querystring: PreliminaryListQuery,
        response: { 200: Type.Array(PreliminarySchema) },
      },
    },
    async (request) => listPreliminary(deps, requireRole(request, ...READERS), request.query),
  );
  app.get(
    `${base}/not-required-reasons`,
    {
      schema: {
        tags,
        summary: 'Why goods may have no preliminary information: optional for art.11-1 p.7 goods, never for pipeline and power line (p.8)',
        response: { 200: NotRequiredReasons },
      },
    },
    async (request) =>
      [...PI_OPTIONAL_REASONS.map((code) => ({ code, kind: 'optional' as const })), ...PI_NEVER_MODES.map((code) => ({ code, kind: 'never' as const }))].map(
        (r) => ({ ...r, title: PI_NOT_REQUIRED_LABELS[r.code][request.lang] }),
      ),
  );
  app.get(
    `${base}/:number`,
    { schema: { tags, summary: 'One preliminary information with its uses', params: NumberParams, response: { 200: PreliminarySchema } } },
    async (request) => unwrap(await getPreliminary(deps, requireRole(request, ...READERS), request.params.number)),
  );
  app.post(
    `${base}/:number/decision`,
    {
      schema: {
        tags,
        summary: 'Register submitted preliminary information, or refuse it with a reason (art.11-1 p.5)',
        params: NumberParams,
        body: DecisionBody,
        response: { 200: PreliminarySchema },
      },
    },
    async (request) => unwrap(await decidePreliminaryInformation(deps, requireRole(request, 'customs_officer'), request.params.number, request.body)),
  );

  app.post(
    '/api/customs/outages',
    {
      schema: {
        tags,
        summary: 'Record an outage of the customs information system (art.11-1 p.2, art.124 p.3): the only time paper is accepted',
        body: OutageBody,
        response: { 201: OutageSchema },
      },
    },
    async (request, reply) => {
      const result = unwrap(await recordOutage(deps, requireRole(request, 'customs_officer'), request.body));
      reply.code(201);
      return result;
    },
  );
  app.get(
    '/api/customs/outages',
    { schema: { tags, summary: 'The outage register, newest first', querystring: PageQuery, response: { 200: Type.Array(OutageSchema) } } },
    async (request) => {
      requireRole(request, 'customs_officer', 'risk_analyst', 'declarant', 'carrier');
      return listOutages(deps, request.query);
    },
  );
  app.post(
    '/api/customs/outages/:id/end',
    { schema: { tags, summary: 'Record the end of an outage', params: IdParams, body: OutageEndBody, response: { 200: OutageSchema } } },
    async (request) => unwrap(await endOutage(deps, requireRole(request, 'customs_officer'), request.params.id, request.body.endedAt)),
  );

  app.get(
    '/api/customs/arrival-settings',
    {
      schema: {
        tags,
        summary: 'Registration order and periods set by the authorised body (A-02, art.11-1 p.6, art.103 p.1)',
        response: { 200: SettingsSchema },
      },
    },
    async (request) => {
      requireRole(request, 'customs_officer', 'risk_analyst', 'declarant', 'carrier', 'warehouse_owner');
      return loadArrivalSettings(deps.database.db);
    },
  );
  app.put(
    '/api/customs/arrival-settings',
    { schema: { tags, summary: 'Change the registration order and periods (CUS-PI-12, A-20)', body: SettingsBody, response: { 200: SettingsSchema } } },
    async (request) => unwrap(await updateArrivalSettings(deps, requireRole(request, 'customs_officer'), request.body)),
  );
}
