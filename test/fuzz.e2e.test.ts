/**
 * Property: random and malformed requests to every API route, as every role, get a 4xx
 * problem+json with a code — never a 500 — and a refused request writes nothing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { startTestApp, type Client, type TestApp } from './app.ts';
import { testTargets } from './db.ts';
import { makeBusiness, makeFiscalModules, makeModel, makeTsc, registrationBody } from './fiscal-factories.ts';
import { rows } from '../src/platform/db.ts';

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  examples?: unknown[];
  pattern?: string;
  $ref?: string;
};
type Operation = { method: string; path: string; body?: JsonSchema; query?: Record<string, JsonSchema> };

const RUNS = Number(process.env.BEKOGAZ_FUZZ_RUNS ?? 25);

/** Values near the schema (so requests reach the use cases) mixed with anything at all. */
function arbitraryFor(schema: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  const wild = fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double(),
    fc.string(),
    fc.constant(''),
    fc.constant('0'.repeat(300)),
    fc.constant('ҷ\u0000\ud800'),
  );
  if (!schema || depth > 4) return wild;
  const near: fc.Arbitrary<unknown>[] = [];
  if (schema.const !== undefined) near.push(fc.constant(schema.const));
  if (schema.enum) near.push(fc.constantFrom(...schema.enum));
  if (schema.examples?.length) near.push(fc.constantFrom(...schema.examples));
  if (schema.anyOf) near.push(fc.oneof(...schema.anyOf.map((s) => arbitraryFor(s, depth + 1))));
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  for (const type of types) {
    if (type === 'string')
      near.push(
        fc.oneof(
          fc.string(),
          fc.constantFrom('010000001', '0193a6a0-7c1e-7a10-8000-000000000001', '2026-03-02', '2026-03-02T10:00:00+05:00', 'FM0001', 'A'.repeat(5000)),
        ),
      );
    if (type === 'integer' || type === 'number') near.push(fc.oneof(fc.integer({ min: -5, max: 300 }), fc.constant(1e308), fc.constant(-1)));
    if (type === 'boolean') near.push(fc.boolean());
    if (type === 'array') near.push(fc.array(arbitraryFor(schema.items, depth + 1), { maxLength: 3 }));
    if (type === 'object' && schema.properties) {
      const props = Object.fromEntries(Object.entries(schema.properties).map(([k, s]) => [k, arbitraryFor(s, depth + 1)]));
      near.push(fc.record(props, { requiredKeys: [] }));
      near.push(
        fc.tuple(fc.record(props, { requiredKeys: [] }), fc.dictionary(fc.string({ maxLength: 8 }), wild, { maxKeys: 2 })).map(([a, b]) => ({ ...b, ...a })),
      );
    }
  }
  return near.length > 0 ? fc.oneof({ weight: 4, arbitrary: fc.oneof(...near) }, { weight: 1, arbitrary: wild }) : wild;
}

function operations(
  spec: {
    paths: Record<
      string,
      Record<string, { requestBody?: { content?: Record<string, { schema?: JsonSchema }> }; parameters?: { in: string; name: string; schema: JsonSchema }[] }>
    >;
  },
  resolve: (s?: JsonSchema) => JsonSchema | undefined,
): Operation[] {
  const out: Operation[] = [];
  for (const [path, ops] of Object.entries(spec.paths)) {
    if (!path.startsWith('/api/')) continue;
    for (const [method, op] of Object.entries(ops)) {
      const query = Object.fromEntries((op.parameters ?? []).filter((p) => p.in === 'query').map((p) => [p.name, p.schema]));
      out.push({ method: method.toUpperCase(), path, body: resolve(op.requestBody?.content?.['application/json']?.schema), query });
    }
  }
  return out;
}

const pathValue = fc.oneof(
  fc.constantFrom('0193a6a0-7c1e-7a10-8000-000000000001', '010000001', 'FM0001', '..', '%00', 'x'.repeat(300)),
  fc.uuid(),
  fc.string({ minLength: 1, maxLength: 20 }),
);

for (const target of testTargets()) {
  describe(`random requests to every route [${target}]`, () => {
    let t: TestApp;
    let clients: Client[];
    let ops: Operation[];
    const fingerprint = async () =>
      JSON.stringify(
        await rows(
          t.db.db,
          sql`SELECT (SELECT count(*) FROM platform.audit_log) AS audit, (SELECT count(*) FROM platform.outbox) AS outbox,
                     (SELECT count(*) FROM platform.notifications) AS notices, (SELECT count(*) FROM platform.accounts) AS accounts,
                     (SELECT count(*) FROM fiscal.applications) AS applications, (SELECT count(*) FROM fiscal.attachments) AS attachments,
                     (SELECT count(*) FROM fiscal.deadlines) AS deadlines, (SELECT count(*) FROM fiscal.registers) AS registers,
                     (SELECT max(updated_at) FROM fiscal.registers) AS registers_changed, (SELECT count(*) FROM fiscal.tsc_applications) AS tsc_applications,
                     (SELECT count(*) FROM fiscal.branches) AS branches, (SELECT count(*) FROM fiscal.specialists) AS specialists,
                     (SELECT max(updated_at) FROM fiscal.fiscal_modules) AS modules_changed, (SELECT count(*) FROM fiscal.models) AS models,
                     (SELECT count(*) FROM fiscal.businesses) AS businesses, (SELECT count(*) FROM fiscal.incidents) AS incidents`,
        ),
      );
    before(async () => {
      t = await startTestApp(target);
      const officer = await t.as('tax_officer');
      const admin = await t.as('operator_admin');
      const tsc = await makeTsc(t);
      const [module] = await makeFiscalModules(t, tsc.id, 1);
      const business = await makeBusiness(t, officer, { tin: '010000001' });
      const model = await makeModel(t);
      await tsc.specialist.post('/api/fiscal/applications', registrationBody(business, model.id, module as string));
      clients = [t.anon, officer, admin, tsc.specialist, await t.login('010000001', '123456')];
      const spec = (await t.anon.get('/docs/json')).body;
      const resolve = (s?: JsonSchema): JsonSchema | undefined => {
        if (!s?.$ref) return s;
        const id = s.$ref.replace(/^#\/components\/schemas\//, '').replace(/#$/, '');
        return spec.components?.schemas?.[id];
      };
      ops = operations(spec, resolve);
      assert.ok(ops.length >= 40, `only ${ops.length} operations`);
    });
    after(() => t.close());

    test('FIS-GEN-05: no route answers a random or malformed request with a 500, and a refusal writes nothing', async () => {
      let requests = 0;
      for (const op of ops) {
        await fc.assert(
          fc.asyncProperty(
            fc.constantFrom(...clients),
            fc.array(pathValue, { minLength: 4, maxLength: 4 }),
            arbitraryFor(op.body),
            fc.dictionary(
              fc.constantFrom(...Object.keys(op.query ?? {}), 'zz'),
              fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('true', '-1', '99999999999')),
              { maxKeys: 3 },
            ),
            fc.constantFrom('json', 'json', 'json', 'text', 'broken'),
            async (client, params, body, query, encoding) => {
              let i = 0;
              const path = op.path.replace(/\{[^}]+\}/g, () => encodeURIComponent(params[i++] as string));
              const qs = new URLSearchParams(query as Record<string, string>).toString();
              const url = qs ? `${path}?${qs}` : path;
              const before = await fingerprint();
              const headers: Record<string, string> = encoding === 'text' ? { 'content-type': 'text/plain' } : { 'content-type': 'application/json' };
              const payload =
                encoding === 'broken'
                  ? '{"kind": "registration",'
                  : encoding === 'text'
                    ? `text ${JSON.stringify(body ?? null)}`
                    : JSON.stringify(body ?? null);
              const r = await t.app.inject({
                method: op.method as 'GET',
                url,
                headers: { ...headers, ...(client.token ? { authorization: `Bearer ${client.token}` } : {}) },
                ...(op.method === 'GET' ? {} : { payload }),
              });
              requests += 1;
              assert.ok(r.statusCode < 500, `${op.method} ${url} → ${r.statusCode} ${r.body.slice(0, 300)}`);
              if (r.statusCode >= 400) {
                assert.match(String(r.headers['content-type']), /^application\/problem\+json/);
                assert.match(r.json().code, /^[A-Z_]+$/);
                assert.equal(await fingerprint(), before, `${op.method} ${url} → ${r.statusCode} wrote something`);
              }
            },
          ),
          { numRuns: RUNS },
        );
      }
      assert.ok(requests >= ops.length * RUNS);
    });
  });
}

describe('malformed credentials and addresses', () => {
  test('a session cookie or bearer token that is not base64url, and a NUL in the address, are refused without a 500', async () => {
    const t = await startTestApp('pglite');
    try {
      for (const headers of [{ cookie: 'bekogaz_session=%00abc' }, { authorization: 'Bearer ../../etc' }, { cookie: 'bekogaz_session=%E0%A4%A' }]) {
        const r = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers });
        assert.equal(r.statusCode, 401);
      }
      const nul = await t.app.inject({ method: 'GET', url: '/api/fiscal/businesses/%00' });
      assert.ok(nul.statusCode >= 400 && nul.statusCode < 500);
      const bad = await t.app.inject({ method: 'GET', url: '/api/public/models?q=%E0%A4%A' });
      assert.ok(bad.statusCode < 500, String(bad.statusCode));
    } finally {
      await t.close();
    }
  });
});
