import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { type Database, openDatabase } from '../src/platform/db.ts';
import { migrate } from '../src/platform/migrate.ts';

/** The databases every integration test runs against (STYLE.md: PGlite and a real PostgreSQL server). */
export type TestTarget = 'pglite' | 'postgres';

/** `BEKOGAZ_TEST_TARGETS=pglite,postgres` (the default) picks the targets. */
export function testTargets(): TestTarget[] {
  const raw = process.env.BEKOGAZ_TEST_TARGETS ?? 'pglite,postgres';
  return raw
    .split(',')
    .map((t) => t.trim())
    .filter((t): t is TestTarget => t === 'pglite' || t === 'postgres');
}

const ADMIN_URL = process.env.BEKOGAZ_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export type TestDatabase = Database & { readonly target: TestTarget; readonly name: string; readonly url?: string };

/**
 * A fresh, migrated database for one test file. On the server it is a new database whose name
 * says test; it is dropped on close. The guard refuses any other name.
 */
export async function createTestDatabase(target: TestTarget): Promise<TestDatabase> {
  if (target === 'pglite') {
    const database = await openDatabase({ kind: 'pglite' });
    await migrate(database);
    return { ...database, target, name: 'memory' };
  }
  const name = `bekogaz_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  assertTestDatabase(url.pathname);
  const database = await openDatabase({ kind: 'postgres', url: url.toString(), max: 8 });
  await migrate(database);
  return {
    ...database,
    target,
    name,
    url: url.toString(),
    close: async () => {
      await database.close();
      const cleanup = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
      try {
        await cleanup.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await cleanup.end();
      }
    },
  };
}

/** Tests never touch a database whose name does not say test. */
export function assertTestDatabase(pathname: string): void {
  if (!/test/i.test(pathname)) throw new Error(`refusing to run tests against database "${pathname}": its name must contain "test"`);
}
