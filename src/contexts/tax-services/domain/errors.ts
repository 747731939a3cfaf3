import type { ProblemCatalogue } from '../../../platform/problems.ts';

/**
 * Refusals of the request register and the catalogue (docs/errors.md lists them). Services that
 * are software end to end (TIN, certificates, cabinet, complaints) add their own catalogues.
 */
export type RequestErrorCode =
  | 'SERVICE_NOT_FOUND'
  | 'SERVICE_NOT_IN_FORCE'
  | 'UNIT_NOT_FOUND'
  | 'REQUEST_NOT_FOUND'
  | 'REQUEST_CLOSED'
  | 'REQUEST_HAS_OWN_COMPLETION'
  | 'REQUEST_NOT_SUSPENDED'
  | 'REQUEST_ALREADY_SUSPENDED'
  | 'REQUEST_NOT_STARTED'
  | 'REQUEST_ALREADY_STARTED'
  | 'SUSPENSION_NOT_ALLOWED'
  | 'PERIOD_REQUIRED'
  | 'PLAN_DATE_REQUIRED'
  | 'APPLICANT_REQUIRED'
  | 'RESULT_NOT_FOUND'
  | 'CATALOGUE_VERSION_NOT_FOUND'
  | 'CATALOGUE_VERSION_DECIDED'
  | 'CATALOGUE_EFFECTIVE_DATE_INVALID'
  | 'CATALOGUE_LINES_INVALID';

export const requestProblems = {
  /** No line of the catalogue in force has this service key (code plus sub-variant letter). */
  SERVICE_NOT_FOUND: {
    status: 404,
    title: { tg: 'Чунин хизматрасонӣ дар Стандарт нест', ru: 'Такой услуги нет в Стандарте', en: 'The Standard has no such service' },
  },
  /** No approved catalogue version is in force on that date. */
  SERVICE_NOT_IN_FORCE: {
    status: 409,
    title: { tg: 'Дар ин сана Стандарт амал намекунад', ru: 'На эту дату Стандарт не действует', en: 'No version of the Standard is in force on that date' },
  },
  UNIT_NOT_FOUND: {
    status: 404,
    title: { tg: 'Воҳиди сохторӣ ёфт нашуд', ru: 'Структурное подразделение не найдено', en: 'No such unit of the tax authorities' },
  },
  REQUEST_NOT_FOUND: {
    status: 404,
    title: { tg: 'Дархост ёфт нашуд', ru: 'Обращение не найдено', en: 'No such request' },
  },
  /**
   * The service closes through its own step, which makes its result: the cabinet (12.12.01) when the
   * account is opened, a complaint when it is answered with a letter. The generic completion would
   * close it without that result.
   */
  REQUEST_HAS_OWN_COMPLETION: {
    status: 409,
    title: {
      tg: 'Ин хизматрасонӣ бо амали худ анҷом меёбад',
      ru: 'Эта услуга завершается своим собственным действием',
      en: 'This service is completed by its own step',
    },
  },
  /** The request is completed or rejected: nothing more can happen to it. */
  REQUEST_CLOSED: {
    status: 409,
    title: { tg: 'Дархост аллакай анҷом ёфтааст', ru: 'Обращение уже закрыто', en: 'The request is already closed' },
  },
  REQUEST_NOT_SUSPENDED: {
    status: 409,
    title: { tg: 'Мӯҳлати дархост боздошта нашудааст', ru: 'Срок по обращению не приостановлен', en: 'The request’s clock is not suspended' },
  },
  REQUEST_ALREADY_SUSPENDED: {
    status: 409,
    title: { tg: 'Мӯҳлати дархост аллакай боздошта шудааст', ru: 'Срок по обращению уже приостановлен', en: 'The request’s clock is already suspended' },
  },
  /** The clock has not started: the application still waits for its necessary documents (TS-29). */
  REQUEST_NOT_STARTED: {
    status: 409,
    title: {
      tg: 'Ҳуҷҷатҳои зарурӣ ҳанӯз пешниҳод нашудаанд',
      ru: 'Необходимые документы ещё не представлены',
      en: 'The necessary documents have not been submitted yet',
    },
  },
  REQUEST_ALREADY_STARTED: {
    status: 409,
    title: { tg: 'Ҳуҷҷатҳо аллакай пурра қабул шудаанд', ru: 'Документы уже приняты полностью', en: 'The documents are already complete' },
  },
  /** Fixed dates, windows and plans are statutory: they are not suspended, and real-time services have nothing to wait for. */
  SUSPENSION_NOT_ALLOWED: {
    status: 409,
    title: {
      tg: 'Барои ин хизматрасонӣ боздоштани мӯҳлат иҷозат нест',
      ru: 'Для этой услуги приостановка срока не допускается',
      en: 'This service’s deadline cannot be suspended',
    },
  },
  /** A fixed-date or window service needs its reporting period (year, and month where it counts from a month). */
  PERIOD_REQUIRED: {
    status: 400,
    title: { tg: 'Давраи ҳисоботӣ нишон дода нашудааст', ru: 'Не указан отчётный период', en: 'The reporting period is missing' },
  },
  PLAN_DATE_REQUIRED: {
    status: 400,
    title: { tg: 'Санаи нақша нишон дода нашудааст', ru: 'Не указана дата по плану', en: 'The date of the approved plan is missing' },
  },
  /** A request needs the applicant's TIN, or a name and a way to reply. */
  APPLICANT_REQUIRED: {
    status: 400,
    title: { tg: 'Маълумоти муроҷиаткунанда нокифоя аст', ru: 'Недостаточно сведений о заявителе', en: 'The applicant is not identified' },
  },
  RESULT_NOT_FOUND: {
    status: 404,
    title: { tg: 'Натиҷа ёфт нашуд', ru: 'Результат не найден', en: 'No such result' },
  },
  CATALOGUE_VERSION_NOT_FOUND: {
    status: 404,
    title: { tg: 'Таҳрири Стандарт ёфт нашуд', ru: 'Редакция Стандарта не найдена', en: 'No such version of the Standard' },
  },
  CATALOGUE_VERSION_DECIDED: {
    status: 409,
    title: { tg: 'Оид ба ин таҳрир аллакай қарор қабул шудааст', ru: 'По этой редакции решение уже принято', en: 'This version has already been decided' },
  },
  /** An approved version takes effect after the version in force started, and not in the past. */
  CATALOGUE_EFFECTIVE_DATE_INVALID: {
    status: 422,
    title: { tg: 'Санаи эътибор нодуруст аст', ru: 'Неверная дата вступления в силу', en: 'The effective date is not valid' },
  },
  /** A proposed change names an unknown service or a malformed line. */
  CATALOGUE_LINES_INVALID: {
    status: 422,
    title: { tg: 'Тағйироти пешниҳодшуда нодуруст аст', ru: 'Предложенное изменение неверно', en: 'The proposed change is not valid' },
  },
} satisfies ProblemCatalogue<RequestErrorCode>;
