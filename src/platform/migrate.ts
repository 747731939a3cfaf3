import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Database, sqlState, UNIQUE_VIOLATION } from './db.ts';
import { sha256Hex } from './bytes.ts';

export const MIGRATIONS_DIR = resolve(import.meta.dirname, '../../migrations');

export type MigrationReport = { readonly applied: string[]; readonly alreadyApplied: number };

/**
 * Applies `migrations/*.sql` in file-name order, each in its own transaction, forward only.
 * A migration that changed after it was applied is refused: migrations are never edited once landed.
 * Two migrators racing on a server are safe: the version row is inserted first, so the second
 * one waits on it and then skips the migration the first one committed.
 */
export async function migrate(database: Database, dir: string = MIGRATIONS_DIR): Promise<MigrationReport> {
  await database
    .exec(`
    CREATE SCHEMA IF NOT EXISTS platform;
    CREATE TABLE IF NOT EXISTS platform.schema_migrations (
      version text PRIMARY KEY,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    );`)
    .catch(async (error) => {
      // Two first-time migrators can race on CREATE IF NOT EXISTS; the loser finds the table made.
      if (sqlState(error) !== UNIQUE_VIOLATION) throw error;
    });
  const done = new Map(
    (await database.query<{ version: string; checksum: string }>('SELECT version, checksum FROM platform.schema_migrations')).map((r) => [
      r.version,
      r.checksum,
    ]),
  );
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  const applied: string[] = [];
  for (const file of files) {
    const script = readFileSync(join(dir, file), 'utf8');
    const checksum = sha256Hex(script);
    const version = file.replace(/\.sql$/, '');
    const known = done.get(version);
    if (known !== undefined) {
      if (known !== checksum) throw new Error(`migration ${file} was edited after it was applied (checksum differs)`);
      continue;
    }
    const quoted = `'${version.replace(/'/g, "''")}'`;
    try {
      await database.execInTransaction(`INSERT INTO platform.schema_migrations (version, checksum) VALUES (${quoted}, '${checksum}');\n${script}`);
      applied.push(version);
    } catch (error) {
      if (sqlState(error) === UNIQUE_VIOLATION && (await isApplied(database, version))) continue;
      throw new Error(`migration ${file} failed: ${(error as Error).message}`, { cause: error });
    }
  }
  return { applied, alreadyApplied: done.size };
}

async function isApplied(database: Database, version: string): Promise<boolean> {
  const found = await database.query('SELECT 1 FROM platform.schema_migrations WHERE version = $1', [version]);
  return found.length > 0;
}
