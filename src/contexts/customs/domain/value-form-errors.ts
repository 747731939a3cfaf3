import type { ProblemCatalogue } from '../../../platform/problems.ts';

/** Refusals of the customs value form and of customs value communications (docs/customs-value.md, docs/errors.md). */
export type ValueFormErrorCode =
  | 'VALUE_FORM_INVALID'
  | 'VALUE_FORM_STATE_INVALID'
  | 'VALUE_COMMUNICATION_INVALID'
  | 'VALUE_COMMUNICATION_NOT_FOUND'
  | 'VALUE_COMMUNICATION_STATE_INVALID';

export const valueFormProblems = {
  /**
   * Art.362 p.1 (CUS-REG-10): the form breaks the filling rules in force, names a document that was
   * not uploaded or of an unknown type, or differs from the declaration's valuation; `details.reasons`
   * lists every reason at once with its field. A different value is declared by amending the declaration (art.133).
   */
  VALUE_FORM_INVALID: {
    status: 422,
    title: {
      tg: 'Варақаи арзиши гумрукӣ нодуруст пур карда шудааст',
      ru: 'Бланк таможенной стоимости заполнен неверно',
      en: 'The customs value form is not filled in correctly',
    },
  },
  /** The declaration was not accepted, was withdrawn, or its release was refused or annulled: there is no customs value to declare. */
  VALUE_FORM_STATE_INVALID: {
    status: 409,
    title: {
      tg: 'Дар ҳолати ҷории эъломия варақа қабул намешавад',
      ru: 'В текущем состоянии декларации бланк не принимается',
      en: 'The declaration’s state does not allow a value form',
    },
  },
  /**
   * Art.364-365 (CUS-REG-11): the communication breaks a rule: who may record it on which channel,
   * what it answers, the decision, the times sent and delivered, or a document not uploaded; `details.reasons` lists them.
   */
  VALUE_COMMUNICATION_INVALID: {
    status: 422,
    title: { tg: 'Мукотиба нодуруст аст', ru: 'Неверное сообщение', en: 'The communication is not valid' },
  },
  /** No such communication on this declaration. */
  VALUE_COMMUNICATION_NOT_FOUND: {
    status: 404,
    title: { tg: 'Мукотиба ёфт нашуд', ru: 'Сообщение не найдено', en: 'No such communication' },
  },
  /** The declaration is still a draft (customs value is controlled after filing), or the delivery of the communication is already recorded or not recordable (electronic). */
  VALUE_COMMUNICATION_STATE_INVALID: {
    status: 409,
    title: {
      tg: 'Ин амал дар ҳолати ҷорӣ иҷозат нест',
      ru: 'Действие недопустимо в текущем состоянии',
      en: 'Not allowed in the current state',
    },
  },
} satisfies ProblemCatalogue<ValueFormErrorCode>;
