import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type Client, startTestApp, type TestApp } from '../../../../test/app.ts';
import { testTargets } from '../../../../test/db.ts';
import { parseCsv } from '../../../platform/csv.ts';

type Value = { code: string; scope: string; value: number | null; numerator: number | null; denominator: number | null };
type Note = {
  year: number;
  month: number;
  revision: number;
  requestId: string;
  number: string;
  dueAt: string;
  completedAt: string;
  isLate: boolean;
  files: { id: string; mediaType: string }[];
};

for (const target of testTargets()) {
  describe(`quality monitoring: the monthly note 10.10.03 and the annual indicators [${target}]`, () => {
    let t: TestApp;
    let tsd: Client;
    let officer: Client;
    let taxpayer: Client;

    const LOGINS = [`q-tsd-${target}`, `q-officer-${target}`, `q-taxpayer-${target}`] as const;
    /** Moves the clock and logs everyone in again (sessions expire when a test jumps months ahead). */
    const at = async (iso: string) => {
      t.clock.set(iso);
      [tsd, officer, taxpayer] = (await Promise.all(LOGINS.map((l) => t.login(l, 'secret-123456')))) as [Client, Client, Client];
    };

    /**
     * September 2026: three cabinet requests for 06.06.04 (1 working day) — one delivered on time, one
     * late, one left open past its deadline — a complaint through the Book answered in time, a
     * complaint by 151 still under review, and two ratings.
     */
    before(async () => {
      t = await startTestApp(target, '2026-09-14T05:00:00Z'); // Monday 14 September, 10:00
      tsd = await t.as('service_officer', { login: LOGINS[0] });
      officer = await t.as('tax_officer', { login: LOGINS[1] });
      taxpayer = await t.as('taxpayer', { tin: '700000001', login: LOGINS[2] });
      const open = async () => {
        const r = await taxpayer.post('/api/tax-services/requests', { serviceKey: '06.06.04', subject: { from: '2026-01-01', to: '2026-06-30' } });
        assert.equal(r.status, 201, r.text);
        return r.body.id as string;
      };
      const [onTime, late] = [await open(), await open()];
      const book = await t.anon.post('/api/public/tax-services/complaint-book', { complainant: { name: 'Раҳимова З.' }, text: 'Маълумотнома дер дода шуд.' });
      assert.equal(book.status, 201, book.text);
      await at('2026-09-15T04:00:00Z'); // Tuesday 09:00
      assert.equal((await tsd.post(`/api/tax-services/requests/${onTime}/complete`, {})).status, 200);
      assert.equal((await taxpayer.post(`/api/tax-services/requests/${onTime}/rating`, { overall: 5, courtesy: 5, clarity: 5, timeliness: 5 })).status, 201);
      const byPhone = await officer.post('/api/tax-services/complaints', {
        serviceKey: '11.11.02',
        channel: 'phone_151',
        complainant: { name: 'Содиқов Р.', tin: '700000001' },
        text: 'Ба занги ман ҷавоб надоданд.',
      });
      assert.equal(byPhone.status, 201, byPhone.text);
      await at('2026-09-16T05:00:00Z');
      assert.equal((await tsd.post(`/api/tax-services/requests/${late}/complete`, {})).status, 200);
      assert.equal(
        (await t.anon.post('/api/public/tax-services/units/dushanbe-sino/ratings', { overall: 2, courtesy: 2, clarity: 2, timeliness: 2 })).status,
        201,
      );
      await at('2026-09-21T06:00:00Z');
      const [bookComplaint] = ((await tsd.get('/api/tax-services/complaints?limit=500')).body as { id: string; channel: string }[]).filter(
        (c) => c.channel === 'complaint_book',
      );
      assert.equal(
        (await tsd.post(`/api/tax-services/complaints/${bookComplaint?.id}/reply`, { outcome: 'explained', text: 'Маълумотнома омода аст.' })).status,
        200,
      );
      await at('2026-09-28T05:00:00Z');
      await open();
    });
    after(() => t.close());

    test('TS-33 10.10.03: a month’s note cannot be made before the month has ended', async () => {
      await at('2026-09-30T12:00:00Z');
      const early = await tsd.post('/api/tax-services/quality-notes/2026/9');
      assert.equal(early.status, 409);
      assert.equal(early.body.code, 'QUALITY_NOTE_MONTH_NOT_ENDED');
      const none = await tsd.get('/api/tax-services/quality-notes/2026/9');
      assert.equal(none.status, 404);
      assert.equal(none.body.code, 'QUALITY_NOTE_NOT_FOUND');
      assert.equal((await officer.post('/api/tax-services/quality-notes/2026/8')).body.code, 'FORBIDDEN');
      assert.equal((await tsd.post('/api/tax-services/quality-notes/2026/13')).body.code, 'VALIDATION_FAILED');
    });

    test('TS-33 10.10.03: after the month ends the worker makes the note once, before the 10th, as PDF and JSON', async () => {
      await at('2026-10-01T00:30:00Z'); // Thursday 1 October, 05:30 in Dushanbe
      await t.c.worker.runOnce();
      await t.c.worker.runOnce();
      await at('2026-10-02T05:00:00Z');
      await t.c.worker.runOnce();
      const notes = (await tsd.get('/api/tax-services/quality-notes')).body as Note[];
      assert.equal(notes.length, 1, 'generated once');
      const [note] = notes as [Note];
      assert.deepEqual([note.year, note.month, note.revision], [2026, 9, 1]);
      // Due by the 10th of the next month (a fixed date: Saturday 10 October stays the 10th).
      assert.equal(note.dueAt, '2026-10-10T18:59:59.999Z');
      assert.equal(note.completedAt, '2026-10-01T00:30:00.000Z');
      assert.equal(note.isLate, false);
      assert.deepEqual(note.files.map((f) => f.mediaType).sort(), ['application/json', 'application/pdf']);

      const request = await tsd.get(`/api/tax-services/requests/${note.requestId}`);
      assert.equal(request.body.serviceKey, '10.10.03');
      assert.equal(request.body.status, 'completed');
      assert.deepEqual(request.body.period, { year: 2026, month: 9 });
      const pdf = note.files.find((f) => f.mediaType === 'application/pdf');
      const file = await t.app.inject({
        method: 'GET',
        url: `/api/tax-services/requests/${note.requestId}/results/${pdf?.id}`,
        headers: { authorization: `Bearer ${tsd.token}` },
      });
      assert.equal(file.rawPayload.subarray(0, 5).toString(), '%PDF-');
      const inbox = ((await tsd.get('/api/notifications?limit=200')).body.items as { kind: string }[]).filter((n) => n.kind === 'quality_note_ready');
      assert.equal(inbox.length, 1);

      const { note: content } = (await tsd.get('/api/tax-services/quality-notes/2026/9')).body;
      assert.deepEqual(content.period, { year: 2026, month: 9 });
      assert.equal(content.requests.received, 5);
      assert.deepEqual([content.requests.closed, content.requests.late], [3, 1]);
      assert.equal(content.requests.onTimeRate, 2 / 3);
      assert.deepEqual(content.requests.breaches, { closedLate: 1, openPastDue: 1 });
      const certificates = content.byService.find((s: { key: string }) => s.key === '06.06.04');
      assert.deepEqual([certificates.received, certificates.closed, certificates.late], [3, 2, 1]);
      assert.deepEqual(content.complaints, {
        received: 2,
        byChannel: [
          { channel: 'complaint_book', count: 1 },
          { channel: 'phone_151', count: 1 },
        ],
        byService: [{ serviceKey: '11.11.02', count: 2 }],
        answered: 1,
        answeredLate: 0,
        unansweredPastDue: 0,
      });
      assert.equal(content.ratings.totals.count, 2);
      assert.equal(content.ratings.totals.overall, 3.5);
    });

    test('TS-33 10.10.03: an officer regenerates the note on demand; the request stays one and the revision grows', async () => {
      await at('2026-10-05T05:00:00Z');
      const again = await tsd.post('/api/tax-services/quality-notes/2026/9');
      assert.equal(again.status, 200, again.text);
      assert.equal(again.body.revision, 2);
      const [note] = (await tsd.get('/api/tax-services/quality-notes')).body as Note[];
      assert.equal(note?.requestId, again.body.requestId);
      assert.equal(note?.revision, 2);
      assert.equal(note?.files.length, 4);
      assert.equal((await tsd.get('/api/tax-services/quality-notes/2026/9')).body.note.revision, 2);
      const events = (await tsd.get(`/api/tax-services/requests/${again.body.requestId}`)).body.events as { kind: string }[];
      assert.ok(events.some((e) => e.kind === 'note_regenerated'));
      // A month the worker skipped (nothing had happened yet) can still be made on request.
      const august = await tsd.post('/api/tax-services/quality-notes/2026/8');
      assert.equal(august.status, 200, august.text);
      assert.equal((await tsd.get('/api/tax-services/quality-notes/2026/8')).body.note.requests.received, 0);
      assert.equal((await taxpayer.get('/api/tax-services/quality-notes')).body.code, 'FORBIDDEN');
    });

    test('TS-13 TS-34: the indicators of a year are computed once it has ended, published by the TSD and served publicly as JSON and CSV', async () => {
      await at('2026-12-30T05:00:00Z');
      const early = await tsd.post('/api/tax-services/indicators/2026/compute');
      assert.equal(early.status, 409);
      assert.equal(early.body.code, 'INDICATORS_YEAR_NOT_ENDED');
      assert.equal((await tsd.post('/api/tax-services/indicators/2026/publish')).body.code, 'INDICATORS_NOT_FOUND');
      assert.equal((await t.anon.get('/api/public/tax-services/indicators/2026')).body.code, 'INDICATORS_NOT_FOUND');

      await at('2027-01-04T05:00:00Z');
      await t.c.worker.runOnce();
      const computed = await tsd.get('/api/tax-services/indicators/2026');
      assert.equal(computed.status, 200, computed.text);
      assert.equal(computed.body.revision, 1);
      assert.equal(computed.body.publishedAt, null);
      const v = (code: string, scope = 'all') => (computed.body.values as Value[]).find((x) => x.code === code && x.scope === scope);
      // Five requests received in 2026 (the internal 10.10.03 notes left out): four electronic, one by 151.
      assert.equal(v('QI-04')?.value, 5);
      assert.equal(v('QI-04', 'phone_151')?.value, 1);
      assert.deepEqual([v('QI-05')?.value, v('QI-05')?.numerator, v('QI-05')?.denominator], [0.8, 4, 5]);
      // Two complaints against three other requests.
      assert.equal(v('QI-08')?.value, Math.round((2 * 1000 * 100) / 3) / 100);
      // Three closed, one late; per group: 06.00.00 one of two late, 11.00.00 in time.
      assert.deepEqual([v('QI-01')?.numerator, v('QI-01')?.denominator], [2, 3]);
      assert.equal(v('QI-01', '06.00.00')?.value, 0.5);
      assert.equal(v('QI-01', '11.00.00')?.value, 1);
      assert.equal(v('QI-01', '01.00.00')?.value, null);
      // The median of 23 hours, 2 days and 7 days 1 hour is the middle one, to within 2.5 %.
      assert.ok(Math.abs((v('QI-02')?.value ?? 0) - 2 * 86_400) <= 0.025 * 2 * 86_400);
      assert.equal(v('QI-06', 'overall')?.value, 3.5);
      assert.equal(v('QI-07')?.value, 0.5);
      assert.equal(v('QI-09')?.value, 1);
      assert.ok((computed.body.definitions as { code: string; formula: { tg: string } }[]).every((d) => d.formula.tg.length > 0));

      const csv = await t.app.inject({ method: 'GET', url: '/api/tax-services/indicators/2026/csv', headers: { authorization: `Bearer ${tsd.token}` } });
      assert.equal(csv.headers['content-type'], 'text/csv; charset=utf-8');
      const rows = parseCsv(csv.body);
      assert.equal(rows.length, computed.body.values.length);
      assert.equal(rows.find((r) => r.code === 'QI-05')?.value, '0.8');
      assert.ok(rows.every((r) => r.name_tg && r.name_ru && r.name_en));
      assert.equal((await t.anon.get('/api/public/tax-services/indicators/2026')).body.code, 'INDICATORS_NOT_FOUND');
      assert.equal((await t.anon.get('/api/public/tax-services/indicators/2026/csv')).status, 404);

      const published = await tsd.post('/api/tax-services/indicators/2026/publish');
      assert.equal(published.status, 200, published.text);
      const open = await t.anon.get('/api/public/tax-services/indicators/2026');
      assert.equal(open.status, 200);
      assert.deepEqual(open.body.values, computed.body.values);
      assert.deepEqual(
        (await t.anon.get('/api/public/tax-services/indicators')).body.map((y: { year: number }) => y.year),
        [2026],
      );
      const publicCsv = await t.anon.get('/api/public/tax-services/indicators/2026/csv');
      assert.equal(publicCsv.status, 200);
      assert.equal(parseCsv(publicCsv.text).length, rows.length);

      const recompute = await tsd.post('/api/tax-services/indicators/2026/compute');
      assert.equal(recompute.status, 409);
      assert.equal(recompute.body.code, 'INDICATORS_PUBLISHED');
      assert.equal((await tsd.post('/api/tax-services/indicators/2026/publish')).body.code, 'INDICATORS_PUBLISHED');
      await t.c.worker.runOnce();
      assert.equal((await tsd.get('/api/tax-services/indicators/2026')).body.revision, 1, 'computed once a year');
      assert.equal((await officer.post('/api/tax-services/indicators/2025/compute')).body.code, 'FORBIDDEN');
    });
  });
}
