import type { ProblemCatalogue } from '../../../platform/problems.ts';

/** Refusals of preliminary information, temporary storage and the warehouse register (docs/customs-arrival.md). */
export type ArrivalErrorCode =
  | 'ARRIVAL_VALUE_INVALID'
  | 'ARRIVAL_OFFICE_UNKNOWN'
  | 'PI_NOT_FOR_PIPELINE_OR_POWER_LINE'
  | 'PI_SUBMITTER_ROLE_MISMATCH'
  | 'PI_OFFICE_NOT_COMPETENT'
  | 'PI_COMMODITY_CODE_UNKNOWN'
  | 'PI_ARRIVAL_IN_PAST'
  | 'PI_PAPER_WITHOUT_OUTAGE'
  | 'PI_NOT_FOUND'
  | 'PI_ALREADY_DECIDED'
  | 'PI_NOT_REGISTERED'
  | 'PI_EXPIRED'
  | 'OUTAGE_NOT_FOUND'
  | 'OUTAGE_PERIOD_INVALID'
  | 'OUTAGE_ALREADY_ENDED'
  | 'STORAGE_NOT_FOUND'
  | 'STORAGE_ALREADY_PRESENTED'
  | 'STORAGE_NOT_ACTIVE'
  | 'STORAGE_ALREADY_SHORT_DECLARED'
  | 'STORAGE_NOT_YOUR_GOODS'
  | 'STORAGE_PLACE_OUTSIDE_REGION'
  | 'STORAGE_SECURITY_REQUIRED'
  | 'STORAGE_SECURITY_INVALID'
  | 'STORAGE_EXTENSION_BEYOND_MAXIMUM'
  | 'STORAGE_EXTENSION_PENDING'
  | 'STORAGE_EXTENSION_NOT_PENDING'
  | 'WAREHOUSE_PURPOSE_NOT_ALLOWED'
  | 'WAREHOUSE_INSURANCE_REQUIRED'
  | 'WAREHOUSE_POLICY_REQUIRED'
  | 'WAREHOUSE_APPLICATION_NOT_FOUND'
  | 'WAREHOUSE_APPLICATION_DECIDED'
  | 'WAREHOUSE_NOT_FOUND'
  | 'WAREHOUSE_NOT_IN_REGISTER'
  | 'WAREHOUSE_NOT_YOURS'
  | 'WAREHOUSE_GOODS_NOT_DECLARED_HERE'
  | 'WAREHOUSE_GOODS_NOT_RELEASED'
  | 'WAREHOUSE_QUANTITY_EXCEEDED';

const t = (tg: string, ru: string, en: string) => ({ tg, ru, en });

export const arrivalProblems = {
  /** A value is missing, out of range or inconsistent with another (`field` names it): correct it and send again. */
  ARRIVAL_VALUE_INVALID: { status: 422, title: t('Қимати майдон нодуруст аст', 'Неверное значение поля', 'A field value is not valid') },
  /** No customs office with this code is in force on that day (reference data `offices`). */
  ARRIVAL_OFFICE_UNKNOWN: { status: 422, title: t('Чунин мақоми гумрук нест', 'Такого таможенного органа нет', 'No such customs office') },
  /** Art.11-1 p.8 (CUS-PI-11): goods moved by pipeline or power line have no preliminary information; declare them without it. */
  PI_NOT_FOR_PIPELINE_OR_POWER_LINE: {
    status: 422,
    title: t(
      'Барои қубур ва хати барқ маълумоти пешакӣ пешниҳод намешавад',
      'Для трубопроводного транспорта и линий электропередачи предварительная информация не представляется',
      'No preliminary information is submitted for pipeline or power-line transport',
    ),
  },
  /** Art.11-1 p.4 (CUS-PI-07): road transport — the declarant submits; river, air and rail — the carrier. `details.requiredRole` says who. */
  PI_SUBMITTER_ROLE_MISMATCH: {
    status: 403,
    title: t(
      'Барои ин намуди нақлиёт маълумоти пешакиро шахси дигар пешниҳод мекунад',
      'Для этого вида транспорта предварительную информацию представляет другое лицо',
      'Another person submits preliminary information for this mode of transport',
    ),
  },
  /** The office of arrival does not accept preliminary information for this mode of transport (art.125): choose a competent office. */
  PI_OFFICE_NOT_COMPETENT: {
    status: 422,
    title: t(
      'Мақоми гумрук барои ин намуди нақлиёт маълумоти пешакӣ қабул намекунад',
      'Таможенный орган не принимает предварительную информацию для этого вида транспорта',
      'The office does not accept preliminary information for this mode of transport',
    ),
  },
  /** A goods line names a commodity code that is not in the nomenclature on the day of submission. */
  PI_COMMODITY_CODE_UNKNOWN: {
    status: 422,
    title: t('Рамзи ТН ФИХ дар номенклатура нест', 'Кода ТН ВЭД нет в номенклатуре', 'The commodity code is not in the nomenclature'),
  },
  /** Preliminary information is data on goods before they arrive (art.11-1 p.1): the expected arrival is already past. */
  PI_ARRIVAL_IN_PAST: {
    status: 422,
    title: t('Вақти омадан аллакай гузаштааст', 'Время прибытия уже прошло', 'The expected time of arrival is already past'),
  },
  /** Art.11-1 p.2 (CUS-PI-04): paper only while a recorded outage affects the office at the time the paper was received. */
  PI_PAPER_WITHOUT_OUTAGE: {
    status: 422,
    title: t(
      'Шакли хаттӣ танҳо ҳангоми қатъи низоми иттилоотӣ иҷозат аст',
      'Письменная форма допускается только при сбое информационной системы',
      'Paper is allowed only during a recorded outage of the information system',
    ),
  },
  /** No preliminary information with this id or number visible to the caller. */
  PI_NOT_FOUND: { status: 404, title: t('Маълумоти пешакӣ ёфт нашуд', 'Предварительная информация не найдена', 'Preliminary information not found') },
  /** Only submitted preliminary information is registered or refused (art.11-1 p.5); this one is already decided. */
  PI_ALREADY_DECIDED: {
    status: 409,
    title: t(
      'Дар бораи маълумоти пешакӣ аллакай қарор қабул шудааст',
      'Решение по предварительной информации уже принято',
      'The preliminary information is already decided',
    ),
  },
  /** Only registered preliminary information is reused (art.11-1 p.3, p.5): this one is submitted or refused. */
  PI_NOT_REGISTERED: {
    status: 409,
    title: t('Маълумоти пешакӣ ба қайд гирифта нашудааст', 'Предварительная информация не зарегистрирована', 'The preliminary information is not registered'),
  },
  /** Art.11-1 p.6 (CUS-PI-09): 30 calendar days from the day of registration have passed; submit new preliminary information. */
  PI_EXPIRED: {
    status: 409,
    title: t('Мӯҳлати маълумоти пешакӣ гузаштааст', 'Срок предварительной информации истёк', 'The preliminary information has expired'),
  },
  /** No outage with this id in the register. */
  OUTAGE_NOT_FOUND: { status: 404, title: t('Қатъи низом ёфт нашуд', 'Сбой системы не найден', 'Outage not found') },
  /** The outage ends before it starts, or starts in the future. */
  OUTAGE_PERIOD_INVALID: { status: 422, title: t('Давраи қатъи низом нодуруст аст', 'Неверный период сбоя', 'The outage period is not valid') },
  /** The outage already has an end. */
  OUTAGE_ALREADY_ENDED: { status: 409, title: t('Қатъи низом аллакай анҷом ёфтааст', 'Сбой уже завершён', 'The outage has already ended') },
  /** No storage record with this number visible to the caller. */
  STORAGE_NOT_FOUND: { status: 404, title: t('Сабти нигоҳдории муваққатӣ ёфт нашуд', 'Запись о временном хранении не найдена', 'Storage record not found') },
  /** The goods of this preliminary information were already presented on arrival (one storage record each). */
  STORAGE_ALREADY_PRESENTED: {
    status: 409,
    title: t('Ин мол аллакай пешниҳод шудааст', 'Эти товары уже предъявлены', 'These goods were already presented'),
  },
  /** The goods left temporary storage (released) or were handed to disposal under Chapter 57; `details.status` says which. */
  STORAGE_NOT_ACTIVE: {
    status: 409,
    title: t('Мол дигар дар нигоҳдории муваққатӣ нест', 'Товары больше не находятся на временном хранении', 'The goods are no longer in temporary storage'),
  },
  /** The short declaration for these goods was already submitted. */
  STORAGE_ALREADY_SHORT_DECLARED: {
    status: 409,
    title: t('Эъломияи мухтасар аллакай пешниҳод шудааст', 'Краткая декларация уже подана', 'The short declaration was already submitted'),
  },
  /** Art.77 p.2: only the declarant of the goods or a customs broker acting as its authorised representative may file for them. */
  STORAGE_NOT_YOUR_GOODS: {
    status: 403,
    title: t(
      'Шумо декларант ё намояндаи ин мол нестед',
      'Вы не декларант и не представитель по этим товарам',
      'You are not the declarant or representative for these goods',
    ),
  },
  /** Art.77 p.2: the place must be in the region of the customs office where the goods were presented. */
  STORAGE_PLACE_OUTSIDE_REGION: {
    status: 422,
    title: t('Ҷой берун аз минтақаи мақоми гумрук аст', 'Место вне региона таможенного органа', 'The place is outside the region of the customs office'),
  },
  /** Art.117 p.2 (CUS-TS-17): storage at the recipient's warehouse needs security for payment (Chapter 46): give its reference and amount. */
  STORAGE_SECURITY_REQUIRED: {
    status: 422,
    title: t('Таъминоти пардохт лозим аст', 'Требуется обеспечение уплаты', 'Security for payment is required'),
  },
  /** The security reference was not found as valid for at least the amount in the guarantee registry. */
  STORAGE_SECURITY_INVALID: {
    status: 422,
    title: t('Таъминоти пардохт эътибор надорад', 'Обеспечение уплаты недействительно', 'The security for payment is not valid'),
  },
  /** Art.103 p.1: an extension cannot go past the maximum storage period; `details.maximumEndsAt` gives it. */
  STORAGE_EXTENSION_BEYOND_MAXIMUM: {
    status: 422,
    title: t('Тамдид аз мӯҳлати ниҳоӣ зиёд аст', 'Продление выходит за предельный срок', 'The extension goes past the maximum period'),
  },
  /** A request for extension is already waiting for a decision. */
  STORAGE_EXTENSION_PENDING: {
    status: 409,
    title: t('Дархости тамдид аллакай баррасӣ мешавад', 'Запрос на продление уже рассматривается', 'An extension request is already pending'),
  },
  /** There is no pending extension request to decide. */
  STORAGE_EXTENSION_NOT_PENDING: {
    status: 409,
    title: t('Дархости тамдиди баррасинашуда нест', 'Нет нерассмотренного запроса на продление', 'No extension request is pending'),
  },
  /** Art.106 p.3 (CUS-TS-9): a closed-type warehouse stores the owner's goods only, never "special goods" for others. */
  WAREHOUSE_PURPOSE_NOT_ALLOWED: {
    status: 422,
    title: t('Ин таъинот барои навъи анбор иҷозат нест', 'Это назначение недопустимо для типа склада', 'This purpose is not allowed for the warehouse type'),
  },
  /** Art.109 p.1, art.110 p.2 (CUS-TS-10, 11): an open-type warehouse needs the applicant's liability insurance data. */
  WAREHOUSE_INSURANCE_REQUIRED: {
    status: 422,
    title: t('Барои анбори навъи кушода суғурта лозим аст', 'Для склада открытого типа нужно страхование', 'An open-type warehouse needs insurance'),
  },
  /** Art.110 p.3 (CUS-TS-12): an open-type warehouse application attaches the insurance policy. */
  WAREHOUSE_POLICY_REQUIRED: {
    status: 422,
    title: t('Полиси суғурта замима нашудааст', 'Не приложен страховой полис', 'The insurance policy is not attached'),
  },
  /** No application with this id visible to the caller. */
  WAREHOUSE_APPLICATION_NOT_FOUND: { status: 404, title: t('Ариза ёфт нашуд', 'Заявление не найдено', 'Application not found') },
  /** The application was already approved or refused. */
  WAREHOUSE_APPLICATION_DECIDED: {
    status: 409,
    title: t('Дар бораи ариза аллакай қарор қабул шудааст', 'Решение по заявлению уже принято', 'The application is already decided'),
  },
  /** No warehouse with this id in the register. */
  WAREHOUSE_NOT_FOUND: { status: 404, title: t('Анбор ёфт нашуд', 'Склад не найден', 'Warehouse not found') },
  /** The named warehouse is not an active temporary storage warehouse in the register. */
  WAREHOUSE_NOT_IN_REGISTER: {
    status: 422,
    title: t('Анбор дар феҳрист нест', 'Склада нет в реестре', 'The warehouse is not in the register'),
  },
  /** Only the warehouse owner (by TIN) keeps its goods record. */
  WAREHOUSE_NOT_YOURS: { status: 403, title: t('Анбор ба шумо тааллуқ надорад', 'Склад вам не принадлежит', 'The warehouse is not yours') },
  /** Goods in are tied to a short declaration that places the goods in this warehouse (art.112 p.1 i.2, CUS-TS-15). */
  WAREHOUSE_GOODS_NOT_DECLARED_HERE: {
    status: 422,
    title: t(
      'Мол бо эъломияи мухтасар ба ин анбор ҷой дода нашудааст',
      'Товары не помещены на этот склад краткой декларацией',
      'The goods were not short-declared into this warehouse',
    ),
  },
  /** Goods out are tied to the release document (art.121 p.1): customs has not released the goods on that document. */
  WAREHOUSE_GOODS_NOT_RELEASED: {
    status: 422,
    title: t('Мол бо ин ҳуҷҷат озод карда нашудааст', 'Товары не выпущены по этому документу', 'The goods were not released on this document'),
  },
  /** More goods in than declared, or more goods out than are in the warehouse; `details` give the figures. */
  WAREHOUSE_QUANTITY_EXCEEDED: {
    status: 422,
    title: t('Миқдор аз бақия зиёд аст', 'Количество превышает остаток', 'The quantity exceeds what is available'),
  },
} satisfies ProblemCatalogue<ArrivalErrorCode>;
