import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { type Client, startTestApp, type TestApp } from '../../../../test/app.ts';
import { testTargets } from '../../../../test/db.ts';
import { makeInspectorate, makeModel, makeTsc } from '../../../../test/fiscal-factories.ts';
import { businesses, registers } from './schema.ts';

/** Monday 6 April 2026, 10:00 in Dushanbe. */
const MONDAY = '2026-04-06T05:00:00Z';
const batch = (...numbers: string[]) => ({ modules: numbers.map((number) => ({ number, manufacturerNumber: `SLE77-${number}` })) });
const deadline = (view: { deadlines: { kind: string }[] }, kind: string) => view.deadlines.find((d) => d.kind === kind) as Record<string, unknown> | undefined;

for (const target of testTargets()) {
  describe(`registry of fiscal modules over HTTP [${target}]`, () => {
    let t: TestApp;
    let admin: Client;
    let officer: Client;
    let tscA: Awaited<ReturnType<typeof makeTsc>>;
    let tscB: Awaited<ReturnType<typeof makeTsc>>;
    const count = async (table: string) => Number((await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]?.n);

    before(async () => {
      t = await startTestApp(target, MONDAY);
      admin = await t.as('operator_admin');
      officer = await t.as('tax_officer');
      tscA = await makeTsc(t);
      tscB = await makeTsc(t);
    });
    after(() => t.close());

    test('FIS-FMR-01, FIS-OPR-12: the operator supplies a batch of modules to a TSC and enters each one in the registry; the TSC is told', async () => {
      const r = await admin.post(`/api/fiscal/tscs/${tscA.id}/fiscal-modules`, batch('FM-0001', 'FM-0002', 'FM-0003'));
      assert.equal(r.status, 201, r.text);
      assert.deepEqual(
        r.body.map((m: Record<string, string>) => [m.number, m.manufacturerNumber, m.status, m.tscId]),
        [
          ['FM-0001', 'SLE77-FM-0001', 'supplied', tscA.id],
          ['FM-0002', 'SLE77-FM-0002', 'supplied', tscA.id],
          ['FM-0003', 'SLE77-FM-0003', 'supplied', tscA.id],
        ],
      );
      const listed = await admin.get(`/api/fiscal/fiscal-modules?tscId=${tscA.id}&status=supplied`);
      assert.equal(listed.body.length, 3);
      const notices = (await tscA.specialist.get('/api/notifications')).body.items as { kind: string; body: { en: string } }[];
      assert.ok(notices.some((n) => n.kind === 'fiscal_module.supplied' && n.body.en.includes('3 fiscal modules')));
      const audited = await t.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM platform.audit_log WHERE entity = 'fiscal.fiscal_module' AND action = 'fiscal_module.supplied'`,
      );
      assert.equal(Number(audited[0]?.n), 3);
    });

    test('FIS-FMR-01: a number already recorded or repeated in the batch refuses the whole batch; only the operator supplies', async () => {
      const before = await count('fiscal.fiscal_modules');
      const known = await admin.post(`/api/fiscal/tscs/${tscB.id}/fiscal-modules`, batch('FM-0100', 'FM-0002'));
      assert.equal(known.status, 409);
      assert.equal(known.body.code, 'FISCAL_MODULE_ALREADY_EXISTS');
      assert.deepEqual(known.body.details.numbers, ['FM-0002']);
      assert.equal(known.body.field, 'body.modules[1].number');
      const repeated = await admin.post(`/api/fiscal/tscs/${tscB.id}/fiscal-modules`, batch('FM-0101', 'FM-0101'));
      assert.equal(repeated.body.code, 'FISCAL_MODULE_ALREADY_EXISTS');
      assert.equal(await count('fiscal.fiscal_modules'), before);
      assert.equal((await admin.post(`/api/fiscal/tscs/${randomUUID()}/fiscal-modules`, batch('FM-0102'))).body.code, 'TSC_NOT_FOUND');
      assert.equal((await officer.post(`/api/fiscal/tscs/${tscB.id}/fiscal-modules`, batch('FM-0103'))).status, 403);
      assert.equal((await tscB.specialist.post(`/api/fiscal/tscs/${tscB.id}/fiscal-modules`, batch('FM-0104'))).status, 403);
      const invalid = await admin.post(`/api/fiscal/tscs/${tscB.id}/fiscal-modules`, { modules: [] });
      assert.equal(invalid.status, 400);
    });

    test('FIS-FMR-02, FIS-GEN-08: a module is registered at the TSC’s request and is then ready to install; only from the supplied state', async () => {
      const r = await tscA.specialist.post('/api/fiscal/fiscal-modules/FM-0001/register');
      assert.equal(r.status, 200, r.text);
      assert.equal(r.body.status, 'registered');
      assert.equal(r.body.registeredAt, '2026-04-06T05:00:00.000Z');
      const again = await tscA.specialist.post('/api/fiscal/fiscal-modules/FM-0001/register');
      assert.equal(again.status, 409);
      assert.equal(again.body.code, 'FISCAL_MODULE_WRONG_STATE');
      assert.deepEqual(again.body.details, { status: 'registered', allowedFrom: ['supplied'] });
      const foreign = await tscB.specialist.post('/api/fiscal/fiscal-modules/FM-0002/register');
      assert.equal(foreign.status, 404);
      assert.equal(foreign.body.code, 'FISCAL_MODULE_NOT_FOUND');
      assert.equal((await admin.post('/api/fiscal/fiscal-modules/FM-0002/register')).status, 403);
      assert.equal((await tscA.specialist.post('/api/fiscal/fiscal-modules/NO-SUCH/register')).body.code, 'FISCAL_MODULE_NOT_FOUND');
    });

    test('FIS-FMR-03: a module taken back from a business is owed to the operator within one month of receipt, then returned', async () => {
      // FM-0001 is installed in a business's register (by the register registration use case).
      const inspectorate = await makeInspectorate(t);
      const model = await makeModel(t);
      const now = t.clock.now();
      const registerId = randomUUID();
      await t.db.db.insert(businesses).values({
        tin: '600000001',
        name: 'Дӯкони «Нур»',
        kind: 'legal_entity',
        legalAddress: 'ш. Душанбе',
        inspectorateCode: inspectorate,
        taxRegime: 'general',
        isVatPayer: false,
        createdAt: now,
        updatedAt: now,
      });
      await t.db.db.insert(registers).values({
        id: registerId,
        registryNumber: 'R-FM-1',
        kind: 'virtual',
        modelId: model.id,
        manufacturerNumber: 'VCR-FM-1',
        softwareVersion: '1.0.0',
        fiscalModuleNumber: 'FM-0001',
        businessTin: '600000001',
        businessDataVersion: 1,
        placeOfActivity: 'ш. Душанбе, к. Айнӣ 5',
        inspectorateCode: inspectorate,
        tscId: tscA.id,
        branchId: null,
        status: 'registered',
        registeredAt: now,
        nextInspectionDueAt: now,
        updatedAt: now,
      });
      await t.db.query(`UPDATE fiscal.fiscal_modules SET status = 'installed', register_id = $1 WHERE number = 'FM-0001'`, [registerId]);

      const future = await tscA.specialist.post('/api/fiscal/fiscal-modules/FM-0001/receive-back', {
        reason: 'memory_full',
        receivedAt: '2026-04-07T09:00:00+05:00',
      });
      assert.equal(future.status, 422);
      assert.equal(future.body.code, 'DATE_IN_FUTURE');
      const badReason = await tscA.specialist.post('/api/fiscal/fiscal-modules/FM-0001/receive-back', { reason: 'lost' });
      assert.equal(badReason.status, 400);
      const supplied = await tscA.specialist.post('/api/fiscal/fiscal-modules/FM-0003/receive-back', { reason: 'faulty' });
      assert.equal(supplied.body.code, 'FISCAL_MODULE_WRONG_STATE', 'a module never registered is not taken back from a business');

      const r = await tscA.specialist.post('/api/fiscal/fiscal-modules/FM-0001/receive-back', {
        reason: 'memory_full',
        receivedAt: '2026-04-03T09:00:00+05:00',
        note: 'Memory full after 3 years',
      });
      assert.equal(r.status, 200, r.text);
      assert.equal(r.body.status, 'awaiting_return');
      assert.equal(r.body.returnReason, 'memory_full');
      assert.equal(r.body.registerId, null, 'one module serves one register: it no longer serves this one');
      assert.equal(r.body.returnDueAt, '2026-05-03T18:59:59.999Z', 'one month from the day of receipt (catalog ambiguity 30)');
      const due = deadline(r.body, 'FISCAL_MODULE_RETURN');
      assert.deepEqual(
        [due?.startsAt, due?.legalRef, due?.responsibleKind, due?.responsibleId, due?.metAt],
        ['2026-04-03T04:00:00.000Z', 'p.98', 'org', tscA.id, null],
      );

      const foreign = await tscB.specialist.post('/api/fiscal/fiscal-modules/FM-0001/return');
      assert.equal(foreign.status, 404);
      t.clock.set('2026-04-06T08:00:00Z');
      const returned = await tscA.specialist.post('/api/fiscal/fiscal-modules/FM-0001/return');
      assert.equal(returned.status, 200, returned.text);
      assert.equal(returned.body.status, 'returned');
      assert.equal(returned.body.returnedAt, '2026-04-06T08:00:00.000Z');
      assert.equal(deadline(returned.body, 'FISCAL_MODULE_RETURN')?.metAt, '2026-04-06T08:00:00.000Z');
      const twice = await admin.post('/api/fiscal/fiscal-modules/FM-0001/return');
      assert.equal(twice.body.code, 'FISCAL_MODULE_WRONG_STATE');
      const trail = await t.db.query<{ action: string }>(
        `SELECT action FROM platform.audit_log WHERE entity = 'fiscal.fiscal_module' AND entity_id = 'FM-0001' ORDER BY seq`,
      );
      assert.deepEqual(
        trail.map((a) => a.action),
        ['fiscal_module.supplied', 'fiscal_module.registered', 'fiscal_module.received_back', 'fiscal_module.returned'],
      );
    });

    test('a TSC sees only its own modules; the operator and the tax officer see all, by TSC and status', async () => {
      assert.deepEqual((await tscB.specialist.get('/api/fiscal/fiscal-modules')).body, []);
      assert.deepEqual((await tscB.specialist.get(`/api/fiscal/fiscal-modules?tscId=${tscA.id}`)).body, []);
      const peek = await tscB.specialist.get('/api/fiscal/fiscal-modules/FM-0002');
      assert.equal(peek.status, 404);
      assert.equal(peek.body.code, 'FISCAL_MODULE_NOT_FOUND');
      assert.deepEqual(
        (await tscA.specialist.get('/api/fiscal/fiscal-modules')).body.map((m: { number: string }) => m.number),
        ['FM-0001', 'FM-0002', 'FM-0003'],
      );
      assert.deepEqual(
        (await officer.get(`/api/fiscal/fiscal-modules?tscId=${tscA.id}&status=returned`)).body.map((m: { number: string }) => m.number),
        ['FM-0001'],
      );
      assert.equal((await officer.get('/api/fiscal/fiscal-modules/FM-0002')).status, 200);
      assert.equal((await admin.get('/api/fiscal/fiscal-modules?limit=2')).body.length, 2);
      const business = await t.as('business', { tin: '600000001' });
      assert.equal((await business.get('/api/fiscal/fiscal-modules')).status, 403);
    });
  });
}
