/**
 * The 58 mm receipt layout: 32 columns of a monospace font (a 58 mm printer prints 48 mm, 384 dots
 * at 203 dpi, 12 dots a column), labels in Tajik (FIS-RCT-09), money in somoni with two decimals.
 * The same layout feeds the plain text, the ESC/POS raster and the PDF, so that paper, PDF and
 * text carry the same fiscal data (equivalence rule, p.6, FIS-RCT-04).
 */
import type { Language } from '../../../../platform/i18n.ts';
import {
  cashKept,
  changeDue,
  formatDushanbeTime,
  formatQuantity,
  formatSomoni,
  markingOnReceipt,
  type PrintableLine,
  type PrintableReceipt,
  paymentForm,
  paymentFormLabel,
  printableText,
  RECEIPT_LABELS,
  type ReceiptLabels,
  registerLabel,
  taxLabel,
} from './printable-receipt.ts';

export const RECEIPT_COLUMNS = 32;

/** One row of the layout: text of at most `columns` characters, or the QR code (field 17). */
export type LayoutItem = { readonly kind: 'text'; readonly text: string; readonly isBold: boolean } | { readonly kind: 'qr'; readonly content: string };
export type ReceiptLayout = readonly LayoutItem[];

/** Printed width of a text: its characters after NFC, without combining marks. */
export const columnsOf = (text: string): number => [...text.replace(/\p{M}/gu, '')].length;

/** Splits a text into lines of at most `width` columns, at spaces where it can, inside words where it must. */
export function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of printableText(text).split(/\s+/).filter(Boolean)) {
    let rest = word;
    while (columnsOf(rest) > width) {
      if (line) out.push(line);
      line = '';
      const chars = [...rest];
      out.push(chars.slice(0, width).join(''));
      rest = chars.slice(width).join('');
    }
    if (!rest) continue;
    if (!line) line = rest;
    else if (columnsOf(line) + 1 + columnsOf(rest) <= width) line += ` ${rest}`;
    else {
      out.push(line);
      line = rest;
    }
  }
  if (line || out.length === 0) out.push(line);
  return out;
}

export const center = (text: string, width: number): string => ' '.repeat(Math.max(0, Math.floor((width - columnsOf(text)) / 2))) + text;

/** "Label ........ value" on one line; the value goes right-aligned under the label when both do not fit. */
export function row(label: string, value: string, width: number): string[] {
  const l = printableText(label);
  const v = printableText(value);
  if (columnsOf(l) + 1 + columnsOf(v) <= width) return [l + ' '.repeat(width - columnsOf(l) - columnsOf(v)) + v];
  return [...wrap(l, width), ...wrap(v, width).map((part) => ' '.repeat(width - columnsOf(part)) + part)];
}

type Builder = {
  text(lines: readonly string[], isBold?: boolean): void;
  qr(content: string): void;
  rule(): void;
  readonly items: LayoutItem[];
};

function builder(width: number): Builder {
  const items: LayoutItem[] = [];
  return {
    items,
    text(lines, isBold = false) {
      for (const text of lines) items.push({ kind: 'text', text, isBold });
    },
    qr(content) {
      items.push({ kind: 'qr', content });
    },
    rule() {
      items.push({ kind: 'text', text: '-'.repeat(width), isBold: false });
    },
  };
}

function header(b: Builder, r: PrintableReceipt, t: ReceiptLabels, width: number): void {
  b.text(
    wrap(r.business.name, width).map((s) => center(s, width)),
    true,
  );
  b.text(row(t.tin, r.business.tin, width));
  b.text(wrap(`${t.address}: ${r.address}`, width));
  b.rule();
  b.text([center(t.title, width), center(r.operation === 'sale' ? t.sale : t.refund, width)], true);
  if (r.isOffline) b.text([center(t.offline, width)], true);
  b.text([
    ...row(t.receiptNumber, String(r.receiptNumber), width),
    ...row(t.shiftNumber, String(r.shiftNumber), width),
    ...row(t.dateTime, formatDushanbeTime(r.issuedAt), width),
    ...row(registerLabel(t, r), r.register.number, width),
  ]);
  if (r.refundOf) {
    const o = r.refundOf;
    b.text(wrap(`${t.refundOf}:`, width), true);
    b.text([
      ...row(t.fiscalModule, o.fiscalModuleNumber, width),
      ...row(t.documentNumber, String(o.number), width),
      ...row(t.fiscalSign, o.fiscalSign, width),
      ...row(t.dateTime, formatDushanbeTime(o.issuedAt), width),
      ...row(t.amount, formatSomoni(o.total), width),
    ]);
  }
  b.text([center(t.amountsIn, width)]);
  b.rule();
}

function line(b: Builder, l: PrintableLine, index: number, t: ReceiptLabels, width: number): void {
  b.text(wrap(`${index + 1}. ${l.name}`, width));
  b.text(row(`${t.markingCode}:`, markingOnReceipt(l), width));
  b.text(row(`${formatQuantity(l.quantity)} ${l.unit} × ${formatSomoni(l.price)}`, formatSomoni(l.amount), width));
  b.text(row(taxLabel(t, l.tax), formatSomoni(l.tax.amount), width));
}

function totals(b: Builder, r: PrintableReceipt, t: ReceiptLabels, width: number): void {
  b.text(row(t.total, formatSomoni(r.total), width), true);
  b.text(row(t.taxTotal, formatSomoni(r.taxTotal), width));
  b.text(row(`${t.paymentForm}:`, paymentFormLabel(t, r).toLowerCase(), width));
  const form = paymentForm(r);
  if (form !== 'nonCash') b.text(row(t.cash, formatSomoni(cashKept(r)), width));
  if (form !== 'cash') b.text(row(t.nonCash, formatSomoni(r.payment.nonCash), width));
  if (form !== 'nonCash') b.text([...row(t.cashGiven, formatSomoni(r.payment.cash), width), ...row(t.change, formatSomoni(changeDue(r)), width)]);
  b.rule();
}

function fiscalFooter(b: Builder, r: PrintableReceipt, t: ReceiptLabels, width: number): void {
  b.text([...row(t.fiscalModule, r.fiscalModuleNumber, width), ...row(t.documentNumber, String(r.documentNumber), width)]);
  b.text(row(t.fiscalSign, r.fiscalSign, width), true);
  if (r.isOffline) b.text([center(t.offline, width)], true);
  b.text([center(t.qrHint, width)]);
  b.qr(r.qrContent);
}

/** The receipt as layout rows: header, lines, totals, fiscal data and the QR code (p.9 fields 1-17). */
export function receiptLayout(r: PrintableReceipt, options: { readonly language?: Language; readonly columns?: number } = {}): ReceiptLayout {
  const width = options.columns ?? RECEIPT_COLUMNS;
  const t = RECEIPT_LABELS[options.language ?? 'tg'];
  const b = builder(width);
  header(b, r, t, width);
  r.lines.forEach((l, i) => {
    line(b, l, i, t, width);
  });
  b.rule();
  totals(b, r, t, width);
  fiscalFooter(b, r, t, width);
  return b.items;
}

/**
 * The receipt as plain text, 32 columns: for a printer driver that takes text, a log, or a screen
 * preview before printing (FIS-OCR-10). The QR code becomes its content, wrapped.
 */
export function receiptText(r: PrintableReceipt, options: { readonly language?: Language; readonly columns?: number } = {}): string {
  const width = options.columns ?? RECEIPT_COLUMNS;
  return receiptLayout(r, options)
    .flatMap((item) => (item.kind === 'text' ? [item.text] : chunk(item.content, width)))
    .join('\n');
}

const chunk = (text: string, width: number): string[] => {
  const chars = [...text];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += width) out.push(chars.slice(i, i + width).join(''));
  return out;
};
