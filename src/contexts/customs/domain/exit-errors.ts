import type { ProblemCatalogue } from '../../../platform/problems.ts';

/**
 * Refusals of the exit data, retained originals, statistics, undertakings and free-zone withdrawals
 * (docs/customs-exit-statistics.md). A filing refused for goods already out is not here: it is the
 * reason `goods_already_exited` of DECLARATION_NOT_REGISTERABLE (ground 6 of art.132 p.4).
 */
export type ExitErrorCode =
  | 'EXIT_OFFICE_NOT_BORDER'
  | 'EXIT_TIME_INVALID'
  | 'EXIT_REFERENCE_REQUIRED'
  | 'EXIT_DECLARATION_NOT_FOUND'
  | 'EXIT_DECLARATION_NOT_RELEASED_EXPORT'
  | 'EXIT_RECORD_NOT_FOUND'
  | 'RETENTION_DECLARATION_NOT_FOUND'
  | 'RETENTION_NOT_AFTER_RELEASE'
  | 'RETENTION_DOCUMENT_TYPE_UNKNOWN'
  | 'RETENTION_COPY_NOT_FOUND'
  | 'RETENTION_NOT_FOUND'
  | 'RETENTION_ALREADY_RETURNED'
  | 'RETENTION_PERIOD_NOT_OVER'
  | 'RETENTION_ALREADY_ENDED'
  | 'STATISTICS_PERIOD_INVALID'
  | 'UNDERTAKING_NOT_FOUND'
  | 'UNDERTAKING_STATE_CONFLICT'
  | 'UNDERTAKING_PERIOD_TOO_LONG'
  | 'UNDERTAKING_NO_LIMIT'
  | 'UNDERTAKING_OFFICE_UNKNOWN'
  | 'UNDERTAKING_CHANNEL_INVALID'
  | 'UNDERTAKING_DECLARATION_INVALID'
  | 'FREE_ZONE_WITHDRAWAL_NOT_ALLOWED';

export const exitProblems = {
  /** Art.129 p.3: exit data come from a border customs office in force on the day of the exit; `details.officeCode`. */
  EXIT_OFFICE_NOT_BORDER: {
    status: 422,
    title: { tg: 'Мақоми гумрук сарҳадӣ нест', ru: 'Таможенный орган не является пограничным', en: 'The office is not a border customs office' },
  },
  /** The exit time is in the future. Record the exit once the goods have left. */
  EXIT_TIME_INVALID: {
    status: 422,
    title: { tg: 'Вақти баромадан нодуруст аст', ru: 'Неверное время убытия', en: 'The exit time is not valid' },
  },
  /** An exit names what left: a declaration, a transport document, or the exporter with commodity codes. */
  EXIT_REFERENCE_REQUIRED: {
    status: 422,
    title: {
      tg: 'Маълум нест, ки кадом мол баромад',
      ru: 'Не указано, какие товары убыли',
      en: 'The exit does not say which goods left',
    },
  },
  /** No registered declaration with this number. */
  EXIT_DECLARATION_NOT_FOUND: {
    status: 422,
    title: { tg: 'Эъломия ёфт нашуд', ru: 'Декларация не найдена', en: 'No such declaration' },
  },
  /** Art.134 p.3: the declaration named is not a released export declaration; `details.state`. Name the transport document instead. */
  EXIT_DECLARATION_NOT_RELEASED_EXPORT: {
    status: 422,
    title: {
      tg: 'Эъломия эъломияи барориши содирот нест',
      ru: 'Декларация не является выпущенной экспортной',
      en: 'The declaration is not a released export declaration',
    },
  },
  /** No exit record with this id. */
  EXIT_RECORD_NOT_FOUND: {
    status: 404,
    title: { tg: 'Сабти баромадан ёфт нашуд', ru: 'Запись об убытии не найдена', en: 'No such exit record' },
  },
  /** No registered declaration with this number. */
  RETENTION_DECLARATION_NOT_FOUND: {
    status: 422,
    title: { tg: 'Эъломия ёфт нашуд', ru: 'Декларация не найдена', en: 'No such declaration' },
  },
  /** Art.361 p.3: only originals received after release are recorded here; before release they are seen under art.63 p.13. */
  RETENTION_NOT_AFTER_RELEASE: {
    status: 409,
    title: { tg: 'Мол ҳанӯз барориш нашудааст', ru: 'Товары ещё не выпущены', en: 'The goods are not released yet' },
  },
  /** The document type is not in the reference data in force. */
  RETENTION_DOCUMENT_TYPE_UNKNOWN: {
    status: 422,
    title: { tg: 'Навъи ҳуҷҷат маълум нест', ru: 'Неизвестный вид документа', en: 'Unknown document type' },
  },
  /** The copy named by its SHA-256 was not uploaded (POST /api/customs/documents first). */
  RETENTION_COPY_NOT_FOUND: {
    status: 422,
    title: { tg: 'Нусхаи электронӣ ёфт нашуд', ru: 'Электронная копия не найдена', en: 'No such electronic copy' },
  },
  /** No retained original with this id (or not yours). */
  RETENTION_NOT_FOUND: {
    status: 404,
    title: { tg: 'Ҳуҷҷати аслӣ ёфт нашуд', ru: 'Оригинал документа не найден', en: 'No such retained original' },
  },
  /** The original was returned already; `details.returnedAt`. */
  RETENTION_ALREADY_RETURNED: {
    status: 409,
    title: { tg: 'Ҳуҷҷат аллакай баргардонида шудааст', ru: 'Документ уже возвращён', en: 'The original was returned already' },
  },
  /** Art.361 p.3: five years from registration have not passed; `details.retainUntil`. Nothing leaves retention before. */
  RETENTION_PERIOD_NOT_OVER: {
    status: 409,
    title: { tg: 'Мӯҳлати панҷсолаи нигоҳдорӣ нагузаштааст', ru: 'Пятилетний срок хранения не истёк', en: 'The five years of retention are not over' },
  },
  /** The retention of this record has ended already. */
  RETENTION_ALREADY_ENDED: {
    status: 409,
    title: { tg: 'Нигоҳдорӣ аллакай анҷом ёфтааст', ru: 'Хранение уже завершено', en: 'The retention has ended already' },
  },
  /** The months asked run backwards or span more than ten years. */
  STATISTICS_PERIOD_INVALID: {
    status: 422,
    title: { tg: 'Давра нодуруст аст', ru: 'Неверный период', en: 'The period is not valid' },
  },
  /** No undertaking with this number (or not yours). */
  UNDERTAKING_NOT_FOUND: {
    status: 404,
    title: { tg: 'Ӯҳдадорӣ ёфт нашуд', ru: 'Обязательство не найдено', en: 'No such undertaking' },
  },
  /** The undertaking's state does not allow this step; `details.state`. Read it again. */
  UNDERTAKING_STATE_CONFLICT: {
    status: 409,
    title: {
      tg: 'Дар ҳолати ҷории ӯҳдадорӣ ин амал иҷозат нест',
      ru: 'В текущем состоянии обязательства действие недопустимо',
      en: 'The undertaking’s state does not allow this step',
    },
  },
  /** Art.150 p.2 as amended: the period is "no more than" the limit in force; `details.maxDays`. Give a shorter period. */
  UNDERTAKING_PERIOD_TOO_LONG: {
    status: 422,
    title: { tg: 'Мӯҳлат аз ҳадди иҷозатдодашуда зиёд аст', ru: 'Срок превышает допустимый', en: 'The period exceeds the limit' },
  },
  /** AMB-18: no limit of art.150 is recorded for the day; customs records one (POST /api/customs/undertaking-parameters). */
  UNDERTAKING_NO_LIMIT: {
    status: 409,
    title: { tg: 'Ҳадди мӯҳлат муқаррар нашудааст', ru: 'Предельный срок не установлен', en: 'No period limit is in force' },
  },
  /** The customs office code is not in the reference data. */
  UNDERTAKING_OFFICE_UNKNOWN: {
    status: 422,
    title: { tg: 'Мақоми гумрук маълум нест', ru: 'Неизвестный таможенный орган', en: 'Unknown customs office' },
  },
  /** A declarant gives an electronic undertaking itself; customs records a written one, naming the declarant. */
  UNDERTAKING_CHANNEL_INVALID: {
    status: 422,
    title: { tg: 'Шакли ӯҳдадорӣ нодуруст аст', ru: 'Неверная форма обязательства', en: 'The form of the undertaking is not valid' },
  },
  /** The declaration named is not a registered declaration of the same declarant and direction; `details.reason`. */
  UNDERTAKING_DECLARATION_INVALID: {
    status: 422,
    title: {
      tg: 'Эъломия ӯҳдадориро иҷро намекунад',
      ru: 'Декларация не исполняет обязательство',
      en: 'The declaration does not fulfil the undertaking',
    },
  },
  /** Art.134 p.5: the withdrawal to complete a free zone or free warehouse regime is not open; `details.reasons` lists every reason. */
  FREE_ZONE_WITHDRAWAL_NOT_ALLOWED: {
    status: 422,
    title: {
      tg: 'Бозхонд барои анҷоми низоми минтақаи озод имконнопазир аст',
      ru: 'Отзыв для завершения режима свободной зоны невозможен',
      en: 'The withdrawal to complete the free zone regime is not allowed',
    },
  },
} satisfies ProblemCatalogue<ExitErrorCode>;
