import type { ProblemCatalogue } from '../../../platform/problems.ts';

/** Refusals of the electronic stock ledgers and of processing permits (docs/customs-regimes.md). */
export type RegimeErrorCode =
  | 'REGIME_VALUE_INVALID'
  | 'REGIME_OFFICE_UNKNOWN'
  | 'REGIME_WAREHOUSE_TYPE_INVALID'
  | 'REGIME_INSURANCE_REQUIRED'
  | 'REGIME_GUARANTEE_NOT_IN_FORCE'
  | 'REGIME_PLACE_NOT_FOUND'
  | 'REGIME_PLACE_NOT_YOURS'
  | 'REGIME_DECLARATION_NOT_FOUND'
  | 'REGIME_DECLARATION_NOT_RELEASED'
  | 'REGIME_DECLARATION_REGIME_MISMATCH'
  | 'REGIME_ITEM_NOT_DECLARED'
  | 'REGIME_RECEIPT_EXCEEDS_DECLARED'
  | 'REGIME_BALANCE_INSUFFICIENT'
  | 'REGIME_SALE_ONLY_IN_SHOP'
  | 'REGIME_TRANSFER_NOT_ALLOWED'
  | 'REGIME_ENTRY_NOT_FOUND'
  | 'REGIME_ENTRY_NOT_REVERSIBLE'
  | 'REGIME_IDEMPOTENCY_CONFLICT'
  | 'REGIME_PERMIT_NOT_FOUND'
  | 'REGIME_PERMIT_ALREADY_DECIDED'
  | 'REGIME_PERMIT_VALIDITY_INVALID'
  | 'REGIME_PERMIT_EXTENSION_NOT_ALLOWED'
  | 'REGIME_PERMIT_ALREADY_EXTENDED';

const t = (tg: string, ru: string, en: string) => ({ tg, ru, en });

export const regimeProblems = {
  /** A value is missing, out of range or inconsistent with another (`field` names it): correct it and send again. */
  REGIME_VALUE_INVALID: { status: 422, title: t('Қимати майдон нодуруст аст', 'Неверное значение поля', 'A field value is not valid') },
  /** No customs office with this code is in force today (reference data `offices`). */
  REGIME_OFFICE_UNKNOWN: { status: 422, title: t('Чунин мақоми гумрук нест', 'Такого таможенного органа нет', 'No such customs office') },
  /** CUS-GUA-06: a customs warehouse is of open or closed type; a duty-free shop or free warehouse has no type. */
  REGIME_WAREHOUSE_TYPE_INVALID: {
    status: 422,
    title: t('Навъи анбор нодуруст аст', 'Неверный тип склада', 'The warehouse type is not valid for this kind of place'),
  },
  /** Art.228 p.2 i.6, p.3 i.6 as amended (CUS-GUA-06): an open-type customs warehouse states its insurance policy. */
  REGIME_INSURANCE_REQUIRED: {
    status: 422,
    title: t(
      'Барои анбори навъи кушода полиси суғурта лозим аст',
      'Для склада открытого типа нужен страховой полис',
      'An open-type warehouse needs an insurance policy',
    ),
  },
  /** Art.227 p.1 i.2, art.260 i.2, art.273 p.3: the owner's guarantee reference is not accepted, in force and free for this kind of place (guarantee registry). */
  REGIME_GUARANTEE_NOT_IN_FORCE: {
    status: 422,
    title: t('Таъминоти соҳиб эътибор надорад', 'Обеспечение владельца не действует', 'The owner’s guarantee is not in force for this place'),
  },
  /** No place with this id in the register. */
  REGIME_PLACE_NOT_FOUND: { status: 404, title: t('Ҷой дар феҳрист нест', 'Места нет в реестре', 'Place not found in the register') },
  /** Only the owner keeps the ledger of its place (customs reads every ledger). */
  REGIME_PLACE_NOT_YOURS: { status: 403, title: t('Ин ҷой аз они шумо нест', 'Это место не ваше', 'This place is not yours') },
  /** No goods declaration with this number: give the number customs registered. */
  REGIME_DECLARATION_NOT_FOUND: { status: 422, title: t('Эъломияи мол ёфт нашуд', 'Декларация на товары не найдена', 'Goods declaration not found') },
  /** The goods declaration is not released (`details.state`): goods are received or issued only on a released declaration. */
  REGIME_DECLARATION_NOT_RELEASED: {
    status: 409,
    title: t('Мол аз рӯи эъломия озод нашудааст', 'Товары по декларации не выпущены', 'The goods of the declaration are not released'),
  },
  /** The declaration placed the goods under another regime than this place keeps (`details.regime`, `details.expected`). */
  REGIME_DECLARATION_REGIME_MISMATCH: {
    status: 422,
    title: t(
      'Низоми гумрукии эъломия ба ҷой мувофиқ нест',
      'Таможенный режим декларации не соответствует месту',
      'The declaration’s customs regime does not fit this place',
    ),
  },
  /** The declaration has no item with this number. */
  REGIME_ITEM_NOT_DECLARED: { status: 422, title: t('Чунин моли эъломия нест', 'В декларации нет такого товара', 'The declaration has no such item') },
  /** More goods would be received than the item declares (`details.availableMilli`). */
  REGIME_RECEIPT_EXCEEDS_DECLARED: {
    status: 422,
    title: t('Миқдор аз эъломияшуда зиёд аст', 'Количество больше задекларированного', 'The quantity exceeds what was declared'),
  },
  /** An issue, transfer or reversal would take the balance of the lot below zero (`details.balance`). */
  REGIME_BALANCE_INSUFFICIENT: { status: 409, title: t('Бақия кофӣ нест', 'Недостаточный остаток', 'The balance is not sufficient') },
  /** Goods leave by sale only from a duty-free shop (art.255); other places issue on a declaration. */
  REGIME_SALE_ONLY_IN_SHOP: {
    status: 422,
    title: t('Фурӯш танҳо дар мағозаи бебоҷ', 'Продажа только в магазине беспошлинной торговли', 'Sales are recorded in a duty-free shop only'),
  },
  /** A transfer goes between two different places of the same owner and of the same kind. */
  REGIME_TRANSFER_NOT_ALLOWED: {
    status: 422,
    title: t('Интиқол иҷозат нест', 'Перемещение не допускается', 'The transfer is not allowed'),
  },
  /** No ledger record with this id in the place. */
  REGIME_ENTRY_NOT_FOUND: { status: 404, title: t('Сабт ёфт нашуд', 'Запись не найдена', 'Ledger record not found') },
  /** Only a receipt or an issue not yet reversed can be reversed; a transfer is reversed by a transfer back. */
  REGIME_ENTRY_NOT_REVERSIBLE: {
    status: 409,
    title: t('Сабтро бекор кардан мумкин нест', 'Запись нельзя сторнировать', 'The record cannot be reversed'),
  },
  /** The idempotency key was already used for a different record: use a new key. */
  REGIME_IDEMPOTENCY_CONFLICT: {
    status: 409,
    title: t(
      'Калиди такрорнашаванда барои сабти дигар истифода шудааст',
      'Ключ идемпотентности уже использован для другой записи',
      'The idempotency key was used for another record',
    ),
  },
  /** No processing permit application with this id visible to the caller. */
  REGIME_PERMIT_NOT_FOUND: { status: 404, title: t('Ариза ёфт нашуд', 'Заявление не найдено', 'Application not found') },
  /** The application was already decided (permit issued or refused). */
  REGIME_PERMIT_ALREADY_DECIDED: {
    status: 409,
    title: t('Дар бораи ариза аллакай қарор қабул шудааст', 'Решение по заявлению уже принято', 'The application is already decided'),
  },
  /** The permit's validity ends before it starts. */
  REGIME_PERMIT_VALIDITY_INVALID: {
    status: 422,
    title: t('Мӯҳлати амали иҷозат нодуруст аст', 'Неверный срок действия разрешения', 'The permit’s validity is not valid'),
  },
  /** CUS-REG-06, AMB-18: no extension is set by the law on the permit system in force (parameter), or the days asked exceed it (`details.allowedWorkingDays`). */
  REGIME_PERMIT_EXTENSION_NOT_ALLOWED: {
    status: 409,
    title: t('Тамдиди мӯҳлат иҷозат нест', 'Продление срока не допускается', 'The extension is not allowed'),
  },
  /** The decision period was already extended once. */
  REGIME_PERMIT_ALREADY_EXTENDED: {
    status: 409,
    title: t('Мӯҳлат аллакай тамдид шудааст', 'Срок уже продлён', 'The period was already extended'),
  },
} as const satisfies ProblemCatalogue<RegimeErrorCode>;
