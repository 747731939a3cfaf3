import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { seedDemo } from '../../../app/demo-seed.ts';
import { startTestApp, type TestApp } from '../../../../test/app.ts';
import { testTargets } from '../../../../test/db.ts';

for (const target of testTargets()) {
  describe(`tax-services demo data [${target}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(target, '2026-11-24T06:00:00Z');
    });
    after(() => t.close());

    test('TS-32 TS-49: the demo gives the TSD a dashboard and the citizen a cabinet with requests in every state', async () => {
      assert.equal(await seedDemo(t.c), true);
      assert.equal(await seedDemo(t.c), false, 'loaded once');
      const tsd = await t.login('tsd', 'tsd-demo-1');
      const d = (await tsd.get('/api/tax-services/dashboard')).body;
      assert.ok(d.totals.open > 5 && d.totals.closed > 5, JSON.stringify(d.totals));
      assert.ok(d.totals.breached > 0 && d.totals.suspended > 0);
      const citizen = await t.login('citizen', 'citizen-demo-1');
      const mine = (await citizen.get('/api/tax-services/requests')).body as { applicant: { tin: string } }[];
      assert.ok(mine.length > 5);
      assert.ok(mine.every((r) => r.applicant.tin === '300000011'));
    });
  });
}
