import { Type } from 'typebox';
import { type App, requireRole, unwrap } from '../../../platform/http.ts';
import { Nullable, Strict, Uuid } from '../../../platform/schemas.ts';
import { controlPowersOf, listControlPowers, type OfficerPowers, setControlPowers } from '../application/control-powers.ts';
import type { CustomsDeps } from '../application/deps.ts';
import { CONTROL_FORMS } from '../domain/control-powers.ts';

const tags = ['customs'];
const BASE = '/api/customs/control-powers';

const Form = Type.Enum([...CONTROL_FORMS], {
  description: 'A form of customs control: documentary check, physical examination (examination and inspection), expertise, suspension of release (art.441)',
});
const PowersSchema = Type.Object({
  accountId: Uuid('The customs officer’s account'),
  login: Type.String(),
  displayName: Type.String(),
  forms: Type.Array(Form, { description: 'The forms of control the officer may apply (art.399 p.4)' }),
  isRoleDefault: Type.Boolean({ description: 'True while the head has not set them: every form the customs officer’s role gives' }),
  basis: Nullable(Type.String({ description: 'The order or job description the powers rest on' })),
  setAt: Nullable(Type.String({ format: 'date-time' })),
  setBy: Nullable(Type.String()),
});
const Params = Type.Object({ accountId: Uuid() }, Strict);
const Body = Type.Object(
  {
    forms: Type.Array(Form, { uniqueItems: true, maxItems: CONTROL_FORMS.length, description: 'Every form the officer may apply; empty: none' }),
    basis: Type.String({ minLength: 1, maxLength: 500, pattern: '\\S', description: 'The order or job description that grants them' }),
  },
  Strict,
);

const view = (p: OfficerPowers) => ({ ...p, forms: [...p.forms], setAt: p.setAt?.toISOString() ?? null });

/** Art.399 p.4 (CUS-CTL-04): the head of the customs authority sets, per officer, the forms of control within the officer’s powers. */
export function controlPowersRoutes(app: App, deps: CustomsDeps): void {
  app.get(
    BASE,
    {
      schema: {
        tags,
        summary: 'The head’s list: every customs officer with the forms of control within their powers',
        response: { 200: Type.Array(PowersSchema) },
      },
    },
    async (request) => {
      requireRole(request, 'customs_head');
      return (await listControlPowers(deps)).map(view);
    },
  );
  app.get(
    `${BASE}/:accountId`,
    {
      schema: {
        tags,
        summary: 'One officer’s powers of control: the head sees anyone’s, an officer their own',
        params: Params,
        response: { 200: PowersSchema },
      },
    },
    async (request) => view(unwrap(await controlPowersOf(deps, requireRole(request, 'customs_head', 'customs_officer'), request.params.accountId))),
  );
  app.put(
    `${BASE}/:accountId`,
    {
      schema: {
        tags,
        summary: 'The head sets the forms of control an officer may apply, citing the order that grants them; every control act is checked against them',
        params: Params,
        body: Body,
        response: { 200: PowersSchema },
      },
    },
    async (request) => view(unwrap(await setControlPowers(deps, requireRole(request, 'customs_head'), request.params.accountId, request.body))),
  );
}
