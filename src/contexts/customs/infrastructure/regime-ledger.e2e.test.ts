import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { type Client, type Reply, startTestApp, type TestApp } from '../../../../test/app.ts';
import { testTargets } from '../../../../test/db.ts';

const OWNER = '080000808';
const OTHER_OWNER = '090000909';
const NOWHERE = '0193a6a0-7c1e-7a10-8000-000000000001';
const doc = (kind: string) => ({ kind, name: `${kind}.pdf`, contentBase64: Buffer.from(kind).toString('base64') });
const DOCS = [doc('application'), doc('guarantee_instrument')];
const YEAR = { validFrom: '2026-03-02', validTo: '2027-03-01' };
const YARN = '5205110000';
const PHONES = '8517130000';

type Item = { number: number; commodityCode: string; netMassKg: string; supplementaryQuantity?: string };
const items: Item[] = [
  { number: 1, commodityCode: YARN, netMassKg: '990' },
  { number: 2, commodityCode: PHONES, netMassKg: '100', supplementaryQuantity: '500' },
];

for (const target of testTargets()) {
  describe(`customs regime places and their stock ledgers [${target}]`, () => {
    let t: TestApp;
    let officer: Client;
    let owner: Client;
    let otherOwner: Client;
    const guarantee: Record<string, string> = {};
    const place: Record<string, string> = {};

    const refused = (r: Reply, status: number, code: string, field?: string) => {
      assert.equal(r.status, status, r.text);
      assert.equal(r.body.code, code, r.text);
      if (field) assert.equal(r.body.field, field, r.text);
    };
    /** A goods declaration as the declaration slice leaves it (read-only source of the ledger's checks). */
    const declaration = async (number: string, regime: string, state = 'RELEASED', lines: Item[] = items) => {
      await t.db.query(
        `INSERT INTO customs.declarations (id, number, state, form, channel, direction, regime, office_code, declarant_code, filer_tin, data, created_at, updated_at, registered_at, accepted_on)
         VALUES ($1, $2, $3, 'standard', 'electronic', 'import', $4, 'DUSHANBE', $5, $5, $6::jsonb, now(), now(), now(), '2026-03-02')`,
        [randomUUID(), number, state, regime, OWNER, JSON.stringify({ items: lines })],
      );
    };
    const applyGuarantee = async (body: Record<string, unknown>) => {
      const r = await owner.post('/api/customs/guarantees', { form: 'money_deposit', ...YEAR, documents: DOCS, ...body });
      assert.equal(r.status, 201, r.text);
      assert.equal((await officer.post(`/api/customs/guarantees/${r.body.reference}/decision`, { decision: 'accept', form: 'electronic' })).status, 200);
      return r.body.reference as string;
    };
    const placeBody = (over: Record<string, unknown> = {}) => ({
      kind: 'customs_warehouse',
      ownerTin: OWNER,
      name: 'CW Sharq',
      officeCode: 'DUSHANBE',
      address: 'Dushanbe, Sharq 7',
      warehouseType: 'closed',
      guaranteeReference: guarantee.cw,
      ...over,
    });
    const register = async (key: string, over: Record<string, unknown>) => {
      const r = await officer.post('/api/customs/regime-places', placeBody(over));
      assert.equal(r.status, 201, r.text);
      place[key] = r.body.id;
      return r.body;
    };
    const post = (c: Client, key: string, op: string, body: Record<string, unknown>) => c.post(`/api/customs/regime-places/${place[key] ?? key}/${op}`, body);
    const balances = async (key: string) =>
      (await officer.get(`/api/customs/regime-places/${place[key]}/balances`)).body.map(
        (b: { commodityCode: string; declarationNumber: string; itemNo: number; balance: string }) =>
          `${b.commodityCode}:${b.declarationNumber}#${b.itemNo}=${b.balance}`,
      );

    before(async () => {
      t = await startTestApp(target, '2026-03-02T05:00:00Z');
      officer = await t.as('customs_officer');
      owner = await t.as('warehouse_owner', { tin: OWNER });
      otherOwner = await t.as('warehouse_owner', { tin: OTHER_OWNER });
      guarantee.cw = await applyGuarantee({ scope: 'general', activity: 'customs_warehouse_owner', warehouse: { warehouseType: 'closed', buildingM3: '100' } });
      guarantee.shop = await applyGuarantee({ scope: 'general', activity: 'duty_free_shop_owner' });
      guarantee.fw = await applyGuarantee({ scope: 'regime', securedReference: 'FW Rudaki', purposes: ['free_warehouse'], amountDirams: '5000000' });
      await declaration('10101000/020326/0000101', 'customs_warehouse');
      await declaration('10101000/020326/0000102', 'customs_warehouse', 'REGISTERED');
      await declaration('10101000/020326/0000103', 'duty_free_shop');
      await declaration('10101000/020326/0000104', 'free_zone');
      await declaration('10101000/020326/0000105', 're_export');
      await declaration('10101000/020326/0000106', 'release_for_free_circulation', 'UNDER_CONTROL');
    });
    after(() => t.close());

    test('CUS-GUA-06 IMP-12: customs registers the places; only a customs warehouse has a type, only an open one states insurance; the owner’s guarantee must cover the kind of place', async () => {
      refused(await owner.post('/api/customs/regime-places', placeBody()), 403, 'FORBIDDEN');
      refused(await officer.post('/api/customs/regime-places', placeBody({ warehouseType: null })), 422, 'REGIME_WAREHOUSE_TYPE_INVALID', 'body.warehouseType');
      refused(await officer.post('/api/customs/regime-places', placeBody({ kind: 'duty_free_shop' })), 422, 'REGIME_WAREHOUSE_TYPE_INVALID');
      refused(await officer.post('/api/customs/regime-places', placeBody({ warehouseType: 'open' })), 422, 'REGIME_INSURANCE_REQUIRED', 'body.insurance');
      refused(
        await officer.post(
          '/api/customs/regime-places',
          placeBody({ warehouseType: 'open', insurance: { insurer: 'Bima', policyNumber: 'P-9', validTo: '2026-03-01' } }),
        ),
        422,
        'REGIME_VALUE_INVALID',
        'body.insurance.validTo',
      );
      refused(await officer.post('/api/customs/regime-places', placeBody({ officeCode: 'NOWHERE' })), 422, 'REGIME_OFFICE_UNKNOWN');
      // A shop owner's guarantee does not cover a customs warehouse; another person's guarantee covers nothing of this owner.
      refused(
        await officer.post('/api/customs/regime-places', placeBody({ guaranteeReference: guarantee.shop })),
        422,
        'REGIME_GUARANTEE_NOT_IN_FORCE',
        'body.guaranteeReference',
      );
      refused(await officer.post('/api/customs/regime-places', placeBody({ ownerTin: OTHER_OWNER })), 422, 'REGIME_GUARANTEE_NOT_IN_FORCE');
      refused(await officer.post('/api/customs/regime-places', placeBody({ guaranteeReference: 'GUA-2026-999999' })), 422, 'REGIME_GUARANTEE_NOT_IN_FORCE');

      const closed = await register('cw', { insurance: { insurer: 'Bima', policyNumber: 'P-1', validTo: '2026-12-31' } });
      assert.match(closed.number, /^CW-2026-\d{4}$/);
      assert.equal(closed.warehouseType, 'closed');
      assert.equal(closed.insurance, null, 'a closed-type warehouse keeps no insurance');
      const open = await register('cw2', {
        name: 'CW Gharb',
        warehouseType: 'open',
        insurance: { insurer: 'Bima', policyNumber: 'P-1', validTo: '2026-12-31' },
      });
      assert.equal(open.insurance.policyNumber, 'P-1');
      const shop = await register('shop', { kind: 'duty_free_shop', name: 'DFS Airport', warehouseType: undefined, guaranteeReference: guarantee.shop });
      assert.match(shop.number, /^DFS-2026-/);
      const fw = await register('fw', { kind: 'free_warehouse', name: 'FW Rudaki', warehouseType: undefined, guaranteeReference: guarantee.fw });
      assert.equal(fw.warehouseType, null);

      assert.equal((await officer.get('/api/customs/regime-places')).body.length, 4);
      assert.equal((await owner.get('/api/customs/regime-places?kind=customs_warehouse')).body.length, 2);
      assert.equal((await otherOwner.get('/api/customs/regime-places')).body.length, 0);
      refused(await otherOwner.get(`/api/customs/regime-places/${place.cw}`), 403, 'REGIME_PLACE_NOT_YOURS');
      refused(await officer.get(`/api/customs/regime-places/${NOWHERE}`), 404, 'REGIME_PLACE_NOT_FOUND');
    });

    test('CUS-REG-01 IMP-12: the customs warehouse owner records receipts against the released customs-warehouse declaration, by portal or its own software with an idempotency key', async () => {
      const receipt = { declarationNumber: '10101000/020326/0000101', itemNo: 1, quantity: '600' };
      refused(await post(officer, 'cw', 'receipts', receipt), 403, 'FORBIDDEN');
      refused(await post(otherOwner, 'cw', 'receipts', receipt), 403, 'REGIME_PLACE_NOT_YOURS');
      refused(await post(owner, NOWHERE, 'receipts', receipt), 404, 'REGIME_PLACE_NOT_FOUND');
      refused(await post(owner, 'cw', 'receipts', { ...receipt, declarationNumber: 'NO-SUCH' }), 422, 'REGIME_DECLARATION_NOT_FOUND', 'body.declarationNumber');
      const notReleased = await post(owner, 'cw', 'receipts', { ...receipt, declarationNumber: '10101000/020326/0000102' });
      refused(notReleased, 409, 'REGIME_DECLARATION_NOT_RELEASED');
      assert.equal(notReleased.body.details.state, 'REGISTERED');
      const mismatch = await post(owner, 'cw', 'receipts', { ...receipt, declarationNumber: '10101000/020326/0000103' });
      refused(mismatch, 422, 'REGIME_DECLARATION_REGIME_MISMATCH');
      assert.deepEqual(mismatch.body.details, { regime: 'duty_free_shop', expected: 'customs_warehouse' });
      refused(await post(owner, 'cw', 'receipts', { ...receipt, itemNo: 3 }), 422, 'REGIME_ITEM_NOT_DECLARED', 'body.itemNo');
      refused(await post(owner, 'cw', 'receipts', { ...receipt, quantity: '990.001' }), 422, 'REGIME_RECEIPT_EXCEEDS_DECLARED');
      refused(await post(owner, 'cw', 'receipts', { ...receipt, quantity: '0' }), 422, 'REGIME_VALUE_INVALID');

      const first = await post(owner, 'cw', 'receipts', receipt);
      assert.equal(first.status, 201, first.text);
      assert.equal(first.body[0].kind, 'receipt');
      assert.equal(first.body[0].quantity, '600');
      assert.equal(first.body[0].unit, 'kg');
      assert.equal(first.body[0].commodityCode, YARN);
      const fromSoftware = { ...receipt, quantity: '390', channel: 'owner_software', idempotencyKey: 'WMS-1' };
      const second = await post(owner, 'cw', 'receipts', fromSoftware);
      assert.equal(second.status, 201, second.text);
      const repeat = await post(owner, 'cw', 'receipts', fromSoftware);
      assert.equal(repeat.status, 200, repeat.text);
      assert.equal(repeat.body[0].id, second.body[0].id);
      refused(await post(owner, 'cw', 'receipts', { ...fromSoftware, quantity: '1' }), 409, 'REGIME_IDEMPOTENCY_CONFLICT', 'body.idempotencyKey');
      // All 990 kg are in: not a gram more.
      refused(await post(owner, 'cw', 'receipts', { ...receipt, quantity: '0.001' }), 422, 'REGIME_RECEIPT_EXCEEDS_DECLARED');
      const phones = await post(owner, 'cw', 'receipts', { ...receipt, itemNo: 2, quantity: '500' });
      assert.equal(phones.body[0].unit, 'supplementary');
      assert.deepEqual(await balances('cw'), [`${YARN}:10101000/020326/0000101#1=990`, `${PHONES}:10101000/020326/0000101#2=500`]);
    });

    test('IMP-12: issues on a released declaration never go below zero; transfers between the owner’s warehouses; corrections are reversing records; the ledger refuses UPDATE and DELETE', async () => {
      const lot = { declarationNumber: '10101000/020326/0000101', itemNo: 1 };
      const issue = { ...lot, quantity: '400', basis: 'declaration', documentNumber: '10101000/020326/0000105' };
      refused(await post(owner, 'cw', 'issues', { ...issue, basis: 'sale', documentNumber: 'R-1' }), 422, 'REGIME_SALE_ONLY_IN_SHOP', 'body.basis');
      refused(
        await post(owner, 'cw', 'issues', { ...issue, documentNumber: '10101000/020326/0000106' }),
        409,
        'REGIME_DECLARATION_NOT_RELEASED',
        'body.documentNumber',
      );
      refused(await post(owner, 'cw', 'issues', { ...issue, documentNumber: 'NO-SUCH' }), 422, 'REGIME_DECLARATION_NOT_FOUND');
      const over = await post(owner, 'cw', 'issues', { ...issue, quantity: '990.001' });
      refused(over, 409, 'REGIME_BALANCE_INSUFFICIENT', 'body.quantity');
      assert.equal(over.body.details.balance, '990');
      refused(await post(owner, 'cw', 'issues', { ...issue, itemNo: 7 }), 409, 'REGIME_BALANCE_INSUFFICIENT');
      const out = await post(owner, 'cw', 'issues', issue);
      assert.equal(out.status, 201, out.text);
      assert.equal(out.body[0].quantity, '-400');
      assert.equal(out.body[0].documentKind, 'declaration');

      const transfer = { ...lot, toPlaceId: place.cw2, quantity: '500' };
      refused(await post(owner, 'cw', 'transfers', { ...transfer, toPlaceId: place.shop }), 422, 'REGIME_TRANSFER_NOT_ALLOWED', 'body.toPlaceId');
      refused(await post(owner, 'cw', 'transfers', { ...transfer, toPlaceId: place.cw }), 422, 'REGIME_TRANSFER_NOT_ALLOWED');
      refused(await post(owner, 'cw', 'transfers', { ...transfer, toPlaceId: NOWHERE }), 404, 'REGIME_PLACE_NOT_FOUND', 'body.toPlaceId');
      refused(await post(owner, 'cw', 'transfers', { ...transfer, quantity: '590.001' }), 409, 'REGIME_BALANCE_INSUFFICIENT');
      const moved = await post(owner, 'cw', 'transfers', { ...transfer, channel: 'owner_software', idempotencyKey: 'WMS-2' });
      assert.equal(moved.status, 201, moved.text);
      assert.deepEqual(
        moved.body.map((e: { kind: string; placeId: string; quantity: string }) => [e.kind, e.placeId, e.quantity]),
        [
          ['transfer_out', place.cw, '-500'],
          ['transfer_in', place.cw2, '500'],
        ],
      );
      const again = await post(owner, 'cw', 'transfers', { ...transfer, channel: 'owner_software', idempotencyKey: 'WMS-2' });
      assert.equal(again.status, 200);
      assert.deepEqual(again.body.map((e: { id: string }) => e.id).sort(), moved.body.map((e: { id: string }) => e.id).sort());
      assert.deepEqual(await balances('cw'), [`${YARN}:10101000/020326/0000101#1=90`, `${PHONES}:10101000/020326/0000101#2=500`]);
      assert.deepEqual(await balances('cw2'), [`${YARN}:10101000/020326/0000101#1=500`]);

      // Corrections: the receipt of 600 cannot be reversed (only 90 left); the issue can, once; a transfer cannot.
      const ledger = (await owner.get(`/api/customs/regime-places/${place.cw}/entries`)).body as { id: string; kind: string; quantity: string }[];
      const firstReceipt = ledger.find((e) => e.kind === 'receipt' && e.quantity === '600')?.id;
      refused(await post(owner, 'cw', 'reversals', { entryId: firstReceipt, reason: 'typo' }), 409, 'REGIME_BALANCE_INSUFFICIENT', 'body.entryId');
      refused(await post(owner, 'cw', 'reversals', { entryId: moved.body[0].id, reason: 'typo' }), 409, 'REGIME_ENTRY_NOT_REVERSIBLE');
      refused(await post(owner, 'cw', 'reversals', { entryId: NOWHERE, reason: 'typo' }), 404, 'REGIME_ENTRY_NOT_FOUND');
      refused(await post(owner, 'cw2', 'reversals', { entryId: out.body[0].id, reason: 'typo' }), 404, 'REGIME_ENTRY_NOT_FOUND');
      const reversal = await post(owner, 'cw', 'reversals', { entryId: out.body[0].id, reason: 'issued on the wrong declaration' });
      assert.equal(reversal.status, 201, reversal.text);
      assert.equal(reversal.body[0].quantity, '400');
      assert.equal(reversal.body[0].reversesEntryId, out.body[0].id);
      refused(await post(owner, 'cw', 'reversals', { entryId: out.body[0].id, reason: 'again' }), 409, 'REGIME_ENTRY_NOT_REVERSIBLE');
      refused(await post(owner, 'cw', 'reversals', { entryId: reversal.body[0].id, reason: 'again' }), 409, 'REGIME_ENTRY_NOT_REVERSIBLE');
      assert.deepEqual(await balances('cw'), [`${YARN}:10101000/020326/0000101#1=490`, `${PHONES}:10101000/020326/0000101#2=500`]);

      // Append-only in the database itself: no UPDATE, no DELETE.
      await assert.rejects(t.db.query('UPDATE customs.regime_entries SET delta_milli = 1 WHERE place_id = $1', [place.cw]), /append-only/);
      await assert.rejects(t.db.query('DELETE FROM customs.regime_entries WHERE place_id = $1', [place.cw]), /append-only/);

      // Customs reads every ledger; the other owner none.
      assert.equal((await officer.get(`/api/customs/regime-places/${place.cw}/entries`)).body.length, 6);
      refused(await otherOwner.get(`/api/customs/regime-places/${place.cw}/entries`), 403, 'REGIME_PLACE_NOT_YOURS');
      refused(await otherOwner.get(`/api/customs/regime-places/${place.cw}/balances`), 403, 'REGIME_PLACE_NOT_YOURS');

      const report = await officer.get(`/api/customs/regime-places/${place.cw}/reconciliation`);
      assert.equal(report.status, 200, report.text);
      assert.deepEqual(
        report.body.lines.map((l: Record<string, unknown>) => [l.itemNo, l.declared, l.received, l.issued, l.transferred, l.balance, l.status]),
        [
          [1, '990', '990', '0', '-500', '490', 'received'],
          [2, '500', '500', '0', '0', '500', 'received'],
        ],
      );
    });

    test('IMP-12: a stock-taking records the counted quantities against the book with the differences, unchanged, and tells customs', async () => {
      refused(await otherOwner.post(`/api/customs/regime-places/${place.cw}/stocktakes`, { takenOn: '2026-03-02', lines: [] }), 403, 'REGIME_PLACE_NOT_YOURS');
      const r = await owner.post(`/api/customs/regime-places/${place.cw}/stocktakes`, {
        takenOn: '2026-03-02',
        lines: [{ declarationNumber: '10101000/020326/0000101', itemNo: 1, counted: '489.5' }],
      });
      assert.equal(r.status, 201, r.text);
      assert.equal(r.body.hasDifferences, true);
      assert.deepEqual(r.body.lines, [
        { declarationNumber: '10101000/020326/0000101', itemNo: 1, book: '490', counted: '489.5', difference: '-0.5' },
        { declarationNumber: '10101000/020326/0000101', itemNo: 2, book: '500', counted: '0', difference: '-500' },
      ]);
      // The book is not adjusted by the count.
      assert.deepEqual(await balances('cw'), [`${YARN}:10101000/020326/0000101#1=490`, `${PHONES}:10101000/020326/0000101#2=500`]);
      assert.equal((await officer.get(`/api/customs/regime-places/${place.cw}/stocktakes`)).body.length, 1);
      const told = await t.db.query<{ n: string }>(
        `SELECT count(*)::text AS n FROM platform.notifications WHERE kind = 'regime_stocktake_differences' AND subject_id = $1`,
        [place.cw],
      );
      assert.equal(told[0]?.n, '1');
      await assert.rejects(t.db.query('DELETE FROM customs.regime_stocktakes'), /append-only/);
    });

    test('CUS-REG-02: the duty-free shop owner records receipts against the duty-free-shop declaration and sales out of the shop', async () => {
      const lot = { declarationNumber: '10101000/020326/0000103', itemNo: 2 };
      refused(
        await post(owner, 'shop', 'receipts', { declarationNumber: '10101000/020326/0000101', itemNo: 2, quantity: '1' }),
        422,
        'REGIME_DECLARATION_REGIME_MISMATCH',
      );
      assert.equal((await post(owner, 'shop', 'receipts', { ...lot, quantity: '500' })).status, 201);
      const sale = await post(owner, 'shop', 'issues', {
        ...lot,
        quantity: '2',
        basis: 'sale',
        documentNumber: 'CHK-0001',
        channel: 'owner_software',
        idempotencyKey: 'POS-1',
      });
      assert.equal(sale.status, 201, sale.text);
      assert.equal(sale.body[0].documentKind, 'sale');
      refused(
        await post(owner, 'shop', 'issues', { ...lot, quantity: '498.001', basis: 'sale', documentNumber: 'CHK-0002' }),
        409,
        'REGIME_BALANCE_INSUFFICIENT',
      );
      assert.deepEqual(await balances('shop'), [`${PHONES}:10101000/020326/0000103#2=498`]);
      const report = await owner.get(`/api/customs/regime-places/${place.shop}/reconciliation`);
      assert.deepEqual(report.body.lines[0], {
        declarationNumber: '10101000/020326/0000103',
        itemNo: 2,
        commodityCode: PHONES,
        declared: '500',
        received: '500',
        issued: '2',
        transferred: '0',
        balance: '498',
        status: 'received',
      });
    });

    test('CUS-REG-03: the free warehouse owner records goods placed in the free warehouse (free-zone declaration) and their issue', async () => {
      const lot = { declarationNumber: '10101000/020326/0000104', itemNo: 1 };
      refused(
        await post(owner, 'fw', 'receipts', { declarationNumber: '10101000/020326/0000101', itemNo: 1, quantity: '1' }),
        422,
        'REGIME_DECLARATION_REGIME_MISMATCH',
      );
      assert.equal((await post(owner, 'fw', 'receipts', { ...lot, quantity: '300' })).status, 201);
      const out = await post(owner, 'fw', 'issues', { ...lot, quantity: '100', basis: 'declaration', documentNumber: '10101000/020326/0000105' });
      assert.equal(out.status, 201, out.text);
      assert.deepEqual(await balances('fw'), [`${YARN}:10101000/020326/0000104#1=200`]);
      const report = await officer.get(`/api/customs/regime-places/${place.fw}/reconciliation`);
      assert.equal(report.body.lines[0].status, 'partly_received');
    });
  });
}
