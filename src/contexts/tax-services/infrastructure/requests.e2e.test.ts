import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type Client, startTestApp, type TestApp } from '../../../../test/app.ts';
import { testTargets } from '../../../../test/db.ts';
import { bucketOf } from '../domain/percentiles.ts';

const SINO = '00000000-0000-7000-8000-000000000301';
const SOMONI = '00000000-0000-7000-8000-000000000302';

for (const target of testTargets()) {
  describe(`tax-services request register [${target}]`, () => {
    let t: TestApp;
    let taxpayer: Client;
    let other: Client;
    let officer: Client;
    let tsd: Client;

    const LOGINS = { taxpayer: `ts-taxpayer-${target}`, other: `ts-other-${target}`, officer: `ts-officer-${target}`, tsd: `ts-tsd-${target}` };
    /** Moves the clock and logs everyone in again (sessions expire when the test jumps days ahead). */
    const at = async (iso: string) => {
      t.clock.set(iso);
      taxpayer = await t.login(LOGINS.taxpayer, 'secret-123456');
      other = await t.login(LOGINS.other, 'secret-123456');
      officer = await t.login(LOGINS.officer, 'secret-123456');
      tsd = await t.login(LOGINS.tsd, 'secret-123456');
    };

    before(async () => {
      // Friday 4 September 2026, 10:00 in Dushanbe; Wednesday 9 September is Independence Day.
      t = await startTestApp(target, '2026-09-04T05:00:00Z');
      taxpayer = await t.as('taxpayer', { tin: '200000001', login: LOGINS.taxpayer });
      other = await t.as('business', { tin: '200000002', login: LOGINS.other });
      officer = await t.as('tax_officer', { unitId: SINO, login: LOGINS.officer });
      tsd = await t.as('service_officer', { login: LOGINS.tsd });
    });
    after(() => t.close());

    const open = (client: Client, body: object) => client.post('/api/tax-services/requests', body);

    test('TS-26 TS-27 TS-38 06.06.04: a cabinet request gets a number, its clock on the calendar, and the applicant is told', async () => {
      await at('2026-09-04T05:00:00Z');
      const r = await open(taxpayer, { serviceKey: '06.06.04', subject: { from: '2026-01-01', to: '2026-06-30' } });
      assert.equal(r.status, 201, r.text);
      assert.match(r.body.number, /^2026-\d{7}$/);
      assert.equal(r.body.channel, 'cabinet');
      assert.equal(r.body.applicant.tin, '200000001');
      assert.equal(r.body.status, 'open');
      assert.equal(r.body.catalogueVersion, 'Order 396 of 17.06.2025');
      // 1 working day from a Friday: the end of Monday's working hours (17:00 in Dushanbe).
      assert.equal(r.body.sla.dueAt, '2026-09-07T12:00:00.000Z');
      assert.equal(r.body.sla.state, 'on_track');
      assert.equal(r.body.serviceName.tg.length > 0 && r.body.serviceName.ru.length > 0 && r.body.serviceName.en.length > 0, true);
      const inbox = (await taxpayer.get('/api/notifications')).body.items as { kind: string; title: { ru: string } }[];
      assert.ok(inbox.some((n) => n.kind === 'request_received' && n.title.ru.includes(r.body.number)));
      // The applicant sees it among their requests; another taxpayer does not (TS-52).
      assert.ok((await taxpayer.get('/api/tax-services/requests')).body.some((x: { id: string }) => x.id === r.body.id));
      assert.ok(!(await other.get('/api/tax-services/requests')).body.some((x: { id: string }) => x.id === r.body.id));
      const hidden = await other.get(`/api/tax-services/requests/${r.body.id}`);
      assert.equal(hidden.status, 404);
      assert.equal(hidden.body.code, 'REQUEST_NOT_FOUND');
    });

    test('TS-29 03.03.01: without its necessary documents an application waits without a clock; the clock starts when they are complete', async () => {
      await at('2026-09-04T05:00:00Z');
      const r = await open(officer, {
        serviceKey: '03.03.01',
        channel: 'post',
        applicant: { tin: '200000002', name: 'ҶДММ «Намуна»' },
        unitCode: 'dushanbe-sino',
        documentsComplete: false,
      });
      assert.equal(r.status, 201, r.text);
      assert.equal(r.body.status, 'awaiting_documents');
      assert.equal(r.body.sla.dueAt, null);
      assert.equal(r.body.sla.state, 'awaiting_documents');
      const early = await officer.post(`/api/tax-services/requests/${r.body.id}/documents-requested`, { note: 'Оинномаро илова кунед' });
      assert.equal(early.body.code, 'REQUEST_NOT_STARTED');

      await at('2026-09-07T04:00:00Z'); // Monday 09:00
      const started = await officer.post(`/api/tax-services/requests/${r.body.id}/documents-complete`);
      assert.equal(started.status, 200, started.text);
      assert.equal(started.body.status, 'open');
      assert.equal(started.body.sla.startedAt, '2026-09-07T04:00:00.000Z');
      // 10 working days counted from Tuesday 8 September, skipping Independence Day (Wednesday 9) and two weekends: Tuesday 22 September, 17:00.
      assert.equal(started.body.sla.dueAt, '2026-09-22T12:00:00.000Z');
      const again = await officer.post(`/api/tax-services/requests/${r.body.id}/documents-complete`);
      assert.equal(again.status, 409);
      assert.equal(again.body.code, 'REQUEST_ALREADY_STARTED');
    });

    test('TS-29 A-9 03.03.01: a recorded request for documents suspends the clock; the due time moves by the working days the pause covered', async () => {
      await at('2026-09-07T04:00:00Z'); // Monday
      const r = await open(officer, { serviceKey: '03.03.01', channel: 'office', applicant: { tin: '200000001' }, unitCode: 'dushanbe-sino' });
      assert.equal(r.body.sla.dueAt, '2026-09-22T12:00:00.000Z');
      await at('2026-09-08T06:00:00Z'); // Tuesday 11:00
      const paused = await officer.post(`/api/tax-services/requests/${r.body.id}/documents-requested`, { note: 'Нусхаи шаҳодатномаро пешниҳод кунед' });
      assert.equal(paused.status, 200, paused.text);
      assert.equal(paused.body.sla.state, 'suspended');
      const twice = await officer.post(`/api/tax-services/requests/${r.body.id}/documents-requested`, { note: 'боз' });
      assert.equal(twice.body.code, 'REQUEST_ALREADY_SUSPENDED');
      const inbox = (await taxpayer.get('/api/notifications')).body.items as { kind: string; body: { tg: string } }[];
      assert.ok(inbox.some((n) => n.kind === 'request_documents' && n.body.tg.includes('шаҳодатнома')));

      await at('2026-09-11T06:00:00Z'); // Friday: Thursday 10 and Friday 11 were working days of the pause; Wednesday 9 is a holiday
      const resumed = await officer.post(`/api/tax-services/requests/${r.body.id}/documents-received`);
      assert.equal(resumed.status, 200, resumed.text);
      assert.equal(resumed.body.suspensions, 1);
      assert.equal(resumed.body.suspendedSeconds, 3 * 86_400);
      assert.equal(resumed.body.sla.dueAt, '2026-09-24T12:00:00.000Z');
      const notSuspended = await officer.post(`/api/tax-services/requests/${r.body.id}/documents-received`);
      assert.equal(notSuspended.body.code, 'REQUEST_NOT_SUSPENDED');
    });

    test('TS-26 TS-38: completion keeps the result with the request, the applicant downloads the same bytes and is told; a closed request stays closed', async () => {
      await at('2026-09-04T05:00:00Z');
      const r = await open(officer, { serviceKey: '06.06.06', channel: 'post', applicant: { tin: '200000001' }, unitCode: 'dushanbe-sino' });
      await at('2026-09-07T06:00:00Z');
      const content = Buffer.from('%PDF-1.7 маълумотнома');
      const done = await officer.post(`/api/tax-services/requests/${r.body.id}/complete`, {
        note: 'Маълумотнома дода шуд',
        results: [{ kind: 'certificate', fileName: 'маълумотнома.pdf', mediaType: 'application/pdf', contentBase64: content.toString('base64') }],
      });
      assert.equal(done.status, 200, done.text);
      assert.equal(done.body.status, 'completed');
      assert.equal(done.body.sla.state, 'met');
      assert.equal(done.body.isLate, false);
      assert.equal(done.body.elapsedSeconds, 3 * 86_400 + 3600);
      const result = done.body.results[0];
      const file = await t.app.inject({
        method: 'GET',
        url: `/api/tax-services/requests/${r.body.id}/results/${result.id}`,
        headers: { authorization: `Bearer ${taxpayer.token}` },
      });
      assert.equal(file.statusCode, 200);
      assert.equal(file.headers['content-type'], 'application/pdf');
      assert.deepEqual(file.rawPayload, content);
      const missing = await taxpayer.get(`/api/tax-services/requests/${r.body.id}/results/${r.body.id}`);
      assert.equal(missing.body.code, 'RESULT_NOT_FOUND');
      const inbox = (await taxpayer.get('/api/notifications')).body.items as { kind: string }[];
      assert.ok(inbox.some((n) => n.kind === 'request_completed'));
      const closed = await officer.post(`/api/tax-services/requests/${r.body.id}/reject`, { note: 'дер' });
      assert.equal(closed.status, 409);
      assert.equal(closed.body.code, 'REQUEST_CLOSED');
    });

    test('TS-17 TS-38: a refusal is closed with its reason in writing', async () => {
      const r = await open(officer, {
        serviceKey: '06.06.05',
        channel: 'post',
        applicant: { name: 'Non-resident Ltd', email: 'tax@example.com' },
        unitCode: 'international',
      });
      assert.equal(r.status, 201, r.text);
      // The request went to the International Cooperation Department: the TSD sees every unit's requests.
      const sino = await officer.post(`/api/tax-services/requests/${r.body.id}/reject`, { note: 'x' });
      assert.equal(sino.body.code, 'REQUEST_NOT_FOUND');
      const refused = await tsd.post(`/api/tax-services/requests/${r.body.id}/reject`, { note: 'Шартномаи байналмилалӣ татбиқ намешавад' });
      assert.equal(refused.status, 200, refused.text);
      assert.equal(refused.body.status, 'rejected');
      assert.equal(refused.body.outcomeNote, 'Шартномаи байналмилалӣ татбиқ намешавад');
    });

    test('TS-31 05.05.01b 05.05.01c: counter and terminal services record the queue; the 15 minutes hold at a terminal only without a queue', async () => {
      await at('2026-09-04T05:00:00Z');
      const counter = await open(officer, {
        serviceKey: '05.05.01b',
        channel: 'office',
        applicant: { tin: '200000001' },
        unitCode: 'dushanbe-sino',
        hadQueue: true,
        queueWaitSeconds: 1260,
      });
      assert.equal(counter.status, 201, counter.text);
      assert.equal(counter.body.queueWaitSeconds, 1260);
      assert.equal(counter.body.sla.dueAt, '2026-09-04T05:15:00.000Z');
      const queued = await open(officer, {
        serviceKey: '05.05.01c',
        channel: 'terminal',
        applicant: { tin: '200000001' },
        unitCode: 'dushanbe-sino',
        hadQueue: true,
        queueWaitSeconds: 600,
      });
      assert.equal(queued.body.sla.dueAt, null);
      const free = await open(officer, {
        serviceKey: '05.05.01c',
        channel: 'terminal',
        applicant: { tin: '200000001' },
        unitCode: 'dushanbe-sino',
        hadQueue: false,
        queueWaitSeconds: 0,
      });
      assert.equal(free.body.sla.dueAt, '2026-09-04T05:15:00.000Z');
      assert.equal(free.status, 201, free.text);
      const noPause = await officer.post(`/api/tax-services/requests/${free.body.id}/documents-requested`, { note: 'x' });
      assert.equal(noPause.body.code, 'SUSPENSION_NOT_ALLOWED');
    });

    test('TS-27 A-12 05.05.04 10.10.01: window and plan services need their period or plan date', async () => {
      const noPeriod = await open(officer, { serviceKey: '05.05.04', channel: 'email', applicant: { tin: '200000001' } });
      assert.equal(noPeriod.status, 400);
      assert.equal(noPeriod.body.code, 'PERIOD_REQUIRED');
      const window = await open(officer, { serviceKey: '05.05.04', channel: 'email', applicant: { tin: '200000001' }, period: { year: 2026, month: 8 } });
      assert.equal(window.status, 201, window.text);
      assert.equal(window.body.sla.opensAt, '2026-09-15T19:00:00.000Z');
      assert.equal(window.body.sla.dueAt, '2026-09-30T18:59:59.999Z');
      const statutory = await tsd.post(`/api/tax-services/requests/${window.body.id}/documents-requested`, { note: 'x' });
      assert.equal(statutory.body.code, 'SUSPENSION_NOT_ALLOWED');
      const noPlan = await open(officer, { serviceKey: '10.10.01', channel: 'office', applicant: { name: 'Семинар' } });
      assert.equal(noPlan.body.code, 'PLAN_DATE_REQUIRED');
      const planned = await open(officer, { serviceKey: '10.10.01', channel: 'office', applicant: { name: 'Семинар' }, planDate: '2026-10-15' });
      assert.equal(planned.status, 201, planned.text);
    });

    test('TS-42 TS-27 11.11.03b: a 151 call is a real-time request answered while the caller is on the line', async () => {
      await at('2026-09-04T05:00:00Z');
      const call = await open(tsd, { serviceKey: '11.11.03b', channel: 'phone_151', applicant: { name: 'Зангзананда', phone: '+992 90 000 00 00' } });
      assert.equal(call.status, 201, call.text);
      assert.equal(call.body.sla.dueAt, null, 'real time has no legal breach (A-2)');
      assert.equal(call.body.sla.targetAt, '2026-09-04T05:01:00.000Z', 'the technical target is 60 s');
      t.clock.set('2026-09-04T05:00:40Z');
      const answered = await tsd.post(`/api/tax-services/requests/${call.body.id}/complete`, { note: 'Ба савол ҷавоб дода шуд' });
      assert.equal(answered.body.sla.state, 'met');
      assert.equal(answered.body.elapsedSeconds, 40);
    });

    test('TS-43 10.10.02: the online consultant answers in the chat and the transcript is kept with the request', async () => {
      await at('2026-09-04T05:00:00Z');
      const chat = await open(taxpayer, { serviceKey: '10.10.02' });
      assert.equal(chat.status, 201, chat.text);
      const transcript = Buffer.from('Савол: Мӯҳлати пешниҳоди эъломия кай аст?\nҶавоб: То 15-уми моҳи баъдӣ.\n');
      const done = await tsd.post(`/api/tax-services/requests/${chat.body.id}/complete`, {
        results: [{ kind: 'answer', fileName: 'chat.txt', mediaType: 'text/plain', contentBase64: transcript.toString('base64') }],
      });
      assert.equal(done.status, 200, done.text);
      const file = await t.app.inject({
        method: 'GET',
        url: `/api/tax-services/requests/${chat.body.id}/results/${done.body.results[0].id}`,
        headers: { authorization: `Bearer ${taxpayer.token}` },
      });
      assert.equal(file.body, transcript.toString());
    });

    test('TS-26: refusals of the register name the field at fault', async () => {
      const unknown = await open(taxpayer, { serviceKey: '13.13.01' });
      assert.equal(unknown.status, 404);
      assert.equal(unknown.body.code, 'SERVICE_NOT_FOUND');
      const unit = await open(officer, { serviceKey: '06.06.04', applicant: { tin: '200000001' }, unitCode: 'nowhere' });
      assert.equal(unit.body.code, 'UNIT_NOT_FOUND');
      const nobody = await open(officer, { serviceKey: '06.06.04', channel: 'office' });
      assert.equal(nobody.status, 400);
      assert.equal(nobody.body.code, 'APPLICANT_REQUIRED');
      // Before order 250 of 22 April 2024 no version of the Standard is in force in the system.
      const old = await open(officer, { serviceKey: '06.06.04', applicant: { tin: '200000001' }, receivedAt: '2024-01-10T05:00:00Z' });
      assert.equal(old.body.code, 'SERVICE_NOT_IN_FORCE');
      const bad = await open(taxpayer, { serviceKey: '06.06.04', channel: 'nowhere' });
      assert.equal(bad.body.code, 'VALIDATION_FAILED');
      const stranger = await other.post(`/api/tax-services/requests/${unknown.body.id ?? '0193a6a0-7c1e-7a10-8000-000000000001'}/complete`, {});
      assert.equal(stranger.body.code, 'FORBIDDEN');
    });

    test('TS-52: an officer of another unit cannot read a request; every officer read is in the audit trail', async () => {
      const r = await open(taxpayer, { serviceKey: '06.06.04', unitCode: 'dushanbe-sino' });
      const outsider = await t.as('tax_officer', { unitId: SOMONI });
      assert.equal((await outsider.get(`/api/tax-services/requests/${r.body.id}`)).body.code, 'REQUEST_NOT_FOUND');
      assert.equal((await officer.get(`/api/tax-services/requests/${r.body.id}`)).status, 200);
      const trail = await t.db.query<{ action: string; actor: string }>(
        `SELECT action, actor FROM platform.audit_log WHERE entity = 'service_request' AND entity_id = $1`,
        [r.body.id],
      );
      assert.ok(trail.some((e) => e.action === 'tax-services.request.read' && e.actor.startsWith('tax_officer:')));
    });

    test('TS-30 TS-07: the checker warns the unit at 75 % of the time and escalates to the TSD at the breach, once each', async () => {
      await at('2026-09-14T04:00:00Z'); // Monday 09:00
      // 24 clock hours: warning at 18 h, breach at 24 h.
      const r = await open(officer, { serviceKey: '01.01.05', channel: 'office', applicant: { tin: '200000001' }, unitCode: 'dushanbe-sino' });
      assert.equal(r.body.sla.warnAt, '2026-09-14T22:00:00.000Z');
      assert.equal(r.body.sla.dueAt, '2026-09-15T04:00:00.000Z');
      await at('2026-09-14T23:00:00Z');
      await t.c.worker.runOnce();
      const warned = (await officer.get(`/api/tax-services/requests/${r.body.id}`)).body;
      assert.equal(warned.sla.state, 'at_risk');
      assert.equal(warned.sla.warnedAt, '2026-09-14T23:00:00.000Z');
      assert.ok(((await officer.get('/api/notifications')).body.items as { kind: string }[]).some((n) => n.kind === 'request_at_risk'));
      const queue = (await tsd.get('/api/tax-services/requests?state=at_risk')).body as { id: string }[];
      assert.ok(queue.some((x) => x.id === r.body.id));

      await at('2026-09-15T04:00:01Z');
      await t.c.worker.runOnce();
      await t.c.worker.runOnce();
      const breached = (await officer.get(`/api/tax-services/requests/${r.body.id}`)).body;
      assert.equal(breached.sla.state, 'breached');
      assert.equal(breached.events.filter((e: { kind: string }) => e.kind === 'escalated').length, 1);
      assert.equal(breached.events.filter((e: { kind: string }) => e.kind === 'warned').length, 1);
      assert.ok(
        ((await tsd.get('/api/notifications')).body.items as { kind: string; title: { en: string } }[]).some(
          (n) => n.kind === 'request_breached' && n.title.en.includes(r.body.number),
        ),
      );
      await at('2026-09-15T05:00:00Z');
      const late = await officer.post(`/api/tax-services/requests/${r.body.id}/complete`, { note: 'РСБ тасдиқ шуд' });
      assert.equal(late.body.sla.state, 'met_late');
      assert.equal(late.body.isLate, true);
    });

    test('TS-32 TS-23: the dashboard counts open, at-risk and breached requests now, and the closed ones with their median and 95th percentile', async () => {
      const fresh = await startTestApp(target, '2026-10-05T04:00:00Z'); // Monday 5 October, 09:00
      try {
        let o = await fresh.as('tax_officer', { login: `dash-officer-${target}` });
        let s = await fresh.as('service_officer', { login: `dash-tsd-${target}` });
        const move = async (iso: string) => {
          fresh.clock.set(iso);
          o = await fresh.login(`dash-officer-${target}`, 'secret-123456');
          s = await fresh.login(`dash-tsd-${target}`, 'secret-123456');
        };
        const mk = async (key: string, unitCode: string, channel: string) =>
          (await o.post('/api/tax-services/requests', { serviceKey: key, channel, applicant: { tin: '200000009' }, unitCode })).body.id as string;
        // Three 24-hour requests of Sino opened now; three closed after 1, 2 and 30 hours.
        const closed = [
          await mk('01.01.05', 'dushanbe-sino', 'office'),
          await mk('01.01.05', 'dushanbe-sino', 'office'),
          await mk('01.01.05', 'khujand', 'email'),
        ];
        await mk('01.01.05', 'dushanbe-sino', 'office'); // breached by Wednesday
        await mk('03.03.01', 'khujand', 'post'); // 10 working days: on track
        await move('2026-10-05T05:00:00Z');
        await o.post(`/api/tax-services/requests/${closed[0]}/complete`, {});
        await move('2026-10-05T06:00:00Z');
        await o.post(`/api/tax-services/requests/${closed[1]}/complete`, {});
        await move('2026-10-06T10:00:00Z'); // 30 h after opening: late
        await o.post(`/api/tax-services/requests/${closed[2]}/complete`, {});
        await mk('01.01.05', 'dushanbe-sino', 'chat'); // at risk by Wednesday
        await move('2026-10-07T08:00:00Z'); // 52 h after the first batch; 22 h after the chat request was opened
        const d = (await s.get('/api/tax-services/dashboard?from=2026-10&to=2026-10')).body;
        assert.equal(d.totals.open, 3);
        assert.equal(d.totals.breached, 1, 'the request opened on Monday has passed its 24 hours');
        assert.equal(d.totals.atRisk, 1, 'the request opened on Tuesday is past 75 % of its 24 hours');
        assert.equal(d.totals.closed, 3);
        assert.equal(d.totals.late, 1);
        assert.ok(Math.abs(d.totals.medianSeconds - 7200) / 7200 <= 0.025, `median ${d.totals.medianSeconds}`);
        assert.ok(Math.abs(d.totals.p95Seconds - 108_000) / 108_000 <= 0.025, `p95 ${d.totals.p95Seconds}`);
        assert.ok(Math.abs(d.totals.onTimeRate - 2 / 3) < 1e-9);
        const rrc = d.byService.find((x: { key: string }) => x.key === '01.01.05');
        assert.equal(rrc.closed, 3);
        assert.equal(rrc.breached, 1);
        const sino = d.byUnit.find((x: { key: string }) => x.key === 'dushanbe-sino');
        assert.equal(sino.closed, 2);
        assert.equal(sino.late, 0);
        const sughd = d.byRegion.find((x: { key: string }) => x.key === 'sughd');
        assert.equal(sughd.closed, 1);
        assert.equal(sughd.late, 1);
        assert.equal(sughd.open, 1);
        assert.equal(d.byChannel.find((x: { key: string }) => x.key === 'email').closed, 1);
        const region = (await s.get('/api/tax-services/dashboard?from=2026-10&to=2026-10&region=sughd')).body;
        assert.equal(region.totals.closed, 1);
        assert.equal(region.totals.open, 1);
        const earlier = (await s.get('/api/tax-services/dashboard?from=2026-09&to=2026-09')).body;
        assert.equal(earlier.totals.closed, 0);
        assert.equal(earlier.totals.open, 3, 'open requests are counted now, whatever the period');
        const forbidden = await (await fresh.as('taxpayer', { tin: '200000009' })).get('/api/tax-services/dashboard');
        assert.equal(forbidden.body.code, 'FORBIDDEN');

        // The statistics kept at each close equal a recomputation from the requests themselves.
        const kept = await fresh.db.query<{ scope: string; dimension: string; value: string; bucket: number; closed: number; late: number }>(
          `SELECT scope, dimension, value, bucket::int AS bucket, closed, late FROM tax_services.completion_stats ORDER BY 1, 2, 3, 4`,
        );
        const reqs = await fresh.db.query<{ service_key: string; unit_id: string; region: string; channel: string; elapsed_seconds: string; is_late: boolean }>(
          `SELECT service_key, unit_id::text, region, channel, elapsed_seconds::text, is_late FROM tax_services.requests WHERE completed_at IS NOT NULL`,
        );
        const expected = new Map<string, { closed: number; late: number }>();
        for (const q of reqs)
          for (const scope of ['', q.region])
            for (const [dim, value] of [
              ['all', ''],
              ['service', q.service_key],
              ['unit', q.unit_id],
              ['region', q.region],
              ['channel', q.channel],
            ]) {
              const k = `${scope}|${dim}|${value}|${bucketOf(Number(q.elapsed_seconds))}`;
              const e = expected.get(k) ?? { closed: 0, late: 0 };
              e.closed++;
              if (q.is_late) e.late++;
              expected.set(k, e);
            }
        assert.deepEqual(new Map(kept.map((k) => [`${k.scope}|${k.dimension}|${k.value}|${k.bucket}`, { closed: k.closed, late: k.late }])), expected);
      } finally {
        await fresh.close();
      }
    });

    test('TS-24 TS-04 TS-10: a taxpayer’s proposal is approved by the TSD with an effective date; later requests follow it, earlier ones keep their rule', async () => {
      await at('2026-09-04T05:00:00Z');
      const versions = (await tsd.get('/api/tax-services/catalogue/versions')).body as { orderRef: string; status: string; effectiveTo: string | null }[];
      assert.ok(versions.some((v) => v.orderRef === '250' && v.status === 'repealed' && v.effectiveTo === '2025-06-16'));
      assert.ok(versions.some((v) => v.orderRef === '396' && v.status === 'approved'));
      const before = await open(taxpayer, { serviceKey: '06.06.04' });
      const proposal = await taxpayer.post('/api/tax-services/catalogue/proposals', {
        source: 'central_office',
        justification: 'Санади муқоиса дар 2 рӯзи корӣ',
        changes: [
          {
            key: '06.06.04',
            deadline: { kind: 'working_days', days: 2 },
            deadlineText: { tg: 'То 2 рӯзи корӣ', ru: 'До 2 рабочих дней', en: 'Up to 2 working days' },
          },
        ],
      });
      assert.equal(proposal.status, 201, proposal.text);
      const listed = (await tsd.get('/api/tax-services/catalogue/versions')).body.find((v: { id: string }) => v.id === proposal.body.id);
      assert.equal(listed.proposalSource, 'taxpayer', 'a taxpayer’s proposal is recorded as the taxpayer’s');
      assert.equal(listed.status, 'proposed');
      const notByTaxpayer = await taxpayer.post(`/api/tax-services/catalogue/versions/${proposal.body.id}/decision`, {
        approve: true,
        note: 'ok',
        effectiveFrom: '2026-09-10',
      });
      assert.equal(notByTaxpayer.body.code, 'FORBIDDEN');
      const past = await tsd.post(`/api/tax-services/catalogue/versions/${proposal.body.id}/decision`, {
        approve: true,
        note: 'ok',
        effectiveFrom: '2026-09-01',
      });
      assert.equal(past.body.code, 'CATALOGUE_EFFECTIVE_DATE_INVALID');
      const approved = await tsd.post(`/api/tax-services/catalogue/versions/${proposal.body.id}/decision`, {
        approve: true,
        note: 'Тасдиқ',
        orderRef: '512',
        effectiveFrom: '2026-09-10',
      });
      assert.equal(approved.status, 200, approved.text);
      const again = await tsd.post(`/api/tax-services/catalogue/versions/${proposal.body.id}/decision`, { approve: false, note: 'x' });
      assert.equal(again.body.code, 'CATALOGUE_VERSION_DECIDED');
      const none = await tsd.post('/api/tax-services/catalogue/versions/0193a6a0-7c1e-7a10-8000-000000000001/decision', { approve: false, note: 'x' });
      assert.equal(none.body.code, 'CATALOGUE_VERSION_NOT_FOUND');
      const badLine = await tsd.post('/api/tax-services/catalogue/proposals', { source: 'central_office', justification: 'x', changes: [{ key: '13.13.13' }] });
      assert.equal(badLine.body.code, 'CATALOGUE_LINES_INVALID');

      await at('2026-09-10T05:00:00Z'); // Thursday: the new version is in force
      const publicNow = (await t.anon.get('/api/public/tax-services/catalogue')).body;
      assert.equal(publicNow.version.orderRef, '512');
      assert.equal(publicNow.lines.find((l: { key: string }) => l.key === '06.06.04').deadline.days, 2);
      const publicThen = (await t.anon.get('/api/public/tax-services/catalogue?date=2026-09-01')).body;
      assert.equal(publicThen.version.orderRef, '396');
      const after = await open(taxpayer, { serviceKey: '06.06.04' });
      assert.equal(after.body.sla.dueAt, '2026-09-14T12:00:00.000Z', 'two working days from Thursday: Monday 17:00');
      const kept = (await taxpayer.get(`/api/tax-services/requests/${before.body.id}`)).body;
      assert.equal(kept.catalogueVersion, 'Order 396 of 17.06.2025');
      assert.equal(kept.sla.dueAt, '2026-09-07T12:00:00.000Z');
    });
  });
}
