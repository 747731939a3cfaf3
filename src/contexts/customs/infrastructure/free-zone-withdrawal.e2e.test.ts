import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../../../../test/app.ts';
import { testTargets } from '../../../../test/db.ts';
import { DECLARANT, type Harness, harness } from './filing.fixtures.ts';

for (const target of testTargets()) {
  describe(`withdrawal to complete a free zone or free warehouse regime [${target}]`, () => {
    let t: TestApp;
    let h: Harness;

    // Monday 2 March 2026, 10:00 in Dushanbe.
    before(async () => {
      t = await startTestApp(target, '2026-03-02T05:00:00Z');
      h = await harness(t, 'fzw');
      await t.db.query(
        `INSERT INTO customs.regime_places (id, number, kind, owner_tin, name, office_code, address, guarantee_reference, status, registered_at, registered_by)
         VALUES ($1, 'FW-0001', 'free_warehouse', '010000101', 'Free warehouse Sughd', 'KHUJAND', 'Khujand', 'G-1', 'active', now(), 'test')`,
        [randomUUID()],
      );
    });
    after(() => t.close());

    const state = (id: string, body: Record<string, unknown>) => h.declarant.post(`/api/customs/declarations/${id}/free-zone-withdrawal`, body);
    /** A declaration of someone else, or of this declarant on another day, straight into the table (test data). */
    const insertDeclaration = async (declarant: string, registeredAt: string) => {
      const number = `DUSHANBE/010326/${Math.floor(Math.random() * 1e7)}`;
      await t.db.query(
        `INSERT INTO customs.declarations (id, number, state, form, channel, direction, regime, office_code, declarant_code, filer_tin, data, created_at, updated_at, registered_at, accepted_on)
         VALUES ($1, $2, 'REGISTERED', 'standard', 'electronic', 'import', 'release_for_free_circulation', 'DUSHANBE', $3, $3, $4::jsonb, now(), now(), $5::timestamptz, ($5::timestamptz AT TIME ZONE 'UTC')::date)`,
        [randomUUID(), number, declarant, JSON.stringify(h.importData()), registeredAt],
      );
      return number;
    };

    test('CUS-DEC-54: goods still in the free economic zone or free warehouse: the export declaration is withdrawn also after release', async () => {
      const inZone = await h.released(h.exportData('CMR-F1'));
      const stated = await state(inZone.id, { location: 'inside', placeKind: 'free_economic_zone', placeReference: 'FEZ Sughd' });
      assert.equal(stated.status, 201, stated.text);
      assert.deepEqual([stated.body.location, stated.body.status], ['inside', 'stated']);
      const request = await h.withdrawal(inZone.id);
      assert.equal(request.status, 201, request.text);
      const annulled = await h.officer.post(`/api/customs/declarations/${inZone.id}/requests/${request.body.id}/decision`, { permit: true, reasons: [] });
      assert.equal(annulled.body.state, 'RELEASE_ANNULLED');
      const statements = await h.officer.get(`/api/customs/declarations/${inZone.id}/free-zone-withdrawal`);
      assert.deepEqual(
        statements.body.map((s: { status: string; requestedAt: string }) => [s.status, s.requestedAt]),
        [['requested', '2026-03-02T05:00:00.000Z']],
      );

      const inWarehouse = await h.released(h.exportData('CMR-F2'));
      const unknown = await state(inWarehouse.id, { location: 'inside', placeKind: 'free_warehouse', placeReference: 'FW-9999' });
      assert.deepEqual([unknown.status, unknown.body.code, unknown.body.details.reasons], [422, 'FREE_ZONE_WITHDRAWAL_NOT_ALLOWED', ['place_unknown']]);
      assert.equal((await state(inWarehouse.id, { location: 'inside', placeKind: 'free_warehouse', placeReference: 'FW-0001' })).status, 201);
      const imported = await h.registered(h.importData());
      const notExport = await state(imported.id, { location: 'inside', placeKind: 'free_economic_zone', placeReference: 'FEZ Sughd' });
      assert.deepEqual(notExport.body.details.reasons, ['not_export_of_domestic_goods']);
      const other = await t.as('declarant', { tin: '030000303', login: 'other-fzw' });
      assert.equal(
        (
          await other.post(`/api/customs/declarations/${inWarehouse.id}/free-zone-withdrawal`, {
            location: 'inside',
            placeKind: 'free_economic_zone',
            placeReference: 'x',
          })
        ).status,
        404,
      );
    });

    test('CUS-DEC-54: goods outside the zone and not gone: only with a declaration under another regime by the same declarant, filed the same day', async () => {
      const outside = await h.released(h.exportData('CMR-F3'));
      const body = (otherDeclarationNumber?: string) => ({
        location: 'outside',
        placeKind: 'free_warehouse',
        placeReference: 'FW-0001',
        ...(otherDeclarationNumber ? { otherDeclarationNumber } : {}),
      });
      const reasons = async (number?: string) => (await state(outside.id, body(number))).body.details?.reasons;
      assert.deepEqual(await reasons(), ['other_declaration_missing']);
      assert.deepEqual(await reasons('DUSHANBE/020326/9999999'), ['other_declaration_missing'], 'no such declaration');
      assert.deepEqual(await reasons(await insertDeclaration('020000202', '2026-03-02T04:00:00Z')), ['other_declaration_missing'], 'another declarant’s');
      assert.deepEqual(await reasons(await insertDeclaration(DECLARANT, '2026-02-27T04:00:00Z')), ['other_declaration_not_simultaneous'], 'filed days before');
      const anotherExport = await h.registered(h.exportData('CMR-F4'));
      assert.deepEqual(await reasons(anotherExport.number), ['other_declaration_same_regime']);
      // The declaration placing the goods under another regime, filed now by the same declarant for the same goods.
      const placed = await h.registered(h.importData({ regime: 'customs_warehouse' }));
      const stated = await state(outside.id, body(placed.number));
      assert.equal(stated.status, 201, stated.text);
      assert.equal(stated.body.otherDeclarationNumber, placed.number);
      // It stands behind one withdrawal only.
      const second = await h.released(h.exportData('CMR-F5'));
      const reused = await state(second.id, body(placed.number));
      assert.deepEqual(reused.body.details.reasons, ['other_declaration_already_used']);

      const request = await h.withdrawal(outside.id);
      assert.equal(request.status, 201, request.text);
      const annulled = await h.officer.post(`/api/customs/declarations/${outside.id}/requests/${request.body.id}/decision`, { permit: true, reasons: [] });
      assert.equal(annulled.body.state, 'RELEASE_ANNULLED');
    });

    test('CUS-DEC-54 CUS-DEC-53: goods the border office recorded as gone are not withdrawn: the statement and the request are refused, nothing is marked', async () => {
      const gone = await h.released(h.exportData('CMR-F6'));
      const placed = await h.registered(h.importData({ regime: 'customs_warehouse' }));
      const stated = await state(gone.id, {
        location: 'outside',
        placeKind: 'free_warehouse',
        placeReference: 'FW-0001',
        otherDeclarationNumber: placed.number,
      });
      assert.equal(stated.status, 201, stated.text);
      // The exit is recorded under the CMR only (no declaration number): the border office's data still close the withdrawal.
      const out = await h.officer.post('/api/customs/exits', {
        officeCode: 'KARAMYK',
        exitedAt: '2026-03-02T09:30:00+05:00',
        transport: { mode: 'road', vehicles: ['01 TJ 1234 AA'] },
        transportDocument: { typeCode: 'CMR', number: 'CMR-F6' },
      });
      assert.equal(out.status, 201, out.text);
      const request = await h.withdrawal(gone.id);
      assert.equal(request.status, 409, request.text);
      assert.deepEqual(request.body.details.reasons, ['goods_left_territory']);
      const statements = await h.declarant.get(`/api/customs/declarations/${gone.id}/free-zone-withdrawal`);
      assert.deepEqual(
        statements.body.map((s: { status: string }) => s.status),
        ['stated'],
        'the refusal rolled the mark back',
      );
      const again = await state(gone.id, { location: 'inside', placeKind: 'free_warehouse', placeReference: 'FW-0001' });
      assert.deepEqual(again.body.details.reasons, ['goods_left_territory']);
      // A plain withdrawal (no statement) of an export whose CMR left is refused the same way (art.134 p.3).
      const plain = await h.released(h.exportData('CMR-F7'));
      await h.officer.post('/api/customs/exits', {
        officeCode: 'KARAMYK',
        exitedAt: '2026-03-02T09:40:00+05:00',
        transport: { mode: 'road', vehicles: ['01 TJ 1234 AA'] },
        transportDocument: { typeCode: 'CMR', number: 'CMR-F7' },
      });
      assert.deepEqual((await h.withdrawal(plain.id)).body.details.reasons, ['goods_left_territory']);
    });
  });
}
