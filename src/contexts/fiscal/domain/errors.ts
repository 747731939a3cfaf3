import type { ProblemCatalogue } from '../../../platform/problems.ts';

/**
 * Refusals of the fiscal context. Each code says when it happens and what the caller should do;
 * the compiler checks that every code has an HTTP status and titles (docs/errors.md lists them).
 */
export type FiscalErrorCode =
  | 'BUSINESS_NOT_FOUND'
  | 'BUSINESS_ALREADY_EXISTS'
  | 'INSPECTORATE_NOT_FOUND'
  | 'MODEL_NOT_FOUND'
  | 'MODEL_ALREADY_EXISTS'
  | 'MODEL_ALREADY_EXCLUDED'
  | 'CERTIFICATE_DATES_INVALID'
  | 'TSC_NOT_FOUND'
  | 'TSC_APPLICATION_NOT_FOUND'
  | 'TSC_APPLICATION_DECIDED'
  | 'TSC_ALREADY_INCLUDED'
  | 'TSC_BARRED'
  | 'TSC_REMOVED'
  | 'TSC_ACCESS_UNCHANGED'
  | 'CONCLUSION_NOT_FOUND'
  | 'CONCLUSION_ALREADY_GIVEN'
  | 'PERIOD_INVALID'
  | 'BRANCH_NOT_FOUND'
  | 'BRANCH_NOT_PENDING'
  | 'BRANCH_NOT_REGISTERED'
  | 'SPECIALIST_NOT_FOUND'
  | 'SPECIALIST_NOT_PENDING'
  | 'LOGIN_TAKEN'
  | 'FISCAL_MODULE_NOT_FOUND'
  | 'FISCAL_MODULE_ALREADY_EXISTS'
  | 'FISCAL_MODULE_WRONG_STATE'
  | 'DEVICE_ALREADY_REGISTERED'
  | 'REGISTER_NOT_FOUND'
  | 'REGISTER_NOT_ACTIVE'
  | 'APPLICATION_NOT_FOUND'
  | 'APPLICATION_DECIDED'
  | 'APPLICATION_NOT_UNDER_STUDY'
  | 'APPLICATION_HAS_OPEN_FINDINGS'
  | 'PREVIOUS_APPLICATION_NOT_REFUSED'
  | 'TECHNICAL_CHECK_FAILED'
  | 'ATTACHMENT_INVALID'
  | 'SIGNATURE_INVALID'
  | 'DATE_IN_FUTURE'
  | 'INCIDENT_NOT_FOUND'
  | 'TAX_AUTHORITY_ALREADY_NOTIFIED'
  | 'IMPORT_INVALID'
  | 'MODULE_UNKNOWN'
  | 'MODULE_NOT_INITIALISED'
  | 'MODULE_NOT_INSTALLED'
  | 'DOCUMENT_MAC_INVALID'
  | 'SHIFT_NOT_CLOSED'
  | 'SHIFT_ALREADY_SIGNED'
  | 'SHIFT_SIGNATURE_INVALID'
  | 'CHAIN_INCOMPLETE'
  | 'CHAIN_HASH_MISMATCH'
  | 'FISCAL_SIGN_INVALID'
  | 'REGISTER_DEREGISTERED'
  | 'REGISTER_LOST'
  | 'REGISTER_NUMBER_MISMATCH'
  | 'MODEL_NOT_USABLE'
  | 'BUSINESS_DATA_CHANGED'
  | 'BUSINESS_MISMATCH'
  | 'TSC_NOT_ACTIVE'
  | 'RECEIPT_FIELDS_MISSING'
  | 'RECEIPT_SUMS_WRONG'
  | 'DOCUMENT_FROM_THE_FUTURE'
  | 'NUMBER_REUSED'
  | 'REFUND_ORIGINAL_NOT_FOUND'
  | 'REFUND_EXCEEDS_SALE'
  | 'REFUND_DOES_NOT_MATCH'
  | 'MODULE_KEY_INVALID'
  | 'TSC_APPLICATION_PENDING'
  | 'TSC_DOCUMENTS_INCOMPLETE'
  | 'TSC_DISCREPANCY_NOT_CHECKED'
  | 'TSC_SITE_CHECK_OPEN';

const t = (tg: string, ru: string, en: string) => ({ tg, ru, en });

export const fiscalProblems = {
  /** No taxpayer with this TIN is known to the operator; enter the business first. */
  BUSINESS_NOT_FOUND: { status: 404, title: t('Андозсупоранда бо ин РМА ёфт нашуд', 'Налогоплательщик с таким ИНН не найден', 'No taxpayer with this TIN') },
  /** A taxpayer with this TIN already exists. */
  BUSINESS_ALREADY_EXISTS: {
    status: 409,
    title: t('Андозсупоранда бо ин РМА аллакай ҳаст', 'Налогоплательщик с таким ИНН уже есть', 'A taxpayer with this TIN already exists'),
  },
  /** The tax inspectorate code is unknown. */
  INSPECTORATE_NOT_FOUND: { status: 422, title: t('Нозироти андоз ёфт нашуд', 'Налоговая инспекция не найдена', 'Unknown tax inspectorate') },
  /** The cash-register model or program is not in the registry. */
  MODEL_NOT_FOUND: { status: 404, title: t('Намуна дар феҳрист нест', 'Модель не найдена в реестре', 'Model not found in the registry') },
  /** The same kind, name and version is already in the registry. */
  MODEL_ALREADY_EXISTS: { status: 409, title: t('Ин намуна аллакай дар феҳрист аст', 'Эта модель уже в реестре', 'This model is already in the registry') },
  /** The model was already excluded from the state registry. */
  MODEL_ALREADY_EXCLUDED: { status: 409, title: t('Намуна аллакай хориҷ шудааст', 'Модель уже исключена', 'The model is already excluded') },
  /** The certificate's validity ends before it starts. */
  CERTIFICATE_DATES_INVALID: {
    status: 422,
    title: t('Мӯҳлати сертификат нодуруст аст', 'Неверный срок действия сертификата', 'The certificate validity dates are wrong'),
  },
  /** No TSC with this id. */
  TSC_NOT_FOUND: { status: 404, title: t('МХТ ёфт нашуд', 'ЦТО не найден', 'TSC not found') },
  /** No TSC application with this id. */
  TSC_APPLICATION_NOT_FOUND: { status: 404, title: t('Аризаи МХТ ёфт нашуд', 'Заявление ЦТО не найдено', 'TSC application not found') },
  /** The TSC application has already been decided. */
  TSC_APPLICATION_DECIDED: {
    status: 409,
    title: t('Оид ба ариза аллакай қарор қабул шудааст', 'По заявлению уже принято решение', 'The application has already been decided'),
  },
  /** The applicant is already in the state registry of TSCs. */
  TSC_ALREADY_INCLUDED: { status: 409, title: t('МХТ аллакай дар феҳрист аст', 'ЦТО уже в реестре', 'The TSC is already in the registry') },
  /** p.111: an entity removed from the state registry may not be registered again. */
  TSC_BARRED: {
    status: 422,
    title: t(
      'Шахси аз феҳрист хориҷшуда ҳуқуқи бақайдгириро надорад',
      'Исключённое лицо лишено права на регистрацию',
      'An entity removed from the registry may not register again',
    ),
  },
  /** The TSC was removed from the state registry. */
  TSC_REMOVED: { status: 409, title: t('МХТ аз феҳрист хориҷ шудааст', 'ЦТО исключён из реестра', 'The TSC has been removed from the registry') },
  /** The TSC's access is already in the requested state. */
  TSC_ACCESS_UNCHANGED: { status: 409, title: t('Дастрасӣ аллакай дар ҳамин ҳолат аст', 'Доступ уже в этом состоянии', 'Access is already in that state') },
  /** No instruction for a conclusion with this id. */
  CONCLUSION_NOT_FOUND: {
    status: 404,
    title: t('Супориш барои хулоса ёфт нашуд', 'Поручение о заключении не найдено', 'Instruction for a conclusion not found'),
  },
  /** The operator has already given its conclusion on this instruction (p.59): a new instruction asks again. */
  CONCLUSION_ALREADY_GIVEN: {
    status: 409,
    title: t(
      'Хулоса аз рӯи ин супориш аллакай дода шудааст',
      'Заключение по этому поручению уже дано',
      'The conclusion on this instruction has already been given',
    ),
  },
  /** The period studied ends before it starts, or ends in the future. */
  PERIOD_INVALID: { status: 422, title: t('Давра нодуруст аст', 'Неверный период', 'The period is not valid') },
  /** No branch with this id (or not of the caller's TSC). */
  BRANCH_NOT_FOUND: { status: 404, title: t('Филиал ёфт нашуд', 'Филиал не найден', 'Branch not found') },
  /** The branch application has already been answered. */
  BRANCH_NOT_PENDING: {
    status: 409,
    title: t('Ба аризаи филиал аллакай ҷавоб дода шудааст', 'На заявку филиала уже дан ответ', 'The branch application has already been answered'),
  },
  /** The branch is not registered (refused, deregistered or pending). */
  BRANCH_NOT_REGISTERED: { status: 409, title: t('Филиал ба қайд гирифта нашудааст', 'Филиал не зарегистрирован', 'The branch is not registered') },
  /** No specialist with this id. */
  SPECIALIST_NOT_FOUND: { status: 404, title: t('Мутахассис ёфт нашуд', 'Специалист не найден', 'Specialist not found') },
  /** The specialist's application has already been decided. */
  SPECIALIST_NOT_PENDING: {
    status: 409,
    title: t('Оид ба мутахассис аллакай қарор қабул шудааст', 'По специалисту уже принято решение', 'The specialist has already been decided'),
  },
  /** The login is used by another account. */
  LOGIN_TAKEN: { status: 409, title: t('Ин логин банд аст', 'Этот логин занят', 'This login is taken') },
  /** No fiscal module with this number. */
  FISCAL_MODULE_NOT_FOUND: { status: 404, title: t('Модули фискалӣ ёфт нашуд', 'Фискальный модуль не найден', 'Fiscal module not found') },
  /** A fiscal module with this number is already in the registry. */
  FISCAL_MODULE_ALREADY_EXISTS: {
    status: 409,
    title: t('Модули фискалӣ бо ин рақам аллакай ҳаст', 'Фискальный модуль с таким номером уже есть', 'A fiscal module with this number already exists'),
  },
  /** The fiscal module is not in a state that allows this step (see its custody chain). */
  FISCAL_MODULE_WRONG_STATE: {
    status: 409,
    title: t(
      'Ҳолати модули фискалӣ ин амалро иҷозат намедиҳад',
      'Состояние фискального модуля не допускает действие',
      'The fiscal module is not in a state for this step',
    ),
  },
  /** Another registered register already has this model and manufacturer number (FIS-GEN-10). */
  DEVICE_ALREADY_REGISTERED: {
    status: 409,
    title: t(
      'МНХ бо ин рақами истеҳсолкунанда аллакай ба қайд гирифта шудааст',
      'ККМ с этим заводским номером уже зарегистрирована',
      'A register with this manufacturer number is already registered',
    ),
  },
  /** No registered cash register with this id (or not visible to the caller). */
  REGISTER_NOT_FOUND: { status: 404, title: t('МНХ ёфт нашуд', 'ККМ не найдена', 'Cash register not found') },
  /** The register has been deregistered. */
  REGISTER_NOT_ACTIVE: { status: 409, title: t('МНХ аз қайд бароварда шудааст', 'ККМ снята с учёта', 'The cash register has been deregistered') },
  /** No application with this id (or not visible to the caller). */
  APPLICATION_NOT_FOUND: { status: 404, title: t('Ариза ёфт нашуд', 'Заявление не найдено', 'Application not found') },
  /** The application is already completed or refused. */
  APPLICATION_DECIDED: {
    status: 409,
    title: t('Оид ба ариза аллакай қарор қабул шудааст', 'По заявлению уже принято решение', 'The application has already been decided'),
  },
  /** Only an application under study can receive a study result. */
  APPLICATION_NOT_UNDER_STUDY: { status: 409, title: t('Ариза дар омӯзиш нест', 'Заявление не на изучении', 'The application is not under study') },
  /** Discrepancies wait for the tax authority's study (p.24) before the register can be entered. */
  APPLICATION_HAS_OPEN_FINDINGS: {
    status: 409,
    title: t('Номутобиқатиҳо ҳанӯз омӯхта нашудаанд', 'Расхождения ещё не изучены', 'Discrepancies are still being studied'),
  },
  /** p.28: a new application follows a refused one; the one named is not refused. */
  PREVIOUS_APPLICATION_NOT_REFUSED: {
    status: 409,
    title: t('Аризаи қаблӣ рад нашудааст', 'Предыдущее заявление не отклонено', 'The previous application was not refused'),
  },
  /** p.92: the register must be in working order with the right program before registration. */
  TECHNICAL_CHECK_FAILED: { status: 422, title: t('Санҷиши техникӣ гузашта нашуд', 'Техническая проверка не пройдена', 'The technical check did not pass') },
  /** An attachment's content is not valid base64, is empty, too large, or does not match its SHA-256. */
  ATTACHMENT_INVALID: { status: 422, title: t('Замима нодуруст аст', 'Неверное вложение', 'Invalid attachment') },
  /** The electronic digital signature does not verify against the applicant's registered key. */
  SIGNATURE_INVALID: { status: 422, title: t('Имзои электронии рақамӣ тасдиқ нашуд', 'ЭЦП не подтверждена', 'The electronic signature does not verify') },
  /** A date or time given lies in the future. */
  DATE_IN_FUTURE: { status: 422, title: t('Сана дар оянда аст', 'Дата в будущем', 'The date lies in the future') },
  /** No incident with this id. */
  INCIDENT_NOT_FOUND: { status: 404, title: t('Хабар ёфт нашуд', 'Сообщение не найдено', 'Report not found') },
  /** The TSC already told the tax authority of this breakdown. */
  TAX_AUTHORITY_ALREADY_NOTIFIED: {
    status: 409,
    title: t('Мақомоти андоз аллакай огоҳ карда шудааст', 'Налоговый орган уже уведомлён', 'The tax authority has already been told'),
  },
  /** A row of an imported file is not valid; `details` names the line. */
  IMPORT_INVALID: { status: 422, title: t('Файли воридотӣ нодуруст аст', 'Неверный файл импорта', 'The import file is not valid') },
  /** p.102-105: the applicant already has an application being considered; wait for its decision (a refusal allows a new one). */
  TSC_APPLICATION_PENDING: {
    status: 409,
    title: t('Аризаи қаблӣ ҳанӯз баррасӣ мешавад', 'Предыдущее заявление ещё рассматривается', 'An earlier application is still being considered'),
  },
  /** p.103 (1): a TSC cannot be included without all four documents of p.100; refuse on ground 1 instead. `details.missing` lists them. */
  TSC_DOCUMENTS_INCOMPLETE: {
    status: 422,
    title: t('Ҳуҷҷатҳои пешниҳодшуда нопурраанд', 'Представлены не все документы', 'The documents submitted are incomplete'),
  },
  /** p.101-103 (2): inconsistencies are a ground for refusal only once the on-site check confirmed them; record the check first. */
  TSC_DISCREPANCY_NOT_CHECKED: {
    status: 409,
    title: t(
      'Номутобиқатӣ бо санҷиш дар маҳал тасдиқ нашудааст',
      'Расхождения не подтверждены проверкой на месте',
      'The inconsistencies have not been confirmed on site',
    ),
  },
  /** p.101: an on-site check of this application is already open; decide after it. */
  TSC_SITE_CHECK_OPEN: {
    status: 409,
    title: t('Санҷиш дар маҳал аллакай идома дорад', 'Проверка на месте уже ведётся', 'An on-site check is already under way'),
  },
  /** The fiscal module number is unknown to the operator: check the number, or have the TSC register the module. */
  MODULE_UNKNOWN: {
    status: 404,
    title: t('Модули фискалӣ дар феҳрист нест', 'Фискальный модуль не найден в реестре', 'The fiscal module is not in the registry'),
  },
  /** p.81: the module has not handed its public key to the operator; initialise it first. */
  MODULE_NOT_INITIALISED: {
    status: 409,
    title: t('Модули фискалӣ ба кор дароварда нашудааст', 'Фискальный модуль не введён в эксплуатацию', 'The fiscal module has not been initialised'),
  },
  /** p.3, p.67 item 2: the module is not bound to a registered register; register the register with this module. */
  MODULE_NOT_INSTALLED: {
    status: 409,
    title: t(
      'Модули фискалӣ дар МНХ-и бақайдгирифта насб нашудааст',
      'Фискальный модуль не установлен в зарегистрированную ККМ',
      'The fiscal module is not installed in a registered register',
    ),
  },
  /** p.79: the document was changed after the module sealed it, or was not made by this module. Send the document exactly as the module made it. */
  /** The shift has no Z-report yet: send the Z-report first, then its signature. */
  SHIFT_NOT_CLOSED: {
    status: 409,
    title: t('Баст ҳанӯз бо Z-ҳисобот баста нашудааст', 'Смена ещё не закрыта Z-отчётом', 'The shift is not closed by a Z-report yet'),
  },
  /** Another signature is already on record for this shift. */
  SHIFT_ALREADY_SIGNED: { status: 409, title: t('Баст аллакай имзо шудааст', 'Смена уже подписана', 'The shift is already signed') },
  /** The shift signature does not verify with the module's registered public key (raises SHIFT_SIGNATURE_INVALID). */
  SHIFT_SIGNATURE_INVALID: { status: 422, title: t('Имзои баст тасдиқ нашуд', 'Подпись смены не подтверждена', 'The shift signature does not verify') },
  /** Documents of the chain have not reached the operator yet: send them, then the signature again. */
  CHAIN_INCOMPLETE: {
    status: 409,
    title: t('Ҳамаи ҳуҷҷатҳои занҷир ҳанӯз нарасидаанд', 'Ещё не все документы цепочки получены', 'Not all documents of the chain have arrived yet'),
  },
  /** The signed chain head differs from the one computed from the documents received (raises CHAIN_HASH_MISMATCH). */
  CHAIN_HASH_MISMATCH: {
    status: 422,
    title: t(
      'Занҷири имзошуда ба ҳуҷҷатҳои гирифташуда мувофиқ нест',
      'Подписанная цепочка не совпадает с полученными документами',
      'The signed chain does not match the documents received',
    ),
  },
  DOCUMENT_MAC_INVALID: {
    status: 422,
    title: t('Имзои ҳуҷҷат тасдиқ нашуд', 'Подпись документа не подтверждена', 'The document authenticator does not verify'),
  },
  /** p.2, p.72: the fiscal sign does not match the document; it was forged or altered. An alert is raised. */
  FISCAL_SIGN_INVALID: { status: 422, title: t('Аломати фискалӣ нодуруст аст', 'Неверный фискальный признак', 'The fiscal sign is wrong') },
  /** p.3: only registered registers may be used; register it again. */
  REGISTER_DEREGISTERED: { status: 403, title: t('МНХ аз қайд бароварда шудааст', 'ККМ снята с учёта', 'The register has been deregistered') },
  /** p.16: a register reported lost may not issue receipts. */
  REGISTER_LOST: { status: 403, title: t('МНХ ҳамчун гумшуда қайд шудааст', 'ККМ числится утерянной', 'The register is reported lost') },
  /** p.65, p.68: one module serves one register; the document names another register. */
  REGISTER_NUMBER_MISMATCH: {
    status: 403,
    title: t('Рақами МНХ ба модули фискалӣ мувофиқ нест', 'Номер ККМ не соответствует фискальному модулю', 'The register number does not match the module'),
  },
  /** p.3, p.67 items 1 and 8, p.70 items 1 and 6. */
  MODEL_NOT_USABLE: {
    status: 403,
    title: t(
      'Намуна дар феҳристи давлатӣ нест ё сертификат надорад',
      'Модель не в госреестре или без сертификата',
      'The model is not in the state registry or has no valid certificate',
    ),
  },
  /** p.67 item 7, p.70 item 6: re-register the register. */
  BUSINESS_DATA_CHANGED: {
    status: 403,
    title: t(
      'Маълумоти субъект тағйир ёфтааст, МНХ аз нав ба қайд гирифта нашудааст',
      'Данные субъекта изменились, ККМ не перерегистрирована',
      'The business data changed and the register was not re-registered',
    ),
  },
  /** Fields 3-4 of p.9 must be the registered business. */
  BUSINESS_MISMATCH: {
    status: 403,
    title: t('РМА-и расид ба соҳиби МНХ мувофиқ нест', 'ИНН чека не совпадает с владельцем ККМ', 'The receipt TIN is not the register owner'),
  },
  /** p.67 item 5, p.70 item 4: a contract with a TSC in the registry is required. */
  TSC_NOT_ACTIVE: {
    status: 403,
    title: t('МХТ-и хизматрасон дар феҳрист нест', 'Обслуживающий ЦТО исключён из реестра', 'The servicing TSC is no longer in the registry'),
  },
  /** p.9, p.67 item 3: `details.problems` lists every field. */
  RECEIPT_FIELDS_MISSING: {
    status: 422,
    title: t('Дар расид реквизитҳои ҳатмӣ нестанд', 'В чеке нет обязательных реквизитов', 'Mandatory receipt fields are missing'),
  },
  /** `details.problems` lists every inconsistency. */
  RECEIPT_SUMS_WRONG: { status: 422, title: t('Маблағҳои расид мувофиқ нестанд', 'Суммы чека не сходятся', 'The sums of the receipt do not add up') },
  /** The register clock runs ahead by more than 5 minutes (p.34, p.68: time set from the operator). */
  DOCUMENT_FROM_THE_FUTURE: { status: 422, title: t('Вақти ҳуҷҷат дар оянда аст', 'Время документа в будущем', 'The document is dated in the future') },
  /** Exactly once: a different document under a used number is refused and an alert is raised. */
  NUMBER_REUSED: {
    status: 409,
    title: t(
      'Рақами ҳуҷҷат аллакай барои ҳуҷҷати дигар истифода шудааст',
      'Номер документа уже использован другим документом',
      'This document number was already used by another document',
    ),
  },
  /** Section 6: a refund refers to a receipt the operator holds. */
  REFUND_ORIGINAL_NOT_FOUND: {
    status: 422,
    title: t('Расиди аслии баргардонидан ёфт нашуд', 'Исходный чек возврата не найден', 'The original receipt of the refund is not found'),
  },
  /** p.39-42: quantities and sums returned never exceed what was sold, line by line, cumulatively. */
  REFUND_EXCEEDS_SALE: { status: 422, title: t('Баргардонидан аз фурӯш зиёд аст', 'Возврат превышает продажу', 'The refund exceeds the sale') },
  /** The refund names lines, prices or a fiscal sign the original does not have. */
  REFUND_DOES_NOT_MATCH: {
    status: 422,
    title: t('Баргардонидан ба расиди аслӣ мувофиқ нест', 'Возврат не соответствует исходному чеку', 'The refund does not match the original receipt'),
  },
  /** p.81: the public key handed over is not a point of the curve; the module must make a new key pair. */
  MODULE_KEY_INVALID: { status: 422, title: t('Калиди кушодаи модул нодуруст аст', 'Неверный открытый ключ модуля', 'The module public key is not valid') },
} as const satisfies ProblemCatalogue<FiscalErrorCode>;
