/**
 * The dates and the texts of the mass notices built on the ledger and the filing register: the
 * window of 05.05.04 (TS-36, A-12), the season of 04.04.03 (TS-37) and the SMS of 05.05.01a
 * (TS-35). Pure: dates are 'YYYY-MM-DD' strings in Dushanbe.
 */
import type { Localised } from '../../../platform/i18n.ts';
import { daysInMonth, type EntryKind, formatDirams, type Period, type PropertyKind } from './ledger.ts';

/** First and last day of the 05.05.04 window: the 16th to the 30th of the month after the period (A-12: in February, its last day). */
export const NOTICE_WINDOW = { fromDay: 16, toDay: 30 } as const;

const pad = (n: number) => String(n).padStart(2, '0');

/** The window of the notices for a period that ends in `endMonth` of `year` (TS-36, A-12). */
export function noticeWindow(year: number, endMonth: number): { readonly from: string; readonly to: string } {
  const y = endMonth === 12 ? year + 1 : year;
  const m = endMonth === 12 ? 1 : endMonth + 1;
  const last = Math.min(NOTICE_WINDOW.toDay, daysInMonth(y, m));
  return { from: `${y}-${pad(m)}-${pad(NOTICE_WINDOW.fromDay)}`, to: `${y}-${pad(m)}-${pad(last)}` };
}

/**
 * Whether `date` lies in some period's window. Every month is the month after some monthly period,
 * so this is the 16th to the 30th of any month (the last day in February); the 31st never is.
 */
export function isNoticeWindowDay(date: string): boolean {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return d >= NOTICE_WINDOW.fromDay && d <= Math.min(NOTICE_WINDOW.toDay, daysInMonth(y, m));
}

/** TS-37: the individuals' property tax notices are sent no later than 1 February of the current year. */
export const propertyNoticeDeadline = (year: number): string => `${year}-02-01`;

/**
 * The automatic season of 04.04.03: from 1 January to 1 February inclusive. After it an owner not
 * yet noticed (a property entered later) is sent a notice when an officer runs the batch; that
 * notice is late against the fixed date.
 */
export function isPropertyNoticeSeason(date: string): boolean {
  const [, m, d] = date.split('-').map(Number) as [number, number, number];
  return m === 1 || (m === 2 && d === 1);
}

const periodText = (p: Period): Localised => {
  if (p.kind === 'month') return { tg: `${pad(p.month ?? 0)}.${p.year}`, ru: `${pad(p.month ?? 0)}.${p.year}`, en: `${p.year}-${pad(p.month ?? 0)}` };
  if (p.kind === 'quarter') return { tg: `семоҳаи ${p.quarter}-и соли ${p.year}`, ru: `${p.quarter} квартал ${p.year} г.`, en: `Q${p.quarter} ${p.year}` };
  return { tg: `соли ${p.year}`, ru: `${p.year} год`, en: `year ${p.year}` };
};

const dmy = (date: string) => date.split('-').reverse().join('.');

/** TS-35: the SMS confirming an electronic filing (05.05.01a), short enough for two SMS parts per language. */
export function filingSms(input: { readonly receiptNumber: string; readonly formCode: string; readonly period: Period; readonly filedOn: string }): Localised {
  const p = periodText(input.period);
  return {
    tg: `Эъломияи ${input.formCode} барои ${p.tg} ${dmy(input.filedOn)} қабул шуд. Рақами қабул: ${input.receiptNumber}. КА`,
    ru: `Декларация ${input.formCode} за ${p.ru} принята ${dmy(input.filedOn)}. Номер приёма: ${input.receiptNumber}. НК`,
    en: `Return ${input.formCode} for ${p.en} received on ${dmy(input.filedOn)}. Receipt No ${input.receiptNumber}. Tax Committee`,
  };
}

/** TS-36, 05.05.04: the notice to a taxpayer who has not filed a declaration for a period. */
export function nonFilerNotice(input: {
  readonly tin: string;
  readonly formCode: string;
  readonly formName: Localised;
  readonly period: Period;
  readonly sentOn: string;
}): Localised {
  const p = periodText(input.period);
  return {
    tg:
      `Огоҳинома ба андозсупоранда (РМА ${input.tin}). Эъломияи андозии «${input.formName.tg}» (${input.formCode}) барои ${p.tg} ` +
      `дар мӯҳлати муқарраргардида пешниҳод нашудааст. Хоҳиш менамоем, ки онро фавран тавассути Ҳуҷраи шахсии андозсупоранда пешниҳод намоед. ` +
      `Санаи огоҳинома: ${dmy(input.sentOn)}.`,
    ru:
      `Уведомление налогоплательщику (ИНН ${input.tin}). Налоговая декларация «${input.formName.ru}» (${input.formCode}) за ${p.ru} ` +
      `не представлена в установленный срок. Просим представить её незамедлительно через Личный кабинет налогоплательщика. ` +
      `Дата уведомления: ${dmy(input.sentOn)}.`,
    en:
      `Notice to the taxpayer (TIN ${input.tin}). The tax return "${input.formName.en}" (${input.formCode}) for ${p.en} ` +
      `was not filed within the time limit. Please file it at once through the Taxpayer's personal cabinet. ` +
      `Date of notice: ${dmy(input.sentOn)}.`,
  };
}

export const PROPERTY_KIND_NAMES: Readonly<Record<PropertyKind, Localised>> = {
  real_estate: { tg: 'Андоз аз молу мулки ғайриманқул', ru: 'Налог на недвижимое имущество', en: 'Real estate tax' },
  land: { tg: 'Андози замин', ru: 'Земельный налог', en: 'Land tax' },
  vehicle: { tg: 'Андоз аз воситаҳои нақлиёт', ru: 'Налог на транспортные средства', en: 'Vehicle tax' },
};

/** TS-37, 04.04.03: the text of an owner's property tax notice for a year (the PDF carries the same). */
export function propertyNotice(input: {
  readonly tin: string;
  readonly ownerName: string;
  readonly year: number;
  readonly objects: readonly { readonly kind: PropertyKind; readonly description: string; readonly annualTax: number }[];
  readonly payBy: string;
}): Localised {
  const total = input.objects.reduce((s, o) => s + o.annualTax, 0);
  const list = (lang: keyof Localised) =>
    input.objects.map((o) => `${PROPERTY_KIND_NAMES[o.kind][lang]}: ${o.description} — ${formatDirams(o.annualTax)}`).join('; ');
  return {
    tg:
      `Огоҳиномаи андоз аз амвол барои соли ${input.year}. ${input.ownerName} (РМА ${input.tin}). ${list('tg')}. ` +
      `Ҳамагӣ: ${formatDirams(total)} сомонӣ. Мӯҳлати пардохт: то ${dmy(input.payBy)}.`,
    ru:
      `Уведомление об имущественных налогах за ${input.year} год. ${input.ownerName} (ИНН ${input.tin}). ${list('ru')}. ` +
      `Итого: ${formatDirams(total)} сомони. Срок уплаты: до ${dmy(input.payBy)}.`,
    en:
      `Property tax notice for ${input.year}. ${input.ownerName} (TIN ${input.tin}). ${list('en')}. ` +
      `Total: ${formatDirams(total)} somoni. Payable by ${dmy(input.payBy)}.`,
  };
}

/** An SMS in two languages, Tajik first, then Russian: three would take six parts or more (the cabinet has all three). */
export const smsText = (text: Localised): string => `${text.tg}\n\n${text.ru}`;

/** The kinds of ledger entry as documents and the cabinet name them. */
export const ENTRY_KIND_NAMES: Readonly<Record<EntryKind, Localised>> = {
  charge: { tg: 'Ҳисоб карда шуд', ru: 'Начислено', en: 'Charge' },
  interest: { tg: 'Фоиз', ru: 'Пеня (проценты)', en: 'Interest' },
  penalty: { tg: 'Ҷарима', ru: 'Штраф', en: 'Penalty' },
  refund: { tg: 'Баргардонида шуд', ru: 'Возврат', en: 'Refund' },
  offset_out: { tg: 'Ба ҳисоби андози дигар гузаронида шуд', ru: 'Зачтено в счёт другого налога', en: 'Offset to another tax' },
  payment: { tg: 'Пардохт шуд', ru: 'Уплачено', en: 'Payment' },
  offset: { tg: 'Ба ҳисоб гирифта шуд', ru: 'Зачтено', en: 'Offset' },
  write_off: { tg: 'Ҳисобаш бекор карда шуд', ru: 'Списано', en: 'Write-off' },
};
