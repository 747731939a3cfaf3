import { sql } from 'drizzle-orm';
import { dushanbeDate } from '../../../platform/calendar/index.ts';
import { rows } from '../../../platform/db.ts';
import type { Localised } from '../../../platform/i18n.ts';
import { percentileOf } from '../domain/percentiles.ts';
import type { TaxServicesDeps } from './deps.ts';

export type DashboardFilter = {
  /** First and last month of completion, 'YYYY-MM' (default: the current Dushanbe month). */
  readonly from?: string;
  readonly to?: string;
  /** One territorial body's region, or all. */
  readonly region?: string;
};

export type DashboardRow = {
  readonly key: string;
  readonly name: Localised;
  /** Requests whose clock runs now, those past their warning time, those past their deadline (TS-30). */
  readonly open: number;
  readonly atRisk: number;
  readonly breached: number;
  /** Clocks suspended while documents are awaited (A-9: reported apart), and applications still incomplete (TS-29). */
  readonly suspended: number;
  readonly awaitingDocuments: number;
  /** Closed in the period, of them late, and of them ever suspended. */
  readonly closed: number;
  readonly late: number;
  readonly closedAfterSuspension: number;
  /** Net completion time (suspensions excluded), to within 2.5 % (domain/percentiles.ts). */
  readonly medianSeconds: number | null;
  readonly p95Seconds: number | null;
  /** Share of closed requests delivered on time, 0…1; null when none closed. */
  readonly onTimeRate: number | null;
};

export type Dashboard = {
  readonly at: string;
  readonly from: string;
  readonly to: string;
  readonly region: string | null;
  readonly totals: DashboardRow;
  readonly byService: readonly DashboardRow[];
  readonly byUnit: readonly DashboardRow[];
  readonly byRegion: readonly DashboardRow[];
  readonly byChannel: readonly DashboardRow[];
};

type Dimension = 'all' | 'service' | 'unit' | 'channel' | 'region';
type OpenRow = { dimension: Dimension; value: string; open: number; at_risk: number; breached: number; suspended: number; awaiting: number };
type StatRow = { dimension: Dimension; value: string; bucket: number; closed: number; late: number; suspended: number };

export const REGION_NAMES: Readonly<Record<string, Localised>> = {
  central: { tg: 'Дастгоҳи марказӣ', ru: 'Центральный аппарат', en: 'Central office' },
  dushanbe: { tg: 'шаҳри Душанбе', ru: 'город Душанбе', en: 'Dushanbe' },
  sughd: { tg: 'вилояти Суғд', ru: 'Согдийская область', en: 'Sughd Region' },
  khatlon: { tg: 'вилояти Хатлон', ru: 'Хатлонская область', en: 'Khatlon Region' },
  gbao: { tg: 'ВМКБ', ru: 'ГБАО', en: 'GBAO' },
  rrs: { tg: 'шаҳру ноҳияҳои тобеи ҷумҳурӣ', ru: 'города и районы республиканского подчинения', en: 'Districts of republican subordination' },
};

export const CHANNEL_NAMES: Readonly<Record<string, Localised>> = {
  cabinet: { tg: 'Ҳуҷраи шахсӣ', ru: 'Личный кабинет', en: 'Personal cabinet' },
  office: { tg: 'Дар мақомоти андоз', ru: 'В налоговом органе', en: 'At the tax office' },
  terminal: { tg: 'Терминал', ru: 'Терминал', en: 'Terminal' },
  phone_151: { tg: 'Рақами кӯтоҳи 151', ru: 'Короткий номер 151', en: 'Short number 151' },
  phone_152: { tg: 'Рақами кӯтоҳи 152', ru: 'Короткий номер 152', en: 'Short number 152' },
  trust_phone: { tg: 'Телефони боварӣ', ru: 'Телефон доверия', en: 'Trust telephone' },
  email: { tg: 'Почтаи электронӣ', ru: 'Электронная почта', en: 'E-mail' },
  chat: { tg: 'ЧАТ', ru: 'ЧАТ', en: 'Chat' },
  post: { tg: 'Почта', ru: 'Почта', en: 'Post' },
  complaint_book: { tg: 'Китоби шикоятҳо', ru: 'Книга жалоб', en: 'Book of complaints' },
};

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * The live compliance dashboard (TS-32, A1 p.3, TS-07): open, at-risk and breached requests now,
 * and the requests closed in the period with their median and 95th-percentile net completion
 * time, per service, unit, region and channel. Open requests are counted from the partial index
 * of unfinished requests; closed ones from the completion statistics kept when each request closed,
 * so the cost does not grow with the number of requests ever served.
 */
export async function dashboard(deps: TaxServicesDeps, filter: DashboardFilter = {}): Promise<Dashboard> {
  const now = deps.clock.now();
  const current = dushanbeDate(now).slice(0, 7);
  const from = filter.from && MONTH.test(filter.from) ? filter.from : current;
  const to = filter.to && MONTH.test(filter.to) ? filter.to : current;
  const region = filter.region ?? null;
  const db = deps.database.db;
  const regionCondition = region ? sql`AND region = ${region}` : sql``;
  // Raw SQL parameters carry instants as ISO text: postgres-js does not serialise a Date there.
  const at = now.toISOString();

  const [open, stats, unitRows] = await Promise.all([
    rows<OpenRow>(
      db,
      sql`SELECT CASE WHEN GROUPING(service_key) = 0 THEN 'service' WHEN GROUPING(unit_id) = 0 THEN 'unit'
                      WHEN GROUPING(region) = 0 THEN 'region' WHEN GROUPING(channel) = 0 THEN 'channel' ELSE 'all' END AS dimension,
                 COALESCE(service_key, unit_id::text, region, channel, '') AS value,
                 (count(*) FILTER (WHERE status = 'open'))::int AS open,
                 (count(*) FILTER (WHERE status = 'open' AND warn_at <= ${at}::timestamptz AND (due_at IS NULL OR due_at > ${at}::timestamptz)))::int AS at_risk,
                 (count(*) FILTER (WHERE status = 'open' AND due_at <= ${at}::timestamptz))::int AS breached,
                 (count(*) FILTER (WHERE status = 'suspended'))::int AS suspended,
                 (count(*) FILTER (WHERE status = 'awaiting_documents'))::int AS awaiting
          FROM tax_services.requests
          WHERE completed_at IS NULL ${regionCondition}
          GROUP BY GROUPING SETS ((service_key), (unit_id), (region), (channel), ())`,
    ),
    rows<StatRow>(
      db,
      sql`SELECT dimension, value, bucket::int AS bucket, sum(closed)::int AS closed, sum(late)::int AS late, sum(suspended)::int AS suspended
          FROM tax_services.completion_stats
          WHERE scope = ${region ?? ''} AND month BETWEEN ${`${from}-01`}::date AND ${`${to}-01`}::date
          GROUP BY dimension, value, bucket`,
    ),
    rows<{ id: string; code: string; name_tg: string; name_ru: string; name_en: string }>(
      db,
      sql`SELECT id::text, code, name_tg, name_ru, name_en FROM tax_services.units`,
    ),
  ]);

  const catalogue = deps.catalogue.at(dushanbeDate(now)) ?? deps.catalogue.versions().at(-1);
  const unitsById = new Map(unitRows.map((u) => [u.id, u]));
  const nameOf = (dimension: Dimension, value: string): Localised => {
    if (dimension === 'service') return catalogue?.lines.get(value)?.name ?? { tg: value, ru: value, en: value };
    if (dimension === 'unit') {
      const u = unitsById.get(value);
      return u ? { tg: u.name_tg, ru: u.name_ru, en: u.name_en } : { tg: value, ru: value, en: value };
    }
    if (dimension === 'region') return REGION_NAMES[value] ?? { tg: value, ru: value, en: value };
    if (dimension === 'channel') return CHANNEL_NAMES[value] ?? { tg: value, ru: value, en: value };
    return { tg: 'Ҳамагӣ', ru: 'Всего', en: 'Total' };
  };

  type Acc = { open?: OpenRow; closed: number; late: number; suspended: number; buckets: Map<number, number> };
  const groups = new Map<string, Acc>();
  const accOf = (dimension: Dimension, value: string) => {
    const k = `${dimension}\u0000${value}`;
    let acc = groups.get(k);
    if (!acc) groups.set(k, (acc = { closed: 0, late: 0, suspended: 0, buckets: new Map() }));
    return acc;
  };
  for (const r of open) accOf(r.dimension, r.value).open = r;
  for (const r of stats) {
    const acc = accOf(r.dimension, r.value);
    acc.closed += Number(r.closed);
    acc.late += Number(r.late);
    acc.suspended += Number(r.suspended);
    acc.buckets.set(Number(r.bucket), (acc.buckets.get(Number(r.bucket)) ?? 0) + Number(r.closed));
  }
  const rowOf = (dimension: Dimension, value: string, acc: Acc): DashboardRow => ({
    key: dimension === 'unit' ? (unitsById.get(value)?.code ?? value) : value,
    name: nameOf(dimension, value),
    open: acc.open?.open ?? 0,
    atRisk: acc.open?.at_risk ?? 0,
    breached: acc.open?.breached ?? 0,
    suspended: acc.open?.suspended ?? 0,
    awaitingDocuments: acc.open?.awaiting ?? 0,
    closed: acc.closed,
    late: acc.late,
    closedAfterSuspension: acc.suspended,
    medianSeconds: round(percentileOf(acc.buckets, 0.5)),
    p95Seconds: round(percentileOf(acc.buckets, 0.95)),
    onTimeRate: acc.closed > 0 ? (acc.closed - acc.late) / acc.closed : null,
  });
  const breakdown = (dimension: Dimension) =>
    [...groups.entries()]
      .filter(([k]) => k.startsWith(`${dimension}\u0000`))
      .map(([k, acc]) => rowOf(dimension, k.slice(dimension.length + 1), acc))
      .sort((a, b) => b.breached - a.breached || b.atRisk - a.atRisk || b.late - a.late || a.key.localeCompare(b.key));
  return {
    at: now.toISOString(),
    from,
    to,
    region,
    totals: rowOf('all', '', groups.get('all\u0000') ?? { closed: 0, late: 0, suspended: 0, buckets: new Map() }),
    byService: breakdown('service'),
    byUnit: breakdown('unit'),
    byRegion: breakdown('region'),
    byChannel: breakdown('channel'),
  };
}

const round = (v: number | null) => (v === null ? null : Math.round(v));
