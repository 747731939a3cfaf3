import { Type } from 'typebox';
import { dushanbeDate } from '../../../platform/calendar/index.ts';
import { type App, requireRole, unwrap } from '../../../platform/http.ts';
import { IdParams } from '../../../platform/schemas.ts';
import type { RiskDeps } from '../application/deps.ts';
import { simulateProfileVersion } from '../application/profile-simulate.ts';
import { listProfiles, readProfile } from '../application/profile-store.ts';
import { moveProfileVersion, type WorkflowStep } from '../application/profile-workflow.ts';
import { createProfile, reviseProfile } from '../application/profile-write.ts';
import {
  NewProfileBody,
  ProfileBody,
  ProfileListItem,
  ProfileListQuery,
  ProfileSchema,
  SimulationBody,
  SimulationSchema,
  VersionParams,
} from './risk.schemas.ts';

const tags = ['risk'];
/** Art.429(2) p.3 (CUS-RMS-22): profiles and indicators are confidential; only the risk analyst reads or writes them. */
const ANALYST = 'risk_analyst' as const;

/** Risk profiles, their versions and workflow, and the simulation of a version on stored subjects (docs/risk.md). */
export function profileRoutes(app: App, deps: RiskDeps): void {
  const base = '/api/risk/profiles';
  const today = () => dushanbeDate(deps.clock.now());

  app.get(
    base,
    {
      schema: {
        tags,
        summary: 'Risk profiles by code, with their latest and active versions (risk analyst only, art.429(2) p.3)',
        querystring: ProfileListQuery,
        response: { 200: Type.Array(ProfileListItem) },
      },
    },
    async (request) => {
      requireRole(request, ANALYST);
      return listProfiles(deps.database.db, today(), request.query);
    },
  );
  app.post(
    base,
    {
      schema: {
        tags,
        summary: 'A new risk profile (art.428 i.5): area of risk, categories, kind, indicator, lane, measures, level, validity; its first draft version',
        body: NewProfileBody,
        response: { 201: ProfileSchema },
      },
    },
    async (request, reply) => {
      const profile = unwrap(await createProfile(deps, requireRole(request, ANALYST), request.body));
      reply.code(201);
      return profile;
    },
  );
  app.get(
    `${base}/:id`,
    { schema: { tags, summary: 'A risk profile with every version, newest first', params: IdParams, response: { 200: ProfileSchema } } },
    async (request) => {
      requireRole(request, ANALYST);
      return unwrap(await readProfile(deps.database.db, request.params.id, today()));
    },
  );
  app.put(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: 'Edit a profile: the draft in place, or a new draft version after an approved, active or retired one (versions are kept, CUS-RMS-21)',
        params: IdParams,
        body: ProfileBody,
        response: { 200: ProfileSchema },
      },
    },
    async (request) => unwrap(await reviseProfile(deps, requireRole(request, ANALYST), request.params.id, request.body)),
  );
  const steps: readonly [WorkflowStep, string][] = [
    ['approve', 'Approve a draft version: another risk analyst than its author (four eyes, CUS-RMS-21)'],
    ['activate', 'Activate an approved version within its validity period; the previously active version is retired'],
    ['retire', 'Retire an approved or active version: it is no longer applied, and kept'],
  ];
  for (const [step, summary] of steps) {
    app.post(`${base}/:id/versions/:version/${step}`, { schema: { tags, summary, params: VersionParams, response: { 200: ProfileSchema } } }, async (request) =>
      unwrap(await moveProfileVersion(deps, requireRole(request, ANALYST), request.params.id, request.params.version, step)),
    );
  }
  app.post(
    `${base}/:id/versions/:version/simulate`,
    {
      schema: {
        tags,
        summary:
          'Simulate a version’s indicator on the stored declarations and preliminary information (CUS-RMS-20 step 5): matches, lanes, violations found, examples',
        params: VersionParams,
        body: SimulationBody,
        response: { 200: SimulationSchema },
      },
    },
    async (request) => {
      requireRole(request, ANALYST);
      return unwrap(await simulateProfileVersion(deps.database.db, request.params.id, request.params.version, request.body));
    },
  );
}
