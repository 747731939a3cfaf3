import type { ProblemCatalogue } from '../../../platform/problems.ts';

/** Refusals of the customs reference data (docs/customs-reference.md, docs/errors.md). */
export type ReferenceErrorCode =
  | 'REFERENCE_NOT_FOUND'
  | 'REFERENCE_DATE_INVALID'
  | 'REFERENCE_VALUE_INVALID'
  | 'REFERENCE_DATES_INVALID'
  | 'REFERENCE_PAST_DATED'
  | 'REFERENCE_OVERLAP'
  | 'REFERENCE_IMPORT_INVALID'
  | 'COMMODITY_CODE_INVALID'
  | 'COUNTRY_CODE_INVALID'
  | 'CURRENCY_CODE_INVALID'
  | 'CURRENCY_UNKNOWN'
  | 'PERSON_CODE_INVALID'
  | 'FOREIGN_GROUND_INVALID'
  | 'CALENDAR_OFFICE_UNKNOWN'
  | 'TARIFF_RATE_REQUIRED';

export const referenceProblems = {
  /** Nothing with this code is in force on that date: check the code and the date (default today in Dushanbe). */
  REFERENCE_NOT_FOUND: {
    status: 404,
    title: { tg: 'Дар ин сана чунин сабт амал намекунад', ru: 'На эту дату такой записи нет', en: 'Nothing with this code is in force on that date' },
  },
  /** The `date` is not a real calendar day (e.g. 2026-02-30). */
  REFERENCE_DATE_INVALID: {
    status: 400,
    title: { tg: 'Сана нодуруст аст', ru: 'Неверная дата', en: 'The date is not a real calendar day' },
  },
  /** A value is missing, of the wrong form or outside its list; `field` names it. */
  REFERENCE_VALUE_INVALID: {
    status: 422,
    title: { tg: 'Қимати майдон нодуруст аст', ru: 'Неверное значение поля', en: 'A field value is not valid' },
  },
  /** The version ends before it starts. */
  REFERENCE_DATES_INVALID: {
    status: 422,
    title: { tg: 'Мӯҳлати амал нодуруст аст', ru: 'Неверный срок действия', en: 'The version ends before it starts' },
  },
  /**
   * A code that already has versions changes only from today on: declarations accepted earlier were
   * assessed at the values then in force (art.136 p.13). Enter the change with today's or a later date.
   */
  REFERENCE_PAST_DATED: {
    status: 409,
    title: { tg: 'Тағйирот ба гузашта иҷозат нест', ru: 'Изменение задним числом не допускается', en: 'A change cannot take effect in the past' },
  },
  /** The new version shares a day with another one that is not the open version it would close (e.g. a scheduled future version). */
  REFERENCE_OVERLAP: {
    status: 409,
    title: { tg: 'Мӯҳлати амал бо таҳрири дигар рост меояд', ru: 'Срок действия пересекается с другой редакцией', en: 'The version overlaps another version' },
  },
  /** A CSV file has bad lines: nothing was imported; `details.problems` lists each line, field and code. */
  REFERENCE_IMPORT_INVALID: {
    status: 422,
    title: {
      tg: 'Файл ворид карда нашуд: сатрҳои нодуруст',
      ru: 'Файл не импортирован: есть неверные строки',
      en: 'The file was not imported: some lines are not valid',
    },
  },
  /** Not a 10-digit code of the nomenclature (chapters 01–97, not 77). */
  COMMODITY_CODE_INVALID: {
    status: 422,
    title: { tg: 'Рамзи ТН ФИХ нодуруст аст', ru: 'Неверный код ТН ВЭД', en: 'The commodity code is not valid' },
  },
  /** Not an ISO 3166-1 alpha-2 code. */
  COUNTRY_CODE_INVALID: {
    status: 422,
    title: { tg: 'Рамзи кишвар нодуруст аст', ru: 'Неверный код страны', en: 'The country code is not valid' },
  },
  /** Not an ISO 4217 code (three letters, three digits for the numeric code). */
  CURRENCY_CODE_INVALID: {
    status: 422,
    title: { tg: 'Рамзи асъор нодуруст аст', ru: 'Неверный код валюты', en: 'The currency code is not valid' },
  },
  /** A rate names a currency that is not in the list of currencies on its first day: enter the currency first. */
  CURRENCY_UNKNOWN: {
    status: 422,
    title: { tg: 'Чунин асъор дар феҳрист нест', ru: 'Такой валюты нет в справочнике', en: 'The currency is not in the list of currencies' },
  },
  /** A domestic person is keyed by a 9-digit TIN in Tajikistan; a foreign one by its country and registration number (KZ-…). */
  PERSON_CODE_INVALID: {
    status: 422,
    title: { tg: 'Рамзи шахс нодуруст аст', ru: 'Неверный код лица', en: 'The person’s code does not match its residence' },
  },
  /** Art.126 p.2: a foreign person needs one of the grounds of i.1–5 (a carrier's ground only for a carrier); a domestic person has none. */
  FOREIGN_GROUND_INVALID: {
    status: 422,
    title: {
      tg: 'Асоси декларантии шахси хориҷӣ нодуруст аст (м.126)',
      ru: 'Неверное основание для иностранного декларанта (ст.126)',
      en: 'The foreign person’s ground under art.126 p.2 is not valid',
    },
  },
  /** The office's working-time calendar is not in the calendar tables (platform.calendar_offices): enter it there first. */
  CALENDAR_OFFICE_UNKNOWN: {
    status: 422,
    title: { tg: 'Ҷадвали корӣ ёфт нашуд', ru: 'График работы не найден', en: 'No such working-time calendar' },
  },
  /** A commodity code needs an import duty rate: ad valorem, specific or both (0 is a rate). */
  TARIFF_RATE_REQUIRED: {
    status: 422,
    title: { tg: 'Меъёри боҷи гумрукӣ нишон дода нашудааст', ru: 'Не указана ставка ввозной пошлины', en: 'The import duty rate is missing' },
  },
} satisfies ProblemCatalogue<ReferenceErrorCode>;
