import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type Client, startTestApp, type TestApp } from '../../../../test/app.ts';
import { testTargets } from '../../../../test/db.ts';
import { releaseFromStorage, storageFor } from '../index.ts';
import { piBody } from './preliminary.fixtures.ts';

const DECLARANT = '030000303';
/** A customs broker in the persons register (migration 0016): an authorised representative. */
const BROKER = '010000101';
const OWNER = '060000606';

type Reply = { status: number; body: { code?: string; field?: string; details?: Record<string, unknown> }; headers: Record<string, unknown> };
const refused = (r: Reply, status: number, code: string, field?: string) => {
  assert.equal(r.status, status, JSON.stringify(r.body));
  assert.equal(r.body.code, code);
  if (field) assert.equal(r.body.field, field);
};

const insurance = { insurer: 'Bima', policyNumber: 'P-1', validFrom: '2026-01-01', validTo: '2026-12-31', sumDirams: '100000000' };

for (const target of testTargets()) {
  describe(`customs arrival and temporary storage [${target}]`, () => {
    let t: TestApp;
    let officer: Client;
    let declarant: Client;
    let broker: Client;
    let stranger: Client;
    const wh: Record<'dushanbe' | 'khujand' | 'closed', string> = { dushanbe: '', khujand: '', closed: '' };
    const pis: string[] = [];
    const s: Record<'main' | 'idle' | 'transit' | 'recipient', string> = { main: '', idle: '', transit: '', recipient: '' };

    // Monday 2 March 2026, 10:00 in Dushanbe.
    before(async () => {
      t = await startTestApp(target, '2026-03-02T05:00:00Z');
      officer = await t.as('customs_officer');
      declarant = await t.as('declarant', { tin: DECLARANT });
      broker = await t.as('declarant', { tin: BROKER });
      stranger = await t.as('declarant', { tin: '050000505' });
      const owner = await t.as('warehouse_owner', { tin: OWNER });
      const register = async (officeCode: string, type: 'open' | 'closed') => {
        const body = type === 'open' ? { insurance, insurancePolicyDocument: 'doc://p-1', purposes: ['any_persons_goods'] } : { purposes: ['own_goods'] };
        const app = await owner.post('/api/customs/warehouses/applications', {
          name: `TSW ${officeCode}`,
          type,
          officeCode,
          address: 'Street 1',
          areaSqm: 1000,
          ...body,
        });
        assert.equal(app.status, 201, JSON.stringify(app.body));
        const decided = await officer.post(`/api/customs/warehouses/applications/${app.body.id}/decision`, { decision: 'approve' });
        return decided.body.warehouseId as string;
      };
      wh.dushanbe = await register('DUSHANBE', 'open');
      wh.khujand = await register('KHUJAND', 'open');
      wh.closed = await register('DUSHANBE', 'closed');
      for (let i = 0; i < 4; i += 1) {
        const r = await declarant.post('/api/customs/preliminary-information', piBody({ goods: [piBody().goods[0]] }));
        assert.equal(r.status, 201, JSON.stringify(r.body));
        pis.push(r.body.number);
      }
    });
    after(() => t.close());

    test('CUS-TS-01 CUS-TS-02 CUS-PI-05 A-20: presentation from the preliminary information puts the goods in temporary storage at that instant, nothing re-entered; the short declaration is due at the end of the next working day, the periods run 15 and 90 days', async () => {
      refused(await declarant.post('/api/customs/storage', { trigger: 'arrival', preliminaryNumber: pis[0] }), 403, 'FORBIDDEN');
      refused(await officer.post('/api/customs/storage', { trigger: 'arrival' }), 422, 'ARRIVAL_VALUE_INVALID', 'body.preliminaryNumber');
      refused(await officer.post('/api/customs/storage', { trigger: 'arrival', preliminaryNumber: 'PI-2026-9999999' }), 404, 'PI_NOT_FOUND');
      const r = await officer.post('/api/customs/storage', { trigger: 'arrival', preliminaryNumber: pis[0] });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      s.main = r.body.number;
      assert.match(r.body.number, /^TS-2026-\d{7}$/);
      assert.equal(r.body.status, 'IN_TEMPORARY_STORAGE');
      assert.equal(r.body.startedAt, '2026-03-02T05:00:00.000Z');
      assert.equal(r.body.officeCode, 'DUSHANBE');
      assert.equal(r.body.declarantTin, DECLARANT);
      assert.equal(r.body.goods[0].commodityCode, '1101000000');
      assert.equal(r.body.goods[0].quantity, '20000');
      // Monday → end of Tuesday, the office's next working day.
      assert.equal(r.body.shortDeclarationDueAt, '2026-03-03T18:59:59.999Z');
      assert.equal(r.body.ordinaryEndsAt, '2026-03-17T18:59:59.999Z');
      assert.equal(r.body.maximumEndsAt, '2026-05-31T18:59:59.999Z');
      const pi = await declarant.get(`/api/customs/preliminary-information/${pis[0]}`);
      assert.equal(pi.body.status, 'USED');
      assert.deepEqual(
        pi.body.uses.map((u: { use: string }) => u.use),
        ['arrival'],
      );
      refused(await officer.post('/api/customs/storage', { trigger: 'arrival', preliminaryNumber: pis[0] }), 409, 'STORAGE_ALREADY_PRESENTED');
      const idle = await officer.post('/api/customs/storage', { trigger: 'arrival', preliminaryNumber: pis[1] });
      s.idle = idle.body.number;
      const summary = await t.c.database.db.transaction((tx) => storageFor(tx, s.main));
      assert.equal(summary?.status, 'IN_TEMPORARY_STORAGE');
      assert.equal(summary?.presentedAt.toISOString(), '2026-03-02T05:00:00.000Z');
      assert.equal(summary?.maximumEndsAt.toISOString(), '2026-05-31T18:59:59.999Z');
      assert.equal(await t.c.database.db.transaction((tx) => storageFor(tx, 'TS-2026-9999999')), undefined);
    });

    test('CUS-TS-06: after internal transit the short declaration is due by the end of the working day after its completion (Friday → Monday)', async () => {
      const goods = [piBody().goods[1]];
      const body = {
        trigger: 'internal_transit_completed',
        transitReference: 'TR-2026-0000042',
        completedAt: '2026-02-27T12:00:00+05:00',
        officeCode: 'DUSHANBE',
        declarantTin: DECLARANT,
        goods,
      };
      refused(await officer.post('/api/customs/storage', { ...body, transitReference: undefined }), 422, 'ARRIVAL_VALUE_INVALID', 'body.transitReference');
      refused(
        await officer.post('/api/customs/storage', { ...body, completedAt: '2026-03-02T11:00:00+05:00' }),
        422,
        'ARRIVAL_VALUE_INVALID',
        'body.completedAt',
      );
      refused(await officer.post('/api/customs/storage', { ...body, goods: undefined }), 422, 'ARRIVAL_VALUE_INVALID', 'body.goods');
      refused(await officer.post('/api/customs/storage', { ...body, goods: [{ ...goods[0], commodityCode: '1001990001' }] }), 422, 'PI_COMMODITY_CODE_UNKNOWN');
      refused(await officer.post('/api/customs/storage', { ...body, officeCode: 'NOWHERE' }), 422, 'ARRIVAL_OFFICE_UNKNOWN');
      refused(await officer.post('/api/customs/storage', { ...body, declarantTin: undefined }), 422, 'ARRIVAL_VALUE_INVALID', 'body.declarantTin');
      const r = await officer.post('/api/customs/storage', body);
      assert.equal(r.status, 201, JSON.stringify(r.body));
      s.transit = r.body.number;
      assert.equal(r.body.trigger, 'internal_transit_completed');
      assert.equal(r.body.transitReference, 'TR-2026-0000042');
      assert.equal(r.body.startedAt, '2026-02-27T07:00:00.000Z');
      assert.equal(r.body.shortDeclarationDueAt, '2026-03-02T18:59:59.999Z');
      assert.equal(r.body.ordinaryEndsAt, '2026-03-14T18:59:59.999Z');
    });

    test('CUS-TS-02 A-19: the declarant or a broker as its representative places the goods in a registered warehouse or a control zone of the office’s region', async () => {
      const sd = (c: Client, body: Record<string, unknown>, number = s.main) => c.post(`/api/customs/storage/${number}/short-declaration`, body);
      refused(await sd(stranger, { placeKind: 'warehouse', warehouseId: wh.dushanbe }), 403, 'STORAGE_NOT_YOUR_GOODS');
      refused(await sd(officer, { placeKind: 'warehouse', warehouseId: wh.dushanbe }), 403, 'FORBIDDEN');
      refused(await sd(declarant, { placeKind: 'warehouse', warehouseId: wh.dushanbe }, 'TS-2026-9999999'), 404, 'STORAGE_NOT_FOUND');
      refused(await sd(declarant, { placeKind: 'warehouse' }), 422, 'ARRIVAL_VALUE_INVALID', 'body.warehouseId');
      refused(await sd(declarant, { placeKind: 'warehouse', warehouseId: '0193a6a0-7c1e-7a10-8000-000000000001' }), 422, 'WAREHOUSE_NOT_IN_REGISTER');
      refused(await sd(declarant, { placeKind: 'warehouse', warehouseId: wh.khujand }), 422, 'STORAGE_PLACE_OUTSIDE_REGION', 'body.warehouseId');
      refused(await sd(declarant, { placeKind: 'warehouse', warehouseId: wh.closed }), 422, 'WAREHOUSE_PURPOSE_NOT_ALLOWED');
      refused(
        await sd(declarant, { placeKind: 'control_zone', officeCode: 'KHUJAND', placeDescription: 'Khujand yard' }),
        422,
        'STORAGE_PLACE_OUTSIDE_REGION',
        'body.officeCode',
      );
      refused(await sd(declarant, { placeKind: 'control_zone' }), 422, 'ARRIVAL_VALUE_INVALID', 'body.placeDescription');
      const r = await sd(broker, { placeKind: 'warehouse', warehouseId: wh.dushanbe });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal(r.body.status, 'SHORT_DECLARED');
      assert.equal(r.body.shortDeclaration.actedAs, 'representative');
      assert.equal(r.body.shortDeclaration.representativeTin, BROKER);
      assert.equal(r.body.shortDeclaration.warehouseId, wh.dushanbe);
      assert.equal(r.body.shortDeclaration.number, `${s.main}-SD`);
      refused(await sd(declarant, { placeKind: 'warehouse', warehouseId: wh.dushanbe }), 409, 'STORAGE_ALREADY_SHORT_DECLARED');
      // The representative now reads the record; the preliminary information recorded the use.
      assert.equal((await broker.get(`/api/customs/storage/${s.main}`)).status, 200);
      const pi = await declarant.get(`/api/customs/preliminary-information/${pis[0]}`);
      assert.deepEqual(
        pi.body.uses.map((u: { use: string }) => u.use),
        ['arrival', 'storage'],
      );
      const zone = await sd(declarant, { placeKind: 'control_zone', placeDescription: 'Dushanbe rail yard, zone 3' }, s.transit);
      assert.equal(zone.status, 200, JSON.stringify(zone.body));
      assert.equal(zone.body.shortDeclaration.actedAs, 'declarant');
    });

    test('CUS-TS-04 CUS-TS-17: storage at the recipient’s warehouse is refused without a valid linked security; a valid one is linked to the record', async () => {
      const presented = await officer.post('/api/customs/storage', { trigger: 'arrival', preliminaryNumber: pis[2] });
      s.recipient = presented.body.number;
      const sd = (body: Record<string, unknown>) =>
        declarant.post(`/api/customs/storage/${s.recipient}/short-declaration`, {
          placeKind: 'recipient_warehouse',
          placeDescription: 'Recipient warehouse, Dushanbe',
          ...body,
        });
      refused(await sd({}), 422, 'STORAGE_SECURITY_REQUIRED', 'body.guaranteeReference');
      refused(await sd({ guaranteeReference: 'GUA-2026-000001' }), 422, 'STORAGE_SECURITY_REQUIRED', 'body.guaranteeDirams');
      refused(await sd({ guaranteeReference: 'GUA-2026-000001', guaranteeDirams: '500000' }), 422, 'STORAGE_SECURITY_INVALID');
      // The guarantee registry (migration 0019) holds an accepted security covering temporary storage.
      const [exists] = await t.db.query<{ found: boolean }>(`SELECT to_regclass('customs.guarantees') IS NOT NULL AS found`);
      if (!exists?.found) return;
      await t.db.query(
        `INSERT INTO customs.guarantees (id, reference, holder_tin, scope, secured_reference, purposes, form, amount_indicators, indicator_value_dirams, indicator_date,
           amount_dirams, valid_from, valid_to, status, documents, applied_by, applied_at)
         VALUES ('0193a6a0-7c1e-7a10-8000-0000000000aa', 'GUA-2026-000001', $1, 'declaration', $2, '{temporary_storage}', 'bank_guarantee', 100, 7500, '2026-03-02',
           750000, '2026-03-01', '2026-12-31', 'accepted', '[]', 'test', '2026-03-02T05:00:00Z')`,
        [DECLARANT, s.recipient],
      );
      refused(await sd({ guaranteeReference: 'GUA-2026-000001', guaranteeDirams: '750001' }), 422, 'STORAGE_SECURITY_INVALID');
      const r = await sd({ guaranteeReference: 'GUA-2026-000001', guaranteeDirams: '500000' });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.deepEqual(r.body.guarantee, { reference: 'GUA-2026-000001', amountDirams: '500000' });
      assert.equal(r.body.shortDeclaration.placeKind, 'recipient_warehouse');
    });

    test('CUS-TS-07 A-20: a reasoned extension is decided by an officer, never past the 90-day maximum', async () => {
      const ask = (c: Client, body: Record<string, unknown>) => c.post(`/api/customs/storage/${s.main}/extensions`, body);
      refused(await ask(declarant, { until: '2026-06-01', reason: 'Waiting for certificate' }), 422, 'STORAGE_EXTENSION_BEYOND_MAXIMUM');
      refused(await ask(declarant, { until: '2026-03-10', reason: 'Waiting for certificate' }), 422, 'ARRIVAL_VALUE_INVALID', 'body.until');
      refused(await ask(stranger, { until: '2026-04-15', reason: 'x' }), 403, 'STORAGE_NOT_YOUR_GOODS');
      refused(await ask(declarant, { until: '2026-04-15' }), 400, 'VALIDATION_FAILED');
      const r = await ask(declarant, { until: '2026-04-15', reason: 'Waiting for the phytosanitary certificate' });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      assert.equal(r.body.status, 'requested');
      refused(await ask(broker, { until: '2026-04-20', reason: 'again' }), 409, 'STORAGE_EXTENSION_PENDING');
      const decide = (body: Record<string, unknown>) => officer.post(`/api/customs/storage/${s.main}/extensions/decision`, body);
      refused(await decide({ decision: 'grant', until: '2026-06-02' }), 422, 'STORAGE_EXTENSION_BEYOND_MAXIMUM');
      refused(await declarant.post(`/api/customs/storage/${s.main}/extensions/decision`, { decision: 'grant' }), 403, 'FORBIDDEN');
      const granted = await decide({ decision: 'grant', until: '2026-04-10', reason: 'Certificate expected on 8 April' });
      assert.equal(granted.status, 200, JSON.stringify(granted.body));
      assert.equal(granted.body.grantedUntil, '2026-04-10T18:59:59.999Z');
      refused(await decide({ decision: 'grant' }), 409, 'STORAGE_EXTENSION_NOT_PENDING');
      const record = await declarant.get(`/api/customs/storage/${s.main}`);
      assert.equal(record.body.periodEndsAt, '2026-04-10T18:59:59.999Z');
      assert.equal(record.body.ordinaryEndsAt, '2026-03-17T18:59:59.999Z');
      await ask(declarant, { until: '2026-05-01', reason: 'More time' });
      const refusal = await decide({ decision: 'refuse', reason: 'No grounds given' });
      assert.equal(refusal.body.status, 'refused');
      assert.equal((await declarant.get(`/api/customs/storage/${s.main}`)).body.extensions.length, 2);
    });

    test('CUS-TS-18: goods leave on a customs declaration or a periodic-declaring notice, and the record keeps which', async () => {
      refused(await declarant.post(`/api/customs/storage/${s.recipient}/release`, { basis: 'declaration', documentNumber: 'X' }), 403, 'FORBIDDEN');
      refused(await officer.post('/api/customs/storage/TS-2026-9999999/release', { basis: 'declaration', documentNumber: 'X' }), 404, 'STORAGE_NOT_FOUND');
      const r = await officer.post(`/api/customs/storage/${s.recipient}/release`, { basis: 'periodic_notice', documentNumber: 'PN-2026-000007' });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal(r.body.status, 'RELEASED');
      assert.deepEqual(
        { basis: r.body.release.basis, documentNumber: r.body.release.documentNumber },
        { basis: 'periodic_notice', documentNumber: 'PN-2026-000007' },
      );
      refused(await officer.post(`/api/customs/storage/${s.recipient}/release`, { basis: 'declaration', documentNumber: 'X' }), 409, 'STORAGE_NOT_ACTIVE');
      const viaIndex = await t.c.database.db.transaction((tx) =>
        releaseFromStorage(tx, {
          storageNumber: s.transit,
          basis: 'declaration',
          documentNumber: '10101000/020326/0000001',
          at: new Date('2026-03-02T06:00:00Z'),
        }),
      );
      assert.ok(viaIndex.ok);
      assert.equal(viaIndex.value.release?.basis, 'declaration');
      assert.equal(viaIndex.value.release?.documentNumber, '10101000/020326/0000001');
    });

    test('CUS-TS-02 CUS-TS-07 CUS-TS-03 CUS-TS-08: the checker flags the missing short declaration, warns before each limit, and at 90 days hands the goods to Chapter 57', async () => {
      const record = async (number: string) =>
        (await t.db.query<Record<string, unknown>>('SELECT * FROM customs.storage_records WHERE number = $1', [number]))[0] ?? {};
      // Tuesday 23:59 Dushanbe: still in time.
      t.clock.set('2026-03-03T18:59:00Z');
      await t.c.worker.runOnce();
      assert.equal((await record(s.idle)).short_declaration_overdue_at, null);
      t.clock.set('2026-03-03T19:00:00Z');
      await t.c.worker.runOnce();
      assert.notEqual((await record(s.idle)).short_declaration_overdue_at, null);
      assert.equal((await record(s.main)).short_declaration_overdue_at, null, 'short-declared in time');
      const late = await t.as('customs_officer');
      const overdue = await late.get('/api/customs/storage?overdue=true');
      assert.deepEqual(
        overdue.body.map((r: { number: string }) => r.number),
        [s.idle],
      );
      const notices = await t.db.query<{ kind: string; recipient_id: string }>(
        `SELECT kind, recipient_id FROM platform.notifications WHERE subject_type = 'customs_storage' ORDER BY created_at, recipient_id`,
      );
      assert.deepEqual(
        notices.map((n) => `${n.kind}:${n.recipient_id}`),
        [`short_declaration_overdue:${DECLARANT}`, 'short_declaration_overdue:customs_officer'],
      );
      // Three days before the extended period (10 April) ends.
      t.clock.set('2026-04-07T19:00:00Z');
      await t.c.worker.runOnce();
      assert.notEqual((await record(s.main)).period_warned_at, null);
      assert.equal((await record(s.main)).maximum_warned_at, null);
      // Three days before the maximum (31 May) ends.
      t.clock.set('2026-05-28T19:00:00Z');
      await t.c.worker.runOnce();
      assert.notEqual((await record(s.main)).maximum_warned_at, null);
      assert.equal((await record(s.main)).status, 'SHORT_DECLARED');
      t.clock.set('2026-05-31T19:00:00Z');
      await t.c.worker.runOnce();
      for (const number of [s.main, s.idle]) assert.equal((await record(number)).status, 'TO_DISPOSAL');
      assert.equal((await record(s.recipient)).status, 'RELEASED', 'released goods are not disposed of');
      const disposals = await t.db.query<{ storage_id: string }>('SELECT storage_id::text FROM customs.storage_disposals');
      assert.equal(disposals.length, 2);
      const events = await t.db.query<{ payload: { storageNumber: string } }>(
        `SELECT payload FROM platform.outbox WHERE topic = 'customs.storage_disposal_due'`,
      );
      assert.deepEqual(events.map((e) => e.payload.storageNumber).sort(), [s.main, s.idle].sort());
      // Nothing more happens to disposed goods.
      const officerNow = await t.as('customs_officer');
      const declarantNow = await t.as('declarant', { tin: DECLARANT, login: `declarant-june-${target}` });
      refused(
        await declarantNow.post(`/api/customs/storage/${s.idle}/short-declaration`, { placeKind: 'warehouse', warehouseId: wh.dushanbe }),
        409,
        'STORAGE_NOT_ACTIVE',
      );
      refused(await declarantNow.post(`/api/customs/storage/${s.main}/extensions`, { until: '2026-05-31', reason: 'x' }), 409, 'STORAGE_NOT_ACTIVE');
      refused(await officerNow.post(`/api/customs/storage/${s.main}/release`, { basis: 'declaration', documentNumber: 'X' }), 409, 'STORAGE_NOT_ACTIVE');
      await t.c.worker.runOnce();
      assert.equal((await t.db.query('SELECT 1 FROM customs.storage_disposals')).length, 2, 'handed over once');
    });
  });
}
