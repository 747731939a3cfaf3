/**
 * The PDF is checked as a person would: rendered to PNG by poppler's pdftoppm (Debian poppler-utils,
 * installed by .ci/run) and measured by pixels, its text read back by pdftotext, its QR code decoded.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { FONT_FILES, openFont, TAJIK_LETTERS } from './fonts.ts';
import type { PrintableReceipt } from './printable-receipt.ts';
import { missingP9Fields } from './receipt-fields.ts';
import { PDF_RECEIPT, receiptPdf } from './receipt-pdf.ts';
import { receiptLayout } from './receipt-text.ts';
import { sampleRefund, sampleSale } from './sample-receipts.ts';

const DPI = 300;
const mm = (px: number) => (px * 25.4) / DPI;
const dir = mkdtempSync(join(tmpdir(), 'bekogaz-receipt-pdf-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function poppler(tool: string, args: string[]): string {
  try {
    return execFileSync(tool, args, { encoding: 'utf8' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`${tool} is missing: apt-get install -y poppler-utils (.ci/run does)`);
    throw error;
  }
}

type Rendered = { pdf: string; png: PNG; text: string; info: string; fonts: string };

async function render(r: PrintableReceipt, name: string): Promise<Rendered> {
  const pdf = join(dir, `${name}.pdf`);
  writeFileSync(pdf, await receiptPdf(r));
  poppler('pdftoppm', ['-r', String(DPI), '-png', '-singlefile', pdf, join(dir, name)]);
  return {
    pdf,
    png: PNG.sync.read(readFileSync(join(dir, `${name}.png`))),
    text: poppler('pdftotext', ['-enc', 'UTF-8', pdf, '-']),
    info: poppler('pdfinfo', [pdf]),
    fonts: poppler('pdffonts', [pdf]),
  };
}

const isDark = (png: PNG, x: number, y: number) => png.data[(y * png.width + x) * 4]! < 128;
const darkRows = (png: PNG, from = 0, to = png.height) => {
  const rows: number[] = [];
  for (let y = from; y < to; y++) {
    for (let x = 0; x < png.width; x++) {
      if (isDark(png, x, y)) {
        rows.push(y);
        break;
      }
    }
  }
  return rows;
};

/** The tallest run of rows with ink: the QR code (text rows are about 3 mm). */
function tallestBand(png: PNG): { top: number; bottom: number; left: number; right: number } {
  let best = { top: 0, bottom: -1 };
  let start = -1;
  let prev = -2;
  for (const y of [...darkRows(png), -10]) {
    if (y !== prev + 1) {
      if (start >= 0 && prev - start > best.bottom - best.top) best = { top: start, bottom: prev };
      start = y;
    }
    prev = y;
  }
  let [left, right] = [png.width, -1];
  for (let y = best.top; y <= best.bottom; y++) {
    for (let x = 0; x < png.width; x++) {
      if (!isDark(png, x, y)) continue;
      left = Math.min(left, x);
      right = Math.max(right, x);
    }
  }
  return { ...best, left, right };
}

const sale = await render(sampleSale, 'sale');
const refund = await render(sampleRefund, 'refund');

test('FIS-RCT-06: the PDF page is exactly 58 mm wide (at least 55 mm), by its page box and by its pixels', () => {
  const [, w] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(sale.info) ?? [];
  assert.ok(Math.abs((Number(w) * 25.4) / 72 - 58) < 0.01, sale.info);
  assert.ok(mm(sale.png.width) >= 55 && mm(sale.png.width) <= 58.2, `${mm(sale.png.width)} mm`);
});

test('FIS-RCT-27, FIS-RCT-28: the QR code in the PDF is at least 30 × 30 mm by its black modules and decodes to the content', () => {
  for (const [r, rendered] of [
    [sampleSale, sale],
    [sampleRefund, refund],
  ] as const) {
    const band = tallestBand(rendered.png);
    const [w, h] = [mm(band.right - band.left + 1), mm(band.bottom - band.top + 1)];
    assert.ok(w >= 30 && h >= 30, `QR ${w.toFixed(1)} × ${h.toFixed(1)} mm`);
    assert.ok(Math.abs(w - h) < 0.5, 'square');
    const { png } = rendered;
    const decoded = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height);
    assert.equal(decoded?.data, r.qrContent);
  }
});

test('FIS-RCT-10: every p.9 field is in the PDF text (the QR code is decoded above), for a sale and a refund', () => {
  assert.deepEqual(
    missingP9Fields(sale.text, sampleSale, { qrAsImage: true }).map((f) => f.id),
    [],
  );
  assert.deepEqual(
    missingP9Fields(refund.text, sampleRefund, { qrAsImage: true }).map((f) => f.id),
    [],
  );
  const squashed = refund.text.replace(/\s+/g, '');
  for (const s of ['БАРГАРДОНИДАН', 'Баргардониданазрасиди', 'РЕҶАИОФЛАЙН', sampleRefund.refundOf!.fiscalSign]) assert.ok(squashed.includes(s), s);
});

test('FIS-RCT-09, FIS-IMP-38: the PDF embeds PT Mono, which has every Tajik letter, and its text keeps them', () => {
  assert.match(sale.fonts, /PTMono-Regular\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
  assert.equal(sale.fonts.trim().split('\n').length, 3, 'one font only');
  for (const letter of TAJIK_LETTERS) assert.ok(openFont(FONT_FILES.mono).hasGlyphForCodePoint(letter.codePointAt(0)!), letter);
  for (const letter of 'ҒӢҚӮҲҶғӣқӯҳҷ') assert.ok(sale.text.includes(letter), `${letter} in the PDF text`);
});

test('FIS-RCT-07: capitals in the PDF are at least 2 mm high, by the font metrics and by pixels', () => {
  const font = openFont(FONT_FILES.mono);
  assert.ok(PDF_RECEIPT.capHeightMm >= 2);
  // "Баст №  3": capitals, small letters without descenders and digits; its ink is a capital high.
  const layout = receiptLayout(sampleSale);
  const index = layout.findIndex((i) => i.kind === 'text' && i.text.startsWith('Баст №'));
  const fontSizeMm = PDF_RECEIPT.capHeightMm / (font.capHeight / font.unitsPerEm);
  const rowMm = fontSizeMm * 1.2;
  const top = Math.round(((PDF_RECEIPT.marginMm + index * rowMm) * DPI) / 25.4);
  const rows = darkRows(sale.png, top, top + Math.round((rowMm * DPI) / 25.4));
  const heightMm = mm(rows.at(-1)! - rows[0]! + 1);
  assert.ok(heightMm >= 2 && heightMm < 3, `${heightMm.toFixed(2)} mm`);
});
