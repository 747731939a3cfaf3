import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { markingOnReceipt, type PrintableReceipt, printableText, RECEIPT_LABELS } from './printable-receipt.ts';
import { missingP9Fields, P9_FIELDS } from './receipt-fields.ts';
import { columnsOf, RECEIPT_COLUMNS, receiptLayout, receiptText, row, wrap } from './receipt-text.ts';
import { sampleRefund, sampleSale } from './sample-receipts.ts';

const text = receiptText(sampleSale);
const lines = text.split('\n');
const squash = (s: string) => s.replace(/\s+/g, '').toLowerCase();

for (const field of P9_FIELDS) {
  test(`${field.id}: p.9 field ${field.field} (${field.name}) is on the text receipt`, () => {
    const t = RECEIPT_LABELS.tg;
    for (const s of field.printed(sampleSale, t)) {
      assert.ok(squash(text).includes(squash(printableText(s))), `missing "${s}"`);
    }
  });
}

test('FIS-RCT-10: no mandatory field is missing from the sale, the refund, or the Russian and English texts', () => {
  assert.deepEqual(missingP9Fields(text, sampleSale), []);
  assert.deepEqual(missingP9Fields(receiptText(sampleRefund), sampleRefund), []);
  assert.deepEqual(missingP9Fields(receiptText(sampleSale, { language: 'ru' }), sampleSale, { language: 'ru' }), []);
  assert.deepEqual(missingP9Fields(receiptText(sampleSale, { language: 'en' }), sampleSale, { language: 'en' }), []);
});

test('FIS-RCT-10: the check finds a missing field', () => {
  const withoutSign = text.replaceAll(sampleSale.fiscalSign, '');
  assert.deepEqual(
    missingP9Fields(withoutSign, sampleSale).map((f) => f.id),
    ['FIS-RCT-26', 'FIS-RCT-27'],
  );
});

test('FIS-RCT-06: the 58 mm layout is at most 32 columns on every row', () => {
  for (const r of [sampleSale, sampleRefund]) {
    for (const lang of ['tg', 'ru', 'en'] as const) {
      for (const l of receiptText(r, { language: lang }).split('\n')) assert.ok(columnsOf(l) <= RECEIPT_COLUMNS, `${lang}: "${l}" is ${columnsOf(l)} columns`);
    }
  }
});

test('FIS-RCT-06: any business, address, product name or marking code still fits 32 columns', () => {
  const word = fc.string({ unit: fc.constantFrom(...'ҒғӢӣҚқӮӯҲҳҶҷабв ABC0123456789-«»\u001d'), minLength: 0, maxLength: 90 });
  fc.assert(
    fc.property(word, word, word, word, fc.integer({ min: 0, max: 10_000_000_000 }), (name, address, product, code, price) => {
      const r: PrintableReceipt = {
        ...sampleSale,
        business: { ...sampleSale.business, name },
        address,
        lines: [{ ...sampleSale.lines[0]!, name: product, markingCode: code, price, amount: price }],
      };
      for (const l of receiptText(r).split('\n')) assert.ok(columnsOf(l) <= RECEIPT_COLUMNS, `"${l}"`);
    }),
    { numRuns: 200 },
  );
});

test('FIS-RCT-09: the paper receipt is mostly in Tajik: its labels are the Tajik ones', () => {
  const labelsOnReceipt = Object.entries(RECEIPT_LABELS.tg).filter(([, v]) => text.includes(v.replace('{rate}%', '').trim()));
  assert.ok(labelsOnReceipt.length >= 20, `only ${labelsOnReceipt.length} Tajik labels printed`);
  for (const foreign of ['Итого', 'TOTAL', 'Fiscal sign', 'Фискальный']) assert.ok(!text.includes(foreign), foreign);
  // Letters of the printed rows (the QR code is a picture on paper), less the codes, which are Latin by nature.
  const rows = receiptLayout(sampleSale).flatMap((i) => (i.kind === 'text' ? [i.text.trim()] : []));
  const codes = [sampleSale.fiscalModuleNumber, ...sampleSale.lines.map((l) => printableText(markingOnReceipt(l)))];
  const letters = [...codes.reduce((s, d) => s.replaceAll(d.slice(0, 20), ''), rows.join('\n'))].filter((c) => /\p{L}/u.test(c));
  const cyrillic = letters.filter((c) => /\p{Script=Cyrillic}/u.test(c));
  assert.ok(cyrillic.length / letters.length > 0.9, `Cyrillic share ${cyrillic.length}/${letters.length}`);
});

test('FIS-RCT-24: the sale prints Dushanbe time, and the header shows sale, receipt and shift numbers', () => {
  assert.ok(lines.includes('Сана ва вақт 02.03.2026 09:10:05'));
  assert.ok(lines.some((l) => l.trim() === 'ФУРӮШ'));
  assert.ok(lines.includes(`Расид №${' '.repeat(RECEIPT_COLUMNS - 9)}17`));
  assert.ok(lines.some((l) => l.startsWith('Баст №') && l.endsWith(' 3')));
});

test('FIS-RCT-22: mixed payment prints the form, the cash and non-cash parts, cash received and change', () => {
  for (const [label, value] of [
    ['Нақдӣ', '44.48'],
    ['Ғайринақдӣ', '20.00'],
    ['Гирифта шуд', '60.00'],
    ['Бақия', '15.52'],
  ]) {
    assert.ok(
      lines.some((l) => l.startsWith(label!) && l.endsWith(` ${value}`)),
      `${label} ${value}`,
    );
  }
  assert.ok(text.includes('нақдӣ ва ғайринақдӣ'));
});

test('a refund names the original sale (module, number, fiscal sign, time, amount) and carries the offline mark (p.36)', () => {
  const refund = receiptText(sampleRefund);
  assert.ok(refund.includes('БАРГАРДОНИДАН'));
  assert.ok(refund.includes('Баргардонидан аз расиди:'));
  const after = refund.slice(refund.indexOf('Баргардонидан аз расиди:'));
  assert.ok(after.includes('0123456789') && after.includes('02.03.2026 09:10:05') && after.includes('64.48'));
  assert.ok(refund.includes('РЕҶАИ ОФЛАЙН'));
  assert.ok(!text.includes('РЕҶАИ ОФЛАЙН'), 'an online sale has no offline mark');
  assert.ok(refund.includes('МНХ-онлайн №'), 'an online register prints its manufacturer number label');
});

test('the layout has one QR item with the exact content, and bold rows for the title, total and fiscal sign', () => {
  const layout = receiptLayout(sampleSale);
  assert.deepEqual(
    layout.filter((i) => i.kind === 'qr'),
    [{ kind: 'qr', content: sampleSale.qrContent }],
  );
  const bold = layout.flatMap((i) => (i.kind === 'text' && i.isBold ? [i.text.trim()] : []));
  assert.ok(bold.includes('РАСИДИ ҲАЗИНАВӢ'));
  assert.ok(bold.some((b) => b.startsWith('ҲАМАГӢ')));
  assert.ok(bold.some((b) => b.startsWith('Аломати фискалӣ')));
});

test('wrap and row: words break at spaces, long words inside, values go under long labels', () => {
  assert.deepEqual(wrap('aaa bbb ccc', 7), ['aaa bbb', 'ccc']);
  assert.deepEqual(wrap('abcdefghij', 4), ['abcd', 'efgh', 'ij']);
  assert.deepEqual(row('Ҳамагӣ', '1.00', 12), ['Ҳамагӣ  1.00']);
  assert.deepEqual(row('Низоми соддакардашуда', '10.00', 12), ['Низоми', 'соддакардашу', 'да', '       10.00']);
  assert.equal(columnsOf('И\u0304'), 1);
});
