import type { Localised } from '../../../platform/i18n.ts';
import type { AttachmentKind, FindingCode } from './types.ts';

/** Names of the attachments as the forms call them. */
export const ATTACHMENT_NAMES: Partial<Record<AttachmentKind, Localised>> = {
  place_of_activity_document: {
    tg: 'ҳуҷҷати тасдиқкунандаи маҳалли фаъолият',
    ru: 'документ, подтверждающий место деятельности',
    en: 'document confirming the place of activity',
  },
  service_contract: { tg: 'шартнома бо МХТ оид ба хизматрасонии техникӣ', ru: 'договор с ЦТО о техническом обслуживании', en: 'service contract with the TSC' },
  address_and_place_of_activity: {
    tg: 'суроға ва маҳалли фаъолияти андозсупоранда',
    ru: 'адрес и место деятельности налогоплательщика',
    en: "taxpayer's address and place of activity",
  },
  security_certificate: {
    tg: 'сертификати мутобиқат дар соҳаи амнияти иттилоотӣ',
    ru: 'сертификат соответствия в области информационной безопасности',
    en: 'information-security conformity certificate',
  },
  new_address_document: { tg: 'ҳуҷҷати тасдиқкунандаи суроғаи нав', ru: 'документ, подтверждающий новый адрес', en: 'document confirming the new address' },
  deregistration_basis: {
    tg: 'ҳуҷҷати асос барои аз қайд баровардан',
    ru: 'документ-основание для снятия с учёта',
    en: 'document on which the deregistration rests',
  },
};

type Values = Record<string, string>;
const fill = (text: Localised, v: Values): Localised => {
  const f = (s: string) => s.replace(/\{(\w+)\}/g, (_, k: string) => v[k] ?? '');
  return { tg: f(text.tg), ru: f(text.ru), en: f(text.en) };
};

const TEXT: { readonly [K in FindingCode]: Localised } = {
  MISSING_ATTACHMENT: { tg: 'Замима нест: {what}', ru: 'Нет вложения: {what}', en: 'Missing attachment: {what}' },
  MODEL_NOT_INCLUDED: {
    tg: '«{model}» дар феҳристи давлатӣ нест',
    ru: '«{model}» нет в государственном реестре',
    en: '"{model}" is not in the state registry',
  },
  MODEL_CERTIFICATE_INVALID: {
    tg: 'Сертификати амнияти иттилоотии «{model}» ба санаи {date} эътибор надорад',
    ru: 'Сертификат информационной безопасности «{model}» не действует на {date}',
    en: 'The information-security certificate of "{model}" is not valid on {date}',
  },
  MODEL_KIND_MISMATCH: {
    tg: 'Дар ариза «{form}», дар феҳрист «{registry}»',
    ru: 'В заявлении «{form}», в реестре «{registry}»',
    en: 'The form says {form}, the registry says {registry}',
  },
  NAME_MISMATCH: {
    tg: 'Номи «{form}» аз феҳристи андозсупорандагон («{registry}») фарқ мекунад',
    ru: 'Наименование «{form}» отличается от реестра налогоплательщиков («{registry}»)',
    en: 'The name "{form}" differs from the taxpayer registry ("{registry}")',
  },
  INSPECTORATE_MISMATCH: {
    tg: 'Андозсупоранда дар нозироти {registry} қарор дорад, на дар {form}',
    ru: 'Налогоплательщик состоит на учёте в инспекции {registry}, а не {form}',
    en: 'The taxpayer is served by inspectorate {registry}, not {form}',
  },
  FISCAL_MODULE_UNKNOWN: {
    tg: 'Модули фискалии {number} дар феҳрист нест',
    ru: 'Фискального модуля {number} нет в реестре',
    en: 'Fiscal module {number} is not in the registry of fiscal modules',
  },
  FISCAL_MODULE_NOT_WITH_TSC: {
    tg: 'Модули фискалии {number} ба ин МХТ дода нашудааст',
    ru: 'Фискальный модуль {number} не передавался этому ЦТО',
    en: 'Fiscal module {number} was not supplied to this TSC',
  },
  FISCAL_MODULE_IN_USE: {
    tg: 'Модули фискалии {number} дар ҳолати «{status}» аст ва насб намешавад',
    ru: 'Фискальный модуль {number} в состоянии «{status}» и не может быть установлен',
    en: 'Fiscal module {number} is {status} and cannot be installed',
  },
  DEVICE_ALREADY_REGISTERED: {
    tg: 'МНХ бо рақами истеҳсолкунандаи {number} аллакай ба қайд гирифта шудааст',
    ru: 'ККМ с заводским номером {number} уже зарегистрирована',
    en: 'A register with manufacturer number {number} is already registered',
  },
  REGISTER_MISMATCH: {
    tg: 'Рақами истеҳсолкунанда ё модули фискалӣ аз МНХ-и бақайдгирифташуда фарқ мекунад',
    ru: 'Заводской номер или номер фискального модуля отличается от зарегистрированной ККМ',
    en: 'The manufacturer or fiscal module number differs from the registered register',
  },
};

/** The finding's message in the three languages, with its values filled in. */
export function findingMessage(code: FindingCode, values: Values = {}): Localised {
  return fill(TEXT[code], values);
}

/** The handover of the module (Annex 3, item 2) as a missing "attachment". */
export const MODULE_NOT_HANDED_OVER: Localised = {
  tg: 'модули фискалӣ бо ариза супорида нашудааст (Замимаи 3, б.2)',
  ru: 'фискальный модуль не сдан вместе с заявлением (Приложение 3, п.2)',
  en: 'the fiscal module is not handed over with the application (Annex 3, item 2)',
};
