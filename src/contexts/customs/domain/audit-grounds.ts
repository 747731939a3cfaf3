/**
 * The closed lists of grounds of an unplanned customs audit (seed 001 item 84/85): 8 for a desk
 * audit (art.417(1) p.6) and 15 for a field audit (art.417(2) p.5). Codes are the place's letter
 * and the item number of the law (D1…D8, F1…F15); the texts follow the seed, Tajik first.
 */
import type { Localised } from '../../../platform/i18n.ts';

export type AuditPlace = 'desk' | 'field';

export type AuditGround = {
  readonly code: string;
  readonly place: AuditPlace;
  /** The item of the part that lists it. */
  readonly item: number;
  readonly legalBasis: string;
  readonly title: Localised;
};

const t = (tg: string, ru: string, en: string): Localised => ({ tg, ru, en });

const INFORMATION_RESOURCES = t(
  'Маълумоти таҳлили захираҳои иттилоотии мақомоти гумрук ва дигар мақомоти давлатӣ, ки аз вайрон кардани қонунгузории гумрукӣ шаҳодат медиҳад',
  'Данные анализа информационных ресурсов таможенных и иных государственных органов, свидетельствующие о возможном нарушении таможенного законодательства',
  'Data from analysis of the information resources of customs and other state bodies indicating a possible violation',
);
const RMS_RESULTS = t('Натиҷаҳои татбиқи низоми идораи таваккал', 'Результаты применения системы управления рисками', 'Results of the risk management system');
const VIOLATION_INFORMATION = t(
  'Маълумоте, ки дар бораи вайрон кардани қонунгузории гумрукӣ шаҳодат медиҳад',
  'Информация, свидетельствующая о возможном нарушении таможенного законодательства',
  'Information indicating a possible violation',
);
const DOMESTIC_EXCHANGE = t(
  'Санҷиши маълумоти мубодилаи иттилоотӣ бо мақомоти андоз ва ҳифзи ҳуқуқи Ҷумҳурии Тоҷикистон',
  'Проверка сведений, полученных в результате информационного обмена с налоговыми и правоохранительными органами Республики Таджикистан',
  'Checking data from information exchange with national tax and law enforcement bodies',
);
const LIQUIDATION = t(
  'Барҳамдиҳӣ, азнавташкилдиҳии шахси санҷидашаванда ё пешниҳоди ҳуҷҷатҳои муфлисшавӣ',
  'Ликвидация, реорганизация проверяемого лица или подача им документов о несостоятельности (банкротстве)',
  'Liquidation or reorganisation of the audited person, or its filing of insolvency (bankruptcy) documents',
);

/** Art.417(1) p.6: the grounds of a desk audit. */
const DESK: readonly Localised[] = [
  INFORMATION_RESOURCES,
  RMS_RESULTS,
  VIOLATION_INFORMATION,
  t(
    'Муроҷиати мақомоти салоҳиятдори давлати хориҷӣ (тибқи созишнома) ва маълумоти мубодилаи иттилоотӣ бо мақомоти андоз, гумрук ва ҳифзи ҳуқуқи давлатҳои хориҷӣ',
    'Обращение (запрос) компетентного органа государства, с которым заключено соглашение, а также данные информационного обмена с налоговыми, таможенными и правоохранительными органами иностранных государств',
    'A request of a competent body of a state with an agreement, and data from information exchange with foreign tax, customs and law enforcement bodies',
  ),
  t(
    'Муроҷиати ташаббускоронаи шахс дар бораи гузаронидани санҷиши гумрукии камералӣ',
    'Инициативное обращение лица о проведении камеральной таможенной проверки',
    'The person’s own request for a desk audit',
  ),
  t(
    'Натиҷаҳои назорати андозӣ ё гумрукӣ дар шаклҳои дигар ё тадбирҳои таъминкунанда, инчунин иҷро накардани огоҳинома дар бораи рафъи қонуншиканиҳо',
    'Результаты налогового или таможенного контроля в иных формах или мер, обеспечивающих его проведение, а также неисполнение уведомления об устранении нарушений',
    'Results of tax or customs control in other forms or of measures ensuring control, and failure to comply with a notice to remedy violations',
  ),
  DOMESTIC_EXCHANGE,
  LIQUIDATION,
];

/** Art.417(2) p.5: the grounds of a field audit. */
const FIELD: readonly Localised[] = [
  INFORMATION_RESOURCES,
  RMS_RESULTS,
  VIOLATION_INFORMATION,
  t(
    'Аризаи шахс дар бораи дохил намудан ба феҳристи танзимгарони ваколатдори иқтисодӣ',
    'Заявление лица о включении в реестр уполномоченных экономических операторов',
    'An application to be included in the register of authorised economic operators',
  ),
  t(
    'Пешниҳоди маълумот аз ҷониби танзимгари ваколатдори иқтисодӣ дар бораи тағйири маълумот оид ба иншоот, бино ва майдончаҳои нигоҳдории муваққатӣ',
    'Представление уполномоченным экономическим оператором информации об изменении сведений о сооружениях, помещениях и открытых площадках для временного хранения',
    'An authorised economic operator’s notice of changes to the data on its structures, premises and open sites for temporary storage',
  ),
  DOMESTIC_EXCHANGE,
  t(
    'Муроҷиати мақомоти салоҳиятдори давлати хориҷӣ (тибқи созишнома) дар бораи санҷиши шахсе, ки бо шахси хориҷӣ шартнома бастааст',
    'Обращение (запрос) компетентного органа государства, с которым заключено соглашение, о проверке лица, совершавшего сделки с иностранным лицом',
    'A request of a competent body of a state with an agreement to audit a person who made deals with a foreign person',
  ),
  t(
    'Санҷиши маълумоти мубодилаи иттилоотӣ бо мақомоти андоз, гумрук ва ҳифзи ҳуқуқи давлатҳои хориҷӣ',
    'Проверка сведений, полученных в результате информационного обмена с налоговыми, таможенными и правоохранительными органами иностранных государств',
    'Checking data from information exchange with foreign tax, customs and law enforcement bodies',
  ),
  t('Ҳолатҳои пешбининамудаи қонунгузории мурофиавӣ', 'Случаи, предусмотренные процессуальным законодательством', 'Cases provided by procedural law'),
  t(
    'Муроҷиати шахсони воқеӣ ва ҳуқуқӣ, мақомоти давлатӣ, ки аз вайрон кардани қонунгузории гумрукӣ шаҳодат медиҳад',
    'Обращения физических и юридических лиц, государственных органов, свидетельствующие о возможном нарушении таможенного законодательства',
    'Appeals of individuals, legal entities and state bodies indicating a possible violation',
  ),
  t(
    'Муроҷиати ташаббускоронаи шахс дар бораи гузаронидани санҷиши гумрукии сайёр',
    'Инициативное обращение лица о проведении выездной таможенной проверки',
    'The person’s own request for a field audit',
  ),
  t(
    'Зарурати санҷиши масъалаҳое, ки дар шикоят аз рӯйи натиҷаҳои санҷиши гузаронидашуда дарҷ шудаанд',
    'Необходимость проверки по вопросам, изложенным в жалобе о результатах проведённой проверки',
    'The need to check issues raised in a complaint about the results of an audit',
  ),
  t(
    'Натиҷаҳои санҷиши гумрукии камералӣ, ки аз вайрон кардани қонунгузории гумрукӣ шаҳодат медиҳанд, аз ҷумла пешниҳод накардани ҳуҷҷатҳо дар муҳлат',
    'Результаты камеральной таможенной проверки, свидетельствующие о возможном нарушении, в том числе непредставление документов и (или) сведений в установленный срок',
    'Results of a desk audit indicating a possible violation, including failure to submit documents or data on demand in time',
  ),
  t(
    'Натиҷаҳои назорати гумрукӣ дар шаклҳои дигар ё тадбирҳои таъминкунанда, ки аз вайрон кардани қонунгузории гумрукӣ шаҳодат медиҳанд',
    'Результаты таможенного контроля в иных формах или мер, обеспечивающих его проведение, свидетельствующие о возможном нарушении',
    'Results of customs control in other forms or of measures ensuring control indicating a possible violation',
  ),
  LIQUIDATION,
];

const build = (place: AuditPlace, titles: readonly Localised[], article: string): AuditGround[] =>
  titles.map((title, i) => ({
    code: `${place === 'desk' ? 'D' : 'F'}${i + 1}`,
    place,
    item: i + 1,
    legalBasis: `Customs Code ${article} i.${i + 1}`,
    title,
  }));

/** Every ground, desk first. */
export const AUDIT_GROUNDS: readonly AuditGround[] = [...build('desk', DESK, 'art.417(1) p.6'), ...build('field', FIELD, 'art.417(2) p.5')];

/** All ground codes (for request schemas). */
export const AUDIT_GROUND_CODES: readonly string[] = AUDIT_GROUNDS.map((g) => g.code);

/** The ground of that code for that place, or undefined: a desk audit cannot rest on a field ground. */
export const groundFor = (place: AuditPlace, code: string): AuditGround | undefined => AUDIT_GROUNDS.find((g) => g.place === place && g.code === code);

/** Art.417(2) p.5 i.12: a complaint about an audit's results. */
export const COMPLAINT_GROUND = 'F12';
/** Art.417(2) p.5 i.13: desk audit results indicating a possible violation (A7). */
export const DESK_RESULTS_GROUND = 'F13';
