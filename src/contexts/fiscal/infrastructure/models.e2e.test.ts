import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp, type Client } from '../../../../test/app.ts';
import { testTargets } from '../../../../test/db.ts';

const vcr = {
  kind: 'virtual',
  name: 'Бекоғаз ХВ',
  manufacturer: 'Маркази барномасозии маъмурикунонии андоз',
  version: '1.0.0',
  certificateNumber: 'ИБ-2026-0001',
  certificateIssuer: 'Authorised information-security body',
  certificateValidFrom: '2026-01-01',
  certificateValidTo: '2028-12-31',
  includedOn: '2026-01-15',
};

for (const target of testTargets()) {
  describe(`models registry over HTTP [${target}]`, () => {
    let t: TestApp;
    let admin: Client;
    before(async () => {
      t = await startTestApp(target);
      admin = await t.as('operator_admin');
    });
    after(() => t.close());

    test('FIS-GEN-07: the operator enters a VCR program and an online CR model; the public registry lists both', async () => {
      const created = await admin.post('/api/fiscal/models', vcr);
      assert.equal(created.status, 201, created.text);
      assert.equal(created.body.status, 'included');
      const online = await admin.post('/api/fiscal/models', { ...vcr, kind: 'online', name: 'Касса-Онлайн М1', manufacturer: 'ООО Касса' });
      assert.equal(online.status, 201, online.text);
      const list = await t.anon.get('/api/public/models');
      assert.equal(list.status, 200);
      assert.deepEqual(
        list.body.map((m: { kind: string; name: string }) => `${m.kind}:${m.name}`),
        ['online:Касса-Онлайн М1', 'virtual:Бекоғаз ХВ'],
      );
    });

    test('FIS-GEN-12: the registry tells whether a model may be used: excluded or uncertified models are not', async () => {
      const expired = await admin.post('/api/fiscal/models', { ...vcr, version: '0.9', certificateValidFrom: '2024-01-01', certificateValidTo: '2025-12-31' });
      assert.equal(expired.status, 201);
      const usable = await t.anon.get('/api/public/models?kind=virtual');
      const byVersion = Object.fromEntries(usable.body.map((m: { version: string; isUsable: boolean; unusableReason: string }) => [m.version, m]));
      assert.equal(byVersion['1.0.0'].isUsable, true);
      assert.equal(byVersion['0.9'].isUsable, false);
      assert.equal(byVersion['0.9'].unusableReason, 'CERTIFICATE_EXPIRED');
      const excluded = await admin.post(`/api/fiscal/models/${byVersion['1.0.0'].id}/exclude`, { on: '2026-03-01', reason: 'Certificate withdrawn' });
      assert.equal(excluded.status, 200, excluded.text);
      const after = await t.anon.get('/api/public/models?kind=virtual&isUsable=true');
      assert.deepEqual(after.body, []);
    });

    test('FIS-OPR-10: a duplicate model or wrong certificate dates are refused with a code, nothing written', async () => {
      const dup = await admin.post('/api/fiscal/models', vcr);
      assert.equal(dup.status, 409);
      assert.equal(dup.body.code, 'MODEL_ALREADY_EXISTS');
      assert.equal(dup.headers['content-type'], 'application/problem+json; charset=utf-8');
      const dates = await admin.post('/api/fiscal/models', { ...vcr, version: '2.0', certificateValidFrom: '2027-01-01', certificateValidTo: '2026-01-01' });
      assert.equal(dates.status, 422);
      assert.equal(dates.body.code, 'CERTIFICATE_DATES_INVALID');
      const list = await t.anon.get('/api/public/models?q=2.0');
      assert.equal(list.body.length, 0);
    });

    test('only the operator administrator may change the registry; errors are localised tg / ru / en', async () => {
      const anon = await t.anon.post('/api/fiscal/models', vcr);
      assert.equal(anon.status, 401);
      assert.equal(anon.body.title, 'Ворид шудан лозим аст');
      const officer = await t.as('tax_officer');
      const forbidden = await officer.post('/api/fiscal/models', vcr, { 'accept-language': 'ru' });
      assert.equal(forbidden.status, 403);
      assert.equal(forbidden.body.title, 'Доступ запрещён');
      const invalid = await admin.post('/api/fiscal/models', { ...vcr, kind: 'paper', extra: 1 }, { 'accept-language': 'en' });
      assert.equal(invalid.status, 400);
      assert.equal(invalid.body.code, 'VALIDATION_FAILED');
      assert.ok(invalid.body.errors.some((e: { field: string }) => e.field === 'body.extra'));
      assert.ok(invalid.body.errors.some((e: { field: string }) => e.field === 'body.kind'));
    });
  });
}
