/**
 * bench/tax-services: the live compliance dashboard (TS-32) over 1,000,000 service requests on the
 * PostgreSQL server, through the real HTTP server (loopback). The requests are spread over twelve
 * months, every service line of the Standard, all units and channels; about 3 % are still open. In
 * the same run, as a baseline, the exact answer computed by PostgreSQL from the requests themselves
 * (percentile_disc per service, unit, region and channel): the script prints both times, their
 * ratio and the largest difference between the dashboard's percentiles and the exact ones.
 * It also closes BENCH_COMPLETIONS requests through the register (the path that keeps the
 * statistics) and prints their rate.
 *
 *   npm run bench:tax-services     (BENCH_REQUESTS=1000000, BENCH_ROUNDS=30, BENCH_PG_URL=postgres://postgres@127.0.0.1:5432/postgres)
 */
import { performance } from 'node:perf_hooks';
import postgres from 'postgres';
import { createContainer } from '../src/app/container.ts';
import { buildServer } from '../src/app/server.ts';
import { createAccount } from '../src/platform/auth.ts';
import { fixedClock } from '../src/platform/clock.ts';
import { openDatabase, transact } from '../src/platform/db.ts';
import { CATALOGUE_396, completeRequest, openRequest } from '../src/contexts/tax-services/index.ts';

const N = Number(process.env.BENCH_REQUESTS ?? 1_000_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const COMPLETIONS = Number(process.env.BENCH_COMPLETIONS ?? 2000);
const ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const NAME = `bekogaz_bench_ts_${process.pid}`;
// Twelve months of requests (December 2025 to November 2026), all closed or still open by now.
const NOW = '2027-01-20T07:00:00Z';

const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
await admin.unsafe(`CREATE DATABASE ${NAME}`);
const url = new URL(ADMIN_URL);
url.pathname = `/${NAME}`;
const database = await openDatabase({ kind: 'postgres', url: url.toString(), max: 10 });
const raw = postgres(url.toString(), { max: 4, onnotice: () => {} });
const pct = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(q * xs.length) - 1)] as number;

try {
  const clock = fixedClock(NOW);
  const c = await createContainer({ database, clock });
  const t0 = performance.now();
  await fill();
  console.log(`filled ${N.toLocaleString('en')} requests and their completion statistics in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  await raw.unsafe('VACUUM ANALYZE');

  // The register's own path: open and close requests, keeping the statistics in the same transaction.
  const keys = CATALOGUE_396.filter((l) => ['working_days', 'calendar_days', 'hours', 'real_time_capped'].includes(l.deadline.kind)).map((l) => l.key);
  const tc = performance.now();
  for (let i = 0; i < COMPLETIONS; i++) {
    await transact(database.db, async (tx) => {
      const opened = await openRequest(tx, c.taxServices.deps, 'bench', {
        serviceKey: keys[i % keys.length] as string,
        channel: 'cabinet',
        applicant: { tin: String(300_000_000 + i) },
      });
      if (!opened.ok) return opened;
      return completeRequest(tx, c.taxServices.deps, 'bench', opened.value.id, []);
    });
  }
  const completionRate = COMPLETIONS / ((performance.now() - tc) / 1000);

  await createAccount(database.db, { role: 'service_officer', login: 'bench', secret: 'bench-123456', displayName: 'bench' }, clock.now());
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
  const path = '/api/tax-services/dashboard?from=2025-12&to=2027-01';

  const apiMs: number[] = [];
  let last: any;
  for (let i = 0; i < ROUNDS + 3; i++) {
    const t = performance.now();
    const r = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
    last = await r.json();
    if (r.status !== 200) throw new Error(`dashboard: ${r.status} ${JSON.stringify(last)}`);
    if (i >= 3) apiMs.push(performance.now() - t);
  }

  // Baseline: the exact figures computed from the requests by PostgreSQL, as a dashboard without statistics would.
  const exactSql = `
    SELECT CASE WHEN GROUPING(service_key) = 0 THEN 'service' WHEN GROUPING(unit_id) = 0 THEN 'unit'
                WHEN GROUPING(region) = 0 THEN 'region' WHEN GROUPING(channel) = 0 THEN 'channel' ELSE 'all' END AS dimension,
           COALESCE(service_key, unit_id::text, region, channel, '') AS value,
           count(*) FILTER (WHERE completed_at IS NULL) AS open,
           count(*) FILTER (WHERE completed_at IS NOT NULL) AS closed,
           count(*) FILTER (WHERE is_late) AS late,
           percentile_disc(0.5) WITHIN GROUP (ORDER BY elapsed_seconds) AS p50,
           percentile_disc(0.95) WITHIN GROUP (ORDER BY elapsed_seconds) AS p95
    FROM tax_services.requests
    GROUP BY GROUPING SETS ((service_key), (unit_id), (region), (channel), ())`;
  const sqlMs: number[] = [];
  let exact: { dimension: string; value: string; closed: string; p50: string | null; p95: string | null }[] = [];
  for (let i = 0; i < Math.max(3, Math.ceil(ROUNDS / 6)) + 1; i++) {
    const t = performance.now();
    exact = await raw.unsafe(exactSql);
    if (i >= 1) sqlMs.push(performance.now() - t);
  }

  // How close the dashboard's percentiles are to the exact ones (the statistics hold the same requests).
  let worst = 0;
  let compared = 0;
  let countsAgree = true;
  const units = new Map((await raw<{ id: string; code: string }[]>`SELECT id::text, code FROM tax_services.units`).map((u) => [u.id, u.code]));
  const shown = new Map<string, any>();
  for (const [dim, list] of [
    ['service', last.byService],
    ['unit', last.byUnit],
    ['region', last.byRegion],
    ['channel', last.byChannel],
  ] as const)
    for (const row of list) shown.set(`${dim}:${row.key}`, row);
  shown.set('all:', last.totals);
  for (const e of exact) {
    const key = `${e.dimension}:${e.dimension === 'unit' ? units.get(e.value) : e.value}`;
    const row = shown.get(key);
    if (!row || Number(e.closed) === 0) continue;
    if (row.closed !== Number(e.closed)) countsAgree = false;
    for (const [mine, theirs] of [
      [row.medianSeconds, e.p50],
      [row.p95Seconds, e.p95],
    ] as const) {
      if (!theirs || Number(theirs) === 0) continue;
      worst = Math.max(worst, Math.abs(mine - Number(theirs)) / Number(theirs));
      compared++;
    }
  }

  const fmt = (x: number) => x.toFixed(1).padStart(7);
  console.log(
    `\nDashboard over ${N.toLocaleString('en')} requests (${last.totals.open} open, ${last.totals.closed} closed), ${ROUNDS} sequential requests over HTTP on loopback`,
  );
  console.log('                                    p50      p95      max (ms)');
  console.log(`dashboard API                  ${fmt(pct(apiMs, 0.5))}  ${fmt(pct(apiMs, 0.95))}  ${fmt(Math.max(...apiMs))}`);
  console.log(`baseline: exact SQL (no HTTP)  ${fmt(pct(sqlMs, 0.5))}  ${fmt(pct(sqlMs, 0.95))}  ${fmt(Math.max(...sqlMs))}`);
  console.log(`ratio dashboard p95 / exact SQL p95: ${(pct(apiMs, 0.95) / pct(sqlMs, 0.95)).toFixed(3)}`);
  console.log(`percentiles compared: ${compared}; largest difference from the exact value: ${(worst * 100).toFixed(2)} %; closed counts agree: ${countsAgree}`);
  console.log(`register path: ${COMPLETIONS} requests opened and closed (statistics kept) at ${completionRate.toFixed(0)} per second, one at a time`);
  console.log(`server memory (RSS): ${(process.memoryUsage().rss / 1_048_576).toFixed(0)} MB`);
  console.log(`target: dashboard ≤ 500 ms → ${pct(apiMs, 0.95) <= 500 ? 'met' : 'NOT met'} (p95 ${pct(apiMs, 0.95).toFixed(1)} ms)`);
  await app.close();
  await c.close();
} finally {
  await raw.end();
  if (!process.env.BENCH_KEEP) await admin.unsafe(`DROP DATABASE IF EXISTS ${NAME} WITH (FORCE)`);
  else console.log(`kept database ${NAME}`);
  await admin.end();
}

/** One million requests in SQL: every line of the Standard, 17 units, 10 channels, twelve months. */
async function fill(): Promise<void> {
  const lines = CATALOGUE_396.map((l) => ({ key: l.key, code: l.code, hours: typicalHours(l.deadline) }));
  await raw.unsafe(
    `
    CREATE TEMP TABLE bench_lines AS SELECT * FROM unnest($1::text[], $2::text[], $3::float8[]) WITH ORDINALITY AS l(key, code, hours, n);
  `,
    [lines.map((l) => l.key), lines.map((l) => l.code), lines.map((l) => l.hours)] as never,
  );
  const chunk = 100_000;
  for (let from = 0; from < N; from += chunk) {
    await raw.unsafe(
      `
      WITH g AS (SELECT i, (i * 7919) % ${lines.length} + 1 AS line_n, (i * 104729) % 17 AS unit_n, (i * 31) % 10 AS channel_n,
                        timestamptz '2025-12-01 00:00+05' + ((i % 3471) * interval '151 minutes') + ((i / 3471) % 12) * interval '1 minute' AS received,
                        ((i * 2654435761) % 1000000) / 1000000.0 AS u
                 FROM generate_series($1::bigint, $2::bigint) i),
      r AS (SELECT g.*, l.key, l.code, l.hours, u.id AS unit_id, u.region,
                   (ARRAY['cabinet','office','terminal','phone_151','phone_152','trust_phone','email','chat','post','complaint_book'])[g.channel_n + 1] AS channel,
                   -- net time: mostly well inside the limit, a tail past it
                   greatest(1, l.hours * 3600 * (0.05 + 1.3 * power(g.u, 3))) AS net
            FROM g JOIN bench_lines l ON l.n = g.line_n
                   JOIN (SELECT id, region, row_number() OVER (ORDER BY code) - 1 AS n FROM tax_services.units) u ON u.n = g.unit_n)
      INSERT INTO tax_services.requests (id, number, catalogue_version_id, service_key, service_code, channel, applicant_tin, unit_id, region, status,
        received_at, started_at, due_at, warn_at, completed_at, elapsed_seconds, is_late, suspensions, created_by)
      SELECT gen_random_uuid(), 'B-' || i, '00000000-0000-7000-8000-000000000396', key, code, channel, (100000000 + i % 800000)::text, unit_id, region,
             CASE WHEN i % 33 = 0 THEN 'open' ELSE 'completed' END,
             received, received, received + hours * interval '1 hour', received + 0.75 * hours * interval '1 hour',
             CASE WHEN i % 33 = 0 THEN NULL ELSE received + round(net) * interval '1 second' END,
             CASE WHEN i % 33 = 0 THEN NULL ELSE round(net)::bigint END,
             CASE WHEN i % 33 = 0 THEN NULL ELSE net > hours * 3600 END,
             0, 'bench'
      FROM r`,
      [from, Math.min(N, from + chunk) - 1],
    );
  }
  // The statistics as the register keeps them when each request closes (application/requests.ts).
  await raw.unsafe(`
    INSERT INTO tax_services.completion_stats (month, scope, dimension, value, bucket, closed, late, suspended)
    SELECT date_trunc('month', completed_at AT TIME ZONE 'Asia/Dushanbe')::date, s.scope, d.dimension, d.value,
           CASE WHEN elapsed_seconds < 1 THEN 0 ELSE 1 + greatest(0, ceil(ln(elapsed_seconds) / ln(1.05) - 1e-9))::int END,
           count(*), count(*) FILTER (WHERE is_late), count(*) FILTER (WHERE suspensions > 0)
    FROM tax_services.requests r
    CROSS JOIN LATERAL (VALUES (''), (r.region)) AS s(scope)
    CROSS JOIN LATERAL (VALUES ('all', ''), ('service', r.service_key), ('unit', r.unit_id::text), ('region', r.region), ('channel', r.channel)) AS d(dimension, value)
    WHERE completed_at IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5`);
}

function typicalHours(rule: (typeof CATALOGUE_396)[number]['deadline']): number {
  switch (rule.kind) {
    case 'working_days':
      return rule.days * 24 * 1.4;
    case 'calendar_days':
      return rule.days * 24;
    case 'hours':
      return rule.hours;
    case 'real_time_capped':
      return rule.cap.unit === 'hours' ? rule.cap.amount : 24;
    case 'minutes':
      return rule.minutes / 60;
    case 'not_stated':
      return 30 * 24;
    default:
      return 24 * 10;
  }
}
