import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type Client, startTestApp, type TestApp } from '../../../../test/app.ts';
import { testAuthority, upload } from '../../../../test/customs-fixtures.ts';
import { testTargets } from '../../../../test/db.ts';
import { activeProfile, decisionOf, type Filer, profileBody, register, TRADER } from './risk-fixtures.ts';

const CODE = 'RP-SECRET-7731';
const AREA = { tg: 'МАХФӢ-СОҲА-7731', ru: 'СЕКРЕТНАЯ-ОБЛАСТЬ-7731', en: 'CONFIDENTIAL-AREA-7731' };
const DECOY = 'XX-DECOY7731';
/** Strings of the profile that must never reach a declarant. */
const SECRETS = [CODE, AREA.tg, AREA.ru, AREA.en, DECOY, '"op"', 'profileCodes', '"hits"', 'traderCode"'];

for (const target of testTargets()) {
  describe(`risk management: confidentiality of profiles [${target}]`, () => {
    let t: TestApp;
    let declarant: Client;
    let officer: Client;
    let analyst: Client;
    let filer: Filer;

    before(async () => {
      t = await startTestApp(target, '2026-03-02T05:00:00Z');
      declarant = await t.as('declarant', { tin: TRADER });
      officer = await t.as('customs_officer');
      analyst = await t.as('risk_analyst');
      const ca = await testAuthority();
      assert.equal((await officer.post('/api/customs/trusted-issuers', { name: 'Test CA', certificatePem: ca.certificatePem })).status, 201);
      const docs = { invoice: await upload(declarant, 'invoice'), contract: await upload(declarant, 'contract'), cmr: await upload(declarant, 'cmr') };
      filer = { client: declarant, signer: await ca.signer(TRADER), docs };
    });
    after(() => t.close());

    test('CUS-RMS-22, IMP-17, art.429(2) p.3: every customs view a declarant has of a selected declaration shows the lane and the measures and never a profile code, area, indicator or hit', async () => {
      const indicator = {
        op: 'all',
        of: [
          { op: 'in', field: 'vehicle', values: ['03 SEC 7731'] },
          { op: 'not', of: { op: 'in', field: 'traderCode', values: [DECOY] } },
          { op: 'prefix', field: 'item.commodityCode', values: ['8517'] },
        ],
      };
      await activeProfile(analyst, await t.as('risk_analyst'), {
        ...profileBody(CODE, indicator, { measures: ['physical_examination', 'samples'] }),
        area: AREA,
      });
      const d = await register(filer, '03 SEC 7731');
      const decision = await decisionOf(t, officer, d.id);
      assert.deepEqual([decision.lane, decision.profileCodes], ['red', [CODE]], 'the officer sees the basis code');
      await officer.post(`/api/customs/declarations/${d.id}/control-events`, {
        kind: 'examination_notified',
        note: 'Муоина',
        place: 'СВХ Душанбе',
        scheduledAt: '2026-03-03T04:00:00Z',
      });

      // Every GET route of customs and the notifications a declarant may call, with this declaration's keys.
      const spec = (await t.anon.get('/docs/json')).body as { paths: Record<string, Record<string, unknown>> };
      const keys: Record<string, string> = { id: d.id, reference: d.number, number: d.number, sha256: filer.docs.invoice };
      const paths = Object.entries(spec.paths)
        .filter(([path, ops]) => 'get' in ops && (path.startsWith('/api/customs/') || path === '/api/notifications' || path === '/api/risk/my-facts'))
        .map(([path]) => path)
        .filter((path) => [...path.matchAll(/\{(\w+)\}/g)].every((m) => (m[1] as string) in keys));
      assert.ok(paths.includes('/api/customs/declarations/{id}') && paths.includes('/api/customs/declarations'), paths.join(' '));
      let seen = 0;
      for (const path of paths) {
        const url = path.replace(/\{(\w+)\}/g, (_, k: string) => encodeURIComponent(keys[k] as string));
        const r = await declarant.get(url);
        assert.ok(r.status < 500, `${url} → ${r.status}`);
        if (r.status !== 200) continue;
        seen += 1;
        for (const secret of SECRETS) assert.ok(!r.text.includes(secret), `${url} shows “${secret}” to the declarant`);
      }
      assert.ok(seen >= 4, `only ${seen} declarant views answered`);
      const view = await declarant.get(`/api/customs/declarations/${d.id}`);
      assert.deepEqual(
        [view.body.riskLane, view.body.riskMeasures],
        ['red', ['physical_examination', 'samples']],
        'the declarant sees the lane and the measures',
      );

      // The risk context itself: nothing of a decision or a profile for a declarant; no detail or indicator for an officer.
      for (const url of [
        '/api/risk/profiles',
        `/api/risk/decisions?subjectId=${d.id}`,
        `/api/risk/decisions/${decision.id}`,
        `/api/risk/decisions/${decision.id}/reproduce`,
        '/api/risk/reports/profiles',
        '/api/risk/reports/lanes',
        '/api/risk/settings',
      ])
        assert.equal((await declarant.get(url)).status, 403, url);
      for (const url of ['/api/risk/profiles', `/api/risk/decisions/${decision.id}`, '/api/risk/reports/profiles', '/api/risk/settings'])
        assert.equal((await officer.get(url)).status, 403, url);
      const queue = await officer.get('/api/risk/decisions?lane=red');
      assert.ok(
        queue.body.some((q: { id: string }) => q.id === decision.id),
        'the officer’s red-lane work queue',
      );
      assert.ok(!queue.text.includes(DECOY) && !queue.text.includes(AREA.en), 'the officer never sees the indicator or the area');
      const full = await analyst.get(`/api/risk/decisions/${decision.id}`);
      assert.ok(full.text.includes(DECOY), 'the risk analyst sees the indicator that fired');
    });
  });
}
