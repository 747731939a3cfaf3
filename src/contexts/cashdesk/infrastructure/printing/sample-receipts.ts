/**
 * Sample receipts for the printing tests and previews: a Tajik sale with every Tajik letter, VAT and
 * simplified-regime lines, a marked product, mixed payment with change; and a refund made offline.
 * Amounts follow platform/fiscal-amounts.ts (lineAmount, lineTax).
 */
import { lineAmount, lineTax } from '../../../../platform/fiscal-amounts.ts';
import type { PrintableLine, PrintableReceipt } from './printable-receipt.ts';

const QR_BASE = 'https://check.bekogaz.tj/r';

function sampleLine(
  name: string,
  quantity: number,
  unit: string,
  price: number,
  kind: PrintableLine['tax']['kind'],
  rateBp: number,
  codes: Partial<PrintableLine> = {},
): PrintableLine {
  const amount = lineAmount(quantity, price);
  return { name, quantity, unit, price, amount, tax: { kind, rateBp, amount: lineTax(amount, kind, rateBp) }, ...codes };
}

const saleLines = [
  sampleLine('Нони тандирӣ', 2000, 'дона', 350, 'vat', 1400, { gtin: '4870001000019' }),
  sampleLine('Қанд, ғӯлача (Ҳисор), ҷуворимакка', 2500, 'кг', 1299, 'vat', 1400, { markingCode: '0104870001000026215Qz9\u001d91EE10\u001d92abcdefghijKLMNOP' }),
  sampleLine('Хизматрасонии ӣ: бастабандӣ', 1000, 'хизмат', 500, 'simplified', 600),
  sampleLine('Китоби дарсӣ', 1000, 'дона', 2000, 'none', 0),
];

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const saleTotal = sum(saleLines.map((l) => l.amount));

/** A sale in Tajik with every Tajik letter (Ғ ғ Ӣ ӣ Қ қ Ӯ ӯ Ҳ ҳ Ҷ ҷ) in its printed text. */
export const sampleSale: PrintableReceipt = {
  operation: 'sale',
  receiptNumber: 17,
  documentNumber: 42,
  register: { kind: 'virtual', number: 'ҲВ-000123' },
  business: { name: 'ҶДММ «Ғафуров ва Қодирӣ — Ҳунар»', tin: '020012345' },
  address: 'ш. Душанбе, хиёбони Рӯдакӣ 12, Ӯротеппа кӯчаи Ҷомӣ',
  lines: saleLines,
  payment: { cash: 6000, nonCash: 2000 },
  total: saleTotal,
  taxTotal: sum(saleLines.map((l) => l.tax.amount)),
  issuedAt: '2026-03-02T04:10:05Z',
  shiftNumber: 3,
  fiscalModuleNumber: 'FM0001',
  fiscalSign: '0123456789',
  qrContent: `${QR_BASE}?fm=FM0001&n=42&t=20260302T0910&s=${(saleTotal / 100).toFixed(2)}&fs=0123456789`,
  isOffline: false,
};

const refundLines = [saleLines[0]!];

/** A refund of the first line of the sale, issued offline, paid back in cash. */
export const sampleRefund: PrintableReceipt = {
  ...sampleSale,
  operation: 'refund',
  receiptNumber: 18,
  documentNumber: 43,
  register: { kind: 'online', number: 'SN-7788' },
  lines: refundLines,
  payment: { cash: refundLines[0]!.amount, nonCash: 0 },
  total: refundLines[0]!.amount,
  taxTotal: refundLines[0]!.tax.amount,
  issuedAt: '2026-03-02T19:30:00Z',
  fiscalSign: '9876543210',
  qrContent: `${QR_BASE}?fm=FM0001&n=43&t=20260303T0030&s=7.00&fs=9876543210`,
  refundOf: { fiscalModuleNumber: 'FM0001', number: 42, fiscalSign: '0123456789', total: saleTotal, issuedAt: '2026-03-02T04:10:05Z' },
  isOffline: true,
};
