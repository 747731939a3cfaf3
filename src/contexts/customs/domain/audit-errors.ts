import type { ProblemCatalogue } from '../../../platform/problems.ts';

/** Refusals of customs audits (docs/customs-audits.md, docs/errors.md). */
export type AuditErrorCode =
  | 'AUDIT_NOT_FOUND'
  | 'AUDIT_PLAN_NOT_FOUND'
  | 'AUDIT_STATE_CONFLICT'
  | 'AUDIT_PLAN_PERIOD_INVALID'
  | 'AUDIT_PLANNED_OUTSIDE_PERIOD'
  | 'AUDIT_OFFICE_UNKNOWN'
  | 'AUDIT_GROUND_UNKNOWN'
  | 'AUDIT_THEME_REQUIRED'
  | 'AUDIT_COVERED_PERIOD_INVALID'
  | 'AUDIT_DECLARATION_NOT_FOUND'
  | 'AUDIT_DECLARATION_NOT_RELEASED'
  | 'AUDIT_DECLARATION_OTHER_PERSON'
  | 'AUDIT_ORDER_SIGNER_NOT_AUTHORISED'
  | 'AUDIT_DELIVERY_DATE_INVALID'
  | 'AUDIT_EXTENSION_NOT_AUTHORISED'
  | 'AUDIT_EXTENSION_ALREADY_USED'
  | 'AUDIT_EXTENSION_DAYS_INVALID'
  | 'AUDIT_EXTENSION_TOO_LATE'
  | 'AUDIT_FINDINGS_INCONSISTENT'
  | 'AUDIT_REPORT_LATE_REASON_REQUIRED'
  | 'AUDIT_FOLLOW_UP_NOT_GROUNDED';

export const auditProblems = {
  /** No audit with this number, or (for the audited person) not theirs or its order not yet delivered. */
  AUDIT_NOT_FOUND: {
    status: 404,
    title: { tg: 'Санҷиши гумрукӣ ёфт нашуд', ru: 'Таможенная проверка не найдена', en: 'No such customs audit' },
  },
  /** No periodic plan of control activity with this number. */
  AUDIT_PLAN_NOT_FOUND: {
    status: 404,
    title: { tg: 'Нақшаи фаъолияти назоратӣ ёфт нашуд', ru: 'План контрольной деятельности не найден', en: 'No such plan of control activity' },
  },
  /** The audit's state does not allow this step (catalog 3.3); `details.state` gives the state. Read the card again. */
  AUDIT_STATE_CONFLICT: {
    status: 409,
    title: {
      tg: 'Дар ҳолати ҷории санҷиш ин амал иҷозат нест',
      ru: 'В текущем состоянии проверки действие недопустимо',
      en: 'The audit’s state does not allow this step',
    },
  },
  /** The plan's period ends before it starts. */
  AUDIT_PLAN_PERIOD_INVALID: {
    status: 422,
    title: { tg: 'Давраи нақша нодуруст аст', ru: 'Неверный период плана', en: 'The plan’s period is not valid' },
  },
  /** Art.417 p.4: a planned audit's day must fall inside the plan's period. */
  AUDIT_PLANNED_OUTSIDE_PERIOD: {
    status: 422,
    title: {
      tg: 'Санаи санҷиш берун аз давраи нақша аст',
      ru: 'Дата проверки вне периода плана',
      en: 'The planned day is outside the plan’s period',
    },
  },
  /** The customs office code is not in the reference data. */
  AUDIT_OFFICE_UNKNOWN: {
    status: 422,
    title: { tg: 'Мақоми гумрук маълум нест', ru: 'Неизвестный таможенный орган', en: 'Unknown customs office' },
  },
  /** Art.417(1) p.6, art.417(2) p.5: the ground is not one of the closed list of the audit's place (D1-D8 desk, F1-F15 field). */
  AUDIT_GROUND_UNKNOWN: {
    status: 422,
    title: {
      tg: 'Асос барои ин навъи санҷиш дар қонун нест',
      ru: 'Такого основания для этого вида проверки в законе нет',
      en: 'The law lists no such ground for this kind of audit',
    },
  },
  /** Art.417 p.5: a thematic audit names its theme. */
  AUDIT_THEME_REQUIRED: {
    status: 422,
    title: { tg: 'Мавзӯи санҷиши мавзуӣ лозим аст', ru: 'Укажите тему тематической проверки', en: 'A thematic audit needs its theme' },
  },
  /** The period of activity under audit ends before it starts. */
  AUDIT_COVERED_PERIOD_INVALID: {
    status: 422,
    title: { tg: 'Давраи санҷидашаванда нодуруст аст', ru: 'Неверный проверяемый период', en: 'The period under audit is not valid' },
  },
  /** A linked declaration number is not registered. */
  AUDIT_DECLARATION_NOT_FOUND: {
    status: 422,
    title: { tg: 'Декларатсия ёфт нашуд', ru: 'Декларация не найдена', en: 'No such declaration' },
  },
  /** Art.417 p.1: an audit is control after release; the linked declaration's goods were never released. */
  AUDIT_DECLARATION_NOT_RELEASED: {
    status: 422,
    title: {
      tg: 'Моли декларатсия ҳанӯз иҷозат дода нашудааст',
      ru: 'Товары по декларации не выпущены',
      en: 'The declaration’s goods have not been released',
    },
  },
  /** The linked declaration is not the audited person's (as declarant, broker or filer). */
  AUDIT_DECLARATION_OTHER_PERSON: {
    status: 422,
    title: {
      tg: 'Декларатсия ба шахси санҷидашаванда тааллуқ надорад',
      ru: 'Декларация не относится к проверяемому лицу',
      en: 'The declaration does not belong to the audited person',
    },
  },
  /** Art.417(2) p.2, CUS-AUD-13: a field-audit order is signed only by the head of the customs authority or an authorised deputy. */
  AUDIT_ORDER_SIGNER_NOT_AUTHORISED: {
    status: 403,
    title: {
      tg: 'Дастурро танҳо сардори мақоми гумрук ё муовини ваколатдори ӯ имзо мекунад',
      ru: 'Предписание подписывает только начальник таможенного органа или его уполномоченный заместитель',
      en: 'Only the head of the customs authority or an authorised deputy signs this order',
    },
  },
  /** A4: the delivery day is before the order was issued or in the future. */
  AUDIT_DELIVERY_DATE_INVALID: {
    status: 422,
    title: { tg: 'Санаи супоридани дастур нодуруст аст', ru: 'Неверная дата вручения предписания', en: 'The order’s delivery date is not valid' },
  },
  /** Art.417(1) p.5, art.417(2) p.4: only the head of the customs authority or an authorised deputy extends an audit. */
  AUDIT_EXTENSION_NOT_AUTHORISED: {
    status: 403,
    title: {
      tg: 'Мӯҳлатро танҳо сардори мақоми гумрук ё муовини ваколатдори ӯ тамдид мекунад',
      ru: 'Срок продлевает только начальник таможенного органа или его уполномоченный заместитель',
      en: 'Only the head of the customs authority or an authorised deputy extends an audit',
    },
  },
  /** AMB-13: an audit is extended once; the 60-day total is reached through that one extension. */
  AUDIT_EXTENSION_ALREADY_USED: {
    status: 409,
    title: { tg: 'Мӯҳлати санҷиш аллакай тамдид шудааст', ru: 'Срок проверки уже продлён', en: 'The audit was already extended' },
  },
  /** The extension is 1 to 30 calendar days. */
  AUDIT_EXTENSION_DAYS_INVALID: {
    status: 422,
    title: {
      tg: 'Тамдид аз 1 то 30 рӯзи тақвимӣ мумкин аст',
      ru: 'Продление возможно на 1–30 календарных дней',
      en: 'An extension is 1 to 30 calendar days',
    },
  },
  /** A5: the extension is decided before the 30th day ends; after it, the audit can only end with its act. */
  AUDIT_EXTENSION_TOO_LATE: {
    status: 409,
    title: {
      tg: 'Мӯҳлати 30-рӯза гузаштааст, тамдид ғайриимкон аст',
      ru: '30-дневный срок истёк, продление невозможно',
      en: 'The 30 days are over: the audit can no longer be extended',
    },
  },
  /** Additional amounts are assessed only when a violation is found, and never negative. */
  AUDIT_FINDINGS_INCONSISTENT: {
    status: 422,
    title: {
      tg: 'Маблағҳои иловагӣ бе ошкор кардани вайронкунӣ',
      ru: 'Доначисления без выявленного нарушения',
      en: 'Additional amounts without a violation found',
    },
  },
  /** The act comes after the audit's last day: it is recorded as late and needs the reason. */
  AUDIT_REPORT_LATE_REASON_REQUIRED: {
    status: 422,
    title: {
      tg: 'Санад пас аз мӯҳлат: сабабро нишон диҳед',
      ru: 'Акт после истечения срока: укажите причину',
      en: 'The act is late: give the reason',
    },
  },
  /** A7: only a desk audit whose act found a possible violation, or documents not submitted in time, grounds a field audit (art.417(2) p.5 i.13). */
  AUDIT_FOLLOW_UP_NOT_GROUNDED: {
    status: 422,
    title: {
      tg: 'Натиҷаҳои санҷиш барои санҷиши сайёр асос намедиҳанд',
      ru: 'Результаты проверки не дают основания для выездной проверки',
      en: 'The audit’s results do not ground a field audit',
    },
  },
} as const satisfies ProblemCatalogue<AuditErrorCode>;
