import type { ProblemCatalogue } from '../../../platform/problems.ts';

/**
 * Refusals of the risk profiles, decisions, re-routing, settings and trader facts (docs/risk.md).
 * The indicator's own faults are in indicator-check.ts, the price import's in price-errors.ts.
 */
export type RiskErrorCode =
  | 'RISK_PROFILE_NOT_FOUND'
  | 'RISK_PROFILE_CODE_TAKEN'
  | 'RISK_INDICATOR_INVALID'
  | 'RISK_VALIDITY_INVALID'
  | 'RISK_PROFILE_STATE_INVALID'
  | 'RISK_APPROVER_IS_AUTHOR'
  | 'RISK_PROFILE_OUTSIDE_VALIDITY'
  | 'RISK_DECISION_NOT_FOUND'
  | 'RISK_REROUTE_SAME_LANE'
  | 'RISK_REROUTE_REASON_REQUIRED'
  | 'RISK_REROUTE_TOO_LATE'
  | 'RISK_SETTINGS_INVALID'
  | 'RISK_FACT_INVALID'
  | 'RISK_PERIOD_INVALID';

export const riskProblems = {
  /** No profile (or no version of it) has this id or number. */
  RISK_PROFILE_NOT_FOUND: {
    status: 404,
    title: { tg: 'Профили хатар ёфт нашуд', ru: 'Профиль риска не найден', en: 'The risk profile is not found' },
  },
  /** Another profile already has this code: codes name profiles in decisions and reports. Choose another code. */
  RISK_PROFILE_CODE_TAKEN: {
    status: 409,
    title: { tg: 'Ин рамзи профил аллакай истифода шудааст', ru: 'Этот код профиля уже занят', en: 'This profile code is already taken' },
  },
  /** The indicator is not valid (art.428 i.12); `details.problems` lists each fault with its path and code (RISK_INDICATOR_*). */
  RISK_INDICATOR_INVALID: {
    status: 422,
    title: { tg: 'Индикатори хатар нодуруст аст', ru: 'Индикатор риска составлен неверно', en: 'The risk indicator is not valid' },
  },
  /** The validity period ends before it starts (art.429(2) p.2). */
  RISK_VALIDITY_INVALID: {
    status: 422,
    title: { tg: 'Мӯҳлати амали профил нодуруст аст', ru: 'Неверный срок действия профиля', en: 'The validity period is not valid' },
  },
  /** The step does not apply in the version's state (draft → approved → active → retired); `details.state` says where it is. */
  RISK_PROFILE_STATE_INVALID: {
    status: 409,
    title: {
      tg: 'Ин амал дар ҳолати ҷории профил иҷро намешавад',
      ru: 'Действие недоступно в текущем состоянии профиля',
      en: 'The step is not available in the profile’s state',
    },
  },
  /** Four eyes (CUS-RMS-21, docs/decisions.md): the author of a version cannot approve it; another risk analyst must. */
  RISK_APPROVER_IS_AUTHOR: {
    status: 403,
    title: {
      tg: 'Муаллифи профил онро тасдиқ карда наметавонад',
      ru: 'Автор профиля не может его утвердить',
      en: 'The author of a profile cannot approve it',
    },
  },
  /** A profile is activated only within its validity period (art.429(2) p.2); `details` gives the period. */
  RISK_PROFILE_OUTSIDE_VALIDITY: {
    status: 409,
    title: {
      tg: 'Имрӯз берун аз мӯҳлати амали профил аст',
      ru: 'Сегодня вне срока действия профиля',
      en: 'Today is outside the profile’s validity period',
    },
  },
  /** No lane decision has this id, or the subject has none yet. */
  RISK_DECISION_NOT_FOUND: {
    status: 404,
    title: { tg: 'Қарори хатар ёфт нашуд', ru: 'Решение СУР не найдено', en: 'The risk decision is not found' },
  },
  /** The declaration is already in that lane. */
  RISK_REROUTE_SAME_LANE: {
    status: 409,
    title: { tg: 'Эъломия аллакай дар ҳамин долон аст', ru: 'Декларация уже в этом коридоре', en: 'The declaration is already in that lane' },
  },
  /** A lower lane than the one in force needs a recorded reason (issue #6); an upward re-route does not. */
  RISK_REROUTE_REASON_REQUIRED: {
    status: 422,
    title: {
      tg: 'Барои паст кардани долон асос лозим аст',
      ru: 'Для понижения коридора нужно указать причину',
      en: 'Lowering the lane needs a reason',
    },
  },
  /** Only a declaration awaiting release (registered or under control) is re-routed; `details.state` is its state. */
  RISK_REROUTE_TOO_LATE: {
    status: 409,
    title: {
      tg: 'Долонро дигар иваз кардан мумкин нест',
      ru: 'Коридор больше нельзя изменить',
      en: 'The lane can no longer be changed',
    },
  },
  /** A rate is outside 0..1, or the expected rates add up to more than 1. */
  RISK_SETTINGS_INVALID: {
    status: 422,
    title: { tg: 'Танзимоти интихоб нодуруст аст', ru: 'Неверные настройки селективности', en: 'The selectivity settings are not valid' },
  },
  /** A trader fact is incomplete: arrears need an amount, a settlement is not before the decision, a CSV line is bad (`details.problems`). */
  RISK_FACT_INVALID: {
    status: 422,
    title: { tg: 'Маълумот дар бораи иштирокчӣ нодуруст аст', ru: 'Неверные сведения об участнике ВЭД', en: 'The trader fact is not valid' },
  },
  /** The period ends before it starts. */
  RISK_PERIOD_INVALID: {
    status: 422,
    title: { tg: 'Давра нодуруст аст', ru: 'Неверный период', en: 'The period is not valid' },
  },
} as const satisfies ProblemCatalogue<RiskErrorCode>;
