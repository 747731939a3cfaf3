import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { type Reply, startTestApp, type TestApp } from '../../../../test/app.ts';
import { testTargets } from '../../../../test/db.ts';
import { leadingZeroBits, solveProofOfWork } from '../../../../web/src/lib/proof-of-work.ts';
import { verifyAuditChain } from '../../../platform/audit.ts';

// Easy challenges keep the suite fast; the difficulty is a setting (docs/tax-services-identity.md).
process.env.BEKOGAZ_TIN_LOOKUP_POW_BITS = '8';

/** Monday 6 April 2026, 10:00 in Dushanbe. */
const MONDAY = '2026-04-06T05:00:00Z';
const REGISTER = '/api/public/tax-services/tin-registrations';
const LOOKUP = '/api/public/tax-services/tin-lookup';
const CHALLENGE = '/api/public/tax-services/tin-lookup/challenge';

let ip = 0;
/** Each test speaks from its own address, so the per-client rate limit of one does not touch another. */
const newClient = () => {
  ip += 1;
  return `10.20.${Math.floor(ip / 250)}.${ip % 250}`;
};

async function call(t: TestApp, method: 'GET' | 'POST', url: string, from: string, body?: object): Promise<Reply> {
  const r = await t.app.inject({ method, url, remoteAddress: from, ...(body ? { payload: body } : {}) });
  let parsed: unknown;
  try {
    parsed = r.json();
  } catch {
    parsed = undefined;
  }
  return { status: r.statusCode, body: parsed, headers: r.headers, text: r.body };
}

async function solved(t: TestApp, from: string) {
  const c = await call(t, 'GET', CHALLENGE, from);
  assert.equal(c.status, 200, c.text);
  return { challenge: c.body.challenge as string, solution: await solveProofOfWork(c.body.challenge, c.body.difficulty) };
}

let passportSeq = 0;
const person = (over: Record<string, string> = {}) => {
  passportSeq += 1;
  return {
    surname: 'Ҷӯраева',
    givenName: 'Гулнора',
    patronymic: 'Қаҳҳоровна',
    birthDate: '1995-08-17',
    passportSeries: 'A',
    passportNumber: String(55_000_000 + passportSeq),
    address: 'ш. Душанбе, кӯч. Айнӣ 12, хонаи 4',
    ...over,
  };
};

const count = async (t: TestApp, table: string) => Number((await t.db.query<{ n: string }>(`SELECT count(*)::text AS n FROM tax_services.${table}`))[0]?.n);

for (const target of testTargets()) {
  describe(`TIN registration and "Find out TIN" (TS-19, TS-20, TS-44, TS-45) [${target}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(target, MONDAY);
    });
    after(() => t.close());

    test('TS-20 TS-45 01.01.01: a citizen of 16 without a TIN gets a TIN and its electronic certificate at once; the request is opened and completed together', async () => {
      const data = { ...person(), unitCode: 'dushanbe-sino', email: 'gulnora@example.tj' };
      const r = await call(t, 'POST', REGISTER, newClient(), data);
      assert.equal(r.status, 201, r.text);
      assert.match(r.body.tin, /^[1-9]\d{8}$/);
      const pdf = Buffer.from(r.body.certificatePdfBase64, 'base64');
      assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
      assert.equal(createHash('sha256').update(pdf).digest('hex'), r.body.certificateSha256);
      assert.ok(pdf.includes('NotoSans'), 'the certificate is set in Noto Sans, which has the Tajik letters');

      const officer = await t.as('service_officer');
      const request = await officer.get(`/api/tax-services/requests/${r.body.requestId}`);
      assert.equal(request.status, 200, request.text);
      assert.equal(request.body.serviceKey, '01.01.01');
      assert.equal(request.body.channel, 'cabinet');
      assert.equal(request.body.status, 'completed');
      assert.equal(request.body.applicant.tin, r.body.tin);
      assert.equal(request.body.unit.code, 'dushanbe-sino');
      // Real time with a hard cap of 24 hours: met at once.
      assert.equal(new Date(request.body.sla.dueAt).getTime() - new Date(request.body.receivedAt).getTime(), 24 * 3_600_000);
      assert.equal(request.body.sla.state, 'met');
      assert.deepEqual(
        request.body.results.map((x: { kind: string; sha256: string }) => [x.kind, x.sha256]),
        [['tin_certificate', r.body.certificateSha256]],
      );

      const entry = await officer.get(`/api/tax-services/taxpayers/${r.body.tin}`);
      assert.equal(entry.status, 200, entry.text);
      assert.equal(entry.body.kind, 'individual');
      assert.equal(entry.body.name, 'Ҷӯраева Гулнора Қаҳҳоровна');
      assert.equal(entry.body.birthDate, '1995-08-17');
      assert.deepEqual(entry.body.passport, { series: 'A', number: data.passportNumber });

      // "TIN certificate sent (electronic)": queued for the e-mail gateway with the PDF attached.
      const [message] = await t.db.query<{ channel: string; address: string; attachment: string; body: string }>(
        'SELECT channel, address, attachment_result_id::text AS attachment, body FROM tax_services.outgoing_messages WHERE tin = $1',
        [r.body.tin],
      );
      assert.equal(message?.channel, 'email');
      assert.equal(message?.address, 'gulnora@example.tj');
      assert.equal(message?.attachment, request.body.results[0].id);
      assert.ok(message?.body.startsWith(`Ба Шумо РМА ${r.body.tin}`), 'Tajik first');

      // The citizen's cabinet, once open, shows the request and its certificate.
      const cabinet = await t.as('taxpayer', { tin: r.body.tin });
      const mine = await cabinet.get('/api/tax-services/requests');
      assert.deepEqual(
        mine.body.map((x: { number: string }) => x.number),
        [r.body.requestNumber],
      );
      assert.equal((await verifyAuditChain(t.db.db)).isIntact, true);
    });

    test('01.01.01: anyone checks a certificate by its number and TIN or by its SHA-256; a forged one is not genuine; a half query is refused', async () => {
      const r = await call(t, 'POST', REGISTER, newClient(), person());
      assert.equal(r.status, 201, r.text);
      assert.ok(r.body.verificationUrl.endsWith(`/public/tin-certificate?number=${r.body.certificateNumber}&tin=${r.body.tin}`));
      const byNumber = await t.anon.get(`/api/public/tax-services/tin-certificates/verify?number=${r.body.certificateNumber}&tin=${r.body.tin}`);
      assert.equal(byNumber.status, 200, byNumber.text);
      assert.equal(byNumber.body.isGenuine, true);
      assert.equal(byNumber.body.sha256, r.body.certificateSha256);
      assert.equal(byNumber.body.taxpayerStatus, 'active');
      assert.equal(byNumber.body.name, undefined, 'the check repeats no name (TS-52)');
      const byHash = await t.anon.get(`/api/public/tax-services/tin-certificates/verify?sha256=${r.body.certificateSha256.toUpperCase()}`);
      assert.equal(byHash.body.isGenuine, true);
      assert.equal(byHash.body.tin, r.body.tin);
      const otherTin = r.body.tin === '123456789' ? '123456780' : '123456789';
      const forged = await t.anon.get(`/api/public/tax-services/tin-certificates/verify?number=${r.body.certificateNumber}&tin=${otherTin}`);
      assert.deepEqual([forged.status, forged.body.isGenuine, forged.body.tin], [200, false, null]);
      const alteredPdf = await t.anon.get(`/api/public/tax-services/tin-certificates/verify?sha256=${'0'.repeat(64)}`);
      assert.equal(alteredPdf.body.isGenuine, false);
      const half = await t.anon.get(`/api/public/tax-services/tin-certificates/verify?number=${r.body.certificateNumber}`);
      assert.equal(half.status, 400);
      assert.equal(half.body.code, 'CERTIFICATE_QUERY_INVALID');
    });

    test('TS-45 01.01.01: the day before the 16th birthday in Dushanbe is refused (TIN_APPLICANT_UNDER_16); the birthday itself is accepted, though it is still the day before in UTC', async () => {
      // 00:30 on 6 April in Dushanbe is 19:30 on 5 April UTC.
      t.clock.set('2026-04-05T19:30:00Z');
      try {
        const early = await call(t, 'POST', REGISTER, newClient(), person({ birthDate: '2010-04-07' }));
        assert.equal(early.status, 422, early.text);
        assert.equal(early.body.code, 'TIN_APPLICANT_UNDER_16');
        assert.equal(early.body.details.reachesAgeOn, '2026-04-07');
        const onTheDay = await call(t, 'POST', REGISTER, newClient(), person({ birthDate: '2010-04-06' }));
        assert.equal(onTheDay.status, 201, onTheDay.text);
      } finally {
        t.clock.set(MONDAY);
      }
    });

    test('TS-45 01.01.01: a citizen born on 29 February is refused on 28 February of the leap year they turn 16 and accepted on the 29th', async () => {
      t.clock.set('2028-02-28T05:00:00Z');
      try {
        const data = person({ birthDate: '2012-02-29' });
        const early = await call(t, 'POST', REGISTER, newClient(), data);
        assert.equal(early.status, 422, early.text);
        assert.equal(early.body.code, 'TIN_APPLICANT_UNDER_16');
        assert.equal(early.body.details.reachesAgeOn, '2028-02-29');
        t.clock.set('2028-02-29T05:00:00Z');
        const onTheDay = await call(t, 'POST', REGISTER, newClient(), data);
        assert.equal(onTheDay.status, 201, onTheDay.text);
      } finally {
        t.clock.set(MONDAY);
      }
    });

    test('TS-20 01.01.01: a person who already has a TIN is refused (TIN_ALREADY_ASSIGNED), however the passport is typed, and nothing is written', async () => {
      const data = person();
      assert.equal((await call(t, 'POST', REGISTER, newClient(), data)).status, 201);
      const [taxpayersBefore, requestsBefore] = [await count(t, 'taxpayers'), await count(t, 'requests')];
      const again = await call(t, 'POST', REGISTER, newClient(), {
        ...data,
        passportSeries: '',
        passportNumber: `А ${data.passportNumber}`,
        surname: 'Другая',
      });
      assert.equal(again.status, 409, again.text);
      assert.equal(again.body.code, 'TIN_ALREADY_ASSIGNED');
      assert.equal(again.body.field, 'body.passportNumber');
      assert.deepEqual([await count(t, 'taxpayers'), await count(t, 'requests')], [taxpayersBefore, requestsBefore]);
    });

    test('01.01.01: malformed data are refused with the field at fault (TIN_REGISTRATION_INVALID, TIN_UNIT_INVALID, VALIDATION_FAILED), in Tajik by default', async () => {
      const cases: [Record<string, string>, number, string, string][] = [
        [{ surname: 'Каримов7' }, 422, 'TIN_REGISTRATION_INVALID', 'body.surname'],
        [{ birthDate: '2001-02-29' }, 422, 'TIN_REGISTRATION_INVALID', 'body.birthDate'],
        [{ passportNumber: '12-AB' }, 422, 'TIN_REGISTRATION_INVALID', 'body.passportNumber'],
        [{ unitCode: 'tsd' }, 422, 'TIN_UNIT_INVALID', 'body.unitCode'],
        [{ birthDate: '17.08.1995' }, 400, 'VALIDATION_FAILED', 'body.birthDate'],
      ];
      for (const [change, status, code, field] of cases) {
        const r = await call(t, 'POST', REGISTER, newClient(), person(change));
        assert.deepEqual([r.status, r.body.code, r.body.field], [status, code, field], r.text);
      }
      const tajik = await call(t, 'POST', REGISTER, newClient(), person({ surname: '—' }));
      assert.equal(tajik.body.title, 'Маълумоти ариза нодуруст аст');
    });

    test('TS-19 TS-44: a person who solves the challenge gets their own TIN when document, surname and birth date all match exactly', async () => {
      const data = person();
      const registered = await call(t, 'POST', REGISTER, newClient(), data);
      const from = newClient();
      const found = await call(t, 'POST', LOOKUP, from, {
        passportSeries: 'а', // a Cyrillic look-alike of the series
        passportNumber: data.passportNumber,
        surname: data.surname.toUpperCase(),
        birthDate: data.birthDate,
        ...(await solved(t, from)),
      });
      assert.equal(found.status, 200, found.text);
      assert.deepEqual(found.body, { isFound: true, tin: registered.body.tin });
    });

    test('TS-44: a miss (one field wrong, or nobody) has the same answer shape as a hit, does the same work and is logged like it (TS-52)', async () => {
      const data = person();
      const registered = await call(t, 'POST', REGISTER, newClient(), data);
      const from = newClient();
      const query = { passportSeries: data.passportSeries, passportNumber: data.passportNumber, surname: data.surname, birthDate: data.birthDate };
      const logBefore = await count(t, "identity_access_log WHERE purpose = 'tin_lookup'");
      const hit = await call(t, 'POST', LOOKUP, from, { ...query, ...(await solved(t, from)) });
      const wrongBirth = await call(t, 'POST', LOOKUP, from, { ...query, birthDate: '1995-08-18', ...(await solved(t, from)) });
      const partialSurname = await call(t, 'POST', LOOKUP, from, { ...query, surname: 'Ҷӯра', ...(await solved(t, from)) });
      const nobody = await call(t, 'POST', LOOKUP, from, { ...query, passportNumber: '99999999', ...(await solved(t, from)) });
      assert.deepEqual(hit.body, { isFound: true, tin: registered.body.tin });
      for (const miss of [wrongBirth, partialSurname, nobody]) {
        assert.equal(miss.status, 200);
        assert.deepEqual(miss.body, { isFound: false, tin: null });
        assert.deepEqual(Object.keys(miss.body), Object.keys(hit.body));
        assert.equal(miss.headers['content-length'] !== undefined, hit.headers['content-length'] !== undefined);
      }
      const log = await t.db.query<{ outcome: string; channel: string; client_key: string | null }>(
        `SELECT outcome, channel, client_key FROM tax_services.identity_access_log WHERE purpose = 'tin_lookup' ORDER BY at, id OFFSET $1`,
        [logBefore],
      );
      assert.deepEqual(
        log.map((l) => l.outcome),
        ['found', 'not_found', 'not_found', 'not_found'],
      );
      assert.ok(
        log.every((l) => l.channel === 'website' && l.client_key && !l.client_key.includes(from)),
        'the client address is kept only as a keyed hash',
      );
    });

    test('TS-44: a query without a solved challenge is refused (PROOF_OF_WORK_REQUIRED)', async () => {
      const from = newClient();
      const data = person();
      const query = { passportNumber: data.passportNumber, surname: data.surname, birthDate: data.birthDate };
      const bare = await call(t, 'POST', LOOKUP, from, query);
      assert.deepEqual([bare.status, bare.body.code, bare.body.field], [403, 'PROOF_OF_WORK_REQUIRED', 'body.challenge']);
      const { challenge } = await solved(t, from);
      const noSolution = await call(t, 'POST', LOOKUP, from, { ...query, challenge });
      assert.deepEqual([noSolution.status, noSolution.body.code, noSolution.body.field], [403, 'PROOF_OF_WORK_REQUIRED', 'body.solution']);
    });

    test('TS-44: each challenge serves one query: a used one is refused (PROOF_OF_WORK_USED)', async () => {
      const from = newClient();
      const data = person();
      const query = { passportNumber: data.passportNumber, surname: data.surname, birthDate: data.birthDate };
      const proof = await solved(t, from);
      assert.equal((await call(t, 'POST', LOOKUP, from, { ...query, ...proof })).status, 200);
      const replay = await call(t, 'POST', LOOKUP, newClient(), { ...query, ...proof });
      assert.deepEqual([replay.status, replay.body.code], [409, 'PROOF_OF_WORK_USED']);
    });

    test('TS-44: a challenge past its 5 minutes is refused (PROOF_OF_WORK_EXPIRED)', async () => {
      const from = newClient();
      const data = person();
      const proof = await solved(t, from);
      t.clock.advance(301_000);
      try {
        const late = await call(t, 'POST', LOOKUP, from, { passportNumber: data.passportNumber, surname: data.surname, birthDate: data.birthDate, ...proof });
        assert.deepEqual([late.status, late.body.code], [403, 'PROOF_OF_WORK_EXPIRED']);
      } finally {
        t.clock.set(MONDAY);
      }
    });

    test('TS-44: a wrong solution, an altered challenge and a challenge not from this server are refused (PROOF_OF_WORK_INVALID)', async () => {
      const from = newClient();
      const data = person();
      const query = { passportNumber: data.passportNumber, surname: data.surname, birthDate: data.birthDate };
      const { challenge } = await solved(t, from);
      let wrong = 0;
      while (leadingZeroBits(createHash('sha256').update(`${challenge}:${wrong}`).digest()) >= 8) wrong += 1;
      const badSolution = await call(t, 'POST', LOOKUP, from, { ...query, challenge, solution: String(wrong) });
      assert.deepEqual([badSolution.status, badSolution.body.code, badSolution.body.field], [403, 'PROOF_OF_WORK_INVALID', 'body.solution']);

      // Lower the difficulty written in the challenge without its signature: refused.
      const [body, signature] = challenge.split('.') as [string, string];
      const easier = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body, 'base64url').toString()), difficulty: 0 })).toString('base64url');
      const altered = await call(t, 'POST', LOOKUP, from, { ...query, challenge: `${easier}.${signature}`, solution: '0' });
      assert.deepEqual([altered.status, altered.body.code, altered.body.field], [403, 'PROOF_OF_WORK_INVALID', 'body.challenge']);
      const foreign = await call(t, 'POST', LOOKUP, from, { ...query, challenge: `${body}.${Buffer.alloc(32).toString('base64url')}`, solution: '0' });
      assert.deepEqual([foreign.status, foreign.body.code], [403, 'PROOF_OF_WORK_INVALID']);
    });

    test('TS-44: a client past 10 queries a minute gets 429 with Retry-After, before any work is done, and no new challenge to solve in vain; another client is not affected; the bucket refills', async () => {
      const from = newClient();
      const query = { passportNumber: '12345678', surname: 'Каримов', birthDate: '1990-01-01' };
      const early = await solved(t, from);
      for (let i = 0; i < 10; i += 1) assert.equal((await call(t, 'POST', LOOKUP, from, query)).status, 403);
      const limited = await call(t, 'POST', LOOKUP, from, { ...query, ...early });
      assert.deepEqual([limited.status, limited.body.code], [429, 'RATE_LIMITED'], limited.text);
      assert.equal(limited.headers['retry-after'], '6');
      const noChallenge = await call(t, 'GET', CHALLENGE, from);
      assert.deepEqual([noChallenge.status, noChallenge.body.code, noChallenge.headers['retry-after']], [429, 'RATE_LIMITED', '6'], noChallenge.text);
      assert.equal((await call(t, 'GET', CHALLENGE, from)).status, 429, 'asking for a challenge spends no token and does not refill');
      assert.equal((await call(t, 'POST', LOOKUP, newClient(), query)).status, 403, 'another client still gets through to the proof-of-work check');
      t.clock.advance(6_000);
      try {
        assert.equal((await call(t, 'GET', CHALLENGE, from)).status, 200, 'after 6 seconds a token is back: a challenge is given');
        assert.equal((await call(t, 'POST', LOOKUP, from, query)).status, 403, 'and the query gets through to the proof-of-work check');
      } finally {
        t.clock.set(MONDAY);
      }
    });

    test('TS-19 TS-22: the 152 line: an officer finds a caller’s TIN from the same data without a challenge; the public cannot', async () => {
      const data = person();
      const registered = await call(t, 'POST', REGISTER, newClient(), data);
      const query = { passportSeries: 'A', passportNumber: data.passportNumber, surname: data.surname, birthDate: data.birthDate };
      assert.equal((await t.anon.post('/api/tax-services/tin-lookup', query)).status, 401);
      const taxpayer = await t.as('taxpayer', { tin: registered.body.tin });
      assert.equal((await taxpayer.post('/api/tax-services/tin-lookup', query)).status, 403);
      const officer = await t.as('service_officer');
      const found = await officer.post('/api/tax-services/tin-lookup', query);
      assert.deepEqual(found.body, { isFound: true, tin: registered.body.tin });
      const [line] = await t.db.query<{ channel: string; actor: string }>(
        `SELECT channel, actor FROM tax_services.identity_access_log ORDER BY at DESC, id DESC LIMIT 1`,
      );
      assert.equal(line?.channel, 'phone_152');
      assert.match(line?.actor ?? '', /^service_officer:/);
    });
  });
}
