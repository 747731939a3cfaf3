import assert from 'node:assert/strict';
import { test } from 'node:test';
import jsQR from 'jsqr';
import QRCode from 'qrcode';
import { DOTS_PER_MM, PRINT_WIDTH_DOTS, qrCommands, qrModuleDots, qrModules, receiptEscPos } from './escpos.ts';
import { FONT_FILES, openFont } from './fonts.ts';
import { createRasteriser } from './raster.ts';
import { receiptLayout } from './receipt-text.ts';
import { sampleRefund, sampleSale } from './sample-receipts.ts';

/**
 * A virtual 58 mm printer for the commands escpos.ts sends: it fails on any other byte, stacks the
 * raster rows and draws the QR code the way a printer does (the smallest level-M symbol, the given
 * module size, centred), so the tests can look at the paper.
 */
function print(bytes: Uint8Array) {
  const rows: Uint8Array[] = [];
  const qr: { content: string; moduleDots: number; level: number; model: number; top: number; side: number }[] = [];
  const blank = (n: number) => {
    for (let i = 0; i < n; i++) rows.push(new Uint8Array(PRINT_WIDTH_DOTS));
  };
  let i = 0;
  let align = 0;
  let moduleDots = 3;
  let level = 48;
  let model = 50;
  let stored = '';
  let isCut = false;
  const at = (k: number) => bytes[i + k]!;
  while (i < bytes.length) {
    if (at(0) === 0x1b && at(1) === 0x40) i += 2;
    else if (at(0) === 0x1b && at(1) === 0x61) {
      align = at(2);
      i += 3;
    } else if (at(0) === 0x1b && at(1) === 0x4a) {
      blank(at(2));
      i += 3;
    } else if (at(0) === 0x1b && at(1) === 0x64) {
      blank(at(2) * 30);
      i += 3;
    } else if (at(0) === 0x0a) i += 1;
    else if (at(0) === 0x1d && at(1) === 0x56 && at(2) === 66) {
      isCut = true;
      i += 4;
    } else if (at(0) === 0x1d && at(1) === 0x76 && at(2) === 0x30) {
      const [w, h] = [at(4) + at(5) * 256, at(6) + at(7) * 256];
      assert.ok(align === 0 && w * 8 <= PRINT_WIDTH_DOTS, 'raster rows are left-aligned and within 384 dots');
      for (let y = 0; y < h; y++) {
        const row = new Uint8Array(PRINT_WIDTH_DOTS);
        for (let x = 0; x < w * 8; x++) row[x] = (at(8 + y * w + (x >> 3)) >> (7 - (x & 7))) & 1;
        rows.push(row);
      }
      i += 8 + w * h;
    } else if (at(0) === 0x1d && at(1) === 0x28 && at(2) === 0x6b) {
      const len = at(3) + at(4) * 256;
      const [cn, fn] = [at(5), at(6)];
      assert.equal(cn, 0x31, 'QR code functions');
      if (fn === 0x41) model = at(7);
      else if (fn === 0x43) moduleDots = at(7);
      else if (fn === 0x45) level = at(7);
      else if (fn === 0x50) stored = new TextDecoder().decode(bytes.subarray(i + 8, i + 5 + len));
      else if (fn === 0x51) {
        assert.equal(align, 1, 'the QR code is centred');
        const { modules } = QRCode.create(stored, { errorCorrectionLevel: 'M' });
        const side = modules.size * moduleDots;
        const left = Math.floor((PRINT_WIDTH_DOTS - side) / 2);
        qr.push({ content: stored, moduleDots, level, model, top: rows.length, side });
        for (let y = 0; y < side; y++) {
          const row = new Uint8Array(PRINT_WIDTH_DOTS);
          for (let x = 0; x < side; x++) row[left + x] = modules.get(Math.floor(y / moduleDots), Math.floor(x / moduleDots));
          rows.push(row);
        }
      } else assert.fail(`unknown QR function ${fn}`);
      i += 5 + len;
    } else assert.fail(`unexpected byte 0x${at(0).toString(16)} at ${i}`);
  }
  return { rows, qr, isCut };
}

/** The paper as RGBA for jsQR. */
function rgba(rows: readonly Uint8Array[]): Uint8ClampedArray {
  const out = new Uint8ClampedArray(rows.length * PRINT_WIDTH_DOTS * 4).fill(255);
  rows.forEach((row, y) => {
    row.forEach((dot, x) => {
      if (dot) out.fill(0, (y * PRINT_WIDTH_DOTS + x) * 4, (y * PRINT_WIDTH_DOTS + x) * 4 + 3);
    });
  });
  return out;
}

const bytes = receiptEscPos(sampleSale);

test('FIS-RCT-27: the ESC/POS bytes hold the QR command (model 2, store) with the exact content', () => {
  const content = new TextEncoder().encode(sampleSale.qrContent);
  const n = content.length + 3;
  const store = Buffer.from([0x1d, 0x28, 0x6b, n & 0xff, n >> 8, 0x31, 0x50, 0x30, ...content]);
  assert.ok(Buffer.from(bytes).includes(store), 'GS ( k store with the content');
  assert.ok(Buffer.from(bytes).includes(Buffer.from([0x1d, 0x28, 0x6b, 4, 0, 0x31, 0x41, 50, 0])), 'model 2');
  assert.ok(Buffer.from(bytes).includes(Buffer.from([0x1d, 0x28, 0x6b, 3, 0, 0x31, 0x51, 0x30])), 'print the symbol');
  const paper = print(bytes);
  assert.deepEqual(
    paper.qr.map((q) => [q.content, q.model, q.level]),
    [[sampleSale.qrContent, 50, 49]],
  );
});

test('FIS-RCT-28: the QR code prints at least 30 mm wide on a 203 dpi printer, and within the 48 mm print width', () => {
  for (const content of [sampleSale.qrContent, 'x', `https://check.bekogaz.tj/r?${'a'.repeat(400)}`]) {
    const dots = qrModuleDots(content);
    const smallest = qrModules(content) * dots;
    const byteMode = QRCode.create([{ data: Buffer.from(content), mode: 'byte' }], { errorCorrectionLevel: 'M' }).modules.size * dots;
    assert.ok(smallest / DOTS_PER_MM >= 30, `${content.length} chars: ${(smallest / DOTS_PER_MM).toFixed(1)} mm`);
    assert.ok(byteMode <= PRINT_WIDTH_DOTS, `${content.length} chars in byte mode: ${byteMode} dots`);
  }
  assert.ok(Buffer.from(qrCommands(sampleSale.qrContent)).includes(Buffer.from([0x1d, 0x28, 0x6b, 3, 0, 0x31, 0x43, qrModuleDots(sampleSale.qrContent)])));
});

test('FIS-RCT-27, FIS-RCT-28: on the virtual printer the QR code decodes to the content and measures at least 30 × 30 mm', () => {
  for (const r of [sampleSale, sampleRefund]) {
    const paper = print(receiptEscPos(r));
    const [q] = paper.qr;
    assert.ok(q && q.side / DOTS_PER_MM >= 30);
    const decoded = jsQR(rgba(paper.rows), PRINT_WIDTH_DOTS, paper.rows.length);
    assert.equal(decoded?.data, r.qrContent);
    const width = decoded!.location.topRightCorner.x - decoded!.location.topLeftCorner.x;
    const height = decoded!.location.bottomLeftCorner.y - decoded!.location.topLeftCorner.y;
    assert.ok(width / DOTS_PER_MM >= 30 && height / DOTS_PER_MM >= 30, `${(width / DOTS_PER_MM).toFixed(1)} × ${(height / DOTS_PER_MM).toFixed(1)} mm`);
  }
});

test('FIS-RCT-09, FIS-IMP-38: Tajik text is printed as raster rows, never as code-page bytes, row for row as drawn', () => {
  const paper = print(bytes);
  assert.equal(Buffer.from(bytes).indexOf(Buffer.from('ҲАМАГӢ')), -1, 'no UTF-8 text');
  assert.equal(Buffer.from(bytes).indexOf(Buffer.from('15.52')), -1, 'no text commands at all (15.52 is the change)');
  const layout = receiptLayout(sampleSale);
  const rasteriser = createRasteriser(openFont(FONT_FILES.mono));
  const totalRow = layout.findIndex((item) => item.kind === 'text' && item.text.startsWith('ҲАМАГӢ'));
  const item = layout[totalRow]!;
  assert.ok(item.kind === 'text');
  const expected = rasteriser.renderLine(item.text, { isBold: item.isBold });
  const top = totalRow * rasteriser.metrics.lineHeight;
  for (let y = 0; y < expected.height; y++)
    assert.deepEqual([...paper.rows[top + y]!], [...expected.dots.subarray(y * expected.width, (y + 1) * expected.width)]);
});

test('the stream initialises the printer first and feeds and cuts last', () => {
  assert.deepEqual([...bytes.subarray(0, 2)], [0x1b, 0x40]);
  assert.deepEqual([...bytes.subarray(-4)], [0x1d, 0x56, 66, 3]);
  assert.ok(print(bytes).isCut);
});
