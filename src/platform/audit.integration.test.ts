import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestDatabase, type TestDatabase, testTargets } from '../../test/db.ts';
import { appendAudit, verifyAuditChain } from './audit.ts';

for (const target of testTargets()) {
  describe(`audit log [${target}]`, () => {
    let db: TestDatabase;
    before(async () => {
      db = await createTestDatabase(target);
    });
    after(() => db.close());

    test('FIS-GEN-05: entries are chained; the chain verifies; updates and deletes are refused by the database', async () => {
      const at = new Date('2026-03-02T05:00:00Z');
      await db.db.transaction(async (tx) => {
        await appendAudit(tx, at, {
          actor: 'tax_officer:a',
          action: 'x.created',
          entity: 'fiscal.x',
          entityId: '1',
          after: { n: 1n, name: 'Қурбон', when: at },
        });
        await appendAudit(tx, at, {
          actor: 'tax_officer:a',
          action: 'x.changed',
          entity: 'fiscal.x',
          entityId: '1',
          before: { n: 1 },
          after: { n: 2, nested: { b: 1, a: [1, 2] } },
        });
      });
      // Concurrent writers take turns on the chain's tip: no fork, no gap.
      await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          db.db.transaction((tx) => appendAudit(tx, at, { actor: 'system', action: 'y', entity: 'e', entityId: String(i), after: { i } })),
        ),
      );
      const ok = await verifyAuditChain(db.db);
      assert.deepEqual({ isIntact: ok.isIntact, entries: ok.entries }, { isIntact: true, entries: 12 });
      await assert.rejects(db.query(`UPDATE platform.audit_log SET actor = 'intruder' WHERE seq = 1`), /append-only/);
      await assert.rejects(db.query(`DELETE FROM platform.audit_log WHERE seq = 2`), /append-only/);
    });

    test('the verifier names the first broken link when a row was altered behind the trigger', async () => {
      await db.exec(`
        ALTER TABLE platform.audit_log DISABLE TRIGGER audit_log_append_only;
        UPDATE platform.audit_log SET after = '{"n": 3}' WHERE seq = 2;
        ALTER TABLE platform.audit_log ENABLE TRIGGER audit_log_append_only;`);
      const broken = await verifyAuditChain(db.db, 5);
      assert.equal(broken.isIntact, false);
      assert.equal(!broken.isIntact && broken.brokenAt, 2);
      assert.equal(!broken.isIntact && broken.reason, 'HASH_MISMATCH');
    });
  });
}
