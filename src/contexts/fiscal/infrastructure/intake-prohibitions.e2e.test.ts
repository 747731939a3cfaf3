import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type Client, type TestApp } from '../../../../test/app.ts';
import { testTargets } from '../../../../test/db.ts';
import { makeFiscalModules, makeTsc, PDF, registrationAttachments } from '../../../../test/fiscal-factories.ts';
import { ModuleDouble } from '../../../../test/fiscal-module-double.ts';
import { registeredModule, send, type RegisteredModule } from '../../../../test/intake-fixture.ts';

const at = (iso: string) => new Date(iso);
const bread = { name: 'Нон', quantity: 2000, price: 350 };

for (const target of testTargets()) {
  describe(`intake refuses what the Procedure prohibits [${target}]`, () => {
    let t: TestApp;
    let officer: Client;
    let admin: Client;
    before(async () => {
      t = await startTestApp(target, '2026-03-02T05:00:00Z');
      officer = await t.as('tax_officer');
      admin = await t.as('operator_admin');
    });
    after(() => t.close());

    /** Sends a receipt after the registries changed (the module cache is cleared as its TTL would). */
    const tryReceipt = async (m: RegisteredModule, lines = [bread]) => {
      t.c.fiscal.moduleContexts.clear();
      return send(t, m.module.receipt(at('2026-03-02T04:30:00Z'), lines));
    };
    const prohibited = async (m: RegisteredModule) => {
      await t.c.fiscal.intake.drain();
      const alerts = (await officer.get(`/api/fiscal/registers/${m.registerId}/integrity`)).body.alerts;
      return alerts.filter((a: { kind: string }) => a.kind === 'PROHIBITED_USE');
    };

    test('FIS-PRH-02, FIS-PRH-10: a module that is unknown, not initialised or not installed in a registered register cannot send', async () => {
      const unknown = new ModuleDouble('FM-NOPE', 'X', { tin: '010000001', name: 'x' }, 'x');
      unknown.initialise(Buffer.from(unknown.publicKey).toString('hex'));
      const r1 = await send(t, unknown.openShift(at('2026-03-02T04:00:00Z')));
      assert.deepEqual([r1.status, r1.body.code], [404, 'MODULE_UNKNOWN']);
      const tsc = await makeTsc(t);
      const [fm] = await makeFiscalModules(t, tsc.id, 1);
      const spare = new ModuleDouble(fm as string, 'X', { tin: '010000001', name: 'x' }, 'x');
      spare.initialise(Buffer.from(spare.publicKey).toString('hex'));
      const r2 = await send(t, spare.openShift(at('2026-03-02T04:00:00Z')));
      assert.deepEqual([r2.status, r2.body.code], [409, 'MODULE_NOT_INITIALISED']);
      const offCurve = await tsc.specialist.post(`/api/fiscal/fiscal-modules/${fm}/initialise`, { publicKey: '01'.repeat(64) });
      assert.deepEqual([offCurve.status, offCurve.body.code], [422, 'MODULE_KEY_INVALID']);
      const init = await tsc.specialist.post(`/api/fiscal/fiscal-modules/${fm}/initialise`, { publicKey: spare.publicKeyHex });
      assert.equal(init.status, 200);
      assert.equal(
        (await tsc.specialist.post(`/api/fiscal/fiscal-modules/${fm}/initialise`, { publicKey: spare.publicKeyHex })).body.code,
        'FISCAL_MODULE_WRONG_STATE',
      );
      t.c.fiscal.moduleContexts.clear();
      const r3 = await send(t, spare.openShift(at('2026-03-02T04:01:00Z')));
      assert.deepEqual([r3.status, r3.body.code], [409, 'MODULE_NOT_INSTALLED']);
    });

    test('FIS-PRH-01, FIS-PRH-08, FIS-PRH-09, FIS-PRH-15: a register whose model left the state registry is refused and reported', async () => {
      const m = await registeredModule(t, officer);
      assert.equal((await send(t, m.module.openShift(at('2026-03-02T04:00:00Z')))).status, 200);
      assert.equal((await admin.post(`/api/fiscal/models/${m.modelId}/exclude`, { on: '2026-03-01', reason: 'Certificate withdrawn' })).status, 200);
      const r = await tryReceipt(m);
      assert.deepEqual([r.status, r.body.code], [403, 'MODEL_NOT_USABLE']);
      assert.equal((await prohibited(m)).length, 1);
      const inbox = (await officer.get('/api/notifications')).body.items;
      assert.ok(inbox.some((n: { kind: string; subjectId: string }) => n.kind === 'fiscal.alert.PROHIBITED_USE' && n.subjectId === m.registerId));
    });

    test('FIS-PRH-05, FIS-PRH-12: when the servicing TSC is removed from the registry its registers may not be used', async () => {
      const m = await registeredModule(t, officer);
      assert.equal((await send(t, m.module.openShift(at('2026-03-02T04:00:00Z')))).status, 200);
      const removed = await officer.post(`/api/fiscal/tscs/${m.tsc.id}/remove`, { ground: 'liquidation_or_bankruptcy', decisionNumber: '№ 7/2026' });
      assert.equal(removed.status, 200, removed.text);
      const r = await tryReceipt(m);
      assert.deepEqual([r.status, r.body.code], [403, 'TSC_NOT_ACTIVE']);
    });

    test('FIS-PRH-07, FIS-PRH-14: after the business data change the register is refused until it is re-registered', async () => {
      const m = await registeredModule(t, officer);
      assert.equal((await send(t, m.module.openShift(at('2026-03-02T04:00:00Z')))).status, 200);
      assert.equal((await officer.put(`/api/fiscal/businesses/${m.business.tin}`, { legalAddress: 'ш. Душанбе, к. Сино 1' })).status, 200);
      const r = await tryReceipt(m);
      assert.deepEqual([r.status, r.body.code], [403, 'BUSINESS_DATA_CHANGED']);
      const rr = await m.tsc.specialist.post('/api/fiscal/applications', {
        kind: 're_registration',
        businessTin: m.business.tin,
        registerId: m.registerId,
        reRegistrationReason: 'business_data_changed',
        signatory: 'Каримов А.',
        signedOn: '2026-03-02',
        phone: '+992 900 00 00 01',
        submittedAs: 'paper',
        technicalCheck: { isInWorkingOrder: true, isCorrectProgramInstalled: true },
        attachments: registrationAttachments(),
      });
      assert.equal(rr.body.status, 'completed', rr.text);
      const again = await tryReceipt(m);
      assert.equal(again.status, 200, again.text);
    });

    test('FIS-PRH-02: a deregistered or lost register is refused', async () => {
      const m = await registeredModule(t, officer);
      assert.equal((await send(t, m.module.openShift(at('2026-03-02T04:00:00Z')))).status, 200);
      const cabinet = await t.login(m.business.tin, '123456');
      assert.equal(
        (
          await cabinet.post(`/api/fiscal/registers/${m.registerId}/loss-reports`, {
            occurredAt: '2026-03-02T09:00:00+05:00',
            description: 'Дуздида шуд',
            channel: 'cabinet',
          })
        ).status,
        201,
      );
      assert.deepEqual((await tryReceipt(m)).body.code, 'REGISTER_LOST');
      const m2 = await registeredModule(t, officer);
      assert.equal((await send(t, m2.module.openShift(at('2026-03-02T04:00:00Z')))).status, 200);
      const card = (await officer.get(`/api/fiscal/registers/${m2.registerId}/card`)).body;
      const dereg = await m2.tsc.specialist.post('/api/fiscal/applications', {
        kind: 'deregistration',
        businessTin: m2.business.tin,
        registerId: m2.registerId,
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
      const r = await tryReceipt(m2);
      assert.ok(r.body.code === 'MODULE_NOT_INSTALLED' || r.body.code === 'REGISTER_DEREGISTERED', r.text);
    });

    test('FIS-PRH-03, FIS-PRH-11, FIS-RCT-10: a receipt lacking a mandatory field is refused with every missing field; wrong sums are refused too', async () => {
      const m = await registeredModule(t, officer);
      assert.equal((await send(t, m.module.openShift(at('2026-03-02T04:00:00Z')))).status, 200);
      const good = m.module.receipt(at('2026-03-02T04:05:00Z'), [bread]);
      const missing = m.module.sealRaw({ ...good, address: ' ', lines: [{ ...(good.lines[0] as (typeof good.lines)[number]), name: '' }] });
      const r = await send(t, missing);
      assert.deepEqual([r.status, r.body.code], [422, 'RECEIPT_FIELDS_MISSING']);
      assert.deepEqual(
        r.body.details.problems.map((p: { field: string }) => p.field),
        ['address', 'lines[0].name'],
      );
      const sums = m.module.sealRaw({ ...good, total: good.total + 1 });
      const s = await send(t, sums);
      assert.equal(s.body.code, 'RECEIPT_SUMS_WRONG');
      assert.ok(s.body.details.problems.some((p: { code: string }) => p.code === 'TOTAL_NOT_SUM_OF_LINES'));
      assert.equal((await send(t, good)).status, 200);
    });

    test('FIS-RCT-03, FIS-RCT-04: a receipt paid partly by card and partly in cash records both forms, and change is not revenue', async () => {
      const m = await registeredModule(t, officer);
      assert.equal((await send(t, m.module.openShift(at('2026-03-02T04:00:00Z')))).status, 200);
      const r = m.module.receipt(at('2026-03-02T04:05:00Z'), [bread, { name: 'Равған', quantity: 1000, price: 2500 }], { nonCash: 2000, cashGiven: 2000 });
      assert.equal((await send(t, r)).status, 200);
      const docs = (await officer.get(`/api/fiscal/registers/${m.registerId}/documents?from=2026-03-02&to=2026-03-02`)).body.items;
      const stored = docs.find((d: { number: number }) => d.number === r.number);
      assert.deepEqual([stored.total, stored.cash, stored.nonCash], [3200, 1200, 2000]);
    });

    test('a document dated ahead of the operator clock, or naming another register or business, is refused', async () => {
      const m = await registeredModule(t, officer);
      const future = await send(t, m.module.openShift(at('2026-03-02T06:00:00Z')));
      assert.equal(future.body.code, 'DOCUMENT_FROM_THE_FUTURE');
      const other = m.module.sealRaw({ ...m.module.openShift(at('2026-03-02T04:00:00Z')), registerNumber: 'OTHER-1' });
      assert.equal((await send(t, other)).body.code, 'REGISTER_NUMBER_MISMATCH');
    });
  });
}
