import type { Dict } from './dict.ts';

/** The registration wizard of Annex 1, the change forms (re-registration, address, Annex 3) and outcomes. */
export const wizard = {
  wizard: {
    title: [
      'Бақайдгирии МНХ-онлайн ё хазинаи шартан (вертуалӣ)',
      'Регистрация онлайн-ККМ или виртуальной кассы',
      'Register an online or virtual cash register',
    ],
    subtitle: [
      'Аризаи шакли Замимаи 1. Ҳуҷҷатҳо дар давоми 4 соати корӣ аз лаҳзаи қабул дар НИА ба қайд гирифта мешаванд (б.22).',
      'Заявление по форме Приложения 1. Документы регистрируются в НИС в течение 4 рабочих часов с момента получения (п.22).',
      'Application on the Annex 1 form. It is registered in the TIS within 4 working hours of receipt (p.22).',
    ],
    resubmitting: [
      'Аризаи такрорӣ пас аз рад (б.28): камбудиҳоро ислоҳ кунед ва боз фиристед.',
      'Повторное заявление после отказа (п.28): исправьте недостатки и отправьте снова.',
      'Resubmission after a refusal (p.28): correct the deficiencies and submit again.',
    ],
    step: {
      business: ['Андозсупоранда', 'Налогоплательщик', 'Taxpayer'],
      businessHint: ['РМА ва маълумоти худкор', 'ИНН и автозаполнение', 'TIN and auto-fill'],
      register: ['МНХ', 'ККМ', 'Register'],
      registerHint: ['Намуна, рақамҳо, маҳал', 'Модель, номера, место', 'Model, numbers, place'],
      documents: ['Ҳуҷҷатҳо', 'Документы', 'Documents'],
      documentsHint: ['Замимаҳои б.20', 'Приложения п.20', 'Attachments of p.20'],
      signing: ['Имзо ва санҷиш', 'Подпись и проверка', 'Signature and check'],
      signingHint: ['Имзокунанда, сана, санҷиши техникӣ', 'Подписант, дата, техпроверка', 'Signatory, date, technical check'],
      review: ['Тасдиқ', 'Подтверждение', 'Review'],
      reviewHint: ['Санҷед ва фиристед', 'Проверьте и отправьте', 'Check and submit'],
    },
    findBusiness: ['Ёфтан', 'Найти', 'Find'],
    autoFilled: [
      'Маълумоти зерин аз пойгоҳи маълумот худкор пур карда шуд (б.21).',
      'Эти данные заполнены автоматически из базы (п.21).',
      'These data were filled in automatically from the database (p.21).',
    ],
    exempt: [
      'Ин андозсупоранда аз истифодаи МНХ озод аст (б.4): {{basis}}',
      'Этот налогоплательщик освобождён от применения ККМ (п.4): {{basis}}',
      'This taxpayer is exempt from using a register (p.4): {{basis}}',
    ],
    kindOfBusiness: {
      legal_entity: ['Шахси ҳуқуқӣ', 'Юридическое лицо', 'Legal entity'],
      individual_entrepreneur: ['Соҳибкори инфиродӣ', 'Индивидуальный предприниматель', 'Individual entrepreneur'],
    },
    pickModel: ['Намунаро аз феҳристи давлатӣ интихоб кунед', 'Выберите модель из государственного реестра', 'Choose the model from the state registry'],
    certificateLinked: [
      'Сертификати амнияти иттилоотӣ аз феҳрист гирифта мешавад: № {{number}}, эътибор то {{date}}.',
      'Сертификат информационной безопасности берётся из реестра: № {{number}}, действует по {{date}}.',
      'The information-security certificate is taken from the registry: No. {{number}}, valid to {{date}}.',
    ],
    moduleHint: ['Аз модулҳои дастраси МХТ-и шумо', 'Из доступных модулей вашего ЦТО', 'From your TSC’s available modules'],
    noModules: [
      'Рӯйхати модулҳои МХТ дастрас нест; рақамро аз рӯи стикери модул ворид кунед.',
      'Список модулей ЦТО недоступен; введите номер с наклейки модуля.',
      'The TSC’s module list is not available; type the number from the module’s label.',
    ],
    attachFile: ['Файлро интихоб кунед', 'Выберите файл', 'Choose a file'],
    fileTooLarge: ['Файл аз 5 МБ калон аст', 'Файл больше 5 МБ', 'The file is larger than 5 MB'],
    additional: ['Ҳуҷҷатҳои иловагӣ (ихтиёрӣ)', 'Дополнительные документы (необязательно)', 'Additional documents (optional)'],
    receivedAtHint: [
      'Вақти Душанбе; аз ҳамин лаҳза 4 соати корӣ ҳисоб карда мешавад.',
      'Время Душанбе; от этого момента считаются 4 рабочих часа.',
      'Dushanbe time; the 4 working hours count from this moment.',
    ],
    technicalCheck: [
      'Санҷиши техникӣ пеш аз бақайдгирӣ (б.92)',
      'Техническая проверка перед регистрацией (п.92)',
      'Technical check before registration (p.92)',
    ],
    isInWorkingOrder: ['МНХ дар ҳолати корӣ аст', 'ККМ в рабочем состоянии', 'The register is in working order'],
    isCorrectProgramInstalled: ['Барномаи дуруст насб шудааст', 'Установлена правильная программа', 'The correct program is installed'],
    signatureHint: [
      'Аризаи электронӣ бо имзои электронии рақамии субъект имзо мешавад (б.18).',
      'Электронное заявление подписывается ЭЦП субъекта (п.18).',
      'An electronic application carries the business’s electronic signature (p.18).',
    ],
    free: ['Бақайдгирӣ ройгон аст (б.25).', 'Регистрация бесплатна (п.25).', 'Registration is free of charge (p.25).'],
    submit: ['Фиристодани ариза', 'Отправить заявление', 'Submit the application'],
    fixStep: ['Дар ин қадам хато ҳаст', 'На этом шаге есть ошибки', 'This step has errors'],
  },
  outcome: {
    completed: [
      'МНХ ба қайд гирифта шуд. Корти бақайдгирӣ ба утоқи шахсии субъект фиристода шуд (б.23).',
      'ККМ зарегистрирована. Регистрационная карточка направлена в личный кабинет субъекта (п.23).',
      'The register is registered. The registration card was placed in the business’s personal cabinet (p.23).',
    ],
    under_study: [
      'Номутобиқатӣ ёфт шуд: мақомоти андоз сабабро дар давоми 1 рӯзи корӣ меомӯзад (б.24), то {{due}}.',
      'Найдены расхождения: налоговый орган изучает причину в течение 1 рабочего дня (п.24), до {{due}}.',
      'A discrepancy was found: the tax authority studies it within 1 working day (p.24), by {{due}}.',
    ],
    refused: [
      'Бақайдгирӣ рад шуд. Огоҳинома бо сабабҳо ба МХТ ва субъект фиристода шуд (б.27).',
      'В регистрации отказано. Уведомление с причинами направлено ЦТО и субъекту (п.27).',
      'Registration was refused. A notice with the reasons went to the TSC and the business (p.27).',
    ],
    received: ['Ариза қабул шуд ва дар иҷро аст.', 'Заявление принято и в работе.', 'The application is received and in progress.'],
    openCard: ['Кушодани корти бақайдгирӣ', 'Открыть регистрационную карточку', 'Open the registration card'],
    printForm: ['Чопи ариза', 'Печать заявления', 'Print the application'],
    resubmit: ['Ислоҳ ва аз нав фиристодан', 'Исправить и подать снова', 'Correct and submit again'],
    another: ['Аризаи нав', 'Новое заявление', 'New application'],
    late: ['Бо вайрон кардани мӯҳлат', 'С нарушением срока', 'Past the deadline'],
  },
  change: {
    title: ['Тағйирот ва аз қайд баровардан', 'Изменения и снятие с учёта', 'Changes and deregistration'],
    subtitle: [
      'Аз нав ба қайд гирифтан ва тағйири суроға (Замимаи 1, б.30), аз қайд баровардан (Замимаи 3, б.31).',
      'Перерегистрация и смена адреса (Приложение 1, п.30), снятие с учёта (Приложение 3, п.31).',
      'Re-registration and address change (Annex 1, p.30), deregistration (Annex 3, p.31).',
    ],
    pickRegister: ['МНХ-ро интихоб кунед', 'Выберите ККМ', 'Choose the register'],
    searchRegister: ['Рақами феҳристӣ, РМА ё суроға', 'Рег. номер, ИНН или адрес', 'Registry number, TIN or address'],
    newPlace: ['Суроғаи нави маҳалли фаъолият', 'Новый адрес места деятельности', 'New place of activity'],
    newModule: ['Рақами модули фискалии нав (агар иваз шавад)', 'Номер нового фискального модуля (если меняется)', 'New fiscal module number (if replaced)'],
    handedOver: [
      'Модули фискалӣ бо ариза супорида шуд (Замимаи 3)',
      'Фискальный модуль сдан с заявлением (Приложение 3)',
      'The fiscal module is handed over with the application (Annex 3)',
    ],
    addressDeadline: [
      'Субъект бояд дар давоми 7 рӯзи корӣ пас аз кӯчидан муроҷиат кунад (б.30).',
      'Субъект обращается в течение 7 рабочих дней после переезда (п.30).',
      'The business must apply within 7 working days of moving (p.30).',
    ],
    deregDeadline: [
      'Маълумот дар давоми 1 рӯзи корӣ ба НИА ворид карда мешавад (б.32).',
      'Данные вносятся в НИС в течение 1 рабочего дня (п.32).',
      'The data are entered in the TIS within 1 working day (p.32).',
    ],
  },
} satisfies Dict;
