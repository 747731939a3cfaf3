/**
 * The receipt as the printers see it: every field of seed 004 p.9 (FIS-RCT-11 to FIS-RCT-27) in one
 * plain value, with the labels in Tajik (the state language: paper receipts are printed "mostly in
 * the state language", p.65, p.68, FIS-RCT-09) and in Russian and English for the electronic receipt
 * page. Money is integer dirams, quantities thousandths of the unit, tax rates basis points, as in
 * docs/fiscal-documents.md; this file only formats them.
 */
import type { Language } from '../../../../platform/i18n.ts';

export type PrintableTaxKind = 'vat' | 'simplified' | 'none';

export type PrintableLine = {
  /** Field 6: product, work or service. */
  readonly name: string;
  /** Field 7: the marking code, when the product is marked (catalog ambiguity 12). */
  readonly markingCode?: string;
  /** The GS1 commercial code; printed as field 7 when there is no marking code (ambiguity 12). */
  readonly gtin?: string;
  /** Field 8, thousandths of the unit. */
  readonly quantity: number;
  readonly unit: string;
  /** Field 9: price per unit in dirams, tax included. */
  readonly price: number;
  /** quantity × price in dirams. */
  readonly amount: number;
  /** Fields 10 and 11: VAT or simplified-regime rate (basis points) and the tax in dirams. */
  readonly tax: { readonly kind: PrintableTaxKind; readonly rateBp: number; readonly amount: number };
};

/** The original sale a refund refers to (section 6, p.39). */
export type PrintableRefundOf = {
  readonly fiscalModuleNumber: string;
  readonly number: number;
  readonly fiscalSign: string;
  readonly total: number;
  readonly issuedAt: string;
};

export type PrintableReceipt = {
  /** Sale or refund (p.78). */
  readonly operation: 'sale' | 'refund';
  /** Field 1: the receipt number within the shift. */
  readonly receiptNumber: number;
  /** The fiscal module's document number (the `n` of the QR code). */
  readonly documentNumber: number;
  /** Field 2: the online register's manufacturer number, or the virtual register's serial number. */
  readonly register: { readonly kind: 'online' | 'virtual'; readonly number: string };
  /** Fields 3 and 4. */
  readonly business: { readonly name: string; readonly tin: string };
  /** Field 5: where the settlement takes place (for delivery, the legal address). */
  readonly address: string;
  readonly lines: readonly PrintableLine[];
  /** Field 12: cash handed over (change included) and the non-cash part, dirams. */
  readonly payment: { readonly cash: number; readonly nonCash: number };
  /** Field 13, dirams. */
  readonly total: number;
  /** Sum of the lines' field 11, dirams. */
  readonly taxTotal: number;
  /** Field 14: RFC 3339 instant; printed in Asia/Dushanbe time (UTC+05:00, p.65, p.68). */
  readonly issuedAt: string;
  readonly shiftNumber: number;
  /** Field 15. */
  readonly fiscalModuleNumber: string;
  /** Field 16: 10 digits. */
  readonly fiscalSign: string;
  /** Field 17: the text the QR code carries (docs/fiscal-documents.md "The QR code"). */
  readonly qrContent: string;
  /** For a refund: the original sale. */
  readonly refundOf?: PrintableRefundOf;
  /** Issued while the operator could not be reached (p.36). */
  readonly isOffline: boolean;
};

/**
 * A receipt in the shape of the published document (`Receipt` of the fiscal context, or the cash
 * desk's module receipt, which mirrors it field for field), plus what the document does not hold.
 */
export type ReceiptDocumentLike = Omit<PrintableReceipt, 'documentNumber' | 'register' | 'qrContent' | 'lines'> & {
  readonly number: number;
  readonly registerNumber: string;
  readonly lines: readonly PrintableLine[];
};

/** Builds the printable receipt from a fiscal document and the facts the document does not carry. */
export function toPrintableReceipt(
  document: ReceiptDocumentLike,
  extra: { readonly registerKind: 'online' | 'virtual'; readonly qrContent: string },
): PrintableReceipt {
  return {
    operation: document.operation,
    receiptNumber: document.receiptNumber,
    documentNumber: document.number,
    register: { kind: extra.registerKind, number: document.registerNumber },
    business: { name: document.business.name, tin: document.business.tin },
    address: document.address,
    lines: document.lines.map((l) => ({
      name: l.name,
      markingCode: l.markingCode,
      gtin: l.gtin,
      quantity: l.quantity,
      unit: l.unit,
      price: l.price,
      amount: l.amount,
      tax: { kind: l.tax.kind, rateBp: l.tax.rateBp, amount: l.tax.amount },
    })),
    payment: { cash: document.payment.cash, nonCash: document.payment.nonCash },
    total: document.total,
    taxTotal: document.taxTotal,
    issuedAt: document.issuedAt,
    shiftNumber: document.shiftNumber,
    fiscalModuleNumber: document.fiscalModuleNumber,
    fiscalSign: document.fiscalSign,
    qrContent: extra.qrContent,
    refundOf: document.refundOf,
    isOffline: document.isOffline,
  };
}

/** Field 12 as a word: cash only, non-cash only, or both. */
export type PaymentForm = 'cash' | 'nonCash' | 'mixed';

export function paymentForm(r: Pick<PrintableReceipt, 'payment' | 'total'>): PaymentForm {
  if (r.payment.nonCash === 0) return 'cash';
  return r.payment.nonCash >= r.total ? 'nonCash' : 'mixed';
}

/** The cash kept for the receipt: what is due beyond the non-cash part (docs/fiscal-documents.md). */
export const cashKept = (r: Pick<PrintableReceipt, 'payment' | 'total'>): number => Math.max(0, r.total - r.payment.nonCash);

/** Change handed back: cash handed over beyond what was due. */
export const changeDue = (r: Pick<PrintableReceipt, 'payment' | 'total'>): number => Math.max(0, r.payment.cash + r.payment.nonCash - r.total);

/** Dirams as somoni with two decimals and a dot, as the QR code has them: 1900 → "19.00". */
export function formatSomoni(dirams: number): string {
  const sign = dirams < 0 ? '-' : '';
  const abs = Math.abs(dirams);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Thousandths of a unit without trailing zeros: 2500 → "2.5", 1000 → "1", 1234 → "1.234". */
export function formatQuantity(thousandths: number): string {
  const whole = Math.floor(thousandths / 1000);
  const frac = String(thousandths % 1000)
    .padStart(3, '0')
    .replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : String(whole);
}

/** Basis points as a percentage: 1400 → "14", 650 → "6.5". */
export function formatRate(rateBp: number): string {
  const whole = Math.floor(rateBp / 100);
  const frac = String(rateBp % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : String(whole);
}

/** Dushanbe is UTC+05:00 all year (no daylight saving): FIS-OCR-16, FIS-VTR-09. */
const DUSHANBE_OFFSET_MS = 5 * 3_600_000;

/** Field 14 in Dushanbe time: "02.03.2026 09:10:05". */
export function formatDushanbeTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`not an RFC 3339 instant: ${iso}`);
  const t = new Date(ms + DUSHANBE_OFFSET_MS).toISOString();
  return `${t.slice(8, 10)}.${t.slice(5, 7)}.${t.slice(0, 4)} ${t.slice(11, 19)}`;
}

/** Field 7 as printed: the marking code, else the GS1 code, else a dash (catalog ambiguity 12). */
export const markingOnReceipt = (line: PrintableLine): string => line.markingCode ?? line.gtin ?? '—';

/**
 * Text safe to print: NFC (so that Ӣ is one letter, not И + a combining macron) and no control
 * characters (a DataMatrix marking code carries GS separators, which a printer would execute).
 */
export const printableText = (text: string): string => text.normalize('NFC').replace(/\p{Cc}/gu, ' ');

export type ReceiptLabels = {
  readonly title: string;
  readonly sale: string;
  readonly refund: string;
  readonly amountsIn: string;
  readonly receiptNumber: string;
  readonly documentNumber: string;
  readonly shiftNumber: string;
  readonly dateTime: string;
  readonly onlineRegister: string;
  readonly virtualRegister: string;
  readonly tin: string;
  readonly address: string;
  readonly markingCode: string;
  /** `{rate}` is replaced by the percentage. */
  readonly vat: string;
  readonly simplified: string;
  readonly noTax: string;
  readonly taxTotal: string;
  readonly total: string;
  readonly paymentForm: string;
  readonly cash: string;
  readonly nonCash: string;
  readonly mixed: string;
  readonly cashGiven: string;
  readonly change: string;
  readonly fiscalModule: string;
  readonly fiscalSign: string;
  readonly qrHint: string;
  readonly refundOf: string;
  readonly amount: string;
  readonly offline: string;
  readonly language: string;
};

/** Receipt labels; Tajik is what paper receipts print (FIS-RCT-09). Terms follow docs/glossary.md and the seed. */
export const RECEIPT_LABELS: Readonly<Record<Language, ReceiptLabels>> = {
  tg: {
    title: 'РАСИДИ ҲАЗИНАВӢ',
    sale: 'ФУРӮШ',
    refund: 'БАРГАРДОНИДАН',
    amountsIn: 'Маблағҳо бо сомонӣ',
    receiptNumber: 'Расид №',
    documentNumber: 'Ҳуҷҷат №',
    shiftNumber: 'Баст №',
    dateTime: 'Сана ва вақт',
    onlineRegister: 'МНХ-онлайн №',
    virtualRegister: 'Ҳазинаи вертуалӣ №',
    tin: 'РМА/РЯМ',
    address: 'Суроға',
    markingCode: 'Рамзи тамғагузорӣ',
    vat: 'ААИ {rate}%',
    simplified: 'Низоми соддакардашуда {rate}%',
    noTax: 'Бе андоз',
    taxTotal: 'Ҳамагӣ андоз',
    total: 'ҲАМАГӢ',
    paymentForm: 'Шакли пардохт',
    cash: 'Нақдӣ',
    nonCash: 'Ғайринақдӣ',
    mixed: 'Нақдӣ ва ғайринақдӣ',
    cashGiven: 'Гирифта шуд',
    change: 'Бақия',
    fiscalModule: 'Модули фискалӣ №',
    fiscalSign: 'Аломати фискалӣ',
    qrHint: 'QR-рамз барои санҷиши расид',
    refundOf: 'Баргардонидан аз расиди',
    amount: 'Маблағ',
    offline: 'РЕҶАИ ОФЛАЙН',
    language: 'Тоҷикӣ',
  },
  ru: {
    title: 'КАССОВЫЙ ЧЕК',
    sale: 'ПРОДАЖА',
    refund: 'ВОЗВРАТ',
    amountsIn: 'Суммы в сомони',
    receiptNumber: 'Чек №',
    documentNumber: 'Документ №',
    shiftNumber: 'Смена №',
    dateTime: 'Дата и время',
    onlineRegister: 'ККМ-онлайн №',
    virtualRegister: 'Виртуальная касса №',
    tin: 'ИНН',
    address: 'Адрес расчёта',
    markingCode: 'Код маркировки',
    vat: 'НДС {rate}%',
    simplified: 'Упрощённый режим {rate}%',
    noTax: 'Без налога',
    taxTotal: 'Итого налог',
    total: 'ИТОГО',
    paymentForm: 'Форма оплаты',
    cash: 'Наличными',
    nonCash: 'Безналичными',
    mixed: 'Наличными и безналичными',
    cashGiven: 'Получено',
    change: 'Сдача',
    fiscalModule: 'Фискальный модуль №',
    fiscalSign: 'Фискальный признак',
    qrHint: 'QR-код для проверки чека',
    refundOf: 'Возврат по чеку',
    amount: 'Сумма',
    offline: 'ОФЛАЙН-РЕЖИМ',
    language: 'Русский',
  },
  en: {
    title: 'CASH RECEIPT',
    sale: 'SALE',
    refund: 'REFUND',
    amountsIn: 'Amounts in somoni',
    receiptNumber: 'Receipt No.',
    documentNumber: 'Document No.',
    shiftNumber: 'Shift No.',
    dateTime: 'Date and time',
    onlineRegister: 'Online register No.',
    virtualRegister: 'Virtual register No.',
    tin: 'TIN',
    address: 'Address',
    markingCode: 'Marking code',
    vat: 'VAT {rate}%',
    simplified: 'Simplified regime {rate}%',
    noTax: 'No tax',
    taxTotal: 'Tax total',
    total: 'TOTAL',
    paymentForm: 'Payment form',
    cash: 'Cash',
    nonCash: 'Non-cash',
    mixed: 'Cash and non-cash',
    cashGiven: 'Cash received',
    change: 'Change',
    fiscalModule: 'Fiscal module No.',
    fiscalSign: 'Fiscal sign',
    qrHint: 'QR code to check the receipt',
    refundOf: 'Refund of receipt',
    amount: 'Amount',
    offline: 'OFFLINE MODE',
    language: 'English',
  },
};

/** Fields 10 as a label: "ААИ 14%", "Низоми соддакардашуда 6%" or "Бе андоз". */
export function taxLabel(labels: ReceiptLabels, tax: PrintableLine['tax']): string {
  if (tax.kind === 'none') return labels.noTax;
  return (tax.kind === 'vat' ? labels.vat : labels.simplified).replace('{rate}', formatRate(tax.rateBp));
}

export const registerLabel = (labels: ReceiptLabels, r: PrintableReceipt): string =>
  r.register.kind === 'virtual' ? labels.virtualRegister : labels.onlineRegister;

export const paymentFormLabel = (labels: ReceiptLabels, r: PrintableReceipt): string => labels[paymentForm(r)];
