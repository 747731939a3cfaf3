/**
 * Property: random and malformed requests to every risk route, as the risk analyst and the customs
 * officer (the roles that pass the role check; test/fuzz.e2e.test.ts covers the others), get a 4xx
 * problem with a code, never a 500.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { type Client, startTestApp, type TestApp } from '../../../../test/app.ts';
import { testTargets } from '../../../../test/db.ts';
import { phonesOn, profileBody } from './risk-fixtures.ts';

const RUNS = Number(process.env.BEKOGAZ_FUZZ_RUNS ?? 25);
type Schema = { type?: string | string[]; properties?: Record<string, Schema>; items?: Schema; anyOf?: Schema[]; const?: unknown; examples?: unknown[] };

const wild = fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.double(), fc.string(), fc.constant('ҷ\u0000\ud800'), fc.constant('9'.repeat(400)));
function near(schema: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 5) return wild;
  const options: fc.Arbitrary<unknown>[] = [];
  if (schema.const !== undefined) options.push(fc.constant(schema.const));
  if (schema.examples?.length) options.push(fc.constantFrom(...schema.examples));
  if (schema.anyOf) options.push(fc.oneof(...schema.anyOf.map((s) => near(s, depth + 1))));
  for (const type of Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : []) {
    if (type === 'string')
      options.push(fc.oneof(fc.string(), fc.constantFrom('2026-03-02', '2026-02-30', '010000101', 'KZ-1', '0193a6a0-7c1e-7a10-8000-000000000001')));
    if (type === 'integer' || type === 'number') options.push(fc.oneof(fc.integer({ min: -3, max: 200 }), fc.constant(1e308), fc.double({ min: 0, max: 1 })));
    if (type === 'boolean') options.push(fc.boolean());
    if (type === 'array') options.push(fc.array(near(schema.items, depth + 1), { maxLength: 4 }));
    if (type === 'object' && schema.properties) {
      const props = Object.fromEntries(Object.entries(schema.properties).map(([k, s]) => [k, near(s, depth + 1)]));
      options.push(fc.record(props, { requiredKeys: [] }));
    }
  }
  return options.length > 0 ? fc.oneof({ weight: 5, arbitrary: fc.oneof(...options) }, { weight: 1, arbitrary: wild }) : wild;
}

for (const target of testTargets()) {
  describe(`random requests to the risk routes [${target}]`, () => {
    let t: TestApp;
    let clients: Client[];
    let profileId: string;
    before(async () => {
      t = await startTestApp(target);
      const analyst = await t.as('risk_analyst');
      clients = [analyst, await t.as('customs_officer'), await t.as('declarant', { tin: '010000101' })];
      profileId = (await analyst.post('/api/risk/profiles', profileBody('RP-FUZZ', phonesOn('09 FZ 0001')))).body.id;
    });
    after(() => t.close());

    test('FIS-GEN-05, CUS-RMS-21: no risk route answers random input with a 500', async () => {
      const spec = (await t.anon.get('/docs/json')).body as {
        paths: Record<
          string,
          Record<string, { requestBody?: { content?: Record<string, { schema?: Schema }> }; parameters?: { in: string; name: string; schema: Schema }[] }>
        >;
      };
      let requests = 0;
      for (const [path, ops] of Object.entries(spec.paths).filter(([p]) => p.startsWith('/api/risk/'))) {
        for (const [method, op] of Object.entries(ops)) {
          const query = Object.fromEntries((op.parameters ?? []).filter((p) => p.in === 'query').map((p) => [p.name, near(p.schema)]));
          await fc.assert(
            fc.asyncProperty(
              fc.constantFrom(...clients),
              fc.constantFrom(profileId, '0193a6a0-7c1e-7a10-8000-000000000001', 'x'.repeat(40), '1', '-1', '99999999999'),
              near(op.requestBody?.content?.['application/json']?.schema),
              fc.record(query, { requiredKeys: [] }),
              async (client, param, body, q) => {
                const url = path.replace(/\{[^}]+\}/g, encodeURIComponent(param));
                const qs = new URLSearchParams(Object.entries(q).map(([k, v]) => [k, String(v)])).toString();
                const r = await t.app.inject({
                  method: method.toUpperCase() as 'GET',
                  url: qs ? `${url}?${qs}` : url,
                  headers: { 'content-type': 'application/json', ...(client.token ? { authorization: `Bearer ${client.token}` } : {}) },
                  ...(method === 'get' ? {} : { payload: JSON.stringify(body ?? null) }),
                });
                requests += 1;
                assert.ok(r.statusCode < 500, `${method} ${url} → ${r.statusCode} ${r.body.slice(0, 300)}`);
                if (r.statusCode >= 400) assert.match(r.json().code, /^[A-Z_]+$/);
              },
            ),
            { numRuns: RUNS },
          );
        }
      }
      assert.ok(requests >= 15 * RUNS, `${requests} requests`);
    });
  });
}
