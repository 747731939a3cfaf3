import type { ProblemCatalogue } from '../../../platform/problems.ts';

/** Refusals of the identity services: the register, TIN lookup and registration, the cabinet, EDS, counterparties (docs/errors.md). */
export type IdentityErrorCode =
  | 'TAXPAYER_NOT_FOUND'
  | 'TIN_REGISTRATION_INVALID'
  | 'TIN_APPLICANT_UNDER_16'
  | 'TIN_ALREADY_ASSIGNED'
  | 'TIN_UNIT_INVALID'
  | 'CERTIFICATE_QUERY_INVALID'
  | 'PROOF_OF_WORK_REQUIRED'
  | 'PROOF_OF_WORK_INVALID'
  | 'PROOF_OF_WORK_EXPIRED'
  | 'PROOF_OF_WORK_USED'
  | 'CABINET_IDENTITY_MISMATCH'
  | 'CABINET_CONTACT_REQUIRED'
  | 'CABINET_ALREADY_OPEN'
  | 'CABINET_REQUEST_PENDING'
  | 'CABINET_REQUEST_NOT_FOUND'
  | 'TAXPAYER_DEREGISTERED'
  | 'EDS_KEY_INVALID'
  | 'EDS_PRICE_NOT_SET'
  | 'EDS_APPLICATION_PENDING'
  | 'EDS_APPLICATION_NOT_FOUND'
  | 'EDS_APPLICATION_CLOSED'
  | 'EDS_CONTRACT_ALREADY_SIGNED'
  | 'EDS_ALREADY_PAID'
  | 'EDS_PAYMENT_NOT_DUE'
  | 'EDS_PAYMENT_AMOUNT_MISMATCH'
  | 'EDS_PAYMENT_TIME_INVALID'
  | 'EDS_CERTIFICATE_NOT_FOUND'
  | 'EDS_CERTIFICATE_REVOKED'
  | 'EDS_RENEWAL_NOT_ALLOWED'
  | 'EDS_VERIFY_QUERY_INVALID'
  | 'COUNTERPARTY_NOT_FOUND';

export const identityProblems = {
  /** No taxpayer has this TIN in the register (an officer's read). */
  TAXPAYER_NOT_FOUND: {
    status: 404,
    title: { tg: 'Андозсупоранда бо ин РМА ёфт нашуд', ru: 'Налогоплательщик с таким ИНН не найден', en: 'No taxpayer has this TIN' },
  },
  /** 01.01.01: a name with digits or signs, a birth date that does not exist or lies ahead, a malformed passport, an address too short; `field` names it. */
  TIN_REGISTRATION_INVALID: {
    status: 422,
    title: { tg: 'Маълумоти ариза нодуруст аст', ru: 'Сведения заявления неверны', en: 'The application data are not valid' },
  },
  /** TS-20: a TIN is given online only from the 16th birthday; `details.reachesAgeOn` says when. */
  TIN_APPLICANT_UNDER_16: {
    status: 422,
    title: { tg: 'Аризадиҳанда ҳанӯз 16-сола нашудааст', ru: 'Заявителю ещё нет 16 лет', en: 'The applicant is not yet 16' },
  },
  /** TS-20: the person with this passport already has a TIN; use "Find out TIN" (TS-19) to learn it. */
  TIN_ALREADY_ASSIGNED: {
    status: 409,
    title: { tg: 'Ба шахс аллакай РМА дода шудааст', ru: 'Лицу уже присвоен ИНН', en: 'This person already has a TIN' },
  },
  /** The unit of registration is not a territorial tax body (a city or district inspectorate or a regional department). */
  TIN_UNIT_INVALID: {
    status: 422,
    title: { tg: 'Мақоми андози баҳисобгирӣ нодуруст аст', ru: 'Неверный налоговый орган учёта', en: 'Not a tax body that registers taxpayers' },
  },
  /** A certificate is checked by its number and TIN together, or by its SHA-256. */
  CERTIFICATE_QUERY_INVALID: {
    status: 400,
    title: {
      tg: 'Рақам ва РМА ё SHA-256-и шаҳодатномаро нишон диҳед',
      ru: 'Укажите номер и ИНН или SHA-256 свидетельства',
      en: 'Give the certificate number and TIN, or its SHA-256',
    },
  },
  /** TS-44: "Find out TIN" needs a solved challenge (GET …/tin-lookup/challenge) with the query. */
  PROOF_OF_WORK_REQUIRED: {
    status: 403,
    title: { tg: 'Супориши санҷишӣ ҳал нашудааст', ru: 'Не решена проверочная задача', en: 'The proof-of-work challenge is missing' },
  },
  /** The challenge was not issued by this server, was altered, or the solution has too few zero bits. */
  PROOF_OF_WORK_INVALID: {
    status: 403,
    title: { tg: 'Ҳалли супориши санҷишӣ нодуруст аст', ru: 'Решение проверочной задачи неверно', en: 'The proof-of-work solution is not valid' },
  },
  /** The challenge is past its expiry: ask for a new one. */
  PROOF_OF_WORK_EXPIRED: {
    status: 403,
    title: { tg: 'Мӯҳлати супориши санҷишӣ гузашт', ru: 'Срок проверочной задачи истёк', en: 'The proof-of-work challenge has expired' },
  },
  /** Each challenge serves one query: ask for a new one. */
  PROOF_OF_WORK_USED: {
    status: 409,
    title: { tg: 'Супориши санҷишӣ аллакай истифода шудааст', ru: 'Проверочная задача уже использована', en: 'The proof-of-work challenge was already used' },
  },
  /** 12.12.01: the identity data do not match the register for this TIN (or there is no such TIN: the answer is the same). */
  CABINET_IDENTITY_MISMATCH: {
    status: 422,
    title: {
      tg: 'Маълумот бо феҳристи андозсупорандагон мувофиқат намекунад',
      ru: 'Сведения не совпадают с реестром налогоплательщиков',
      en: 'The data do not match the taxpayer register',
    },
  },
  /** 12.12.01: the login and password are sent by e-mail or SMS: give one of them. */
  CABINET_CONTACT_REQUIRED: {
    status: 400,
    title: {
      tg: 'Почтаи электронӣ ё рақами телефонро нишон диҳед',
      ru: 'Укажите электронную почту или телефон',
      en: 'Give an e-mail address or a telephone number',
    },
  },
  /** The taxpayer's cabinet is already open; the login is the TIN. */
  CABINET_ALREADY_OPEN: {
    status: 409,
    title: { tg: 'Ҳуҷраи шахсӣ аллакай кушода шудааст', ru: 'Личный кабинет уже открыт', en: 'The personal cabinet is already open' },
  },
  /** A request to open this cabinet is already waiting for an officer. */
  CABINET_REQUEST_PENDING: {
    status: 409,
    title: {
      tg: 'Дархости кушодани ҳуҷра аллакай дар баррасӣ аст',
      ru: 'Заявка на открытие кабинета уже рассматривается',
      en: 'A request to open this cabinet is already being reviewed',
    },
  },
  /** No open 12.12.01 request has this id. */
  CABINET_REQUEST_NOT_FOUND: {
    status: 404,
    title: { tg: 'Дархости кушодани ҳуҷра ёфт нашуд', ru: 'Заявка на открытие кабинета не найдена', en: 'No such request to open a cabinet' },
  },
  /** The taxpayer was deregistered: no cabinet or certificate is given. */
  TAXPAYER_DEREGISTERED: {
    status: 409,
    title: { tg: 'Андозсупоранда аз баҳисоб бароварда шудааст', ru: 'Налогоплательщик снят с учёта', en: 'The taxpayer has been deregistered' },
  },
  /** 12.12.02: the CSR or public key cannot be read, its signature fails, or it is not an ECDSA P-256 key. */
  EDS_KEY_INVALID: {
    status: 422,
    title: {
      tg: 'Дархости сертификат ё калиди кушода нодуруст аст',
      ru: 'Запрос сертификата или открытый ключ неверен',
      en: 'The certificate request or public key is not valid',
    },
  },
  /** No price of the approved list is in force for this kind of taxpayer. */
  EDS_PRICE_NOT_SET: {
    status: 409,
    title: { tg: 'Нархномаи сертификат муқаррар нашудааст', ru: 'Цена сертификата не установлена', en: 'No price is set for the certificate' },
  },
  /** One application at a time: finish or wait for the pending one. */
  EDS_APPLICATION_PENDING: {
    status: 409,
    title: { tg: 'Аризаи қаблӣ ҳанӯз иҷро нашудааст', ru: 'Предыдущее заявление ещё не исполнено', en: 'An earlier application is still pending' },
  },
  EDS_APPLICATION_NOT_FOUND: {
    status: 404,
    title: { tg: 'Ариза ёфт нашуд', ru: 'Заявление не найдено', en: 'No such application' },
  },
  /** The certificate of this application was already issued. */
  EDS_APPLICATION_CLOSED: {
    status: 409,
    title: { tg: 'Ариза аллакай иҷро шудааст', ru: 'Заявление уже исполнено', en: 'The application is already closed' },
  },
  EDS_CONTRACT_ALREADY_SIGNED: {
    status: 409,
    title: { tg: 'Шартнома аллакай имзо шудааст', ru: 'Договор уже подписан', en: 'The contract is already signed' },
  },
  EDS_ALREADY_PAID: {
    status: 409,
    title: { tg: 'Маблағ аллакай пардохт шудааст', ru: 'Оплата уже внесена', en: 'The fee is already paid' },
  },
  /** A dehkan farm pays nothing (Annex 2, 12.12.02). */
  EDS_PAYMENT_NOT_DUE: {
    status: 409,
    title: { tg: 'Пардохт лозим нест', ru: 'Оплата не требуется', en: 'No payment is due' },
  },
  /** The amount paid is not the price of the application; `details.priceDirams` is. */
  EDS_PAYMENT_AMOUNT_MISMATCH: {
    status: 422,
    title: { tg: 'Маблағи пардохт ба нарх мувофиқ нест', ru: 'Сумма оплаты не равна цене', en: 'The amount paid is not the price' },
  },
  /** The payment instant lies ahead, or before the application. */
  EDS_PAYMENT_TIME_INVALID: {
    status: 422,
    title: { tg: 'Вақти пардохт нодуруст аст', ru: 'Неверное время оплаты', en: 'The payment time is not valid' },
  },
  EDS_CERTIFICATE_NOT_FOUND: {
    status: 404,
    title: { tg: 'Сертификат ёфт нашуд', ru: 'Сертификат не найден', en: 'No such certificate' },
  },
  EDS_CERTIFICATE_REVOKED: {
    status: 409,
    title: { tg: 'Сертификат бозхонд шудааст', ru: 'Сертификат отозван', en: 'The certificate is revoked' },
  },
  /** Only the holder's own certificate, not revoked and not yet renewed, is renewed. */
  EDS_RENEWAL_NOT_ALLOWED: {
    status: 409,
    title: { tg: 'Ин сертификатро нав кардан мумкин нест', ru: 'Этот сертификат нельзя продлить', en: 'This certificate cannot be renewed' },
  },
  /** A signature is checked against a certificate (PEM) or the serial number of one we issued. */
  EDS_VERIFY_QUERY_INVALID: {
    status: 400,
    title: {
      tg: 'Сертификат ё рақами силсилавии онро нишон диҳед',
      ru: 'Укажите сертификат или его серийный номер',
      en: 'Give the certificate or its serial number',
    },
  },
  /** 05.05.06: no business taxpayer has this TIN (private persons are not counterparties, TS-52). */
  COUNTERPARTY_NOT_FOUND: {
    status: 404,
    title: { tg: 'Контрагент бо ин РМА ёфт нашуд', ru: 'Контрагент с таким ИНН не найден', en: 'No counterparty has this TIN' },
  },
} satisfies ProblemCatalogue<IdentityErrorCode>;
