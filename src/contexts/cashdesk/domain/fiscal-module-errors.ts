import type { ProblemCatalogue } from '../../../platform/problems.ts';

/**
 * Refusals of the fiscal module (seed 004 p.36, p.65, p.68, p.71-82). Each code says when it happens
 * and what the register should do; the local protocol (docs/fiscal-module.md) sends them as
 * problem+json with the status and the title below, Tajik first.
 */
export type FiscalModuleErrorCode =
  | 'MODULE_NOT_PERSONALISED'
  | 'MODULE_ALREADY_PERSONALISED'
  | 'MODULE_NOT_INITIALISED'
  | 'MODULE_ALREADY_INITIALISED'
  | 'MODULE_LOCKED'
  | 'OPERATOR_KEY_INVALID'
  | 'MODULE_NUMBER_INVALID'
  | 'WRONG_REGISTER'
  | 'CLOCK_BEHIND'
  | 'OFFLINE_LIMIT_REACHED'
  | 'SHIFT_ALREADY_OPEN'
  | 'SHIFT_NOT_OPEN'
  | 'SHIFT_TOO_LONG'
  | 'RECEIPT_INVALID'
  | 'ACK_FORGED'
  | 'ACK_DOES_NOT_MATCH'
  | 'REQUEST_INVALID'
  | 'UNAUTHORISED';

const t = (tg: string, ru: string, en: string) => ({ tg, ru, en });

export const fiscalModuleProblems = {
  /** The module has no key pair yet (p.81): personalise it first. */
  MODULE_NOT_PERSONALISED: {
    status: 409,
    title: t('Модули фискалӣ ҳанӯз калид надорад', 'Фискальный модуль ещё не персонализирован', 'The fiscal module has no key pair yet'),
  },
  /** The key pair was already made; a module makes it once in its life (p.81). */
  MODULE_ALREADY_PERSONALISED: {
    status: 409,
    title: t('Калиди модули фискалӣ аллакай сохта шудааст', 'Ключевая пара модуля уже создана', 'The module already has its key pair'),
  },
  /** The operator's public key was never loaded (p.81): the TSC initialises the module. */
  MODULE_NOT_INITIALISED: {
    status: 409,
    title: t('Модули фискалӣ ба кор дароварда нашудааст', 'Фискальный модуль не введён в эксплуатацию', 'The fiscal module has not been commissioned'),
  },
  /** The module is already bound to a register (p.65, p.68: one module, one register). */
  MODULE_ALREADY_INITIALISED: {
    status: 409,
    title: t(
      'Модули фискалӣ аллакай ба як хазина вобаста аст',
      'Фискальный модуль уже привязан к одной кассе',
      'The fiscal module is already bound to a register',
    ),
  },
  /** The module has locked itself (memory full, failure, unlawful use; p.65, p.68); `details.reason` says why. Call the TSC. */
  MODULE_LOCKED: {
    status: 409,
    title: t('Модули фискалӣ баста шудааст', 'Фискальный модуль заблокирован', 'The fiscal module is locked'),
  },
  /** The operator's key handed over at commissioning is not a key of the scheme. */
  OPERATOR_KEY_INVALID: {
    status: 422,
    title: t('Калиди кушодаи оператор нодуруст аст', 'Открытый ключ оператора неверен', 'The operator’s public key is not valid'),
  },
  /** The module number (p.9 field 15) is empty or longer than 40 letters and digits. */
  MODULE_NUMBER_INVALID: {
    status: 422,
    title: t('Рақами модули фискалӣ нодуруст аст', 'Неверный номер фискального модуля', 'The fiscal module number is not valid'),
  },
  /** Another register tried to use the module: p.65/p.68 allow one register only; the module has locked itself. */
  WRONG_REGISTER: {
    status: 403,
    title: t('Модули фискалӣ ба хазинаи дигар тааллуқ дорад', 'Фискальный модуль принадлежит другой кассе', 'The fiscal module belongs to another register'),
  },
  /** The time given is earlier than the module's last document: set the clock from the Internet in UTC+05:00 (p.65, p.68). */
  CLOCK_BEHIND: {
    status: 409,
    title: t(
      'Вақти хазина аз ҳуҷҷати охирин пеш аст',
      'Время кассы раньше времени последнего документа',
      'The register’s time is earlier than the last document',
    ),
  },
  /** p.36: undelivered documents are 24 hours old; send them to the operator before issuing more. */
  OFFLINE_LIMIT_REACHED: {
    status: 409,
    title: t(
      '24 соат барои фиристодани маълумот ба оператор гузашт',
      'Истекли 24 часа на передачу данных оператору',
      'The 24 hours to send the data to the operator are over',
    ),
  },
  /** A shift is open already; close it with a Z-report first. */
  SHIFT_ALREADY_OPEN: {
    status: 409,
    title: t('Баст аллакай кушода аст', 'Смена уже открыта', 'The shift is already open'),
  },
  /** A receipt or a Z-report needs an open shift. */
  SHIFT_NOT_OPEN: {
    status: 409,
    title: t('Баст кушода нест', 'Смена не открыта', 'No shift is open'),
  },
  /** The shift is 24 hours old: close it with the Z-report (p.2, catalog ambiguity 34). */
  SHIFT_TOO_LONG: {
    status: 409,
    title: t('Баст аз 24 соат зиёд шуд, Z-ҳисоботро созед', 'Смена длится более 24 часов, закройте её Z-отчётом', 'The shift is over 24 hours: close it'),
  },
  /** The receipt data are incomplete or do not add up (p.9, p.65 item 20); `details.problems` lists them. */
  RECEIPT_INVALID: {
    status: 422,
    title: t('Маълумоти расид нопурра ё нодуруст аст', 'Данные чека неполны или неверны', 'The receipt data are incomplete or wrong'),
  },
  /** The acknowledgement was not made by the operator (its MAC does not verify); it is recorded. */
  ACK_FORGED: {
    status: 422,
    title: t('Тасдиқнома қалбакӣ аст', 'Квитанция поддельная', 'The acknowledgement is forged'),
  },
  /** The acknowledgement is the operator's but names a document this module did not issue; it is recorded. */
  ACK_DOES_NOT_MATCH: {
    status: 422,
    title: t(
      'Тасдиқнома ба ҳуҷҷати модул мувофиқ нест',
      'Квитанция не соответствует документу модуля',
      'The acknowledgement matches no document of the module',
    ),
  },
  /** The local protocol request is malformed; `details.problems` names the fields. */
  REQUEST_INVALID: {
    status: 400,
    title: t('Маълумоти дархост нодуруст аст', 'Неверные данные запроса', 'The request data are not valid'),
  },
  /** The local protocol needs the module's access token. */
  UNAUTHORISED: {
    status: 401,
    title: t('Дастрасӣ ба модул манъ аст', 'Нет доступа к модулю', 'No access to the module'),
  },
} satisfies ProblemCatalogue<FiscalModuleErrorCode> as ProblemCatalogue<FiscalModuleErrorCode>;

/** Why a module locked itself (p.65 items 4-5, p.68 items 3-4). */
export type LockReason =
  /** p.65 item 5, p.68 item 4: the memory of receipts and Z-reports is full; the module is replaced. */
  | 'MEMORY_FULL'
  /** p.65 item 5, p.68 item 4: a malfunction, e.g. its stored state is damaged; numbers are never reset silently. */
  | 'FAILURE'
  /** p.65 item 4, p.68 item 3: an attempt at unlawful use, e.g. another register. */
  | 'UNLAWFUL_USE';

export const lockReasonTitles: Readonly<Record<LockReason, ReturnType<typeof t>>> = {
  MEMORY_FULL: t('Хотираи модули фискалӣ пур аст', 'Память фискального модуля заполнена', 'The fiscal module’s memory is full'),
  FAILURE: t('Модули фискалӣ корношоям аст', 'Фискальный модуль неисправен', 'The fiscal module has failed'),
  UNLAWFUL_USE: t('Кӯшиши истифодаи ғайриқонунӣ', 'Попытка незаконного использования', 'An attempt at unlawful use'),
};
