import { Type } from 'typebox';
import { type App, requireRole, unwrap } from '../../../platform/http.ts';
import { READER_ROLES, WRITER_ROLES, type CustomsDeps } from '../application/deps.ts';
import { publishFormDefinition } from '../application/form-definition-publish.ts';
import { checkAgainstDefinition, formDefinitionOn, listFormDefinitions } from '../application/form-definition-queries.ts';
import { definitionView } from '../application/form-definition-store.ts';
import { CheckBody, CheckResult, DayQuery, DefinitionSchema, KindParams, KindQuery, PublishBody } from './form-definition.schemas.ts';

const tags = ['customs', 'forms'];

/** The forms of the authorised customs body as versioned data (CUS-DEC-07, CUS-REG-10; docs/customs-value.md). */
export function formDefinitionRoutes(app: App, deps: CustomsDeps): void {
  const base = '/api/customs/form-definitions';

  app.get(
    base,
    {
      schema: {
        tags,
        summary: 'Every version of the forms (goods declaration, paper declaration, customs value form, cases not regulated), oldest first',
        querystring: KindQuery,
        response: { 200: Type.Array(DefinitionSchema) },
      },
    },
    async (request) => {
      requireRole(request, ...READER_ROLES, ...WRITER_ROLES);
      return (await listFormDefinitions(deps, request.query.kind)).map(definitionView);
    },
  );

  app.post(
    base,
    {
      schema: {
        tags,
        summary:
          'Publishes a new version of a form’s data set and filling rules, in force from a day no earlier than today; the version in force ends the day before (art.124 p.7, p.10, p.13; art.362 p.1)',
        body: PublishBody,
        response: { 201: DefinitionSchema },
      },
    },
    async (request, reply) => {
      const actor = requireRole(request, ...WRITER_ROLES);
      const row = unwrap(await publishFormDefinition(deps, actor, request.body));
      reply.code(201);
      return definitionView(row);
    },
  );

  app.get(
    `${base}/:kind`,
    {
      schema: {
        tags,
        summary: 'The version of a form in force on a day (default today in Dushanbe)',
        params: KindParams,
        querystring: DayQuery,
        response: { 200: DefinitionSchema },
      },
    },
    async (request) => {
      requireRole(request, ...READER_ROLES, ...WRITER_ROLES);
      return definitionView(unwrap(await formDefinitionOn(deps, request.params.kind, request.query.date)));
    },
  );

  app.post(
    `${base}/:kind/check`,
    {
      schema: {
        tags,
        summary: 'Checks a filled-in form against the version in force on a day without filing it: every broken rule with its field (art.124 p.13)',
        params: KindParams,
        body: CheckBody,
        response: { 200: CheckResult },
      },
    },
    async (request) => {
      requireRole(request, ...READER_ROLES, ...WRITER_ROLES);
      return unwrap(await checkAgainstDefinition(deps, request.params.kind, request.body));
    },
  );
}
