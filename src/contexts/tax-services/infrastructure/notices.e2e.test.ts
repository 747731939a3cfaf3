import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type Client, startTestApp, type TestApp } from '../../../../test/app.ts';
import { testTargets } from '../../../../test/db.ts';

/** An instant at a Dushanbe wall-clock time (UTC+05:00). */
const dushanbe = (local: string) => new Date(`${local}+05:00`).toISOString();

type Message = { channel: string; address: string; kind: string; request_id: string; attachment_result_id: string | null };

for (const target of testTargets()) {
  describe(`05.05.04 notices to non-filers (TS-36) [${target}]`, () => {
    let t: TestApp;
    let officer: Client;
    const officerLogin = `nf-officer-${target}`;
    const at = async (iso: string) => {
      t.clock.set(iso);
      officer = await t.login(officerLogin, 'secret-123456');
    };
    const noticed = async (tin: string) => [
      ...(await t.db.query<{ form_code: string; period: string; notice_request_id: string | null }>(
        'SELECT form_code, period, notice_request_id::text FROM tax_services.filing_obligations WHERE tin = $1 ORDER BY period, form_code',
        [tin],
      )),
    ];
    const messages = async (tin: string) => [
      ...(await t.db.query<Message>(
        'SELECT channel, address, kind, request_id::text, attachment_result_id::text FROM tax_services.outgoing_messages WHERE tin = $1 ORDER BY created_at',
        [tin],
      )),
    ];
    const oblige = (items: object[]) => officer.post('/api/tax-services/filing-obligations', { items });

    before(async () => {
      t = await startTestApp(target, dushanbe('2027-02-15T10:00:00'));
      await t.as('tax_officer', { login: officerLogin });
      await at(dushanbe('2027-02-15T10:00:00'));
    });
    after(() => t.close());

    test('TS-36: obligations are entered with the window of their notice; a bad item refuses the whole list', async () => {
      const bad = await oblige([
        { tin: '500200001', formCode: 'VAT', period: '2027-03' },
        { tin: '500200002', formCode: 'VAT', period: '2027-Q1' },
      ]);
      assert.deepEqual([bad.status, bad.body.code, bad.body.field], [422, 'FILING_PERIOD_MISMATCH', 'body.items[1].period']);
      const unknown = await oblige([{ tin: '500200001', formCode: 'LUXURY', period: '2027-03' }]);
      assert.deepEqual([unknown.body.code, unknown.body.field], ['DECLARATION_FORM_NOT_FOUND', 'body.items[0].formCode']);
      assert.equal((await noticed('500200001')).length, 0, 'nothing entered');

      const ok = await oblige([
        { tin: '500200001', formCode: 'VAT', period: '2027-01', email: 'a@example.tj' },
        { tin: '500200002', formCode: 'VAT', period: '2027-03', email: 'b@example.tj' },
        { tin: '500200003', formCode: 'VAT', period: '2027-03' },
        { tin: '500200004', formCode: 'SIMPLIFIED', period: '2027-Q1', email: 'd@example.tj' },
        { tin: '500200005', formCode: 'VAT', period: '2027-03', email: 'e@example.tj' },
      ]);
      assert.deepEqual([ok.status, ok.body], [201, { created: 5, existing: 0 }]);
      const again = await oblige([{ tin: '500200001', formCode: 'VAT', period: '2027-01' }]);
      assert.deepEqual(again.body, { created: 0, existing: 1 });
      const list = await officer.get('/api/tax-services/filing-obligations?tin=500200004');
      assert.deepEqual(
        list.body.map((o: { windowFrom: string; windowTo: string; isFiled: boolean }) => [o.windowFrom, o.windowTo, o.isFiled]),
        [['2027-04-16', '2027-04-30', false]],
      );
    });

    test('TS-36 A-12: on the 15th nothing is sent and the officer’s run is refused; on the 16th each non-filer gets one notice', async () => {
      await at(dushanbe('2027-02-15T23:59:00'));
      await t.c.worker.runOnce();
      assert.equal((await noticed('500200001'))[0]?.notice_request_id, null);
      const refused = await officer.post('/api/tax-services/non-filer-notices/run');
      assert.deepEqual([refused.status, refused.body.code], [409, 'NOTICE_WINDOW_CLOSED']);

      await at(dushanbe('2027-02-16T00:30:00'));
      await t.c.worker.runOnce();
      const [obligation] = await noticed('500200001');
      assert.ok(obligation?.notice_request_id, 'noticed on the 16th');
      const request = await officer.get(`/api/tax-services/requests/${obligation.notice_request_id}`);
      assert.equal(request.body.serviceKey, '05.05.04');
      assert.equal(request.body.channel, 'email');
      assert.deepEqual(request.body.period, { year: 2027, month: 1 });
      assert.equal(request.body.status, 'completed');
      assert.equal(request.body.sla.state, 'met');
      assert.equal(request.body.sla.opensAt, dushanbe('2027-02-16T00:00:00'));
      assert.deepEqual(
        request.body.results.map((r: { kind: string }) => r.kind),
        ['notice'],
      );
      const text = await t.app.inject({
        method: 'GET',
        url: `/api/tax-services/requests/${request.body.id}/results/${request.body.results[0].id}`,
        headers: { authorization: `Bearer ${officer.token}` },
      });
      assert.match(text.body, /^Огоҳинома ба андозсупоранда \(РМА 500200001\)\. Эъломияи андозии «Эъломияи андоз аз арзиши иловашуда» \(VAT\) барои 01\.2027/);
      assert.deepEqual(
        (await messages('500200001')).map((m) => [m.channel, m.address, m.kind, m.request_id]),
        [['email', 'a@example.tj', 'non_filer_notice', request.body.id]],
      );
      const cabinet = await t.as('business', { tin: '500200001' });
      const inbox = (await cabinet.get('/api/notifications')).body.items as { kind: string; body: { tg: string } }[];
      assert.ok(inbox.some((n) => n.kind === 'non_filer_notice' && n.body.tg.includes('VAT')));

      await t.c.worker.runOnce();
      const run = await officer.post('/api/tax-services/non-filer-notices/run');
      assert.deepEqual([run.status, run.body.sent], [200, 0]);
      assert.equal((await messages('500200001')).length, 1, 'once per obligation');
    });

    test('TS-36 A-12: in February the window ends on its last day, the 28th', async () => {
      await at(dushanbe('2027-02-28T23:00:00'));
      assert.equal((await oblige([{ tin: '500200006', formCode: 'VAT', period: '2027-01', email: 'f@example.tj' }])).status, 201);
      const run = await officer.post('/api/tax-services/non-filer-notices/run');
      assert.deepEqual([run.status, run.body], [200, { sent: 1, date: '2027-02-28' }]);
      await at(dushanbe('2027-03-01T09:00:00'));
      const closed = await officer.post('/api/tax-services/non-filer-notices/run');
      assert.equal(closed.body.code, 'NOTICE_WINDOW_CLOSED');
    });

    test('TS-36: from the 16th to the 30th a taxpayer who filed gets nothing; the others, with or without an e-mail address, are noticed; the 31st is outside', async () => {
      await at(dushanbe('2027-04-10T10:00:00'));
      const filer = await t.as('business', { tin: '500200005' });
      assert.equal((await filer.post('/api/tax-services/filings', { formCode: 'VAT', period: '2027-03', phone: '+992900000005' })).status, 201);

      await at(dushanbe('2027-04-16T08:00:00'));
      await t.c.worker.runOnce();
      assert.ok((await noticed('500200002'))[0]?.notice_request_id);
      assert.ok((await noticed('500200003'))[0]?.notice_request_id, 'no e-mail: the cabinet is still told');
      assert.deepEqual(await messages('500200003'), []);
      assert.ok((await noticed('500200004'))[0]?.notice_request_id, 'a quarterly form: the window after the quarter');
      assert.equal((await noticed('500200005'))[0]?.notice_request_id, null, 'filed: no notice');
      assert.deepEqual(
        (await officer.get('/api/tax-services/filing-obligations?tin=500200005')).body.map((o: { isFiled: boolean }) => o.isFiled),
        [true],
      );

      await at(dushanbe('2027-04-30T22:00:00'));
      await oblige([{ tin: '500200007', formCode: 'VAT', period: '2027-03', email: 'g@example.tj' }]);
      const last = await officer.post('/api/tax-services/non-filer-notices/run');
      assert.deepEqual([last.status, last.body.sent], [200, 1]);

      await at(dushanbe('2027-05-31T10:00:00'));
      await oblige([{ tin: '500200008', formCode: 'VAT', period: '2027-04', email: 'h@example.tj' }]);
      await t.c.worker.runOnce();
      assert.equal((await noticed('500200008'))[0]?.notice_request_id, null);
      const refused = await officer.post('/api/tax-services/non-filer-notices/run');
      assert.deepEqual([refused.status, refused.body.code], [409, 'NOTICE_WINDOW_CLOSED']);
    });
  });

  describe(`04.04.03 property tax notices (TS-37) [${target}]`, () => {
    let t: TestApp;
    let officer: Client;
    const officerLogin = `pn-officer-${target}`;
    const at = async (iso: string) => {
      t.clock.set(iso);
      officer = await t.login(officerLogin, 'secret-123456');
    };
    const notices = async (tin: string) => [
      ...(await t.db.query<{ year: number; request_id: string; total: string }>(
        'SELECT year, request_id::text, total::text FROM tax_services.property_notices WHERE owner_tin = $1 ORDER BY year',
        [tin],
      )),
    ];
    const addObject = (body: object) =>
      officer.post('/api/tax-services/property-objects', {
        ownerName: 'Саидов Саид',
        kind: 'real_estate',
        description: 'ш. Душанбе, кӯч. Айнӣ 5',
        annualTax: 48_000,
        ownedFrom: '2020-01-01',
        ...body,
      });

    before(async () => {
      t = await startTestApp(target, dushanbe('2026-12-31T17:00:00'));
      await t.as('tax_officer', { login: officerLogin });
      await at(dushanbe('2026-12-31T17:00:00'));
    });
    after(() => t.close());

    test('04.04.01: the officer enters individuals’ property with its assessed tax; a duplicate or a bad date is refused', async () => {
      for (const body of [
        { ownerTin: '600300001', ownerEmail: 'saidov@example.tj', registryRef: '01-02-003-0001' },
        { ownerTin: '600300001', ownerEmail: 'saidov@example.tj', kind: 'vehicle', registryRef: '4455 AB 01', description: 'Opel Astra', annualTax: 35_050 },
        { ownerTin: '600300002', ownerName: 'Каримова Зарина', kind: 'land', registryRef: '01-02-003-0777', description: 'қитъаи 0,04 га', annualTax: 12_000 },
        { ownerTin: '600300003', registryRef: '01-02-003-0999', ownedFrom: '2027-03-01' },
      ]) {
        const r = await addObject(body);
        assert.equal(r.status, 201, r.text);
      }
      const duplicate = await addObject({ ownerTin: '600300009', registryRef: '01-02-003-0001' });
      assert.deepEqual([duplicate.status, duplicate.body.code], [409, 'PROPERTY_OBJECT_EXISTS']);
      const backwards = await addObject({ ownerTin: '600300009', registryRef: 'x-1', ownedFrom: '2026-05-01', ownedTo: '2026-04-01' });
      assert.deepEqual([backwards.status, backwards.body.code, backwards.body.field], [422, 'DATE_RANGE_INVALID', 'body.ownedTo']);
      const impossible = await addObject({ ownerTin: '600300009', registryRef: 'x-2', ownedFrom: '2026-02-30' });
      assert.deepEqual([impossible.body.code, impossible.body.field], ['LEDGER_DATE_INVALID', 'body.ownedFrom']);
      const owner = await t.as('taxpayer', { tin: '600300001' });
      assert.equal((await owner.get('/api/tax-services/property-objects')).body.length, 2);
      assert.equal((await owner.post('/api/tax-services/property-notices/run')).status, 403);
    });

    test('TS-37: on 31 December nothing is sent; from 1 January each owner gets one notice, with the charges posted to the ledger, by e-mail and in the cabinet', async () => {
      await at(dushanbe('2026-12-31T23:59:00'));
      await t.c.worker.runOnce();
      assert.deepEqual(await notices('600300001'), []);

      await at(dushanbe('2027-01-01T00:00:30'));
      await t.c.worker.runOnce();
      const [notice] = await notices('600300001');
      assert.deepEqual([notice?.year, notice?.total], [2027, '83050']);
      assert.equal((await notices('600300002')).length, 1);
      assert.deepEqual(await notices('600300003'), [], 'an object owned from March is not yet in the notice');
      const request = (await officer.get(`/api/tax-services/requests/${notice?.request_id}`)).body;
      assert.equal(request.serviceKey, '04.04.03');
      assert.deepEqual([request.status, request.isLate, request.sla.state], ['completed', false, 'met']);
      assert.equal(request.sla.dueAt, new Date(Date.parse(dushanbe('2027-02-02T00:00:00')) - 1).toISOString(), 'due at the end of 1 February');
      assert.deepEqual(
        request.results.map((r: { kind: string; mediaType: string }) => [r.kind, r.mediaType]),
        [['notice', 'application/pdf']],
      );

      const ledger = await officer.get('/api/tax-services/ledger/entries?tin=600300001');
      assert.deepEqual(
        ledger.body.map((e: { taxType: string; kind: string; amount: number; valueDate: string; source: string; period: string }) => [
          e.taxType,
          e.kind,
          e.amount,
          e.valueDate,
          e.source,
          e.period,
        ]),
        [
          ['real_estate', 'charge', 48_000, '2027-04-01', 'property_register', '2027'],
          ['vehicle', 'charge', 35_050, '2027-04-01', 'property_register', '2027'],
        ],
      );
      assert.equal((await officer.get('/api/tax-services/ledger?tin=600300001&asOf=2027-01-01')).body.hasDebt, false, 'payable only from the value date');
      assert.equal((await officer.get('/api/tax-services/ledger?tin=600300001&asOf=2027-04-01')).body.total.debt, 83_050);

      const mail = await t.db.query<Message>(
        'SELECT channel, address, kind, request_id::text, attachment_result_id::text FROM tax_services.outgoing_messages WHERE tin = $1',
        ['600300001'],
      );
      assert.deepEqual(
        mail.map((m) => [m.channel, m.address, m.kind, m.request_id, m.attachment_result_id]),
        [['email', 'saidov@example.tj', 'property_tax_notice', request.id, request.results[0].id]],
      );
      const owner = await t.login('600300001', 'secret-123456');
      const inbox = (await owner.get('/api/notifications')).body.items as { kind: string; body: { tg: string } }[];
      assert.ok(inbox.some((n) => n.kind === 'property_tax_notice' && n.body.tg.includes('830,50')));

      await t.c.worker.runOnce();
      assert.equal((await notices('600300001')).length, 1, 'once per owner and year');
      assert.equal((await officer.get('/api/tax-services/ledger/entries?tin=600300001')).body.length, 2, 'charged once');
    });

    test('TS-37: a notice sent on 1 February is in time; from 2 February the worker stops and the officer’s run sends it late', async () => {
      await at(dushanbe('2027-02-01T23:00:00'));
      assert.equal((await addObject({ ownerTin: '600300004', registryRef: '01-02-003-0404' })).status, 201);
      await t.c.worker.runOnce();
      const [inTime] = await notices('600300004');
      assert.ok(inTime, 'sent on 1 February');
      const onTime = (await officer.get(`/api/tax-services/requests/${inTime.request_id}`)).body;
      assert.deepEqual([onTime.isLate, onTime.sla.state], [false, 'met']);

      await at(dushanbe('2027-02-02T09:00:00'));
      assert.equal((await addObject({ ownerTin: '600300005', registryRef: '01-02-003-0505' })).status, 201);
      await t.c.worker.runOnce();
      assert.deepEqual(await notices('600300005'), [], 'the season is over');
      const run = await officer.post('/api/tax-services/property-notices/run');
      assert.equal(run.status, 200, run.text);
      assert.deepEqual([run.body.year, run.body.deadline, run.body.isLate], [2027, '2027-02-01', true]);
      assert.ok(run.body.sent >= 1);
      const [late] = await notices('600300005');
      const lateRequest = (await officer.get(`/api/tax-services/requests/${late?.request_id}`)).body;
      assert.deepEqual([lateRequest.isLate, lateRequest.sla.state], [true, 'met_late']);

      await at(dushanbe('2027-03-02T10:00:00'));
      const march = await officer.post('/api/tax-services/property-notices/run');
      assert.equal(march.body.sent, 1, 'the object owned from 1 March');
      assert.equal((await notices('600300003')).length, 1);
    });
  });
}
