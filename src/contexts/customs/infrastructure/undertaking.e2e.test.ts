import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type Client, startTestApp, type TestApp } from '../../../../test/app.ts';
import { testTargets } from '../../../../test/db.ts';
import { DECLARANT, type Harness, harness } from './filing.fixtures.ts';

const given = (over: Record<string, unknown> = {}) => ({
  channel: 'electronic',
  officeCode: 'DUSHANBE',
  direction: 'export',
  periodDays: 30,
  transportDocument: { typeCode: 'CMR', number: 'CMR-U1' },
  commodityCodes: ['8517', '1701'],
  goodsDescription: 'Smartphones and sugar released before the declaration',
  ...over,
});

for (const target of testTargets()) {
  describe(`undertakings of art.150 [${target}]`, () => {
    let t: TestApp;
    let h: Harness;
    let head: Client;

    // Monday 2 March 2026, 10:00 in Dushanbe.
    before(async () => {
      t = await startTestApp(target, '2026-03-02T05:00:00Z');
      h = await harness(t, 'und');
      head = await t.as('customs_head', { login: 'head-und' });
    });
    after(() => t.close());

    test('CUS-REL-08 AMB-18: an undertaking, electronic by the declarant or written recorded by customs, for no more than the limit in force', async () => {
      const limits = await h.declarant.get('/api/customs/undertaking-parameters');
      assert.deepEqual(
        limits.body.map((p: { validFrom: string; maxDays: number }) => [p.validFrom, p.maxDays]),
        [['2025-01-01', 45]],
      );
      const tooLong = await h.declarant.post('/api/customs/undertakings', given({ periodDays: 46 }));
      assert.deepEqual([tooLong.status, tooLong.body.code, tooLong.body.details.maxDays], [422, 'UNDERTAKING_PERIOD_TOO_LONG', 45]);
      const electronic = await h.declarant.post('/api/customs/undertakings', given({ periodDays: 45 }));
      assert.equal(electronic.status, 201, electronic.text);
      assert.match(electronic.body.number, /^UND-2026-\d{6}$/);
      assert.deepEqual(
        [electronic.body.state, electronic.body.channel, electronic.body.declarantCode, electronic.body.periodDays, electronic.body.maxDays],
        ['GIVEN', 'electronic', DECLARANT, 45, 45],
      );
      // The declarant does not record a written one, customs does not give an electronic one; a written one names its declarant.
      assert.equal((await h.declarant.post('/api/customs/undertakings', given({ channel: 'written' }))).body.code, 'UNDERTAKING_CHANNEL_INVALID');
      assert.equal((await h.officer.post('/api/customs/undertakings', given())).body.code, 'UNDERTAKING_CHANNEL_INVALID');
      assert.equal((await h.officer.post('/api/customs/undertakings', given({ channel: 'written' }))).body.code, 'UNDERTAKING_CHANNEL_INVALID');
      const written = await h.officer.post('/api/customs/undertakings', given({ channel: 'written', declarantCode: '020000202', periodDays: 10 }));
      assert.equal(written.status, 201, written.text);
      assert.deepEqual([written.body.channel, written.body.declarantCode, written.body.state], ['written', '020000202', 'GIVEN']);
      assert.equal((await h.declarant.post('/api/customs/undertakings', given({ officeCode: 'NOWHERE' }))).body.code, 'UNDERTAKING_OFFICE_UNKNOWN');
      // A declarant sees its own only.
      const mine = await h.declarant.get('/api/customs/undertakings');
      assert.ok(mine.body.every((u: { declarantCode: string }) => u.declarantCode === DECLARANT));
      assert.equal((await h.declarant.get(`/api/customs/undertakings/${written.body.number}`)).status, 404);
      assert.equal((await h.officer.get(`/api/customs/undertakings/${written.body.number}`)).status, 200);
    });

    test('CUS-REL-08 CUS-DEC-29: accepted, the goods are released before the declaration; they may leave; the export declaration filed later is accepted and fulfils it', async () => {
      const u = (await h.declarant.post('/api/customs/undertakings', given({ periodDays: 10 }))).body;
      assert.equal((await h.declarant.post(`/api/customs/undertakings/${u.number}/decision`, { accept: true })).status, 403);
      const accepted = await h.officer.post(`/api/customs/undertakings/${u.number}/decision`, { accept: true });
      assert.equal(accepted.status, 200, accepted.text);
      assert.equal(accepted.body.state, 'ACCEPTED');
      assert.equal(accepted.body.releasedAt, '2026-03-02T05:00:00.000Z');
      // Ten calendar days from the day of release: the end of 12 March in Dushanbe.
      assert.equal(accepted.body.dueAt, '2026-03-12T18:59:59.999Z');
      assert.equal((await h.officer.post(`/api/customs/undertakings/${u.number}/decision`, { accept: true })).body.code, 'UNDERTAKING_STATE_CONFLICT');
      // The goods leave under their CMR before any declaration; the declaration filed after is one of the Code's cases (art.150).
      const out = await h.officer.post('/api/customs/exits', {
        officeCode: 'FOTEHOBOD',
        exitedAt: '2026-03-02T09:00:00+05:00',
        transport: { mode: 'road', vehicles: ['01 TJ 1234 AA'] },
        transportDocument: { typeCode: 'CMR', number: 'CMR-U1' },
      });
      assert.equal(out.status, 201, out.text);
      const declaration = await h.registered(h.exportData('CMR-U1'));
      assert.equal(declaration.state, 'REGISTERED');
      // Goods of the same CMR without an undertaking would have been refused: another declarant's CMR-U1 shows the rule holds only by the undertaking.
      const refusedStranger = await h.officer.post(`/api/customs/undertakings/${u.number}/fulfilment`, { declarationNumber: 'DUSHANBE/020326/9999999' });
      assert.deepEqual([refusedStranger.body.code, refusedStranger.body.details.reason], ['UNDERTAKING_DECLARATION_INVALID', 'not_found']);
      const fulfilled = await h.declarant.post(`/api/customs/undertakings/${u.number}/fulfilment`, { declarationNumber: declaration.number });
      assert.equal(fulfilled.status, 200, fulfilled.text);
      assert.deepEqual([fulfilled.body.state, fulfilled.body.declarationNumber, fulfilled.body.isFulfilledLate], ['FULFILLED', declaration.number, false]);
      // Fulfilled, it no longer covers a further filing of the same goods.
      const again = await h.file(await h.draft(h.exportData('CMR-U1')));
      assert.deepEqual(again.body.details.reasons, [{ ground: 6, code: 'goods_already_exited', field: 'documents' }]);
    });

    test('CUS-REL-08: the checker flags an accepted undertaking overdue once its due time passes; a later declaration fulfils it late; a refused one never runs', async () => {
      const u = (await h.declarant.post('/api/customs/undertakings', given({ periodDays: 3, transportDocument: { typeCode: 'CMR', number: 'CMR-U2' } }))).body;
      await h.officer.post(`/api/customs/undertakings/${u.number}/decision`, { accept: true });
      const refused = (await h.declarant.post('/api/customs/undertakings', given({ transportDocument: { typeCode: 'CMR', number: 'CMR-U3' } }))).body;
      const no = await h.officer.post(`/api/customs/undertakings/${refused.number}/decision`, { accept: false, reason: 'no guarantee' });
      assert.deepEqual([no.body.state, no.body.refusalReason], ['REFUSED', 'no guarantee']);
      const overdueNotices = async (who: Client) =>
        ((await who.get('/api/notifications?limit=200')).body.items as { kind: string; title: { en: string } }[]).filter(
          (n) => n.kind === 'customs_undertaking_overdue' && n.title.en.includes(u.number),
        ).length;
      await t.c.worker.runOnce();
      assert.equal((await h.officer.get(`/api/customs/undertakings/${u.number}`)).body.state, 'ACCEPTED', 'not yet due');
      // The end of 5 March in Dushanbe has passed.
      t.clock.set('2026-03-05T19:00:01Z');
      await h.relogin();
      const { declarant, officer } = h;
      await t.c.worker.runOnce();
      const overdue = (await officer.get(`/api/customs/undertakings/${u.number}`)).body;
      assert.deepEqual([overdue.state, overdue.overdueAt], ['OVERDUE', '2026-03-05T19:00:01.000Z']);
      assert.equal(await overdueNotices(declarant), 1);
      assert.equal((await officer.get(`/api/customs/undertakings/${refused.number}`)).body.state, 'REFUSED');
      await t.c.worker.runOnce();
      assert.equal(await overdueNotices(declarant), 1, 'flagged once');
      const [event] = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM platform.outbox WHERE topic = 'customs.undertaking_overdue'`);
      assert.equal(Number(event?.n), 1);
      const late = await h.registered(h.exportData('CMR-U2'));
      const fulfilled = await declarant.post(`/api/customs/undertakings/${u.number}/fulfilment`, { declarationNumber: late.number });
      assert.deepEqual([fulfilled.body.state, fulfilled.body.isFulfilledLate], ['FULFILLED', true]);
      t.clock.set('2026-03-02T05:00:00Z');
      await h.relogin();
    });

    test('CUS-REL-08 AMB-18: the limit is a parameter the head records from a day; a longer period is refused under the new limit', async () => {
      assert.equal((await h.officer.post('/api/customs/undertaking-parameters', { validFrom: '2026-03-02', maxDays: 20, basis: 'x' })).status, 403);
      const recorded = await head.post('/api/customs/undertaking-parameters', {
        validFrom: '2026-03-02',
        maxDays: 20,
        basis: 'Order of the authorised body No 1',
      });
      assert.equal(recorded.status, 201, recorded.text);
      const refused = await h.declarant.post('/api/customs/undertakings', given({ periodDays: 21 }));
      assert.deepEqual([refused.body.code, refused.body.details.maxDays], ['UNDERTAKING_PERIOD_TOO_LONG', 20]);
      assert.equal((await h.declarant.post('/api/customs/undertakings', given({ periodDays: 20 }))).body.maxDays, 20);
    });
  });
}
