import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type Client, startTestApp, type TestApp } from '../../../../test/app.ts';
import { testTargets } from '../../../../test/db.ts';
import { ratingSummary } from '../index.ts';

type Row = { key: string; count: number; overall: number | null; courtesy: number | null; satisfiedShare: number | null; distribution: number[] };

for (const target of testTargets()) {
  describe(`the "Evaluation of service quality" module, TS-14 TS-41 [${target}]`, () => {
    let t: TestApp;
    let tsd: Client;
    let officer: Client;
    let taxpayer: Client;
    let other: Client;
    let requestId: string;

    before(async () => {
      // Monday 14 September 2026, 10:00 in Dushanbe.
      t = await startTestApp(target, '2026-09-14T05:00:00Z');
      tsd = await t.as('service_officer');
      officer = await t.as('tax_officer');
      taxpayer = await t.as('taxpayer', { tin: '600000001' });
      other = await t.as('business', { tin: '600000002' });
    });
    after(() => t.close());

    const survey = { overall: 5, courtesy: 4, clarity: 5, timeliness: 3, comment: 'Тез ва хушмуомила' };

    test('TS-14 TS-41 06.06.04: after a closed request its applicant rates it once; nobody else can', async () => {
      const opened = await taxpayer.post('/api/tax-services/requests', { serviceKey: '06.06.04', subject: { from: '2026-01-01', to: '2026-06-30' } });
      assert.equal(opened.status, 201, opened.text);
      requestId = opened.body.id;
      const early = await taxpayer.post(`/api/tax-services/requests/${requestId}/rating`, survey);
      assert.equal(early.status, 409);
      assert.equal(early.body.code, 'RATING_REQUEST_NOT_CLOSED');
      const done = await tsd.post(`/api/tax-services/requests/${requestId}/complete`, {});
      assert.equal(done.status, 200, done.text);

      assert.equal((await other.post(`/api/tax-services/requests/${requestId}/rating`, survey)).body.code, 'REQUEST_NOT_FOUND');
      assert.equal((await tsd.post(`/api/tax-services/requests/${requestId}/rating`, survey)).body.code, 'FORBIDDEN');
      assert.equal((await t.anon.post(`/api/tax-services/requests/${requestId}/rating`, survey)).body.code, 'UNAUTHENTICATED');
      const outOfScale = await taxpayer.post(`/api/tax-services/requests/${requestId}/rating`, { ...survey, overall: 6 });
      assert.equal(outOfScale.status, 400);
      assert.equal(outOfScale.body.field, 'body.overall');
      const { courtesy: _c, ...incomplete } = survey;
      assert.equal((await taxpayer.post(`/api/tax-services/requests/${requestId}/rating`, incomplete)).body.code, 'VALIDATION_FAILED');
      assert.equal((await taxpayer.post('/api/tax-services/requests/0193a6a0-7c1e-7a10-8000-000000000001/rating', survey)).body.code, 'REQUEST_NOT_FOUND');

      assert.equal((await taxpayer.get(`/api/tax-services/requests/${requestId}`)).body.isRated, false);
      const rated = await taxpayer.post(`/api/tax-services/requests/${requestId}/rating`, survey);
      assert.equal(rated.status, 201, rated.text);
      assert.equal((await taxpayer.get(`/api/tax-services/requests/${requestId}`)).body.isRated, true, 'the cabinet knows not to ask again');
      const second = await taxpayer.post(`/api/tax-services/requests/${requestId}/rating`, { ...survey, overall: 1 });
      assert.equal(second.status, 409);
      assert.equal(second.body.code, 'RATING_ALREADY_GIVEN');
    });

    test('TS-18 TS-21 TS-41: anyone rates a unit and its staff with remarks and proposals, on the website or through 151', async () => {
      const staff = { staffName: 'Саидов Алишер', remark: 'Навбат дароз буд', proposal: 'Терминали дуюм гузоред' };
      const anonymous = await t.anon.post('/api/public/tax-services/units/dushanbe-sino/ratings', {
        overall: 2,
        courtesy: 1,
        clarity: 3,
        timeliness: 2,
        ...staff,
      });
      assert.equal(anonymous.status, 201, anonymous.text);
      const fromCabinet = await taxpayer.post('/api/public/tax-services/units/dushanbe-sino/ratings', {
        overall: 4,
        courtesy: 5,
        clarity: 4,
        timeliness: 3,
        staffName: 'Саидов Алишер',
      });
      assert.equal(fromCabinet.status, 201, fromCabinet.text);
      const byPhone = await officer.post('/api/public/tax-services/units/dushanbe-sino/ratings', {
        overall: 3,
        courtesy: 3,
        clarity: 3,
        timeliness: 3,
        viaPhone151: true,
        raterName: 'Зангзананда',
      });
      assert.equal(byPhone.status, 201, byPhone.text);
      const unknown = await t.anon.post('/api/public/tax-services/units/nowhere/ratings', { overall: 3, courtesy: 3, clarity: 3, timeliness: 3 });
      assert.equal(unknown.status, 404);
      assert.equal(unknown.body.code, 'UNIT_NOT_FOUND');

      const published = await t.anon.get('/api/public/tax-services/units/dushanbe-sino/ratings');
      assert.equal(published.status, 200, published.text);
      assert.equal(published.body.totals.count, 3);
      assert.equal(published.body.totals.overall, 3);
      assert.deepEqual(published.body.totals.distribution, [0, 1, 1, 1, 0]);
      assert.equal((await t.anon.get('/api/public/tax-services/units/nowhere/ratings')).body.code, 'UNIT_NOT_FOUND');

      const remarks = (await tsd.get('/api/tax-services/ratings/remarks?unitCode=dushanbe-sino')).body as {
        remark: string;
        proposal: string;
        staffName: string;
      }[];
      assert.ok(remarks.some((r) => r.remark === staff.remark && r.proposal === staff.proposal && r.staffName === staff.staffName));
      assert.equal((await t.anon.get('/api/tax-services/ratings/remarks')).body.code, 'UNAUTHENTICATED');
      assert.equal((await taxpayer.get('/api/tax-services/ratings/remarks')).body.code, 'FORBIDDEN');
    });

    test('TS-32 TS-34 TS-41: aggregates per service, unit, channel and staff member feed the dashboard and the reports', async () => {
      const r = await tsd.get('/api/tax-services/ratings/summary');
      assert.equal(r.status, 200, r.text);
      assert.equal(r.body.from, '2026-09-01');
      assert.equal(r.body.to, '2026-09-14');
      assert.equal(r.body.totals.count, 4);
      assert.equal(r.body.totals.overall, (5 + 2 + 4 + 3) / 4);
      assert.equal(r.body.totals.satisfiedShare, 0.5);
      const service = (r.body.byService as Row[]).find((x) => x.key === '06.06.04');
      assert.deepEqual({ count: service?.count, overall: service?.overall, courtesy: service?.courtesy }, { count: 1, overall: 5, courtesy: 4 });
      assert.equal((r.body.byService as Row[]).length, 1, 'ratings of a unit belong to no service');
      const channels = Object.fromEntries((r.body.byChannel as Row[]).map((x) => [x.key, x.count]));
      assert.deepEqual(channels, { cabinet: 3, phone_151: 1 });
      const staff = (r.body.byStaff as Row[]).find((x) => x.key === 'dushanbe-sino / Саидов Алишер');
      assert.deepEqual({ count: staff?.count, overall: staff?.overall }, { count: 2, overall: 3 });
      const sino = (r.body.byUnit as Row[]).find((x) => x.key === 'dushanbe-sino');
      assert.equal(sino?.count, 3);
      const units = (await tsd.get('/api/tax-services/ratings/summary?kind=unit')).body;
      assert.equal(units.totals.count, 3);
      const lastMonth = (await tsd.get('/api/tax-services/ratings/summary?from=2026-08-01&to=2026-08-31')).body;
      assert.equal(lastMonth.totals.count, 0);
      assert.equal(lastMonth.totals.overall, null);
      // The function the dashboard calls returns the same figures.
      assert.deepEqual(JSON.parse(JSON.stringify(await ratingSummary(t.c.taxServices.deps, {}))), r.body);
      assert.equal((await officer.get('/api/tax-services/ratings/summary')).status, 200);
      assert.equal((await taxpayer.get('/api/tax-services/ratings/summary')).body.code, 'FORBIDDEN');
    });
  });
}
