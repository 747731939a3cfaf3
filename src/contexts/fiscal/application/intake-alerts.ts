import type { Localised } from '../../../platform/i18n.ts';
import type { NewNotification } from '../../../platform/notifications.ts';
import type { NewAlert } from '../infrastructure/intake.repository.ts';

/**
 * Kinds of alert the intake raises for the tax authority. Those in ONCE_OPEN are raised once per
 * module until resolved (a register that keeps sending from a lost device makes one alert, not
 * thousands).
 */
export const ALERT_TITLES: Record<string, Localised> = {
  GAP: { tg: 'Рахна дар рақамгузории ҳуҷҷатҳо', ru: 'Пропуск в нумерации документов', en: 'Gap in the document numbers' },
  CHAIN_BREAK: { tg: 'Шикасти занҷири аломатҳои фискалӣ', ru: 'Разрыв цепочки фискальных признаков', en: 'Broken chain of fiscal signs' },
  NUMBER_REUSED: { tg: 'Ҳуҷҷати дигар бо рақами истифодашуда', ru: 'Другой документ под использованным номером', en: 'Another document under a used number' },
  OFFLINE_LATE: {
    tg: 'Маълумоти офлайн баъд аз 24 соат расид (б.36)',
    ru: 'Офлайн-данные поступили позже 24 часов (п.36)',
    en: 'Offline data arrived after 24 hours (p.36)',
  },
  PROHIBITED_USE: {
    tg: 'Истифодаи манъшудаи МНХ (б.67, б.70)',
    ru: 'Запрещённое использование ККМ (п.67, п.70)',
    en: 'Prohibited use of a register (p.67, p.70)',
  },
  FORGED_FISCAL_SIGN: { tg: 'Аломати фискалии қалбакӣ', ru: 'Поддельный фискальный признак', en: 'Forged fiscal sign' },
  FORGED_DOCUMENT: { tg: 'Ҳуҷҷат бо имзои нодуруст', ru: 'Документ с неверной подписью', en: 'Document with an invalid authenticator' },
  Z_MISMATCH: { tg: 'Z-ҳисобот ба расидҳо мувофиқ нест', ru: 'Z-отчёт не совпадает с чеками', en: 'Z-report does not match the receipts' },
  Z_REPORT_MISSING: { tg: 'Z-ҳисобот нест', ru: 'Нет Z-отчёта', en: 'Missing Z-report' },
  SHIFT_TOO_LONG: { tg: 'Баст зиёда аз 24 соат', ru: 'Смена длиннее 24 часов', en: 'Shift longer than 24 hours' },
  SHIFT_SIGNATURE_INVALID: {
    tg: 'Имзои электронии баст нодуруст аст',
    ru: 'Неверная электронная подпись смены',
    en: 'Invalid electronic signature of a shift',
  },
  CHAIN_HASH_MISMATCH: {
    tg: 'Занҷири ҳуҷҷатҳои имзошуда ба ҳуҷҷатҳои гирифташуда мувофиқ нест',
    ru: 'Подписанная цепочка документов не совпадает с полученными документами',
    en: 'The signed document chain does not match the documents received',
  },
};

export const ONCE_OPEN: ReadonlySet<string> = new Set(['PROHIBITED_USE', 'FORGED_FISCAL_SIGN', 'FORGED_DOCUMENT', 'OFFLINE_LATE', 'GAP']);

/** Alerts reported to the tax inspectorate of the register (p.36, p.67, p.70: "reported to the tax authority"). */
const REPORTED: ReadonlySet<string> = new Set([
  'OFFLINE_LATE',
  'PROHIBITED_USE',
  'FORGED_FISCAL_SIGN',
  'FORGED_DOCUMENT',
  'NUMBER_REUSED',
  'CHAIN_BREAK',
  'Z_MISMATCH',
  'SHIFT_SIGNATURE_INVALID',
  'CHAIN_HASH_MISMATCH',
]);

export function alertNotices(raised: readonly NewAlert[]): NewNotification[] {
  return raised
    .filter((a) => REPORTED.has(a.kind) && a.inspectorateCode)
    .map((a) => {
      const title = ALERT_TITLES[a.kind] ?? { tg: a.kind, ru: a.kind, en: a.kind };
      const what = `${a.fm} №${a.number ?? ''}`;
      return {
        recipient: { kind: 'inspectorate' as const, id: a.inspectorateCode as string },
        kind: `fiscal.alert.${a.kind}`,
        title,
        body: {
          tg: `Модули фискалӣ ${what}, РМА ${a.businessTin ?? ''}: ${title.tg}.`,
          ru: `Фискальный модуль ${what}, ИНН ${a.businessTin ?? ''}: ${title.ru}.`,
          en: `Fiscal module ${what}, TIN ${a.businessTin ?? ''}: ${title.en}.`,
        },
        subject: { type: 'register', id: a.registerId ?? '' },
      };
    });
}
