import type { ProblemCatalogue } from '../../../platform/problems.ts';

/** Refusals of customs escort (docs/customs-audits.md, docs/errors.md). */
export type EscortErrorCode =
  | 'ESCORT_NOT_FOUND'
  | 'ESCORT_STATE_CONFLICT'
  | 'ESCORT_NO_GROUND'
  | 'ESCORT_CARRIAGE_REFERENCE_REQUIRED'
  | 'ESCORT_OFFICE_UNKNOWN'
  | 'ESCORT_ROUTE_INVALID'
  | 'ESCORT_DECLARATION_NOT_FOUND'
  | 'ESCORT_GUARANTEE_NOT_FOUND'
  | 'ESCORT_RISK_DECISION_UNKNOWN'
  | 'ESCORT_PAYER_REQUIRED'
  | 'ESCORT_CARRIER_TIN_REQUIRED'
  | 'ESCORT_FEE_TABLE_MISSING'
  | 'ESCORT_FEE_TABLE_INVALID'
  | 'ESCORT_FEE_PAST_DATED'
  | 'ESCORT_START_INVALID'
  | 'ESCORT_LATE_REASON_REQUIRED';

export const escortProblems = {
  /** No escort with this number, or (for a carrier) not its own. */
  ESCORT_NOT_FOUND: {
    status: 404,
    title: { tg: 'Мушоияти гумрукӣ ёфт нашуд', ru: 'Таможенное сопровождение не найдено', en: 'No such customs escort' },
  },
  /** The escort's state does not allow this step (catalog 3.4); `details.state` gives the state. */
  ESCORT_STATE_CONFLICT: {
    status: 409,
    title: {
      tg: 'Дар ҳолати ҷории мушоият ин амал иҷозат нест',
      ru: 'В текущем состоянии сопровождения действие недопустимо',
      en: 'The escort’s state does not allow this step',
    },
  },
  /** Art.402(1) p.2: none of the grounds holds for this carriage; `details` gives the facts evaluated. */
  ESCORT_NO_GROUND: {
    status: 422,
    title: {
      tg: 'Барои мушоияти гумрукӣ асоси қонунӣ нест',
      ru: 'Нет установленного законом основания для таможенного сопровождения',
      en: 'No ground of the law for customs escort holds',
    },
  },
  /** The carriage is identified by its transit number or its declaration number: give one. */
  ESCORT_CARRIAGE_REFERENCE_REQUIRED: {
    status: 422,
    title: {
      tg: 'Рақами транзит ё декларатсияро нишон диҳед',
      ru: 'Укажите номер транзита или декларации',
      en: 'Give the transit or declaration number',
    },
  },
  /** An office of the route is not in the reference data. */
  ESCORT_OFFICE_UNKNOWN: {
    status: 422,
    title: { tg: 'Мақоми гумрук маълум нест', ru: 'Неизвестный таможенный орган', en: 'Unknown customs office' },
  },
  /** The route starts and ends at the same office. */
  ESCORT_ROUTE_INVALID: {
    status: 422,
    title: { tg: 'Хатсайр нодуруст аст', ru: 'Неверный маршрут', en: 'The route is not valid' },
  },
  /** The declaration number is not registered. */
  ESCORT_DECLARATION_NOT_FOUND: {
    status: 422,
    title: { tg: 'Декларатсия ёфт нашуд', ru: 'Декларация не найдена', en: 'No such declaration' },
  },
  /** The guarantee reference is not in the guarantee registry. */
  ESCORT_GUARANTEE_NOT_FOUND: {
    status: 422,
    title: { tg: 'Таъминот ёфт нашуд', ru: 'Обеспечение не найдено', en: 'No such guarantee' },
  },
  /** The risk management decision was not received with an escort measure. */
  ESCORT_RISK_DECISION_UNKNOWN: {
    status: 422,
    title: {
      tg: 'Қарори низоми идораи таваккал бо тадбири мушоият ёфт нашуд',
      ru: 'Решение системы управления рисками с мерой «сопровождение» не найдено',
      en: 'No risk management decision with an escort measure has this id',
    },
  },
  /** The fee is charged to a TIN: the carrier has none, so name the payer. */
  ESCORT_PAYER_REQUIRED: {
    status: 422,
    title: {
      tg: 'Пардохткунандаи хироҷ (РМА) лозим аст',
      ru: 'Укажите плательщика сбора (ИНН)',
      en: 'Name the fee payer’s TIN',
    },
  },
  /** An electronic notice goes to the carrier's cabinet, which needs its TIN; inform it otherwise. */
  ESCORT_CARRIER_TIN_REQUIRED: {
    status: 422,
    title: {
      tg: 'Барои огоҳиномаи электронӣ РМА-и интиқолдиҳанда лозим аст',
      ru: 'Для электронного уведомления нужен ИНН перевозчика',
      en: 'An electronic notice needs the carrier’s TIN',
    },
  },
  /** Art.402(1) p.4: no escort fee table is in force on the day of the decision. */
  ESCORT_FEE_TABLE_MISSING: {
    status: 422,
    title: {
      tg: 'Ҷадвали хироҷи мушоият дар ин сана амал намекунад',
      ru: 'На эту дату нет действующей таблицы сборов за сопровождение',
      en: 'No escort fee table is in force on that day',
    },
  },
  /** The bands must start at 0 km and follow each other without gaps or overlaps; only the last is open-ended; amounts are positive. */
  ESCORT_FEE_TABLE_INVALID: {
    status: 422,
    title: { tg: 'Ҷадвали хироҷ нодуруст аст', ru: 'Неверная таблица сборов', en: 'The fee table is not valid' },
  },
  /** A fee table starts today or later and after every table already entered. */
  ESCORT_FEE_PAST_DATED: {
    status: 422,
    title: {
      tg: 'Ҷадвал бояд аз имрӯз ё баъд амал кунад',
      ru: 'Таблица должна действовать с сегодняшнего дня или позже',
      en: 'A fee table starts today or later',
    },
  },
  /** The planned start of the escort is before the decision. */
  ESCORT_START_INVALID: {
    status: 422,
    title: { tg: 'Вақти оғози мушоият нодуруст аст', ru: 'Неверное время начала сопровождения', en: 'The escort’s start is not valid' },
  },
  /** Art.402(1) p.3: informed or organised after the 24 hours: recorded as late, with the reason. */
  ESCORT_LATE_REASON_REQUIRED: {
    status: 422,
    title: {
      tg: 'Мӯҳлати 24 соат гузаштааст: сабабро нишон диҳед',
      ru: '24 часа истекли: укажите причину',
      en: 'The 24 hours are over: give the reason',
    },
  },
} as const satisfies ProblemCatalogue<EscortErrorCode>;
