/**
 * bench/risk-evaluate: the risk engine in process (docs/risk-engine.md). 5,000 active profiles of a
 * realistic mix (commodity headings with origins, value below the reference price, trader lists,
 * combinations, about 5% with no index key) against 50-item declarations:
 *
 *   latency: one `engine.evaluate` + `decideLane`, p50 / p95 / p99 over BENCH_RISK_DECLARATIONS (20,000);
 *   throughput: the same, one after another, for BENCH_RISK_SECONDS (10 s);
 *   baseline in the same run: a naive AST walker (every profile, every item) on a sample of the same
 *   declarations, with its hits compared to the engine's; the ratio is indexed time / naive time.
 *
 * Targets (issue #6): p99 ≤ 5 ms, ≥ 1,000 declarations/s.
 *
 *   node --import tsx bench/risk-evaluate.ts          (or import { main } from bench/risk.ts)
 */
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { compileProfiles, type ProfileHit } from '../src/contexts/risk/domain/evaluate.ts';
import { referenceHits } from '../src/contexts/risk/domain/evaluate-reference.ts';
import { decideLane } from '../src/contexts/risk/domain/lanes.ts';
import type {
  Indicator,
  Lane,
  ProfileRule,
  ReferencePrices,
  RiskSubject,
  SelectivitySettings,
  SubjectItem,
  TextField,
} from '../src/contexts/risk/domain/model.ts';

export type RiskEvaluateFigures = {
  readonly profiles: number;
  readonly unindexed: number;
  readonly itemsPerDeclaration: number;
  readonly compileMs: number;
  /** Wall-clock time per declaration, and the process CPU time it took (which other processes on the machine do not inflate). */
  readonly latency: Percentiles;
  readonly cpu: Percentiles;
  readonly sustainedPerSecond: number;
  readonly sustainedSeconds: number;
  /** Declarations per second of CPU time in the sustained run. */
  readonly sustainedPerCpuSecond: number;
  /** The machine's one-minute load average before the run and its cores: a load above the cores means the wall figures include waiting for a core. */
  readonly machine: { readonly loadAverage: number; readonly cores: number };
  readonly meanCandidates: number;
  readonly meanHits: number;
  readonly lanes: Readonly<Record<Lane, number>>;
  readonly naive: { readonly n: number; readonly meanMs: number; readonly indexedMeanMs: number; readonly ratio: number; readonly isSameHits: boolean };
  /** The targets met in wall-clock time (the verdict), and in CPU time. */
  readonly isPass: boolean;
  readonly isPassCpu: boolean;
};
type Percentiles = { readonly n: number; readonly p50Ms: number; readonly p95Ms: number; readonly p99Ms: number; readonly maxMs: number };

export const TARGETS = { p99Ms: 5, perSecond: 1000 } as const;

/** mulberry32: a small seeded generator, so every run builds the same profiles and declarations. */
function generator(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  /** Skewed towards the start of the list: popular goods, countries and traders come up more often. */
  const skewed = <T>(xs: readonly T[], power = 2.5) => xs[Math.floor(xs.length * next() ** power)] as T;
  const pick = <T>(xs: readonly T[]) => xs[int(xs.length)] as T;
  const some = <T>(xs: readonly T[], n: number, draw: (xs: readonly T[]) => T = pick) => [...new Set(Array.from({ length: n }, () => draw(xs)))];
  return { next, int, skewed, pick, some };
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * The trade the profiles look at: 12,000 codes (about the national nomenclature's count) in 96 chapters, half of them with a reference price;
 * 20 countries; 20,000 traders of whom 2,000 are on watch lists; 30 offices; 5,000 vehicles.
 */
function world(g: ReturnType<typeof generator>) {
  const chapters = Array.from({ length: 97 }, (_, k) => k + 1).filter((c) => c !== 77);
  for (let k = chapters.length - 1; k > 0; k--) {
    const j = g.int(k + 1);
    [chapters[k], chapters[j]] = [chapters[j] as number, chapters[k] as number];
  }
  const byChapter = new Map<number, string[]>(chapters.map((c) => [c, []]));
  const codes: string[] = [];
  for (let k = 0; k < 12000; k++) {
    const chapter = g.pick(chapters);
    const code = pad(chapter, 2) + pad(1 + g.int(30), 2) + pad(g.int(100), 2) + pad(g.int(10000), 4);
    codes.push(code);
    byChapter.get(chapter)?.push(code);
  }
  /** A typical price per unit of every code; the reference table holds it for half of them. */
  const typical = new Map(codes.map((c) => [c, 1 + g.int(200)] as const));
  const prices = new Map(codes.filter((_, k) => k % 2 === 0).map((c) => [c, typical.get(c) as number] as const));
  const countries = ['CN', 'TR', 'RU', 'KZ', 'UZ', 'IR', 'AF', 'IN', 'DE', 'KG', 'AE', 'PK', 'US', 'IT', 'KR', 'JP', 'BY', 'UA', 'PL', 'FR'];
  const traders = Array.from({ length: 20000 }, (_, k) => String(200000000 + k * 37));
  const watched = traders.filter((_, k) => k % 10 === 3);
  const offices = Array.from({ length: 30 }, (_, k) => String(10000 + k * 10));
  const documents = ['N740', 'N380', 'N325', 'N954', 'N861', 'C100', 'N705', 'N703', 'N935', 'N271', 'N002', 'N018'];
  const words = ['cotton', 'shirts', 'knitted', 'steel', 'pipes', 'tobacco', 'cigarettes', 'sugar', 'flour', 'car', 'tyres', 'phones', 'cement', 'oil'];
  const categories = ['excise', 'textile', 'food', 'vehicle', 'dual_use', 'medicine'];
  const plates = Array.from({ length: 5000 }, (_, k) => `${pad(k % 99, 2)}${String.fromCharCode(65 + (k % 26), 65 + ((k * 7) % 26))}${pad(k, 4)}`);
  return { chapters, byChapter, codes, typical, prices, countries, traders, watched, offices, documents, words, categories, plates };
}
type World = ReturnType<typeof world>;

function profiles(g: ReturnType<typeof generator>, w: World, count: number): ProfileRule[] {
  const prefix = (lengths: readonly number[], n = 1 + g.int(3)): Indicator => ({
    op: 'prefix',
    field: 'item.commodityCode',
    values: g.some(w.codes, n).map((c) => c.slice(0, g.pick(lengths))),
  });
  const inList = (field: TextField, xs: readonly string[], n: number): Indicator => ({ op: 'in', field, values: g.some(xs, n) });
  const kinds: [number, () => Indicator][] = [
    // Heading or subheading, often with an origin: the bulk of a real profile set.
    [30, () => (g.next() < 0.85 ? { op: 'all', of: [prefix([4, 6, 8]), inList('item.originCountry', w.countries, 1 + g.int(3))] } : prefix([6, 8, 10]))],
    // Chapter, dispatch country and a value threshold.
    [
      10,
      () => ({
        op: 'all',
        of: [
          prefix([2], 1),
          inList('countryOfDispatch', w.countries, 1 + g.int(2)),
          { op: 'compare', field: 'item.customsValue', cmp: 'gt', value: 100000 * (1 + g.int(20)) },
        ],
      }),
    ],
    // Undervaluation against the reference prices (deviation).
    [15, () => ({ op: 'all', of: [prefix([4, 6]), { op: 'below_reference', table: 'ref', ratio: g.pick([0.5, 0.6, 0.7, 0.8]) }] })],
    // Watch lists of traders, brokers, vehicles.
    [8, () => inList('traderCode', w.watched, 5 + g.int(45))],
    [3, () => inList('brokerTin', w.watched, 5 + g.int(25))],
    [2, () => ({ op: 'all', of: [inList('vehicle', w.plates, 5 + g.int(20)), { op: 'compare', field: 'totalCustomsValue', cmp: 'gt', value: 1e6 }] })],
    // Combinations.
    [
      10,
      () => ({
        op: 'all',
        of: [
          { op: 'any', of: [prefix([6, 8]), prefix([6])] },
          { op: 'not_in', field: 'item.originCountry', values: ['TJ', 'KZ'] },
          { op: 'compare', field: 'totalCustomsValue', cmp: 'ge', value: 1e7 * (1 + g.int(10)) },
        ],
      }),
    ],
    [5, () => ({ op: 'all', of: [inList('item.goodsCategory', w.categories, 1), inList('item.originCountry', w.countries, 1), prefix([2], 1)] })],
    [5, () => ({ op: 'all', of: [inList('routeOffice', w.offices, 1 + g.int(2)), inList('countryOfDispatch', w.countries, 1), prefix([2], 1)] })],
    [5, () => ({ op: 'all', of: [prefix([6]), { op: 'contains', field: 'item.description', values: g.some(w.words, 1 + g.int(2)) }] })],
    // No index key: checked for every declaration.
    [
      5,
      () =>
        g.pick<Indicator>([
          { op: 'below_reference', table: 'ref', ratio: 0.2 },
          { op: 'all', of: [{ op: 'first_time' }, { op: 'compare', field: 'totalCustomsValue', cmp: 'gt', value: 2e7 }] },
          { op: 'route_deviation' },
          {
            op: 'all',
            of: [
              { op: 'missing_document', typeCode: 'N954' },
              { op: 'compare', field: 'item.valuePerUnit', cmp: 'gt', value: 500 },
            ],
          },
          {
            op: 'any',
            of: [
              { op: 'compare', field: 'trader.violations', cmp: 'ge', value: 2 + g.int(5) },
              { op: 'compare', field: 'trader.debt', cmp: 'gt', value: 100000 * (1 + g.int(10)) },
            ],
          },
          { op: 'not_in', field: 'item.originCountry', values: w.countries },
        ]),
    ],
  ];
  const total = kinds.reduce((s, [n]) => s + n, 0);
  const rules: ProfileRule[] = [];
  for (let k = 0; k < count; k++) {
    let r = g.next() * total;
    const make = (kinds.find(([n]) => (r -= n) < 0) ?? kinds[0])?.[1] as () => Indicator;
    const lane = g.pick(['red', 'yellow', 'yellow', 'yellow', 'blue', 'blue'] as const);
    rules.push({
      versionId: `00000000-0000-7000-8000-${pad(k, 12)}`,
      code: `RP-${pad(k, 5)}`,
      subjects: ['declaration', 'preliminary'],
      indicator: make(),
      lane,
      selectionPercent: g.pick([1, 2, 2, 5, 5, 5, 10, 10, 20, 50]),
      measures: lane === 'red' ? ['physical_examination'] : lane === 'yellow' ? ['documentary_check'] : ['post_clearance_audit'],
      level: 1 + g.int(5),
    });
  }
  return rules;
}

/** A 50-item declaration of one trader's business: goods of one to three chapters, mostly of one origin. */
function declaration(g: ReturnType<typeof generator>, w: World, n: number, itemCount: number): RiskSubject {
  const origin = g.skewed(w.countries);
  const lines = g.some(w.chapters, 1 + g.int(3), (xs) => g.skewed(xs, 1.5)).flatMap((c) => w.byChapter.get(c) ?? []);
  const items: SubjectItem[] = Array.from({ length: itemCount }, (_, k) => {
    const code = g.pick(lines);
    const mass = 1 + g.int(5000);
    const pieces = g.next() < 0.3 ? 1 + g.int(1000) : undefined;
    // The declared unit value scatters around the typical price (log-normal, σ 0.35).
    const factor = Math.exp(0.35 * Math.sqrt(-2 * Math.log(1 - g.next())) * Math.cos(2 * Math.PI * g.next()));
    return {
      number: k + 1,
      commodityCode: code,
      description: `${g.pick(w.words)} ${g.pick(w.words)}, ${g.pick(['new', 'used', 'packed'])}`,
      goodsCategories: g.next() < 0.03 ? [g.pick(w.categories)] : [],
      originCountry: g.next() < 0.85 ? origin : g.skewed(w.countries),
      netMassKg: mass,
      ...(pieces ? { supplementaryQuantity: pieces } : {}),
      customsValue: Math.round((pieces ?? mass) * (w.typical.get(code) as number) * factor),
    };
  });
  const route = [g.pick(w.offices), g.pick(w.offices)];
  return {
    kind: 'declaration',
    id: `d-${n}`,
    number: `10001/010326/${pad(n, 7)}`,
    direction: 'import',
    regime: 'IM40',
    officeCode: route[1] as string,
    traderCode: g.skewed(w.traders),
    ...(g.next() < 0.6 ? { brokerTin: g.skewed(w.traders) } : {}),
    trader: {
      violations: g.next() < 0.9 ? 0 : 1 + g.int(3),
      debt: g.next() < 0.05 ? g.int(500000) : 0,
      declarationsBefore: g.next() < 0.03 ? 0 : 1 + g.int(500),
    },
    transportMode: '30',
    vehicles: [g.pick(w.plates), g.pick(w.plates)],
    countryOfDispatch: g.next() < 0.7 ? origin : g.skewed(w.countries),
    countryOfDestination: 'TJ',
    route,
    ...(g.next() < 0.2 ? { plannedRoute: g.next() < 0.95 ? route : route.slice(0, 1) } : {}),
    items,
    documentTypes: g.some(w.documents, 3 + g.int(4)),
  };
}

const quantile = (sorted: readonly number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number;
function percentiles(xs: Float64Array): Percentiles {
  const sorted = [...xs].sort((a, b) => a - b);
  return {
    n: xs.length,
    p50Ms: quantile(sorted, 0.5),
    p95Ms: quantile(sorted, 0.95),
    p99Ms: quantile(sorted, 0.99),
    maxMs: sorted[sorted.length - 1] as number,
  };
}

export async function main(
  options: {
    readonly profiles?: number;
    readonly declarations?: number;
    readonly seconds?: number;
    readonly naiveSample?: number;
    readonly print?: boolean;
  } = {},
): Promise<RiskEvaluateFigures> {
  const PROFILES = options.profiles ?? Number(process.env.BENCH_RISK_PROFILES ?? 5000);
  const DECLARATIONS = options.declarations ?? Number(process.env.BENCH_RISK_DECLARATIONS ?? 20000);
  const SECONDS = options.seconds ?? Number(process.env.BENCH_RISK_SECONDS ?? 10);
  const NAIVE = options.naiveSample ?? Number(process.env.BENCH_RISK_NAIVE ?? 200);
  const ITEMS = 50;
  const log = options.print === false ? () => {} : (line: string) => console.log(line);

  const g = generator(20260301);
  const w = world(g);
  const rules = profiles(g, w, PROFILES);
  const prices: ReferencePrices = new Map([['ref', w.prices]]);
  // A pool of distinct declarations, cycled: the engine keeps nothing between subjects.
  const pool = Array.from({ length: Math.min(DECLARATIONS, 4000) }, (_, n) => declaration(g, w, n, ITEMS));
  const settings: SelectivitySettings = { randomRate: 0.02, expectedRates: { red: 0.05, yellow: 0.15, blue: 0.05 } };
  const observed = { red: 0.04, yellow: 0.16, blue: 0.05 };

  const c0 = performance.now();
  const engine = compileProfiles(rules, prices);
  const compileMs = performance.now() - c0;
  log(
    `risk engine: ${engine.profiles} active profiles (${engine.unindexed} without an index key), ${ITEMS}-item declarations; compiled in ${compileMs.toFixed(0)} ms`,
  );

  const once = (s: RiskSubject, k: number) => {
    const e = engine.evaluate(s);
    return { e, d: decideLane(e.hits, settings, observed, `${s.id}:${k}`) };
  };
  for (let k = 0; k < 3000; k++) once(pool[k % pool.length] as RiskSubject, k);

  const machine = { loadAverage: loadavg()[0] as number, cores: availableParallelism() };
  const times = new Float64Array(DECLARATIONS);
  const cpuTimes = new Float64Array(DECLARATIONS);
  const lanes: Record<Lane, number> = { green: 0, blue: 0, yellow: 0, red: 0 };
  let candidates = 0;
  let hits = 0;
  for (let k = 0; k < DECLARATIONS; k++) {
    const s = pool[k % pool.length] as RiskSubject;
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const { e, d } = once(s, k);
    times[k] = performance.now() - t0;
    const c1 = process.cpuUsage(c0);
    cpuTimes[k] = (c1.user + c1.system) / 1000;
    candidates += e.evaluated;
    hits += e.hits.length;
    lanes[d.lane]++;
  }
  const latency = percentiles(times);
  const cpu = percentiles(cpuTimes);
  const show = (p: Percentiles) => `p50 ${p.p50Ms.toFixed(3)} ms, p95 ${p.p95Ms.toFixed(3)} ms, p99 ${p.p99Ms.toFixed(3)} ms, max ${p.maxMs.toFixed(2)} ms`;
  log(
    `machine: load average ${machine.loadAverage.toFixed(1)} on ${machine.cores} cores${machine.loadAverage > machine.cores ? ' (busy: wall-clock figures include waiting for a core)' : ''}`,
  );
  log(`latency (evaluate + decideLane, ${DECLARATIONS} declarations), wall clock: ${show(latency)}`);
  log(`                                                        CPU time: ${show(cpu)}`);
  log(
    `per declaration: ${(candidates / DECLARATIONS).toFixed(0)} profiles evaluated, ${(hits / DECLARATIONS).toFixed(1)} hits; lanes ${Object.entries(lanes)
      .map(([l, n]) => `${l} ${((100 * n) / DECLARATIONS).toFixed(1)}%`)
      .join(', ')}`,
  );

  let done = 0;
  const cpu0 = process.cpuUsage();
  const s0 = performance.now();
  const until = s0 + SECONDS * 1000;
  while (performance.now() < until) {
    for (let k = 0; k < 100; k++, done++) once(pool[done % pool.length] as RiskSubject, done);
  }
  const sustainedSeconds = (performance.now() - s0) / 1000;
  const cpuUsed = process.cpuUsage(cpu0);
  const sustainedPerSecond = done / sustainedSeconds;
  const sustainedPerCpuSecond = done / ((cpuUsed.user + cpuUsed.system) / 1e6);
  log(
    `sustained: ${done} declarations in ${sustainedSeconds.toFixed(1)} s = ${sustainedPerSecond.toFixed(0)} declarations/s on one thread (${sustainedPerCpuSecond.toFixed(0)} per CPU second)`,
  );

  // Baseline: the naive walker on a sample of the same declarations, hits compared one by one.
  const sample = pool.slice(0, Math.min(NAIVE, pool.length));
  let isSameHits = true;
  const n0 = performance.now();
  const naive = sample.map((s) => referenceHits(rules, prices, s));
  const naiveMeanMs = (performance.now() - n0) / sample.length;
  const i0 = performance.now();
  const indexed = sample.map((s) => engine.evaluate(s).hits as ProfileHit[]);
  const indexedMeanMs = (performance.now() - i0) / sample.length;
  indexed.forEach((h, k) => {
    if (JSON.stringify(h.map((x) => [x.code, x.items])) !== JSON.stringify(naive[k])) isSameHits = false;
  });
  const ratio = indexedMeanMs / naiveMeanMs;
  log(
    `baseline, naive AST walker on ${sample.length} of the same declarations: ${naiveMeanMs.toFixed(2)} ms each; indexed ${indexedMeanMs.toFixed(3)} ms; ratio indexed/naive ${ratio.toFixed(4)} (${(1 / ratio).toFixed(0)}× faster); same hits: ${isSameHits ? 'yes' : 'NO'}`,
  );

  const isPass = latency.p99Ms <= TARGETS.p99Ms && sustainedPerSecond >= TARGETS.perSecond && isSameHits;
  const isPassCpu = cpu.p99Ms <= TARGETS.p99Ms && sustainedPerCpuSecond >= TARGETS.perSecond && isSameHits;
  log(
    `${isPass ? 'PASS' : 'FAIL'} (wall clock): p99 ${latency.p99Ms.toFixed(3)} ms (target ≤ ${TARGETS.p99Ms} ms), ${sustainedPerSecond.toFixed(0)}/s (target ≥ ${TARGETS.perSecond}/s)${isSameHits ? '' : ', hits differ from the naive walker'}`,
  );
  log(`${isPassCpu ? 'PASS' : 'FAIL'} (CPU time): p99 ${cpu.p99Ms.toFixed(3)} ms, ${sustainedPerCpuSecond.toFixed(0)} per CPU second`);
  return {
    profiles: engine.profiles,
    unindexed: engine.unindexed,
    itemsPerDeclaration: ITEMS,
    compileMs,
    latency,
    cpu,
    sustainedPerSecond,
    sustainedSeconds,
    sustainedPerCpuSecond,
    machine,
    meanCandidates: candidates / DECLARATIONS,
    meanHits: hits / DECLARATIONS,
    lanes,
    naive: { n: sample.length, meanMs: naiveMeanMs, indexedMeanMs, ratio, isSameHits },
    isPass,
    isPassCpu,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = await main();
  process.exitCode = figures.isPass ? 0 : 1;
}
