import type { Localised } from '../../../platform/i18n.ts';
import { COMPLAINT_SERVICES } from './complaint.ts';
import { percentileOf } from './percentiles.ts';
import { aggregateOf, RATING_QUESTIONS, type RatingSums } from './rating.ts';
import type { Channel, ServiceGroup } from './types.ts';

/**
 * The quality and accessibility indicators by which the tax authorities are evaluated once a year
 * (A1 p.10-11; TS-12, TS-13, TS-34), published in "Boju khiroj" and on www.andoz.tj. The Standard
 * names no indicator: these are our proposal, each with its formula, computed from the request
 * register, the complaints register and the ratings (docs/tax-services-complaints.md).
 */

/** Channels through which a request arrives without a visit or a call (TS-26). */
export const ELECTRONIC_CHANNELS: readonly Channel[] = ['cabinet', 'terminal', 'email', 'chat', 'complaint_book'];

export type IndicatorUnit = 'share' | 'seconds' | 'score' | 'per_1000' | 'count';

export type IndicatorDefinition = {
  readonly code: string;
  readonly name: Localised;
  readonly formula: Localised;
  readonly unit: IndicatorUnit;
  /** What the `scope` of a value names: the whole year's total, a service group (TS-09), a question, a channel. */
  readonly scopes: 'all' | 'all_and_groups' | 'questions' | 'all_and_channels';
};

export const INDICATORS: readonly IndicatorDefinition[] = [
  {
    code: 'QI-01',
    name: { tg: 'Ҳиссаи хизматрасониҳои саривақтӣ', ru: 'Доля услуг, оказанных в срок', en: 'On-time rate' },
    formula: {
      tg: '(дархостҳои дар сол анҷомёфта − бо вайрони мӯҳлат) ÷ дархостҳои дар сол анҷомёфта',
      ru: '(обращения, закрытые за год − закрытые с нарушением срока) ÷ обращения, закрытые за год',
      en: '(requests closed in the year − those closed after their legal deadline) ÷ requests closed in the year',
    },
    unit: 'share',
    scopes: 'all_and_groups',
  },
  {
    code: 'QI-02',
    name: { tg: 'Медианаи мӯҳлати иҷро', ru: 'Медиана срока исполнения', en: 'Median completion time' },
    formula: {
      tg: 'медианаи вақти софи иҷро (бе боздоштҳо), сония, бо дақиқии 2,5 %',
      ru: 'медиана чистого времени исполнения (без приостановок), секунд, с точностью 2,5 %',
      en: 'median net completion time (suspensions excluded), seconds, to within 2.5 %',
    },
    unit: 'seconds',
    scopes: 'all_and_groups',
  },
  {
    code: 'QI-03',
    name: { tg: 'Персентили 95-уми мӯҳлати иҷро', ru: '95-й процентиль срока исполнения', en: '95th percentile of completion time' },
    formula: {
      tg: 'персентили 95-уми вақти софи иҷро, сония',
      ru: '95-й процентиль чистого времени исполнения, секунд',
      en: '95th percentile of net completion time, seconds',
    },
    unit: 'seconds',
    scopes: 'all_and_groups',
  },
  {
    code: 'QI-04',
    name: { tg: 'Шумораи дархостҳои қабулшуда', ru: 'Число принятых обращений', en: 'Requests received' },
    formula: { tg: 'дархостҳое, ки дар сол қабул шудаанд', ru: 'обращения, принятые за год', en: 'requests received in the year' },
    unit: 'count',
    scopes: 'all_and_channels',
  },
  {
    code: 'QI-05',
    name: { tg: 'Ҳиссаи шабакаҳои электронӣ', ru: 'Доля электронных каналов', en: 'Share of electronic channels' },
    formula: {
      tg: 'дархостҳо тавассути ҳуҷраи шахсӣ, терминал, почтаи электронӣ, чат ва Китоби шикоятҳо ÷ ҳамаи дархостҳои қабулшуда',
      ru: 'обращения через личный кабинет, терминал, e-mail, чат и Книгу жалоб ÷ все принятые обращения',
      en: 'requests through the personal cabinet, terminals, e-mail, chat and the Book of complaints ÷ all requests received',
    },
    unit: 'share',
    scopes: 'all',
  },
  {
    code: 'QI-06',
    name: { tg: 'Баҳои миёна', ru: 'Средняя оценка', en: 'Average rating' },
    formula: {
      tg: 'суммаи баҳоҳо (1–5) ÷ шумораи баҳоҳо, барои ҳар савол',
      ru: 'сумма оценок (1–5) ÷ число оценок, по каждому вопросу',
      en: 'sum of scores (1–5) ÷ number of ratings, per question',
    },
    unit: 'score',
    scopes: 'questions',
  },
  {
    code: 'QI-07',
    name: { tg: 'Ҳиссаи қаноатмандон', ru: 'Доля удовлетворённых', en: 'Share of satisfied raters' },
    formula: { tg: 'баҳоҳои умумии 4 ва 5 ÷ ҳамаи баҳоҳо', ru: 'общие оценки 4 и 5 ÷ все оценки', en: 'overall scores of 4 or 5 ÷ all ratings' },
    unit: 'share',
    scopes: 'all',
  },
  {
    code: 'QI-08',
    name: { tg: 'Шикоятҳо ба 1000 дархост', ru: 'Жалобы на 1000 обращений', en: 'Complaints per 1,000 requests' },
    formula: {
      tg: 'шикоятҳо ва муроҷиатҳои қабулшуда (11.11.01, 11.11.02, 11.11.04, 11.11.05) × 1000 ÷ дигар дархостҳои қабулшуда',
      ru: 'принятые жалобы и обращения (11.11.01, 11.11.02, 11.11.04, 11.11.05) × 1000 ÷ прочие принятые обращения',
      en: 'complaints and appeals received (11.11.01, 11.11.02, 11.11.04, 11.11.05) × 1,000 ÷ other requests received',
    },
    unit: 'per_1000',
    scopes: 'all',
  },
  {
    code: 'QI-09',
    name: { tg: 'Ҳиссаи шикоятҳои саривақт ҷавобдодашуда', ru: 'Доля жалоб, отвеченных в срок', en: 'Complaints answered on time' },
    formula: {
      tg: 'шикоятҳое, ки дар сол дар мӯҳлат ҷавоб дода шудаанд ÷ шикоятҳое, ки дар сол ҷавоб дода шудаанд',
      ru: 'жалобы, отвеченные за год в срок ÷ жалобы, отвеченные за год',
      en: 'complaints answered in the year within their deadline ÷ complaints answered in the year',
    },
    unit: 'share',
    scopes: 'all',
  },
];

export type IndicatorInputs = {
  readonly year: number;
  /** Requests received in the year by service key and channel (internal requests such as the 10.10.03 note left out). */
  readonly received: readonly { readonly serviceKey: string; readonly channel: string; readonly count: number }[];
  /** Requests closed in the year: per service key and log-scale bucket of net time (percentiles.ts), how many and how many late. */
  readonly closed: readonly { readonly serviceKey: string; readonly bucket: number; readonly closed: number; readonly late: number }[];
  readonly ratings: RatingSums;
  readonly complaintsAnswered: number;
  readonly complaintsAnsweredLate: number;
};

export type IndicatorValue = {
  readonly code: string;
  readonly scope: string;
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
};

export type AnnualIndicators = { readonly year: number; readonly values: readonly IndicatorValue[] };

const share = (n: number, d: number) => (d > 0 ? Math.round((n / d) * 10_000) / 10_000 : null);
const groupOf = (serviceKey: string) => `${serviceKey.slice(0, 2)}.00.00`;
const isComplaint = (key: string) => (COMPLAINT_SERVICES as readonly string[]).includes(key);
const value = (code: string, scope: string, v: number | null, numerator: number | null = null, denominator: number | null = null): IndicatorValue => ({
  code,
  scope,
  value: v,
  numerator,
  denominator,
});

type Closed = { closed: number; late: number; buckets: Map<number, number> };

function closedBy(inputs: IndicatorInputs): Map<string, Closed> {
  const by = new Map<string, Closed>();
  for (const row of inputs.closed) {
    for (const scope of ['all', groupOf(row.serviceKey)]) {
      let acc = by.get(scope);
      if (!acc) by.set(scope, (acc = { closed: 0, late: 0, buckets: new Map() }));
      acc.closed += row.closed;
      acc.late += row.late;
      acc.buckets.set(row.bucket, (acc.buckets.get(row.bucket) ?? 0) + row.closed);
    }
  }
  return by;
}

const rounded = (v: number | null) => (v === null ? null : Math.round(v));

/** Computes every indicator of INDICATORS for a year; `groups` are the service groups of TS-09, in order. */
export function computeIndicators(inputs: IndicatorInputs, groups: readonly ServiceGroup[]): AnnualIndicators {
  const closed = closedBy(inputs);
  const scopes = ['all', ...groups.map((g) => g.code)];
  const values: IndicatorValue[] = [];
  for (const scope of scopes) {
    const c = closed.get(scope) ?? { closed: 0, late: 0, buckets: new Map<number, number>() };
    values.push(value('QI-01', scope, share(c.closed - c.late, c.closed), c.closed - c.late, c.closed));
    values.push(value('QI-02', scope, rounded(percentileOf(c.buckets, 0.5)), null, c.closed));
    values.push(value('QI-03', scope, rounded(percentileOf(c.buckets, 0.95)), null, c.closed));
  }
  const total = inputs.received.reduce((n, r) => n + r.count, 0);
  values.push(value('QI-04', 'all', total));
  const byChannel = new Map<string, number>();
  for (const r of inputs.received) byChannel.set(r.channel, (byChannel.get(r.channel) ?? 0) + r.count);
  for (const [channel, n] of [...byChannel.entries()].sort(([a], [b]) => a.localeCompare(b))) values.push(value('QI-04', channel, n));
  const electronic = inputs.received.filter((r) => (ELECTRONIC_CHANNELS as readonly string[]).includes(r.channel)).reduce((n, r) => n + r.count, 0);
  values.push(value('QI-05', 'all', share(electronic, total), electronic, total));
  const ratings = aggregateOf(inputs.ratings);
  for (const q of RATING_QUESTIONS) values.push(value('QI-06', q, ratings[q], inputs.ratings[q], inputs.ratings.count));
  values.push(value('QI-07', 'all', ratings.satisfiedShare, inputs.ratings.satisfied, inputs.ratings.count));
  const complaints = inputs.received.filter((r) => isComplaint(r.serviceKey)).reduce((n, r) => n + r.count, 0);
  const others = total - complaints;
  values.push(value('QI-08', 'all', others > 0 ? Math.round(((complaints * 1000) / others) * 100) / 100 : null, complaints, others));
  const onTime = inputs.complaintsAnswered - inputs.complaintsAnsweredLate;
  values.push(value('QI-09', 'all', share(onTime, inputs.complaintsAnswered), onTime, inputs.complaintsAnswered));
  return { year: inputs.year, values };
}

/** One CSV or table row per value, with the indicator's name, unit and formula (for "Boju khiroj" and www.andoz.tj). */
export function indicatorRows(indicators: AnnualIndicators): Record<string, string | number | null>[] {
  const byCode = new Map(INDICATORS.map((d) => [d.code, d]));
  return indicators.values.map((v) => {
    const d = byCode.get(v.code);
    return {
      year: indicators.year,
      code: v.code,
      name_tg: d?.name.tg ?? '',
      name_ru: d?.name.ru ?? '',
      name_en: d?.name.en ?? '',
      scope: v.scope,
      value: v.value,
      unit: d?.unit ?? '',
      numerator: v.numerator,
      denominator: v.denominator,
      formula_en: d?.formula.en ?? '',
    };
  });
}
