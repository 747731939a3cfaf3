import type { ProblemCatalogue } from '../../../platform/problems.ts';

/** Refusals of form definitions (docs/customs-value.md, docs/errors.md). */
export type FormDefinitionErrorCode =
  | 'FORM_DEFINITION_INVALID'
  | 'FORM_DEFINITION_DATES_INVALID'
  | 'FORM_DEFINITION_PAST_DATED'
  | 'FORM_DEFINITION_OVERLAP'
  | 'FORM_DEFINITION_NOT_FOUND';

export const formDefinitionProblems = {
  /** A rule of the definition is malformed: `details.faults` lists every one with its path (`rules[2].pattern`). Correct them and publish again. */
  FORM_DEFINITION_INVALID: {
    status: 422,
    title: { tg: 'Қоидаҳои шакл нодурустанд', ru: 'Правила формы заданы неверно', en: 'The rules of the form are not valid' },
  },
  /** `validTo` is before `validFrom`. */
  FORM_DEFINITION_DATES_INVALID: {
    status: 422,
    title: { tg: 'Мӯҳлати амал нодуруст аст', ru: 'Неверный срок действия', en: 'The period of validity is not valid' },
  },
  /** A new version takes effect today at the earliest: declarations already filed were checked against the version then in force. */
  FORM_DEFINITION_PAST_DATED: {
    status: 422,
    title: {
      tg: 'Версияи нав аз рӯзи гузашта эътибор пайдо карда наметавонад',
      ru: 'Новая версия не может вступать в силу задним числом',
      en: 'A new version cannot take effect in the past',
    },
  },
  /** The new version shares days with a version that starts on or after it; publish it from a later day. */
  FORM_DEFINITION_OVERLAP: {
    status: 409,
    title: { tg: 'Мӯҳлатҳои версияҳо бо ҳам мепӯшанд', ru: 'Сроки действия версий пересекаются', en: 'The version overlaps another one' },
  },
  /** No definition of this kind is in force on that day. */
  FORM_DEFINITION_NOT_FOUND: {
    status: 404,
    title: { tg: 'Шакли амалкунанда ёфт нашуд', ru: 'Действующая форма не найдена', en: 'No form definition in force' },
  },
} satisfies ProblemCatalogue<FormDefinitionErrorCode>;
