import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type Client, startTestApp, type TestApp } from '../../../../test/app.ts';
import { testTargets } from '../../../../test/db.ts';

for (const target of testTargets()) {
  describe(`the online Book of complaints, TS-40 [${target}]`, () => {
    let t: TestApp;
    let tsd: Client;
    let taxpayer: Client;

    before(async () => {
      // Monday 14 September 2026, 10:00 in Dushanbe.
      t = await startTestApp(target, '2026-09-14T05:00:00Z');
      tsd = await t.as('service_officer');
      taxpayer = await t.as('taxpayer', { tin: '500000001' });
    });
    after(() => t.close());

    const file = (body: object, client: Client = t.anon) => client.post('/api/public/tax-services/complaint-book', body);
    const status = (registrationNumber: string, secret: string) =>
      t.anon.post('/api/public/tax-services/complaint-book/status', { registrationNumber, secret });
    const complaint = {
      complainant: { name: 'Назаров Фаррух', email: 'farrukh@example.tj' },
      about: { unitCode: 'dushanbe-somoni', officialName: 'Қодиров С.', conduct: 'action' },
      text: 'Нозир дағалона муомила кард ва аризаро қабул накард.',
    };

    test('TS-40 TS-17 TS-41 11.11.02: without login a complaint gets a registration number and a secret; only the secret reads its status and reply, and rates it once', async () => {
      t.clock.set('2026-09-14T05:00:00Z');
      const filed = await file(complaint);
      assert.equal(filed.status, 201, filed.text);
      assert.deepEqual(Object.keys(filed.body).sort(), ['dueAt', 'receivedAt', 'registrationNumber', 'secret']);
      const { registrationNumber, secret } = filed.body as { registrationNumber: string; secret: string };
      // 30 calendar days from Monday 14 September: Wednesday 14 October.
      assert.equal(filed.body.dueAt, '2026-10-14T18:59:59.999Z');

      const seen = await status(registrationNumber, secret);
      assert.equal(seen.status, 200, seen.text);
      assert.equal(seen.body.status, 'under_review');
      assert.equal(seen.body.serviceKey, '11.11.02');
      assert.equal(seen.body.channel, 'complaint_book');
      assert.equal(seen.body.receivedAt, '2026-09-14T05:00:00.000Z');
      assert.equal(seen.body.canRate, false);
      // Case, spaces and dashes do not matter when the secret is typed.
      assert.equal((await status(registrationNumber, secret.toLowerCase().replace(/-/g, ' '))).status, 200);
      // A wrong secret and an unknown number are refused alike: nobody else can read it or learn that it exists.
      const wrong = await status(
        registrationNumber,
        secret.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')),
      );
      assert.equal(wrong.status, 404);
      assert.equal(wrong.body.code, 'COMPLAINT_NOT_FOUND');
      assert.equal((await status('2026-9999999', secret)).body.code, 'COMPLAINT_NOT_FOUND');
      assert.equal((await status(registrationNumber, 'short')).body.code, 'VALIDATION_FAILED');
      assert.equal((await t.anon.get('/api/tax-services/complaints')).body.code, 'UNAUTHENTICATED');

      const early = await t.anon.post('/api/public/tax-services/complaint-book/rating', {
        registrationNumber,
        secret,
        overall: 4,
        courtesy: 4,
        clarity: 4,
        timeliness: 4,
      });
      assert.equal(early.status, 409);
      assert.equal(early.body.code, 'RATING_REQUEST_NOT_CLOSED');
      assert.equal(
        (await t.anon.post('/api/public/tax-services/complaint-book/reply-letter', { registrationNumber, secret })).body.code,
        'COMPLAINT_NOT_FOUND',
      );

      // The TSD finds it in the one register and replies in writing (TS-17).
      const inRegister = (
        (await tsd.get('/api/tax-services/complaints?limit=500')).body as { id: string; registrationNumber: string; about: { unitCode: string } }[]
      ).find((c) => c.registrationNumber === registrationNumber);
      assert.ok(inRegister);
      assert.equal(inRegister.about.unitCode, 'dushanbe-somoni');
      t.clock.set('2026-09-21T06:00:00Z');
      tsd = await t.as('service_officer');
      const replied = await tsd.post(`/api/tax-services/complaints/${inRegister.id}/reply`, {
        outcome: 'partly_upheld',
        text: 'Бо нозир суҳбат гузаронида шуд; аризаи Шумо қабул гардид.',
      });
      assert.equal(replied.status, 200, replied.text);

      const answered = await status(registrationNumber, secret);
      assert.equal(answered.body.status, 'answered');
      assert.equal(answered.body.outcome, 'partly_upheld');
      assert.equal(answered.body.outcomeName.ru, 'Жалоба удовлетворена частично');
      assert.equal(answered.body.reply, 'Бо нозир суҳбат гузаронида шуд; аризаи Шумо қабул гардид.');
      assert.equal(answered.body.isLate, false);
      assert.equal(answered.body.hasReplyLetter, true);
      assert.equal(answered.body.canRate, true);
      const letter = await t.app.inject({
        method: 'POST',
        url: '/api/public/tax-services/complaint-book/reply-letter',
        payload: { registrationNumber, secret },
      });
      assert.equal(letter.statusCode, 200);
      assert.equal(letter.headers['content-type'], 'application/pdf');
      assert.equal(letter.rawPayload.subarray(0, 5).toString(), '%PDF-');

      const rated = await t.anon.post('/api/public/tax-services/complaint-book/rating', {
        registrationNumber,
        secret,
        overall: 4,
        courtesy: 3,
        clarity: 5,
        timeliness: 4,
        comment: 'Ташаккур',
      });
      assert.equal(rated.status, 201, rated.text);
      const second = await t.anon.post('/api/public/tax-services/complaint-book/rating', {
        registrationNumber,
        secret,
        overall: 1,
        courtesy: 1,
        clarity: 1,
        timeliness: 1,
      });
      assert.equal(second.status, 409);
      assert.equal(second.body.code, 'RATING_ALREADY_GIVEN');
      assert.equal((await status(registrationNumber, secret)).body.canRate, false);
      const stranger = await t.anon.post('/api/public/tax-services/complaint-book/rating', {
        registrationNumber,
        secret: 'AAAA-AAAA-AAAA-AAAA',
        overall: 1,
        courtesy: 1,
        clarity: 1,
        timeliness: 1,
      });
      assert.equal(stranger.body.code, 'COMPLAINT_NOT_FOUND');
    });

    test('TS-40 TS-49 11.11.01 11.11.04: a typed TIN is not accepted; from the personal cabinet the session’s TIN is used', async () => {
      t.clock.set('2026-09-21T06:30:00Z');
      const typed = await file({ ...complaint, complainant: { ...complaint.complainant, tin: '500000001' } });
      assert.equal(typed.status, 400);
      assert.equal(typed.body.code, 'VALIDATION_FAILED');
      assert.equal(typed.body.field, 'body.complainant.tin');
      const anonymousAudit = await file({ ...complaint, serviceKey: '11.11.01', decisionRef: 'Санади № 3 аз 01.09.2026' });
      assert.equal(anonymousAudit.status, 422);
      assert.equal(anonymousAudit.body.code, 'COMPLAINT_TIN_REQUIRED');

      taxpayer = await t.as('taxpayer', { tin: '500000002' });
      const correction = await file({ ...complaint, serviceKey: '11.11.04', declarationRef: 'Андоз аз фоида, 2025, № 8812' }, taxpayer);
      assert.equal(correction.status, 201, correction.text);
      // 10 working days from Monday 21 September: Monday 5 October, 17:00.
      assert.equal(correction.body.dueAt, '2026-10-05T12:00:00.000Z');
      const mine = (await taxpayer.get('/api/tax-services/complaints')).body as {
        registrationNumber: string;
        serviceKey: string;
        complainant: { tin: string };
        declarationRef: string;
      }[];
      assert.equal(mine.length, 1);
      assert.equal(mine[0]?.registrationNumber, correction.body.registrationNumber);
      assert.equal(mine[0]?.complainant.tin, '500000002');
      assert.equal(mine[0]?.declarationRef, 'Андоз аз фоида, 2025, № 8812');
      const inbox = (await taxpayer.get('/api/notifications')).body.items as { kind: string; title: { tg: string } }[];
      assert.ok(inbox.some((n) => n.kind === 'request_received' && n.title.tg.includes(correction.body.registrationNumber)));
      const channels = await t.anon.get('/api/public/tax-services/complaint-channels');
      assert.equal(channels.status, 200);
      assert.ok(channels.body.some((c: { contact: string }) => c.contact.includes('2330905')));
      assert.ok(channels.body.some((c: { contact: string }) => c.contact === 'info@andoz.tj'));
    });

    test('TS-40: the public form and the look-ups are rate-limited per client, with Retry-After', async () => {
      // Hours later the client's allowance (10 complaints an hour) is full again.
      t.clock.set('2026-09-21T09:00:00Z');
      const outcomes: number[] = [];
      for (let i = 0; i < 11; i++) outcomes.push((await file({ ...complaint, text: `Шикояти ${i + 1}` })).status);
      assert.deepEqual(outcomes, [...Array(10).fill(201), 429]);
      const limited = await file(complaint);
      assert.equal(limited.status, 429);
      assert.equal(limited.body.code, 'RATE_LIMITED');
      assert.ok(Number(limited.headers['retry-after']) > 0);
      // The allowance refills with time.
      t.clock.set(new Date(t.clock.now().getTime() + Number(limited.headers['retry-after']) * 1000));
      assert.equal((await file(complaint)).status, 201);

      const lookups: number[] = [];
      for (let i = 0; i < 61; i++) lookups.push((await status('2026-0000001', 'AAAA-AAAA-AAAA-AAAA')).status);
      assert.deepEqual(lookups, [...Array(60).fill(404), 429]);
    });
  });
}
