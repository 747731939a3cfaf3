import type { ProblemCatalogue } from '../../../platform/problems.ts';

/** Refusals of results of tests of samples (art.127 p.1 i.4, CUS-DEC-20; docs/customs-declarant-requests.md). */
export type LabResultErrorCode = 'LAB_RESULT_EXPERTISE_NOT_FOUND' | 'LAB_RESULT_ITEM_UNKNOWN' | 'LAB_RESULT_DATE_INVALID';

export const labResultProblems = {
  /** The control event named is not an expertise order (`expertise_ordered`) of this declaration: record the order first. */
  LAB_RESULT_EXPERTISE_NOT_FOUND: {
    status: 422,
    title: {
      tg: 'Қарор дар бораи таъини экспертиза ёфт нашуд',
      ru: 'Решение о назначении экспертизы не найдено',
      en: 'No such expertise order for this declaration',
    },
  },
  /** An item number (`field`) is not an item of the declaration. */
  LAB_RESULT_ITEM_UNKNOWN: {
    status: 422,
    title: { tg: 'Дар эъломия чунин мол нест', ru: 'В декларации нет такого товара', en: 'The declaration has no such item' },
  },
  /** The report date is not a real day, or it is in the future or before the expertise was ordered. */
  LAB_RESULT_DATE_INVALID: {
    status: 422,
    title: { tg: 'Санаи хулоса нодуруст аст', ru: 'Неверная дата заключения', en: 'The report date is not valid' },
  },
} as const satisfies ProblemCatalogue<LabResultErrorCode>;
