/**
 * The mandatory fields of p.9 (FIS-RCT-11 to FIS-RCT-27) and what each looks like on a printed
 * receipt, so that a printout (text, PDF text, HTML text) can be checked before it is handed over:
 * a receipt that lacks one of them must not be issued (FIS-RCT-10; p.67 item 10, p.70, FIS-PRH-03).
 */
import type { Language } from '../../../../platform/i18n.ts';
import {
  formatDushanbeTime,
  formatQuantity,
  formatSomoni,
  markingOnReceipt,
  type PrintableReceipt,
  paymentFormLabel,
  printableText,
  RECEIPT_LABELS,
  type ReceiptLabels,
  registerLabel,
  taxLabel,
} from './printable-receipt.ts';

export type P9Field = {
  /** The catalog ID (spec/fiscal.md). */
  readonly id: string;
  /** The field's place in the list of p.9. */
  readonly field: number;
  readonly name: string;
  /** Texts that must appear on the receipt for this field. */
  readonly printed: (r: PrintableReceipt, t: ReceiptLabels) => readonly string[];
};

export const P9_FIELDS: readonly P9Field[] = [
  { id: 'FIS-RCT-11', field: 1, name: 'receipt number', printed: (r, t) => [t.receiptNumber, String(r.receiptNumber)] },
  { id: 'FIS-RCT-12', field: 2, name: 'register or virtual register number', printed: (r, t) => [registerLabel(t, r), r.register.number] },
  { id: 'FIS-RCT-13', field: 3, name: 'business name', printed: (r) => [r.business.name] },
  { id: 'FIS-RCT-14', field: 4, name: 'TIN', printed: (r, t) => [t.tin, r.business.tin] },
  { id: 'FIS-RCT-15', field: 5, name: 'address of settlement', printed: (r, t) => [t.address, r.address] },
  { id: 'FIS-RCT-16', field: 6, name: 'product names', printed: (r) => r.lines.map((l) => l.name) },
  { id: 'FIS-RCT-17', field: 7, name: 'marking codes', printed: (r, t) => [t.markingCode, ...r.lines.map(markingOnReceipt)] },
  { id: 'FIS-RCT-18', field: 8, name: 'quantities', printed: (r) => r.lines.map((l) => `${formatQuantity(l.quantity)} ${l.unit}`) },
  { id: 'FIS-RCT-19', field: 9, name: 'prices', printed: (r) => r.lines.map((l) => formatSomoni(l.price)) },
  { id: 'FIS-RCT-20', field: 10, name: 'VAT or simplified-regime rates', printed: (r, t) => r.lines.map((l) => taxLabel(t, l.tax)) },
  {
    id: 'FIS-RCT-21',
    field: 11,
    name: 'VAT or simplified-regime amounts',
    printed: (r, t) => [...r.lines.map((l) => formatSomoni(l.tax.amount)), t.taxTotal, formatSomoni(r.taxTotal)],
  },
  { id: 'FIS-RCT-22', field: 12, name: 'payment form', printed: (r, t) => [t.paymentForm, paymentFormLabel(t, r)] },
  { id: 'FIS-RCT-23', field: 13, name: 'total', printed: (r, t) => [t.total, formatSomoni(r.total)] },
  { id: 'FIS-RCT-24', field: 14, name: 'date and time', printed: (r, t) => [t.dateTime, formatDushanbeTime(r.issuedAt)] },
  { id: 'FIS-RCT-25', field: 15, name: 'fiscal module number', printed: (r, t) => [t.fiscalModule, r.fiscalModuleNumber] },
  { id: 'FIS-RCT-26', field: 16, name: 'fiscal sign', printed: (r, t) => [t.fiscalSign, r.fiscalSign] },
  { id: 'FIS-RCT-27', field: 17, name: 'QR code content', printed: (r) => [r.qrContent] },
];

/** Case and line breaks do not matter: a long value may wrap, a label may be capitalised. */
const squash = (text: string): string => printableText(text).replace(/\s+/g, '').toLowerCase();

/**
 * The p.9 fields whose texts are not all found in `printedText`. Pass `qrAsImage` when the QR code
 * is a picture (PDF, paper) and is checked by decoding it instead.
 */
export function missingP9Fields(
  printedText: string,
  r: PrintableReceipt,
  options: { readonly language?: Language; readonly qrAsImage?: boolean } = {},
): P9Field[] {
  const t = RECEIPT_LABELS[options.language ?? 'tg'];
  const haystack = squash(printedText);
  return P9_FIELDS.filter((f) => !(options.qrAsImage && f.field === 17)).filter((f) => f.printed(r, t).some((s) => !haystack.includes(squash(s))));
}
