import type { ProblemCatalogue } from '../../../platform/problems.ts';

/**
 * Refusals of a reference-price import (docs/risk-simulation.md). The file is refused as a whole
 * with `RISK_PRICE_IMPORT_INVALID`; `details.problems` lists every bad line as { line, field, code }
 * with one of the other codes (the header is line 1).
 */
export type PriceErrorCode =
  | 'RISK_PRICE_IMPORT_INVALID'
  | 'RISK_PRICE_TABLE_INVALID'
  | 'RISK_PRICE_FILE_EMPTY'
  | 'RISK_PRICE_HEADER_INVALID'
  | 'RISK_PRICE_LINE_MALFORMED'
  | 'RISK_PRICE_CODE_INVALID'
  | 'RISK_PRICE_AMOUNT_INVALID'
  | 'RISK_PRICE_UNIT_INVALID'
  | 'RISK_PRICE_DATE_INVALID'
  | 'RISK_PRICE_OVERLAP'
  | 'RISK_PRICE_PAST_DATED';

export const priceProblems = {
  /** Some line of the file is wrong: nothing was imported; `details.problems` says which lines and why. Correct them and send the whole file again. */
  RISK_PRICE_IMPORT_INVALID: {
    status: 422,
    title: {
      tg: 'Файли нархҳои муқоисавӣ қабул нашуд',
      ru: 'Файл справочных цен не принят',
      en: 'The reference price file is refused',
    },
  },
  /** The name of the price table is not 1-64 lower-case letters, digits, `_` or `-`. */
  RISK_PRICE_TABLE_INVALID: {
    status: 422,
    title: { tg: 'Номи ҷадвали нархҳо нодуруст аст', ru: 'Неверное имя таблицы цен', en: 'The price table name is not valid' },
  },
  /** The file holds no price line. */
  RISK_PRICE_FILE_EMPTY: {
    status: 422,
    title: { tg: 'Дар файл ягон нарх нест', ru: 'В файле нет ни одной цены', en: 'The file holds no price' },
  },
  /** The first line is not exactly `commodity_code,price,unit,valid_from,valid_to` (in any order). */
  RISK_PRICE_HEADER_INVALID: {
    status: 422,
    title: { tg: 'Сарлавҳаи файл нодуруст аст', ru: 'Неверная строка заголовка файла', en: 'The header line is not valid' },
  },
  /** The line has another number of cells than the header, or an unterminated quote. */
  RISK_PRICE_LINE_MALFORMED: {
    status: 422,
    title: { tg: 'Сатр хонда намешавад', ru: 'Строка не читается', en: 'The line cannot be read' },
  },
  /** The commodity code is not ten digits of the national nomenclature. */
  RISK_PRICE_CODE_INVALID: {
    status: 422,
    title: { tg: 'Рамзи мол нодуруст аст', ru: 'Неверный код товара', en: 'The commodity code is not valid' },
  },
  /** The price is not a positive decimal number of somoni (a point, at most 6 decimals). */
  RISK_PRICE_AMOUNT_INVALID: {
    status: 422,
    title: { tg: 'Нарх нодуруст аст', ru: 'Неверная цена', en: 'The price is not valid' },
  },
  /** The unit is empty or longer than 16 characters. */
  RISK_PRICE_UNIT_INVALID: {
    status: 422,
    title: { tg: 'Воҳиди ченак нодуруст аст', ru: 'Неверная единица измерения', en: 'The unit is not valid' },
  },
  /** A date is not a real YYYY-MM-DD day, or valid_to is before valid_from. */
  RISK_PRICE_DATE_INVALID: {
    status: 422,
    title: { tg: 'Сана нодуруст аст', ru: 'Неверная дата', en: 'The date is not valid' },
  },
  /** The period shares a day with another price of the code in the table (stored, or another line of the file). */
  RISK_PRICE_OVERLAP: {
    status: 422,
    title: {
      tg: 'Мӯҳлати нарх бо нархи дигари ҳамин мол мепӯшад',
      ru: 'Период цены пересекается с другой ценой этого товара',
      en: 'The period overlaps another price of the code',
    },
  },
  /** A code that has stored prices changes only from today on: past simulations and decisions keep the prices they used. */
  RISK_PRICE_PAST_DATED: {
    status: 422,
    title: {
      tg: 'Нархи гузаштаро иваз кардан мумкин нест',
      ru: 'Нельзя изменить цену задним числом',
      en: 'A price cannot be changed in the past',
    },
  },
} as const satisfies ProblemCatalogue<PriceErrorCode>;
