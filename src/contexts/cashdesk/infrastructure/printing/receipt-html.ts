/**
 * The electronic receipt a buyer opens by link (p.2, p.6: equal to the paper receipt when its fiscal
 * data are the same): one self-contained HTML page, no scripts, no outside files, Tajik first with
 * links to the Russian and English versions, the QR code as inline SVG (FIS-RCT-27; on paper it
 * prints 32 mm wide, FIS-RCT-28). Every field of p.9 is shown with its label.
 */
import QRCode from 'qrcode';
import { LANGUAGES, type Language } from '../../../../platform/i18n.ts';
import {
  cashKept,
  changeDue,
  formatDushanbeTime,
  formatQuantity,
  formatSomoni,
  markingOnReceipt,
  type PrintableReceipt,
  paymentForm,
  paymentFormLabel,
  printableText,
  RECEIPT_LABELS,
  registerLabel,
  taxLabel,
} from './printable-receipt.ts';

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => printableText(text).replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** The QR code as an SVG element: one path of unit squares, a 4-module quiet zone, `side` wide. */
export function qrSvg(content: string, side = '32mm'): string {
  const { modules } = QRCode.create(content, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  let d = '';
  for (let row = 0; row < n; row++) for (let col = 0; col < n; col++) if (modules.get(row, col)) d += `M${col + 4} ${row + 4}h1v1h-1z`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${n + 8} ${n + 8}" width="${side}" height="${side}" shape-rendering="crispEdges" role="img" aria-label="QR"><rect width="100%" height="100%" fill="#fff"/><path fill="#000" d="${d}"/></svg>`;
}

const rowHtml = (label: string, value: string, cls = '') =>
  `<tr${cls ? ` class="${cls}"` : ''}><th>${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`;

function linesHtml(r: PrintableReceipt, language: Language): string {
  const t = RECEIPT_LABELS[language];
  return r.lines
    .map(
      (l, i) => `<li><div class="name">${escapeHtml(`${i + 1}. ${l.name}`)}</div><table>
${rowHtml(`${formatQuantity(l.quantity)} ${l.unit} × ${formatSomoni(l.price)}`, formatSomoni(l.amount))}
${rowHtml(taxLabel(t, l.tax), formatSomoni(l.tax.amount))}
${rowHtml(t.markingCode, markingOnReceipt(l), 'code')}
</table></li>`,
    )
    .join('\n');
}

function paymentRows(r: PrintableReceipt, language: Language): string[] {
  const t = RECEIPT_LABELS[language];
  const form = paymentForm(r);
  return [
    rowHtml(t.paymentForm, paymentFormLabel(t, r)),
    ...(form !== 'nonCash' ? [rowHtml(t.cash, formatSomoni(cashKept(r)))] : []),
    ...(form !== 'cash' ? [rowHtml(t.nonCash, formatSomoni(r.payment.nonCash))] : []),
    ...(form !== 'nonCash' ? [rowHtml(t.cashGiven, formatSomoni(r.payment.cash)), rowHtml(t.change, formatSomoni(changeDue(r)))] : []),
  ];
}

function refundHtml(r: PrintableReceipt, language: Language): string {
  if (!r.refundOf) return '';
  const t = RECEIPT_LABELS[language];
  const o = r.refundOf;
  return `<h2>${escapeHtml(t.refundOf)}</h2><table>
${rowHtml(t.fiscalModule, o.fiscalModuleNumber)}
${rowHtml(t.documentNumber, String(o.number))}
${rowHtml(t.fiscalSign, o.fiscalSign)}
${rowHtml(t.dateTime, formatDushanbeTime(o.issuedAt))}
${rowHtml(t.amount, formatSomoni(o.total))}
</table>`;
}

const STYLE = `body{font-family:"Noto Sans","DejaVu Sans",Arial,sans-serif;margin:0;background:#eee;color:#000}
main{max-width:26rem;margin:0 auto;background:#fff;padding:1rem}
nav{text-align:right;font-size:.9rem}nav a,nav b{margin-left:.5rem}
h1,h2,.business{text-align:center;margin:.3rem 0}h1{font-size:1.2rem}h2{font-size:1rem}
.business{font-weight:700;font-size:1.1rem}
table{width:100%;border-collapse:collapse}th{text-align:left;font-weight:400}td{text-align:right;font-variant-numeric:tabular-nums}
tr.total{font-weight:700;font-size:1.15rem}tr.code td{word-break:break-all;font-size:.85rem}
ol{list-style:none;padding:0;margin:0}li{border-bottom:1px dashed #999;padding:.3rem 0}
.offline{text-align:center;font-weight:700;border:2px solid #000;padding:.2rem}
figure{text-align:center;margin:1rem 0}figure svg{width:min(75vw,18rem);height:auto}
@media print{body{background:#fff}main{max-width:58mm;padding:0}figure svg{width:32mm;height:32mm}nav{display:none}}`;

/**
 * The page in one language. `hrefFor` makes the links of the language switch (default `?lang=ru`).
 */
export function receiptHtml(r: PrintableReceipt, options: { readonly language?: Language; readonly hrefFor?: (language: Language) => string } = {}): string {
  const language = options.language ?? 'tg';
  const hrefFor = options.hrefFor ?? ((l: Language) => `?lang=${l}`);
  const t = RECEIPT_LABELS[language];
  const nav = LANGUAGES.map((l) =>
    l === language
      ? `<b>${escapeHtml(RECEIPT_LABELS[l].language)}</b>`
      : `<a href="${escapeHtml(hrefFor(l))}" hreflang="${l}" lang="${l}">${escapeHtml(RECEIPT_LABELS[l].language)}</a>`,
  ).join('');
  const offline = r.isOffline ? `<p class="offline">${escapeHtml(t.offline)}</p>` : '';
  return `<!doctype html>
<html lang="${language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(`${t.title} ${t.receiptNumber}${r.receiptNumber}`)}</title>
<style>${STYLE}</style></head>
<body><main>
<nav>${nav}</nav>
<p class="business">${escapeHtml(r.business.name)}</p>
<table>
${rowHtml(t.tin, r.business.tin)}
${rowHtml(t.address, r.address)}
</table>
<h1>${escapeHtml(t.title)}<br>${escapeHtml(r.operation === 'sale' ? t.sale : t.refund)}</h1>
${offline}
<table>
${rowHtml(t.receiptNumber, String(r.receiptNumber))}
${rowHtml(t.shiftNumber, String(r.shiftNumber))}
${rowHtml(t.dateTime, formatDushanbeTime(r.issuedAt))}
${rowHtml(registerLabel(t, r), r.register.number)}
</table>
${refundHtml(r, language)}
<p>${escapeHtml(t.amountsIn)}</p>
<ol>
${linesHtml(r, language)}
</ol>
<table>
${rowHtml(t.total, formatSomoni(r.total), 'total')}
${rowHtml(t.taxTotal, formatSomoni(r.taxTotal))}
${paymentRows(r, language).join('\n')}
${rowHtml(t.fiscalModule, r.fiscalModuleNumber)}
${rowHtml(t.documentNumber, String(r.documentNumber))}
${rowHtml(t.fiscalSign, r.fiscalSign, 'total')}
</table>
<figure>${qrSvg(r.qrContent)}<figcaption>${escapeHtml(t.qrHint)}</figcaption></figure>
</main></body></html>
`;
}
