import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type Client, startTestApp, type TestApp } from '../../../../test/app.ts';
import { testTargets } from '../../../../test/db.ts';
import { seedCustomsArrivalDemo } from '../index.ts';
import { piBody } from './preliminary.fixtures.ts';

const OWNER = '060000606';
const OTHER_OWNER = '070000707';
const DECLARANT = '030000303';

type Reply = { status: number; body: { code?: string; field?: string; details?: Record<string, unknown> }; headers: Record<string, unknown> };
const refused = (r: Reply, status: number, code: string, field?: string) => {
  assert.equal(r.status, status, JSON.stringify(r.body));
  assert.equal(r.body.code, code);
  if (field) assert.equal(r.body.field, field);
};

const insurance = { insurer: 'Bima', policyNumber: 'P-1', validFrom: '2026-01-01', validTo: '2026-12-31', sumDirams: '100000000' };
const application = (over: Record<string, unknown> = {}) => ({
  name: 'TSW Sharq',
  type: 'open',
  purposes: ['any_persons_goods', 'special_goods'],
  officeCode: 'DUSHANBE',
  address: 'Dushanbe, Sharq street 5',
  areaSqm: 5000,
  insurance,
  insurancePolicyDocument: 'doc://policy/P-1',
  ...over,
});

for (const target of testTargets()) {
  describe(`customs temporary storage warehouses [${target}]`, () => {
    let t: TestApp;
    let officer: Client;
    let owner: Client;
    let otherOwner: Client;
    let declarant: Client;
    let warehouseId = '';
    let otherWarehouseId = '';

    before(async () => {
      t = await startTestApp(target, '2026-03-02T05:00:00Z');
      officer = await t.as('customs_officer');
      owner = await t.as('warehouse_owner', { tin: OWNER });
      otherOwner = await t.as('warehouse_owner', { tin: OTHER_OWNER });
      declarant = await t.as('declarant', { tin: DECLARANT });
    });
    after(() => t.close());

    test('CUS-TS-09: the form never offers "special goods" for a closed-type warehouse, and refuses it', async () => {
      assert.deepEqual((await owner.get('/api/customs/warehouses/purposes?type=closed')).body, ['own_goods']);
      assert.deepEqual((await owner.get('/api/customs/warehouses/purposes?type=open')).body, ['any_persons_goods', 'special_goods']);
      const bad = await owner.post(
        '/api/customs/warehouses/applications',
        application({ type: 'closed', purposes: ['own_goods', 'special_goods'], insurance: null }),
      );
      refused(bad, 422, 'WAREHOUSE_PURPOSE_NOT_ALLOWED', 'body.purposes[1]');
      refused(await owner.post('/api/customs/warehouses/applications', application({ purposes: ['own_goods'] })), 422, 'WAREHOUSE_PURPOSE_NOT_ALLOWED');
    });

    test('CUS-TS-10 CUS-TS-11 CUS-TS-12 A-21 A-22: insurance data and the policy are required for an open type only; a closed type gives neither and no justification', async () => {
      refused(
        await owner.post('/api/customs/warehouses/applications', application({ insurance: undefined })),
        422,
        'WAREHOUSE_INSURANCE_REQUIRED',
        'body.insurance',
      );
      refused(await owner.post('/api/customs/warehouses/applications', application({ insurancePolicyDocument: undefined })), 422, 'WAREHOUSE_POLICY_REQUIRED');
      refused(
        await owner.post('/api/customs/warehouses/applications', application({ insurance: { ...insurance, validTo: '2026-03-01' } })),
        422,
        'ARRIVAL_VALUE_INVALID',
        'body.insurance.validTo',
      );
      refused(await owner.post('/api/customs/warehouses/applications', application({ officeCode: 'NOWHERE' })), 422, 'ARRIVAL_OFFICE_UNKNOWN');
      // The form has no field for a justification of the type, nor for a security at the owner's level.
      refused(
        await owner.post('/api/customs/warehouses/applications', application({ type: 'closed', purposes: ['own_goods'], justification: 'needed' })),
        400,
        'VALIDATION_FAILED',
      );
      refused(await owner.post('/api/customs/warehouses/applications', application({ securityDirams: '100' })), 400, 'VALIDATION_FAILED');
      refused(await declarant.post('/api/customs/warehouses/applications', application()), 403, 'FORBIDDEN');
      const closed = await otherOwner.post('/api/customs/warehouses/applications', {
        name: 'Own store',
        type: 'closed',
        purposes: ['own_goods'],
        officeCode: 'DUSHANBE',
        address: 'Dushanbe, Factory 1',
        areaSqm: 800,
      });
      assert.equal(closed.status, 201, JSON.stringify(closed.body));
      assert.equal(closed.body.insurance, null);
      const open = await owner.post('/api/customs/warehouses/applications', application());
      assert.equal(open.status, 201, JSON.stringify(open.body));
      assert.equal(open.body.status, 'submitted');
      assert.equal(open.body.insurance.policyNumber, 'P-1');
      // Each applicant sees its own; customs sees all.
      assert.equal((await owner.get('/api/customs/warehouses/applications')).body.length, 1);
      assert.equal((await officer.get('/api/customs/warehouses/applications?status=submitted')).body.length, 2);

      refused(await owner.post(`/api/customs/warehouses/applications/${open.body.id}/decision`, { decision: 'approve' }), 403, 'FORBIDDEN');
      refused(
        await officer.post('/api/customs/warehouses/applications/0193a6a0-7c1e-7a10-8000-000000000001/decision', { decision: 'approve' }),
        404,
        'WAREHOUSE_APPLICATION_NOT_FOUND',
      );
      const approved = await officer.post(`/api/customs/warehouses/applications/${open.body.id}/decision`, { decision: 'approve' });
      assert.equal(approved.status, 200, JSON.stringify(approved.body));
      warehouseId = approved.body.warehouseId;
      refused(
        await officer.post(`/api/customs/warehouses/applications/${open.body.id}/decision`, { decision: 'refuse', reason: 'x' }),
        409,
        'WAREHOUSE_APPLICATION_DECIDED',
      );
      const closedApproved = await officer.post(`/api/customs/warehouses/applications/${closed.body.id}/decision`, { decision: 'approve' });
      otherWarehouseId = closedApproved.body.warehouseId;
      const refusedApp = await owner.post('/api/customs/warehouses/applications', application({ name: 'Second' }));
      const refusal = await officer.post(`/api/customs/warehouses/applications/${refusedApp.body.id}/decision`, {
        decision: 'refuse',
        reason: 'Area not fenced',
      });
      assert.equal(refusal.body.status, 'refused');
      assert.equal(refusal.body.decisionReason, 'Area not fenced');
      const register = await declarant.get('/api/customs/warehouses?officeCode=DUSHANBE');
      assert.deepEqual(
        register.body.map((w: { registerNumber: string; type: string; ownerTin: string; region: string }) => [w.registerNumber, w.type, w.ownerTin, w.region]),
        [
          ['TSW-2026-0001', 'open', OWNER, 'dushanbe'],
          ['TSW-2026-0002', 'closed', OTHER_OWNER, 'dushanbe'],
        ],
      );
    });

    test('CUS-TS-15 CUS-TS-16: the owner records goods in against the short declaration and out against the release document, by portal or its own software; customs reads the balances', async () => {
      const pi = await declarant.post('/api/customs/preliminary-information', piBody());
      const stored = await officer.post('/api/customs/storage', { trigger: 'arrival', preliminaryNumber: pi.body.number });
      const number = stored.body.number as string;
      const entry = (c: Client, body: Record<string, unknown>, id = warehouseId) => c.post(`/api/customs/warehouses/${id}/entries`, body);
      const goodsIn = { direction: 'in', storageNumber: number, lineNo: 1, quantity: '15000', documentNumber: `${number}-SD` };
      refused(await entry(owner, goodsIn), 422, 'WAREHOUSE_GOODS_NOT_DECLARED_HERE', 'body.storageNumber');
      const sd = await declarant.post(`/api/customs/storage/${number}/short-declaration`, { placeKind: 'warehouse', warehouseId });
      assert.equal(sd.status, 200, JSON.stringify(sd.body));

      refused(await entry(otherOwner, goodsIn), 403, 'WAREHOUSE_NOT_YOURS');
      refused(await entry(owner, goodsIn, '0193a6a0-7c1e-7a10-8000-000000000001'), 404, 'WAREHOUSE_NOT_FOUND');
      refused(await entry(officer, goodsIn), 403, 'FORBIDDEN');
      refused(await entry(owner, { ...goodsIn, storageNumber: 'TS-2026-9999999' }), 404, 'STORAGE_NOT_FOUND');
      refused(await entry(owner, { ...goodsIn, documentNumber: 'SD-OTHER' }), 422, 'WAREHOUSE_GOODS_NOT_DECLARED_HERE', 'body.documentNumber');
      refused(await entry(owner, { ...goodsIn, lineNo: 9 }), 422, 'ARRIVAL_VALUE_INVALID', 'body.lineNo');
      refused(await entry(owner, { ...goodsIn, quantity: '0' }), 422, 'ARRIVAL_VALUE_INVALID', 'body.quantity');
      refused(await entry(owner, { ...goodsIn, quantity: '20000.001' }), 422, 'WAREHOUSE_QUANTITY_EXCEEDED');
      const first = await entry(owner, goodsIn);
      assert.equal(first.status, 201, JSON.stringify(first.body));
      assert.equal(first.body.documentKind, 'short_declaration');
      assert.equal(first.body.channel, 'portal');
      const fromSoftware = { ...goodsIn, quantity: '5000', channel: 'owner_software', externalId: 'WMS-778' };
      const second = await entry(owner, fromSoftware);
      assert.equal(second.status, 201, JSON.stringify(second.body));
      const repeat = await entry(owner, fromSoftware);
      assert.equal(repeat.status, 200);
      assert.equal(repeat.body.id, second.body.id);
      refused(await entry(owner, { ...goodsIn, quantity: '0.5' }), 422, 'WAREHOUSE_QUANTITY_EXCEEDED');
      // Line 2 (smartphones) arrives too.
      assert.equal((await entry(owner, { ...goodsIn, lineNo: 2, quantity: '100' })).status, 201);

      const goodsOut = { direction: 'out', storageNumber: number, lineNo: 1, quantity: '12000', documentNumber: '10101000/020326/0000009' };
      refused(await entry(owner, goodsOut), 422, 'WAREHOUSE_GOODS_NOT_RELEASED', 'body.documentNumber');
      const released = await officer.post(`/api/customs/storage/${number}/release`, { basis: 'declaration', documentNumber: '10101000/020326/0000009' });
      assert.equal(released.status, 200, JSON.stringify(released.body));
      refused(await entry(owner, { ...goodsOut, documentNumber: 'OTHER' }), 422, 'WAREHOUSE_GOODS_NOT_RELEASED');
      refused(await entry(owner, goodsIn), 409, 'STORAGE_NOT_ACTIVE');
      const out = await entry(owner, goodsOut);
      assert.equal(out.status, 201, JSON.stringify(out.body));
      assert.equal(out.body.documentKind, 'declaration');
      refused(await entry(owner, { ...goodsOut, quantity: '8000.001' }), 422, 'WAREHOUSE_QUANTITY_EXCEEDED');
      refused(await entry(otherOwner, goodsOut, otherWarehouseId), 422, 'WAREHOUSE_GOODS_NOT_DECLARED_HERE');

      const balances = await officer.get(`/api/customs/warehouses/${warehouseId}/balances`);
      assert.equal(balances.status, 200, JSON.stringify(balances.body));
      assert.deepEqual(
        balances.body.map((b: { lineNo: number; commodityCode: string; quantityIn: string; quantityOut: string; onHand: string }) => [
          b.lineNo,
          b.commodityCode,
          b.quantityIn,
          b.quantityOut,
          b.onHand,
        ]),
        [
          [1, '1101000000', '20000', '12000', '8000'],
          [2, '8517130000', '100', '0', '100'],
        ],
      );
      assert.equal((await owner.get(`/api/customs/warehouses/${warehouseId}/balances`)).status, 200);
      refused(await otherOwner.get(`/api/customs/warehouses/${warehouseId}/balances`), 403, 'WAREHOUSE_NOT_YOURS');
      refused(await officer.get('/api/customs/warehouses/0193a6a0-7c1e-7a10-8000-000000000001/balances'), 404, 'WAREHOUSE_NOT_FOUND');
      const entries = await officer.get(`/api/customs/warehouses/${warehouseId}/entries`);
      assert.deepEqual(
        entries.body.map((e: { direction: string; quantity: string; channel: string }) => `${e.direction}:${e.quantity}:${e.channel}`),
        ['in:15000:portal', 'in:5000:owner_software', 'in:100:portal', 'out:12000:portal'],
      );
    });

    test('the demo data: one registered preliminary information, one storage record in one registered warehouse', async () => {
      const demo = await seedCustomsArrivalDemo(t.c.database.db, new Date('2026-03-02T06:00:00Z'));
      const pi = await officer.get(`/api/customs/preliminary-information/${demo.preliminaryNumber}`);
      assert.equal(pi.body.status, 'REGISTERED');
      const stored = await officer.get(`/api/customs/storage/${demo.storageNumber}`);
      assert.equal(stored.body.status, 'SHORT_DECLARED');
      assert.equal(stored.body.shortDeclaration.warehouseId, demo.warehouseId);
    });
  });
}
