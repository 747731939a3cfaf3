import type { ProblemCatalogue } from '../../../platform/problems.ts';

/**
 * Refusals of the tax account ledger and the services built on it: certificates and acts
 * (06.06.01, 06.06.02, 06.06.04), filing (05.05.01), non-filer notices (05.05.04) and property
 * notices (04.04.03). docs/errors.md lists them; docs/tax-services-ledger.md says when each happens.
 */
export type LedgerErrorCode =
  | 'TAX_TYPE_NOT_FOUND'
  | 'LEDGER_PERIOD_INVALID'
  | 'LEDGER_DATE_INVALID'
  | 'LEDGER_ENTRY_NOT_FOUND'
  | 'LEDGER_ENTRY_ALREADY_REVERSED'
  | 'LEDGER_REVERSAL_NOT_REVERSIBLE'
  | 'LEDGER_IMPORT_INVALID'
  | 'TIN_REQUIRED'
  | 'DATE_IN_FUTURE'
  | 'DATE_RANGE_INVALID'
  | 'DECLARATION_FORM_NOT_FOUND'
  | 'FILING_PERIOD_MISMATCH'
  | 'FILING_PERIOD_NOT_ENDED'
  | 'NOTICE_WINDOW_CLOSED'
  | 'PROPERTY_OBJECT_EXISTS';

export const ledgerProblems = {
  /** The tax type code is not in the reference table (GET /api/public/tax-services/tax-types lists them). */
  TAX_TYPE_NOT_FOUND: {
    status: 422,
    title: { tg: 'Чунин намуди андоз нест', ru: 'Такого вида налога нет', en: 'No such tax type' },
  },
  /** A period is a year `2026`, a quarter `2026-Q1` or a month `2026-03`, between 2000 and 2100. */
  LEDGER_PERIOD_INVALID: {
    status: 422,
    title: { tg: 'Давра нодуруст нишон дода шудааст', ru: 'Неверно указан период', en: 'The period is not valid' },
  },
  /** A date is not a real calendar date (e.g. 2026-02-30). */
  LEDGER_DATE_INVALID: {
    status: 422,
    title: { tg: 'Сана нодуруст аст', ru: 'Неверная дата', en: 'The date is not valid' },
  },
  /** No entry of the ledger has this id. */
  LEDGER_ENTRY_NOT_FOUND: {
    status: 404,
    title: { tg: 'Сабти суратҳисоб ёфт нашуд', ru: 'Запись лицевого счёта не найдена', en: 'No such ledger entry' },
  },
  /** The entry was reversed already; post a new entry to correct it further. */
  LEDGER_ENTRY_ALREADY_REVERSED: {
    status: 409,
    title: { tg: 'Ин сабт аллакай бекор карда шудааст', ru: 'Эта запись уже сторнирована', en: 'This entry is already reversed' },
  },
  /** A reversal is not reversed in its turn: post the right entry again instead. */
  LEDGER_REVERSAL_NOT_REVERSIBLE: {
    status: 409,
    title: { tg: 'Сабти бекоркуниро бекор кардан мумкин нест', ru: 'Сторнирующую запись нельзя сторнировать', en: 'A reversal cannot be reversed' },
  },
  /** A CSV import with a bad row: nothing is posted; `details.errors` names each row, column and reason. */
  LEDGER_IMPORT_INVALID: {
    status: 422,
    title: { tg: 'Файли воридот хатоҳо дорад', ru: 'Файл импорта содержит ошибки', en: 'The import file has errors' },
  },
  /** An officer acting for a taxpayer must name the taxpayer's TIN. */
  TIN_REQUIRED: {
    status: 400,
    title: { tg: 'РМА-и андозсупоранда нишон дода нашудааст', ru: 'Не указан ИНН налогоплательщика', en: 'The taxpayer’s TIN is missing' },
  },
  /** A certificate or act cannot be made for a date after today. */
  DATE_IN_FUTURE: {
    status: 422,
    title: { tg: 'Сана ҳанӯз фаро нарасидааст', ru: 'Дата ещё не наступила', en: 'The date is in the future' },
  },
  /** The start of a period is after its end. */
  DATE_RANGE_INVALID: {
    status: 422,
    title: { tg: 'Санаи оғоз аз санаи анҷом дертар аст', ru: 'Дата начала позже даты окончания', en: 'The start date is after the end date' },
  },
  /** No declaration form has this code (GET /api/public/tax-services/declaration-forms lists them). */
  DECLARATION_FORM_NOT_FOUND: {
    status: 422,
    title: { tg: 'Чунин шакли эъломия нест', ru: 'Такой формы декларации нет', en: 'No such declaration form' },
  },
  /** The form is filed for months, quarters or years, and the period is of another kind. */
  FILING_PERIOD_MISMATCH: {
    status: 422,
    title: {
      tg: 'Давра ба шакли эъломия мувофиқат намекунад',
      ru: 'Период не соответствует форме декларации',
      en: 'The period does not fit the declaration form',
    },
  },
  /** A declaration is filed after its period ends. */
  FILING_PERIOD_NOT_ENDED: {
    status: 422,
    title: { tg: 'Давраи ҳисоботӣ ҳанӯз ба охир нарасидааст', ru: 'Отчётный период ещё не закончился', en: 'The reporting period has not ended yet' },
  },
  /** 05.05.04 notices go out only from the 16th to the 30th of a month (the last day in February; TS-36, A-12). */
  NOTICE_WINDOW_CLOSED: {
    status: 409,
    title: {
      tg: 'Огоҳиномаҳо танҳо аз 16 то 30-юми моҳ фиристода мешаванд',
      ru: 'Уведомления направляются только с 16 по 30 число месяца',
      en: 'Notices are sent only from the 16th to the 30th of the month',
    },
  },
  /** The register already has this object (kind and registry reference) from that date. */
  PROPERTY_OBJECT_EXISTS: {
    status: 409,
    title: { tg: 'Ин объект аллакай ба қайд гирифта шудааст', ru: 'Этот объект уже учтён', en: 'This object is already registered' },
  },
} satisfies ProblemCatalogue<LedgerErrorCode>;
