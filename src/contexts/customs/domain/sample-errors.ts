import type { ProblemCatalogue } from '../../../platform/problems.ts';

/** Refusals of sample permissions (art.127 p.1 i.2, CUS-DEC-18; docs/customs-declarant-requests.md). */
export type SampleErrorCode =
  | 'SAMPLE_PERMISSION_NOT_FOUND'
  | 'SAMPLE_PERMISSION_DECIDED'
  | 'SAMPLE_GOODS_NOT_IMPORTED'
  | 'SAMPLE_DECLARATION_NOT_DRAFT'
  | 'SAMPLE_CODE_UNKNOWN'
  | 'SAMPLE_QUANTITY_INVALID'
  | 'SAMPLE_REFUSAL_REASON_REQUIRED';

export const sampleProblems = {
  /** No permission with this number that you may see: check the number. */
  SAMPLE_PERMISSION_NOT_FOUND: {
    status: 404,
    title: { tg: 'Иҷозат барои гирифтани чошнӣ ва намунаҳо ёфт нашуд', ru: 'Разрешение на взятие проб и образцов не найдено', en: 'No such sample permission' },
  },
  /** The request was already granted or refused: a permission is decided once. */
  SAMPLE_PERMISSION_DECIDED: {
    status: 409,
    title: { tg: 'Оид ба дархост аллакай қарор қабул шудааст', ru: 'По запросу уже принято решение', en: 'The request is already decided' },
  },
  /** Art.127 p.1 i.2: samples are taken of goods imported into the customs territory; the declaration is an export. */
  SAMPLE_GOODS_NOT_IMPORTED: {
    status: 422,
    title: {
      tg: 'Намунаҳо танҳо аз моли воридшуда гирифта мешаванд',
      ru: 'Пробы и образцы берутся только из ввезённых товаров',
      en: 'Samples are taken only of imported goods',
    },
  },
  /** The samples are stated when the declaration is filed: ask before filing, while it is a draft. */
  SAMPLE_DECLARATION_NOT_DRAFT: {
    status: 409,
    title: {
      tg: 'Иҷозат то пешниҳоди эъломия пурсида мешавад',
      ru: 'Разрешение запрашивается до подачи декларации',
      en: 'Ask for the permission before the declaration is filed',
    },
  },
  /** A commodity code (`field`) is not in the nomenclature today. */
  SAMPLE_CODE_UNKNOWN: {
    status: 422,
    title: { tg: 'Рамзи мол дар номгӯй нест', ru: 'Код товара отсутствует в номенклатуре', en: 'The commodity code is not in the nomenclature' },
  },
  /** A quantity (`field`) is not a positive decimal with at most 3 decimals. */
  SAMPLE_QUANTITY_INVALID: {
    status: 422,
    title: { tg: 'Миқдори чошнӣ ва намуна нодуруст аст', ru: 'Неверное количество проб', en: 'The sample quantity is not valid' },
  },
  /** A refusal states its reason. */
  SAMPLE_REFUSAL_REASON_REQUIRED: {
    status: 422,
    title: { tg: 'Сабаби радкунӣ нишон дода нашудааст', ru: 'Не указана причина отказа', en: 'The reason for the refusal is missing' },
  },
} as const satisfies ProblemCatalogue<SampleErrorCode>;
