import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type Client, startTestApp, type TestApp } from '../../../../test/app.ts';
import { testTargets } from '../../../../test/db.ts';
import { AW_SAMPLE, sampleDeclaration } from './asycuda-fixtures.ts';

for (const target of testTargets()) {
  describe(`ASYCUDA SAD XML exchange [${target}]`, () => {
    let t: TestApp;
    let officer: Client;
    let declarant: Client;
    let analyst: Client;

    before(async () => {
      t = await startTestApp(target, '2026-03-02T05:00:00Z');
      officer = await t.as('customs_officer');
      declarant = await t.as('declarant', { tin: '010000101' });
      analyst = await t.as('risk_analyst');
    });
    after(() => t.close());

    const refused = (r: { status: number; body: { code?: string }; headers: Record<string, unknown> }, status: number, code: string) => {
      assert.equal(r.status, status, JSON.stringify(r.body));
      assert.equal(r.body.code, code);
      assert.match(String(r.headers['content-type']), /application\/problem\+json/);
    };

    test('CUS-INF-02 ASYCUDA: a declarant exports a declaration as SAD XML and an officer imports it back unchanged', async () => {
      const d = sampleDeclaration({ brokerTin: '030000303' });
      const out = await declarant.post('/api/customs/asycuda/export?number=10001%2F020326%2F0000042&registeredAt=2026-03-02&state=REGISTERED', d);
      assert.equal(out.status, 200, out.text);
      assert.match(String(out.headers['content-type']), /^application\/xml; charset=utf-8/);
      assert.equal(out.headers['x-asycuda-unshared'], 'brokerTin');
      assert.ok(out.text.includes('<Consignee_name>ҶДММ «Ғалаба»\nДушанбе, кӯч. Рӯдакӣ 5\nTJ</Consignee_name>'));
      const back = await officer.post('/api/customs/asycuda/import', { xml: out.text });
      assert.equal(back.status, 200, back.text);
      const { brokerTin: _, ...shared } = d;
      assert.deepEqual(back.body.data, shared);
      assert.deepEqual(back.body.meta, { number: '10001/020326/0000042', registeredAt: '2026-03-02' });
      assert.deepEqual(back.body.ignored, []);
    });

    test('CUS-INF-02 ASYCUDA: an AW neighbour’s document imports with the values we do not share listed as ignored', async () => {
      const r = await declarant.post('/api/customs/asycuda/import', { xml: AW_SAMPLE });
      assert.equal(r.status, 200, r.text);
      assert.equal(r.body.data.items[0].commodityCode, '5208110000');
      assert.ok(r.body.ignored.includes('Item[1]/Taxation/Taxation_line/Duty_tax_amount'));
      assert.ok(r.body.ignored.includes('Declarant/Declarant_representative'));
    });

    test('CUS-INF-02 ASYCUDA: refusals leave as problem+json with every violation; only officers and declarants exchange', async () => {
      const invalid = await officer.post('/api/customs/asycuda/import', { xml: AW_SAMPLE.replace('<Commodity_code>52081100<', '<Commodity_code>5208<') });
      refused(invalid, 422, 'ASYCUDA_XML_INVALID');
      assert.equal(invalid.body.details.violations.length, 1);
      assert.ok(invalid.body.details.violations[0].line > 200);
      refused(await officer.post('/api/customs/asycuda/import', { xml: '<ASYCUDA><Item></ASYCUDA>' }), 422, 'ASYCUDA_XML_MALFORMED');
      refused(
        await officer.post('/api/customs/asycuda/import', { xml: '<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>' }),
        422,
        'ASYCUDA_XML_DOCTYPE_FORBIDDEN',
      );
      refused(await officer.post('/api/customs/asycuda/import', { xml: `<a>${'ҷ'.repeat(2_100_000)}</a>` }), 413, 'ASYCUDA_XML_TOO_LARGE');
      const data = await officer.post('/api/customs/asycuda/import', { xml: AW_SAMPLE.replace('<Export_country_code>KZ<', '<Export_country_code>QZ<') });
      refused(data, 422, 'ASYCUDA_DATA_INVALID');
      assert.deepEqual(
        data.body.details.problems.map((p: { code: string }) => p.code),
        ['COUNTRY_CODE_INVALID', 'COUNTRY_CODE_INVALID'],
      );
      refused(await officer.post('/api/customs/asycuda/export', { ...sampleDeclaration(), items: [] }), 400, 'VALIDATION_FAILED');
      refused(await analyst.post('/api/customs/asycuda/import', { xml: AW_SAMPLE }), 403, 'FORBIDDEN');
      refused(await analyst.post('/api/customs/asycuda/export', sampleDeclaration()), 403, 'FORBIDDEN');
      refused(await t.anon.post('/api/customs/asycuda/import', { xml: AW_SAMPLE }), 401, 'UNAUTHENTICATED');
    });
  });
}
