/**
 * bench/risk-simulate: a draft risk profile tried on past declarations (CUS-RMS-20 step 5;
 * docs/risk-simulation.md), on the PostgreSQL server. A scratch database is migrated and loaded with
 * BENCH_RISK_SUBJECTS (1,000,000) stored subjects of 1-5 items each (about 3 million items: real
 * commodity codes skewed towards the common ones, origins, traders with histories, two years of
 * registrations, lanes and control results), reference prices imported from CSV, then ANALYZE.
 *
 * Each draft profile is simulated BENCH_RISK_RUNS (3) times through `simulateIndicator` (counts, lanes,
 * violations found and a sample of 10); the slowest run is compared with the 10 s target.
 * Baseline in the same run: a plain `SELECT count(*)` over the same subjects-items join.
 *
 *   node --import tsx bench/risk-simulate.ts     (BENCH_PG_URL=postgres://postgres@127.0.0.1:5432/postgres)
 */
import { performance } from 'node:perf_hooks';
import { sql as dsql } from 'drizzle-orm';
import { pathToFileURL } from 'node:url';
import postgres from 'postgres';
import { importPriceReferences } from '../src/contexts/risk/application/price-references.ts';
import { type SimulationResult, simulateIndicator, simulationCountSql } from '../src/contexts/risk/application/simulate.ts';
import type { Indicator } from '../src/contexts/risk/domain/model.ts';
import { storedWords } from '../src/contexts/risk/domain/sql-compile.ts';
import { openDatabase, rows, transact } from '../src/platform/db.ts';
import { migrate } from '../src/platform/migrate.ts';

export const TARGET_MS = 10_000;
const PRICE_TABLE = 'bench-import';

export type RiskSimulateFigures = {
  readonly subjects: number;
  readonly items: number;
  readonly loadSeconds: number;
  readonly baselineMs: number;
  readonly profiles: readonly {
    readonly name: string;
    readonly result: SimulationResult;
    readonly runsMs: readonly number[];
    readonly worstMs: number;
    readonly ratio: number;
    readonly isPass: boolean;
  }[];
  readonly isPass: boolean;
};

/** The goods of the bench: code, description, art.125 category, whether counted in pieces, reference price per unit (somoni). */
const GOODS: readonly (readonly [string, string, string, boolean, number])[] = [
  ['8517130000', 'Smartphones, мобильные телефоны', 'electronics', true, 1800],
  ['1701999000', 'Sugar, white, сахар белый', 'food', false, 9],
  ['1101001500', 'Wheat flour, мука пшеничная', 'food', false, 4.5],
  ['1512191000', 'Sunflower oil refined, масло подсолнечное', 'food', false, 16],
  ['8703231940', 'Passenger car, used, автомобиль легковой', 'vehicles', true, 95000],
  ['8703239000', 'Passenger car, new, автомобиль легковой новый', 'vehicles', true, 180000],
  ['0902300000', 'Black tea, чай черный', 'food', false, 38],
  ['2523290000', 'Portland cement, цемент', 'construction', false, 0.9],
  ['6109100000', 'T-shirts, cotton, футболки хлопковые', 'textile', true, 35],
  ['6203420000', 'Trousers, cotton, брюки', 'textile', true, 90],
  ['4011100000', 'Tyres for cars, шины', 'vehicles', true, 650],
  ['3004900009', 'Medicaments, лекарства', 'medicine', false, 420],
  ['2402200000', 'Cigarettes, сигареты', 'excise', false, 310],
  ['2208600000', 'Vodka, водка', 'excise', false, 60],
  ['0805100000', 'Oranges, апельсины', 'food', false, 8],
  ['8471300000', 'Laptops, ноутбуки', 'electronics', true, 6500],
  ['8528720000', 'Television sets, телевизоры', 'electronics', true, 3200],
  ['8418102001', 'Refrigerators, холодильники', 'electronics', true, 4800],
  ['7214200000', 'Steel bars, арматура', 'construction', false, 7],
  ['3923210000', 'Plastic bags, пакеты', 'household', false, 14],
  ['9403600000', 'Wooden furniture, мебель', 'household', false, 25],
  ['6403990000', 'Footwear, leather, обувь', 'textile', true, 260],
  ['8450111900', 'Washing machines, стиральные машины', 'electronics', true, 3900],
  ['0207140000', 'Chicken legs, frozen, окорочка', 'food', false, 18],
];
const COUNTRIES = ['CN', 'RU', 'KZ', 'TR', 'UZ', 'IR', 'AE', 'KG', 'IN', 'DE', 'AF', 'PK', 'BY', 'KR', 'US', 'JP'];
const DISPATCH = ['CN', 'KZ', 'UZ', 'RU', 'KG', 'AF', 'IR', 'AE', 'TR'];
const BORDER = ['30101', '30102', '30201', '30301', '30401', '30501'];
const INLAND = ['10101', '10201', '20101', '20201', '40101', '50101'];
const DOCUMENTS = ['01011', '02011', '02013', '03011', '05011', '06011', '07011'];

/**
 * Loads the subjects in three set-based statements: the items (with their subject number) into an
 * unlogged staging table, the subjects with the items' count and total, then the items.
 */
async function load(sql: postgres.Sql, n: number): Promise<number> {
  const codes = GOODS.map((g) => g[0]);
  const texts = GOODS.map((g) => g[1]);
  const words = GOODS.map((g) => storedWords(g[1]));
  const categories = GOODS.map((g) => g[2]);
  const isPieces = GOODS.map((g) => String(g[3]));
  const prices = GOODS.map((g) => String(g[4]));
  await sql`SELECT setseed(0.2026)`;
  await sql.unsafe(
    `CREATE UNLOGGED TABLE bench_items AS
     SELECT g, n, k, c,
            CASE WHEN ($4::text[])[k]::boolean THEN 1 + floor(random() * 20) END AS qty,
            round((1 + random() * 2000)::numeric, 2)::float8 AS mass,
            random() AS f
       FROM generate_series(1, $1::int) g
      CROSS JOIN LATERAL generate_series(1, 1 + (g * 2654435761) % 5) n
      CROSS JOIN LATERAL (SELECT 1 + floor(array_length($2::text[], 1) * power(random(), 2.2))::int AS k,
                                 ($3::text[])[1 + floor(array_length($3::text[], 1) * power(random(), 1.8))::int] AS c
                          WHERE n > 0) pick`,
    [n, sql.array(codes), sql.array(COUNTRIES), sql.array(isPieces)],
  );
  // The value per unit is the reference price times 0.3..1.7, most near the top: about 2 % of the items fall below half of it.
  await sql`ALTER TABLE bench_items ADD COLUMN value float8`;
  await sql.unsafe(`UPDATE bench_items SET value = round((COALESCE(qty, mass) * ($1::text[])[k]::float8 * (0.3 + 1.4 * sqrt(f)))::numeric, 2)::float8`, [
    sql.array(prices),
  ]);
  await sql.unsafe(
    `INSERT INTO risk.subjects (id, kind, number, direction, regime, office_code, trader_code, broker_tin, trader_violations, trader_debt,
       trader_declarations_before, transport_mode, vehicles, country_of_dispatch, country_of_destination, route, planned_route, document_types,
       total_customs_value, item_count, registered_at, registered_on, lane, found)
     SELECT md5('s' || t.g)::uuid,
            CASE WHEN r1 < 0.8 THEN 'declaration' WHEN r1 < 0.95 THEN 'preliminary' ELSE 'transit' END,
            lpad((t.g % 999999 + 1)::text, 6, '0') || '/' || t.g,
            CASE WHEN r1 < 0.95 THEN (CASE WHEN r2 < 0.8 THEN 'import' ELSE 'export' END) ELSE 'transit' END,
            CASE WHEN r1 >= 0.95 THEN 'TR80' WHEN r2 < 0.8 THEN 'IM40' ELSE 'EX10' END,
            ($1::text[])[1 + floor(r3 * 6)::int],
            lpad((1 + floor(50000 * power(r4, 3)))::text, 9, '0'),
            CASE WHEN r5 < 0.4 THEN lpad((900000 + floor(r5 * 1000))::text, 9, '0') END,
            CASE WHEN r6 < 0.9 THEN 0 ELSE 1 + floor(r7 * 5)::int END,
            CASE WHEN r7 < 0.85 THEN 0 ELSE round((r8 * 200000)::numeric, 2)::float8 END,
            CASE WHEN r8 < 0.03 THEN 0 ELSE 1 + floor(r9 * 2000)::int END,
            CASE WHEN r9 < 0.8 THEN 'road' WHEN r9 < 0.95 THEN 'rail' ELSE 'air' END,
            ARRAY[lpad((floor(r2 * 9999))::text, 4, '0') || 'AB' || (1 + floor(r3 * 9))::int],
            ($2::text[])[1 + floor(r4 * 9)::int],
            CASE WHEN r2 < 0.8 THEN 'TJ' ELSE ($2::text[])[1 + floor(r5 * 9)::int] END,
            ARRAY[($1::text[])[1 + floor(r3 * 6)::int], ($3::text[])[1 + floor(r6 * 6)::int]],
            CASE WHEN r1 >= 0.95 THEN ARRAY[($1::text[])[1 + floor(r3 * 6)::int], ($3::text[])[1 + floor((CASE WHEN r7 < 0.1 THEN r8 ELSE r6 END) * 6)::int]] END,
            ARRAY(SELECT d FROM unnest($4::text[]) WITH ORDINALITY AS x(d, o) WHERE t.g > 0 AND (o <= 2 OR random() < 0.5)),
            t.total, t.items, at, ((at AT TIME ZONE 'UTC') + interval '5 hours')::date,
            CASE WHEN r10 < 0.7 THEN 'green' WHEN r10 < 0.8 THEN 'blue' WHEN r10 < 0.92 THEN 'yellow' ELSE 'red' END,
            CASE WHEN r10 >= 0.8 AND r11 < 0.6 THEN r12 < 0.15 WHEN r10 >= 0.7 AND r11 < 0.05 THEN r12 < 0.1 END
       FROM (SELECT g, sum(value) AS total, count(*)::int AS items FROM bench_items GROUP BY g) t
      CROSS JOIN LATERAL (SELECT random() r1, random() r2, random() r3, random() r4, random() r5, random() r6, random() r7, random() r8,
                                 random() r9, random() r10, random() r11, random() r12,
                                 timestamptz '2024-01-01 00:00:00+05' + random() * interval '730 days' AS at
                          WHERE t.g > 0) r`,
    [sql.array(BORDER), sql.array(DISPATCH), sql.array(INLAND), sql.array(DOCUMENTS)],
  );
  await sql.unsafe(
    `INSERT INTO risk.subject_items (subject_id, number, commodity_code, description, description_words, goods_categories, origin_country,
       net_mass_kg, supplementary_quantity, customs_value, registered_on)
     SELECT md5('s' || b.g)::uuid, n, ($1::text[])[k], ($2::text[])[k], ($3::text[])[k], ARRAY[($4::text[])[k]], c, mass, qty, value, s.registered_on
       FROM bench_items b JOIN risk.subjects s ON s.id = md5('s' || b.g)::uuid`,
    [sql.array(codes), sql.array(texts), sql.array(words), sql.array(categories)],
  );
  await sql`DROP TABLE bench_items`;
  await sql`VACUUM ANALYZE risk.subjects`;
  await sql`VACUUM ANALYZE risk.subject_items`;
  const [{ items }] = (await sql`SELECT count(*)::int AS items FROM risk.subject_items`) as unknown as [{ items: number }];
  return items;
}

/** The draft profiles: what a risk analyst would try before asking for approval. */
export const DRAFTS: readonly { readonly name: string; readonly indicator: Indicator }[] = [
  {
    name: 'commodity prefix + origin (phones and laptops from CN or AE)',
    indicator: {
      op: 'all',
      of: [
        { op: 'prefix', field: 'item.commodityCode', values: ['8517', '8471'] },
        { op: 'in', field: 'item.originCountry', values: ['CN', 'AE'] },
      ],
    },
  },
  { name: 'value below half of the reference price', indicator: { op: 'below_reference', table: PRICE_TABLE, ratio: 0.5 } },
  {
    name: 'trader history + cars below reference',
    indicator: {
      op: 'all',
      of: [
        {
          op: 'any',
          of: [
            { op: 'first_time' },
            { op: 'compare', field: 'trader.violations', cmp: 'ge', value: 2 },
            { op: 'compare', field: 'trader.debt', cmp: 'gt', value: 10000 },
          ],
        },
        { op: 'prefix', field: 'item.commodityCode', values: ['87'] },
        { op: 'below_reference', table: PRICE_TABLE, ratio: 0.8 },
      ],
    },
  },
  {
    name: 'declaration level: no certificate of origin, dispatched from AF or IR, value over 100,000',
    indicator: {
      op: 'all',
      of: [
        { op: 'missing_document', typeCode: '05011' },
        { op: 'in', field: 'countryOfDispatch', values: ['AF', 'IR'] },
        { op: 'compare', field: 'totalCustomsValue', cmp: 'gt', value: 100000 },
      ],
    },
  },
  {
    name: 'description word + not from the usual origins, 2025 imports only',
    indicator: {
      op: 'all',
      of: [
        { op: 'contains', field: 'item.description', values: ['сигареты', 'vodka'] },
        { op: 'not_in', field: 'item.originCountry', values: ['RU', 'KZ', 'UZ'] },
      ],
    },
  },
];

export async function main(options: { readonly subjects?: number; readonly runs?: number; readonly print?: boolean } = {}): Promise<RiskSimulateFigures> {
  const N = options.subjects ?? Number(process.env.BENCH_RISK_SUBJECTS ?? 1_000_000);
  const RUNS = options.runs ?? Number(process.env.BENCH_RISK_RUNS ?? 3);
  const log = options.print === false ? () => {} : (line: string) => console.log(line);
  const adminUrl = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `bekogaz_bench_risk_sim_${process.pid}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: url.toString(), max: 4 });
  const sql = postgres(url.toString(), { max: 1, onnotice: () => {} });
  try {
    await migrate(database);
    const started = performance.now();
    const items = await load(sql, N);
    const csv = [
      'commodity_code,price,unit,valid_from,valid_to',
      ...GOODS.map(([code, , , isPieces, price]) => `${code},${(price * 0.9).toFixed(2)},${isPieces ? 'pcs' : 'kg'},2024-01-01,`),
      ...GOODS.map(([code, , , isPieces, price]) => `${code},${price.toFixed(2)},${isPieces ? 'pcs' : 'kg'},2025-01-01,`),
    ].join('\n');
    const imported = await transact(database.db, (tx) => importPriceReferences(tx, csv, PRICE_TABLE));
    if (!imported.ok) throw new Error(`price import refused: ${JSON.stringify(imported.error)}`);
    await sql`ANALYZE risk.price_references`;
    const loadSeconds = (performance.now() - started) / 1000;
    log(`\nrisk simulation: ${N.toLocaleString('en')} subjects, ${items.toLocaleString('en')} items loaded and analysed in ${loadSeconds.toFixed(1)} s`);

    const baselineRuns: number[] = [];
    for (let k = 0; k < RUNS; k++) {
      const t0 = performance.now();
      await sql`SELECT count(*) FROM risk.subjects s JOIN risk.subject_items i ON i.subject_id = s.id`;
      baselineRuns.push(performance.now() - t0);
    }
    const baselineMs = Math.min(...baselineRuns);
    log(`  baseline: SELECT count(*) over subjects ⋈ items: ${baselineRuns.map((ms) => ms.toFixed(0)).join(' / ')} ms (best ${baselineMs.toFixed(0)} ms)`);

    const profiles: RiskSimulateFigures['profiles'][number][] = [];
    for (const draft of DRAFTS) {
      const input = { indicator: draft.indicator, sampleSize: 10, ...(draft.name.includes('2025') ? { from: '2025-01-01', to: '2025-12-31' } : {}) };
      const runsMs: number[] = [];
      let result: SimulationResult | undefined;
      for (let k = 0; k < RUNS; k++) {
        result = await simulateIndicator(database.db, input);
        runsMs.push(result.elapsedMs);
      }
      const r = result as SimulationResult;
      const worstMs = Math.max(...runsMs);
      const ratio = Math.min(...runsMs) / baselineMs;
      profiles.push({ name: draft.name, result: r, runsMs, worstMs, ratio, isPass: worstMs <= TARGET_MS });
      log(`  ${draft.name}`);
      log(
        `    matched ${r.matched.toLocaleString('en')} of ${r.evaluated.toLocaleString('en')} (${(r.matchRate * 100).toFixed(2)} %); lanes ${JSON.stringify(r.byLane)}; found ${r.foundAmongMatched} of ${r.controlledAmongMatched} controlled`,
      );
      log(
        `    ${runsMs.map((ms) => ms.toFixed(0)).join(' / ')} ms; best / baseline = ${ratio.toFixed(2)}; ${worstMs <= TARGET_MS ? 'PASS' : 'FAIL'} (≤ ${TARGET_MS / 1000} s)`,
      );
      if (process.env.BENCH_RISK_EXPLAIN) {
        const plan = await rows<{ 'QUERY PLAN': string }>(database.db, dsql`EXPLAIN (ANALYZE, COSTS OFF) ${simulationCountSql(input)}`);
        log(plan.map((p) => `      ${p['QUERY PLAN']}`).join('\n'));
      }
    }
    const isPass = profiles.every((p) => p.isPass);
    log(`  ${isPass ? 'PASS' : 'FAIL'}: every draft profile simulated on ${N.toLocaleString('en')} subjects in ≤ ${TARGET_MS / 1000} s`);
    return { subjects: N, items, loadSeconds, baselineMs, profiles, isPass };
  } finally {
    await sql.end();
    await database.close();
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = await main();
  process.exitCode = figures.isPass ? 0 : 1;
}
