import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../../../../test/app.ts';
import { testTargets } from '../../../../test/db.ts';
import { DECLARANT, type Harness, harness } from './filing.fixtures.ts';

const exitAt = '2026-03-02T08:30:00+05:00';
const exit = (over: Record<string, unknown> = {}) => ({
  officeCode: 'PANJI-POYON',
  exitedAt: exitAt,
  transport: { mode: 'road', vehicles: ['01 TJ 1234 AA'] },
  ...over,
});

for (const target of testTargets()) {
  describe(`border office exit data [${target}]`, () => {
    let t: TestApp;
    let h: Harness;

    // Monday 2 March 2026, 10:00 in Dushanbe.
    before(async () => {
      t = await startTestApp(target, '2026-03-02T05:00:00Z');
      h = await harness(t, 'exit');
    });
    after(() => t.close());

    test('CUS-DEC-29: a border officer records the exit (office, time, vehicle, what left); every refusal of a record', async () => {
      const cmr = { transportDocument: { typeCode: 'CMR', number: 'CMR-X1' } };
      assert.equal((await h.declarant.post('/api/customs/exits', exit(cmr))).status, 403);
      const inland = await h.officer.post('/api/customs/exits', exit({ ...cmr, officeCode: 'DUSHANBE' }));
      assert.deepEqual([inland.status, inland.body.code], [422, 'EXIT_OFFICE_NOT_BORDER']);
      const future = await h.officer.post('/api/customs/exits', exit({ ...cmr, exitedAt: '2026-03-02T10:30:00+05:00' }));
      assert.deepEqual([future.status, future.body.code], [422, 'EXIT_TIME_INVALID']);
      const nothing = await h.officer.post('/api/customs/exits', exit());
      assert.deepEqual([nothing.status, nothing.body.code], [422, 'EXIT_REFERENCE_REQUIRED']);
      const unknown = await h.officer.post('/api/customs/exits', exit({ declarationNumber: 'PANJI-POYON/020326/9999999' }));
      assert.deepEqual([unknown.status, unknown.body.code], [422, 'EXIT_DECLARATION_NOT_FOUND']);
      const imported = await h.registered(h.importData());
      const notExport = await h.officer.post('/api/customs/exits', exit({ declarationNumber: imported.number }));
      assert.deepEqual([notExport.status, notExport.body.code], [422, 'EXIT_DECLARATION_NOT_RELEASED_EXPORT']);
      assert.equal(Number((await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM customs.exit_records'))[0]?.n), 0, 'a refusal writes nothing');

      const recorded = await h.officer.post('/api/customs/exits', exit(cmr));
      assert.equal(recorded.status, 201, recorded.text);
      assert.equal(recorded.body.officeCode, 'PANJI-POYON');
      assert.equal(recorded.body.exitedAt, '2026-03-02T03:30:00.000Z');
      assert.deepEqual(recorded.body.vehicles, ['01 TJ 1234 AA']);
      assert.deepEqual(recorded.body.transportDocument, { typeCode: 'CMR', number: 'CMR-X1' });
      const listed = await h.officer.get('/api/customs/exits?transportDocumentNumber=cmr-x1');
      assert.deepEqual(
        listed.body.map((e: { id: string }) => e.id),
        [recorded.body.id],
      );
      assert.equal((await h.officer.get(`/api/customs/exits/${recorded.body.id}`)).body.id, recorded.body.id);
      // Exit records are evidence: the database refuses to change or delete them.
      await assert.rejects(t.db.query('DELETE FROM customs.exit_records WHERE id = $1', [recorded.body.id]));
    });

    test('CUS-DEC-29: an export declaration for goods the border office recorded as gone is refused (ground 6); goods not yet out are filed', async () => {
      const gone = await h.draft(h.exportData('CMR-X1'));
      const refused = await h.file(gone);
      assert.equal(refused.status, 422, refused.text);
      assert.equal(refused.body.code, 'DECLARATION_NOT_REGISTERABLE');
      assert.deepEqual(refused.body.details.reasons, [{ ground: 6, code: 'goods_already_exited', field: 'documents' }]);
      assert.equal((await h.detail(gone)).state, 'DRAFT');

      // By the goods: the same exporter, vehicle and commodity codes, under another CMR.
      const byGoods = await h.officer.post(
        '/api/customs/exits',
        exit({ transport: { mode: 'road', vehicles: ['02 TJ 5555 BB'] }, goods: { exporterCode: DECLARANT, commodityCodes: ['1701'], description: 'sugar' } }),
      );
      assert.equal(byGoods.status, 201, byGoods.text);
      const sameTruck = await h.file(await h.draft(h.exportData('CMR-X9', { transport: { mode: 'road', vehicles: ['02TJ5555BB'], nationality: 'TJ' } })));
      assert.deepEqual(sameTruck.body.details.reasons, [{ ground: 6, code: 'goods_already_exited', field: 'transport.vehicles' }]);

      // Not recorded as gone: filed before the exit, as art.129 p.3 wants.
      const first = await h.released(h.exportData('CMR-X2'));
      // The border office records the exit of the released declaration: its exit is set, its withdrawal closed (art.134 p.3).
      const out = await h.officer.post(
        '/api/customs/exits',
        exit({ declarationNumber: first.number, transportDocument: { typeCode: 'CMR', number: 'CMR-X2' } }),
      );
      assert.equal(out.status, 201, out.text);
      const withdrawal = await h.withdrawal(first.id);
      assert.deepEqual(
        [withdrawal.status, withdrawal.body.code, withdrawal.body.details.reasons],
        [409, 'DECLARATION_WITHDRAWAL_NOT_ALLOWED', ['goods_left_territory']],
      );
      const [row] = await t.db.query<{ exited_at: Date }>('SELECT exited_at FROM customs.declarations WHERE id = $1', [first.id]);
      assert.equal(new Date(row?.exited_at as Date).toISOString(), '2026-03-02T03:30:00.000Z');
      // A second declaration for the same goods after they left: refused.
      const again = await h.file(await h.draft(h.exportData('CMR-X2')));
      assert.deepEqual(again.body.details.reasons, [{ ground: 6, code: 'goods_already_exited', field: 'documents' }]);
      // An import is never refused on exit data.
      assert.equal((await h.registered(h.importData())).state, 'REGISTERED');
    });

    test('CUS-DEC-29: the cases of the Code are data: goods by pipeline are declared after they flow out; without the row they are refused', async () => {
      const cases = await h.declarant.get('/api/customs/exit-filing-exceptions');
      assert.deepEqual(
        cases.body.map((c: { code: string }) => c.code),
        ['periodic_export', 'pipeline', 'power_line', 'release_before_declaration'],
      );
      assert.match(cases.body[0].legalBasis, /art\.138 p\.2/);
      // An office that declares pipeline exports (test data).
      await t.db.query(
        `INSERT INTO customs.offices (code, valid_from, name_tg, name_ru, name_en, region, kind, calendar_office, declaration_kinds, regimes, transport_modes, goods_assignments)
         VALUES ('PIPE-TEST', '2025-01-01', 'Қубур', 'Трубопровод', 'Pipeline office', 'dushanbe', 'inland', 'default', '{goods}', '{export}', '{pipeline}', '{}')`,
      );
      const pipeline = (cmr: string) =>
        h.exportData(cmr, {
          officeCode: 'PIPE-TEST',
          transport: { mode: 'pipeline', vehicles: ['PIPELINE-UZ-1'], nationality: 'TJ' },
          documents: h.exportData(cmr).documents.filter((d) => d.typeCode !== 'CMR'),
        });
      const flowed = await h.officer.post(
        '/api/customs/exits',
        exit({ transport: { mode: 'pipeline', vehicles: ['PIPELINE-UZ-1'] }, goods: { exporterCode: DECLARANT, commodityCodes: ['8517', '1701'] } }),
      );
      assert.equal(flowed.status, 201, flowed.text);
      const filed = await h.file(await h.draft(pipeline('-')));
      assert.equal(filed.status, 200, filed.text);
      assert.equal(filed.body.state, 'REGISTERED');
      await t.db.query(`UPDATE customs.exit_filing_exceptions SET valid_to = '2026-02-28' WHERE code = 'pipeline'`);
      try {
        const closed = await h.file(await h.draft(pipeline('-')));
        assert.deepEqual(closed.body.details.reasons, [{ ground: 6, code: 'goods_already_exited', field: 'transport.vehicles' }]);
      } finally {
        await t.db.query(`UPDATE customs.exit_filing_exceptions SET valid_to = NULL WHERE code = 'pipeline'`);
      }
    });
  });
}
