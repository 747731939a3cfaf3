import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import postgres from 'postgres';
import { startTestApp, type Client, type TestApp } from '../../../../test/app.ts';
import { testTargets } from '../../../../test/db.ts';
import { registeredModule, send, type RegisteredModule } from '../../../../test/intake-fixture.ts';
import { openDatabase, restoreDatabase } from '../../../platform/db.ts';
import { archiveOldDocuments } from '../application/archive-documents.ts';

const at = (iso: string) => new Date(iso);

for (const target of testTargets()) {
  describe(`fiscal data storage [${target}]`, () => {
    let t: TestApp;
    let officer: Client;
    let m: RegisteredModule;
    let dir: string;
    before(async () => {
      t = await startTestApp(target, '2026-03-02T05:00:00Z');
      officer = await t.as('tax_officer');
      m = await registeredModule(t, officer);
      dir = mkdtempSync(join(tmpdir(), 'bekogaz-storage-'));
      assert.equal((await send(t, m.module.openShift(at('2026-03-02T04:00:00Z')))).status, 200);
      for (let i = 0; i < 3; i++)
        assert.equal((await send(t, m.module.receipt(at(`2026-03-02T04:1${i}:00Z`), [{ name: 'Нон', quantity: 1000, price: 300 }]))).status, 200);
    });
    after(async () => {
      await t.close();
      rmSync(dir, { recursive: true, force: true });
    });

    test('FIS-OPR-04, FIS-OPR-05, FIS-GEN-05: documents land in the partition of the month they were received, and cannot be changed or deleted', async () => {
      const placed = await t.db.query<{ part: string; n: string | number }>(
        `SELECT tableoid::regclass::text AS part, count(*) AS n FROM fiscal.documents WHERE fiscal_module_number = $1 GROUP BY 1`,
        [m.module.number],
      );
      assert.deepEqual(
        placed.map((p) => [p.part, Number(p.n)]),
        [['fiscal.documents_2026_03', 4]],
      );
      await assert.rejects(t.db.query(`UPDATE fiscal.documents SET total = 0 WHERE fiscal_module_number = $1`, [m.module.number]), /append-only/);
      await assert.rejects(t.db.query(`DELETE FROM fiscal.documents WHERE fiscal_module_number = $1`, [m.module.number]), /append-only/);
      await assert.rejects(t.db.query(`UPDATE fiscal.document_keys SET ack = '' WHERE fiscal_module_number = $1`, [m.module.number]), /append-only/);
      const parts = await t.db.query<{ name: string }>(
        `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'fiscal.documents'::regclass ORDER BY 1`,
      );
      assert.deepEqual(
        parts.map((p) => p.name),
        ['documents_2026_03', 'documents_2026_04', 'documents_2026_05', 'documents_default'],
      );
    });

    test('FIS-OPR-04: after five years a whole month is archived to a file with its manifest and leaves the live store; younger months stay', async () => {
      await t.db.query(`SELECT fiscal.ensure_document_partitions('2020-01-01'::date, 2)`);
      await t.db.query(
        `INSERT INTO fiscal.documents (received_at, fiscal_module_number, number, doc_type, register_id, business_tin, shift_number, issued_at, operation, total, cash, non_cash, tax_total, is_offline, fiscal_sign, body)
         VALUES ('2020-01-15T10:00:00Z', 'FM-OLD', 1, 'receipt', $1, $2, 1, '2020-01-15T10:00:00Z', 'sale', 500, 500, 0, 0, false, '1234567890', '{"type":"receipt","number":1}')`,
        [m.registerId, m.business.tin],
      );
      const done = await archiveOldDocuments(t.c.fiscal.deps, join(dir, 'archive'));
      assert.deepEqual(
        done.map((d) => [d.month, d.documents]),
        [
          ['2020-01', 1],
          ['2020-02', 0],
        ],
      );
      const lines = gunzipSync(readFileSync(done[0]!.file)).toString().trim().split('\n');
      assert.equal(JSON.parse(lines[0] as string).document.number, 1);
      const manifest = JSON.parse(readFileSync(`${done[0]!.file}.manifest.json`, 'utf8'));
      assert.equal(manifest.documents, 1);
      const left = await t.db.query<{ n: string | number }>(`SELECT count(*) AS n FROM fiscal.documents WHERE fiscal_module_number = 'FM-OLD'`);
      assert.equal(Number(left[0]?.n), 0);
      const young = await t.db.query<{ n: string | number }>(`SELECT count(*) AS n FROM fiscal.documents WHERE fiscal_module_number = $1`, [m.module.number]);
      assert.equal(Number(young[0]?.n), 4);
    });

    test('FIS-OPR-06: a backup restores into an empty database with every document, key and audit entry', async () => {
      const file = join(dir, target === 'pglite' ? 'backup.tar.gz' : 'backup.dump');
      await t.c.fiscal.intake.drain();
      await t.db.backup(file);
      const counts = async (q: (text: string) => Promise<{ d: string | number; k: string | number; a: string | number }[]>) =>
        (
          await q(
            'SELECT (SELECT count(*) FROM fiscal.documents) AS d, (SELECT count(*) FROM fiscal.document_keys) AS k, (SELECT count(*) FROM platform.audit_log) AS a',
          )
        ).map((r) => [Number(r.d), Number(r.k), Number(r.a)])[0];
      const expected = await counts((text) => t.db.query(text));
      if (target === 'pglite') {
        const restoredDir = join(dir, 'restored');
        await restoreDatabase(file, { kind: 'pglite', dataDir: restoredDir });
        const restored = await openDatabase({ kind: 'pglite', dataDir: restoredDir });
        assert.deepEqual(await counts((text) => restored.query(text)), expected);
        await restored.close();
      } else {
        const admin = postgres(process.env.BEKOGAZ_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres', { max: 1, onnotice: () => {} });
        const name = `bekogaz_test_restore_${randomBytes(4).toString('hex')}`;
        await admin.unsafe(`CREATE DATABASE ${name}`);
        try {
          const url = new URL(process.env.BEKOGAZ_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
          url.pathname = `/${name}`;
          await restoreDatabase(file, { kind: 'postgres', url: url.toString() });
          const restored = await openDatabase({ kind: 'postgres', url: url.toString(), max: 1 });
          assert.deepEqual(await counts((text) => restored.query(text)), expected);
          await restored.close();
        } finally {
          await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
          await admin.end();
        }
      }
    });
  });
}
