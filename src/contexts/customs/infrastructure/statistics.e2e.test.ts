import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../../../../test/app.ts';
import { testTargets } from '../../../../test/db.ts';
import { type Harness, harness } from './filing.fixtures.ts';

type Item = {
  declarationNumber: string;
  declarationVersion: number;
  itemNo: number;
  month: string;
  direction: string;
  commodityCode: string;
  partnerCountry: string;
  customsValueDirams: string;
  statisticalValueUsdCents: string;
  netMassKg: string;
  statisticalQuantity: string;
  statisticalUnit: string;
};

for (const target of testTargets()) {
  describe(`statistical database [${target}]`, () => {
    let t: TestApp;
    let h: Harness;
    const numbers: Record<'toKz' | 'toAf' | 'imported', { id: string; number: string; assessment: Record<string, string> }> = {} as never;

    // Monday 2 March 2026, 10:00 in Dushanbe.
    before(async () => {
      t = await startTestApp(target, '2026-03-02T05:00:00Z');
      h = await harness(t, 'stat');
    });
    after(() => t.close());

    const items = async (number?: string): Promise<Item[]> =>
      (await h.officer.get(`/api/customs/statistics/items?limit=200${number ? `&declarationNumber=${encodeURIComponent(number)}` : ''}`)).body;
    const summary = async (query: string) => {
      const r = await h.officer.get(`/api/customs/statistics?fromMonth=2026-03&toMonth=2026-03${query}`);
      assert.equal(r.status, 200, r.text);
      return r.body;
    };

    test('CUS-INF-03: on release each item of the declaration becomes a statistical row limited to the statistical data, matching the declaration', async () => {
      numbers.toKz = await h.registered(h.exportData('CMR-S1'));
      const afData = h.exportData('CMR-S2', { countryOfDestination: 'AF', consignee: { name: 'Kabul Trade', country: 'AF', address: 'Kabul' } });
      numbers.toAf = await h.registered({ ...afData, items: afData.items.slice(1).map((i) => ({ ...i, number: 1 })), invoiceTotal: '5000.00' });
      numbers.imported = await h.registered(h.importData());
      assert.deepEqual(await items(), [], 'nothing before release');
      await t.c.worker.runOnce(); // the risk lanes release the exports; the import waits for payment
      assert.equal((await h.detail(numbers.imported.id)).state, 'REGISTERED');
      const conditional = await h.officer.post(`/api/customs/declarations/${numbers.imported.id}/release`, { conditional: true, basis: 'art.151' });
      assert.equal(conditional.body.state, 'CONDITIONALLY_RELEASED', conditional.text);
      await t.c.worker.runOnce();

      const kz = await items(numbers.toKz.number);
      assert.deepEqual(
        kz.map((i) => [i.itemNo, i.month, i.direction, i.commodityCode, i.partnerCountry, i.statisticalUnit, i.statisticalQuantity, i.netMassKg]),
        [
          [1, '2026-03', 'export', '8517130000', 'KZ', 'pcs', '500.000', '100.000'],
          [2, '2026-03', 'export', '1701999000', 'KZ', 'kg', '10000.000', '10000.000'],
        ],
      );
      // The statistical rows add up to the declaration's customs value; the US dollar value is at that day's 10.95.
      for (const d of Object.values(numbers)) {
        const rows = await items(d.number);
        assert.equal(
          rows.reduce((s, i) => s + BigInt(i.customsValueDirams), 0n).toString(),
          d.assessment.customsValueDirams,
          `${d.number}: the sum of the items is the declared customs value`,
        );
        for (const i of rows) assert.equal(BigInt(i.statisticalValueUsdCents), (BigInt(i.customsValueDirams) * 1_000_000n + 5_475_000n) / 10_950_000n);
      }
      const imported = await items(numbers.imported.number);
      assert.deepEqual(
        imported.map((i) => [i.direction, i.partnerCountry]),
        [
          ['import', 'CN'],
          ['import', 'KZ'],
        ],
        'imports count by the country of origin',
      );
      // Only the data statistics need: no party, price, currency amount or document.
      const [raw] = await t.db.query<Record<string, unknown>>('SELECT * FROM customs.statistics_items LIMIT 1');
      assert.deepEqual(Object.keys(raw ?? {}).sort(), [
        'commodity_code',
        'customs_value_dirams',
        'declaration_id',
        'declaration_number',
        'declaration_version',
        'destination_country',
        'direction',
        'event_id',
        'item_no',
        'net_mass_grams',
        'office_code',
        'origin_country',
        'partner_country',
        'period_month',
        'recorded_at',
        'regime',
        'released_at',
        'statistical_quantity_milli',
        'statistical_unit',
        'statistical_value_usd_cents',
      ]);
    });

    test('CUS-INF-03: a redelivered release event does not count twice', async () => {
      const before = await items();
      assert.equal(before.length, 5);
      // As if the worker lost its marks: every release event delivered again to the statistics handler.
      await t.db.query(`DELETE FROM platform.processed_events WHERE handler = 'customs.statistics-on-release'`);
      await t.db.query(`UPDATE platform.outbox SET delivered_at = NULL WHERE topic = 'customs.declaration_released'`);
      const [pending] = await t.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM platform.outbox WHERE topic = 'customs.declaration_released' AND delivered_at IS NULL`,
      );
      assert.equal(Number(pending?.n), 3);
      await t.c.worker.runOnce();
      const [delivered] = await t.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM platform.outbox WHERE topic = 'customs.declaration_released' AND delivered_at IS NULL`,
      );
      assert.equal(Number(delivered?.n), 0);
      assert.deepEqual(await items(), before);
      assert.equal((await summary('')).totals.items, 5);
    });

    test('CUS-INF-03: officers and analysts sum by month, commodity code prefix, country and direction; an annulled release drops out', async () => {
      const all = await items();
      const sum = (pick: (i: Item) => boolean) =>
        all
          .filter(pick)
          .reduce((s, i) => s + BigInt(i.customsValueDirams), 0n)
          .toString();
      const byCountry = await summary('&groupBy=direction&groupBy=country');
      assert.deepEqual(
        byCountry.groups.map((g: { direction: string; country: string; items: number; customsValueDirams: string }) => [
          g.direction,
          g.country,
          g.items,
          g.customsValueDirams,
        ]),
        [
          ['export', 'AF', 1, sum((i) => i.partnerCountry === 'AF')],
          ['export', 'KZ', 2, sum((i) => i.direction === 'export' && i.partnerCountry === 'KZ')],
          ['import', 'CN', 1, sum((i) => i.direction === 'import' && i.partnerCountry === 'CN')],
          ['import', 'KZ', 1, sum((i) => i.direction === 'import' && i.partnerCountry === 'KZ')],
        ],
      );
      assert.equal(
        byCountry.totals.customsValueDirams,
        sum(() => true),
      );
      assert.equal(byCountry.totals.declarations, 3);
      const byCode = await summary('&groupBy=month&groupBy=commodity&codeDigits=4&direction=export');
      assert.deepEqual(
        byCode.groups.map((g: { month: string; commodityCode: string; declarations: number; quantities: unknown }) => [
          g.month,
          g.commodityCode,
          g.declarations,
          g.quantities,
        ]),
        [
          ['2026-03', '1701', 2, [{ unit: 'kg', quantity: '20000.000' }]],
          ['2026-03', '8517', 1, [{ unit: 'pcs', quantity: '500.000' }]],
        ],
      );
      const sugar = await summary('&commodityPrefix=1701&country=KZ');
      assert.equal(sugar.totals.items, 2);
      assert.equal(sugar.totals.netMassKg, '20000.000');
      assert.deepEqual((await h.officer.get('/api/customs/statistics?fromMonth=2026-04&toMonth=2026-04')).body.totals.items, 0);
      const analyst = await t.as('risk_analyst', { login: 'analyst-stat' });
      assert.equal((await analyst.get('/api/customs/statistics?fromMonth=2026-03&toMonth=2026-03')).status, 200);
      assert.equal((await h.declarant.get('/api/customs/statistics?fromMonth=2026-03&toMonth=2026-03')).status, 403);
      const backwards = await h.officer.get('/api/customs/statistics?fromMonth=2026-04&toMonth=2026-03');
      assert.deepEqual([backwards.status, backwards.body.code], [422, 'STATISTICS_PERIOD_INVALID']);

      // The export to Afghanistan is withdrawn after release (art.134 p.3): its release is annulled and it no longer counts.
      const request = await h.withdrawal(numbers.toAf.id);
      assert.equal(request.status, 201, request.text);
      const annulled = await h.officer.post(`/api/customs/declarations/${numbers.toAf.id}/requests/${request.body.id}/decision`, { permit: true, reasons: [] });
      assert.equal(annulled.body.state, 'RELEASE_ANNULLED');
      const after = await summary('&groupBy=country&direction=export');
      assert.deepEqual(
        after.groups.map((g: { country: string }) => g.country),
        ['KZ'],
      );
    });

    test('CUS-INF-03, CUS-DEC-50: a change after release replaces the declaration’s statistical rows with rows of the changed version; the earlier rows stay as history and a redelivered event changes nothing', async () => {
      const d = await h.released(h.exportData('CMR-S4'));
      await t.c.worker.runOnce();
      const sugarKg = async () => (await summary('&commodityPrefix=1701&country=KZ')).totals.netMassKg;
      const before = await items(d.number);
      assert.deepEqual(
        before.map((i) => [i.declarationVersion, i.itemNo, i.netMassKg]),
        [
          [1, 1, '100.000'],
          [1, 2, '10000.000'],
        ],
      );
      assert.equal(await sugarKg(), '30000.000', 'two earlier sugar exports and this one');

      // Customs corrects the net mass of the sugar after an examination (CONTROL_FINDINGS, by decision).
      const data = h.exportData('CMR-S4');
      const corrected = { ...data, items: data.items.map((i) => (i.number === 2 ? { ...i, netMassKg: '9950.000' } : i)) };
      const decided = await h.officer.post(`/api/customs/declarations/${d.id}/after-release-decisions`, {
        caseCode: 'CONTROL_FINDINGS',
        reason: 'Акти экспертиза № 9',
        data: corrected,
      });
      assert.deepEqual([decided.status, decided.body.state, decided.body.version], [200, 'RELEASED', 2], decided.text);
      await t.c.worker.runOnce();
      const changed = await items(d.number);
      assert.deepEqual(
        changed.map((i) => [i.declarationVersion, i.itemNo, i.netMassKg, i.customsValueDirams, i.month]),
        [
          [2, 1, '100.000', before[0]?.customsValueDirams, '2026-03'],
          [2, 2, '9950.000', before[1]?.customsValueDirams, '2026-03'],
        ],
        'the rows of version 2 replace those of version 1, in the month of release',
      );
      assert.equal(await sugarKg(), '29950.000', 'the sums follow the change');
      const counted = await summary(`&commodityPrefix=1701&country=KZ&groupBy=direction`);
      assert.equal(counted.totals.declarations, 3, 'the declaration still counts once');
      const history = await t.db.query<{ version: number; n: number }>(
        `SELECT declaration_version AS version, count(*)::int AS n FROM customs.statistics_items WHERE declaration_id = '${d.id}' GROUP BY 1 ORDER BY 1`,
      );
      assert.deepEqual(
        history.map((r) => [Number(r.version), Number(r.n)]),
        [
          [1, 2],
          [2, 2],
        ],
        'append-only: version 1 is kept',
      );

      // As if the worker lost its marks: the change event delivered again writes nothing.
      await t.db.query(`DELETE FROM platform.processed_events WHERE handler = 'customs.statistics-on-change-after-release'`);
      await t.db.query(`UPDATE platform.outbox SET delivered_at = NULL WHERE topic = 'customs.declaration_changed_after_release'`);
      await t.c.worker.runOnce();
      const [pending] = await t.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM platform.outbox WHERE topic = 'customs.declaration_changed_after_release' AND delivered_at IS NULL`,
      );
      assert.equal(Number(pending?.n), 0);
      assert.deepEqual(await items(d.number), changed);
      const [total] = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM customs.statistics_items WHERE declaration_id = '${d.id}'`);
      assert.equal(Number(total?.n), 4);

      // The declarant's request under a case, permitted by customs (D22), is followed the same way.
      const typo = { ...corrected, items: corrected.items.map((i) => (i.number === 1 ? { ...i, description: `${i.description} (смартфон)` } : i)) };
      const payload = await h.declarant.post(`/api/customs/declarations/${d.id}/after-release-changes/payload`, {
        caseCode: 'TYPOGRAPHICAL',
        reason: 'Хатои чопӣ',
        data: typo,
      });
      assert.equal(payload.status, 200, payload.text);
      const request = await h.declarant.post(`/api/customs/declarations/${d.id}/after-release-changes`, {
        signature: await h.signer.sign(payload.body.payload),
        certificatePem: h.signer.certificatePem,
        caseCode: 'TYPOGRAPHICAL',
        reason: 'Хатои чопӣ',
        data: typo,
      });
      assert.equal(request.status, 201, request.text);
      const permitted = await h.officer.post(`/api/customs/declarations/${d.id}/requests/${request.body.id}/decision`, { permit: true, reasons: [] });
      assert.deepEqual([permitted.status, permitted.body.version], [200, 3], permitted.text);
      await t.c.worker.runOnce();
      assert.deepEqual(
        (await items(d.number)).map((i) => [i.declarationVersion, i.itemNo, i.netMassKg]),
        [
          [3, 1, '100.000'],
          [3, 2, '9950.000'],
        ],
      );
      assert.equal(await sugarKg(), '29950.000');
    });
  });
}
