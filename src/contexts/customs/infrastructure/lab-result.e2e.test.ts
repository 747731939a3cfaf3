import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type Client, startTestApp, type TestApp } from '../../../../test/app.ts';
import { importDeclaration } from '../../../../test/customs-fixtures.ts';
import { testTargets } from '../../../../test/db.ts';
import { type Harness, harness } from './filing.fixtures.ts';

for (const target of testTargets()) {
  describe(`results of tests of samples [${target}]`, () => {
    let t: TestApp;
    let declarant: Client;
    let officer: Client;
    let docs: Harness['docs'];
    let h: Harness;

    // Monday 2 March 2026, 10:00 in Dushanbe.
    before(async () => {
      t = await startTestApp(target, '2026-03-02T05:00:00Z');
      h = await harness(t, 'lab-result');
      ({ declarant, officer, docs } = h);
    });
    after(() => t.close());

    /** A registered import that risk management sent to the red lane (an officer re-routes it, docs/risk.md). */
    const underControl = async () => {
      const id = await h.draft(importDeclaration(docs));
      const filed = await h.file(id);
      assert.equal(filed.status, 200, filed.text);
      await t.c.worker.runOnce();
      const [decision] = (await officer.get(`/api/risk/decisions?subjectId=${id}`)).body;
      assert.equal((await officer.post(`/api/risk/decisions/${decision.id}/reroute`, { lane: 'red' })).status, 200);
      return id;
    };
    const event = async (id: string, kind: string) => {
      const r = await officer.post(`/api/customs/declarations/${id}/control-events`, {
        kind,
        note: 'art.424',
        place: 'Лабораторияи гумрук',
        scheduledAt: '2026-03-03T04:00:00Z',
      });
      assert.equal(r.status, 200, r.text);
      return (r.body.controlEvents as { id: string; kind: string }[]).filter((e) => e.kind === kind).at(-1)?.id as string;
    };
    const result = (over: Record<string, unknown>) => ({
      laboratory: 'Лабораторияи марказии гумрукӣ / ЦТЛ',
      reportNumber: 'ЛБ-0042',
      reportedOn: '2026-03-02',
      items: [2],
      conclusion: 'does_not_conform',
      findings: 'Намуна шакари қамиш нест: таркиби сахароза 91 % / не соответствует заявленному',
      ...over,
    });

    test('CUS-DEC-20: results of tests of samples recorded against the expertise order are shown to the declarant of the goods, and to no other declarant', async () => {
      const id = await underControl();
      const examination = await event(id, 'examination_notified');
      const expertise = await event(id, 'expertise_ordered');

      const base = `/api/customs/declarations/${id}/lab-results`;
      assert.deepEqual((await declarant.get(base)).body, [], 'nothing before customs records a result');
      assert.equal((await declarant.post(base, result({ controlEventId: expertise }))).status, 403, 'the declarant does not record results');
      const notExpertise = await officer.post(base, result({ controlEventId: examination }));
      assert.deepEqual([notExpertise.status, notExpertise.body.code], [422, 'LAB_RESULT_EXPERTISE_NOT_FOUND']);
      const badItem = await officer.post(base, result({ controlEventId: expertise, items: [2, 9] }));
      assert.deepEqual([badItem.status, badItem.body.code, badItem.body.field], [422, 'LAB_RESULT_ITEM_UNKNOWN', 'body.items.1']);
      const future = await officer.post(base, result({ controlEventId: expertise, reportedOn: '2026-03-03' }));
      assert.deepEqual([future.status, future.body.code], [422, 'LAB_RESULT_DATE_INVALID']);

      const recorded = await officer.post(base, result({ controlEventId: expertise }));
      assert.equal(recorded.status, 201, recorded.text);

      const seen = await declarant.get(base);
      assert.equal(seen.status, 200, seen.text);
      assert.equal(seen.body.length, 1);
      assert.deepEqual(
        [seen.body[0].controlEventId, seen.body[0].conclusion, seen.body[0].items, seen.body[0].reportNumber],
        [expertise, 'does_not_conform', [2], 'ЛБ-0042'],
      );
      assert.match(seen.body[0].findings, /сахароза 91 %/);
      const inbox = await declarant.get('/api/notifications');
      assert.ok(
        (inbox.body.items as { kind: string; subject?: { id: string } }[]).some((n) => n.kind === 'customs_lab_result_recorded'),
        'the declarant is told that results are there',
      );

      // Another declarant's account: the declaration and its results do not exist for it.
      const stranger = await t.as('declarant', { tin: '020000202' });
      const hidden = await stranger.get(base);
      assert.deepEqual([hidden.status, hidden.body.code], [404, 'DECLARATION_NOT_FOUND']);
      // A declaration with no expertise has none.
      const other = await underControl();
      const none = await officer.post(`/api/customs/declarations/${other}/lab-results`, result({ controlEventId: expertise }));
      assert.deepEqual([none.status, none.body.code], [422, 'LAB_RESULT_EXPERTISE_NOT_FOUND'], 'an order of another declaration does not count');
    });
  });
}
