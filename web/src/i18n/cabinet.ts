import type { Dict } from './dict.ts';

/** Tax officer's study and taxpayers; incidents and inspections; the business cabinet. */
export const cabinet = {
  study: {
    title: ['Омӯзиши номутобиқатӣ (б.24)', 'Изучение расхождений (п.24)', 'Study of the discrepancy (p.24)'],
    queueSubtitle: [
      'Аризаҳое, ки дар онҳо номутобиқатӣ ёфт шуд; мақомоти андоз сабабро дар давоми 1 рӯзи корӣ меомӯзад.',
      'Заявления с расхождениями; налоговый орган изучает причину в течение 1 рабочего дня.',
      'Applications with discrepancies; the tax authority studies the cause within 1 working day.',
    ],
    confirmed: ['Номутобиқатӣ тасдиқ шуд', 'Расхождение подтверждено', 'Discrepancy confirmed'],
    cleared: ['Номутобиқатӣ бартараф шуд', 'Расхождение снято', 'Discrepancy cleared'],
    confirmedHint: [
      'Ариза бо асоси б.26 (2) рад карда мешавад ва огоҳинома ба МХТ ва субъект меравад.',
      'В регистрации будет отказано по п.26 (2), уведомление уйдёт ЦТО и субъекту.',
      'The application is refused under p.26 (2) and the notice goes to the TSC and the business.',
    ],
    clearedHint: ['МНХ ба қайд гирифта мешавад.', 'ККМ будет зарегистрирована.', 'The register will be registered.'],
  },
  taxpayer: {
    subtitle: [
      'Андозсупорандагон бо утоқи шахсӣ (РМА ва PIN-код) ва озодкуниҳо аз истифодаи МНХ (б.4).',
      'Налогоплательщики с личным кабинетом (ИНН и PIN-код) и освобождения от ККМ (п.4).',
      'Taxpayers with a personal cabinet (TIN and PIN) and exemptions from registers (p.4).',
    ],
    add: ['Ворид кардани андозсупоранда', 'Внести налогоплательщика', 'Enter a taxpayer'],
    pin: ['PIN-код барои утоқи шахсӣ', 'PIN-код для личного кабинета', 'PIN for the personal cabinet'],
    pinHint: ['Ҳадди ақал 6 аломат', 'Не менее 6 символов', 'At least 6 characters'],
    isVatPayer: ['Пардохткунандаи ААИ', 'Плательщик НДС', 'VAT payer'],
    mustUse: ['Бояд МНХ истифода барад', 'Обязан применять ККМ', 'Must use a register'],
    exempt: ['Озод аст', 'Освобождён', 'Exempt'],
    setExemption: ['Озодкунӣ', 'Освобождение', 'Exemption'],
    basis: ['Асос (ҳуҷҷат)', 'Основание (документ)', 'Basis (document)'],
    none: ['Озодкунӣ нест', 'Без освобождения', 'No exemption'],
    regime: {
      general: ['Низоми умумӣ', 'Общий режим', 'General'],
      simplified: ['Низоми соддакардашуда', 'Упрощённый режим', 'Simplified'],
      patent: ['Патент', 'Патент', 'Patent'],
      certificate: ['Шаҳодатнома', 'Свидетельство', 'Certificate'],
      agricultural_single_tax: ['Андози ягона барои истеҳсолкунандагони кишоварзӣ', 'Единый налог для сельхозпроизводителей', 'Agricultural single tax'],
    },
    exemptionKind: {
      strict_accountability_documents: [
        'Ҳуҷҷатҳои ба ҳуҷҷатҳои ҳисоботи қатъӣ баробар',
        'Документы, приравненные к бланкам строгой отчётности',
        'Documents equal to strict-accountability documents',
      ],
      household_produce: ['Маҳсулоти кишоварзии қитъаи наздиҳавлигӣ', 'Сельхозпродукция с приусадебного участка', 'Produce of a household plot'],
      agricultural_single_tax: ['Андози ягона барои истеҳсолкунандагони кишоварзӣ', 'Единый налог для сельхозпроизводителей', 'Agricultural single tax'],
      patent: ['Соҳибкори инфиродӣ дар асоси патент', 'ИП на основе патента', 'Entrepreneur under a patent'],
      certificate_non_stationary: [
        'Соҳибкори инфиродӣ бо шаҳодатнома дар ҷойҳои ғайристатсионарӣ',
        'ИП по свидетельству в нестационарных местах',
        'Entrepreneur under a certificate at non-stationary places',
      ],
    },
  },
  incident: {
    loss: ['Гум шудан', 'Утеря', 'Loss'],
    breakdown: ['Вайроншавӣ', 'Поломка', 'Breakdown'],
    reportLoss: ['Хабар дар бораи гум шудан', 'Сообщить об утере', 'Report a loss'],
    reportBreakdown: ['Хабар дар бораи вайроншавӣ', 'Сообщить о поломке', 'Report a breakdown'],
    lossHint: [
      'Дар бораи гум шудан ба мақомоти андоз ва МХТ на дертар аз 1 рӯзи корӣ хабар диҳед (б.16).',
      'Сообщите налоговому органу и ЦТО об утере не позднее 1 рабочего дня (п.16).',
      'Tell the tax authority and the TSC of a loss within 1 working day (p.16).',
    ],
    breakdownHint: [
      'Дар бораи вайроншавӣ фавран ба МХТ хабар диҳед; МХТ дар давоми 1 соат ба мақомоти андоз хабар медиҳад (б.37).',
      'О поломке сообщите ЦТО немедленно; ЦТО уведомляет налоговый орган в течение 1 часа (п.37).',
      'Report a breakdown to the TSC at once; the TSC tells the tax authority within 1 hour (p.37).',
    ],
    channel: ['Тарзи хабар', 'Канал', 'Channel'],
    channels: {
      cabinet: ['Утоқи шахсӣ', 'Личный кабинет', 'Personal cabinet'],
      call_centre: ['Маркази иттилоот', 'Колл-центр', 'Call centre'],
      in_person: ['Шахсан', 'Лично', 'In person'],
    },
    reportedAt: ['Хабар дода шуд', 'Сообщено', 'Reported'],
    taxNotified: ['Мақомоти андоз огоҳ карда шуд', 'Налоговый орган уведомлён', 'Tax authority notified'],
    notifyTax: ['Огоҳ кардани мақомоти андоз', 'Уведомить налоговый орган', 'Notify the tax authority'],
    list: ['Хабарҳо дар бораи гум шудан ва вайроншавӣ', 'Сообщения об утере и поломках', 'Loss and breakdown reports'],
    sent: ['Хабар фиристода шуд', 'Сообщение отправлено', 'The report was sent'],
  },
  inspection: {
    title: ['Санҷиши ҳарсола (б.89)', 'Ежегодная проверка (п.89)', 'Yearly inspection (p.89)'],
    hint: [
      'Натиҷаи санҷиш дар давоми 3 рӯз ба НИА ворид карда мешавад.',
      'Результат проверки вносится в НИС в течение 3 дней.',
      'The result is recorded in the TIS within 3 days.',
    ],
    record: ['Сабти санҷиш', 'Записать проверку', 'Record an inspection'],
    passed: ['Мувофиқ', 'Соответствует', 'Passed'],
    failed: ['Мувофиқ нест', 'Не соответствует', 'Failed'],
    recorded: ['Санҷиш сабт шуд', 'Проверка записана', 'Inspection recorded'],
  },
  service: {
    subtitle: [
      'Санҷишҳои ҳарсолаи МНХ-и мизоҷон ва хабарҳо дар бораи вайроншавӣ, ки бояд ба мақомоти андоз расонида шаванд.',
      'Ежегодные проверки ККМ клиентов и сообщения о поломках для налогового органа.',
      'Yearly inspections of client registers and breakdown reports to pass on to the tax authority.',
    ],
    change: ['Тағйир', 'Изменить', 'Change'],
  },
  apps: {
    tscSubtitle: ['Аризаҳое, ки МХТ-и шумо ворид кардааст.', 'Заявления, внесённые вашим ЦТО.', 'Applications your TSC entered.'],
    mineSubtitle: ['Аризаҳо оид ба МНХ-и шумо ва қарорҳо.', 'Заявления по вашим ККМ и решения.', 'Applications about your registers and their decisions.'],
  },
} satisfies Dict;
