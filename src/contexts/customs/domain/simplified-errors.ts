import type { ProblemCatalogue } from '../../../platform/problems.ts';

/** Refusals of simplified declaring of exports (art.137, CUS-DEC-75; docs/customs-declarant-requests.md). */
export type SimplifiedErrorCode =
  | 'SIMPLIFIED_REQUEST_NOT_FOUND'
  | 'SIMPLIFIED_REQUEST_DECIDED'
  | 'SIMPLIFIED_PERIOD_INVALID'
  | 'SIMPLIFIED_CODE_UNKNOWN'
  | 'SIMPLIFIED_OFFICE_NOT_COMPETENT'
  | 'SIMPLIFIED_REFUSAL_CONDITIONS_REQUIRED'
  | 'SIMPLIFIED_CONDITIONS_NOT_MET';

export const simplifiedProblems = {
  /** No request with this number that you may see: check the number. */
  SIMPLIFIED_REQUEST_NOT_FOUND: {
    status: 404,
    title: { tg: 'Дархост ёфт нашуд', ru: 'Запрос не найден', en: 'No such request' },
  },
  /** The request was already granted or refused. */
  SIMPLIFIED_REQUEST_DECIDED: {
    status: 409,
    title: { tg: 'Оид ба дархост аллакай қарор қабул шудааст', ru: 'По запросу уже принято решение', en: 'The request is already decided' },
  },
  /** The days asked for start before today or end before they start. */
  SIMPLIFIED_PERIOD_INVALID: {
    status: 422,
    title: { tg: 'Мӯҳлати дархост нодуруст аст', ru: 'Неверный срок запроса', en: 'The period of the request is not valid' },
  },
  /** A commodity code (`field`) is not in the nomenclature today. */
  SIMPLIFIED_CODE_UNKNOWN: {
    status: 422,
    title: { tg: 'Рамзи мол дар номгӯй нест', ru: 'Код товара отсутствует в номенклатуре', en: 'The commodity code is not in the nomenclature' },
  },
  /** The office is not in force or does not accept export declarations (art.125). */
  SIMPLIFIED_OFFICE_NOT_COMPETENT: {
    status: 422,
    title: {
      tg: 'Мақоми гумрукӣ эъломияҳои содиротро қабул намекунад',
      ru: 'Таможенный орган не принимает декларации на вывоз',
      en: 'The office does not accept export declarations',
    },
  },
  /** Art.137 p.3: a refusal states its reason and the conditions the declarant must meet to use the simplified procedure. */
  SIMPLIFIED_REFUSAL_CONDITIONS_REQUIRED: {
    status: 422,
    title: {
      tg: 'Сабаб ва шартҳои истифодаи тартиби содагардонидашуда нишон дода нашудаанд',
      ru: 'Не указаны причина и условия применения упрощённого порядка',
      en: 'The reason and the conditions to meet are missing',
    },
  },
  /**
   * Art.137 p.2: the simplified procedure cannot be granted: `details.conditions` names the unmet
   * conditions (`customs_payments_in_arrears`), `details.arrears` the unpaid references. Refuse it,
   * stating the conditions to meet (art.137 p.3).
   */
  SIMPLIFIED_CONDITIONS_NOT_MET: {
    status: 409,
    title: {
      tg: 'Шартҳои моддаи 137 қ.2 риоя нашудаанд',
      ru: 'Не соблюдены условия части 2 статьи 137',
      en: 'The conditions of art.137 p.2 are not met',
    },
  },
} as const satisfies ProblemCatalogue<SimplifiedErrorCode>;
