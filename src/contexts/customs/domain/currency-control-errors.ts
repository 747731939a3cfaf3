import type { ProblemCatalogue } from '../../../platform/problems.ts';

/** Refusals of currency-control rules and data (art.124 p.12, CUS-DEC-11; docs/customs-declarant-requests.md). */
export type CurrencyControlErrorCode =
  | 'CURRENCY_CONTROL_RULE_INVALID'
  | 'CURRENCY_CONTROL_RULE_PAST_DATED'
  | 'CURRENCY_CONTROL_DATA_INVALID'
  | 'CURRENCY_CONTROL_DECLARATION_FILED';

export const currencyControlProblems = {
  /** A rule's dates, regimes or fields (`field`) are not valid, or it overlaps a version of the same code. */
  CURRENCY_CONTROL_RULE_INVALID: {
    status: 422,
    title: {
      tg: 'Қоидаи назорати асъор нодуруст аст',
      ru: 'Неверное правило валютного контроля',
      en: 'The currency-control rule is not valid',
    },
  },
  /** A rule changes from today on: declarations already accepted were filed under the rule of their day. */
  CURRENCY_CONTROL_RULE_PAST_DATED: {
    status: 422,
    title: {
      tg: 'Қоида аз санаи гузашта тағйир дода намешавад',
      ru: 'Правило нельзя изменить задним числом',
      en: 'A rule cannot change in the past',
    },
  },
  /** A value (`field`) is not valid: a currency not in the reference data on the day, a date that is not a real day, an amount that is not positive. */
  CURRENCY_CONTROL_DATA_INVALID: {
    status: 422,
    title: {
      tg: 'Маълумоти назорати асъор нодуруст аст',
      ru: 'Неверные сведения для валютного контроля',
      en: 'The currency-control data are not valid',
    },
  },
  /** The data are given with the draft; a filed declaration changes only under art.133. */
  CURRENCY_CONTROL_DECLARATION_FILED: {
    status: 409,
    title: {
      tg: 'Эъломия аллакай пешниҳод шудааст',
      ru: 'Декларация уже подана',
      en: 'The declaration is already filed',
    },
  },
} as const satisfies ProblemCatalogue<CurrencyControlErrorCode>;
