import type { Localised } from '../../../platform/i18n.ts';
import type { Attribute, DeadlineRule, ServiceGroup, ServiceLine, StartEvent } from './types.ts';

/**
 * Annex 2 of Tax Committee order No 396 of 17 June 2025, the Unified Standard of Services to
 * Taxpayers (seed 003; spec/tax-services.md sections 2, 3 and 5): 12 groups, 52 codes, 59
 * deadline lines. The Tajik texts are the seed's own words, decoded from its legacy font and with
 * the PDF's line breaks, hyphenation and list dashes removed; spelling slips of the source are kept
 * (marked "sic"). A value the row does not print and that was taken from the adjacent merged cell
 * is `inferred` (spec †, A-1). docs/tax-services-deadlines.md explains every reading.
 *
 * The file is a data table and is longer than the usual 300 lines on purpose: one line per row of
 * the order reads better than a table split over files.
 */

/** The order this catalogue reproduces, and the order it repealed (TS-04: the catalogue is versioned). */
export const CATALOGUE_396_META = { order: '396', date: '2025-06-17', replaces: { order: '250', date: '2024-04-22' } } as const;

const L = (tg: string, ru: string, en: string): Localised => ({ tg, ru, en });
const printed = <T>(value: T): Attribute<T> => ({ value, inferred: false });
const inferred = <T>(value: T): Attribute<T> => ({ value, inferred: true });

/** Annex 1 p.7, the canonical group names. */
export const SERVICE_GROUPS: readonly ServiceGroup[] = Object.freeze([
  {
    code: '01.00.00',
    name: L(
      'Баҳисобгирии андозсупорандагон, гузоштан дар баҳисобгирӣ ва бақайдгирии андозӣ',
      'Учёт налогоплательщиков, постановка на учёт и налоговая регистрация',
      'Taxpayer accounting, placing on the register and tax registration',
    ),
  },
  {
    code: '02.00.00',
    name: L(
      'Бақайдгирии давлатии шахсони ҳуқуқӣ ва соҳибкорони инфиродӣ',
      'Государственная регистрация юридических лиц и индивидуальных предпринимателей',
      'State registration of legal entities and individual entrepreneurs',
    ),
  },
  {
    code: '03.00.00',
    name: L(
      'Бақайдгирӣ ва бекор кардани шаҳодатномаи андоз аз арзиши иловашуда (ААИ), бақайдгирии объектҳои бизнеси бозӣ',
      'Регистрация и аннулирование свидетельства плательщика налога на добавленную стоимость (НДС), регистрация объектов игорного бизнеса',
      'Registration and cancellation of the value added tax (VAT) certificate; registration of gambling business objects',
    ),
  },
  {
    code: '04.00.00',
    name: L(
      'Баҳисобгирии (бақайдгирии) андозҳо аз молу мулк (андоз аз объектҳои ғайриманқул, андози замин, андоз аз воситаҳои нақлиёт) ва объектҳои ба андозбандӣ алоқаманд',
      'Учёт (регистрация) налогов на имущество (налог на объекты недвижимого имущества, земельный налог, налог на транспортные средства) и связанных с налогообложением объектов',
      'Accounting (registration) of property taxes (real estate tax, land tax, vehicle tax) and related taxable objects',
    ),
  },
  { code: '05.00.00', name: L('Қабули эъломияҳои (ҳисоботҳои) андоз', 'Приём налоговых деклараций (отчётов)', 'Acceptance of tax declarations (reports)') },
  {
    code: '06.00.00',
    name: L(
      'Додани маълумотномаҳо дар бораи ҳолати ҳисоббаробаркунӣ бо буҷети давлатӣ, тартиб додани санади муқоисавӣ',
      'Выдача справок о состоянии расчётов с государственным бюджетом, составление акта сверки',
      'Issuing certificates on the status of settlements with the state budget; drawing up a reconciliation act',
    ),
  },
  {
    code: '07.00.00',
    name: L(
      'Додани хулоса ҷиҳати баргардонидан ва ё баҳисобгирии маблағи барзиёд пардохташудаи андозҳо, фоизҳо ва дигар пардохтҳои ҳатмӣ ба буҷет',
      'Выдача заключения о возврате или зачёте излишне уплаченных сумм налогов, процентов и других обязательных платежей в бюджет',
      'Issuing a conclusion on the refund or offset of overpaid taxes, interest and other mandatory payments to the budget',
    ),
  },
  {
    code: '08.00.00',
    name: L(
      'Додани тасдиқнома ҳангоми содироти алюминийи аввалия',
      'Выдача подтверждения при экспорте первичного алюминия',
      'Issuing a confirmation for exports of primary aluminium',
    ),
  },
  {
    code: '09.00.00',
    name: L(
      'Гузариш аз як низоми андозбандӣ ба дигар низоми андозбандӣ',
      'Переход с одного режима налогообложения на другой',
      'Transition from one taxation regime to another',
    ),
  },
  {
    code: '10.00.00',
    name: L('Пешбурди корҳои фаҳмондадиҳӣ ва тавзеҳотӣ', 'Проведение разъяснительной работы и дача разъяснений', 'Explanatory and clarification work'),
  },
  {
    code: '11.00.00',
    name: L(
      'Баррасии муроҷиатҳо ва шикоятҳои шаҳрвандон ва андозсупорандагон',
      'Рассмотрение обращений и жалоб граждан и налогоплательщиков',
      'Review of appeals and complaints of citizens and taxpayers',
    ),
  },
  {
    code: '12.00.00',
    name: L(
      'Кушодани ҳуҷраи шахсии андозсупоранда ва пешниҳоди калиди электронӣ',
      'Открытие личного кабинета налогоплательщика и предоставление электронного ключа',
      "Opening the taxpayer's personal cabinet and providing an electronic key",
    ),
  },
]);

// ---- Deadline rules (spec section 3) -------------------------------------------------------------

const REAL_TIME: DeadlineRule = { kind: 'real_time' };
const CAP_24H: DeadlineRule = { kind: 'real_time_capped', cap: { unit: 'hours', amount: 24 } };
const CAP_1WD: DeadlineRule = { kind: 'real_time_capped', cap: { unit: 'working_days', amount: 1 } };
const HOURS_24: DeadlineRule = { kind: 'hours', hours: 24 };
const wd = (days: number): DeadlineRule => ({ kind: 'working_days', days });
const cd = (days: number): DeadlineRule => ({ kind: 'calendar_days', days });

// ---- Deadline texts: tg verbatim from the seed ---------------------------------------------------

const T_RT = L('Дар реҷаи вақти воқеӣ', 'В режиме реального времени', 'In real time');
const T_RT_24H = L(
  'Дар реҷаи вақти воқеӣ, на дертар аз 24 соат, баъд аз пешниҳоди ариза',
  'В режиме реального времени, не позднее 24 часов после подачи заявления',
  'In real time, no later than 24 hours after submission of the application',
);
const T_24H_AFTER_DOCS = L(
  'То 24 соат баъд аз пешниҳоди ариза ва ҳуҷҷатҳои зарурӣ',
  'До 24 часов после подачи заявления и необходимых документов',
  'Up to 24 hours after submission of the application and the necessary documents',
);
const T_24H_LAW_DOCS = L(
  'То 24 соат аз лаҳзаи пешниҳоди ариза ва ҳуҷҷатҳои пешбининамудаи қонунгузорӣ',
  'До 24 часов с момента подачи заявления и документов, предусмотренных законодательством',
  'Up to 24 hours from the moment of submission of the application and the documents required by law',
);
const T_RT_1WD = L(
  'Дар реҷаи вақти воқеӣ, на дертар 1 рузи корӣ аз лаҳзаи муроҷиат',
  'В режиме реального времени, не позднее 1 рабочего дня с момента обращения',
  'In real time, no later than 1 working day from the moment of application',
);
const T_10CD_APPLICATION = L(
  'То 10 рӯзи тақвимӣ аз лаҳзаи муроҷиат',
  'До 10 календарных дней с момента обращения',
  'Up to 10 calendar days from the moment of application',
);
const T_30CD = L('То 30 рӯзи тақвимӣ', 'До 30 календарных дней', 'Up to 30 calendar days');
const T_10WD = L('То 10 рӯзи корӣ', 'До 10 рабочих дней', 'Up to 10 working days');

// ---- Results ------------------------------------------------------------------------------------

const R_TIN_CERTIFICATE = L(
  'Ирсоли Шаҳодатномаи РМА (электронӣ)',
  'Направление свидетельства об ИНН (в электронной форме)',
  'TIN certificate sent (electronic)',
);
const R_USR_EXTRACT = L('Ирсоли Иқтибос аз ФЯД (электронӣ)', 'Направление выписки из ЕГР (в электронной форме)', 'USR extract sent (electronic)');
const R_USR_EXTRACT_AND_COPY = L(
  'Ирсоли Иқтибос аз ФЯД, нусхаи ҳуҷҷати бақайдгирӣ (электронӣ)',
  'Направление выписки из ЕГР, копии регистрационного документа (в электронной форме)',
  'USR extract and copy of the registration document sent (electronic)',
);
const R_VAT_CERTIFICATE = L(
  'Ирсоли Шаҳодатномаи бақайдгирӣ (электронӣ)',
  'Направление свидетельства о регистрации (в электронной форме)',
  'Registration certificate sent (electronic)',
);
const R_CERTIFICATE_SENT = L('Ирсоли Шаҳодатнома (электронӣ)', 'Направление свидетельства (в электронной форме)', 'Certificate sent (electronic)');
const R_TIS_ENTRY = L('Ворид намудани маълумот ба СИА', 'Внесение сведений в НИС', 'Data entered into the TIS');
const R_RECONCILIATION = L(
  'Пешниҳоди санади муқоисавӣ (электронӣ)',
  'Предоставление акта сверки (в электронной форме)',
  'Reconciliation act provided (electronic)',
);
const R_REFUND_CONCLUSION = L(
  'Пешниҳоди хулоса дар бораи баргардонидани маблағ',
  'Предоставление заключения о возврате суммы',
  'Conclusion on refund of the amount provided',
);
const R_ESTABLISHED_MANNER = L('Бо тартиби муқарраршуда', 'В установленном порядке', 'In the established manner');
const R_REPLY_LETTER = L('Ирсол намудани мактуби ҷавобӣ', 'Направление ответного письма', 'Reply letter sent');
const R_ANSWER = L('Дарёфти посух', 'Получение ответа', 'Answer received');

// ---- Legal bases ---------------------------------------------------------------------------------

const TK = 'Налогового кодекса Республики Таджикистан';
const USR_LAW = L(
  'ҚҶТ «Дар бораи бақайдгирии давлатии шахсони ҳуқуқӣ ва соҳибкорони инфиродӣ»',
  'Закон Республики Таджикистан «О государственной регистрации юридических лиц и индивидуальных предпринимателей»',
  'Law "On state registration of legal entities and individual entrepreneurs"',
);
const TK_78_79_USR = L(
  'Моддаҳои 78 ва 79 КАҶТ ва ҚҶТ «Дар бораи бақайдгирии давлатии шахсони ҳуқуқӣ ва соҳибкорони инфиродӣ»',
  `Статьи 78 и 79 ${TK} и Закон Республики Таджикистан «О государственной регистрации юридических лиц и индивидуальных предпринимателей»`,
  'Articles 78 and 79 of the Tax Code and the Law "On state registration of legal entities and individual entrepreneurs"',
);
const TK_245 = L('Моддаи 245 КАҶТ', `Статья 245 ${TK}`, 'Article 245 of the Tax Code');
const TK_78 = L('Моддаи 78 КАҶТ', `Статья 78 ${TK}`, 'Article 78 of the Tax Code');
const TK_99_100 = L('Моддаҳои 99 ва 100 КАҶТ', `Статьи 99 и 100 ${TK}`, 'Articles 99 and 100 of the Tax Code');
const TK_241 = L('Моддаи 241 КАҶТ', `Статья 241 ${TK}`, 'Article 241 of the Tax Code');
const TK_42_274 = L('Моддаҳои 42 ва 274 КАҶТ', `Статьи 42 и 274 ${TK}`, 'Articles 42 and 274 of the Tax Code');
const TK_375 = L('Моддаи 375 КАҶТ', `Статья 375 ${TK}`, 'Article 375 of the Tax Code');
const TK_167 = L('Моддаи 167 КАҶТ', `Статья 167 ${TK}`, 'Article 167 of the Tax Code');
const APPEALS_33 = L(
  'Моддаи 33 КАҶТ, Қонуни ҶТ «Дар бораи муроҷиатҳои шахсони воқеӣ ва ҳуқуқӣ» ва тартиби дохили идоравӣ',
  `Статья 33 ${TK}, Закон Республики Таджикистан «Об обращениях физических и юридических лиц» и внутриведомственный порядок`,
  'Article 33 of the Tax Code; Law "On appeals of individuals and legal entities"; internal departmental procedure',
);
const PROTECTION_OF_INFORMATION = L(
  'Моддаи 20 КАҶТ, Қонун дар бораи ҳифзи иттилоот',
  `Статья 20 ${TK}, Закон «О защите информации»`,
  'Article 20 of the Tax Code; Law on the protection of information',
);
/** 05.05.05 prints no legal basis. */
const NOT_STATED = L('Нишон дода нашудааст', 'Не указано', 'Not stated');

// ---- Responsible units ---------------------------------------------------------------------------

const STATE_REGISTRATION_DIVISIONS = L(
  'Шуъба ва бахшҳои бақайдгирии давлатии шахсони ҳуқуқӣ ва соҳибкорони инфиродӣ дар шаҳру ноҳияҳо',
  'Отделы и секторы государственной регистрации юридических лиц и индивидуальных предпринимателей в городах и районах',
  'Divisions and sections for state registration of legal entities and IEs in cities and districts',
);
const STATE_REGISTRATION_SECTIONS = L(
  'Бахшҳои бақайдгирии давлатии шахсони ҳуқуқӣ ва соҳибкорони инфиродӣ дар шаҳру ноҳияҳо',
  'Секторы государственной регистрации юридических лиц и индивидуальных предпринимателей в городах и районах',
  'Sections for state registration of legal entities and IEs in cities and districts',
);
const DTAE = L(
  'Раёсати маъмурикунонии андоз ва таъмини иҷрои уҳдадориҳои андозӣ',
  'Управление налогового администрирования и обеспечения исполнения налоговых обязательств',
  'Department of Tax Administration and Enforcement of Tax Obligations (DTAE)',
);
const OBLIGATIONS_DIVISION = L(
  'Шуъбаи ташкил ва назорати иҷрои уҳдадориҳои андозии мақомоти ҳудудии андоз',
  'Отдел организации и контроля исполнения налоговых обязательств территориальных налоговых органов',
  'Division for organisation and control of fulfilment of tax obligations of territorial tax bodies',
);
const INDIVIDUALS_DIVISION = L(
  'Шуъбаи ташкили андозбандӣ аз шахсони воқеии мақомоти ҳудудии андоз',
  'Отдел организации налогообложения физических лиц территориальных налоговых органов',
  'Division for organisation of taxation of individuals of territorial tax bodies',
);
const REVENUE_DIVISIONS = L(
  'Шуъба ва бахшҳои баҳисобгирии даромадҳои мақомоти ҳудудии андоз',
  'Отделы и секторы учёта доходов территориальных налоговых органов',
  'Divisions and sections for revenue accounting of territorial tax bodies',
);
const ADMINISTRATION_AND_DATA_DEPARTMENTS = (tail: Localised): Localised =>
  L(
    `Раёсатҳои маъмурикунонии андоз ва таъмини иҷрои уҳдадориҳои андозӣ, баҳисобгирӣ ва коркарди маълумотҳо, ${tail.tg}`,
    `Управления налогового администрирования и обеспечения исполнения налоговых обязательств, учёта и обработки данных; ${tail.ru}`,
    `Departments of tax administration and enforcement of tax obligations, and of accounting and data processing; ${tail.en}`,
  );
const TERRITORIAL_BODIES = L('Мақомоти ҳудудии андоз', 'Территориальные налоговые органы', 'Territorial tax bodies');
const TSD = L('Раёсати хизматрасонӣ ба андозсупорандагон', 'Управление обслуживания налогоплательщиков', 'Taxpayer Services Department (TSD)');
/** КВД «МБМА»: the abbreviation is not expanded in the source. */
const MBMA = L('КВД «МБМА»', 'ГУП «МБМА»', 'SUE "MBMA"');
const CENTRAL_DEPARTMENTS = L('Раёсатҳои дастгоҳи марказии КА', 'Управления центрального аппарата Налогового комитета', 'Departments of the TC central office');

// ---- Cost (A-16) ---------------------------------------------------------------------------------

type Cost = ServiceLine['cost']['value'];
const FREE: Cost = { kind: 'free' };

// ---- Rows ----------------------------------------------------------------------------------------

type Row = {
  readonly code: string;
  readonly variant?: string;
  readonly name: Localised;
  readonly deadline: DeadlineRule;
  readonly deadlineText: Localised;
  readonly start: StartEvent;
  /** The start event is our reading (spec section 3 "[assumed]", A-8). */
  readonly assumed?: true;
  readonly result: ServiceLine['result'];
  readonly legalBasis: Attribute<Localised>;
  readonly cost: Attribute<Cost>;
  readonly unit: Attribute<Localised>;
  readonly electronic: boolean;
  readonly inferredCells?: ServiceLine['inferredCells'];
};

function line(row: Row): ServiceLine {
  const variant = row.variant ?? null;
  return Object.freeze({
    code: row.code,
    variant,
    key: `${row.code}${variant ?? ''}`,
    group: `${row.code.slice(0, 2)}.00.00`,
    name: row.name,
    deadline: row.deadline,
    deadlineText: row.deadlineText,
    startEvent: row.start,
    startEventAssumed: row.assumed ?? false,
    result: row.result,
    legalBasis: row.legalBasis,
    cost: row.cost,
    responsibleUnit: row.unit,
    electronic: row.electronic,
    ...(row.inferredCells ? { inferredCells: row.inferredCells } : {}),
  });
}

const group01: readonly Row[] = [
  {
    code: '01.01.01',
    name: L(
      'Баҳисобгирии шахсони воқеӣ дар мақомоти андоз',
      'Постановка на учёт физических лиц в налоговых органах',
      'Tax registration of individuals with the tax authorities',
    ),
    deadline: CAP_24H,
    deadlineText: T_RT_24H,
    start: 'application',
    result: { kind: 'tin_certificate', text: R_TIN_CERTIFICATE },
    legalBasis: printed(TK_78_79_USR),
    cost: inferred(FREE),
    unit: printed(STATE_REGISTRATION_DIVISIONS),
    electronic: true,
  },
  {
    code: '01.01.02',
    name: L('Баҳисобгирии шахсони ҳуқуқӣ – резидент', 'Постановка на учёт юридических лиц – резидентов', 'Tax registration of resident legal entities'),
    deadline: CAP_24H,
    deadlineText: T_RT_24H,
    start: 'application',
    result: { kind: 'tin_certificate', text: R_TIN_CERTIFICATE },
    legalBasis: inferred(TK_78_79_USR),
    cost: inferred(FREE),
    unit: inferred(STATE_REGISTRATION_DIVISIONS),
    electronic: true,
  },
  {
    code: '01.01.03',
    name: L(
      'Баҳисобгирӣ ва аз ҳисоббарории мақомоти ҳокимияти давлатӣ, ҳизбҳои сиёсӣ, иттиҳодияҳои ҷамъиятӣ, динӣ, ташкилоти ҷамъиятии давлатҳои хориҷӣ ва филиалу намояндагиҳои онҳо, филиалҳо ва намояндагиҳои шахсони ҳуқуқии хориҷӣ, намояндагиҳои дипломатӣ',
      'Постановка на учёт и снятие с учёта органов государственной власти, политических партий, общественных и религиозных объединений, общественных организаций иностранных государств и их филиалов и представительств, филиалов и представительств иностранных юридических лиц, дипломатических представительств',
      'Registration and deregistration of state authorities, political parties, public and religious associations, public organisations of foreign states and their branches and representative offices, branches and representative offices of foreign legal entities, and diplomatic missions',
    ),
    deadline: HOURS_24,
    deadlineText: T_24H_AFTER_DOCS,
    start: 'application_and_documents',
    result: {
      kind: 'tin_certificate',
      text: L(
        'Ирсоли Шаҳодатномаи РМА; пешниҳоди маълумот (электронӣ)',
        'Направление свидетельства об ИНН; предоставление сведений (в электронной форме)',
        'TIN certificate sent; information provided (electronic)',
      ),
    },
    legalBasis: inferred(TK_78_79_USR),
    cost: printed(FREE),
    unit: inferred(STATE_REGISTRATION_DIVISIONS),
    electronic: true,
  },
  {
    code: '01.01.04',
    // sic: "ҳисобарории" (for "ҳисоббарории") as printed.
    name: L(
      'Баҳисобгирӣ ва аз ҳисобарории хизматрасонии фосилавии шахсони хориҷӣ',
      'Постановка на учёт и снятие с учёта иностранных лиц, оказывающих услуги дистанционно',
      'Registration and deregistration of foreign persons providing remote (distance) services',
    ),
    deadline: HOURS_24,
    deadlineText: L(
      'То 24 соат аз лаҳзаи пешниҳоди ариза ва ҳуҷҷатҳои зарурӣ',
      'До 24 часов с момента подачи заявления и необходимых документов',
      'Up to 24 hours from the moment of submission of the application and the necessary documents',
    ),
    start: 'application_and_documents',
    result: {
      kind: 'registration_certificate',
      text: L(
        'Ирсоли Шаҳодатномаи баҳисобгирӣ; пешниҳоди маълумот (электронӣ)',
        'Направление свидетельства о постановке на учёт; предоставление сведений (в электронной форме)',
        'Registration certificate sent; information provided (electronic)',
      ),
    },
    legalBasis: printed(L('Моддаҳои 78 ва 79 КАҶТ', `Статьи 78 и 79 ${TK}`, 'Articles 78 and 79 of the Tax Code')),
    cost: printed(FREE),
    unit: printed(DTAE),
    electronic: true,
  },
  {
    code: '01.01.05',
    name: L(
      'Пешниҳод ва бекор кардани РСБ',
      'Присвоение и аннулирование кода причины постановки на учёт (КПП)',
      'Assignment and cancellation of the registration reason code (RRC)',
    ),
    deadline: HOURS_24,
    deadlineText: T_24H_AFTER_DOCS,
    start: 'application_and_documents',
    result: {
      kind: 'certificate',
      text: L(
        'Ирсоли Тасдиқнома оид ба РСБ; ворид намудани маълумоти дахлдор ба СИА (электронӣ)',
        'Направление подтверждения о КПП; внесение соответствующих сведений в НИС (в электронной форме)',
        'Confirmation of the RRC sent; relevant data entered into the TIS (electronic)',
      ),
    },
    legalBasis: printed(
      L(
        'Моддаҳои 79 ва 105 КАҶТ ва ҚҲҶТ аз 29.07.2022, №360',
        `Статьи 79 и 105 ${TK} и постановление Правительства Республики Таджикистан от 29.07.2022 № 360`,
        'Articles 79 and 105 of the Tax Code and GD of 29.07.2022, No 360',
      ),
    ),
    cost: inferred(FREE),
    unit: printed(
      L(
        'Шуъбаҳои баҳисобгирии даромадҳои мақомоти ҳудудии андоз',
        'Отделы учёта доходов территориальных налоговых органов',
        'Revenue accounting divisions of territorial tax bodies',
      ),
    ),
    electronic: true,
  },
];

const group02: readonly Row[] = [
  {
    code: '02.02.01',
    name: L(
      'Қабули ариза ва ҳуҷҷатҳо барои бақайдгирии давлатӣ',
      'Приём заявления и документов для государственной регистрации',
      'Acceptance of the application and documents for state registration',
    ),
    deadline: REAL_TIME,
    deadlineText: T_RT,
    start: 'application',
    result: {
      kind: 'receipt',
      text: L('Ирсоли забонхат (электронӣ)', 'Направление расписки (в электронной форме)', 'Receipt (acknowledgement) sent (electronic)'),
    },
    legalBasis: inferred(USR_LAW),
    cost: inferred(FREE),
    unit: printed(STATE_REGISTRATION_SECTIONS),
    electronic: true,
  },
  {
    code: '02.02.02',
    name: L(
      'Бақайдгирии давлатии: а) Шахси воқеӣ ба сифати соҳибкори инфиродӣ; б) қатъ гардидани фаъолияти соҳибкори инфиродӣ',
      'Государственная регистрация: а) физического лица в качестве индивидуального предпринимателя; б) прекращения деятельности индивидуального предпринимателя',
      "State registration of: (a) an individual as an individual entrepreneur; (b) termination of an individual entrepreneur's activity",
    ),
    deadline: CAP_24H,
    deadlineText: T_RT_24H,
    start: 'application',
    result: {
      kind: 'registration_certificate',
      text: L(
        'Ирсоли: а) патент, шаҳодатнома ва иқтибос аз ФЯД; б) иқтибос аз ФЯД (электронӣ)',
        'Направление: а) патента, свидетельства и выписки из ЕГР; б) выписки из ЕГР (в электронной форме)',
        'Sent: (a) patent, certificate and USR extract; (b) USR extract (electronic)',
      ),
    },
    legalBasis: inferred(USR_LAW),
    cost: printed(FREE),
    unit: inferred(STATE_REGISTRATION_SECTIONS),
    electronic: true,
  },
  {
    code: '02.02.03',
    name: L(
      'Бақайдгирии давлатии: а) Таъсисёбии шахси ҳуқуқӣ; б) Таъсисёбии филиал ва намояндагии шахсони ҳуқуқии хориҷӣ',
      'Государственная регистрация: а) создания юридического лица; б) создания филиала или представительства иностранного юридического лица',
      'State registration of: (a) establishment of a legal entity; (b) establishment of a branch or representative office of a foreign legal entity',
    ),
    deadline: HOURS_24,
    deadlineText: T_24H_LAW_DOCS,
    start: 'application_and_documents',
    result: {
      kind: 'registration_certificate',
      text: L(
        'Ирсоли Шаҳодатнома ва иқтибос аз ФЯД (электронӣ)',
        'Направление свидетельства и выписки из ЕГР (в электронной форме)',
        'Certificate and USR extract sent (electronic)',
      ),
    },
    legalBasis: inferred(USR_LAW),
    cost: inferred(FREE),
    unit: inferred(STATE_REGISTRATION_SECTIONS),
    electronic: true,
  },
  {
    code: '02.02.04',
    name: L(
      'Бақайдгирии давлатии: а) Барҳамдиҳии шахси ҳуқуқӣ ва ворид намудани маълумот ба ФЯД; б) Қатъи фаъолияти филиал ва намояндагии шахсони ҳуқуқии хориҷӣ',
      'Государственная регистрация: а) ликвидации юридического лица и внесение сведений в ЕГР; б) прекращения деятельности филиала или представительства иностранного юридического лица',
      'State registration of: (a) liquidation of a legal entity and entry of the data into the USR; (b) termination of a branch or representative office of a foreign legal entity',
    ),
    // 24 h to place the entity in the liquidation stage, then a review of up to 2 months.
    deadline: { kind: 'hours', hours: 24, stageMonths: 2 },
    deadlineText: L(
      'То 24 соат аз лаҳзаи пешниҳоди ариза гузоштан ба марҳилаи барҳамдиҳӣ (давраи баррасӣ то 2 моҳ)',
      'До 24 часов с момента подачи заявления — перевод в стадию ликвидации (срок рассмотрения до 2 месяцев)',
      'Up to 24 hours from the moment of submission of the application: placing into the liquidation stage (review period up to 2 months)',
    ),
    start: 'application',
    result: {
      kind: 'registration_certificate',
      text: L(
        'Ирсоли: а) Шаҳодатнома, иқтибос аз ФЯД; б) Иқтибос аз ФЯД (электронӣ)',
        'Направление: а) свидетельства, выписки из ЕГР; б) выписки из ЕГР (в электронной форме)',
        'Sent: (a) certificate, USR extract; (b) USR extract (electronic)',
      ),
    },
    legalBasis: inferred(USR_LAW),
    cost: inferred(FREE),
    unit: inferred(STATE_REGISTRATION_SECTIONS),
    electronic: true,
  },
  {
    code: '02.02.05',
    name: L(
      'Ворид намудани тағйиру иловаҳо дар ФЯД нисбати шахсони ҳуқуқӣ, соҳибкорони инфиродӣ, филиал ва намояндагии шахсони ҳуқуқии хориҷӣ',
      'Внесение изменений и дополнений в ЕГР в отношении юридических лиц, индивидуальных предпринимателей, филиалов и представительств иностранных юридических лиц',
      'Entering changes and additions into the USR for legal entities, IEs, and branches and representative offices of foreign legal entities',
    ),
    deadline: HOURS_24,
    deadlineText: T_24H_LAW_DOCS,
    start: 'application_and_documents',
    result: { kind: 'usr_extract', text: R_USR_EXTRACT_AND_COPY },
    legalBasis: inferred(USR_LAW),
    cost: printed(FREE),
    unit: inferred(STATE_REGISTRATION_SECTIONS),
    electronic: true,
  },
  {
    // The row prints only its name. Its deadline and result are read from the 02.02.05 cells,
    // which the text layer places as if centred over both rows (blank lines above them). The
    // catalog gives the result as "USR extract" only; the merged cell also names the copy of the
    // registration document, which is what this service issues (the seed wins).
    code: '02.02.06',
    name: L(
      'Пешниҳоди маълумот аз ФЯД ва ё «Нусхаи (дубликат)»-и ҳуҷҷати бақайдгирии давлатӣ (шаҳодатнома, патент) тибқи дархост',
      'Предоставление сведений из ЕГР или «копии (дубликата)» документа о государственной регистрации (свидетельства, патента) по запросу',
      'Provision of information from the USR, or of a "copy (duplicate)" of the state registration document (certificate, patent), on request',
    ),
    deadline: HOURS_24,
    deadlineText: T_24H_LAW_DOCS,
    start: 'application',
    assumed: true,
    result: { kind: 'usr_extract', text: R_USR_EXTRACT_AND_COPY },
    legalBasis: inferred(USR_LAW),
    cost: inferred(FREE),
    unit: inferred(STATE_REGISTRATION_SECTIONS),
    electronic: true,
    inferredCells: ['deadline', 'result'],
  },
  {
    code: '02.02.07',
    name: L(
      'Ворид намудани тағйирот ба ФЯД нисбати шахсони ҳуқуқӣ вобаста ба таъсис додани филиалу намояндагӣ',
      'Внесение изменений в ЕГР в отношении юридических лиц в связи с созданием филиала или представительства',
      'Entering changes into the USR for legal entities in connection with establishing a branch or representative office',
    ),
    deadline: HOURS_24,
    deadlineText: L(
      'То 24 соат аз лаҳзаи пешниҳоди ариза ва дигар ҳуҷҷатҳои зарурӣ',
      'До 24 часов с момента подачи заявления и других необходимых документов',
      'Up to 24 hours from the moment of submission of the application and the other necessary documents',
    ),
    start: 'application_and_documents',
    result: { kind: 'usr_extract', text: R_USR_EXTRACT },
    legalBasis: inferred(USR_LAW),
    cost: inferred(FREE),
    unit: inferred(STATE_REGISTRATION_SECTIONS),
    electronic: true,
  },
  {
    code: '02.02.08',
    name: L(
      'Пешниҳоди маълумот аз ФЯД тибқи дархости хаттии мақомоти ҳокимияти давлатӣ, мақомоти ҳифзи ҳуқуқ ва судҳо',
      'Предоставление сведений из ЕГР по письменному запросу органов государственной власти, правоохранительных органов и судов',
      'Provision of information from the USR on a written request from state authorities, law-enforcement bodies or courts',
    ),
    // no deadline printed; the clock uses the configured general limit of the Law on appeals.
    deadline: { kind: 'not_stated' },
    deadlineText: L(
      'Муҳлат нишон дода нашудааст',
      'Срок не указан (применяется общий срок Закона «Об обращениях физических и юридических лиц»)',
      'Not stated (the general time limit of the Law "On appeals of individuals and legal entities" applies)',
    ),
    start: 'application',
    result: {
      kind: 'certificate',
      text: L('Маълумот аз ФЯД дар шакли маълумотнома', 'Сведения из ЕГР в форме справки', 'USR information in the form of a certificate'),
    },
    legalBasis: printed(
      L(
        'ҚҶТ “Дар бораи муроҷиатҳои шахсони воқеӣ ва ҳуқуқӣ”',
        'Закон Республики Таджикистан «Об обращениях физических и юридических лиц»',
        'Law "On appeals of individuals and legal entities"',
      ),
    ),
    cost: printed(FREE),
    unit: inferred(STATE_REGISTRATION_SECTIONS),
    electronic: false,
  },
];

const VAT_UNITS = L(
  'Раёсати маъмурикунонии андоз ва таъмини иҷрои уҳдадориҳои андозӣ, Шуъбаи ташкил ва назорати иҷрои уҳдадориҳои андозии мақомоти ҳудудии андоз',
  'Управление налогового администрирования и обеспечения исполнения налоговых обязательств; отдел организации и контроля исполнения налоговых обязательств территориальных налоговых органов',
  'DTAE; Division for organisation and control of fulfilment of tax obligations of territorial tax bodies',
);

const group03: readonly Row[] = [
  {
    code: '03.03.01',
    name: L(
      'Бақайдгирӣ ва ё бекор кардани бақайдгирии шахсони ҳуқуқӣ ва ғайрирезидентҳо ҳамчун супорандагони ААИ',
      'Регистрация или отмена регистрации юридических лиц и нерезидентов в качестве плательщиков НДС',
      'Registration of legal entities and non-residents as VAT payers, or cancellation of that registration',
    ),
    deadline: wd(10),
    deadlineText: L(
      'То 10 рӯзи корӣ баъди пешниҳоди ариза ва ҳуҷҷатҳои зарурӣ',
      'До 10 рабочих дней после подачи заявления и необходимых документов',
      'Up to 10 working days after submission of the application and the necessary documents',
    ),
    start: 'application_and_documents',
    result: {
      kind: 'registration_certificate',
      text: L(
        'Ирсоли Шаҳодатномаи бақайдгирӣ ва ё хориҷ намудан аз Феҳристи супорандагони ААИ (электронӣ)',
        'Направление свидетельства о регистрации либо исключение из Реестра плательщиков НДС (в электронной форме)',
        'Registration certificate sent, or removal from the Register of VAT payers (electronic)',
      ),
    },
    legalBasis: printed(TK_245),
    cost: inferred(FREE),
    unit: printed(VAT_UNITS),
    electronic: true,
  },
  {
    code: '03.03.02',
    name: L(
      'Додани Шаҳодатнома оид ба азнавбақайдгирии супорандаи ААИ, нисбати вориси ҳуқуқӣ ва ё шахсоне, ки аз корхонаҳои асосӣ ҷудо шудаанд',
      'Выдача свидетельства о перерегистрации плательщика НДС правопреемнику или лицам, выделившимся из основных предприятий',
      'Issuing a certificate of VAT re-registration to a legal successor or to persons separated from a parent enterprise',
    ),
    deadline: wd(10),
    deadlineText: L(
      'То 10 рӯзи корӣ пас аз қабули ариза ва ҳуҷҷатҳои зарурӣ',
      'До 10 рабочих дней после принятия заявления и необходимых документов',
      'Up to 10 working days after acceptance of the application and the necessary documents',
    ),
    start: 'acceptance',
    result: { kind: 'registration_certificate', text: R_VAT_CERTIFICATE },
    legalBasis: inferred(TK_245),
    cost: printed(FREE),
    unit: inferred(VAT_UNITS),
    electronic: true,
  },
  {
    code: '03.03.03',
    name: L('Бекор кардани ҳисобнома-фактураи ААИ', 'Аннулирование счёта-фактуры НДС', 'Cancellation of a VAT invoice'),
    deadline: wd(2),
    deadlineText: L('То 2 рӯзи корӣ', 'До 2 рабочих дней', 'Up to 2 working days'),
    start: 'application',
    assumed: true,
    result: { kind: 'data_entry', text: R_TIS_ENTRY },
    legalBasis: inferred(TK_245),
    cost: inferred(FREE),
    unit: inferred(VAT_UNITS),
    electronic: true,
  },
  {
    code: '03.03.04',
    name: L(
      'Пешниҳоди тамғаҳои аксизӣ бо муроҷиати хаттии андозсупоранда',
      'Предоставление акцизных марок по письменному обращению налогоплательщика',
      "Provision of excise stamps on the taxpayer's written request",
    ),
    deadline: wd(5),
    deadlineText: L(
      'То 5 рӯзи корӣ пас аз қабули ариза',
      'До 5 рабочих дней после принятия заявления',
      'Up to 5 working days after acceptance of the application',
    ),
    start: 'acceptance',
    result: { kind: 'excise_stamps', text: L('Супоридани тамғаҳои аксизӣ', 'Выдача акцизных марок', 'Excise stamps handed over') },
    legalBasis: printed(L('Моддаи 295 КАҶТ', `Статья 295 ${TK}`, 'Article 295 of the Tax Code')),
    cost: printed({
      kind: 'paid',
      note: L(
        'Арзиши тамғаҳои аксизӣ бо ҚҲҶТ муқаррар шудааст',
        'Стоимость акцизных марок установлена постановлением Правительства Республики Таджикистан',
        'The cost of excise stamps is set by a Government decree',
      ),
    }),
    unit: printed(
      L(
        'Раёсатҳои маъмурикунонии андоз ва таъмини иҷрои уҳдадориҳои андозӣ ва молиявию хоҷагидорӣ',
        'Управление налогового администрирования и обеспечения исполнения налоговых обязательств и финансово-хозяйственное управление',
        'Departments of tax administration and enforcement of tax obligations, and of financial and economic affairs',
      ),
    ),
    electronic: false,
  },
  {
    code: '03.03.05',
    name: L(
      'Бақайдгирии объектҳои бизнеси бозӣ (ворид кардани тағйироти миқдории объектҳо ё қатъ кардани истифодаи объектҳо)',
      'Регистрация объектов игорного бизнеса (внесение количественных изменений объектов или прекращение их использования)',
      'Registration of gambling business objects (entering quantitative changes in objects, or ending their use)',
    ),
    deadline: cd(10),
    deadlineText: T_10CD_APPLICATION,
    start: 'application',
    result: { kind: 'certificate', text: R_CERTIFICATE_SENT },
    // sic: "Моддахои" (for "Моддаҳои") as printed.
    legalBasis: printed(
      L(
        'Моддахои 391 ва 394 КАҶТ, қарорҳои маҷлиси вакилони халқи шаҳру ноҳияҳо',
        `Статьи 391 и 394 ${TK}, решения маджлисов народных депутатов городов и районов`,
        "Articles 391 and 394 of the Tax Code; decisions of the Majlis of people's deputies of cities and districts",
      ),
    ),
    cost: inferred(FREE),
    unit: printed(OBLIGATIONS_DIVISION),
    electronic: true,
  },
  {
    code: '03.03.06',
    name: L(
      'Бақайдгирии барориш ва фурӯши лотерея, инчунин тағйироти миқдории объекти андозбандӣ ва ба анҷом расонидани фурӯши лотереяҳо',
      'Регистрация выпуска и реализации лотерей, а также количественных изменений объекта налогообложения и завершения реализации лотерей',
      'Registration of the issue and sale of lotteries, of quantitative changes in the taxable object, and of the completion of lottery sales',
    ),
    deadline: cd(10),
    deadlineText: T_10CD_APPLICATION,
    start: 'application',
    result: { kind: 'certificate', text: R_CERTIFICATE_SENT },
    legalBasis: inferred(
      L(
        'Моддахои 391 ва 394 КАҶТ, қарорҳои маҷлиси вакилони халқи шаҳру ноҳияҳо',
        `Статьи 391 и 394 ${TK}, решения маджлисов народных депутатов городов и районов`,
        "Articles 391 and 394 of the Tax Code; decisions of the Majlis of people's deputies of cities and districts",
      ),
    ),
    cost: printed(FREE),
    unit: inferred(OBLIGATIONS_DIVISION),
    electronic: true,
  },
];

const group04: readonly Row[] = [
  {
    code: '04.04.01',
    name: L(
      'Баҳисобгирии (бақайдгирии) молу мулк (аз ҷумла объектҳои ғайриманқул, қитъаҳои замин ва воситаҳои нақлиёт)',
      'Учёт (регистрация) имущества, в том числе объектов недвижимости, земельных участков и транспортных средств',
      'Accounting (registration) of property, including real estate, land plots and vehicles',
    ),
    deadline: REAL_TIME,
    deadlineText: L(
      'Дар реҷаи вақти воқеӣ, тибқи маълумот аз мақоми ваколатдори давлатӣ оид ба бақайдгирии воситаҳои нақлиёт ва молу мулки ғайриманқул',
      'В режиме реального времени, на основании сведений уполномоченного государственного органа по регистрации транспортных средств и недвижимого имущества',
      'In real time, based on data from the authorised state body for registration of vehicles and real estate',
    ),
    start: 'authority_data',
    result: {
      kind: 'data_entry',
      text: L(
        'Ворид намудани маълумотҳои дахлдор ба модули СИА',
        'Внесение соответствующих сведений в модуль НИС',
        'Relevant data entered into the TIS module',
      ),
    },
    legalBasis: printed(TK_78),
    cost: inferred(FREE),
    unit: printed(INDIVIDUALS_DIVISION),
    electronic: true,
  },
  {
    code: '04.04.02',
    name: L(
      'Бақайдгирии шахсони воқеӣ ба сифати иҷорадиҳандаи молу мулк (объекти ғайриманқул, қитъаҳои замин ва воситаҳои нақлиёт)',
      'Регистрация физических лиц в качестве арендодателей имущества (объектов недвижимости, земельных участков и транспортных средств)',
      'Registration of individuals as lessors of property (real estate, land plots, vehicles)',
    ),
    deadline: CAP_24H,
    deadlineText: T_RT_24H,
    start: 'application',
    result: {
      kind: 'certificate',
      text: L('Ирсол намудани гувоҳнома (электронӣ)', 'Направление удостоверения (в электронной форме)', 'Certificate sent (electronic)'),
    },
    legalBasis: printed(L('Моддаи 187 КАҶТ', `Статья 187 ${TK}`, 'Article 187 of the Tax Code')),
    cost: inferred(FREE),
    unit: inferred(INDIVIDUALS_DIVISION),
    electronic: true,
  },
  {
    code: '04.04.03',
    name: L(
      'Додани огоҳинома оид ба пардохти маблағҳои ҳисобшудаи андоз аз молу мулки ғайриманқули шахсони воқеӣ',
      'Выдача уведомления об уплате исчисленных сумм налога на недвижимое имущество физических лиц',
      'Issuing a notice to pay the assessed real estate tax of individuals',
    ),
    deadline: { kind: 'fixed_date', date: 'february_1' },
    deadlineText: L('На дертар аз санаи 1 феврали соли ҷорӣ', 'Не позднее 1 февраля текущего года', 'No later than 1 February of the current year'),
    start: 'period',
    result: { kind: 'notice', text: L('Ирсол намудани огоҳинома (электронӣ)', 'Направление уведомления (в электронной форме)', 'Notice sent (electronic)') },
    legalBasis: printed(L('Моддаҳои 87 ва 355 КАҶТ', `Статьи 87 и 355 ${TK}`, 'Articles 87 and 355 of the Tax Code')),
    cost: printed(FREE),
    unit: inferred(INDIVIDUALS_DIVISION),
    electronic: true,
  },
  {
    code: '04.04.04',
    name: L(
      'Ворид намудани тағйиру иловаҳо ба СИА ҳангоми иваз шудани соҳибмулк ва ё зиёду кам шудани масоҳати молу мулк ва дигар объекти андозбандишаванда тибқи маълумоти аз мақоми ваколатдор пешниҳодшуда',
      'Внесение изменений и дополнений в НИС при смене собственника либо увеличении или уменьшении площади имущества и иного объекта налогообложения на основании сведений, представленных уполномоченным органом',
      'Entering changes and additions into the TIS when the owner changes or the area of property or another taxable object increases or decreases, based on data from the authorised body',
    ),
    deadline: HOURS_24,
    deadlineText: L(
      'То 24 соат аз лаҳзаи муроҷиат ё бо ташаббуси мақомоти андоз',
      'До 24 часов с момента обращения или по инициативе налоговых органов',
      'Up to 24 hours from the moment of application, or on the initiative of the tax authorities',
    ),
    start: 'application',
    result: { kind: 'data_entry', text: R_TIS_ENTRY },
    legalBasis: printed(TK_78),
    cost: inferred(FREE),
    unit: inferred(INDIVIDUALS_DIVISION),
    electronic: true,
  },
];

const DECLARATIONS = L('Пешниҳоди эъломияҳои (ҳисоботи) андоз', 'Представление налоговых деклараций (отчётов)', 'Submission of tax declarations (reports)');
const declarations = (tg: string, ru: string, en: string): Localised =>
  L(`${DECLARATIONS.tg}: ${tg}`, `${DECLARATIONS.ru}: ${ru}`, `${DECLARATIONS.en}: ${en}`);

const group05: readonly Row[] = [
  {
    code: '05.05.01',
    variant: 'a',
    name: declarations('а) электронӣ', 'а) в электронной форме', '(a) electronically'),
    deadline: REAL_TIME,
    deadlineText: L('а) дар реҷаи вақти воқеӣ', 'а) в режиме реального времени', '(a) In real time'),
    start: 'application',
    result: { kind: 'sms', text: L('а) ирсоли СМС – паёмак', 'а) направление SMS-сообщения', '(a) SMS message sent') },
    legalBasis: printed(TK_99_100),
    cost: inferred(FREE),
    unit: printed(OBLIGATIONS_DIVISION),
    electronic: true,
  },
  {
    code: '05.05.01',
    variant: 'b',
    name: declarations('б) коғазӣ', 'б) на бумажном носителе', '(b) on paper'),
    deadline: { kind: 'minutes', minutes: 15, onlyWithoutQueue: false },
    deadlineText: L('б) на зиёда аз 15 дақиқа', 'б) не более 15 минут', '(b) No more than 15 minutes'),
    start: 'service_start',
    assumed: true,
    result: {
      kind: 'receipt',
      text: L(
        'б) пешниҳоди нусхаи дуюми эъломия бо гузоштани қайд',
        'б) возврат второго экземпляра декларации с отметкой',
        '(b) Second copy of the declaration returned with a mark',
      ),
    },
    legalBasis: printed(TK_99_100),
    cost: inferred(FREE),
    unit: printed(OBLIGATIONS_DIVISION),
    electronic: false,
  },
  {
    code: '05.05.01',
    variant: 'c',
    name: declarations('в) тариқи терминалҳои хизматрасонӣ', 'в) через терминалы обслуживания', '(c) via service terminals'),
    deadline: { kind: 'minutes', minutes: 15, onlyWithoutQueue: true },
    deadlineText: L('в) то 15 дақиқа (ҳангоми набудани навбат)', 'в) до 15 минут (при отсутствии очереди)', '(c) Up to 15 minutes (when there is no queue)'),
    start: 'service_start',
    // no result printed; read as an electronic acknowledgement like (a).
    result: {
      kind: 'receipt',
      text: L(
        'Нишон дода нашудааст',
        'Не указан (принимается электронное подтверждение: чек терминала и (или) SMS-сообщение)',
        'Not stated (read as an electronic acknowledgement: terminal receipt and/or SMS)',
      ),
    },
    legalBasis: printed(TK_99_100),
    cost: inferred(FREE),
    unit: printed(OBLIGATIONS_DIVISION),
    electronic: true,
  },
  {
    code: '05.05.02',
    name: L(
      'Пешниҳоди эъломияҳои андоз аз даромади шахсони воқеӣ барои соли ҳисоботӣ, аз он ҷумла аз иҷораи молу мулк',
      'Представление деклараций по налогу на доходы физических лиц за отчётный год, в том числе по доходам от сдачи имущества в аренду',
      "Submission of individuals' income tax declarations for the reporting year, including income from leasing property",
    ),
    deadline: { kind: 'fixed_date', date: 'april_1_after_year' },
    deadlineText: L(
      'То санаи 1 –уми апрел, баъди соли ҳисоботӣ (дар реҷаи вақти воқеӣ)',
      'До 1 апреля года, следующего за отчётным (в режиме реального времени)',
      'By 1 April following the reporting year (in real time)',
    ),
    start: 'period',
    result: {
      kind: 'data_entry',
      text: L(
        'Дарҷи маълумот- дар ҳисобварақа (электронӣ)',
        'Отражение сведений в лицевом счёте (в электронной форме)',
        "Data recorded in the taxpayer's account (electronic)",
      ),
    },
    legalBasis: printed(TK_241),
    cost: inferred(FREE),
    unit: printed(INDIVIDUALS_DIVISION),
    electronic: true,
  },
  {
    code: '05.05.03',
    name: L(
      'Пешниҳоди эъломияи андоз оид ба даромад ва вазъи амволи хизматчии давлатӣ',
      'Представление декларации о доходах и имущественном положении государственного служащего',
      "Submission of a civil servant's declaration of income and property status",
    ),
    deadline: REAL_TIME,
    deadlineText: T_RT,
    start: 'application',
    // sic: "Пешиҳоди" (for "Пешниҳоди") as printed.
    result: {
      kind: 'certificate',
      text: L('Пешиҳоди маълумотнома (электронӣ)', 'Предоставление справки (в электронной форме)', 'Certificate provided (electronic)'),
    },
    legalBasis: printed(TK_241),
    cost: inferred(FREE),
    unit: inferred(INDIVIDUALS_DIVISION),
    electronic: true,
  },
  {
    code: '05.05.04',
    name: L(
      'Ирсоли огоҳиномаҳо ба суроғаи электронии андозсупорандагоне, ки эъломияҳои андозро пешниҳод накардаанд',
      'Направление уведомлений на адреса электронной почты налогоплательщиков, не представивших налоговые декларации',
      'Sending notices to the e-mail addresses of taxpayers who have not submitted tax declarations',
    ),
    deadline: { kind: 'date_window', fromDay: 16, toDay: 30 },
    deadlineText: L(
      'Аз санаи 16-ум то 30-уми моҳи минбаъдаи ҳисоботӣ',
      'С 16-го по 30-е число месяца, следующего за отчётным',
      'From the 16th to the 30th of the month following the reporting period',
    ),
    start: 'period',
    result: { kind: 'notice', text: L('Пешниҳоди огоҳинома (электронӣ)', 'Предоставление уведомления (в электронной форме)', 'Notice provided (electronic)') },
    legalBasis: printed(L('Моддаи 87 КАҶТ', `Статья 87 ${TK}`, 'Article 87 of the Tax Code')),
    cost: printed(FREE),
    unit: printed(
      L(
        'Шуъбаи ташкил ва назорати иҷрои уҳдадориҳои андозии мақомоти ҳудудии андоз, КВД «МБМА»',
        `${OBLIGATIONS_DIVISION.ru}; ${MBMA.ru}`,
        `${OBLIGATIONS_DIVISION.en}; ${MBMA.en}`,
      ),
    ),
    electronic: true,
  },
  {
    code: '05.05.05',
    name: L(
      'Пардохти андозҳо бо истифода аз корти бонкӣ ва ё дигар воситаҳои пардохт',
      'Уплата налогов с использованием банковской карты или иных платёжных средств',
      'Payment of taxes by bank card or other means of payment',
    ),
    deadline: CAP_1WD,
    deadlineText: L(
      'Дар вақти воқеӣ, вале на дертар аз 1 рӯзи корӣ',
      'В реальном времени, но не позднее 1 рабочего дня',
      'In real time, but no later than 1 working day',
    ),
    start: 'payment',
    result: { kind: 'payment', text: L('Ба тариқи электронӣ пардохт намудани андоз', 'Уплата налога в электронной форме', 'Tax paid electronically') },
    legalBasis: printed(NOT_STATED),
    // nothing printed; read as free of tax-authority charges (bank fees are outside the Standard).
    cost: printed({ kind: 'not_stated', note: L('Нишон дода нашудааст', 'Не указана', 'Not stated') }),
    // sic: "бахисобгирӣ" (for "баҳисобгирӣ") as printed.
    unit: printed(
      L(
        'Раёсати бахисобгирӣ ва коркарди маълумотҳо, КВД «МБМА»',
        `Управление учёта и обработки данных; ${MBMA.ru}`,
        `Department of Accounting and Data Processing; ${MBMA.en}`,
      ),
    ),
    electronic: true,
  },
  {
    code: '05.05.06',
    name: L('Иттилоот дар бораи интихоби контрагент', 'Информация для выбора контрагента', 'Information for choosing a counterparty'),
    deadline: REAL_TIME,
    deadlineText: L(
      'Дар реҷаи вақти воқеӣ, аз сомонаи Кумитаи андоз ё хуҷраи шахсӣ',
      'В режиме реального времени, на сайте Налогового комитета или в личном кабинете',
      'In real time, from the TC website or the personal cabinet',
    ),
    start: 'application',
    result: {
      kind: 'counterparty_information',
      text: L('Гирифтани маълумот оид ба контрагентҳо', 'Получение информации о контрагентах', 'Information on counterparties obtained'),
    },
    legalBasis: printed(
      L(
        'Моддаи 39 КАҶТ ва тартиби дохилиидоравӣ',
        `Статья 39 ${TK} и внутриведомственный порядок`,
        'Article 39 of the Tax Code and internal departmental procedure',
      ),
    ),
    cost: printed(FREE),
    unit: printed(MBMA),
    electronic: true,
  },
];

const group06: readonly Row[] = [
  {
    code: '06.06.01',
    name: L(
      'Пешниҳоди маълумотнома ба андозсупоранда дар бораи мавҷуд набудани қарзҳои андоз',
      'Выдача налогоплательщику справки об отсутствии налоговой задолженности',
      'Issuing a taxpayer a certificate of no tax debts',
    ),
    deadline: CAP_1WD,
    deadlineText: T_RT_1WD,
    start: 'application',
    result: {
      kind: 'certificate',
      text: L(
        'Пешниҳоди маълумотнома ва санади муқоисавӣ (электронӣ)',
        'Предоставление справки и акта сверки (в электронной форме)',
        'Certificate and reconciliation act provided (electronic)',
      ),
    },
    legalBasis: printed(L('Моддаҳои 33 ва 168 КАҶТ', `Статьи 33 и 168 ${TK}`, 'Articles 33 and 168 of the Tax Code')),
    cost: inferred(FREE),
    unit: inferred(REVENUE_DIVISIONS),
    electronic: true,
  },
  {
    code: '06.06.02',
    name: L(
      'Додани маълумотнома дар бораи пардохти андозҳо аз даромад ва иҷтимоӣ бо мақсади таъмини ҳифзи иҷтимоии СИ (патент, шаҳодатномаи шартҳои махсус ва хоҷагии деҳқонӣ)',
      'Выдача справки об уплате подоходного и социального налогов в целях обеспечения социальной защиты индивидуальных предпринимателей (патент, свидетельство с особыми условиями и дехканские хозяйства)',
      'Issuing a certificate of income and social tax payments, for the social protection of IEs (patent, certificate with special conditions, and dehkan farms)',
    ),
    deadline: CAP_1WD,
    deadlineText: T_RT_1WD,
    start: 'application',
    result: {
      kind: 'certificate',
      text: L('Пешниҳоди маълумотнома (электронӣ)', 'Предоставление справки (в электронной форме)', 'Certificate provided (electronic)'),
    },
    legalBasis: printed(L('Моддаи 33 КАҶТ', `Статья 33 ${TK}`, 'Article 33 of the Tax Code')),
    cost: inferred(FREE),
    unit: printed(REVENUE_DIVISIONS),
    electronic: true,
  },
  {
    code: '06.06.03',
    name: L(
      'Баррасии маблағҳои саҳван (номуайян) ба буҷет воридшуда тибқи муроҷиати андозсупорандагон',
      'Рассмотрение сумм, ошибочно зачисленных в бюджет (невыясненных поступлений), по обращениям налогоплательщиков',
      "Review of amounts paid to the budget by mistake (unidentified), on the taxpayer's application",
    ),
    deadline: wd(10),
    deadlineText: L(
      'То 10 рӯзи корӣ баъд аз муроҷиати андозсупоранда',
      'До 10 рабочих дней после обращения налогоплательщика',
      "Up to 10 working days after the taxpayer's application",
    ),
    start: 'application',
    result: { kind: 'reconciliation_act', text: R_RECONCILIATION },
    legalBasis: printed(L('Моддаи 117 КАҶТ', `Статья 117 ${TK}`, 'Article 117 of the Tax Code')),
    cost: inferred(FREE),
    // the 06.06.02 cell, which the seed centres over 06.06.01-06.06.03 (revenue accounting).
    unit: inferred(REVENUE_DIVISIONS),
    electronic: true,
  },
  {
    code: '06.06.04',
    name: L('Тартиб додани санади муқоисавӣ', 'Составление акта сверки', 'Drawing up a reconciliation act'),
    deadline: wd(1),
    deadlineText: L(
      'То 1 рӯзи корӣ аз лаҳзаи муроҷиати андозсупоранда',
      'До 1 рабочего дня с момента обращения налогоплательщика',
      "Up to 1 working day from the moment of the taxpayer's application",
    ),
    start: 'application',
    result: { kind: 'reconciliation_act', text: R_RECONCILIATION },
    legalBasis: printed(L('Моддаи 34 КАҶТ', `Статья 34 ${TK}`, 'Article 34 of the Tax Code')),
    cost: printed(FREE),
    unit: printed(
      L(
        'Шуъба ва бахшҳои баҳисобгирии даромадҳо ва Шуъбаи ташкил ва назорати иҷрои уҳдадориҳои андозии мақомоти ҳудудии андоз',
        'Отделы и секторы учёта доходов и отдел организации и контроля исполнения налоговых обязательств территориальных налоговых органов',
        'Divisions and sections for revenue accounting, and Division for organisation and control of fulfilment of tax obligations, of territorial tax bodies',
      ),
    ),
    electronic: true,
  },
  {
    code: '06.06.05',
    name: L(
      'Баррасӣ намудани муроҷиати ғайрирезидент оиди татбиқи муқаррароти шартномаҳои байналмилалӣ',
      'Рассмотрение обращения нерезидента о применении положений международных договоров',
      "Review of a non-resident's application to apply the provisions of international treaties",
    ),
    deadline: cd(10),
    deadlineText: L(
      'То 10 рӯзи тақвимӣ аз лаҳзаи пешниҳоди ариза ва замимаи ҳуҷҷатҳо',
      'До 10 календарных дней с момента подачи заявления с приложением документов',
      'Up to 10 calendar days from the moment of submission of the application and the attached documents',
    ),
    start: 'application_and_documents',
    result: { kind: 'decision', text: L('Тасдиқ ё рад намудани муроҷиат', 'Удовлетворение или отклонение обращения', 'Application approved or rejected') },
    legalBasis: printed(
      L(
        'Моддаи 177 КАҶТ, Дастурамал “Дар бораи шартномаҳои байналмилалӣ”',
        `Статья 177 ${TK}, Инструкция «О международных договорах»`,
        'Article 177 of the Tax Code; Instruction "On international treaties"',
      ),
    ),
    cost: printed(FREE),
    unit: printed(
      L(
        'Раёсати ҳамкориҳои байналмилалии КА, мақомоти ҳудудии андоз',
        'Управление международного сотрудничества Налогового комитета; территориальные налоговые органы',
        'TC International Cooperation Department; territorial tax bodies',
      ),
    ),
    electronic: false,
  },
  {
    code: '06.06.06',
    name: L(
      'Пешниҳоди маълумотнома ба ғайрирезидент оид ба даромадҳои гирифташуда аз сарчашмаҳои Ҷумҳурии Тоҷикистон ва андозҳои нигоҳдошташуда',
      'Выдача нерезиденту справки о доходах, полученных из источников в Республике Таджикистан, и об удержанных налогах',
      'Issuing a non-resident a certificate of income received from sources in the Republic of Tajikistan and of taxes withheld',
    ),
    deadline: wd(5),
    deadlineText: L(
      'То 5 рӯзи корӣ (дар асоси аризаи хаттӣ)',
      'До 5 рабочих дней (на основании письменного заявления)',
      'Up to 5 working days (on the basis of a written application)',
    ),
    start: 'application',
    result: { kind: 'certificate', text: L('Пешниҳоди маълумотнома', 'Предоставление справки', 'Certificate provided') },
    legalBasis: printed(L('Моддаи 178 КАҶТ', `Статья 178 ${TK}`, 'Article 178 of the Tax Code')),
    cost: printed(FREE),
    unit: printed(TERRITORIAL_BODIES),
    electronic: false,
  },
];

const group07: readonly Row[] = [
  {
    // named "offset", its result says "refund": both wordings kept.
    code: '07.07.01',
    name: L(
      'Пешниҳоди хулоса ҷиҳати баҳисобгирии маблағи барзиёд пардохташудаи андозҳо, фоизҳо ва дигар пардохтҳои ҳатмӣ ба буҷет',
      'Выдача заключения о зачёте излишне уплаченных сумм налогов, процентов и других обязательных платежей в бюджет',
      'Issuing a conclusion on the offset of overpaid taxes, interest and other mandatory payments to the budget',
    ),
    deadline: cd(30),
    deadlineText: T_30CD,
    start: 'application',
    assumed: true,
    result: { kind: 'conclusion', text: R_REFUND_CONCLUSION },
    legalBasis: printed(TK_42_274),
    cost: printed(FREE),
    unit: printed(TERRITORIAL_BODIES),
    electronic: false,
  },
  {
    code: '07.07.02',
    name: L(
      'Пешниҳоди хулоса оид ба баргардонидани маблағи барзиёд баҳисобгирифтаи ААИ нисбат ба маблағи ҳисобшудаи он',
      'Выдача заключения о возврате суммы НДС, принятой к зачёту сверх исчисленной суммы налога',
      'Issuing a conclusion on refund of VAT credited in excess of the VAT charged',
    ),
    deadline: cd(30),
    deadlineText: T_30CD,
    start: 'application',
    assumed: true,
    result: { kind: 'conclusion', text: R_REFUND_CONCLUSION },
    legalBasis: printed(TK_42_274),
    cost: printed(FREE),
    unit: printed(
      L(
        'Раёсати маъмурикунонии андоз ва таъмини иҷрои уҳдадориҳои андозӣ, мақомоти ҳудудии андоз',
        `${DTAE.ru}; территориальные налоговые органы`,
        'DTAE; territorial tax bodies',
      ),
    ),
    electronic: false,
  },
  {
    code: '07.07.03',
    name: L(
      'Пешниҳоди хулоса оид ба баргардонидани ААИ ба намояндагиҳои дипломатӣ, консулгарӣ ва ба онҳо баробаркардашуда, инчунин ҳайати кормандони онҳо, ки дар Ҷумҳурии Тоҷикистон аккредитатсия шудаанд',
      'Выдача заключения о возврате НДС дипломатическим и консульским представительствам и приравненным к ним организациям, а также их персоналу, аккредитованному в Республике Таджикистан',
      'Issuing a conclusion on VAT refunds to diplomatic and consular missions and bodies of equal status, and to their staff accredited in the Republic of Tajikistan',
    ),
    deadline: cd(30),
    deadlineText: T_30CD,
    start: 'application',
    assumed: true,
    result: { kind: 'conclusion', text: L('Пешниҳоди хулоса', 'Предоставление заключения', 'Conclusion provided') },
    legalBasis: printed(L('Моддаи 276 КАҶТ', `Статья 276 ${TK}`, 'Article 276 of the Tax Code')),
    cost: printed(FREE),
    unit: printed(
      ADMINISTRATION_AND_DATA_DEPARTMENTS(
        L('раёсатҳои андоз дар ш.Душанбе ва вилоятҳо', 'налоговые управления по г. Душанбе и областям', 'tax departments in Dushanbe and the regions'),
      ),
    ),
    electronic: false,
  },
  {
    code: '07.07.04',
    name: L(
      'Баргардонидани андози аксизӣ пас аз баҳисобгирии аксиз дар ҳолати истифода гардидани молҳои зераксизӣ ҳамчун ашёи хоми асосӣ',
      'Возврат акцизного налога после зачёта акциза при использовании подакцизных товаров в качестве основного сырья',
      'Refund of excise tax after the excise is offset, where excisable goods are used as the main raw material',
    ),
    deadline: cd(30),
    deadlineText: L(
      'То 30 рӯзи тақвимӣ, баъд аз пешниҳоди ҳуҷҷатҳои дахлдор',
      'До 30 календарных дней после представления соответствующих документов',
      'Up to 30 calendar days after submission of the relevant documents',
    ),
    start: 'documents',
    result: { kind: 'letter', text: L('Пешниҳоди маълумоти хаттӣ', 'Предоставление письменной информации', 'Written information provided') },
    legalBasis: printed(L('Моддаи 288 КАҶТ', `Статья 288 ${TK}`, 'Article 288 of the Tax Code')),
    cost: printed(FREE),
    unit: printed(ADMINISTRATION_AND_DATA_DEPARTMENTS(L('мақомоти ҳудудии андоз', 'территориальные налоговые органы', 'territorial tax bodies'))),
    electronic: false,
  },
];

const group08: readonly Row[] = [
  {
    code: '08.08.01',
    name: L(
      'Пешниҳоди тасдиқнома барои содироти алюминийи аввалия',
      'Выдача подтверждения для экспорта первичного алюминия',
      'Issuing a confirmation for the export of primary aluminium',
    ),
    deadline: wd(3),
    deadlineText: L(
      'То 3 рӯзи корӣ баъд аз пешниҳоди ҳуҷҷати пардохти андоз аз фурӯш',
      'До 3 рабочих дней после представления документа об уплате налога с продаж',
      'Up to 3 working days after submission of the document confirming payment of the sales tax',
    ),
    start: 'documents',
    result: { kind: 'certificate', text: L('Пешниҳоди тасдиқнома', 'Предоставление подтверждения', 'Confirmation provided') },
    legalBasis: printed(L('Моддаи 340 КАҶТ', `Статья 340 ${TK}`, 'Article 340 of the Tax Code')),
    cost: printed(FREE),
    unit: printed(L('РААК', 'Налоговое управление крупных налогоплательщиков', 'Large Taxpayers Tax Department (LTTD)')),
    electronic: false,
  },
];

const TRANSITION = L('Гузариш', 'Переход', 'Transition');
const transition = (tg: string, ru: string, en: string): Localised => L(`${TRANSITION.tg}: ${tg}`, `${TRANSITION.ru} ${ru}`, `${TRANSITION.en} ${en}`);
const GD_151 = { tg: 'ҚҲҶТ №151 аз 31.03.2022', ru: 'постановление Правительства Республики Таджикистан от 31.03.2022 № 151', en: 'GD No 151 of 31.03.2022' };
const TRANSITION_UNITS_A = L(
  'Шуъбаҳои ташкил ва назорати иҷрои уҳдадориҳои андозии мақомоти ҳудудии андоз ва Бахшҳои бақайдгирии давлатии шахсони ҳуқуқӣ ва соҳибкорони инфиродӣ',
  'Отделы организации и контроля исполнения налоговых обязательств территориальных налоговых органов и секторы государственной регистрации юридических лиц и индивидуальных предпринимателей',
  'Divisions for organisation and control of fulfilment of tax obligations of territorial tax bodies, and sections for state registration of legal entities and IEs',
);

const group09: readonly Row[] = [
  {
    code: '09.09.01',
    variant: 'a',
    name: transition(
      'аз тартиби андозбандӣ тибқи Патент (Шаҳодатнома бо шартҳои махсус) ба Шаҳодатнома',
      'с налогообложения на основании патента (свидетельства с особыми условиями) на свидетельство',
      'from taxation under a Patent (Certificate with special conditions) to a Certificate',
    ),
    deadline: wd(3),
    deadlineText: L('То 3 рӯзи корӣ', 'До 3 рабочих дней', 'Up to 3 working days'),
    start: 'application',
    assumed: true,
    result: { kind: 'established_manner', text: R_ESTABLISHED_MANNER },
    legalBasis: printed(L(`Моддаи 369 КАҶТ ва ${GD_151.tg}`, `Статья 369 ${TK} и ${GD_151.ru}`, `Article 369 of the Tax Code and ${GD_151.en}`)),
    cost: printed(FREE),
    unit: printed(TRANSITION_UNITS_A),
    electronic: false,
  },
  {
    code: '09.09.01',
    variant: 'b',
    name: transition(
      'аз соҳибкори инфиродии тибқи Шаҳодатнома фаъолиятдошта ба шахси ҳуқуқӣ',
      'индивидуального предпринимателя, действующего на основании свидетельства, в юридическое лицо',
      'from an IE operating under a Certificate to a legal entity',
    ),
    deadline: wd(10),
    deadlineText: T_10WD,
    start: 'application',
    assumed: true,
    result: { kind: 'established_manner', text: R_ESTABLISHED_MANNER },
    legalBasis: printed(L(`Моддаи 375 КАҶТ ва ${GD_151.tg}`, `Статья 375 ${TK} и ${GD_151.ru}`, `Article 375 of the Tax Code and ${GD_151.en}`)),
    cost: printed(FREE),
    unit: inferred(TRANSITION_UNITS_A),
    electronic: false,
  },
  {
    code: '09.09.01',
    variant: 'c',
    name: transition(
      'аз низоми содакардашудаи андозбандӣ ба низоми умумӣ',
      'с упрощённого режима налогообложения на общий режим',
      'from the simplified taxation regime to the general regime',
    ),
    deadline: wd(10),
    deadlineText: T_10WD,
    start: 'application',
    assumed: true,
    result: { kind: 'established_manner', text: R_ESTABLISHED_MANNER },
    legalBasis: printed(TK_375),
    cost: inferred(FREE),
    unit: printed(OBLIGATIONS_DIVISION),
    electronic: false,
  },
  {
    code: '09.09.01',
    variant: 'd',
    name: transition(
      'аз низоми умумии андозбандӣ ба низоми содакардашуда',
      'с общего режима налогообложения на упрощённый режим',
      'from the general taxation regime to the simplified regime',
    ),
    deadline: wd(10),
    deadlineText: T_10WD,
    start: 'application',
    assumed: true,
    result: { kind: 'established_manner', text: R_ESTABLISHED_MANNER },
    legalBasis: inferred(TK_375),
    cost: printed(FREE),
    unit: inferred(OBLIGATIONS_DIVISION),
    electronic: false,
  },
  {
    // a sub-row of 09.09.01 in the source, although not a transition in itself.
    code: '09.09.01',
    variant: 'e',
    name: L(
      'Интихоби усули ҳисобдорӣ дар низоми содакардашудаи андозбандӣ',
      'Выбор метода учёта при упрощённом режиме налогообложения',
      'Choice of the accounting method under the simplified taxation regime',
    ),
    deadline: wd(10),
    // sic: "кори" (for "корӣ") as printed.
    deadlineText: L('То 10 рӯзи кори баъд аз муроҷиат', 'До 10 рабочих дней после обращения', 'Up to 10 working days after the application'),
    start: 'application',
    result: { kind: 'established_manner', text: R_ESTABLISHED_MANNER },
    legalBasis: printed(L('Моддаи 374-375 КАҶТ', `Статьи 374–375 ${TK}`, 'Articles 374-375 of the Tax Code')),
    cost: inferred(FREE),
    unit: inferred(OBLIGATIONS_DIVISION),
    electronic: false,
  },
  {
    code: '09.09.02',
    name: L(
      'Ба қайди махсус гирифтани иштирокчиёни касбии бозори коғазҳои қиматнок, ҷиҳати бархурдор гардидан аз имтиёзҳои андозӣ',
      'Специальная регистрация профессиональных участников рынка ценных бумаг для пользования налоговыми льготами',
      'Special registration of professional participants in the securities market, so that they can use tax privileges',
    ),
    deadline: cd(10),
    deadlineText: L(
      'То 10 рӯзи тақвимӣ баъд аз пешниҳоди маълумот аз биржаи фондӣ',
      'До 10 календарных дней после представления сведений фондовой биржей',
      'Up to 10 calendar days after the stock exchange submits the information',
    ),
    start: 'authority_data',
    // sic: "муқараршуда" (for "муқарраршуда") as printed.
    result: {
      kind: 'certificate',
      text: L(
        'Пешниҳоди шаҳодатнома тибқи шакли муқараршуда',
        'Предоставление свидетельства установленной формы',
        'Certificate in the established form provided',
      ),
    },
    legalBasis: printed(L('Моддаи 366 КАҶТ', `Статья 366 ${TK}`, 'Article 366 of the Tax Code')),
    cost: printed(FREE),
    unit: printed(DTAE),
    electronic: false,
  },
];

const group10: readonly Row[] = [
  {
    code: '10.10.01',
    name: L(
      'Гузаронидани семинар-машваратҳо вобаста ба татбиқи қонунгузории андоз',
      'Проведение семинаров-совещаний по применению налогового законодательства',
      'Seminars and consultations on applying tax legislation',
    ),
    deadline: { kind: 'plan' },
    deadlineText: L(
      'Дар муҳлатҳои муқарраршуда, мутобиқи нақшаи тасдиқшуда',
      'В установленные сроки, согласно утверждённому плану',
      'Within the established time limits, according to the approved plan',
    ),
    start: 'plan',
    result: { kind: 'established_manner', text: R_ESTABLISHED_MANNER },
    legalBasis: printed(TK_167),
    cost: printed(FREE),
    unit: printed(
      L(
        'Раёсати хизматрасонӣ ба андозсупорандагон, дигар раёсатҳо, мақомоти ҳудудии андоз',
        'Управление обслуживания налогоплательщиков, другие управления, территориальные налоговые органы',
        'TSD, other departments, territorial tax bodies',
      ),
    ),
    electronic: false,
  },
  {
    code: '10.10.02',
    name: L('Онлайн мушовир (сомонаи КА)', 'Онлайн-консультант (сайт Налогового комитета)', 'Online consultant (TC website)'),
    deadline: REAL_TIME,
    deadlineText: L('Дар лаҳзаи пешниҳоди дархост', 'В момент подачи запроса', 'At the moment the request is submitted'),
    start: 'application',
    result: { kind: 'answer', text: L('Гирифтани посух ба тариқи электронӣ', 'Получение ответа в электронной форме', 'Answer received electronically') },
    // not printed; the 10.10.01 cell (Article 167) is the nearest.
    legalBasis: inferred(TK_167),
    cost: printed(FREE),
    unit: printed(TSD),
    electronic: true,
  },
  {
    code: '10.10.03',
    name: L(
      'Ташкил ва гузаронидани чорабиниҳо, ҷиҳати муайян кардани сифати хизматрасонӣ ба андозсупорандагон',
      'Организация и проведение мероприятий по определению качества обслуживания налогоплательщиков',
      'Organising and holding events to assess the quality of service to taxpayers',
    ),
    deadline: { kind: 'fixed_date', date: 'tenth_of_next_month' },
    deadlineText: L('То санаи 10-уми моҳи минбаъда', 'До 10-го числа следующего месяца', 'By the 10th of the following month'),
    start: 'period',
    result: { kind: 'information_note', text: L('Омода намудани маълумотнома', 'Подготовка информационной справки', 'Information note prepared') },
    legalBasis: printed(L('Тартиби дохили идоравӣ', 'Внутриведомственный порядок', 'Internal departmental procedure')),
    cost: printed(FREE),
    unit: inferred(TSD),
    electronic: false,
  },
];

const ORAL_REQUEST = L(
  'Муроҷиати шифоҳии андозсупоранда оид ба додани маълумот вобаста ба татбиқи қонунгузории андоз',
  'Устное обращение налогоплательщика о предоставлении информации по применению налогового законодательства',
  'Oral request by a taxpayer for information on applying tax legislation',
);

const group11: readonly Row[] = [
  {
    code: '11.11.01',
    name: L(
      'Баррасии шикоятҳои андозсупорандагон нисбат ба санади (қарори) санҷишии андоз ва ғайраҳо',
      'Рассмотрение жалоб налогоплательщиков на акт (решение) налоговой проверки и др.',
      "Review of taxpayers' complaints against a tax audit act (decision), etc.",
    ),
    deadline: cd(30),
    deadlineText: L(
      'То 30 рӯзи тақвимӣ аз санаи қабули муроҷиат',
      'До 30 календарных дней со дня принятия обращения',
      'Up to 30 calendar days from the date the appeal is accepted',
    ),
    start: 'acceptance',
    result: {
      kind: 'letter',
      text: L(
        'Ба тариқи хаттӣ ё электронӣ ирсол кардани мактуби ҷавобӣ',
        'Направление ответного письма в письменной или электронной форме',
        'Reply letter sent in writing or electronically',
      ),
    },
    legalBasis: printed(L('Моддаи 159 КАҶТ', `Статья 159 ${TK}`, 'Article 159 of the Tax Code')),
    cost: printed(FREE),
    unit: printed(
      L(
        'Раёсати назорати андоз ва дигар раёсатҳои дахлдор',
        'Управление налогового контроля и другие соответствующие управления',
        'Tax Control Department and other relevant departments',
      ),
    ),
    electronic: false,
  },
  {
    code: '11.11.02',
    name: L(
      'Муроҷиатҳои андозсупорандагон, аз ҷумла додани тавзеҳот оид ба қонунгузории андоз',
      'Обращения налогоплательщиков, в том числе о даче разъяснений по налоговому законодательству',
      "Taxpayers' appeals, including requests for clarification of tax legislation",
    ),
    deadline: cd(30),
    deadlineText: T_30CD,
    start: 'acceptance',
    assumed: true,
    result: { kind: 'letter', text: R_REPLY_LETTER },
    legalBasis: printed(APPEALS_33),
    cost: printed(FREE),
    unit: printed(CENTRAL_DEPARTMENTS),
    electronic: false,
  },
  {
    code: '11.11.03',
    variant: 'a',
    name: L(`${ORAL_REQUEST.tg}: бо роҳи ҳозир шудан`, `${ORAL_REQUEST.ru}: при личном посещении`, `${ORAL_REQUEST.en}: in person`),
    deadline: { kind: 'minutes', minutes: 10, onlyWithoutQueue: true },
    deadlineText: L('То 10 дақиқа (ҳангоми набудани навбат)', 'До 10 минут (при отсутствии очереди)', 'Up to 10 minutes (when there is no queue)'),
    start: 'service_start',
    result: { kind: 'answer', text: R_ANSWER },
    legalBasis: inferred(APPEALS_33),
    cost: inferred(FREE),
    unit: printed(
      L(
        'Раёсати хизматрасонӣ ба андозсупорандагон ва дигар раёсатҳои дахлдор, мақомоти ҳудудии андоз',
        'Управление обслуживания налогоплательщиков и другие соответствующие управления; территориальные налоговые органы',
        'TSD and other relevant departments; territorial tax bodies',
      ),
    ),
    electronic: false,
  },
  {
    code: '11.11.03',
    variant: 'b',
    name: L(
      `${ORAL_REQUEST.tg}: бо рақами телефонии содакардашудаи «151»`,
      `${ORAL_REQUEST.ru}: по короткому номеру «151»`,
      `${ORAL_REQUEST.en}: by the short number "151"`,
    ),
    deadline: REAL_TIME,
    deadlineText: T_RT,
    start: 'service_start',
    result: { kind: 'answer', text: R_ANSWER },
    legalBasis: inferred(APPEALS_33),
    cost: inferred(FREE),
    // sic: "андозсупорангон" (for "андозсупорандагон") as printed.
    unit: printed(L('Раёсати хизматрасонӣ ба андозсупорангон', TSD.ru, TSD.en)),
    electronic: false,
  },
  {
    code: '11.11.04',
    name: L(
      'Муроҷиатҳои андозсупорандагон оид ба ворид намудани ислоҳот дар эъломияҳои (ҳисоботҳои) андозҳо, аз ҷумла ААИ, андоз аз даромади шахсони ҳуқуқӣ',
      'Обращения налогоплательщиков о внесении исправлений в налоговые декларации (отчёты), в том числе по НДС и налогу на прибыль юридических лиц',
      "Taxpayers' applications to correct tax declarations (reports), including VAT and corporate income tax",
    ),
    deadline: wd(10),
    deadlineText: L(
      'То 10 рӯзи корӣ аз лаҳзаи қабули муроҷиат',
      'До 10 рабочих дней с момента принятия обращения',
      'Up to 10 working days from the moment the appeal is accepted',
    ),
    start: 'acceptance',
    result: { kind: 'letter', text: R_REPLY_LETTER },
    legalBasis: inferred(APPEALS_33),
    cost: inferred(FREE),
    unit: printed(L('Раёсатҳои дастгоҳи марказии КА, КВД «МБМА»', `${CENTRAL_DEPARTMENTS.ru}; ${MBMA.ru}`, `${CENTRAL_DEPARTMENTS.en}; ${MBMA.en}`)),
    electronic: false,
  },
  {
    code: '11.11.05',
    // the seed writes the address with a Cyrillic "а"; the ASCII address is used.
    name: L(
      'Муроҷиатҳо ва шикоятҳои шаҳрвандон ва андозсупорандагон бо истифода аз почтаи электронии КА (info@andoz.tj)',
      'Обращения и жалобы граждан и налогоплательщиков по электронной почте Налогового комитета (info@andoz.tj)',
      'Appeals and complaints of citizens and taxpayers by TC e-mail (info@andoz.tj)',
    ),
    deadline: wd(5),
    deadlineText: L('То 5 рӯзи корӣ аз санаи муроҷиат', 'До 5 рабочих дней со дня обращения', 'Up to 5 working days from the date of the appeal'),
    start: 'application',
    result: {
      kind: 'letter',
      text: L('Ирсол намудани посух тавассути почтаи электронӣ', 'Направление ответа по электронной почте', 'Reply sent by e-mail'),
    },
    legalBasis: inferred(APPEALS_33),
    cost: printed(FREE),
    unit: printed(
      L(
        'Раёсати хизматрасонӣ ба андозсупорандагон ва дигар раёсатҳои дахлдор',
        'Управление обслуживания налогоплательщиков и другие соответствующие управления',
        'TSD and other relevant departments',
      ),
    ),
    electronic: true,
  },
];

const group12: readonly Row[] = [
  {
    code: '12.12.01',
    name: L(
      'Кушодани ҳуҷраи шахсии андозсупоранда дар шакли электронӣ (сомонаи КА)',
      'Открытие личного кабинета налогоплательщика в электронной форме (сайт Налогового комитета)',
      "Opening the taxpayer's personal cabinet in electronic form (TC website)",
    ),
    deadline: wd(1),
    deadlineText: L('То 1 рӯзи корӣ аз санаи муроҷиат', 'До 1 рабочего дня со дня обращения', 'Up to 1 working day from the date of the request'),
    start: 'application',
    result: {
      kind: 'credentials',
      text: L(
        'Ирсоли логин ва рамз оиди истифодабарии ҳуҷраи шахсӣ',
        'Направление логина и пароля для пользования личным кабинетом',
        'Login and password for the personal cabinet sent',
      ),
    },
    legalBasis: printed(PROTECTION_OF_INFORMATION),
    cost: printed(FREE),
    unit: printed(MBMA),
    electronic: true,
  },
  {
    code: '12.12.02',
    name: L(
      'Гирифтани сертификати имзои электронии рақамӣ (ИЭР) ба муҳлати 1 сол барои пешниҳоди эъломияҳо дар шакли электронӣ',
      'Получение сертификата электронной цифровой подписи (ЭЦП) сроком на 1 год для представления деклараций в электронной форме',
      'Obtaining an electronic digital signature (EDS) certificate, valid for 1 year, for submitting declarations electronically',
    ),
    deadline: wd(3),
    deadlineText: L(
      'То 3 рӯзи корӣ баъд аз имзои шартнома ва пардохти маблағ',
      'До 3 рабочих дней после подписания договора и оплаты',
      'Up to 3 working days after the contract is signed and the fee is paid',
    ),
    start: 'contract_and_payment',
    result: { kind: 'eds_certificate', text: L('Пешниҳоди сертификати ИЭР', 'Предоставление сертификата ЭЦП', 'EDS certificate provided') },
    legalBasis: inferred(PROTECTION_OF_INFORMATION),
    cost: printed({
      kind: 'paid',
      note: L(
        'Тибқи нархномаи тасдиқшуда (хоҷагиҳои деҳқонӣ – ройгон)',
        'Согласно утверждённому прейскуранту (для дехканских хозяйств — бесплатно)',
        'According to the approved price list (dehkan farms: free)',
      ),
    }),
    unit: inferred(MBMA),
    electronic: false,
  },
];

/** The 59 deadline lines of Annex 2, in the order of the order (TS-08, TS-24, TS-25). */
export const CATALOGUE_396: readonly ServiceLine[] = Object.freeze(
  [group01, group02, group03, group04, group05, group06, group07, group08, group09, group10, group11, group12].flat().map(line),
);

const BY_KEY = new Map(CATALOGUE_396.map((l) => [l.key, l]));

/** The line with this key ('06.06.04', '05.05.01a'), or undefined. */
export function catalogueLine(key: string): ServiceLine | undefined {
  return BY_KEY.get(key);
}
