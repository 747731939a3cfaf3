import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type Client, startTestApp, type TestApp } from '../../../../test/app.ts';
import { testTargets } from '../../../../test/db.ts';
import { makeTsc } from '../../../../test/fiscal-factories.ts';
import { registeredModule } from '../../../../test/intake-fixture.ts';
import { verifyAuditChain } from '../../../platform/audit.ts';

/** Monday 6 April 2026, 10:00 in Dushanbe. */
const MONDAY = '2026-04-06T05:00:00Z';
const DAY = 86_400_000;

for (const target of testTargets()) {
  describe(`the operator's conclusion on a TSC (p.59) [${target}]`, () => {
    let t: TestApp;
    let officer: Client;
    let admin: Client;
    let negligent: Awaited<ReturnType<typeof makeTsc>>;
    let diligent: Awaited<ReturnType<typeof makeTsc>>;

    before(async () => {
      t = await startTestApp(target, MONDAY);
      officer = await t.as('tax_officer');
      admin = await t.as('operator_admin');
      negligent = await makeTsc(t);
      diligent = await makeTsc(t);
      // The negligent TSC registers a register and never makes its yearly inspection (p.89).
      await registeredModule(t, officer, negligent);
      t.clock.advance(400 * DAY);
      // Sessions expire: log in again 400 days on.
      officer = await t.as('tax_officer');
      admin = await t.as('operator_admin');
    });
    after(() => t.close());

    test('FIS-OPR-14: on the instruction of the authorised body the operator concludes that a TSC with an overdue yearly inspection does not fully perform its duties and recommends its removal', async () => {
      const asked = await officer.post(`/api/fiscal/tscs/${negligent.id}/conclusions`, {
        instructionReference: 'КА-2027/15',
        periodFrom: '2026-04-01',
        periodTo: '2027-05-10',
      });
      assert.equal(asked.status, 201, asked.text);
      assert.equal(asked.body.status, 'instructed');
      assert.equal(asked.body.fullyPerforms, null);
      const operatorInbox = (await admin.get('/api/notifications?limit=50')).body.items as { kind: string; body: { tg: string } }[];
      assert.ok(operatorInbox.some((n) => n.kind === 'tsc_conclusion.instructed' && n.body.tg.includes('КА-2027/15')));

      const given = await admin.post(`/api/fiscal/tsc-conclusions/${asked.body.id}/give`, { comment: 'Санҷиши ҳарсола гузаронида нашудааст.' });
      assert.equal(given.status, 200, given.text);
      assert.equal(given.body.status, 'given');
      assert.equal(given.body.fullyPerforms, false);
      assert.equal(given.body.recommendation, 'remove');
      assert.deepEqual(given.body.findings, [{ code: 'DEADLINE_OVERDUE', kind: 'ANNUAL_INSPECTION', legalRef: 'p.89', count: 1 }]);
      assert.ok(given.body.deadlinesStudied >= 2, 'the registration entry (kept) and the inspection (missed)');
      assert.equal(given.body.deadlinesKept, given.body.deadlinesStudied - 1);
      const officerInbox = (await officer.get('/api/notifications?limit=50')).body.items as { kind: string; body: { tg: string; ru: string; en: string } }[];
      const notice = officerInbox.find((n) => n.kind === 'tsc_conclusion.removal_recommended');
      assert.ok(notice, 'the authorised body is told');
      assert.match(notice.body.en, /recommends removing it from the state registry/);
      assert.match(notice.body.tg, /аз феҳристи давлатӣ хориҷ/);

      const again = await admin.post(`/api/fiscal/tsc-conclusions/${asked.body.id}/give`, {});
      assert.equal(again.status, 409);
      assert.equal(again.body.code, 'CONCLUSION_ALREADY_GIVEN');
      const list = await officer.get(`/api/fiscal/tscs/${negligent.id}/conclusions`);
      assert.equal(list.status, 200);
      assert.equal(list.body.length, 1);
      assert.equal(list.body[0].operatorComment, 'Санҷиши ҳарсола гузаронида нашудааст.');
      assert.equal((await verifyAuditChain(t.db.db)).isIntact, true);
    });

    test('FIS-OPR-14: a TSC with nothing overdue, a registered specialist and active access fully performs; no removal is recommended', async () => {
      const asked = await officer.post(`/api/fiscal/tscs/${diligent.id}/conclusions`, {
        instructionReference: 'КА-2027/16',
        periodFrom: '2026-04-01',
        periodTo: '2027-05-10',
      });
      assert.equal(asked.status, 201, asked.text);
      const given = await admin.post(`/api/fiscal/tsc-conclusions/${asked.body.id}/give`, {});
      assert.equal(given.status, 200, given.text);
      assert.equal(given.body.fullyPerforms, true);
      assert.equal(given.body.recommendation, 'none');
      assert.deepEqual(given.body.findings, []);
    });

    test('FIS-OPR-14: only the authorised body instructs and only the operator concludes; a bad period or an unknown TSC is refused and nothing is written', async () => {
      const count = async () => Number((await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM fiscal.tsc_conclusions'))[0]?.n);
      const n = await count();
      const body = { instructionReference: 'КА-1', periodFrom: '2026-04-01', periodTo: '2026-05-01' };
      assert.equal((await admin.post(`/api/fiscal/tscs/${diligent.id}/conclusions`, body)).status, 403);
      const business = await t.as('business', { tin: '400000007' });
      assert.equal((await business.post(`/api/fiscal/tscs/${diligent.id}/conclusions`, body)).status, 403);
      const backwards = await officer.post(`/api/fiscal/tscs/${diligent.id}/conclusions`, { ...body, periodTo: '2026-03-01' });
      assert.equal(backwards.status, 422);
      assert.equal(backwards.body.code, 'PERIOD_INVALID');
      assert.equal(backwards.body.title, 'Давра нодуруст аст');
      const unknown = await officer.post('/api/fiscal/tscs/01900000-0000-7000-8000-00000000ffff/conclusions', body);
      assert.equal(unknown.status, 404);
      assert.equal(unknown.body.code, 'TSC_NOT_FOUND');
      const asked = await officer.post(`/api/fiscal/tscs/${diligent.id}/conclusions`, body);
      assert.equal((await officer.post(`/api/fiscal/tsc-conclusions/${asked.body.id}/give`, {})).status, 403);
      assert.equal((await admin.post('/api/fiscal/tsc-conclusions/01900000-0000-7000-8000-00000000ffff/give', {})).body.code, 'CONCLUSION_NOT_FOUND');
      assert.equal(await count(), n + 1);
    });
  });
}
