import type { ProblemCatalogue } from '../../../platform/problems.ts';

/** Refusals of customs payments and the guarantee registry (docs/customs-payments.md, docs/errors.md). */
export type FinanceErrorCode =
  | 'FINANCE_SIGNATURE_INVALID'
  | 'FINANCE_LINK_NOT_CONFIGURED'
  | 'FINANCE_AUTHORITY_UNAVAILABLE'
  | 'FINANCE_CONFIRMATION_INVALID'
  | 'PAYMENT_CONFIRMATION_CONFLICT'
  | 'PAYMENT_REFERENCE_INVALID'
  | 'PAYMENT_LINES_INVALID'
  | 'PAYMENT_PAYER_INVALID'
  | 'PAYMENT_ORDER_NOT_FOUND'
  | 'GUARANTEE_NOT_FOUND'
  | 'GUARANTEE_SCOPE_INVALID'
  | 'GUARANTEE_PURPOSE_NOT_COVERED'
  | 'GUARANTEE_BELOW_MINIMUM'
  | 'GUARANTEE_PARAMETER_MISSING'
  | 'GUARANTEE_WAREHOUSE_FACTS_REQUIRED'
  | 'GUARANTEE_INSURANCE_REQUIRED'
  | 'GUARANTEE_DOCUMENTS_REQUIRED'
  | 'GUARANTEE_DATES_INVALID'
  | 'GUARANTEE_INDICATOR_MISSING'
  | 'GUARANTEE_ALREADY_DECIDED'
  | 'GUARANTEE_NOT_IN_FORCE'
  | 'GUARANTEE_INSUFFICIENT'
  | 'GUARANTEE_USE_CONFLICT'
  | 'GUARANTEE_USE_NOT_FOUND'
  | 'GUARANTEE_PARAMETER_PAST_DATED';

export const financeProblems = {
  /** The `X-Finance-Signature` header is missing or is not the HMAC-SHA256 of the body under the shared secret: nothing was recorded. */
  FINANCE_SIGNATURE_INVALID: {
    status: 401,
    title: { tg: 'Имзои мақоми молия нодуруст аст', ru: 'Неверная подпись органа финансов', en: 'The finance authority’s signature is not valid' },
  },
  /**
   * BEKOGAZ_FINANCE_URL or BEKOGAZ_FINANCE_SECRET is not set: customs cannot talk to the finance
   * authority. A 409, not a 5xx: the server works, its settings do not allow the step (FIS-GEN-05).
   */
  FINANCE_LINK_NOT_CONFIGURED: {
    status: 409,
    title: {
      tg: 'Пайваст бо мақоми молия танзим нашудааст',
      ru: 'Связь с органом финансов не настроена',
      en: 'The link to the finance authority is not configured',
    },
  },
  /** The finance authority did not answer, or answered with an error: try the reconciliation again later. */
  FINANCE_AUTHORITY_UNAVAILABLE: {
    status: 503,
    title: { tg: 'Мақоми молия ҷавоб намедиҳад', ru: 'Орган финансов не отвечает', en: 'The finance authority does not answer' },
  },
  /** A confirmation carries an amount that is not a positive whole number of dirams, or an impossible date. */
  FINANCE_CONFIRMATION_INVALID: {
    status: 422,
    title: { tg: 'Тасдиқи пардохт нодуруст аст', ru: 'Неверное подтверждение платежа', en: 'The payment confirmation is not valid' },
  },
  /** The same bank payment order (number, date, payer) was confirmed before with another reference, budget code or amount. */
  PAYMENT_CONFIRMATION_CONFLICT: {
    status: 409,
    title: {
      tg: 'Супориши пардохт аллакай бо маълумоти дигар тасдиқ шудааст',
      ru: 'Платёжное поручение уже подтверждено с другими данными',
      en: 'The payment order was already confirmed with other data',
    },
  },
  /** A payment reference is the declaration's registration number: 3-40 letters, digits, '/' or '-'. */
  PAYMENT_REFERENCE_INVALID: {
    status: 422,
    title: { tg: 'Рамзи пардохт нодуруст аст', ru: 'Неверный идентификатор платежа', en: 'The payment reference is not valid' },
  },
  /** A payment order needs at least one line, each kind once, each amount positive. */
  PAYMENT_LINES_INVALID: {
    status: 422,
    title: { tg: 'Сатрҳои супориши пардохт нодурустанд', ru: 'Неверные строки платёжного поручения', en: 'The payment order lines are not valid' },
  },
  /** The payer is named by a 9-digit TIN. */
  PAYMENT_PAYER_INVALID: {
    status: 422,
    title: { tg: 'РМА-и пардохткунанда нодуруст аст', ru: 'Неверный ИНН плательщика', en: 'The payer’s TIN is not valid' },
  },
  /** Customs has issued no payment order for this reference (or it is not the caller's). */
  PAYMENT_ORDER_NOT_FOUND: {
    status: 404,
    title: { tg: 'Супориши пардохт ёфт нашуд', ru: 'Платёжное поручение не найдено', en: 'No payment order for this reference' },
  },
  /** No guarantee with this number (or it is not the caller's). */
  GUARANTEE_NOT_FOUND: {
    status: 404,
    title: { tg: 'Таъминот ёфт нашуд', ru: 'Обеспечение не найдено', en: 'No such guarantee' },
  },
  /** A general guarantee names its activity (art.382 p.1 i.4) and no secured reference; a guarantee per declaration or regime names what it secures. */
  GUARANTEE_SCOPE_INVALID: {
    status: 422,
    title: { tg: 'Намуди таъминот нодуруст аст', ru: 'Неверный вид обеспечения', en: 'The kind of guarantee does not fit what it secures' },
  },
  /** The guarantee does not cover this purpose: a general guarantee covers what its activity allows (docs/customs-payments.md). */
  GUARANTEE_PURPOSE_NOT_COVERED: {
    status: 422,
    title: { tg: 'Таъминот ин мақсадро фаро намегирад', ru: 'Обеспечение не покрывает эту цель', en: 'The guarantee does not cover this purpose' },
  },
  /** The amount is below the statutory minimum of the activity (art.140 i.3, art.227 p.1 i.2, art.260 i.2); `details.requiredIndicators` says it. */
  GUARANTEE_BELOW_MINIMUM: {
    status: 422,
    title: { tg: 'Маблағи таъминот аз ҳадди ақал кам аст', ru: 'Сумма обеспечения ниже установленной', en: 'The guarantee is below the statutory minimum' },
  },
  /** A statutory amount is not entered for that day (e.g. the Article 383 transit amount, AMB-18): a customs officer enters it first. */
  GUARANTEE_PARAMETER_MISSING: {
    status: 422,
    title: { tg: 'Андозаи қонунӣ ворид нашудааст', ru: 'Не задан установленный размер', en: 'The statutory amount is not entered' },
  },
  /** A customs warehouse owner's guarantee needs the warehouse type and its useful area (open site) and/or volume (building). */
  GUARANTEE_WAREHOUSE_FACTS_REQUIRED: {
    status: 422,
    title: { tg: 'Маълумоти анбор лозим аст', ru: 'Нужны данные склада', en: 'The warehouse’s type, area or volume is missing' },
  },
  /** An open-type customs warehouse needs the insurance policy among the documents (art.228 p.2 i.6, CUS-GUA-06). */
  GUARANTEE_INSURANCE_REQUIRED: {
    status: 422,
    title: { tg: 'Полиси суғурта лозим аст', ru: 'Нужен страховой полис', en: 'The insurance policy is required for an open-type warehouse' },
  },
  /** The electronic application needs the application itself and the guarantee instrument as electronic documents (art.388 p.4-5). */
  GUARANTEE_DOCUMENTS_REQUIRED: {
    status: 422,
    title: { tg: 'Ҳуҷҷатҳои электронӣ нопурраанд', ru: 'Не хватает электронных документов', en: 'The electronic documents are incomplete' },
  },
  /** The validity ends before it starts, or has ended already. */
  GUARANTEE_DATES_INVALID: {
    status: 422,
    title: { tg: 'Мӯҳлати амали таъминот нодуруст аст', ru: 'Неверный срок действия обеспечения', en: 'The guarantee’s validity is not valid' },
  },
  /** No calculation indicator value is in force on the day the guarantee is given (customs reference data). */
  GUARANTEE_INDICATOR_MISSING: {
    status: 422,
    title: { tg: 'Нишондиҳанда барои ҳисоб дар ин сана нест', ru: 'Нет показателя для расчётов на эту дату', en: 'No calculation indicator value on that day' },
  },
  /** The application was decided already; a decision is final. */
  GUARANTEE_ALREADY_DECIDED: {
    status: 409,
    title: { tg: 'Дар бораи ариза қарор қабул шудааст', ru: 'По заявлению уже принято решение', en: 'The application was already decided' },
  },
  /** The guarantee is not accepted or not valid on that day. */
  GUARANTEE_NOT_IN_FORCE: {
    status: 409,
    title: { tg: 'Таъминот амал намекунад', ru: 'Обеспечение не действует', en: 'The guarantee is not in force' },
  },
  /** The free amount is less than the draw; `details.availableDirams` says how much is free. */
  GUARANTEE_INSUFFICIENT: {
    status: 409,
    title: { tg: 'Маблағи озоди таъминот кофӣ нест', ru: 'Недостаточно свободной суммы обеспечения', en: 'Not enough of the guarantee is free' },
  },
  /** This operation drew on the guarantee before with another amount, or its use was released. */
  GUARANTEE_USE_CONFLICT: {
    status: 409,
    title: {
      tg: 'Истифодаи таъминот бо маълумоти дигар аллакай ҳаст',
      ru: 'Использование обеспечения уже есть с другими данными',
      en: 'The use exists with other data',
    },
  },
  /** No draw on this guarantee for that operation. */
  GUARANTEE_USE_NOT_FOUND: {
    status: 404,
    title: { tg: 'Истифодаи таъминот ёфт нашуд', ru: 'Использование обеспечения не найдено', en: 'No such use of the guarantee' },
  },
  /** A statutory amount changes from today on, after any version already scheduled. */
  GUARANTEE_PARAMETER_PAST_DATED: {
    status: 409,
    title: { tg: 'Тағйири андоза ба гузашта иҷозат нест', ru: 'Изменение размера задним числом не допускается', en: 'The amount cannot change in the past' },
  },
} satisfies ProblemCatalogue<FinanceErrorCode>;
