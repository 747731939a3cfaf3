import type { Localised } from '../../../platform/i18n.ts';
import type { NewNotification } from '../../../platform/notifications.ts';
import type { ApplicationKind } from '../domain/types.ts';
import type { applications } from '../infrastructure/schema.ts';

export type Application = typeof applications.$inferSelect;

const KIND: { readonly [K in ApplicationKind]: Localised } = {
  registration: { tg: 'бақайдгирии МНХ', ru: 'регистрации ККМ', en: 'registration of the register' },
  re_registration: { tg: 'азнавбақайдгирии МНХ', ru: 'перерегистрации ККМ', en: 're-registration of the register' },
  address_change: { tg: 'тағйири суроғаи маҳалли фаъолият', ru: 'смены адреса места деятельности', en: 'change of the place of activity' },
  deregistration: { tg: 'аз қайд баровардани МНХ', ru: 'снятия ККМ с учёта', en: 'deregistration of the register' },
};

const GROUND: Record<string, Localised> = {
  DOCUMENTS_INCOMPLETE: { tg: 'ҳуҷҷатҳо пурра пешниҳод нашудаанд', ru: 'представлен неполный пакет документов', en: 'the set of documents is incomplete' },
  DATA_DISCREPANCY: { tg: 'дар маълумот номутобиқатӣ ҳаст', ru: 'в сведениях есть расхождения', en: 'the data contain discrepancies' },
  MODEL_NOT_IN_STATE_REGISTRY: {
    tg: 'МНХ дар феҳристи давлатӣ ба қайд гирифта нашудааст',
    ru: 'ККМ не внесена в государственный реестр',
    en: 'the register is not in the state registry',
  },
};

export type NoticeMoment = 'refused' | 'under_study' | 'completed';

/**
 * The notices of one application: the refusal with its exact grounds to the TSC and the business
 * (p.27), the discrepancy to the local tax authority (p.24), and the decision to the cabinet (p.23).
 */
export function applicationNotice(a: Application, moment: NoticeMoment, registryNumber?: string): NewNotification[] {
  const what = KIND[a.kind];
  const subject = { type: 'application', id: a.id };
  if (moment === 'refused') {
    const grounds = (a.refusalGrounds ?? []).map((g) => ({ ...GROUND[g.code]!, ref: g.ref, detail: g.detail, message: g.message }));
    const ref = (r: string, lang: keyof Localised) => (lang === 'tg' ? r.replace('p.', 'б.') : lang === 'ru' ? r.replace('p.', 'п.') : r);
    const list = (lang: keyof Localised) => grounds.map((g) => `— ${g[lang]} (${ref(g.ref, lang)}): ${g.message?.[lang] ?? g.detail}`).join('\n');
    const n = {
      kind: 'application.refused',
      title: { tg: `Рад кардани ${what.tg}`, ru: `Отказ в ${what.ru}`, en: `Refusal of ${what.en}` },
      body: {
        tg: `РМА ${a.businessTin}. Асосҳо:\n${list('tg')}\nПас аз бартараф кардани камбудиҳо метавонед аризаро аз нав пешниҳод кунед (б.28).`,
        ru: `ИНН ${a.businessTin}. Основания:\n${list('ru')}\nПосле устранения недостатков заявление можно подать повторно (п.28).`,
        en: `TIN ${a.businessTin}. Grounds:\n${list('en')}\nOnce the defects are fixed, the application may be filed again (p.28).`,
      },
      subject,
    };
    return [
      { ...n, recipient: { kind: 'business', id: a.businessTin } },
      { ...n, recipient: { kind: 'org', id: a.tscId } },
    ];
  }
  if (moment === 'under_study') {
    const list = (lang: keyof Localised) => a.findings.map((f) => `— ${f.message?.[lang] ?? f.detail}`).join('\n');
    const n = {
      kind: 'application.under_study',
      title: { tg: `Омӯзиши номутобиқатӣ: ${what.tg}`, ru: `Изучение расхождений: ${what.ru}`, en: `Discrepancy to study: ${what.en}` },
      body: {
        tg: `РМА ${a.businessTin}. Номутобиқатиҳо дар давоми 1 рӯзи корӣ омӯхта мешаванд (б.24):\n${list('tg')}`,
        ru: `ИНН ${a.businessTin}. Расхождения изучаются в течение 1 рабочего дня (п.24):\n${list('ru')}`,
        en: `TIN ${a.businessTin}. The discrepancies are studied within 1 working day (p.24):\n${list('en')}`,
      },
      subject,
    };
    return [
      { ...n, recipient: { kind: 'inspectorate', id: a.form.inspectorateCode } },
      { ...n, recipient: { kind: 'org', id: a.tscId } },
      { ...n, recipient: { kind: 'business', id: a.businessTin } },
    ];
  }
  const number = registryNumber ?? '';
  const n = {
    kind: `application.${a.kind}.completed`,
    title: { tg: `Анҷоми ${what.tg}`, ru: `Завершение ${what.ru}`, en: `Completed: ${what.en}` },
    body: {
      tg: `МНХ бо рақами феҳристии ${number} (${a.form.modelName}, рақами истеҳсолкунанда ${a.form.manufacturerNumber}). Корти бақайдгирӣ дар утоқи шахсӣ дастрас аст. Бақайдгирӣ ройгон аст (б.25).`,
      ru: `ККМ с регистрационным номером ${number} (${a.form.modelName}, заводской номер ${a.form.manufacturerNumber}). Регистрационная карточка доступна в личном кабинете. Регистрация бесплатна (п.25).`,
      en: `Register ${number} (${a.form.modelName}, manufacturer number ${a.form.manufacturerNumber}). The registration card is in the personal cabinet. Registration is free of charge (p.25).`,
    },
    subject: { type: 'register', id: a.registerId ?? '' },
  };
  return [
    { ...n, recipient: { kind: 'business', id: a.businessTin } },
    { ...n, recipient: { kind: 'org', id: a.tscId } },
  ];
}
