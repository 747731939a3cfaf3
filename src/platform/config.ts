import { resolve } from 'node:path';

/** Runtime settings, read once from the environment. */
export type Config = {
  /** A PostgreSQL 15+ server; when empty the embedded PGlite database in `dataDir` is used. */
  readonly databaseUrl: string | undefined;
  /** Where the embedded database keeps its files between restarts. */
  readonly dataDir: string;
  readonly host: string;
  readonly port: number;
  /** Seconds a login session stays valid. */
  readonly sessionTtlSeconds: number;
  /** How often the worker polls the outbox and runs due-time checks (ms). */
  readonly workerIntervalMs: number;
  /** Outbox deliverers running side by side (BEKOGAZ_WORKER_LOOPS, default 1: they would queue on the audit chain's tip). */
  readonly workerLoops: number;
  /**
   * The fiscal data operator's base URL that hosted virtual cash registers send their documents to
   * (`BEKOGAZ_OPERATOR_URL`); when empty, this server's own listening address.
   */
  readonly operatorUrl: string | undefined;
  /** The address buyers reach for the receipt check and the electronic receipt (`BEKOGAZ_PUBLIC_URL`); when empty, this server's own address. */
  readonly publicUrl: string | undefined;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a TCP port, got ${env.PORT}`);
  return {
    databaseUrl: env.DATABASE_URL?.trim() || undefined,
    dataDir: resolve(env.BEKOGAZ_DATA_DIR ?? 'var/data'),
    host: env.HOST ?? '127.0.0.1',
    port,
    sessionTtlSeconds: Number(env.BEKOGAZ_SESSION_TTL ?? 12 * 3600),
    workerIntervalMs: Number(env.BEKOGAZ_WORKER_INTERVAL_MS ?? 1000),
    workerLoops: Number(env.BEKOGAZ_WORKER_LOOPS ?? 1),
    operatorUrl: env.BEKOGAZ_OPERATOR_URL?.trim() || undefined,
    publicUrl: env.BEKOGAZ_PUBLIC_URL?.trim() || undefined,
  };
}
