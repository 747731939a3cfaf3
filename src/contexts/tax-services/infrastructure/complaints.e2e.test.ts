import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type Client, startTestApp, type TestApp } from '../../../../test/app.ts';
import { testTargets } from '../../../../test/db.ts';
import { listAuditTrail } from '../../../platform/audit.ts';

const SINO = '00000000-0000-7000-8000-000000000301';

type Inbox = { kind: string; title: { tg: string; ru: string; en: string }; subjectId: string | null }[];

for (const target of testTargets()) {
  describe(`complaints and appeals, group 11.00.00 [${target}]`, () => {
    let t: TestApp;
    let tsd: Client;
    let officer: Client;
    let sinoOfficer: Client;
    let taxpayer: Client;
    let other: Client;

    const LOGINS = [`c-tsd-${target}`, `c-officer-${target}`, `c-sino-${target}`, `c-taxpayer-${target}`, `c-other-${target}`] as const;
    /** Moves the clock and logs everyone in again (sessions expire when a test jumps months ahead). */
    const at = async (iso: string | Date) => {
      t.clock.set(iso);
      [tsd, officer, sinoOfficer, taxpayer, other] = (await Promise.all(LOGINS.map((l) => t.login(l, 'secret-123456')))) as [
        Client,
        Client,
        Client,
        Client,
        Client,
      ];
    };

    before(async () => {
      // Monday 10 August 2026, 10:00 in Dushanbe.
      t = await startTestApp(target, '2026-08-10T05:00:00Z');
      tsd = await t.as('service_officer', { login: LOGINS[0] });
      officer = await t.as('tax_officer', { login: LOGINS[1] });
      sinoOfficer = await t.as('tax_officer', { unitId: SINO, login: LOGINS[2] });
      taxpayer = await t.as('taxpayer', { tin: '300000001', login: LOGINS[3] });
      other = await t.as('business', { tin: '300000002', login: LOGINS[4] });
    });
    after(() => t.close());

    const register = (body: object, client: Client = officer) => client.post('/api/tax-services/complaints', body);
    const appeal = (extra: object) => ({
      serviceKey: '11.11.02',
      complainant: { name: 'Раҳимов Карим', address: 'ш. Душанбе, кӯчаи Рӯдакӣ 10' },
      about: { unitCode: 'dushanbe-sino', officialName: 'Саидов А.', conduct: 'inaction' },
      text: 'Нозир ба аризаи ман ду моҳ ҷавоб надод.',
      ...extra,
    });

    test('TS-15 TS-39 TS-16: all six channels of A1 p.13 land in one register, each dated by its own proof of receipt', async () => {
      await at('2026-08-10T05:00:00Z');
      const made = {
        // (1) a written appeal to the TC at N. Qaraboev street 42/2, by post: the incoming-registration stamp dates it.
        post: await register(appeal({ channel: 'post', receipt: { incomingNumber: 'В-1042', stampedAt: '2026-08-07T09:30:00+05:00' } })),
        // (1)/(2) handed in at the records office of the heads of the tax authority: the second copy is the proof.
        office: await register(
          appeal({ channel: 'office', receipt: { receiverName: 'Каримова Нигина Саидовна', receiverSigned: true, stamp: 'Шӯъбаи корҳои умумӣ, КА' } }),
        ),
        // (3) the online Book of complaints, filled in by the citizen.
        complaint_book: await t.anon.post('/api/public/tax-services/complaint-book', {
          complainant: { name: 'Назаров Фаррух', email: 'farrukh@example.tj' },
          text: 'Дар нозирот навбат ду соат буд.',
        }),
        // (4) the trust telephone 2330905 and the short number 151.
        trust_phone: await register(appeal({ channel: 'trust_phone', complainant: { name: 'Анонимӣ нест', phone: '+992 93 000 00 01', address: 'Ваҳдат' } })),
        phone_151: await register(appeal({ channel: 'phone_151', complainant: { name: 'Ализода Б.', tin: '300000001' } })),
        // (5) e-mail info@andoz.tj: 11.11.05, dated by the incoming-registration stamp.
        email: await register(
          appeal({
            serviceKey: '11.11.05',
            channel: 'email',
            complainant: { name: 'Исмоилов Д.', email: 'd.ismoilov@example.tj' },
            receipt: { incomingNumber: 'Э-77', stampedAt: '2026-08-10T08:15:00+05:00' },
          }),
        ),
        // (6) the electronic CHAT.
        chat: await register(appeal({ channel: 'chat', complainant: { name: 'Ғафурова М.', email: 'm@example.tj' } })),
      };
      for (const [channel, r] of Object.entries(made)) {
        assert.equal(r.status, 201, `${channel}: ${r.text}`);
        assert.match(r.body.registrationNumber, /^2026-\d{7}$/);
        assert.match(r.body.secret, /^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
      }
      const list = (await tsd.get('/api/tax-services/complaints?limit=500')).body as {
        registrationNumber: string;
        channel: string;
        receipt: { mode: string; receivedAt: string };
      }[];
      const byChannel = new Map(list.map((c) => [c.channel, c]));
      assert.deepEqual([...byChannel.keys()].sort(), ['chat', 'complaint_book', 'email', 'office', 'phone_151', 'post', 'trust_phone']);
      const modes = Object.fromEntries([...byChannel.entries()].map(([k, v]) => [k, v.receipt.mode]));
      assert.deepEqual(modes, {
        post: 'incoming_stamp',
        email: 'incoming_stamp',
        office: 'in_person',
        complaint_book: 'electronic',
        trust_phone: 'electronic',
        phone_151: 'electronic',
        chat: 'electronic',
      });
      assert.equal(byChannel.get('post')?.receipt.receivedAt, new Date('2026-08-07T09:30:00+05:00').toISOString());
      assert.equal(byChannel.get('email')?.receipt.receivedAt, new Date('2026-08-10T08:15:00+05:00').toISOString());
      assert.equal(byChannel.get('chat')?.receipt.receivedAt, '2026-08-10T05:00:00.000Z');
      // Each one is a service request of its code, with its clock.
      const request = await tsd.get(`/api/tax-services/requests/${made.email.body.id}`);
      assert.equal(request.body.serviceKey, '11.11.05');
      assert.equal(request.body.channel, 'email');
      assert.equal(request.body.sla.startedAt, new Date('2026-08-10T08:15:00+05:00').toISOString());
      // The taxpayer who called 151 sees it in the cabinet; another does not.
      assert.ok((await taxpayer.get('/api/tax-services/complaints')).body.some((c: { id: string }) => c.id === made.phone_151.body.id));
      assert.equal((await other.get(`/api/tax-services/complaints/${made.phone_151.body.id}`)).body.code, 'COMPLAINT_NOT_FOUND');
    });

    test('TS-16 11.11.02: in person, the second copy bears the receiver’s full name, signature, date and stamp, and is kept as a PDF with the request', async () => {
      await at('2026-08-10T06:00:00Z');
      const r = await register(
        appeal({ channel: 'office', receipt: { receiverName: 'Каримова Нигина Саидовна', receiverSigned: true, stamp: 'Мӯҳри шӯъбаи қабул № 3' } }),
      );
      assert.equal(r.status, 201, r.text);
      assert.ok(r.body.receiptCopyResultId);
      const view = await tsd.get(`/api/tax-services/complaints/${r.body.id}`);
      assert.deepEqual(
        { ...view.body.receipt },
        {
          mode: 'in_person',
          receivedAt: '2026-08-10T06:00:00.000Z',
          receiverName: 'Каримова Нигина Саидовна',
          receiverSigned: true,
          stamp: 'Мӯҳри шӯъбаи қабул № 3',
          incomingNumber: null,
          copyResultId: r.body.receiptCopyResultId,
        },
      );
      assert.equal(view.body.about.unitCode, 'dushanbe-sino');
      assert.equal(view.body.about.conduct, 'inaction');
      const file = await t.app.inject({
        method: 'GET',
        url: `/api/tax-services/requests/${r.body.id}/results/${r.body.receiptCopyResultId}`,
        headers: { authorization: `Bearer ${tsd.token}` },
      });
      assert.equal(file.statusCode, 200);
      assert.equal(file.headers['content-type'], 'application/pdf');
      assert.equal(file.rawPayload.subarray(0, 5).toString(), '%PDF-');
      const detail = await tsd.get(`/api/tax-services/requests/${r.body.id}`);
      assert.deepEqual(
        detail.body.results.map((x: { kind: string }) => x.kind),
        ['receipt'],
      );
      const trail = await listAuditTrail(t.db.db, 'service_request', r.body.id);
      assert.ok(trail.some((e) => e.action === 'tax-services.complaint.registered'));
    });

    test('TS-16 TS-39: refusals when the proof of receipt is incomplete or in the future', async () => {
      await at('2026-08-10T06:00:00Z');
      const cases: [object, string, string][] = [
        [appeal({ channel: 'office', receipt: { receiverSigned: true, stamp: 'Мӯҳр' } }), 'COMPLAINT_RECEIPT_REQUIRED', 'body.receipt.receiverName'],
        [appeal({ channel: 'office', receipt: { receiverName: 'Каримова Н.', stamp: 'Мӯҳр' } }), 'COMPLAINT_RECEIPT_REQUIRED', 'body.receipt.receiverSigned'],
        [appeal({ channel: 'office', receipt: { receiverName: 'Каримова Н.', receiverSigned: true } }), 'COMPLAINT_RECEIPT_REQUIRED', 'body.receipt.stamp'],
        [appeal({ channel: 'post', receipt: { stampedAt: '2026-08-07T09:30:00+05:00' } }), 'COMPLAINT_RECEIPT_REQUIRED', 'body.receipt.incomingNumber'],
        [appeal({ channel: 'post', receipt: { incomingNumber: 'В-1' } }), 'COMPLAINT_RECEIPT_REQUIRED', 'body.receipt.stampedAt'],
        [
          appeal({ channel: 'post', receipt: { incomingNumber: 'В-1', stampedAt: '2026-08-11T09:00:00+05:00' } }),
          'COMPLAINT_RECEIPT_IN_FUTURE',
          'body.receipt.stampedAt',
        ],
        [
          appeal({ channel: 'office', receipt: { receiverName: 'Каримова Н.', receiverSigned: true, stamp: 'Мӯҳр', receivedAt: '2026-08-12T09:00:00+05:00' } }),
          'COMPLAINT_RECEIPT_IN_FUTURE',
          'body.receipt.receivedAt',
        ],
      ];
      for (const [body, code, field] of cases) {
        const r = await register(body);
        assert.equal(r.status, 422, r.text);
        assert.equal(r.body.code, code);
        assert.equal(r.body.field, field);
        assert.ok(r.body.title.length > 0);
      }
    });

    test('TS-39 11.11.01 11.11.04 11.11.05: refusals when a complaint does not name what its service needs', async () => {
      await at('2026-08-10T06:00:00Z');
      const electronic = { channel: 'phone_151' };
      const cases: [object, number, string, string | undefined][] = [
        [
          appeal({ serviceKey: '11.11.02', channel: 'email', complainant: { name: 'А', email: 'a@example.tj' } }),
          422,
          'COMPLAINT_CHANNEL_MISMATCH',
          'body.channel',
        ],
        [
          appeal({ serviceKey: '11.11.05', channel: 'post', receipt: { incomingNumber: 'В-2', stampedAt: '2026-08-10T09:00:00+05:00' } }),
          422,
          'COMPLAINT_CHANNEL_MISMATCH',
          'body.channel',
        ],
        [appeal({ serviceKey: '11.11.01', ...electronic, decisionRef: 'Санади № 15 аз 01.07.2026' }), 422, 'COMPLAINT_TIN_REQUIRED', 'body.complainant.tin'],
        [
          appeal({ serviceKey: '11.11.01', ...electronic, complainant: { name: 'ҶДММ «Нур»', tin: '300000001' } }),
          422,
          'COMPLAINT_SUBJECT_REQUIRED',
          'body.decisionRef',
        ],
        [
          appeal({ serviceKey: '11.11.04', ...electronic, complainant: { name: 'ҶДММ «Нур»', tin: '300000001' } }),
          422,
          'COMPLAINT_SUBJECT_REQUIRED',
          'body.declarationRef',
        ],
        [
          appeal({ ...electronic, complainant: { name: 'Бе суроға', phone: '+992 93 000 00 02' } }),
          422,
          'COMPLAINT_REPLY_ADDRESS_REQUIRED',
          'body.complainant',
        ],
        [
          appeal({
            serviceKey: '11.11.05',
            channel: 'email',
            complainant: { name: 'Бе почта', address: 'Хуҷанд' },
            receipt: { incomingNumber: 'Э-1', stampedAt: '2026-08-10T09:00:00+05:00' },
          }),
          422,
          'COMPLAINT_REPLY_ADDRESS_REQUIRED',
          'body.complainant.email',
        ],
        [appeal({ ...electronic, about: { unitCode: 'nowhere' } }), 404, 'UNIT_NOT_FOUND', 'body.about.unitCode'],
        [appeal({ ...electronic, unitCode: 'nowhere' }), 404, 'UNIT_NOT_FOUND', 'body.unitCode'],
        [appeal({ channel: 'complaint_book' }), 400, 'VALIDATION_FAILED', 'body.channel'],
      ];
      for (const [body, status, code, field] of cases) {
        const r = await register(body);
        assert.equal(r.status, status, r.text);
        assert.equal(r.body.code, code);
        assert.equal(r.body.field, field);
      }
      // Nothing half-written: a refusal leaves no request behind.
      const before = (await tsd.get('/api/tax-services/complaints?limit=500')).body.length;
      await register(appeal({ serviceKey: '11.11.01', ...electronic, complainant: { name: 'ҶДММ «Нур»', tin: '300000001' } }));
      assert.equal((await tsd.get('/api/tax-services/complaints?limit=500')).body.length, before);
      assert.equal((await taxpayer.post('/api/tax-services/complaints', appeal(electronic))).body.code, 'FORBIDDEN');
      assert.equal((await t.anon.get('/api/tax-services/complaints')).body.code, 'UNAUTHENTICATED');
      assert.equal((await tsd.get('/api/tax-services/complaints/0193a6a0-7c1e-7a10-8000-000000000001')).body.code, 'COMPLAINT_NOT_FOUND');
    });

    test('TS-39 11.11.01: 30 calendar days from acceptance end on Independence Day, 9 September 2026, and move to the next working day', async () => {
      await at('2026-08-10T05:00:00Z'); // Monday 10 August, accepted in person
      const r = await register(
        appeal({
          serviceKey: '11.11.01',
          channel: 'office',
          complainant: { name: 'ҶДММ «Нур»', tin: '300000001' },
          decisionRef: 'Қарори № 15 аз 01.08.2026 оид ба санҷиши андоз',
          receipt: { receiverName: 'Каримова Н.', receiverSigned: true, stamp: 'Мӯҳр' },
        }),
      );
      assert.equal(r.status, 201, r.text);
      // Day 30 is Wednesday 9 September (a public holiday, A-10): the period ends at the end of Thursday 10 September.
      assert.equal(r.body.dueAt, '2026-09-10T18:59:59.999Z');
      const view = await tsd.get(`/api/tax-services/complaints/${r.body.id}`);
      assert.equal(view.body.unitCode, 'tax-control', 'Annex 2: the Tax Control Department reviews complaints against audit acts');
    });

    test('TS-39 11.11.02: 30 calendar days that end on Constitution Day, 6 November 2026, a Friday, run over the weekend to Monday 9 November', async () => {
      await at('2026-10-07T06:00:00Z'); // Wednesday 7 October
      const r = await register(appeal({ channel: 'post', receipt: { incomingNumber: 'В-2001', stampedAt: '2026-10-07T09:00:00+05:00' } }));
      assert.equal(r.status, 201, r.text);
      assert.equal(r.body.dueAt, '2026-11-09T18:59:59.999Z');
    });

    test('TS-39 11.11.04: 10 working days from acceptance skip Independence Day and two weekends', async () => {
      await at('2026-09-03T05:00:00Z'); // Thursday 3 September, 10:00
      const r = await register(
        appeal({ serviceKey: '11.11.04', channel: 'chat', complainant: { name: 'ҶДММ «Нур»', tin: '300000001' }, declarationRef: 'ААИ, август 2026, № 4411' }),
      );
      assert.equal(r.status, 201, r.text);
      // Fri 4, Mon 7, Tue 8, (Wed 9 holiday), Thu 10, Fri 11, Mon 14 … Fri 18: the 10th working day, closing at 17:00.
      assert.equal(r.body.dueAt, '2026-09-18T12:00:00.000Z');
    });

    test('TS-39 TS-16 11.11.05: 5 working days from the date of the e-mail skip Constitution Day and the weekend', async () => {
      await at('2026-11-05T10:00:00Z');
      const r = await register(
        appeal({
          serviceKey: '11.11.05',
          channel: 'email',
          complainant: { name: 'Исмоилов Д.', email: 'd.ismoilov@example.tj' },
          receipt: { incomingNumber: 'Э-501', stampedAt: '2026-11-05T11:00:00+05:00' },
        }),
      );
      assert.equal(r.status, 201, r.text);
      // Thursday 5 November; Friday 6 is Constitution Day: Mon 9, Tue 10, Wed 11, Thu 12, Fri 13.
      assert.equal(r.body.dueAt, '2026-11-13T12:00:00.000Z');
    });

    test('TS-17 11.11.02: the written reply is a letter kept with the request (the generic completion is refused); the complainant is told and a second reply is refused', async () => {
      await at('2026-08-10T05:00:00Z');
      const filed = await taxpayer.post('/api/public/tax-services/complaint-book', {
        complainant: { name: 'Ализода Б.' },
        about: { officialName: 'Саидов А.', conduct: 'action' },
        text: 'Нозир бе асос ҷарима кард.',
      });
      assert.equal(filed.status, 201, filed.text);
      const list = (await taxpayer.get('/api/tax-services/complaints?state=under_review')).body as {
        id: string;
        registrationNumber: string;
        channel: string;
        complainant: { tin: string };
      }[];
      const mine = list.find((c) => c.registrationNumber === filed.body.registrationNumber);
      assert.ok(mine, 'the complainant finds it in the cabinet');
      assert.equal(mine.channel, 'complaint_book');
      assert.equal(mine.complainant.tin, '300000001', 'the cabinet’s TIN, not a typed one');
      // An officer of another unit does not see a complaint reviewed by the central office.
      assert.equal(
        (await sinoOfficer.post(`/api/tax-services/complaints/${mine.id}/reply`, { outcome: 'dismissed', text: 'x' })).body.code,
        'COMPLAINT_NOT_FOUND',
      );
      assert.equal((await taxpayer.post(`/api/tax-services/complaints/${mine.id}/reply`, { outcome: 'dismissed', text: 'x' })).body.code, 'FORBIDDEN');

      await at('2026-08-20T06:00:00Z');
      // A complaint closes with its reply letter, never by the generic completion.
      const generic = await tsd.post(`/api/tax-services/requests/${mine.id}/complete`, {});
      assert.deepEqual([generic.status, generic.body.code], [409, 'REQUEST_HAS_OWN_COMPLETION']);
      const answered = await tsd.post(`/api/tax-services/complaints/${mine.id}/reply`, {
        outcome: 'upheld',
        text: 'Ҷарима бекор карда шуд; нозир ба ҷавобгарии интизомӣ кашида шуд.',
      });
      assert.equal(answered.status, 200, answered.text);
      assert.equal(answered.body.status, 'answered');
      assert.equal(answered.body.reply.outcome, 'upheld');
      assert.equal(answered.body.reply.isLate, false);
      const request = await taxpayer.get(`/api/tax-services/requests/${mine.id}`);
      assert.equal(request.body.status, 'completed');
      const letter = request.body.results.find((x: { kind: string }) => x.kind === 'letter');
      assert.ok(letter, 'the letter is the result (TS-17)');
      const file = await t.app.inject({
        method: 'GET',
        url: `/api/tax-services/requests/${mine.id}/results/${letter.id}`,
        headers: { authorization: `Bearer ${taxpayer.token}` },
      });
      assert.equal(file.rawPayload.subarray(0, 5).toString(), '%PDF-');
      const inbox = (await taxpayer.get('/api/notifications')).body.items as Inbox;
      assert.ok(inbox.some((n) => n.kind === 'request_completed' && n.title.tg.includes(filed.body.registrationNumber)));
      const again = await tsd.post(`/api/tax-services/complaints/${mine.id}/reply`, { outcome: 'dismissed', text: 'Боз' });
      assert.equal(again.status, 409);
      assert.equal(again.body.code, 'COMPLAINT_ALREADY_ANSWERED');
      assert.equal(
        (await tsd.post('/api/tax-services/complaints/0193a6a0-7c1e-7a10-8000-000000000001/reply', { outcome: 'upheld', text: 'x' })).body.code,
        'COMPLAINT_NOT_FOUND',
      );
    });

    test('TS-30 TS-39 11.11.05: an e-mail appeal left unanswered is warned, then escalated to the TSD when it breaches its deadline', async () => {
      await at('2026-12-01T04:00:00Z'); // Tuesday 1 December, 09:00
      const r = await register(
        appeal({
          serviceKey: '11.11.05',
          channel: 'email',
          complainant: { name: 'Исмоилов Д.', email: 'd.ismoilov@example.tj', tin: '300000001' },
          receipt: { incomingNumber: 'Э-901', stampedAt: '2026-12-01T08:30:00+05:00' },
        }),
      );
      assert.equal(r.status, 201, r.text);
      // Wed 2, Thu 3, Fri 4, Mon 7, Tue 8 December: the 5th working day, 17:00.
      assert.equal(r.body.dueAt, '2026-12-08T12:00:00.000Z');
      const request = await tsd.get(`/api/tax-services/requests/${r.body.id}`);

      await at(new Date(new Date(request.body.sla.warnAt).getTime() + 60_000));
      await t.c.worker.runOnce();
      const warned = await tsd.get(`/api/tax-services/requests/${r.body.id}`);
      assert.ok(warned.body.sla.warnedAt, 'warned at 75 % of the time');
      assert.equal(warned.body.sla.escalatedAt, null);

      await at('2026-12-08T12:00:01Z');
      await t.c.worker.runOnce();
      const view = await tsd.get(`/api/tax-services/complaints/${r.body.id}`);
      assert.equal(view.body.slaState, 'breached');
      assert.ok(view.body.escalatedAt);
      const inbox = (await tsd.get('/api/notifications?limit=200')).body.items as Inbox;
      assert.ok(inbox.some((n) => n.kind === 'request_breached' && n.subjectId === r.body.id && n.title.ru.includes(r.body.registrationNumber)));
      const breached = (await tsd.get('/api/tax-services/complaints?state=breached&limit=500')).body as { id: string }[];
      assert.ok(breached.some((c) => c.id === r.body.id));
      // Escalated once: another pass of the checker raises nothing new.
      await t.c.worker.runOnce();
      const again = ((await tsd.get('/api/notifications?limit=200')).body.items as Inbox).filter(
        (n) => n.kind === 'request_breached' && n.subjectId === r.body.id,
      );
      assert.equal(again.length, 1);

      await at('2026-12-09T05:00:00Z');
      const late = await tsd.post(`/api/tax-services/complaints/${r.body.id}/reply`, { outcome: 'explained', text: 'Тавзеҳот дода шуд.' });
      assert.equal(late.body.reply.isLate, true);
      assert.equal(late.body.slaState, 'met_late');
    });
  });
}
