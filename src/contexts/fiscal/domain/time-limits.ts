import type { Localised } from '../../../platform/i18n.ts';
import type { DeadlineKind } from './types.ts';

/** How a time limit is counted: "working" units follow the office calendar; plain units are clock time. */
export type TimeUnit = 'working_hours' | 'working_days' | 'hours' | 'days' | 'months';

/** A legal time limit: its amount, unit, source and a name for people. */
export type TimeLimit = { readonly amount: number; readonly unit: TimeUnit; readonly ref: string; readonly title: Localised };

/**
 * Every time limit of seed 004 that the registries track (catalog §1.3). The text keeps "working
 * day" apart from plain "day" (catalog ambiguity 1): plain days and months are calendar time.
 */
export const TIME_LIMITS: { readonly [K in DeadlineKind]: TimeLimit } = {
  REGISTRATION_ENTRY: {
    amount: 4,
    unit: 'working_hours',
    ref: 'p.22',
    title: { tg: 'Бақайдгирӣ дар НИА', ru: 'Регистрация в НИС', en: 'Registration entered in the TIS' },
  },
  DISCREPANCY_STUDY: {
    amount: 1,
    unit: 'working_days',
    ref: 'p.24',
    title: { tg: 'Омӯзиши номутобиқатӣ', ru: 'Изучение расхождений', en: 'Study of a discrepancy' },
  },
  REFUSAL_NOTICE: {
    amount: 1,
    unit: 'working_days',
    ref: 'p.27',
    title: { tg: 'Огоҳинома дар бораи рад', ru: 'Уведомление об отказе', en: 'Refusal notice' },
  },
  ADDRESS_CHANGE_APPLICATION: {
    amount: 7,
    unit: 'working_days',
    ref: 'p.30',
    title: { tg: 'Ариза дар бораи тағйири суроға', ru: 'Заявление о смене адреса', en: 'Application after a change of address' },
  },
  ADDRESS_CHANGE_ENTRY: {
    amount: 4,
    unit: 'working_hours',
    ref: 'p.30',
    title: { tg: 'Ворид кардани суроғаи нав', ru: 'Внесение нового адреса', en: 'New address entered' },
  },
  DEREGISTRATION_ENTRY: {
    amount: 1,
    unit: 'working_days',
    ref: 'p.32',
    title: { tg: 'Аз қайд баровардан дар НИА', ru: 'Снятие с учёта в НИС', en: 'Deregistration entered in the TIS' },
  },
  DEREGISTRATION_SITE_CHECK: {
    amount: 1,
    unit: 'working_days',
    ref: 'p.33',
    title: { tg: 'Санҷиш дар маҳалли фаъолият', ru: 'Проверка по месту деятельности', en: 'Check at the place of activity' },
  },
  LOSS_REPORT: {
    amount: 1,
    unit: 'working_days',
    ref: 'p.16',
    title: { tg: 'Хабар дар бораи гум шудан', ru: 'Сообщение об утере', en: 'Loss report' },
  },
  BREAKDOWN_TAX_NOTICE: {
    amount: 1,
    unit: 'hours',
    ref: 'p.37',
    title: { tg: 'Огоҳ кардани мақомоти андоз дар бораи вайроншавӣ', ru: 'Уведомление налогового органа о поломке', en: 'Tax authority told of a breakdown' },
  },
  ANNUAL_INSPECTION: {
    amount: 12,
    unit: 'months',
    ref: 'p.89',
    title: { tg: 'Санҷиши ҳарсолаи техникӣ', ru: 'Ежегодная техническая проверка', en: 'Annual technical inspection' },
  },
  INSPECTION_RECORD: {
    amount: 3,
    unit: 'days',
    ref: 'p.89',
    title: { tg: 'Сабти натиҷаи санҷиш дар НИА', ru: 'Запись результата проверки в НИС', en: 'Inspection result recorded in the TIS' },
  },
  TSC_DECISION: {
    amount: 15,
    unit: 'working_days',
    ref: 'p.104',
    title: { tg: 'Қарор оид ба дохил кардани МХТ', ru: 'Решение о включении ЦТО', en: 'Decision on a TSC application' },
  },
  TSC_SITE_CHECK: {
    amount: 1,
    unit: 'working_days',
    ref: 'p.101',
    title: { tg: 'Санҷиш дар маҳал', ru: 'Проверка на месте', en: 'On-site check of a TSC applicant' },
  },
  TSC_REMOVAL_NOTICE: {
    amount: 3,
    unit: 'days',
    ref: 'p.108',
    title: { tg: 'Огоҳинома ба МХТ дар бораи хориҷ кардан', ru: 'Уведомление ЦТО об исключении', en: 'Removal notice to the TSC' },
  },
  TSC_REMOVAL_BUSINESS_NOTICE: {
    amount: 3,
    unit: 'days',
    ref: 'p.108',
    title: { tg: 'Огоҳ кардани субъектҳои хоҷагидорӣ', ru: 'Уведомление обслуживаемых субъектов', en: 'Notice to the businesses served' },
  },
  FISCAL_MODULES_RETURN_AFTER_REMOVAL: {
    amount: 5,
    unit: 'days',
    ref: 'p.110',
    title: { tg: 'Баргардонидани модулҳои фискалӣ', ru: 'Возврат фискальных модулей', en: 'Return of all fiscal modules' },
  },
  FISCAL_MODULE_RETURN: {
    amount: 1,
    unit: 'months',
    ref: 'p.98',
    title: { tg: 'Баргардонидани модули фискалӣ ба оператор', ru: 'Возврат фискального модуля оператору', en: 'Fiscal module returned to the operator' },
  },
  BRANCH_REPLY: {
    amount: 7,
    unit: 'working_days',
    ref: 'p.115',
    title: { tg: 'Ҷавоб оид ба бақайдгирии филиал', ru: 'Ответ о регистрации филиала', en: 'Reply on a branch registration' },
  },
  BRANCH_DEREGISTRATION_NOTICE: {
    amount: 3,
    unit: 'days',
    ref: 'p.118',
    title: { tg: 'Огоҳинома дар бораи аз қайд баровардани филиал', ru: 'Уведомление о снятии филиала', en: 'Branch deregistration notice' },
  },
  BRANCH_DEREGISTRATION_BUSINESS_NOTICE: {
    amount: 3,
    unit: 'days',
    ref: 'p.120',
    title: { tg: 'Огоҳ кардани субъектҳои хизматрасонишаванда', ru: 'Уведомление обслуживаемых субъектов', en: 'Notice to the businesses of the branch' },
  },
};
