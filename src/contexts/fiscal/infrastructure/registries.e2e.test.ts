import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type Client, type TestApp } from '../../../../test/app.ts';
import { testTargets } from '../../../../test/db.ts';
import { makeBusiness, makeFiscalModules, makeModel, makeTsc, registrationBody } from '../../../../test/fiscal-factories.ts';

for (const target of testTargets()) {
  describe(`registries of the TIS over HTTP [${target}]`, () => {
    let t: TestApp;
    let officer: Client;
    let tsc: Awaited<ReturnType<typeof makeTsc>>;
    let modules: string[];
    before(async () => {
      t = await startTestApp(target);
      officer = await t.as('tax_officer');
      tsc = await makeTsc(t);
      modules = await makeFiscalModules(t, tsc.id, 6);
    });
    after(() => t.close());

    test('FIS-GEN-02, FIS-GEN-03, FIS-GEN-06: an online CR and a VCR are both registered, and the registry holds the data on the register and its business', async () => {
      const online = await makeModel(t, { kind: 'online', name: 'Касса-Онлайн ТҶ-55Ф' });
      const vcr = await makeModel(t, { kind: 'virtual' });
      const business = await makeBusiness(t, officer);
      const a = await tsc.specialist.post('/api/fiscal/applications', registrationBody(business, online.id, modules[0]!));
      const b = await tsc.specialist.post('/api/fiscal/applications', registrationBody(business, vcr.id, modules[1]!));
      assert.deepEqual([a.body.status, b.body.status], ['completed', 'completed']);
      const list = (await officer.get(`/api/fiscal/registers?tin=${business.tin}`)).body;
      assert.deepEqual(list.items.map((r: { kind: string }) => r.kind).sort(), ['online', 'virtual']);
      const card = (await officer.get(`/api/fiscal/registers/${a.body.registerId}/card`)).body;
      assert.equal(card.business.tin, business.tin);
      assert.equal(card.business.name, business.name);
      assert.equal(card.fiscalModuleNumber, modules[0]);
      const html = (await officer.get(`/api/fiscal/registers/${a.body.registerId}/card.html`)).text;
      assert.ok(html.includes('МНХ-онлайн, навъи'));
    });

    test('FIS-GEN-10: a manufacturer number is unique per model among registered registers', async () => {
      const vcr = await makeModel(t);
      const first = await makeBusiness(t, officer);
      const second = await makeBusiness(t, officer);
      const a = await tsc.specialist.post('/api/fiscal/applications', registrationBody(first, vcr.id, modules[2]!, { manufacturerNumber: 'SN-0001' }));
      assert.equal(a.body.status, 'completed');
      const b = await tsc.specialist.post('/api/fiscal/applications', registrationBody(second, vcr.id, modules[3]!, { manufacturerNumber: 'SN-0001' }));
      assert.equal(b.body.status, 'under_study');
      assert.deepEqual(
        b.body.findings.map((f: { code: string }) => f.code),
        ['DEVICE_ALREADY_REGISTERED'],
      );
      // Clearing the study cannot override the registry: the number is still taken.
      const cleared = await officer.post(`/api/fiscal/applications/${b.body.id}/study`, { isDiscrepancyConfirmed: false, note: 'x' });
      assert.equal(cleared.status, 409);
      assert.equal(cleared.body.code, 'DEVICE_ALREADY_REGISTERED');
      assert.equal((await officer.get(`/api/fiscal/applications/${b.body.id}`)).body.status, 'under_study');
    });

    test('FIS-ACC-07: TSC software works through the published API with a bearer token, and the exchange formats are published', async () => {
      const spec = await t.anon.get('/docs/json');
      assert.equal(spec.status, 200);
      assert.ok(spec.body.paths['/api/fiscal/applications'].post);
      assert.equal(spec.body.openapi, '3.1.0');
      const ui = await t.anon.get('/docs');
      assert.equal(ui.status, 200);
      assert.ok(ui.text.includes('Swagger UI'));
      const vcr = await makeModel(t);
      const business = await makeBusiness(t, officer);
      assert.ok(tsc.specialist.token);
      const r = await tsc.specialist.post('/api/fiscal/applications', registrationBody(business, vcr.id, modules[4]!));
      assert.equal(r.status, 201);
      const read = await tsc.specialist.get(`/api/fiscal/applications/${r.body.id}`);
      assert.equal(read.body.attachments.length, 3);
      const file = await tsc.specialist.get(`/api/fiscal/applications/${r.body.id}/attachments/${read.body.attachments[0].id}`);
      assert.equal(file.status, 200);
      assert.ok(file.text.startsWith('%PDF'));
    });
  });
}
