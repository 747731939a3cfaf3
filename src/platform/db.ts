import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import postgres from 'postgres';

/** A drizzle handle: the root database or a transaction. Repositories take either. */
export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>, ExtractTablesWithRelations<Record<string, never>>>;
export type Tx = PgTransaction<PgQueryResultHKT, Record<string, never>, ExtractTablesWithRelations<Record<string, never>>>;

/**
 * The PostgreSQL the product runs on: embedded PGlite (a data directory, or memory for tests)
 * or a PostgreSQL 15+ server. The same SQL and migrations run on both (DESIGN.md "Storage").
 */
export type Database = {
  readonly kind: 'pglite' | 'postgres';
  readonly db: Db;
  /** Runs a script of several statements without parameters (migrations, fixtures). */
  readonly exec: (script: string) => Promise<void>;
  /** Runs a script of several statements in one transaction: all or nothing. */
  readonly execInTransaction: (script: string) => Promise<void>;
  /**
   * Runs `fn` in one transaction with a raw, parameterised query function: the hot paths (fiscal
   * intake) use it for set-based SQL with array parameters. Values come back as the driver gives
   * them: cast in SQL to text, int or bool where the two drivers differ (int8, timestamptz).
   */
  readonly rawTransaction: <T>(fn: (query: RawQuery) => Promise<T>) => Promise<T>;
  /** Runs one parameterised statement and returns its rows. */
  readonly query: <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;
  readonly close: () => Promise<void>;
  /**
   * A consistent copy of the whole database in one file (p.53 item 4: backups): PGlite writes its
   * data directory as a gzipped tar; a server is dumped with pg_dump (custom format).
   */
  readonly backup: (file: string) => Promise<void>;
};

export type RawQuery = <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;

export type DatabaseOptions =
  | { readonly kind: 'pglite'; readonly dataDir?: string }
  | { readonly kind: 'postgres'; readonly url: string; readonly max?: number };

const execFileAsync = promisify(execFile);

/**
 * Restores a backup made by `Database.backup` into an empty target: a PGlite data directory that
 * does not exist yet, or an empty database on a server (pg_restore).
 */
export async function restoreDatabase(file: string, target: DatabaseOptions): Promise<void> {
  if (target.kind === 'pglite') {
    if (!target.dataDir) throw new Error('restore: a PGlite data directory is needed');
    if (existsSync(target.dataDir)) throw new Error(`restore: ${target.dataDir} exists; restore into a new directory`);
    mkdirSync(target.dataDir, { recursive: true });
    const pg = new PGlite(target.dataDir, { loadDataDir: new Blob([readFileSync(file)]) });
    await pg.waitReady;
    await pg.close();
    return;
  }
  await execFileAsync('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', `--dbname=${target.url}`, file]);
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.kind === 'pglite') {
    if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
    const pg = options.dataDir ? new PGlite(options.dataDir) : new PGlite();
    await pg.waitReady;
    await pg.exec(`SET TIME ZONE 'UTC'`);
    return {
      kind: 'pglite',
      db: drizzlePglite(pg) as unknown as Db,
      exec: async (script) => {
        await pg.exec(script);
      },
      execInTransaction: async (script) => {
        await pg.transaction(async (tx) => {
          await tx.exec(script);
        });
      },
      rawTransaction: <T>(fn: (query: RawQuery) => Promise<T>) =>
        pg.transaction((tx) => fn(async <R>(text: string, params: unknown[] = []) => (await tx.query<R>(text, params)).rows)),
      query: async <T>(text: string, params: unknown[] = []) => (await pg.query<T>(text, params)).rows,
      close: () => pg.close(),
      backup: async (file) => {
        const dump = await pg.dumpDataDir('gzip');
        writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
      },
    };
  }
  const client = postgres(options.url, {
    max: options.max ?? 10,
    onnotice: () => {},
    connection: { TimeZone: 'UTC', application_name: 'bekogaz' },
  });
  // JSON parameters are sent as the text given (drizzle's driver does the same): the intake hands
  // whole batches over as one JSON text, which must not be quoted again as a JSON string.
  for (const oid of [114, 3802])
    (client.options.serializers as Record<number, (x: unknown) => unknown>)[oid] = (x) => (typeof x === 'string' ? x : JSON.stringify(x));
  return {
    kind: 'postgres',
    db: drizzlePostgres(preparing(client)) as unknown as Db,
    exec: async (script) => {
      await client.unsafe(script);
    },
    execInTransaction: async (script) => {
      await client.begin(async (tx) => {
        await tx.unsafe(script);
      });
    },
    rawTransaction: async <T>(fn: (query: RawQuery) => Promise<T>) => {
      // A reserved connection, BEGIN sent together with the first statement: one round trip saved
      // per transaction on the intake's hot path.
      const conn = await client.reserve();
      let began = false;
      const run = (text: string, params: unknown[]) =>
        conn.unsafe(text, params.map((p) => (Array.isArray(p) ? conn.array(p as never[]) : p)) as postgres.ParameterOrJSON<never>[], {
          prepare: params.length > 0,
        });
      const query = async <R>(text: string, params: unknown[] = []): Promise<R[]> => {
        if (!began) {
          began = true;
          const [, rows] = await Promise.all([conn.unsafe('BEGIN'), run(text, params)]);
          return rows as unknown as R[];
        }
        return (await run(text, params)) as unknown as R[];
      };
      try {
        const out = await fn(query);
        if (began) await conn.unsafe('COMMIT');
        return out;
      } catch (error) {
        if (began) await conn.unsafe('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        conn.release();
      }
    },
    query: async <T>(text: string, params: unknown[] = []) =>
      (await client.unsafe(text, params.map((p) => (Array.isArray(p) ? client.array(p as never[]) : p)) as postgres.ParameterOrJSON<never>[], {
        prepare: params.length > 0,
      })) as unknown as T[],
    close: () => client.end({ timeout: 5 }),
    backup: async (file) => {
      await execFileAsync('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`, `--dbname=${options.url}`]);
    },
  };
}

/**
 * drizzle sends every query unnamed (parsed and planned each time). The same query shapes repeat
 * all day, so we let postgres.js prepare and cache them per connection: about half the time per
 * lookup (bench/registry). Transactions and savepoints hand out wrapped clients too.
 */
function preparing<T extends object>(client: T): T {
  return new Proxy(client, {
    get(target, prop) {
      const value = Reflect.get(target, prop) as unknown;
      if (typeof value !== 'function') return value;
      if (prop === 'unsafe') {
        return (query: string, params?: unknown[], options?: { prepare?: boolean }) =>
          value.call(target, query, params, { ...options, prepare: params !== undefined && params.length > 0 });
      }
      if (prop === 'begin' || prop === 'savepoint') {
        return (...args: unknown[]) => {
          const fn = args.pop() as (tx: object) => unknown;
          return value.call(target, ...args, (tx: object) => fn(preparing(tx)));
        };
      }
      return value.bind(target);
    },
  });
}

/** Runs a raw drizzle `sql` query and returns its rows, whichever driver is underneath. */
export async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** Both drivers' errors carry the SQLSTATE in `code`. */
export function sqlState(error: unknown): string | undefined {
  const e = error as { code?: unknown; cause?: { code?: unknown } };
  const code = typeof e?.code === 'string' ? e.code : typeof e?.cause?.code === 'string' ? e.cause.code : undefined;
  return code;
}

export const UNIQUE_VIOLATION = '23505';

class Rollback extends Error {
  constructor(readonly failure: unknown) {
    super('rollback');
  }
}

/**
 * Runs `fn` in a transaction that commits only when it returns Ok: a business refusal (Err)
 * rolls everything back, so nothing is ever half-written.
 */
export async function transact<R extends { readonly ok: boolean }>(db: Db, fn: (tx: Db) => Promise<R>): Promise<R> {
  try {
    return await db.transaction(async (tx) => {
      const result = await fn(tx);
      if (!result.ok) throw new Rollback(result);
      return result;
    });
  } catch (error) {
    if (error instanceof Rollback) return error.failure as R;
    throw error;
  }
}
