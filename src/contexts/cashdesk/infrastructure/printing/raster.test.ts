import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FONT_FILES, missingGlyphs, openFont, TAJIK_LETTERS } from './fonts.ts';
import { createRasteriser, packBits, RECEIPT_CELL } from './raster.ts';
import { receiptText } from './receipt-text.ts';
import { sampleRefund, sampleSale } from './sample-receipts.ts';

const DOTS_PER_MM = 203 / 25.4;
const rasteriser = createRasteriser(openFont(FONT_FILES.mono));

const inkRows = (text: string) => {
  const b = rasteriser.renderLine(text, { columns: 1 });
  const rows = [...Array(b.height).keys()].filter((y) => b.dots.subarray(y * b.width, (y + 1) * b.width).some(Boolean));
  return { b, top: Math.min(...rows), bottom: Math.max(...rows) };
};

test('FIS-IMP-38, FIS-RCT-09: the receipt fonts have every Tajik letter (Ғ ғ Ӣ ӣ Қ қ Ӯ ӯ Ҳ ҳ Ҷ ҷ) and every character of the samples', () => {
  for (const path of Object.values(FONT_FILES)) {
    const font = openFont(path);
    assert.deepEqual(missingGlyphs(font, TAJIK_LETTERS), [], path);
    assert.deepEqual(missingGlyphs(font, 'ЁЙЪЭЮЯ№×—«»'), [], path);
  }
  const mono = openFont(FONT_FILES.mono);
  for (const r of [sampleSale, sampleRefund])
    for (const lang of ['tg', 'ru', 'en'] as const) assert.deepEqual(missingGlyphs(mono, receiptText(r, { language: lang })), []);
});

test('FIS-RCT-07: capitals are drawn at least 2 mm high at 203 dpi', () => {
  for (const letter of ['Н', 'Ҳ', 'Қ', 'E', '0']) {
    const { top, bottom } = inkRows(letter);
    const heightMm = (bottom - top + 1) / DOTS_PER_MM;
    assert.ok(heightMm >= 2, `${letter}: ${heightMm.toFixed(2)} mm`);
  }
  assert.ok(RECEIPT_CELL.capHeight / DOTS_PER_MM >= 2);
});

test('FIS-RCT-08: each Tajik letter prints differently from the Russian letter it is built on, and inside its row', () => {
  const pairs = ['ҒГ', 'ғг', 'ӢИ', 'ӣи', 'ҚК', 'қк', 'ӮУ', 'ӯу', 'ҲХ', 'ҳх', 'ҶЧ', 'ҷч'];
  for (const [tajik, russian] of pairs.map((p) => [...p] as [string, string])) {
    const a = rasteriser.renderLine(tajik, { columns: 1 });
    const b = rasteriser.renderLine(russian, { columns: 1 });
    const differing = a.dots.reduce((n, dot, i) => n + (dot !== b.dots[i] ? 1 : 0), 0);
    assert.ok(differing >= 6, `${tajik} and ${russian} differ by ${differing} dots only`);
    const { top, bottom } = inkRows(tajik);
    assert.ok(top > 0 && bottom < a.height - 1, `${tajik} is cut at the row's edge`);
  }
});

test('bold rows carry more ink; rows are 32 cells of 12 dots, 384 dots, packed MSB first', () => {
  const plain = rasteriser.renderLine('ҲАМАГӢ');
  const bold = rasteriser.renderLine('ҲАМАГӢ', { isBold: true });
  const ink = (d: Uint8Array) => d.reduce((n, x) => n + x, 0);
  assert.ok(ink(bold.dots) > ink(plain.dots) * 1.2);
  assert.equal(plain.width, 384);
  const packed = packBits({ width: 10, height: 1, dots: Uint8Array.from([1, 0, 0, 0, 0, 0, 0, 1, 1, 0]) });
  assert.deepEqual([...packed.bytes], [0x81, 0x80]);
  assert.equal(packed.bytesPerRow, 2);
});
