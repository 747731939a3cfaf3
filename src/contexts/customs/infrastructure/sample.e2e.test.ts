import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type Client, startTestApp, type TestApp } from '../../../../test/app.ts';
import { importDeclaration } from '../../../../test/customs-fixtures.ts';
import { testTargets } from '../../../../test/db.ts';
import type { DeclarationData } from '../domain/declaration.ts';
import { type Harness, harness } from './filing.fixtures.ts';

const BROKER = '010000101';
const PHONES = '8517130000';

for (const target of testTargets()) {
  describe(`sample permissions [${target}]`, () => {
    let t: TestApp;
    let declarant: Client;
    let officer: Client;
    let docs: Harness['docs'];
    let h: Harness;

    // Monday 2 March 2026, 10:00 in Dushanbe.
    before(async () => {
      t = await startTestApp(target, '2026-03-02T05:00:00Z');
      h = await harness(t, 'sample');
      ({ declarant, officer, docs } = h);
    });
    after(() => t.close());

    const draft = (data: DeclarationData) => h.draft(data);
    const file = (id: string) => h.file(id);
    const reasons = (r: { body: { details?: { reasons?: { ground: number; code: string; field: string }[] } } }) =>
      (r.body.details?.reasons ?? []).map((x) => `${x.ground}:${x.code}:${x.field}`);
    /** The import of the fixture with a third line: two smartphones taken as samples (art.127 p.1 i.2). */
    const withSamples = (): DeclarationData => {
      const data = importDeclaration(docs);
      const phones = data.items[0] as DeclarationData['items'][number];
      return {
        ...data,
        invoiceTotal: '15040.00',
        items: [
          ...data.items,
          {
            ...phones,
            number: 3,
            description: 'Намунаҳо / образцы смартфонов',
            grossMassKg: '0.500',
            netMassKg: '0.400',
            supplementaryQuantity: '2',
            packages: 1,
            invoiceAmount: '40.00',
            isSample: true,
          },
        ],
      };
    };
    const ask = (id: string, quantity: string) =>
      declarant.post(`/api/customs/declarations/${id}/sample-permissions`, {
        purpose: 'Санҷиши лабораторӣ / лабораторные испытания',
        lines: [{ commodityCode: PHONES, description: 'Смартфонҳо', quantity }],
      });

    test('CUS-DEC-18: sample lines are accepted in the main declaration only under a permission customs granted for their goods and quantity', async () => {
      const id = await draft(withSamples());
      const bare = await file(id);
      assert.equal(bare.status, 422, bare.text);
      assert.deepEqual(reasons(bare), ['6:sample_not_permitted:items[2].isSample']);

      const asked = await ask(id, '1');
      assert.equal(asked.status, 201, asked.text);
      assert.match(asked.body.number, /^SP-2026-\d{6}$/);
      assert.deepEqual([asked.body.state, asked.body.declarationId, asked.body.lines[0].unit], ['REQUESTED', id, 'pcs']);
      assert.deepEqual(reasons(await file(id)), ['6:sample_not_permitted:items[2].isSample'], 'a permission still asked is no permission');

      const queue = await officer.get('/api/customs/sample-permissions?state=REQUESTED');
      assert.deepEqual(
        queue.body.map((p: { number: string }) => p.number),
        [asked.body.number],
      );
      const noReason = await officer.post(`/api/customs/sample-permissions/${asked.body.number}/decision`, { decision: 'refuse' });
      assert.deepEqual([noReason.status, noReason.body.code], [422, 'SAMPLE_REFUSAL_REASON_REQUIRED']);
      assert.equal((await declarant.post(`/api/customs/sample-permissions/${asked.body.number}/decision`, { decision: 'grant' })).status, 403);
      const granted = await officer.post(`/api/customs/sample-permissions/${asked.body.number}/decision`, { decision: 'grant' });
      assert.equal(granted.status, 200, granted.text);
      assert.equal(granted.body.state, 'GRANTED');
      const again = await officer.post(`/api/customs/sample-permissions/${asked.body.number}/decision`, { decision: 'refuse', reason: 'x' });
      assert.deepEqual([again.status, again.body.code], [409, 'SAMPLE_PERMISSION_DECIDED']);
      const inbox = await declarant.get('/api/notifications');
      assert.ok((inbox.body.items as { kind: string }[]).some((n) => n.kind === 'customs_sample_permission_granted'));

      // Two samples stated, one permitted: the quantity is over the permission.
      assert.deepEqual(reasons(await file(id)), ['6:sample_quantity_exceeds_permission:items[2].isSample']);
      const more = await ask(id, '1');
      assert.equal((await officer.post(`/api/customs/sample-permissions/${more.body.number}/decision`, { decision: 'grant' })).status, 200);
      const registered = await file(id);
      assert.equal(registered.status, 200, registered.text);
      assert.equal(registered.body.state, 'REGISTERED');
      // No separate declaration for the samples: they are the third line of this one (art.127 p.1 i.2).
      assert.deepEqual(
        registered.body.data.items.map((i: { number: number; isSample?: boolean }) => [i.number, i.isSample ?? false]),
        [
          [1, false],
          [2, false],
          [3, true],
        ],
      );
      const own = await declarant.get('/api/customs/declarations');
      assert.equal(own.body.filter((d: { id: string; state: string }) => d.state !== 'DRAFT').length, 1);
      const listed = await declarant.get(`/api/customs/declarations/${id}/sample-permissions`);
      assert.deepEqual(
        listed.body.map((p: { state: string }) => p.state),
        ['GRANTED', 'GRANTED'],
      );
      const late = await ask(id, '1');
      assert.deepEqual([late.status, late.body.code], [409, 'SAMPLE_DECLARATION_NOT_DRAFT']);
    });

    test('CUS-DEC-18: a refused permission does not cover samples; a sample of other goods is not covered; only imported goods are sampled', async () => {
      const id = await draft(withSamples());
      const asked = await ask(id, '5');
      const refused = await officer.post(`/api/customs/sample-permissions/${asked.body.number}/decision`, { decision: 'refuse', reason: 'Товар под арестом' });
      assert.deepEqual([refused.body.state, refused.body.decisionReason], ['REFUSED', 'Товар под арестом']);
      assert.deepEqual(reasons(await file(id)), ['6:sample_not_permitted:items[2].isSample']);
      // A permission for sugar does not cover the smartphone samples.
      const sugar = await declarant.post(`/api/customs/declarations/${id}/sample-permissions`, {
        purpose: 'x',
        lines: [{ commodityCode: '1701999000', description: 'Шакар', quantity: '5' }],
      });
      assert.equal(sugar.body.lines[0].unit, 'kg');
      await officer.post(`/api/customs/sample-permissions/${sugar.body.number}/decision`, { decision: 'grant' });
      assert.deepEqual(reasons(await file(id)), ['6:sample_not_permitted:items[2].isSample']);

      const unknown = await declarant.post(`/api/customs/declarations/${id}/sample-permissions`, {
        purpose: 'x',
        lines: [{ commodityCode: '1234567890', description: 'x', quantity: '1' }],
      });
      assert.deepEqual([unknown.status, unknown.body.code, unknown.body.field], [422, 'SAMPLE_CODE_UNKNOWN', 'body.lines.0.commodityCode']);
      const zero = await ask(id, '0');
      assert.deepEqual([zero.status, zero.body.code], [422, 'SAMPLE_QUANTITY_INVALID']);

      const exportData = importDeclaration(docs, {
        direction: 'export',
        regime: 'export',
        consignor: { name: 'ҶДММ «Брокери намунавӣ»', country: 'TJ', address: 'Душанбе', tin: BROKER },
        consignee: { name: 'Almaty Foods', country: 'KZ', address: 'Almaty' },
        countryOfDispatch: 'TJ',
        countryOfDestination: 'KZ',
        preliminaryExemption: undefined,
      });
      const exported = await ask(await draft(exportData), '1');
      assert.deepEqual([exported.status, exported.body.code], [422, 'SAMPLE_GOODS_NOT_IMPORTED']);

      // Another declarant neither asks for nor sees this declaration's permissions.
      const stranger = await t.as('declarant', { tin: '020000202' });
      assert.equal((await stranger.get(`/api/customs/sample-permissions/${sugar.body.number}`)).status, 404);
      assert.equal((await stranger.get(`/api/customs/declarations/${id}/sample-permissions`)).status, 404);
      assert.equal((await declarant.get(`/api/customs/sample-permissions/${sugar.body.number}`)).status, 200);
    });
  });
}
