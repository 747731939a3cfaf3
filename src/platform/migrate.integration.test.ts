import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createTestDatabase, type TestDatabase, testTargets } from '../../test/db.ts';
import { MIGRATIONS_DIR, migrate } from './migrate.ts';

for (const target of testTargets()) {
  describe(`migrations [${target}]`, () => {
    let db: TestDatabase;
    before(async () => {
      db = await createTestDatabase(target);
    });
    after(() => db.close());

    test('one schema per context; a second run applies nothing; an edited migration is refused', async () => {
      const schemas = (await db.query<{ nspname: string }>(`SELECT nspname FROM pg_namespace WHERE nspname IN ('platform', 'fiscal') ORDER BY 1`)).map(
        (r) => r.nspname,
      );
      assert.deepEqual(schemas, ['fiscal', 'platform']);
      const again = await migrate(db);
      assert.deepEqual(again.applied, []);
      const copy = mkdtempSync(join(tmpdir(), 'bekogaz-migrations-'));
      for (const f of readdirSync(MIGRATIONS_DIR)) writeFileSync(join(copy, f), readFileSync(join(MIGRATIONS_DIR, f)));
      const first = readdirSync(copy).sort()[0] as string;
      writeFileSync(join(copy, first), `${readFileSync(join(copy, first), 'utf8')}\n-- edited`);
      await assert.rejects(migrate(db, copy), /was edited after it was applied/);
    });
  });
}
