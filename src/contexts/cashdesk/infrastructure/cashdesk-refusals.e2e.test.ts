/**
 * The register refuses to work, with a clear code, in every case p.65, p.67, p.68 and p.70 name;
 * and a business sees only its own registers. The operator listens on 127.0.0.1 as in production.
 */
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type Client, type TestApp } from '../../../../test/app.ts';
import { PASSWORD, readyRegister } from '../../../../test/cashdesk-fixture.ts';
import { testTargets } from '../../../../test/db.ts';
import { PDF } from '../../../../test/fiscal-factories.ts';
import { lineTax } from '../../../platform/fiscal-amounts.ts';
import { FULL_PASS_MS } from '../application/sync-register.ts';
import { toLocalIso } from '../domain/dushanbe-time.ts';

const sale = { lines: [{ code: 'NON' }], payment: { cashGiven: 500, card: 0 } };
const codes = (body: { details?: { reasons?: { code: string }[] } }) => (body.details?.reasons ?? []).map((r) => r.code);

for (const target of testTargets()) {
  describe(`the virtual cash register refuses to work [${target}]`, () => {
    let t: TestApp;
    let officer: Client;

    before(async () => {
      t = await startTestApp(target, '2026-03-02T03:00:00Z');
      officer = await t.as('tax_officer');
      await t.app.listen({ port: 0, host: '127.0.0.1' });
    });
    after(() => t.close());

    test('FIS-VTR-02, FIS-OCR-04, FIS-VCS-04, FIS-VCS-11, FIS-VTR-01, FIS-OCR-02: without a module commissioned with the operator the register does not work; once the TSC hands its key over, it does', async () => {
      const v = await readyRegister(t, officer, { isCommissioned: false });
      const status = (await v.shop.get(v.path('/status'))).body;
      assert.deepEqual([status.canIssueReceipts, status.module.state], [false, 'personalised']);
      assert.ok(status.reasons.some((r: { code: string }) => r.code === 'MODULE_NOT_REGISTERED'));
      const refused = await v.shop.post(v.path('/shifts'), {});
      assert.deepEqual([refused.status, refused.body.code], [403, 'MODULE_NOT_REGISTERED'], refused.text);
      const key = (await v.shop.get(v.path())).body.module.publicKey;
      assert.equal((await v.tsc.specialist.post(`/api/fiscal/fiscal-modules/${v.fm}/initialise`, { publicKey: key })).status, 200);
      const opened = await v.shop.post(v.path('/shifts'), {});
      assert.deepEqual([opened.status, opened.body.delivery.status], [201, 'accepted'], opened.text);
      const shown = (await v.shop.get(v.path())).body;
      assert.deepEqual([shown.isCommissioned, shown.serialNumber, shown.fiscalModuleNumber], [true, v.serialNumber, v.fm]);
      assert.match(shown.registryNumber, /\S/);
      // p.9 field 2: every receipt carries the VCR's serial number.
      const sold = await v.shop.post(v.path('/sales'), sale);
      assert.deepEqual([sold.status, sold.body.document.registerNumber], [201, v.serialNumber], sold.text);
    });

    test('FIS-VTR-04, FIS-OCR-06: a full module memory stops the register; the shift can still be closed with its Z-report', async () => {
      const v = await readyRegister(t, officer, { moduleCapacity: 5 });
      assert.equal((await v.shop.post(v.path('/shifts'), {})).status, 201);
      for (let i = 0; i < 3; i++) assert.equal((await v.shop.post(v.path('/sales'), sale)).status, 201);
      const full = await v.shop.post(v.path('/sales'), sale);
      assert.deepEqual([full.status, full.body.code], [409, 'MODULE_MEMORY_FULL'], full.text);
      const status = (await v.shop.get(v.path('/status'))).body;
      assert.deepEqual(
        [status.module.state, status.module.lock.reason, status.module.memory, status.canCloseShift],
        ['locked', 'MEMORY_FULL', { capacity: 5, used: 4, free: 1 }, true],
      );
      const closed = await v.shop.post(v.path('/shifts/current/close'));
      assert.deepEqual([closed.status, closed.body.delivery.status, closed.body.matchesRegister], [200, 'accepted', true], closed.text);
      const next = await v.shop.post(v.path('/shifts'), {});
      assert.deepEqual([next.status, next.body.code], [409, 'MODULE_MEMORY_FULL']);
    });

    test('FIS-VTR-03, FIS-OCR-05, FIS-VTR-11: a module used by another register locks itself, and its register refuses to work', async () => {
      const v = await readyRegister(t, officer);
      const port = await t.c.cashdesk.deps.modules.open(v.fm);
      assert.ok(port);
      const intruder = await port.openShift({ registerNumber: 'VCR-INTRUDER', at: '2026-03-02T08:30:00+05:00', isOffline: false });
      assert.equal(intruder.ok ? 'ok' : intruder.error.code, 'WRONG_REGISTER');
      const r = await v.shop.post(v.path('/shifts'), {});
      assert.deepEqual([r.status, r.body.code], [409, 'MODULE_LOCKED'], r.text);
      assert.equal((await v.shop.get(v.path('/status'))).body.module.lock.reason, 'UNLAWFUL_USE');
    });

    test('FIS-USE-03, FIS-VCS-05: a receipt the module sealed but the register never recorded (a crash between the two) is found and sent by the worker', async () => {
      const v = await readyRegister(t, officer);
      assert.equal((await v.shop.post(v.path('/shifts'), {})).status, 201);
      const port = await t.c.cashdesk.deps.modules.open(v.fm);
      assert.ok(port);
      const tax = lineTax(350, 'vat', 1400);
      const formed = await port.formReceipt({
        registerNumber: v.serialNumber,
        at: toLocalIso(t.clock.now().getTime()),
        isOffline: false,
        receipt: {
          operation: 'sale',
          business: { tin: v.business.tin, name: v.business.name },
          address: 'ш. Душанбе, к. Айнӣ 5, дӯкони 3',
          lines: [{ name: 'Нон', quantity: 1000, unit: 'дона', price: 350, amount: 350, tax: { kind: 'vat', rateBp: 1400, amount: tax } }],
          payment: { cash: 350, nonCash: 0 },
          total: 350,
          taxTotal: tax,
        },
      });
      assert.ok(formed.ok, JSON.stringify(!formed.ok && formed.error));
      assert.equal((await v.shop.get(v.path('/status'))).body.queue.length, 1);
      t.clock.advance(FULL_PASS_MS);
      await t.c.worker.runOnce();
      assert.equal((await v.shop.get(v.path('/status'))).body.queue.length, 0);
      const kept = await v.shop.get(v.path(`/receipts/${formed.value.number}`));
      assert.deepEqual([kept.status, kept.body.delivery.status], [200, 'accepted'], kept.text);
      await t.c.fiscal.intake.drain();
      const found = (await officer.get(`/api/fiscal/registers/${v.fiscalRegisterId}/integrity`)).body;
      assert.deepEqual([found.gaps, found.alerts], [[], []]);
    });

    test('FIS-VTR-02, FIS-PRH-10: a register whose module memory is gone refuses to work instead of starting a blank module', async () => {
      const v = await readyRegister(t, officer);
      await t.c.cashdesk.close();
      await rm(join(t.dataDir, 'cashdesk', 'modules', v.fm), { recursive: true, force: true });
      const r = await v.shop.post(v.path('/shifts'), {});
      assert.deepEqual([r.status, r.body.code], [403, 'MODULE_MISSING'], r.text);
      assert.equal((await v.shop.get(v.path())).body.module.state, 'missing');
    });

    test('after deregistration (p.31-32) the register refuses to work', async () => {
      const v = await readyRegister(t, officer);
      assert.equal((await v.shop.post(v.path('/shifts'), {})).status, 201);
      assert.equal((await v.shop.post(v.path('/sales'), sale)).status, 201);
      const card = (await officer.get(`/api/fiscal/registers/${v.fiscalRegisterId}/card`)).body;
      const dereg = await v.tsc.specialist.post('/api/fiscal/applications', {
        kind: 'deregistration',
        businessTin: v.business.tin,
        registerId: v.fiscalRegisterId,
        manufacturerNumber: card.manufacturerNumber,
        fiscalModuleNumber: card.fiscalModuleNumber,
        reason: 'Фаъолият қатъ шуд',
        isFiscalModuleHandedOver: true,
        signatory: 'Каримов А.',
        signedOn: '2026-03-02',
        phone: '+992 900 00 00 01',
        submittedAs: 'paper',
        attachments: [{ kind: 'deregistration_basis', fileName: 'асос.pdf', mediaType: 'application/pdf', contentBase64: PDF }],
      });
      assert.equal(dereg.body.status, 'completed', dereg.text);
      const r = await v.shop.post(v.path('/sales'), sale);
      assert.deepEqual([r.status, r.body.code], [403, 'REGISTER_DEREGISTERED'], r.text);
      assert.ok(codes(r.body).includes('MODULE_NOT_REGISTERED'), 'the module is no longer installed in a registered register either');
    });

    test('FIS-PRH-14: when the business’s data changed (p.67 item 7, p.70 item 6) the register refuses until it is re-registered', async () => {
      const v = await readyRegister(t, officer);
      assert.equal((await v.shop.post(v.path('/shifts'), {})).status, 201);
      const changed = await officer.put(`/api/fiscal/businesses/${v.business.tin}`, { name: 'ҶДММ «Ситораи нав»' });
      assert.equal(changed.status, 200, changed.text);
      const r = await v.shop.post(v.path('/sales'), sale);
      assert.deepEqual([r.status, r.body.code], [403, 'BUSINESS_DATA_CHANGED'], r.text);
    });

    test('FIS-VTR-09, FIS-OCR-16: the register checks its clock against the operator’s (UTC+05:00) and refuses when they differ', async () => {
      const v = await readyRegister(t, officer);
      // An operator whose clock is 10 minutes ahead of the register's.
      const ahead: Server = createServer((req, res) => {
        const ms = t.clock.now().getTime() + 10 * 60_000;
        res.setHeader('content-type', 'application/json');
        res.end(req.url === '/api/public/time' ? JSON.stringify({ now: new Date(ms).toISOString(), epochMs: ms }) : '{}');
      });
      await new Promise<void>((resolve) => ahead.listen(0, '127.0.0.1', resolve));
      t.c.cashdesk.useOperatorUrl(`http://127.0.0.1:${(ahead.address() as AddressInfo).port}`);
      try {
        const unlocked = await v.shop.post(v.path('/unlock'), { password: PASSWORD });
        assert.equal(unlocked.status, 200);
        assert.ok(unlocked.body.status.clock.offsetMs <= -599_000, JSON.stringify(unlocked.body.status.clock));
        assert.ok(unlocked.body.status.reasons.some((r: { code: string }) => r.code === 'CLOCK_OUT_OF_SYNC'));
        const r = await v.shop.post(v.path('/shifts'), {});
        assert.deepEqual([r.status, r.body.code], [409, 'CLOCK_OUT_OF_SYNC'], r.text);
      } finally {
        t.c.cashdesk.useOperatorUrl(undefined);
        await new Promise<void>((resolve) => ahead.close(() => resolve()));
      }
      // Back with the real operator, the clock agrees again.
      assert.equal((await v.shop.post(v.path('/shifts'), {})).status, 201);
    });

    test('FIS-VTR-11, FIS-OCR-18: one module serves one register: a register is set up once', async () => {
      const v = await readyRegister(t, officer);
      const twice = await v.shop.post('/api/cashdesk/registers', { fiscalRegisterId: v.fiscalRegisterId, password: PASSWORD });
      assert.deepEqual([twice.status, twice.body.code], [409, 'REGISTER_ALREADY_SET_UP']);
    });

    test('a business sees and works only its own registers and products', async () => {
      const a = await readyRegister(t, officer);
      const b = await readyRegister(t, officer);
      assert.deepEqual(
        (await b.shop.get('/api/cashdesk/registers')).body.map((r: { id: string }) => r.id),
        [b.id],
      );
      for (const path of ['', '/status', '/receipts', '/shifts/current/x-report']) {
        const r = await b.shop.get(a.path(path));
        assert.deepEqual([r.status, r.body.code], [404, 'NOT_FOUND'], path);
      }
      const unlock = await b.shop.post(a.path('/unlock'), { password: PASSWORD });
      assert.deepEqual([unlock.status, unlock.body.code], [404, 'NOT_FOUND']);
      const sell = await b.shop.post(a.path('/sales'), sale);
      assert.deepEqual([sell.status, sell.body.code], [404, 'NOT_FOUND']);
      const steal = await b.shop.post('/api/cashdesk/registers', { fiscalRegisterId: a.fiscalRegisterId, password: PASSWORD });
      assert.deepEqual([steal.status, steal.body.code], [404, 'NOT_FOUND']);
      const officerTry = await officer.get(a.path());
      assert.equal(officerTry.status, 403);
    });

    test('FIS-VCS-02, FIS-VCS-08, FIS-VTR-05, FIS-OCR-07: products with GS1 codes are added, changed and imported; a wrong check digit or a bad row is refused whole', async () => {
      const v = await readyRegister(t, officer, { isUnlocked: false });
      const wrong = await v.shop.post('/api/cashdesk/products', {
        gtin: '4600000000009',
        name: { tg: 'Равғани пахта' },
        unit: 'litre',
        price: 2500,
        tax: { kind: 'vat', rateBp: 1400 },
      });
      assert.deepEqual([wrong.status, wrong.body.code], [422, 'PRODUCT_INVALID']);
      assert.deepEqual(
        wrong.body.details.problems.map((p: { code: string }) => p.code),
        ['GTIN_CHECK_DIGIT_WRONG'],
      );
      const added = await v.shop.post('/api/cashdesk/products', {
        gtin: '4601234567893',
        name: { tg: 'Равғани пахта', ru: 'Хлопковое масло' },
        unit: 'litre',
        price: 2500,
        tax: { kind: 'vat', rateBp: 1400 },
      });
      assert.equal(added.status, 201, added.text);
      assert.equal(added.body.code, '4601234567893');
      const scan = await v.shop.get('/api/cashdesk/products/lookup?code=04601234567893');
      assert.deepEqual([scan.status, scan.body.name.tg], [200, 'Равғани пахта']);
      const edited = await v.shop.put('/api/cashdesk/products/4601234567893', {
        gtin: '4601234567893',
        name: { tg: 'Равғани пахта 1 л' },
        unit: 'piece',
        price: 2700,
        tax: { kind: 'vat', rateBp: 1400 },
      });
      assert.deepEqual([edited.status, edited.body.price], [200, 2700], edited.text);
      const taken = await v.shop.post('/api/cashdesk/products', {
        code: 'OTHER',
        gtin: '4601234567893',
        name: { tg: 'Дигар' },
        unit: 'piece',
        price: 100,
        tax: { kind: 'none', rateBp: 0 },
      });
      assert.deepEqual([taken.status, taken.body.code], [409, 'GTIN_TAKEN']);
      const bad = await v.shop.post('/api/cashdesk/products/import', {
        csv: 'code,name_tg,unit,price,tax_kind,tax_rate\nA1,Себ,kg,7.00,vat,14\nA2,,piece,1,vat,14\n',
      });
      assert.deepEqual([bad.status, bad.body.code], [422, 'CATALOGUE_IMPORT_INVALID']);
      assert.deepEqual(
        bad.body.details.problems.map((p: { line: number; field: string; code: string }) => [p.line, p.field, p.code]),
        [[3, 'name_tg', 'PRODUCT_NAME_MISSING']],
      );
      const list = (await v.shop.get('/api/cashdesk/products?limit=100')).body.map((p: { code: string }) => p.code);
      assert.ok(!list.includes('A1'), 'nothing of a bad file is imported');
      assert.ok(list.includes('NON') && list.includes('4601234567893'));
    });
  });
}
