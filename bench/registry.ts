/**
 * bench/registry: registry searches and card reads with 100 000 registered registers on the
 * PostgreSQL server, through the real HTTP server (loopback), against a baseline of the same
 * lookups as raw SQL on the same database in the same run. Prints p50 / p95 / p99 and the ratio.
 *
 *   npm run bench:registry            (BENCH_REGISTERS=100000, BENCH_PG_URL=postgres://postgres@127.0.0.1:5432/postgres)
 */
import { performance } from 'node:perf_hooks';
import postgres from 'postgres';
import { createContainer } from '../src/app/container.ts';
import { buildServer } from '../src/app/server.ts';
import { createAccount } from '../src/platform/auth.ts';
import { openDatabase } from '../src/platform/db.ts';

const N = Number(process.env.BENCH_REGISTERS ?? 100_000);
const ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2000);
const NAME = `bekogaz_bench_${process.pid}`;

const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
await admin.unsafe(`CREATE DATABASE ${NAME}`);
const url = new URL(ADMIN_URL);
url.pathname = `/${NAME}`;
const database = await openDatabase({ kind: 'postgres', url: url.toString(), max: 10 });
const raw = postgres(url.toString(), { max: 4, onnotice: () => {} });

try {
  const c = await createContainer({ database });
  const t0 = performance.now();
  await fill(raw);
  console.log(`filled ${N} registers (with businesses, modules, card lines) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  await raw.unsafe('ANALYZE');

  await createAccount(database.db, { role: 'tax_officer', login: 'bench', secret: 'bench-123456', displayName: 'bench' }, new Date());
  const app = await buildServer(c);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: 'bench', secret: 'bench-123456' }),
  });
  const { token } = (await login.json()) as { token: string };
  const headers = { authorization: `Bearer ${token}` };

  const sample = await raw<
    { id: string; registry_number: string; manufacturer_number: string; business_tin: string; place_of_activity: string; inspectorate_code: string }[]
  >`
    SELECT id, registry_number, manufacturer_number, business_tin, place_of_activity, inspectorate_code FROM fiscal.registers ORDER BY random() LIMIT ${ROUNDS}`;
  const pick = (i: number) => sample[i % sample.length]!;
  // "ш. Душанбе, к. Рӯдакӣ 123," — a street and house number, as a user types an address.
  const street = (i: number) => pick(i).place_of_activity.split(',').slice(0, 2).join(',');

  const cases: { name: string; api: (i: number) => string; sql: (i: number) => Promise<unknown> }[] = [
    {
      name: 'search by registry number',
      api: (i) => `/api/fiscal/registers?q=${encodeURIComponent(pick(i).registry_number)}`,
      sql: (i) => raw`SELECT * FROM fiscal.registers WHERE registry_number = ${pick(i).registry_number}`,
    },
    {
      name: 'search by manufacturer number',
      api: (i) => `/api/fiscal/registers?q=${encodeURIComponent(pick(i).manufacturer_number)}`,
      sql: (i) => raw`SELECT * FROM fiscal.registers WHERE manufacturer_number = ${pick(i).manufacturer_number}`,
    },
    {
      name: 'registers of a TIN',
      api: (i) => `/api/fiscal/registers?tin=${pick(i).business_tin}`,
      sql: (i) => raw`SELECT * FROM fiscal.registers WHERE business_tin = ${pick(i).business_tin} ORDER BY registered_at DESC LIMIT 50`,
    },
    {
      name: 'search by address (prefix)',
      api: (i) => `/api/fiscal/registers?q=${encodeURIComponent(street(i))}`,
      sql: (i) => raw`SELECT * FROM fiscal.registers WHERE lower(place_of_activity) LIKE ${`${street(i).toLowerCase()}%`} ORDER BY registered_at DESC LIMIT 50`,
    },
    {
      name: 'search by city (every row)',
      api: () => `/api/fiscal/registers?q=${encodeURIComponent('ш. Душанбе')}`,
      sql: () => raw`SELECT * FROM fiscal.registers WHERE lower(place_of_activity) LIKE ${'ш. душанбе%'} ORDER BY registered_at DESC LIMIT 50`,
    },
    {
      name: 'page of an inspectorate',
      api: (i) => `/api/fiscal/registers?inspectorateCode=${pick(i).inspectorate_code}&limit=50`,
      sql: (i) => raw`SELECT * FROM fiscal.registers WHERE inspectorate_code = ${pick(i).inspectorate_code} ORDER BY registered_at DESC LIMIT 50`,
    },
    {
      name: 'registration card (A2)',
      api: (i) => `/api/fiscal/registers/${pick(i).id}/card`,
      sql: (i) => raw`SELECT * FROM fiscal.registers r JOIN fiscal.models m ON m.id = r.model_id JOIN fiscal.businesses b ON b.tin = r.business_tin
                      JOIN fiscal.inspectorates i ON i.code = r.inspectorate_code LEFT JOIN fiscal.register_events e ON e.register_id = r.id WHERE r.id = ${pick(i).id}`,
    },
  ];

  console.log(`\n${ROUNDS} sequential requests per case over HTTP on loopback; baseline = the core SQL on the same server`);
  console.log('case                             api p50   p95    p99  |  sql p50   p99  | p99 ratio');
  for (const k of cases) {
    for (let i = 0; i < 50; i++) await fetch(base + k.api(i), { headers }).then((r) => r.arrayBuffer());
    const api: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const s = performance.now();
      const r = await fetch(base + k.api(i), { headers });
      await r.arrayBuffer();
      if (r.status !== 200) throw new Error(`${k.name}: HTTP ${r.status}`);
      api.push(performance.now() - s);
    }
    const sql: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const s = performance.now();
      await k.sql(i);
      sql.push(performance.now() - s);
    }
    const a = stats(api);
    const b = stats(sql);
    console.log(
      `${k.name.padEnd(30)} ${a.p50.toFixed(2).padStart(6)} ${a.p95.toFixed(2).padStart(6)} ${a.p99.toFixed(2).padStart(6)} | ${b.p50.toFixed(2).padStart(6)} ${b.p99.toFixed(2).padStart(6)} | ${(a.p99 / b.p99).toFixed(1)}x  ${a.p99 <= 20 ? 'OK (p99 ≤ 20 ms)' : 'OVER 20 ms'}`,
    );
  }
  await app.close();
  await c.close();
} finally {
  await raw.end();
  await admin.unsafe(`DROP DATABASE IF EXISTS ${NAME} WITH (FORCE)`);
  await admin.end();
}

function stats(xs: number[]) {
  const s = [...xs].sort((x, y) => x - y);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] as number;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

/** Set-based fill: inspectorates, a model, TSCs, N/2 businesses, N registers with modules and card lines. */
async function fill(sql: postgres.Sql) {
  const now = new Date().toISOString();
  await sql.unsafe(`
    INSERT INTO fiscal.inspectorates (code, name, region, district, address, head_name, registration_inspector_name)
    SELECT lpad(g::text, 4, '0'), jsonb_build_object('tg', 'Нозироти ' || g, 'ru', 'Инспекция ' || g, 'en', 'Inspectorate ' || g),
           'Region ' || (g % 5), 'District ' || g, 'Address ' || g, 'Head ' || g, 'Inspector ' || g
    FROM generate_series(1, 60) g;
    INSERT INTO fiscal.models (id, kind, name, manufacturer, version, certificate_number, certificate_issuer, certificate_valid_from, certificate_valid_to, status, included_on, created_at)
    VALUES ('00000000-0000-7000-8000-000000000001', 'virtual', 'Бекоғаз ХВ', 'Operator', '1.0.0', 'ИБ-1', 'Body', '2025-01-01', '2030-01-01', 'included', '2025-01-01', '${now}');
    INSERT INTO fiscal.tsc_applications (id, applicant_tin, name, head_name, address, phone, status, received_at, decision_due_at, created_by)
    SELECT ('00000000-0000-7000-9000-' || lpad(g::text, 12, '0'))::uuid, lpad((200000000 + g)::text, 9, '0'), 'TSC ' || g, 'Head', 'Addr', '+992 37 000 00 00', 'included', '${now}', '${now}', 'bench'
    FROM generate_series(1, 40) g;
    INSERT INTO fiscal.tscs (id, tin, name, head_name, address, phone, status, access, included_at, decision_number, application_id)
    SELECT ('00000000-0000-7000-a000-' || lpad(g::text, 12, '0'))::uuid, lpad((200000000 + g)::text, 9, '0'), 'TSC ' || g, 'Head', 'Addr', '+992 37 000 00 00', 'included', 'active', '${now}', 'D-' || g,
           ('00000000-0000-7000-9000-' || lpad(g::text, 12, '0'))::uuid
    FROM generate_series(1, 40) g;
    INSERT INTO fiscal.businesses (tin, name, kind, legal_address, inspectorate_code, tax_regime, is_vat_payer, created_at, updated_at)
    SELECT lpad((100000000 + g)::text, 9, '0'), 'ҶДММ «Савдо ' || g || '»', 'legal_entity', 'ш. Душанбе, к. ' || g, lpad((g % 60 + 1)::text, 4, '0'), 'general', true, '${now}', '${now}'
    FROM generate_series(1, ${Math.ceil(N / 2)}) g;
    INSERT INTO fiscal.registers (id, registry_number, kind, model_id, manufacturer_number, software_version, fiscal_module_number, business_tin, business_data_version,
                                  place_of_activity, inspectorate_code, tsc_id, status, registered_at, next_inspection_due_at, updated_at)
    SELECT ('01900000-0000-7000-8000-' || lpad(g::text, 12, '0'))::uuid,
           lpad((g % 60 + 1)::text, 4, '0') || '-2026-' || lpad(g::text, 6, '0'), 'virtual', '00000000-0000-7000-8000-000000000001',
           'VCR-' || lpad(g::text, 8, '0'), '1.0.0', 'FM' || lpad(g::text, 8, '0'), lpad((100000000 + (g % ${Math.ceil(N / 2)}) + 1)::text, 9, '0'), 1,
           'ш. Душанбе, к. Рӯдакӣ ' || g || ', дӯкони ' || (g % 7), lpad((g % 60 + 1)::text, 4, '0'),
           ('00000000-0000-7000-a000-' || lpad((g % 40 + 1)::text, 12, '0'))::uuid, 'registered',
           timestamptz '2026-01-01' + (g || ' minutes')::interval, timestamptz '2027-01-01', '${now}'
    FROM generate_series(1, ${N}) g;
    INSERT INTO fiscal.fiscal_modules (number, manufacturer_number, status, tsc_id, register_id, supplied_at, updated_at)
    SELECT fiscal_module_number, 'M-' || fiscal_module_number, 'installed', tsc_id, id, registered_at, registered_at FROM fiscal.registers;
    INSERT INTO fiscal.register_events (id, register_id, kind, at, place_of_activity, software_version, fiscal_module_number)
    SELECT ('01910000-0000-7000-8000-' || lpad(row_number() OVER ()::text, 12, '0'))::uuid, id, 'registered', registered_at, place_of_activity, software_version, fiscal_module_number FROM fiscal.registers;
    SELECT setval('fiscal.registry_number_seq', ${N});
  `);
}
