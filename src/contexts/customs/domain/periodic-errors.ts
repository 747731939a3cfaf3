import type { ProblemCatalogue } from '../../../platform/problems.ts';

/** Refusals of periodic declaring (docs/customs-periodic.md, docs/errors.md). */
export type PeriodicErrorCode =
  | 'PERIODIC_NOT_FOUND'
  | 'PERIODIC_NOTICE_NOT_FOUND'
  | 'PERIODIC_STATE_CONFLICT'
  | 'PERIODIC_PERIOD_INVALID'
  | 'PERIODIC_PERIOD_STARTED'
  | 'PERIODIC_PERIOD_TOO_LONG'
  | 'PERIODIC_APPLICATION_TOO_EARLY'
  | 'PERIODIC_NOT_REGULAR'
  | 'PERIODIC_CODE_UNKNOWN'
  | 'PERIODIC_CODE_DUPLICATE'
  | 'PERIODIC_OFFICE_NOT_COMPETENT'
  | 'PERIODIC_BORDER_POINT_UNKNOWN'
  | 'PERIODIC_GUARANTEE_REQUIRED'
  | 'PERIODIC_GUARANTEE_INVALID'
  | 'PERIODIC_REFUSAL_CONDITIONS_REQUIRED'
  | 'PERIODIC_NOTICE_OUTSIDE_PERIOD'
  | 'PERIODIC_NOTICE_LATE'
  | 'PERIODIC_CODE_NOT_IN_APPLICATION'
  | 'PERIODIC_NOT_ONE_CONSIGNMENT'
  | 'PERIODIC_QUANTITY_INVALID'
  | 'PERIODIC_EXIT_ALREADY_RECORDED'
  | 'PERIODIC_EXIT_INVALID'
  | 'PERIODIC_EXTENSION_NOT_AVAILABLE'
  | 'PERIODIC_EXTENSION_TOO_LONG'
  | 'PERIODIC_GRACE_NOT_OVER';

export const periodicProblems = {
  /** No application with this number, or it is another declarant's: check the number. */
  PERIODIC_NOT_FOUND: {
    status: 404,
    title: {
      tg: 'Ариза дар бораи декларатсиякунии даврӣ ёфт нашуд',
      ru: 'Заявление о периодическом декларировании не найдено',
      en: 'No such periodic declaring application',
    },
  },
  /** No notice with this number under the application. */
  PERIODIC_NOTICE_NOT_FOUND: {
    status: 404,
    title: { tg: 'Огоҳинома ёфт нашуд', ru: 'Уведомление не найдено', en: 'No such delivery notice' },
  },
  /** The application is not in a state that allows this step (catalog 3.2); `details.state` gives the state. Read it again. */
  PERIODIC_STATE_CONFLICT: {
    status: 409,
    title: {
      tg: 'Дар ҳолати ҷории ариза ин амал иҷозат нест',
      ru: 'В текущем состоянии заявления действие недопустимо',
      en: 'The application’s state does not allow this step',
    },
  },
  /** The delivery period ends before it starts, or a date is not a real day. */
  PERIODIC_PERIOD_INVALID: {
    status: 422,
    title: { tg: 'Давраи интиқол нодуруст аст', ru: 'Неверный период поставки', en: 'The delivery period is not valid' },
  },
  /** Art.136 p.6: the application is filed before the delivery period starts; choose a later start. */
  PERIODIC_PERIOD_STARTED: {
    status: 422,
    title: {
      tg: 'Ариза бояд то оғози давраи интиқол пешниҳод шавад',
      ru: 'Заявление подаётся до начала периода поставки',
      en: 'The application must be filed before the delivery period starts',
    },
  },
  /** Art.136 p.6: at most 30 calendar days; art.138 p.4: export with duties or restrictions at most one calendar month. `details` gives the limit. */
  PERIODIC_PERIOD_TOO_LONG: {
    status: 422,
    title: { tg: 'Давраи интиқол аз ҳад дароз аст', ru: 'Период поставки превышает допустимый', en: 'The delivery period is too long' },
  },
  /** Art.138 p.4 (AMB-09): export with duties or restrictions is applied for only within the 15 days before the period; `details.firstDay`. */
  PERIODIC_APPLICATION_TOO_EARLY: {
    status: 422,
    title: {
      tg: 'Ариза барвақт пешниҳод шудааст (15 рӯз то давра)',
      ru: 'Заявление подано ранее 15 дней до начала периода',
      en: 'Filed earlier than 15 days before the period',
    },
  },
  /** Art.136 p.1, 4: fewer than 3 deliveries of these codes (`details.codes`) by the declarant in the 30 calendar days up to today. */
  PERIODIC_NOT_REGULAR: {
    status: 422,
    title: { tg: 'Мол мунтазам интиқол дода намешавад', ru: 'Товары не перемещаются регулярно', en: 'The goods are not moved regularly' },
  },
  /** A commodity code is not in the nomenclature on the filing day. */
  PERIODIC_CODE_UNKNOWN: {
    status: 422,
    title: { tg: 'Рамзи ТН ФИХ дар номенклатура нест', ru: 'Кода ТН ВЭД нет в номенклатуре', en: 'The commodity code is not in the nomenclature' },
  },
  /** A code appears twice: one line per code (art.136 p.3: same code = same goods). */
  PERIODIC_CODE_DUPLICATE: {
    status: 422,
    title: { tg: 'Рамзи мол ду бор омадааст', ru: 'Код товара указан дважды', en: 'A commodity code is given twice' },
  },
  /** Art.136 p.6: the application goes to an office in force that clears goods (declaration kind goods or periodic). */
  PERIODIC_OFFICE_NOT_COMPETENT: {
    status: 422,
    title: { tg: 'Мақоми гумрукӣ ваколатдор нест', ru: 'Таможенный орган не компетентен', en: 'The customs office is not competent' },
  },
  /** The border crossing point is not an office in force. */
  PERIODIC_BORDER_POINT_UNKNOWN: {
    status: 422,
    title: { tg: 'Гузаргоҳи сарҳадӣ ёфт нашуд', ru: 'Пункт пропуска не найден', en: 'Unknown border crossing point' },
  },
  /** Art.136 p.11: customs payments are due on these goods: name an accepted guarantee (`guaranteeReference`). */
  PERIODIC_GUARANTEE_REQUIRED: {
    status: 422,
    title: { tg: 'Таъминоти пардохт лозим аст', ru: 'Требуется обеспечение уплаты', en: 'A payment guarantee is required' },
  },
  /** The guarantee is unknown, not accepted, another person's, not for periodic declaring, or not valid over the whole period. */
  PERIODIC_GUARANTEE_INVALID: {
    status: 422,
    title: { tg: 'Таъминот эътибор надорад', ru: 'Обеспечение недействительно', en: 'The guarantee does not cover this application' },
  },
  /** A refusal states its reason; for exports also the conditions to meet (art.137 p.3). */
  PERIODIC_REFUSAL_CONDITIONS_REQUIRED: {
    status: 422,
    title: { tg: 'Сабаб ва шартҳои рад нишон дода нашудаанд', ru: 'Не указаны причина и условия отказа', en: 'The refusal needs its reason and conditions' },
  },
  /** The delivery day is outside the permitted period. */
  PERIODIC_NOTICE_OUTSIDE_PERIOD: {
    status: 422,
    title: { tg: 'Рӯзи интиқол берун аз давра аст', ru: 'Дата поставки вне периода', en: 'The delivery day is outside the period' },
  },
  /** Art.136 p.8: the notice comes before the delivery; a delivery day in the past is refused. */
  PERIODIC_NOTICE_LATE: {
    status: 422,
    title: { tg: 'Огоҳинома бояд то интиқол пешниҳод шавад', ru: 'Уведомление подаётся до поставки', en: 'The notice must precede the delivery' },
  },
  /** The code is not named in the application. */
  PERIODIC_CODE_NOT_IN_APPLICATION: {
    status: 422,
    title: { tg: 'Рамз дар ариза нест', ru: 'Кода нет в заявлении', en: 'The code is not in the application' },
  },
  /** Art.136 p.5: one border crossing point and one contract per application (one consignment). */
  PERIODIC_NOT_ONE_CONSIGNMENT: {
    status: 422,
    title: {
      tg: 'Интиқол ба як қисмати мол дохил намешавад',
      ru: 'Поставка не относится к единой партии',
      en: 'The delivery is not part of the one consignment',
    },
  },
  /** A quantity is not a positive decimal with at most 3 decimals. */
  PERIODIC_QUANTITY_INVALID: {
    status: 422,
    title: { tg: 'Миқдор нодуруст аст', ru: 'Неверное количество', en: 'The quantity is not valid' },
  },
  /** The actual exit of this notice's goods is already recorded. */
  PERIODIC_EXIT_ALREADY_RECORDED: {
    status: 409,
    title: { tg: 'Содироти воқеӣ аллакай сабт шудааст', ru: 'Фактический вывоз уже отмечен', en: 'The actual exit is already recorded' },
  },
  /** An exit is recorded only for export, on a day from the delivery day to today. */
  PERIODIC_EXIT_INVALID: {
    status: 422,
    title: { tg: 'Санаи содирот нодуруст аст', ru: 'Неверная дата вывоза', en: 'The exit record is not valid' },
  },
  /** Art.138 p.5: only an export whose whole lot has left (so the p.2 deadline runs) and before that deadline ends. */
  PERIODIC_EXTENSION_NOT_AVAILABLE: {
    status: 409,
    title: { tg: 'Дарозкунии мӯҳлат имконнопазир аст', ru: 'Продление срока невозможно', en: 'The deadline cannot be extended now' },
  },
  /** Art.138 p.5: at most 4 months from the end of the p.2 period; `details.latest`. */
  PERIODIC_EXTENSION_TOO_LONG: {
    status: 422,
    title: { tg: 'Дарозкунӣ аз 4 моҳ зиёд аст', ru: 'Продление более чем на 4 месяца', en: 'The extension exceeds 4 months' },
  },
  /** Art.136 p.15, art.138 p.7 (AMB-07): customs annuls only after the declarant's grace period ended; `details.withdrawalDueAt`. */
  PERIODIC_GRACE_NOT_OVER: {
    status: 409,
    title: { tg: 'Мӯҳлати бозхонд ҳанӯз нагузаштааст', ru: 'Срок для отзыва ещё не истёк', en: 'The withdrawal grace period is not over' },
  },
} satisfies ProblemCatalogue<PeriodicErrorCode>;
