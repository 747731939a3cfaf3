import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../../../../test/app.ts';
import { testTargets } from '../../../../test/db.ts';
import { seedDemo } from '../../../app/demo-seed.ts';

for (const target of testTargets()) {
  describe(`customs and risk demo data [${target}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(target, '2026-11-24T06:00:00Z');
      assert.equal(await seedDemo(t.c), true);
    });
    after(() => t.close());

    test('CUS-RMS-21: the demo has an active profile written by one analyst and approved by the other, and every customs role can log in', async () => {
      const analyst = await t.login('analyst', 'analyst-demo-1');
      const list = (await analyst.get('/api/risk/profiles')).body as { id: string; code: string }[];
      const demo = list.find((p) => p.code === 'RP-DEMO-PHONES-CN');
      assert.ok(demo, JSON.stringify(list));
      const profile = (await analyst.get(`/api/risk/profiles/${demo.id}`)).body;
      const v1 = profile.versions.find((v: { version: number }) => v.version === 1);
      assert.equal(v1.state, 'active');
      assert.notEqual(v1.approvedBy, v1.createdBy, 'four eyes');
      assert.deepEqual((await analyst.get('/api/risk/price-tables')).body, [{ name: 'demo_phones', prices: 2 }]);
      for (const [login, secret, path] of [
        ['customs', 'customs-demo-1', '/api/customs/declarations'],
        ['head', 'head-demo-1', '/api/customs/audits'],
        ['declarant', 'declarant-demo-1', '/api/customs/declarations'],
        ['analyst2', 'analyst2-demo-1', '/api/risk/profiles'],
      ] as const) {
        const client = await t.login(login, secret);
        const answer = await client.get(path);
        assert.equal(answer.status, 200, `${login}: ${answer.text}`);
      }
    });
  });
}
