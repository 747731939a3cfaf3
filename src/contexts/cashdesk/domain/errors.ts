import type { ProblemCatalogue } from '../../../platform/problems.ts';

/**
 * Refusals of the virtual cash register's own rules (catalogue, sale, refund, guard). Each code says
 * when it happens and what the caller should do; the compiler checks that every code has a status and
 * titles, Tajik first. Codes that the fiscal context (BUSINESS_DATA_CHANGED, REGISTER_DEREGISTERED,
 * REFUND_EXCEEDS_SALE) or the fiscal module (MODULE_LOCKED, WRONG_REGISTER, CLOCK_BEHIND,
 * OFFLINE_LIMIT_REACHED, SHIFT_TOO_LONG) also use mean the same here and have the same status, so
 * that catalogues merged at the edge agree.
 */
export type CashdeskErrorCode =
  // catalogue.ts
  | 'PRODUCT_INVALID'
  | 'PRODUCT_CODE_MISSING'
  | 'PRODUCT_CODE_INVALID'
  | 'PRODUCT_NAME_MISSING'
  | 'PRODUCT_NAME_TOO_LONG'
  | 'GTIN_FORMAT_INVALID'
  | 'GTIN_CHECK_DIGIT_WRONG'
  | 'UNIT_UNKNOWN'
  | 'PRICE_INVALID'
  | 'TAX_KIND_UNKNOWN'
  | 'TAX_RATE_INVALID'
  | 'MARKING_FLAG_INVALID'
  | 'PRODUCT_NOT_FOUND'
  | 'PRODUCT_CODE_TAKEN'
  | 'GTIN_TAKEN'
  | 'CATALOGUE_IMPORT_INVALID'
  | 'COLUMN_UNKNOWN'
  | 'PRODUCT_CODE_REPEATED'
  | 'GTIN_REPEATED'
  // sale.ts
  | 'SALE_INVALID'
  | 'RECEIPT_EMPTY'
  | 'QUANTITY_INVALID'
  | 'QUANTITY_NOT_WHOLE'
  | 'MARKED_QUANTITY_NOT_ONE'
  | 'MARKING_CODE_MISSING'
  | 'MARKING_CODE_INVALID'
  | 'MARKING_CODE_REPEATED'
  | 'MARKING_CODE_OTHER_PRODUCT'
  | 'LINE_NOT_FOUND'
  | 'LINE_AMOUNT_ZERO'
  | 'RECEIPT_TOTAL_TOO_LARGE'
  | 'PAYMENT_INVALID'
  | 'CARD_EXCEEDS_TOTAL'
  | 'CASH_NOT_DUE'
  | 'CASH_INSUFFICIENT'
  // refund.ts
  | 'REFUND_INVALID'
  | 'REFUND_ORIGINAL_NOT_A_SALE'
  | 'REFUND_LINE_NOT_FOUND'
  | 'REFUND_LINE_REPEATED'
  | 'REFUND_EXCEEDS_SALE'
  | 'REFUND_NOTHING_LEFT'
  | 'REFUND_BUYER_NAME_MISSING'
  // register-guard.ts
  | 'PASSWORD_TOO_SHORT'
  | 'REGISTER_NOT_REGISTERED'
  | 'REGISTER_DEREGISTERED'
  | 'MODULE_MISSING'
  | 'MODULE_NOT_REGISTERED'
  | 'WRONG_REGISTER'
  | 'MODULE_MEMORY_FULL'
  | 'MODULE_LOCKED'
  | 'BUSINESS_DATA_CHANGED'
  | 'REGISTER_DATABASE_CHANGED'
  | 'USE_PROHIBITED'
  | 'CLOCK_NOT_SET'
  | 'CLOCK_OUT_OF_SYNC'
  | 'CLOCK_BEHIND'
  | 'OFFLINE_LIMIT_REACHED'
  | 'OFFLINE_LIMIT_NEAR'
  | 'SHIFT_TOO_LONG';

/** One problem of a form, a file row (`line`) or a receipt: the field at fault and its code. */
export type FieldProblem = {
  readonly field: string;
  readonly code: CashdeskErrorCode;
  readonly line?: number;
  readonly details?: Readonly<Record<string, unknown>>;
};

const t = (tg: string, ru: string, en: string) => ({ tg, ru, en });

export const cashdeskProblems = {
  // Catalogue (p.5, p.65 item 6, p.68 item 5)
  /** The product has problems; `details.problems` lists each field. Fix them and save again. */
  PRODUCT_INVALID: { status: 422, title: t('Маълумоти мол нодуруст аст', 'Неверные данные товара', 'The product data are not valid') },
  /** Neither an article code nor a GTIN was given: one of them identifies the product. */
  PRODUCT_CODE_MISSING: { status: 422, title: t('Рамзи мол нишон дода нашудааст', 'Не указан код товара', 'The product code is missing') },
  /** The article code has characters other than letters, digits and . _ - / or is longer than 32. */
  PRODUCT_CODE_INVALID: { status: 422, title: t('Рамзи мол нодуруст аст', 'Неверный код товара', 'The product code is not valid') },
  /** The Tajik name is required: receipts are printed mostly in the state language (p.65, p.68). */
  PRODUCT_NAME_MISSING: {
    status: 422,
    title: t('Номи мол ба забони тоҷикӣ лозим аст', 'Нужно название товара на таджикском', 'The Tajik name of the product is required'),
  },
  /** A name is longer than 128 characters. */
  PRODUCT_NAME_TOO_LONG: { status: 422, title: t('Номи мол хеле дароз аст', 'Слишком длинное название товара', 'The product name is too long') },
  /** A GTIN has 8, 12, 13 or 14 digits (p.2, GS1). */
  GTIN_FORMAT_INVALID: {
    status: 422,
    title: t('Рамзи GS1 бояд 8, 12, 13 ё 14 рақам дошта бошад', 'Код GS1 должен содержать 8, 12, 13 или 14 цифр', 'A GS1 code has 8, 12, 13 or 14 digits'),
  },
  /** The GTIN's last digit does not match: a typing or reading error. */
  GTIN_CHECK_DIGIT_WRONG: {
    status: 422,
    title: t('Рақами назоратии рамзи GS1 нодуруст аст', 'Неверная контрольная цифра кода GS1', 'The GS1 check digit is wrong'),
  },
  /** Units: piece, pack, service, kg, litre, metre, m2, m3. */
  UNIT_UNKNOWN: { status: 422, title: t('Воҳиди ченак маълум нест', 'Неизвестная единица измерения', 'Unknown unit of measure') },
  /** A price is a positive whole number of dirams (in a file: somoni with up to two decimals). */
  PRICE_INVALID: { status: 422, title: t('Нарх нодуруст аст', 'Неверная цена', 'The price is not valid') },
  /** Tax kinds: vat, simplified, none. */
  TAX_KIND_UNKNOWN: { status: 422, title: t('Навъи андоз маълум нест', 'Неизвестный вид налога', 'Unknown tax kind') },
  /** VAT and the simplified regime have a rate above 0 and at most 100 %; "none" has rate 0. */
  TAX_RATE_INVALID: { status: 422, title: t('Меъёри андоз нодуруст аст', 'Неверная ставка налога', 'The tax rate is not valid') },
  /** The marking column takes yes/no (also 1/0, true/false, ҳа/не, да/нет). */
  MARKING_FLAG_INVALID: { status: 422, title: t('Қимати «тамғагузорӣ» нодуруст аст', 'Неверное значение «маркировка»', 'The marking value is not valid') },
  /** No product with this code or GTIN. */
  PRODUCT_NOT_FOUND: { status: 404, title: t('Мол ёфт нашуд', 'Товар не найден', 'Product not found') },
  /** Another product already has this article code. */
  PRODUCT_CODE_TAKEN: {
    status: 409,
    title: t('Моли дигар бо ин рамз аллакай ҳаст', 'Товар с таким кодом уже есть', 'A product with this code already exists'),
  },
  /** Another product already has this GTIN (`details.code` names it). */
  GTIN_TAKEN: {
    status: 409,
    title: t('Ин рамзи GS1 ба моли дигар тааллуқ дорад', 'Этот код GS1 уже у другого товара', 'This GS1 code belongs to another product'),
  },
  /** The file has bad rows; `details.problems` names each line and column. Nothing was imported. */
  CATALOGUE_IMPORT_INVALID: { status: 422, title: t('Файли номгӯи мол нодуруст аст', 'Неверный файл номенклатуры', 'The product list file is not valid') },
  /** The file has a column the register does not know. */
  COLUMN_UNKNOWN: { status: 422, title: t('Сутуни номаълум', 'Неизвестный столбец', 'Unknown column') },
  /** The same article code appears twice in the file (`details.firstLine`). */
  PRODUCT_CODE_REPEATED: {
    status: 422,
    title: t('Рамзи мол дар файл такрор шудааст', 'Код товара повторяется в файле', 'The product code is repeated in the file'),
  },
  /** The same GTIN appears twice in the file (`details.firstLine`). */
  GTIN_REPEATED: { status: 422, title: t('Рамзи GS1 дар файл такрор шудааст', 'Код GS1 повторяется в файле', 'The GS1 code is repeated in the file') },

  // Sale (p.9, p.10)
  /** The receipt cannot be issued; `details.problems` lists every reason. */
  SALE_INVALID: { status: 422, title: t('Расидро баровардан мумкин нест', 'Чек нельзя выдать', 'The receipt cannot be issued') },
  /** A receipt needs at least one line. */
  RECEIPT_EMPTY: { status: 422, title: t('Расид холӣ аст', 'Чек пуст', 'The receipt is empty') },
  /** Quantities are positive, in thousandths of the unit, at most a million units. */
  QUANTITY_INVALID: { status: 422, title: t('Миқдор нодуруст аст', 'Неверное количество', 'The quantity is not valid') },
  /** This unit is sold in whole units only. */
  QUANTITY_NOT_WHOLE: { status: 422, title: t('Миқдор бояд адади бутун бошад', 'Количество должно быть целым', 'The quantity must be whole') },
  /** A marking code identifies one item: a marked line is one unit. */
  MARKED_QUANTITY_NOT_ONE: {
    status: 422,
    title: t('Моли тамғагузоришуда танҳо як-як фурӯхта мешавад', 'Маркированный товар продаётся по одной единице', 'Marked goods are sold one item per line'),
  },
  /** A marked product needs its marking code on the receipt (p.9 field 7): scan it. */
  MARKING_CODE_MISSING: { status: 422, title: t('Рамзи тамғагузории мол нест', 'Нет кода маркировки товара', 'The marking code is missing') },
  /** The marking code has characters a marking code cannot have, or is too long. */
  MARKING_CODE_INVALID: { status: 422, title: t('Рамзи тамғагузорӣ нодуруст аст', 'Неверный код маркировки', 'The marking code is not valid') },
  /** This marking code is already on the receipt: the same item was scanned twice. */
  MARKING_CODE_REPEATED: {
    status: 422,
    title: t('Ин рамзи тамғагузорӣ аллакай дар расид аст', 'Этот код маркировки уже в чеке', 'This marking code is already on the receipt'),
  },
  /** The marking code carries another product's GTIN. */
  MARKING_CODE_OTHER_PRODUCT: {
    status: 422,
    title: t('Рамзи тамғагузорӣ ба моли дигар тааллуқ дорад', 'Код маркировки другого товара', 'The marking code is of another product'),
  },
  /** No line with this number on the receipt. */
  LINE_NOT_FOUND: { status: 404, title: t('Сатри расид ёфт нашуд', 'Строка чека не найдена', 'Receipt line not found') },
  /** The quantity is so small that the line comes to 0 dirams. */
  LINE_AMOUNT_ZERO: { status: 422, title: t('Маблағи сатр сифр аст', 'Сумма строки равна нулю', 'The line amount is zero') },
  /** The total is beyond what one receipt may carry: split it. */
  RECEIPT_TOTAL_TOO_LARGE: { status: 422, title: t('Маблағи расид аз ҳад зиёд аст', 'Сумма чека слишком велика', 'The receipt total is too large') },
  /** Amounts paid are whole, non-negative numbers of dirams. */
  PAYMENT_INVALID: { status: 422, title: t('Маблағи пардохт нодуруст аст', 'Неверная сумма оплаты', 'The payment amount is not valid') },
  /** The card (or other non-cash means) pays at most the total: no change is given from a card. */
  CARD_EXCEEDS_TOTAL: {
    status: 422,
    title: t('Пардохт бо корт аз маблағи расид зиёд аст', 'Оплата картой больше суммы чека', 'The card payment exceeds the total'),
  },
  /** The card pays everything: no cash is taken. */
  CASH_NOT_DUE: { status: 422, title: t('Пули нақд лозим нест', 'Наличные не требуются', 'No cash is due') },
  /** The cash given is less than what is left to pay after the card (`details.cashDue`). */
  CASH_INSUFFICIENT: { status: 422, title: t('Пули нақд кам аст', 'Недостаточно наличных', 'Not enough cash') },

  // Refund (section 6, p.39-42)
  /** The refund cannot be made; `details.problems` lists every reason. */
  REFUND_INVALID: { status: 422, title: t('Баргардониданро анҷом додан мумкин нест', 'Возврат невозможен', 'The refund cannot be made') },
  /** Only a sale can be refunded. */
  REFUND_ORIGINAL_NOT_A_SALE: {
    status: 422,
    title: t('Расиди аслӣ расиди фурӯш нест', 'Исходный чек не является чеком продажи', 'The original receipt is not a sale'),
  },
  /** The original receipt has no such line. */
  REFUND_LINE_NOT_FOUND: {
    status: 422,
    title: t('Дар расиди аслӣ чунин сатр нест', 'В исходном чеке нет такой строки', 'The original receipt has no such line'),
  },
  /** A line of the original is named twice in one refund. */
  REFUND_LINE_REPEATED: {
    status: 422,
    title: t('Сатри расиди аслӣ ду бор омадааст', 'Строка исходного чека указана дважды', 'An original line is named twice'),
  },
  /** More would be returned than was sold on the line, counting earlier refunds (`details` says what is left). */
  REFUND_EXCEEDS_SALE: { status: 422, title: t('Баргардонидан аз фурӯш зиёд аст', 'Возврат превышает продажу', 'The refund exceeds the sale') },
  /** Everything on the receipt has already been refunded. */
  REFUND_NOTHING_LEFT: {
    status: 422,
    title: t('Ҳамаи расид аллакай баргардонида шудааст', 'Весь чек уже возвращён', 'The whole receipt has already been refunded'),
  },
  /** p.41: the buyer's surname, name and patronymic are written on the application and the cash expense order. */
  REFUND_BUYER_NAME_MISSING: {
    status: 422,
    title: t('Насаб, ном ва номи падари харидорро нависед', 'Укажите фамилию, имя и отчество покупателя', "Enter the buyer's surname, name and patronymic"),
  },

  // Guard (p.34, p.36, p.65, p.67, p.68, p.70)
  /** p.65 item 10, p.68 item 7: at least 6 characters. */
  PASSWORD_TOO_SHORT: {
    status: 422,
    title: t('Рамзи барнома бояд на камтар аз 6 аломат бошад', 'Пароль программы не короче 6 символов', 'The program password needs at least 6 characters'),
  },
  /** The register is not in the operator's registry (p.3, p.19): register it through the TSC. */
  REGISTER_NOT_REGISTERED: { status: 403, title: t('Хазина ба қайд гирифта нашудааст', 'Касса не зарегистрирована', 'The register is not registered') },
  /** The register has been deregistered (p.31-32): it may not issue receipts. */
  REGISTER_DEREGISTERED: { status: 403, title: t('Хазина аз қайд бароварда шудааст', 'Касса снята с учёта', 'The register has been deregistered') },
  /** No fiscal module is connected (p.68 item 2, p.70). */
  MODULE_MISSING: { status: 403, title: t('Модули фискалӣ пайваст нест', 'Фискальный модуль не подключён', 'No fiscal module is connected') },
  /** The module is not in the operator's registry or was not commissioned (p.56, p.81): call the TSC. */
  MODULE_NOT_REGISTERED: {
    status: 403,
    title: t('Модули фискалӣ ба қайд гирифта нашудааст', 'Фискальный модуль не зарегистрирован', 'The fiscal module is not registered'),
  },
  /** The module is bound to another register (p.68 item 12: one module, one register). */
  WRONG_REGISTER: {
    status: 403,
    title: t('Модули фискалӣ ба хазинаи дигар тааллуқ дорад', 'Фискальный модуль принадлежит другой кассе', 'The fiscal module belongs to another register'),
  },
  /** The module's memory is full (p.68 item 4): the TSC replaces it. */
  MODULE_MEMORY_FULL: { status: 409, title: t('Хотираи модули фискалӣ пур аст', 'Память фискального модуля заполнена', 'The fiscal module memory is full') },
  /** The module is faulty or locked (p.68 item 4): call the TSC. */
  MODULE_LOCKED: { status: 409, title: t('Модули фискалӣ баста шудааст', 'Фискальный модуль заблокирован', 'The fiscal module is locked') },
  /** The business's registration data changed (p.70): the register is updated through the TSC first. */
  BUSINESS_DATA_CHANGED: {
    status: 403,
    title: t('Маълумоти субъекти хоҷагидорӣ тағйир ёфтааст', 'Данные хозяйствующего субъекта изменились', "The business's data have changed"),
  },
  /** The register's database was changed outside the program (p.68 item 3): it locks itself; call the TSC. */
  REGISTER_DATABASE_CHANGED: {
    status: 403,
    title: t(
      'Маҳзани маълумоти хазина берун аз барнома тағйир дода шудааст',
      'База данных кассы изменена извне',
      "The register's database was changed from outside",
    ),
  },
  /** The operator marked the register's use as prohibited (p.70); `details.grounds` says why. */
  USE_PROHIBITED: { status: 403, title: t('Истифодаи хазина манъ аст', 'Использование кассы запрещено', 'Use of the register is prohibited') },
  /** The clock was not set from the operator today (p.34, p.68 item 10): connect to the Internet. */
  CLOCK_NOT_SET: {
    status: 409,
    title: t('Сана ва вақт имрӯз санҷида нашудаанд', 'Дата и время сегодня не проверены', 'The date and time were not checked today'),
  },
  /** The clock differs from the operator's time beyond the tolerance (UTC+05:00, p.68 item 10). */
  CLOCK_OUT_OF_SYNC: { status: 409, title: t('Вақти хазина нодуруст аст', 'Время кассы неверно', "The register's clock is wrong") },
  /** The clock is earlier than the module's last document. */
  CLOCK_BEHIND: {
    status: 409,
    title: t('Вақти хазина аз ҳуҷҷати охирин пеш аст', 'Время кассы раньше последнего документа', 'The clock is behind the last document'),
  },
  /** p.36: the offline documents must reach the operator; the register stops a safety margin before the 24 hours. */
  OFFLINE_LIMIT_REACHED: {
    status: 409,
    title: t(
      'Мӯҳлати кори офлайн ба охир расид: ба оператор пайваст шавед',
      'Время работы офлайн истекло: подключитесь к оператору',
      'Offline time is up: connect to the operator',
    ),
  },
  /** A warning, not a refusal: offline time runs out soon (`details.msLeft`). */
  OFFLINE_LIMIT_NEAR: { status: 409, title: t('Мӯҳлати кори офлайн ба охир мерасад', 'Время работы офлайн скоро истечёт', 'Offline time is running out') },
  /** The shift has lasted 24 hours (p.2: the Z-report is daily): close it with a Z-report. */
  SHIFT_TOO_LONG: {
    status: 409,
    title: t('Баст аз 24 соат зиёд шуд, Z-ҳисоботро созед', 'Смена длится более 24 часов, закройте её Z-отчётом', 'The shift is over 24 hours: close it'),
  },
} as const satisfies ProblemCatalogue<CashdeskErrorCode>;
