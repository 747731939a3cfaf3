/**
 * The analysts' view of the statistical database (art.504 p.1, CUS-INF-03): sums by month,
 * commodity code prefix, partner country, direction, regime or office. Releases later annulled
 * (art.134 p.3, art.149 p.6: the goods did not go) are left out, and of a declaration changed after
 * release (art.133 p.8-9, CUS-DEC-50) only the rows of its latest version count: the earlier rows
 * stay in the append-only table as history.
 */
import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import { type Db, rows } from '../../../platform/db.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { Direction } from '../domain/declaration.ts';
import type { ExitErrorCode } from '../domain/exit-errors.ts';
import { milli, STATISTICS_GROUPS, type StatisticsGroup } from '../domain/statistics.ts';
import { statisticsItems } from '../infrastructure/exit-statistics.schema.ts';
import type { CustomsDeps } from './deps.ts';

export type StatisticsQuery = {
  /** YYYY-MM, first and last month counted. */
  readonly fromMonth: string;
  readonly toMonth: string;
  readonly groupBy?: readonly StatisticsGroup[];
  /** Digits of the commodity code a `commodity` group keeps (2, 4, 6, 8 or 10; default 10). */
  readonly codeDigits?: number;
  readonly commodityPrefix?: string;
  readonly country?: string;
  readonly direction?: Direction;
  readonly regime?: string;
  readonly officeCode?: string;
};

export type StatisticsGroupRow = {
  readonly month: string | null;
  readonly commodityCode: string | null;
  readonly country: string | null;
  readonly direction: string | null;
  readonly regime: string | null;
  readonly officeCode: string | null;
  readonly declarations: number;
  readonly items: number;
  readonly customsValueDirams: string;
  readonly statisticalValueUsdCents: string;
  readonly netMassKg: string;
  readonly quantities: { unit: string; quantity: string }[];
};

const monthStart = (m: string) => `${m}-01`;

/** The rows of a declaration's latest recorded version (migration 0028): what the statistics count. */
const isLatestVersion = (version: SQL | typeof statisticsItems.declarationVersion, declaration: SQL | typeof statisticsItems.declarationId) =>
  sql`${version} = (SELECT max(l.declaration_version) FROM customs.statistics_items l WHERE l.declaration_id = ${declaration})`;
const isMonth = (m: string) => /^\d{4}-(0[1-9]|1[0-2])$/.test(m);

/** Sums by the groups asked, with the quantities per unit of measure; groups in key order. */
export async function statisticsSummary(
  deps: CustomsDeps,
  q: StatisticsQuery,
): Promise<Result<{ groups: StatisticsGroupRow[]; totals: StatisticsGroupRow }, Failure<ExitErrorCode>>> {
  if (!isMonth(q.fromMonth) || !isMonth(q.toMonth) || q.fromMonth > q.toMonth) return fail('STATISTICS_PERIOD_INVALID', 'query.fromMonth');
  const years = Number(q.toMonth.slice(0, 4)) - Number(q.fromMonth.slice(0, 4));
  if (years > 10) return fail('STATISTICS_PERIOD_INVALID', 'query.toMonth');
  const groups = [...new Set(q.groupBy ?? [])].filter((g) => STATISTICS_GROUPS.includes(g));
  const digits = [2, 4, 6, 8, 10].includes(q.codeDigits ?? 10) ? (q.codeDigits ?? 10) : 10;
  const keyOf: Record<StatisticsGroup, SQL> = {
    month: sql`to_char(s.period_month, 'YYYY-MM')`,
    commodity: sql`left(s.commodity_code, ${sql.raw(String(digits))})`,
    country: sql`s.partner_country`,
    direction: sql`s.direction`,
    regime: sql`s.regime`,
    office: sql`s.office_code`,
  };
  const filters: SQL[] = [
    sql`s.period_month BETWEEN ${monthStart(q.fromMonth)}::date AND ${monthStart(q.toMonth)}::date`,
    sql`NOT EXISTS (SELECT 1 FROM customs.declarations d WHERE d.id = s.declaration_id AND d.state = 'RELEASE_ANNULLED')`,
    isLatestVersion(sql`s.declaration_version`, sql`s.declaration_id`),
  ];
  if (q.commodityPrefix) filters.push(sql`s.commodity_code LIKE ${`${q.commodityPrefix}%`}`);
  if (q.country) filters.push(sql`s.partner_country = ${q.country}`);
  if (q.direction) filters.push(sql`s.direction = ${q.direction}`);
  if (q.regime) filters.push(sql`s.regime = ${q.regime}`);
  if (q.officeCode) filters.push(sql`s.office_code = ${q.officeCode}`);
  const where = sql.join(filters, sql` AND `);
  const keys = groups.map((g) => sql`${keyOf[g]} AS ${sql.raw(`"${g}"`)}`);
  const keyList = groups.map((g) => sql.raw(`"${g}"`));
  const select = (columns: SQL[]) => sql.join([...keys, ...columns], sql`, `);
  const groupBy = (more: SQL[]) => (keyList.length + more.length === 0 ? sql`` : sql` GROUP BY ${sql.join([...keyList, ...more], sql`, `)}`);
  const db: Db = deps.database.db;
  type Sums = Record<string, string | number | null>;
  const [sums, quantities] = await Promise.all([
    rows<Sums>(
      db,
      sql`SELECT ${select([
        sql`count(DISTINCT s.declaration_id)::int AS declarations`,
        sql`count(*)::int AS items`,
        sql`coalesce(sum(s.customs_value_dirams), 0)::text AS customs_value`,
        sql`coalesce(sum(s.statistical_value_usd_cents), 0)::text AS usd_cents`,
        sql`coalesce(sum(s.net_mass_grams), 0)::text AS grams`,
      ])} FROM customs.statistics_items s WHERE ${where}${groupBy([])}`,
    ),
    rows<Sums>(
      db,
      sql`SELECT ${select([sql`s.statistical_unit AS unit`, sql`sum(s.statistical_quantity_milli)::text AS quantity`])}
          FROM customs.statistics_items s WHERE ${where}${groupBy([sql`unit`])}`,
    ),
  ]);
  const keyText = (r: Sums) => groups.map((g) => String(r[g] ?? '')).join('\u0001');
  const perUnit = new Map<string, { unit: string; quantity: string }[]>();
  for (const r of quantities) {
    const k = keyText(r);
    perUnit.set(k, [...(perUnit.get(k) ?? []), { unit: String(r.unit), quantity: milli(BigInt(String(r.quantity))) }]);
  }
  const shape = (r: Sums): StatisticsGroupRow => {
    const pick = (g: StatisticsGroup) => (groups.includes(g) ? String(r[g]) : null);
    return {
      month: pick('month'),
      commodityCode: pick('commodity'),
      country: pick('country'),
      direction: pick('direction'),
      regime: pick('regime'),
      officeCode: pick('office'),
      declarations: Number(r.declarations),
      items: Number(r.items),
      customsValueDirams: String(r.customs_value),
      statisticalValueUsdCents: String(r.usd_cents),
      netMassKg: milli(BigInt(String(r.grams))),
      quantities: (perUnit.get(keyText(r)) ?? []).sort((a, b) => a.unit.localeCompare(b.unit)),
    };
  };
  const ordered = sums.map(shape).sort((a, b) => sortKey(a, groups).localeCompare(sortKey(b, groups)));
  if (groups.length === 0) return ok({ groups: [], totals: ordered[0] as StatisticsGroupRow });
  return ok({ groups: ordered, totals: await totalOf(deps, q) });
}

const fieldOf: Record<StatisticsGroup, keyof StatisticsGroupRow> = {
  month: 'month',
  commodity: 'commodityCode',
  country: 'country',
  direction: 'direction',
  regime: 'regime',
  office: 'officeCode',
};
const sortKey = (r: StatisticsGroupRow, groups: readonly StatisticsGroup[]) => groups.map((g) => String(r[fieldOf[g]] ?? '')).join('\u0001');

async function totalOf(deps: CustomsDeps, q: StatisticsQuery): Promise<StatisticsGroupRow> {
  const all = await statisticsSummary(deps, { ...q, groupBy: [] });
  if (!all.ok) throw new Error('totals of a valid query failed');
  return all.value.totals;
}

/** The rows counted (each declaration's latest version), for checking a declaration's contribution (newest release first). */
export async function statisticsRows(
  deps: CustomsDeps,
  q: { readonly declarationNumber?: string; readonly month?: string; readonly limit?: number; readonly offset?: number },
) {
  const t = statisticsItems;
  const found = await deps.database.db
    .select()
    .from(t)
    .where(
      and(
        isLatestVersion(t.declarationVersion, t.declarationId),
        q.declarationNumber ? eq(t.declarationNumber, q.declarationNumber) : undefined,
        q.month && isMonth(q.month) ? eq(t.periodMonth, monthStart(q.month)) : undefined,
      ),
    )
    .orderBy(desc(t.releasedAt), asc(t.itemNo))
    .limit(q.limit ?? 100)
    .offset(q.offset ?? 0);
  return found.map((r) => ({
    declarationNumber: r.declarationNumber,
    declarationVersion: r.declarationVersion,
    itemNo: r.itemNo,
    month: r.periodMonth.slice(0, 7),
    releasedAt: r.releasedAt.toISOString(),
    direction: r.direction,
    regime: r.regime,
    officeCode: r.officeCode,
    commodityCode: r.commodityCode,
    originCountry: r.originCountry,
    destinationCountry: r.destinationCountry,
    partnerCountry: r.partnerCountry,
    customsValueDirams: r.customsValueDirams.toString(),
    statisticalValueUsdCents: r.statisticalValueUsdCents === null ? null : r.statisticalValueUsdCents.toString(),
    netMassKg: milli(r.netMassGrams),
    statisticalQuantity: milli(r.statisticalQuantityMilli),
    statisticalUnit: r.statisticalUnit,
  }));
}
