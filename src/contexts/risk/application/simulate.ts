/**
 * Tries a draft indicator on the stored subjects before its profile is approved (CUS-RMS-20 step 5;
 * research/customs-anchors.md "Risk engine quality": any release can be replayed against profiles):
 * how many subjects it would have selected, in which lanes they went, how many of them a control
 * found in violation, and a few examples with the items that met it.
 *
 * The counting is one SQL statement over the facts store: no row comes back to Node. The examples
 * are a second, small statement.
 */
import { type SQL, sql } from 'drizzle-orm';
import { type Db, rows } from '../../../platform/db.ts';
import { type Indicator, LANES, type Lane } from '../domain/model.ts';
import { compileIndicator, compileScope, type SimulationScope } from '../domain/sql-compile.ts';

export type SimulationInput = SimulationScope & {
  readonly indicator: Indicator;
  /** How many matched subjects to show (the most recently registered first); default 10, at most 1000. */
  readonly sampleSize?: number;
};

export type SimulationSample = { readonly id: string; readonly number: string; readonly items: readonly number[] };

export type SimulationResult = {
  /** Subjects in the scope. */
  readonly evaluated: number;
  /** Subjects the indicator selects. */
  readonly matched: number;
  /** matched / evaluated (0 when nothing was evaluated). */
  readonly matchRate: number;
  /** The matched subjects by the lane they were given. */
  readonly byLane: Readonly<Record<Lane, number>>;
  /** Matched subjects without a recorded lane. */
  readonly withoutLane: number;
  /** Matched subjects with a control result recorded, and those where a violation was found. */
  readonly controlledAmongMatched: number;
  readonly foundAmongMatched: number;
  /** Examples: the subject and the numbers of its items that met the indicator (empty: a subject-level indicator). */
  readonly sample: readonly SimulationSample[];
  readonly elapsedMs: number;
};

/** Turns compiled text with `$n` placeholders into a drizzle query: the values stay bind parameters. */
export function boundSql(text: string, params: readonly string[]): SQL {
  const chunks: SQL[] = [];
  let last = 0;
  for (const m of text.matchAll(/\$(\d+)/g)) {
    chunks.push(sql.raw(text.slice(last, m.index)));
    chunks.push(sql`${params[Number(m[1]) - 1]}`);
    last = (m.index as number) + m[0].length;
  }
  chunks.push(sql.raw(text.slice(last)));
  return sql.join(chunks);
}

/** The counting statement (exported for the benchmark's EXPLAIN). */
export function simulationCountSql(input: SimulationInput): SQL {
  const params: string[] = [];
  const scope = compileScope(input, params);
  const { predicate } = compileIndicator(input.indicator, params);
  const lanes = LANES.map((lane) => `count(*) FILTER (WHERE s.lane = '${lane}')::int AS ${lane}`).join(', ');
  // The indicator stands alone in WHERE, so PostgreSQL plans its EXISTS as a (parallel) semi-join of
  // the items, not as a subquery run once per subject.
  return boundSql(
    `SELECT count(*)::int AS matched, ${lanes}, count(*) FILTER (WHERE s.lane IS NULL)::int AS without_lane,` +
      ` count(*) FILTER (WHERE s.found)::int AS found, count(*) FILTER (WHERE s.found IS NOT NULL)::int AS controlled,` +
      ` (SELECT count(*)::int FROM risk.subjects s WHERE ${scope}) AS evaluated` +
      ` FROM risk.subjects s WHERE ${scope} AND ${predicate}`,
    params,
  );
}

function sampleSql(input: SimulationInput, size: number): SQL {
  const params: string[] = [];
  const scope = compileScope(input, params);
  const compiled = compileIndicator(input.indicator, params);
  const items = compiled.readsItems
    ? `ARRAY(SELECT i.number FROM ${compiled.items} WHERE i.subject_id = s.id AND ${compiled.condition} ORDER BY i.number)`
    : `'{}'::int[]`;
  return boundSql(
    `SELECT s.id::text AS id, s.number, ${items} AS items FROM risk.subjects s WHERE ${scope} AND ${compiled.predicate}` +
      ` ORDER BY s.registered_at DESC, s.id LIMIT $${params.push(String(size))}::int`,
    params,
  );
}

type CountRow = Record<Lane, number> & { matched: number; without_lane: number; found: number; controlled: number; evaluated: number };

/** Simulates an indicator on the stored subjects of the scope (kinds, Dushanbe days from-to inclusive). */
export async function simulateIndicator(db: Db, input: SimulationInput): Promise<SimulationResult> {
  const started = performance.now();
  const [counts] = await rows<CountRow>(db, simulationCountSql(input));
  if (!counts) throw new Error('the simulation returned no row');
  const size = Math.max(0, Math.min(1000, Math.trunc(input.sampleSize ?? 10)));
  const sample =
    size > 0 && counts.matched > 0
      ? (await rows<{ id: string; number: string; items: number[] }>(db, sampleSql(input, size))).map((r) => ({
          id: r.id,
          number: r.number,
          items: r.items.map(Number),
        }))
      : [];
  return {
    evaluated: counts.evaluated,
    matched: counts.matched,
    matchRate: counts.evaluated === 0 ? 0 : counts.matched / counts.evaluated,
    byLane: { green: counts.green, blue: counts.blue, yellow: counts.yellow, red: counts.red },
    withoutLane: counts.without_lane,
    controlledAmongMatched: counts.controlled,
    foundAmongMatched: counts.found,
    sample,
    elapsedMs: performance.now() - started,
  };
}
