import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LANGUAGES } from '../../../../platform/i18n.ts';
import {
  cashKept,
  changeDue,
  formatDushanbeTime,
  formatQuantity,
  formatRate,
  formatSomoni,
  markingOnReceipt,
  paymentForm,
  printableText,
  RECEIPT_LABELS,
  type ReceiptDocumentLike,
  taxLabel,
  toPrintableReceipt,
} from './printable-receipt.ts';
import { sampleSale } from './sample-receipts.ts';

test('money is printed in somoni with two decimals from integer dirams', () => {
  const cases: [number, string][] = [
    [0, '0.00'],
    [5, '0.05'],
    [1900, '19.00'],
    [123456, '1234.56'],
    [-250, '-2.50'],
  ];
  for (const [dirams, text] of cases) assert.equal(formatSomoni(dirams), text);
});

test('FIS-RCT-18: quantities in thousandths print without trailing zeros', () => {
  const cases: [number, string][] = [
    [1000, '1'],
    [2500, '2.5'],
    [1234, '1.234'],
    [50, '0.05'],
    [12000, '12'],
  ];
  for (const [q, text] of cases) assert.equal(formatQuantity(q), text);
});

test('FIS-RCT-20: rates in basis points print as percentages, VAT and simplified regime labelled', () => {
  assert.equal(formatRate(1400), '14');
  assert.equal(formatRate(650), '6.5');
  const t = RECEIPT_LABELS.tg;
  assert.equal(taxLabel(t, { kind: 'vat', rateBp: 1400, amount: 0 }), 'ААИ 14%');
  assert.equal(taxLabel(t, { kind: 'simplified', rateBp: 600, amount: 0 }), 'Низоми соддакардашуда 6%');
  assert.equal(taxLabel(t, { kind: 'none', rateBp: 0, amount: 0 }), 'Бе андоз');
});

test('FIS-RCT-24, FIS-VTR-09: date and time print in Dushanbe time, UTC+05:00, whatever offset the instant has', () => {
  assert.equal(formatDushanbeTime('2026-03-02T04:10:05Z'), '02.03.2026 09:10:05');
  assert.equal(formatDushanbeTime('2026-03-02T09:10:05+05:00'), '02.03.2026 09:10:05');
  assert.equal(formatDushanbeTime('2026-12-31T19:00:00Z'), '01.01.2027 00:00:00');
  assert.throws(() => formatDushanbeTime('yesterday'), RangeError);
});

test('FIS-RCT-22: payment form is cash, non-cash or both; change is cash handed over beyond the total', () => {
  const at = (cash: number, nonCash: number) => ({ payment: { cash, nonCash }, total: 1000 });
  assert.equal(paymentForm(at(1000, 0)), 'cash');
  assert.equal(paymentForm(at(0, 1000)), 'nonCash');
  assert.equal(paymentForm(at(500, 500)), 'mixed');
  assert.equal(changeDue(at(2000, 0)), 1000);
  assert.equal(changeDue(at(700, 500)), 200);
  assert.equal(cashKept(at(700, 500)), 500);
  assert.equal(changeDue(at(0, 1000)), 0);
});

test('FIS-RCT-17: the marking code is printed, else the GS1 code, else a dash (catalog ambiguity 12)', () => {
  const line = sampleSale.lines[0]!;
  assert.equal(markingOnReceipt({ ...line, markingCode: 'MC1', gtin: '4870001000019' }), 'MC1');
  assert.equal(markingOnReceipt({ ...line, markingCode: undefined, gtin: '4870001000019' }), '4870001000019');
  assert.equal(markingOnReceipt({ ...line, markingCode: undefined, gtin: undefined }), '—');
});

test('FIS-RCT-08: printed text is NFC and carries no control characters a printer would execute', () => {
  assert.equal(printableText('И\u0304'), 'Ӣ');
  assert.equal(printableText('01\u001d21\u001b@'), '01 21 @');
});

test('FIS-RCT-09: the labels exist in Tajik, Russian and English, and the Tajik ones use Tajik letters', () => {
  const keys = Object.keys(RECEIPT_LABELS.tg).sort();
  for (const lang of LANGUAGES) {
    assert.deepEqual(Object.keys(RECEIPT_LABELS[lang]).sort(), keys);
    for (const [k, v] of Object.entries(RECEIPT_LABELS[lang])) assert.ok(v.trim().length > 0, `${lang}.${k}`);
  }
  assert.match(Object.values(RECEIPT_LABELS.tg).join(' '), /[ҒғӢӣҚқӮӯҲҳҶҷ]/);
  assert.equal(RECEIPT_LABELS.tg.title, 'РАСИДИ ҲАЗИНАВӢ');
});

test('FIS-RCT-10: a published fiscal document maps to a printable receipt with every p.9 field', () => {
  const document: ReceiptDocumentLike = {
    operation: 'sale',
    receiptNumber: 5,
    number: 77,
    registerNumber: 'VCR-1',
    business: { name: 'Савдо', tin: '123456789' },
    address: 'Хуҷанд',
    lines: sampleSale.lines,
    payment: { cash: 10_000, nonCash: 0 },
    total: sampleSale.total,
    taxTotal: sampleSale.taxTotal,
    issuedAt: '2026-03-02T09:10:00+05:00',
    shiftNumber: 2,
    fiscalModuleNumber: 'FM9',
    fiscalSign: '1111111111',
    isOffline: false,
  };
  const r = toPrintableReceipt(document, { registerKind: 'virtual', qrContent: 'https://x/r?fm=FM9&n=77' });
  assert.equal(r.documentNumber, 77);
  assert.deepEqual(r.register, { kind: 'virtual', number: 'VCR-1' });
  assert.equal(r.qrContent, 'https://x/r?fm=FM9&n=77');
  assert.equal(r.lines.length, sampleSale.lines.length);
  assert.equal(r.refundOf, undefined);
});
