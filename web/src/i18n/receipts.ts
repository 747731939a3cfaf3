import type { Dict } from './dict.ts';

/**
 * The public receipt check (p.9 field 17, p.53 item 6) and a register's fiscal data (documents,
 * gaps, alerts, shifts, revenue). Tajik terms: расид, аломати фискалӣ, Z-ҳисобот, баст,
 * баргардонидан, офлайн, рахна, огоҳӣ.
 */
export const receipts = {
  money: {
    somoni: ['{{amount}} сомонӣ', '{{amount}} сомони', '{{amount}} somoni'],
  },
  docType: {
    receipt: ['Расид', 'Чек', 'Receipt'],
    shift_open: ['Кушодани баст', 'Открытие смены', 'Shift opening'],
    z_report: ['Z-ҳисобот', 'Z-отчёт', 'Z-report'],
    sale: ['Фурӯш', 'Продажа', 'Sale'],
    refund: ['Баргардонидан', 'Возврат', 'Refund'],
  },
  alertKind: {
    GAP: ['Рахна дар рақамгузории ҳуҷҷатҳо', 'Пропуск в нумерации документов', 'Gap in the document numbers'],
    CHAIN_BREAK: ['Шикасти занҷири аломатҳои фискалӣ', 'Разрыв цепочки фискальных признаков', 'Broken chain of fiscal signs'],
    NUMBER_REUSED: ['Ҳуҷҷати дигар бо рақами истифодашуда', 'Другой документ под использованным номером', 'Another document under a used number'],
    OFFLINE_LATE: [
      'Маълумоти офлайн баъд аз 24 соат расид (б.36)',
      'Офлайн-данные поступили позже 24 часов (п.36)',
      'Offline data arrived after 24 hours (p.36)',
    ],
    PROHIBITED_USE: ['Истифодаи манъшудаи МНХ (б.67, б.70)', 'Запрещённое использование ККМ (п.67, п.70)', 'Prohibited use of a register (p.67, p.70)'],
    FORGED_FISCAL_SIGN: ['Аломати фискалии қалбакӣ', 'Поддельный фискальный признак', 'Forged fiscal sign'],
    FORGED_DOCUMENT: ['Ҳуҷҷат бо имзои нодуруст', 'Документ с неверной подписью', 'Document with an invalid authenticator'],
    Z_MISMATCH: ['Z-ҳисобот ба расидҳо мувофиқ нест', 'Z-отчёт не совпадает с чеками', 'Z-report does not match the receipts'],
    Z_REPORT_MISSING: ['Z-ҳисобот нест', 'Нет Z-отчёта', 'Missing Z-report'],
    SHIFT_TOO_LONG: ['Баст зиёда аз 24 соат', 'Смена длиннее 24 часов', 'Shift longer than 24 hours'],
  },
  check: {
    title: ['Санҷиши расид', 'Проверка чека', 'Check a receipt'],
    subtitle: [
      'Рамзи QR-и расидро бо камераи телефон скан кунед: ин саҳифа худаш кушода мешавад ва расидро месанҷад. Ё маълумоти расидро дар поён ворид кунед.',
      'Наведите камеру телефона на QR-код чека: эта страница откроется и сама проверит чек. Или введите данные чека ниже.',
      'Point your phone camera at the QR code on the receipt: this page opens and checks it by itself. Or enter the receipt data below.',
    ],
    byQr: ['Матни QR', 'Текст QR', 'QR text'],
    byHand: ['Дастӣ', 'Вручную', 'By hand'],
    how: ['Тарзи ворид кардан', 'Способ ввода', 'How to enter'],
    qrLabel: ['Матни рамзи QR', 'Текст QR-кода', 'Text of the QR code'],
    qrHint: [
      'Матн ё суроғаеро, ки барномаи сканкунанда нишон дод, ҳамин ҷо гузоред',
      'Вставьте текст или адрес, который показало приложение-сканер',
      'Paste the text or address your scanner app showed',
    ],
    qrUnreadable: [
      'Аз ин матн маълумоти расид хонда нашуд: рақами модул (fm), рақами ҳуҷҷат (n) ва аломати фискалӣ (fs) лозиманд.',
      'Из этого текста не удалось прочитать данные чека: нужны номер модуля (fm), номер документа (n) и фискальный признак (fs).',
      'No receipt data could be read from this text: it needs the module number (fm), document number (n) and fiscal sign (fs).',
    ],
    whereFind: [
      'Ин маълумот дар поёни расид, дар назди рамзи QR чоп шудааст.',
      'Эти данные напечатаны внизу чека, рядом с QR-кодом.',
      'These data are printed at the bottom of the receipt, next to the QR code.',
    ],
    fm: ['Рақами модули фискалӣ', 'Номер фискального модуля', 'Fiscal module number'],
    n: ['Рақами ҳуҷҷати фискалӣ', 'Номер фискального документа', 'Fiscal document number'],
    nHint: ['На рақами расид дар баст', 'Не номер чека за смену', 'Not the receipt number within the shift'],
    fs: ['Аломати фискалӣ', 'Фискальный признак', 'Fiscal sign'],
    fsHint: ['10 рақам', '10 цифр', '10 digits'],
    total: ['Маблағи умумӣ, сомонӣ', 'Итого, сомони', 'Total, somoni'],
    optional: ['Ихтиёрӣ, барои муқоиса', 'Необязательно, для сверки', 'Optional, to compare it too'],
    date: ['Санаи расид', 'Дата чека', 'Date of the receipt'],
    time: ['Вақт', 'Время', 'Time'],
    submit: ['Санҷидан', 'Проверить', 'Check'],
    checking: ['Расид санҷида мешавад…', 'Проверяем чек…', 'Checking the receipt…'],
    again: ['Аз нав санҷидан', 'Проверить ещё раз', 'Check again'],
    edit: ['Ислоҳ кардан ё расиди дигарро санҷидан', 'Исправить данные или проверить другой чек', 'Correct the data or check another receipt'],
    problem: {
      required: ['Майдони ҳатмӣ', 'Обязательное поле', 'Required'],
      number: ['Танҳо рақамҳо', 'Только цифры', 'Digits only'],
      fiscalSign: ['Аломати фискалӣ 10 рақам дорад', 'Фискальный признак — 10 цифр', 'The fiscal sign has 10 digits'],
      total: ['Маблағро ба монанди 12.50 нависед', 'Введите сумму, например 12.50', 'Enter an amount like 12.50'],
      time: ['Вақтро низ, чуноне ки дар расид аст, ворид кунед', 'Укажите и время, как на чеке', 'Enter the time too, as printed'],
      date: ['Санаро ворид кунед', 'Укажите дату', 'Enter the date'],
    },
    seller: ['Фурӯшанда', 'Продавец', 'Seller'],
    place: ['Суроғаи савдо', 'Адрес расчётов', 'Place of sale'],
    registryNumber: ['Рақами феҳристии МНХ', 'Регистрационный номер ККМ', 'Register’s registry number'],
    issuedAt: ['Сана ва вақт', 'Дата и время', 'Date and time'],
    document: ['Ҳуҷҷат', 'Документ', 'Document'],
    documentValue: ['№ {{number}}, модули фискалӣ {{fm}}', '№ {{number}}, фискальный модуль {{fm}}', '№ {{number}}, fiscal module {{fm}}'],
    notAReceipt: [
      'Ин рақам ба ҳуҷҷати баст тааллуқ дорад, на ба расид.',
      'Этот номер принадлежит документу смены, а не чеку.',
      'This number belongs to a shift document, not to a receipt.',
    ],
    valid: {
      title: ['Расид ҳаққонӣ аст', 'Чек подлинный', 'The receipt is genuine'],
      text: [
        'Ин расид дар маълумоти оператори маълумоти фискалӣ ҳаст ва маълумоти он мувофиқат мекунад.',
        'Этот чек есть в данных оператора фискальных данных, и его данные совпадают.',
        'This receipt is in the fiscal data operator’s records, and its data match.',
      ],
    },
    mismatch: {
      title: ['Маълумоти расид мувофиқат намекунад', 'Данные чека не совпадают', 'The receipt data do not match'],
      text: [
        'Оператор ҳуҷҷатро бо ин рақам дорад, аммо он чи дар расид чоп шудааст, фарқ мекунад. Чунин расид метавонад қалбакӣ ё тағйирдодашуда бошад: онро нигоҳ доред ва ба мақомоти андоз хабар диҳед.',
        'У оператора есть документ с этим номером, но напечатанное на чеке отличается. Такой чек может быть поддельным или изменённым: сохраните его и сообщите в налоговый орган.',
        'The operator has a document with this number, but what the receipt prints differs. Such a receipt may be forged or altered: keep it and tell the tax authority.',
      ],
      onReceipt: ['Дар расид', 'На чеке', 'On the receipt'],
      atOperator: ['Дар маълумоти оператор', 'У оператора', 'In the operator’s data'],
      signDiffers: ['ба аломати сабтшуда мувофиқ нест', 'не совпадает с записанным', 'does not match the recorded one'],
      recorded: ['Оператор ин ҳуҷҷатро дорад', 'У оператора записан этот документ', 'The operator has recorded this document'],
      field: {
        fiscalSign: ['Аломати фискалӣ', 'Фискальный признак', 'Fiscal sign'],
        total: ['Маблағи умумӣ', 'Итого', 'Total'],
        issuedAt: ['Сана ва вақт', 'Дата и время', 'Date and time'],
      },
    },
    notFound: {
      title: ['Расид ёфт нашуд', 'Чек не найден', 'Receipt not found'],
      typo: ['Рақамҳоро бори дигар бо расид муқоиса кунед.', 'Сверьте номера с чеком ещё раз.', 'Compare the numbers with the receipt once more.'],
      timing: [
        'Расид ба оператор дар як сония пас аз харид мерасад. Агар МНХ офлайн кор карда бошад, вай бояд маълумотро дар давоми 24 соат фиристад (б.36): баъдтар аз нав санҷед.',
        'Чек поступает оператору в течение секунды после покупки. Если касса работала офлайн, она должна передать данные в течение 24 часов (п.36): проверьте позже.',
        'A receipt reaches the operator within a second of the sale. If the register was working offline, it must send its data within 24 hours (p.36): check again later.',
      ],
      kept: [
        'Расидҳо панҷ сол нигоҳ дошта мешаванд, бинобар ин расиди кӯҳна ҳам бояд ёфт шавад.',
        'Чеки хранятся пять лет, поэтому и старый чек должен находиться.',
        'Receipts are kept for five years, so an old receipt should be found too.',
      ],
      report: [
        'Агар расид ҳамчунон ёфт нашавад, он метавонад ҳаққонӣ набошад: ба мақомоти андоз хабар диҳед.',
        'Если чек так и не находится, он может быть недействительным: сообщите в налоговый орган.',
        'If it is still not found, the receipt may not be genuine: tell the tax authority.',
      ],
    },
    rateLimited: {
      title: ['Санҷишҳо аз ҳад зиёданд', 'Слишком много проверок', 'Too many checks'],
      wait: [
        'Аз ин дастгоҳ дар муддати кӯтоҳ санҷишҳои зиёд шуд. Пас аз {{seconds}} сония аз нав кӯшиш кунед.',
        'С этого устройства было слишком много проверок за короткое время. Повторите через {{seconds}} с.',
        'There were too many checks from this device in a short time. Try again in {{seconds}} s.',
      ],
      ready: ['Акнун аз нав санҷидан мумкин аст.', 'Теперь можно проверить снова.', 'You can check again now.'],
    },
    badQr: {
      title: ['Маълумоти рамзи QR пурра нест', 'Данные QR-кода неполные', 'The QR data are incomplete'],
      text: [
        'Рамзи QR пурра скан нашуд ё вайрон аст. Маълумотро аз расид дар поён дастӣ ворид кунед.',
        'QR-код отсканирован не полностью или повреждён. Введите данные с чека вручную ниже.',
        'The QR code was not scanned completely or is damaged. Enter the receipt data by hand below.',
      ],
    },
  },
} satisfies Dict;
