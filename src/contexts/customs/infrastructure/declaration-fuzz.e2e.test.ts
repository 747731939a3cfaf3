import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { type Client, startTestApp, type TestApp } from '../../../../test/app.ts';
import { importDeclaration, type Signer, testAuthority, upload } from '../../../../test/customs-fixtures.ts';
import { testTargets } from '../../../../test/db.ts';

/** Sets `path` in a deep copy of `value` to `next` (undefined removes the key). */
function mutate(value: unknown, path: readonly (string | number)[], next: unknown): unknown {
  if (path.length === 0) return next;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  if (Array.isArray(value)) {
    const copy = [...value];
    const i = Number(head) % Math.max(1, copy.length);
    copy[i] = mutate(copy[i], rest, next);
    return copy;
  }
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    if (rest.length === 0 && next === undefined) delete copy[String(head)];
    else copy[String(head)] = mutate(copy[String(head)], rest, next);
    return copy;
  }
  return value;
}

/** Every path to a leaf of a declaration (array positions included). */
function leaves(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...prefix, i]));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, [...prefix, k]));
  return [prefix];
}

const junk = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.constantFrom('', ' ', '-1', '1e309', '0.0001', '9999999999999999.99', 'ZZ', '0000000000', '<script>', 'ǅ\u0000', '2026-02-30'),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.object({ maxDepth: 1 }),
);

for (const target of testTargets()) {
  describe(`random and malformed declarations [${target}]`, () => {
    let t: TestApp;
    let declarant: Client;
    let signer: Signer;
    let docs: { invoice: string; contract: string; cmr: string };

    before(async () => {
      t = await startTestApp(target, '2026-03-02T05:00:00Z');
      declarant = await t.as('declarant', { tin: '010000101' });
      const officer = await t.as('customs_officer');
      const ca = await testAuthority();
      await officer.post('/api/customs/trusted-issuers', { name: 'Test CA', certificatePem: ca.certificatePem });
      signer = await ca.signer('010000101');
      docs = { invoice: await upload(declarant, 'invoice'), contract: await upload(declarant, 'contract'), cmr: await upload(declarant, 'cmr') };
    });
    after(() => t.close());

    test('issue #5 property: a random or malformed declaration never gets a 500, and a refused filing leaves a draft without a number, a version or an assessment', async () => {
      const valid = importDeclaration(docs);
      const paths = leaves(valid);
      await fc.assert(
        fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom(...paths), junk), { minLength: 1, maxLength: 4 }), async (changes) => {
          let data: unknown = valid;
          for (const [path, value] of changes) data = mutate(data, path, value);
          const created = await declarant.post('/api/customs/declarations', { form: 'standard', data });
          assert.ok(created.status < 500, `draft: ${created.status} ${created.text}`);
          if (created.status !== 201) {
            assert.equal(created.headers['content-type']?.toString().startsWith('application/problem+json'), true);
            return;
          }
          const id = created.body.id as string;
          const payload = await declarant.get(`/api/customs/declarations/${id}/signing-payload`);
          const filed = await declarant.post(`/api/customs/declarations/${id}/filing`, {
            signature: await signer.sign(payload.body.payload),
            certificatePem: signer.certificatePem,
          });
          assert.ok(filed.status < 500, `filing: ${filed.status} ${filed.text}`);
          const after = (await declarant.get(`/api/customs/declarations/${id}`)).body;
          if (filed.status === 200) assert.equal(after.state, 'REGISTERED');
          else {
            assert.equal(filed.body.code, 'DECLARATION_NOT_REGISTERABLE', filed.text);
            assert.deepEqual([after.state, after.number, after.versions.length, after.assessment], ['DRAFT', null, 0, null]);
          }
        }),
        { numRuns: 60, seed: 20261207 },
      );
      // Nothing half-written: every registered declaration has its first version, and no draft has one.
      const [counts] = await t.db.query<{ broken: string }>(
        `SELECT count(*)::text AS broken FROM customs.declarations d
          WHERE (d.state = 'DRAFT') = EXISTS (SELECT 1 FROM customs.declaration_versions v WHERE v.declaration_id = d.id)`,
      );
      assert.equal(counts?.broken, '0');
    });
  });
}
