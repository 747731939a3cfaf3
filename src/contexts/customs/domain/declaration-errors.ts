import type { ProblemCatalogue } from '../../../platform/problems.ts';

/** Refusals of the goods declaration (docs/customs-declarations.md, docs/errors.md). */
export type DeclarationErrorCode =
  | 'DECLARATION_NOT_FOUND'
  | 'DECLARATION_DATA_INVALID'
  | 'DECLARATION_NOT_REGISTERABLE'
  | 'DECLARATION_STATE_INVALID'
  | 'DECLARATION_NOT_YOURS'
  | 'DECLARATION_SIGNATURE_INVALID'
  | 'DECLARATION_DOCUMENT_INVALID'
  | 'DECLARATION_PAPER_WITHOUT_OUTAGE'
  | 'DECLARATION_AMENDMENT_NOT_ALLOWED'
  | 'DECLARATION_WITHDRAWAL_NOT_ALLOWED'
  | 'DECLARATION_RELEASE_CONDITIONS_UNMET'
  | 'DECLARATION_REFUSAL_TOO_LATE'
  | 'DECLARATION_REFUSAL_GROUND_INVALID'
  | 'DECLARATION_REQUEST_NOT_FOUND'
  | 'TRUSTED_ISSUER_INVALID';

export const declarationProblems = {
  /** No declaration with this id or number that you may see. */
  DECLARATION_NOT_FOUND: {
    status: 404,
    title: { tg: 'Эъломия ёфт нашуд', ru: 'Декларация не найдена', en: 'No such declaration' },
  },
  /** The declaration's data break a rule of form: `field` names the first, `details.problems` all of them. */
  DECLARATION_DATA_INVALID: {
    status: 422,
    title: { tg: 'Маълумоти эъломия нодуруст аст', ru: 'Неверные сведения декларации', en: 'The declaration data are not valid' },
  },
  /**
   * Art.132 p.4 (AMB-05): the declaration cannot be registered; `details.reasons` lists every
   * reason at once, each with the ground (1-6) of art.132 p.4, a code and the field.
   */
  DECLARATION_NOT_REGISTERABLE: {
    status: 422,
    title: { tg: 'Эъломия ба қайд гирифта намешавад', ru: 'Декларация не может быть зарегистрирована', en: 'The declaration cannot be registered' },
  },
  /** The declaration is not in a state where this step is allowed (catalog 3.1). */
  DECLARATION_STATE_INVALID: {
    status: 409,
    title: {
      tg: 'Ин амал дар ҳолати ҷории эъломия иҷозат нест',
      ru: 'Действие недопустимо в текущем состоянии декларации',
      en: 'Not allowed in the declaration’s current state',
    },
  },
  /** Only the declarant, or the broker filing for it, acts on its declaration. */
  DECLARATION_NOT_YOURS: {
    status: 403,
    title: { tg: 'Ин эъломияи шумо нест', ru: 'Это не ваша декларация', en: 'This is not your declaration' },
  },
  /**
   * Art.124 p.8 (CUS-DEC-08): the electronic signature does not verify, its certificate is not from a
   * trusted issuer or not in force, or it is not the declarant’s or the broker’s; `details.fault` says which.
   */
  DECLARATION_SIGNATURE_INVALID: {
    status: 422,
    title: { tg: 'Имзои электронӣ эътибор надорад', ru: 'Электронная подпись недействительна', en: 'The electronic signature is not valid' },
  },
  /** An electronic copy is empty, too large, or its type is not in the reference list (art.63 p.9). */
  DECLARATION_DOCUMENT_INVALID: {
    status: 422,
    title: { tg: 'Нусхаи электронии ҳуҷҷат нодуруст аст', ru: 'Неверная электронная копия документа', en: 'The electronic copy of the document is not valid' },
  },
  /** Art.124 p.3 (CUS-DEC-04): a paper declaration is accepted only while a failure of the system is recorded for that office. */
  DECLARATION_PAPER_WITHOUT_OUTAGE: {
    status: 422,
    title: {
      tg: 'Эъломияи хаттӣ танҳо ҳангоми қатъи сабтшудаи низом қабул мешавад',
      ru: 'Письменная декларация принимается только при зарегистрированном сбое системы',
      en: 'A paper declaration is accepted only during a recorded failure of the system',
    },
  },
  /** Art.133 p.1-4 (CUS-DEC-43, 44, 47): the change is not allowed now; `details.reasons` says why. */
  DECLARATION_AMENDMENT_NOT_ALLOWED: {
    status: 409,
    title: { tg: 'Тағйир додани эъломия иҷозат нест', ru: 'Изменение декларации не допускается', en: 'The declaration may not be changed' },
  },
  /** Art.134 p.1-8 (CUS-DEC-51..57): the declaration may not be withdrawn; `details.reasons` says why. */
  DECLARATION_WITHDRAWAL_NOT_ALLOWED: {
    status: 409,
    title: { tg: 'Бозхонди эъломия иҷозат нест', ru: 'Отзыв декларации не допускается', en: 'The declaration may not be withdrawn' },
  },
  /** Art.149 p.1-2 (CUS-REL-01, 02): a condition of release is not met; `details.unmet` lists them. */
  DECLARATION_RELEASE_CONDITIONS_UNMET: {
    status: 409,
    title: { tg: 'Шартҳои барориш иҷро нашудаанд', ru: 'Условия выпуска не выполнены', en: 'The conditions of release are not met' },
  },
  /** Art.153 p.2 (CUS-REL-11): release may be refused only before the release period expires. */
  DECLARATION_REFUSAL_TOO_LATE: {
    status: 409,
    title: { tg: 'Мӯҳлати барориш гузаштааст', ru: 'Срок выпуска истёк', en: 'The release period has expired' },
  },
  /** Art.153 p.1 (CUS-REL-10): a refusal names one or more of the seven grounds. */
  DECLARATION_REFUSAL_GROUND_INVALID: {
    status: 422,
    title: { tg: 'Асоси рад кардан нодуруст аст', ru: 'Неверное основание отказа', en: 'Not a ground for refusing release' },
  },
  /** No such amendment or withdrawal request on this declaration, or it is already decided. */
  DECLARATION_REQUEST_NOT_FOUND: {
    status: 404,
    title: { tg: 'Дархост ёфт нашуд', ru: 'Обращение не найдено', en: 'No such open request' },
  },
  /** The issuer certificate is not a readable CA certificate in force. */
  TRUSTED_ISSUER_INVALID: {
    status: 422,
    title: { tg: 'Шаҳодатномаи марказ нодуруст аст', ru: 'Неверный сертификат удостоверяющего центра', en: 'Not a valid issuer certificate' },
  },
} satisfies ProblemCatalogue<DeclarationErrorCode>;
