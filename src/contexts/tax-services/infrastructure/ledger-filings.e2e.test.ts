import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type Client, startTestApp, type TestApp } from '../../../../test/app.ts';
import { testTargets } from '../../../../test/db.ts';

/** Monday 12 April 2027, 10:00 in Dushanbe. */
const NOW = '2027-04-12T05:00:00Z';
const NOW_MS = Date.parse(NOW);
const minutesAgo = (m: number) => new Date(NOW_MS - m * 60_000).toISOString();
const FILER = '500100001';
const COUNTER = '500100002';

for (const target of testTargets()) {
  describe(`filing of declarations, 05.05.01 a/b/c [${target}]`, () => {
    let t: TestApp;
    let filer: Client;
    let officer: Client;

    before(async () => {
      t = await startTestApp(target, NOW);
      filer = await t.as('business', { tin: FILER });
      officer = await t.as('tax_officer');
    });
    after(() => t.close());

    const counter = (body: object) =>
      officer.post('/api/tax-services/filings/counter', {
        tin: COUNTER,
        formCode: 'VAT',
        period: '2027-03',
        channel: 'office',
        serviceStartedAt: minutesAgo(10),
        hadQueue: false,
        queueWaitSeconds: 0,
        ...body,
      });

    test('TS-35 05.05.01a: a declaration filed in the cabinet is recorded and its request completed in real time with the SMS queued to the taxpayer’s phone', async () => {
      const r = await filer.post('/api/tax-services/filings', { formCode: 'VAT', period: '2027-03', phone: '+992 93 555 12 34' });
      assert.equal(r.status, 201, r.text);
      assert.equal(r.body.serviceKey, '05.05.01a');
      assert.equal(r.body.receiptNumber, `F-${r.body.requestNumber}`);
      assert.equal(r.body.request.status, 'completed');
      assert.equal(r.body.request.channel, 'cabinet');
      assert.equal(r.body.request.elapsedSeconds, 0, 'real time');
      assert.deepEqual(
        r.body.request.results.map((x: { kind: string }) => x.kind),
        ['sms'],
      );
      assert.match(r.body.sms, new RegExp(`Эъломияи VAT барои 03\\.2027 12\\.04\\.2027 қабул шуд\\. Рақами қабул: ${r.body.receiptNumber}`));
      const queued = await t.db.query<{ channel: string; address: string; body: string; kind: string; request_id: string }>(
        'SELECT channel, address, body, kind, request_id::text FROM tax_services.outgoing_messages WHERE tin = $1',
        [FILER],
      );
      assert.deepEqual(
        [...queued],
        [{ channel: 'sms', address: '+992 93 555 12 34', body: r.body.sms, kind: 'declaration_filed', request_id: r.body.requestId }],
      );
      const sms = await t.app.inject({
        method: 'GET',
        url: `/api/tax-services/requests/${r.body.requestId}/results/${r.body.request.results[0].id}`,
        headers: { authorization: `Bearer ${filer.token}` },
      });
      assert.equal(sms.body, r.body.sms, 'the SMS is kept as the result of the request');
      const register = await filer.get('/api/tax-services/filings');
      assert.deepEqual(
        register.body.map((f: { formCode: string; period: string; channel: string }) => [f.formCode, f.period, f.channel]),
        [['VAT', '2027-03', 'cabinet']],
      );
      const noPhone = await filer.post('/api/tax-services/filings', { formCode: 'VAT', period: '2027-03' });
      assert.equal(noPhone.body.code, 'VALIDATION_FAILED', 'the SMS needs a phone');
      assert.equal((await officer.post('/api/tax-services/filings', { formCode: 'VAT', period: '2027-03', phone: '+992935551234' })).status, 403);
    });

    test('TS-31 05.05.01b: a paper declaration at the counter records the queue wait apart from the service time, which is held to 15 minutes', async () => {
      const inTime = await counter({ serviceStartedAt: minutesAgo(12), hadQueue: true, queueWaitSeconds: 1500 });
      assert.equal(inTime.status, 201, inTime.text);
      const req = inTime.body.request;
      assert.equal(req.serviceKey, '05.05.01b');
      assert.equal(req.channel, 'office');
      assert.deepEqual([req.hadQueue, req.queueWaitSeconds, req.elapsedSeconds, req.isLate], [true, 1500, 720, false]);
      assert.equal(req.receivedAt, new Date(NOW_MS - 12 * 60_000 - 1500_000).toISOString(), 'arrival: the start of service less the wait');
      assert.equal(req.sla.startedAt, minutesAgo(12));
      assert.equal(req.sla.dueAt, minutesAgo(-3), '15 minutes after the start of service');
      assert.deepEqual(
        req.results.map((x: { kind: string }) => x.kind),
        ['receipt'],
      );
      assert.equal(inTime.body.sms, null, 'no phone, no SMS');

      const slow = await counter({ serviceStartedAt: minutesAgo(16), hadQueue: false, queueWaitSeconds: 0, phone: '+992 90 000 00 01' });
      assert.equal(slow.status, 201, slow.text);
      assert.deepEqual([slow.body.isLate, slow.body.request.sla.state, slow.body.request.elapsedSeconds], [true, 'met_late', 960]);
      assert.deepEqual(slow.body.request.results.map((x: { kind: string }) => x.kind).sort(), ['receipt', 'sms']);
    });

    test('TS-31 05.05.01c: at a terminal the 15 minutes hold only when there was no queue', async () => {
      const queued = await counter({ channel: 'terminal', serviceStartedAt: minutesAgo(20), hadQueue: true, queueWaitSeconds: 600 });
      assert.equal(queued.status, 201, queued.text);
      assert.equal(queued.body.serviceKey, '05.05.01c');
      assert.deepEqual([queued.body.request.sla.dueAt, queued.body.isLate, queued.body.request.sla.state], [null, false, 'met']);
      const noQueue = await counter({ channel: 'terminal', serviceStartedAt: minutesAgo(20), hadQueue: false, queueWaitSeconds: 0 });
      assert.deepEqual([noQueue.body.isLate, noQueue.body.request.sla.state], [true, 'met_late']);
      const quick = await counter({ channel: 'terminal', serviceStartedAt: minutesAgo(5), hadQueue: false, queueWaitSeconds: 0 });
      assert.equal(quick.body.isLate, false);
    });

    test('05.05.01: an unknown form, a period of the wrong kind or outside 2000-2100, a period not yet ended, a service start in the future are refused', async () => {
      const cases: [object, number, string, string][] = [
        [{ formCode: 'NOPE' }, 422, 'DECLARATION_FORM_NOT_FOUND', 'body.formCode'],
        [{ period: '2027-Q1' }, 422, 'FILING_PERIOD_MISMATCH', 'body.period'],
        [{ period: '1999-12' }, 422, 'LEDGER_PERIOD_INVALID', 'body.period'],
        [{ period: '2027-04' }, 422, 'FILING_PERIOD_NOT_ENDED', 'body.period'],
        [{ formCode: 'SIMPLIFIED', period: '2027-Q2' }, 422, 'FILING_PERIOD_NOT_ENDED', 'body.period'],
        [{ serviceStartedAt: minutesAgo(-5) }, 422, 'DATE_IN_FUTURE', 'body.serviceStartedAt'],
      ];
      for (const [body, status, code, field] of cases) {
        const r = await counter(body);
        assert.deepEqual([r.status, r.body.code, r.body.field], [status, code, field], JSON.stringify(body));
      }
      const annual = await counter({ formCode: 'PROFIT', period: '2026' });
      assert.equal(annual.status, 201, 'a yearly form for an ended year');
      const byTaxpayer = await filer.post('/api/tax-services/filings/counter', {
        tin: FILER,
        formCode: 'VAT',
        period: '2027-03',
        channel: 'office',
        serviceStartedAt: NOW,
        hadQueue: false,
        queueWaitSeconds: 0,
      });
      assert.equal(byTaxpayer.status, 403);
    });
  });
}
