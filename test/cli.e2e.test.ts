import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';
import { createTestDatabase, type TestDatabase, testTargets } from './db.ts';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..');

for (const target of testTargets()) {
  describe(`bekogaz CLI [${target}]`, () => {
    let dir: string;
    let env: NodeJS.ProcessEnv;
    let server: TestDatabase | undefined;
    const cli = async (...args: string[]) => {
      try {
        return { code: 0, ...(await run(process.execPath, ['bin/bekogaz.mjs', ...args], { cwd: root, env, timeout: 120_000 })) };
      } catch (error) {
        const e = error as { code: number; stdout: string; stderr: string };
        return { code: e.code, stdout: e.stdout, stderr: e.stderr };
      }
    };
    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'bekogaz-cli-'));
      if (target === 'postgres') server = await createTestDatabase('postgres');
      env = { ...process.env, BEKOGAZ_DATA_DIR: join(dir, 'data'), DATABASE_URL: server?.url ?? '' };
    });
    after(async () => {
      await server?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    test('FIS-GEN-04, FIS-REG-01: registries are imported from CSV through the use cases, survive a restart, and export as CSV and JSON', async () => {
      assert.equal((await cli('migrate')).code, 0);
      writeFileSync(
        join(dir, 'inspectorates.csv'),
        'code,name_tg,name_ru,name_en,region,district,address,head_name,registration_inspector_name\r\n0101,Нозироти андози ноҳияи Сино,Налоговая инспекция района Сино,Sino district,Душанбе,Сино,"ш. Душанбе, к. Бохтар 35",Раҳимзода Ф.,Назарова М.\r\n',
      );
      const imported = await cli('import', 'inspectorates', join(dir, 'inspectorates.csv'));
      assert.equal(imported.code, 0, imported.stderr);
      writeFileSync(
        join(dir, 'businesses.csv'),
        'tin,name,kind,legalAddress,inspectorateCode,taxRegime,isVatPayer\r\n010000001,ҶДММ «Ситора»,legal_entity,"ш. Душанбе, к. Рӯдакӣ 10",0101,general,true\r\n010000002,Соҳибкор Раҳимова,individual_entrepreneur,ш. Душанбе,0101,simplified,false\r\n',
      );
      assert.equal((await cli('import', 'businesses', join(dir, 'businesses.csv'))).code, 0);
      const csv = await cli('export', 'businesses', '-f', 'csv');
      assert.equal(csv.code, 0, csv.stderr);
      assert.match(csv.stdout, /^tin,name,kind,/);
      assert.ok(csv.stdout.includes('"ш. Душанбе, к. Рӯдакӣ 10"'));
      const out = join(dir, 'businesses.json');
      assert.equal((await cli('export', 'businesses', '-o', out)).code, 0);
      const rows = JSON.parse(readFileSync(out, 'utf8')) as { tin: string; isVatPayer: boolean }[];
      assert.deepEqual(
        rows.map((r) => [r.tin, r.isVatPayer]),
        [
          ['010000001', true],
          ['010000002', false],
        ],
      );
      const verified = await cli('audit-verify');
      assert.equal(verified.code, 0);
      assert.match(verified.stdout, /Audit chain intact: 3 entries/);
    });

    test('an import with a bad row writes nothing and names the line and the field', async () => {
      writeFileSync(
        join(dir, 'bad.csv'),
        'tin,name,kind,legalAddress,inspectorateCode,taxRegime,isVatPayer\r\n030000003,A,legal_entity,x,0101,general,true\r\n12345,B,legal_entity,x,0101,general,maybe\r\n',
      );
      const r = await cli('import', 'businesses', join(dir, 'bad.csv'));
      assert.equal(r.code, 2);
      assert.match(r.stderr, /line 3: row\.tin/);
      assert.match(r.stderr, /line 3: row\.isVatPayer/);
      const dup = join(dir, 'dup.json');
      writeFileSync(
        dup,
        JSON.stringify([
          { tin: '030000003', name: 'A', kind: 'legal_entity', legalAddress: 'x', inspectorateCode: '0101', taxRegime: 'general', isVatPayer: true },
          { tin: '010000001', name: 'B', kind: 'legal_entity', legalAddress: 'x', inspectorateCode: '0101', taxRegime: 'general', isVatPayer: true },
        ]),
      );
      const refused = await cli('import', 'businesses', dup);
      assert.equal(refused.code, 2);
      assert.match(refused.stderr, /line 3 was refused with BUSINESS_ALREADY_EXISTS/);
      const rows = JSON.parse((await cli('export', 'businesses', '-f', 'json')).stdout) as unknown[];
      assert.equal(rows.length, 2);
    });
  });
}
