import { performance } from 'node:perf_hooks';
/**
 * Shared set-up of the intake benchmarks: a fresh database on the PostgreSQL server with M
 * registered registers whose modules are initialised, the server in a child process (so it can be
 * measured and killed), and sealed documents made the way a fiscal module makes them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import postgres from 'postgres';
import { canonicalJson } from '../../src/platform/canonical-json.ts';
import { openDatabase } from '../../src/platform/db.ts';
import { migrate } from '../../src/platform/migrate.ts';
import { lineAmount, lineTax } from '../../src/contexts/fiscal/domain/document-rules.ts';
import { sealModuleKeys } from '../../src/contexts/fiscal/application/module-key-store.ts';
import { createFiscalScheme, type ModuleKeys } from '../../src/contexts/fiscal/domain/fiscal-scheme.ts';

export const ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const root = join(import.meta.dirname, '../..');
const scheme = createFiscalScheme();

export type Bench = {
  readonly name: string;
  readonly url: string;
  readonly sql: postgres.Sql;
  readonly modules: ModuleState[];
  /** The operator's key pair of this database (a register bench commissions its own module with it). */
  readonly operator: { readonly publicKey: Uint8Array; readonly privateKey: Uint8Array };
  readonly drop: () => Promise<void>;
};
export type ModuleState = { readonly number: string; readonly register: string; readonly tin: string; readonly keys: ModuleKeys; next: number; prev: string };

/** A new database with `count` registered registers and initialised modules. */
export async function createBench(tag: string, count: number): Promise<Bench> {
  const name = `bekogaz_bench_${tag}_${process.pid}`;
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.unsafe(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: url.toString(), max: 2 });
  await migrate(database);
  await database.close();
  const sql = postgres(url.toString(), { max: 4, onnotice: () => {} });
  const operator = scheme.generateModuleKeyPair();
  const now = new Date().toISOString();
  await sql.unsafe(`
    SELECT fiscal.ensure_document_partitions(current_date, 3);
    INSERT INTO fiscal.operator_keys (id, public_key, private_key, created_at) VALUES ('current', '${Buffer.from(operator.publicKey).toString('hex')}', '${Buffer.from(operator.privateKey).toString('hex')}', '${now}');
    INSERT INTO fiscal.inspectorates (code, name, region, district, address, head_name, registration_inspector_name) VALUES ('0101', '{"tg":"Сино","ru":"Сино","en":"Sino"}', 'Душанбе', 'Сино', 'a', 'h', 'i');
    INSERT INTO fiscal.models (id, kind, name, manufacturer, version, certificate_number, certificate_issuer, certificate_valid_from, certificate_valid_to, status, included_on, created_at)
      VALUES ('00000000-0000-7000-8000-000000000001', 'virtual', 'Бекоғаз ХВ', 'Operator', '1.0.0', 'ИБ-1', 'Body', '2025-01-01', '2030-01-01', 'included', '2025-01-01', '${now}');
    INSERT INTO fiscal.tsc_applications (id, applicant_tin, name, head_name, address, phone, status, received_at, decision_due_at, created_by)
      VALUES ('00000000-0000-7000-9000-000000000001', '200000001', 'TSC', 'Head', 'Addr', '+992 37 000 00 00', 'included', '${now}', '${now}', 'bench');
    INSERT INTO fiscal.tscs (id, tin, name, head_name, address, phone, status, access, included_at, decision_number, application_id)
      VALUES ('00000000-0000-7000-a000-000000000001', '200000001', 'TSC', 'Head', 'Addr', '+992 37 000 00 00', 'included', 'active', '${now}', 'D-1', '00000000-0000-7000-9000-000000000001');
    INSERT INTO fiscal.businesses (tin, name, kind, legal_address, inspectorate_code, tax_regime, is_vat_payer, created_at, updated_at)
      SELECT lpad((100000000 + g)::text, 9, '0'), 'ҶДММ «Савдо ' || g || '»', 'legal_entity', 'ш. Душанбе', '0101', 'general', true, '${now}', '${now}' FROM generate_series(1, ${count}) g;
    INSERT INTO fiscal.registers (id, registry_number, kind, model_id, manufacturer_number, software_version, fiscal_module_number, business_tin, business_data_version,
                                  place_of_activity, inspectorate_code, tsc_id, status, registered_at, next_inspection_due_at, updated_at)
      SELECT ('01900000-0000-7000-8000-' || lpad(g::text, 12, '0'))::uuid, '0101-2026-' || lpad(g::text, 6, '0'), 'virtual', '00000000-0000-7000-8000-000000000001',
             'VCR-' || g, '1.0.0', 'FMB' || lpad(g::text, 6, '0'), lpad((100000000 + g)::text, 9, '0'), 1, 'ш. Душанбе, к. Рӯдакӣ ' || g, '0101',
             '00000000-0000-7000-a000-000000000001', 'registered', '${now}', '2027-01-01', '${now}' FROM generate_series(1, ${count}) g;`);
  const modules: ModuleState[] = [];
  const values: string[] = [];
  for (let g = 1; g <= count; g++) {
    const pair = scheme.generateModuleKeyPair();
    const number = `FMB${String(g).padStart(6, '0')}`;
    const keys = scheme.deriveModuleKeys(pair.privateKey, operator.publicKey, number);
    modules.push({ number, register: `VCR-${g}`, tin: String(100000000 + g).padStart(9, '0'), keys, next: 1, prev: '' });
    // As POST /initialise does: the operator's side of the key agreement, sealed for intake.
    const sealed = sealModuleKeys(operator.privateKey, number, keys);
    values.push(
      `('${number}', 'M-${number}', 'installed', '00000000-0000-7000-a000-000000000001', '01900000-0000-7000-8000-${String(g).padStart(12, '0')}', '${now}', '${now}', '${Buffer.from(pair.publicKey).toString('hex')}', '${now}', '${sealed}')`,
    );
  }
  await sql.unsafe(
    `INSERT INTO fiscal.fiscal_modules (number, manufacturer_number, status, tsc_id, register_id, supplied_at, updated_at, public_key, initialised_at, sealed_keys) VALUES ${values.join(',')}`,
  );
  return {
    name,
    url: url.toString(),
    sql,
    modules,
    operator,
    drop: async () => {
      await sql.end();
      const a = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
      await a.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

const localIso = (ms: number) => `${new Date(ms + 5 * 3_600_000).toISOString().slice(0, 19)}+05:00`;

/** The next receipt of a module, sealed: fiscal sign and MAC by the scheme (what the server checks). */
export function nextReceipt(
  m: ModuleState,
  at: number,
  isOffline = false,
): { readonly json: string; readonly number: number; readonly fiscalModuleNumber: string } {
  const lines = [
    { name: 'Нон', quantity: 2000, unit: 'дона', price: 350 },
    { name: 'Шир 1 л', quantity: 1000, unit: 'дона', price: 1200 },
  ].map((l) => {
    const amount = lineAmount(l.quantity, l.price);
    return { ...l, amount, tax: { kind: 'vat' as const, rateBp: 1400, amount: lineTax(amount, 'vat', 1400) } };
  });
  const total = lines.reduce((s, l) => s + l.amount, 0);
  const core = {
    type: 'receipt',
    fiscalModuleNumber: m.number,
    number: m.next,
    prevFiscalSign: m.prev,
    registerNumber: m.register,
    shiftNumber: 1,
    issuedAt: localIso(at),
    isOffline,
    ...(isOffline ? { offlineSince: localIso(at) } : {}),
    operation: 'sale',
    receiptNumber: m.next,
    business: { tin: m.tin, name: `ҶДММ «Савдо ${Number(m.tin) - 100000000}»` },
    address: `ш. Душанбе, к. Рӯдакӣ ${Number(m.tin) - 100000000}`,
    lines,
    payment: { cash: total, nonCash: 0 },
    total,
    taxTotal: lines.reduce((s, l) => s + l.tax.amount, 0),
  };
  const fiscalSign = scheme.fiscalSign(m.keys, Buffer.from(canonicalJson(core)));
  const signed = { ...core, fiscalSign };
  const doc = { ...signed, mac: scheme.documentMac(m.keys, Buffer.from(canonicalJson(signed))) };
  m.prev = fiscalSign;
  m.next += 1;
  return { json: JSON.stringify(doc), number: doc.number, fiscalModuleNumber: m.number };
}

/**
 * The Node flags `npm start` gives the server (package.json), so that a benchmark measures the
 * server as it is deployed: today the heap limit that keeps the process under its memory budget.
 */
export function deployedNodeFlags(): string[] {
  const start = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
  const m = /^node((?: --\S+)*) bin\/bekogaz\.mjs serve$/.exec(start);
  if (!m) throw new Error(`bench: package.json "start" is not "node [flags] bin/bekogaz.mjs serve": ${start}`);
  return (m[1] as string).split(' ').filter(Boolean);
}

/** Starts `bekogaz serve` on the bench database as `npm start` does, and waits until it answers. */
export async function startServer(url: string, port: number, env: Record<string, string> = {}): Promise<ChildProcess> {
  // BENCH_SERVER_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles the server.
  const nodeArgs = [...deployedNodeFlags(), ...(process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean)];
  const child = spawn(process.execPath, [...nodeArgs, 'bin/bekogaz.mjs', 'serve'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url, PORT: String(port), HOST: '127.0.0.1', BEKOGAZ_CHECKS_PER_SECOND: '1000000000', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  // Up to 60 s: migrating and compiling the routes takes a while when the machine is busy.
  for (let i = 0; i < 600; i++) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (r.ok) return child;
    } catch {
      // not yet listening
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error('the server did not start');
}

/** Peak resident memory of a process (VmHWM), MB. */
export function peakMemoryMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

export function percentile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
}

/** The baseline of the intake benchmarks: a plain batched INSERT of the same rows into the same tables, rows/s. */
export async function plainInsertRate(b: Bench, docs: readonly string[]): Promise<number> {
  const rows = docs.map(
    (j) =>
      JSON.parse(j) as { fiscalModuleNumber: string; number: number; fiscalSign: string; prevFiscalSign: string; total: number; issuedAt: string; mac: string },
  );
  const t0 = performance.now();
  for (let i = 0; i < rows.length; i += 1000) {
    const part = rows.slice(i, i + 1000);
    const fm = part.map((r) => `BASE-${r.fiscalModuleNumber}`);
    const at = new Date().toISOString();
    await b.sql.begin(async (tx) => {
      await tx`INSERT INTO fiscal.document_keys (fiscal_module_number, number, doc_type, register_id, content_hash, fiscal_sign, prev_fiscal_sign, total, issued_at, received_at, ack)
        SELECT x.fm, x.n, 'receipt', '01900000-0000-7000-8000-000000000001', x.h, x.fs, x.pfs, x.t, x.ia, ${at}::timestamptz, x.h
          FROM unnest(${tx.array(fm)}::text[], ${tx.array(part.map((r) => r.number))}::int8[], ${tx.array(part.map((r) => r.mac))}::text[], ${tx.array(part.map((r) => r.fiscalSign))}::text[],
                      ${tx.array(part.map((r) => r.prevFiscalSign))}::text[], ${tx.array(part.map((r) => r.total))}::int8[], ${tx.array(part.map((r) => r.issuedAt))}::timestamptz[]) AS x(fm, n, h, fs, pfs, t, ia)`;
      await tx`INSERT INTO fiscal.documents (received_at, fiscal_module_number, number, doc_type, register_id, business_tin, shift_number, issued_at, operation, total, cash, non_cash, tax_total, is_offline, fiscal_sign, body)
        SELECT ${at}::timestamptz, x.fm, x.n, 'receipt', '01900000-0000-7000-8000-000000000001', '100000001', 1, x.ia, 'sale', x.t, x.t, 0, 0, false, x.fs, x.b
          FROM unnest(${tx.array(fm)}::text[], ${tx.array(part.map((r) => r.number))}::int8[], ${tx.array(part.map((r) => r.fiscalSign))}::text[], ${tx.array(part.map((r) => r.total))}::int8[],
                      ${tx.array(part.map((r) => r.issuedAt))}::timestamptz[], ${tx.array(docs.slice(i, i + 1000) as string[])}::text[]) AS x(fm, n, fs, t, ia, b)`;
    });
  }
  return rows.length / ((performance.now() - t0) / 1000);
}
