import type { Localised } from '../../../platform/i18n.ts';

/**
 * The "Evaluation of service quality" module (A1 p.12, A1 p.16(4), note 1 to Annex 2; TS-14,
 * TS-41): a short survey after a closed request, or a rating of a unit and its staff with remarks
 * and proposals. Pure: the questions, and the arithmetic of their aggregates.
 */

/** The four questions, each scored 1 (very poor) … 5 (excellent). */
export const RATING_QUESTIONS = ['overall', 'courtesy', 'clarity', 'timeliness'] as const;
export type RatingQuestion = (typeof RATING_QUESTIONS)[number];
export type Survey = { readonly [Q in RatingQuestion]: number };

export const QUESTION_NAMES: Readonly<Record<RatingQuestion, Localised>> = {
  overall: { tg: 'Баҳои умумӣ', ru: 'Общая оценка', en: 'Overall' },
  // A1 p.9(3): courtesy and the ethics of civil servants.
  courtesy: { tg: 'Хушмуомилагӣ', ru: 'Вежливость', en: 'Courtesy' },
  // A1 p.9(1): complete information on how the service proceeds.
  clarity: { tg: 'Равшании маълумот', ru: 'Ясность разъяснений', en: 'Clarity' },
  timeliness: { tg: 'Саривақтӣ', ru: 'Своевременность', en: 'Timeliness' },
};

export const SCORE_MIN = 1;
export const SCORE_MAX = 5;
/** A rating of 4 or 5 counts as satisfied. */
export const SATISFIED_FROM = 4;

export const isScore = (n: number): boolean => Number.isInteger(n) && n >= SCORE_MIN && n <= SCORE_MAX;

/** Only a closed request can be rated: its service was delivered, or refused in writing. */
export const isRatable = (status: string): boolean => status === 'completed' || status === 'rejected';

/** The sums a query returns for one group of ratings. */
export type RatingSums = {
  readonly count: number;
  readonly overall: number;
  readonly courtesy: number;
  readonly clarity: number;
  readonly timeliness: number;
  readonly satisfied: number;
  /** How many gave each overall score, index 0 for 1 … index 4 for 5. */
  readonly distribution: readonly number[];
};

/** Mean scores (to two decimals) and the share of satisfied raters; null where nobody rated. */
export type RatingAggregate = {
  readonly count: number;
  readonly overall: number | null;
  readonly courtesy: number | null;
  readonly clarity: number | null;
  readonly timeliness: number | null;
  readonly satisfiedShare: number | null;
  readonly distribution: readonly number[];
};

const mean = (sum: number, count: number) => (count > 0 ? Math.round((sum / count) * 100) / 100 : null);

export function aggregateOf(s: RatingSums): RatingAggregate {
  return {
    count: s.count,
    overall: mean(s.overall, s.count),
    courtesy: mean(s.courtesy, s.count),
    clarity: mean(s.clarity, s.count),
    timeliness: mean(s.timeliness, s.count),
    satisfiedShare: s.count > 0 ? Math.round((s.satisfied / s.count) * 10_000) / 10_000 : null,
    distribution: Array.from({ length: SCORE_MAX }, (_, i) => s.distribution[i] ?? 0),
  };
}

export const NO_RATINGS: RatingSums = { count: 0, overall: 0, courtesy: 0, clarity: 0, timeliness: 0, satisfied: 0, distribution: [0, 0, 0, 0, 0] };

/** Adds the sums of two groups (a year from its months, a region from its units). */
export function addSums(a: RatingSums, b: RatingSums): RatingSums {
  return {
    count: a.count + b.count,
    overall: a.overall + b.overall,
    courtesy: a.courtesy + b.courtesy,
    clarity: a.clarity + b.clarity,
    timeliness: a.timeliness + b.timeliness,
    satisfied: a.satisfied + b.satisfied,
    distribution: Array.from({ length: SCORE_MAX }, (_, i) => (a.distribution[i] ?? 0) + (b.distribution[i] ?? 0)),
  };
}
