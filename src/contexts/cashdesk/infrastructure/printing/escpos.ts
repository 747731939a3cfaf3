/**
 * The receipt as ESC/POS bytes for a 58 mm, 203 dpi thermal printer (384 dots across).
 *
 * Tajik letters (Ғ Ӣ Қ Ӯ Ҳ Ҷ and their small forms) are in no ESC/POS code page that common
 * printers carry (PC866 and WPC1251 lack them), so text is not sent as characters: each text row
 * is drawn here from PT Mono's outlines (raster.ts) and sent as a raster image, `GS v 0`. Every
 * printer that prints images then prints every letter right, at the size we chose (FIS-RCT-07,
 * FIS-RCT-08, FIS-RCT-09), at the cost of bytes (about 1.4 KB a row). The QR code is the
 * printer's own `GS ( k` model 2 symbol, sized so that it is at least 30 mm (FIS-RCT-28).
 * docs/receipt-printing.md explains the choice.
 */
import QRCode from 'qrcode';
import type { Language } from '../../../../platform/i18n.ts';
import { FONT_FILES, openFont } from './fonts.ts';
import type { PrintableReceipt } from './printable-receipt.ts';
import { type Bitmap, createRasteriser, packBits, type TextRasteriser } from './raster.ts';
import { RECEIPT_COLUMNS, receiptLayout } from './receipt-text.ts';

const ESC = 0x1b;
const GS = 0x1d;
const LF = 0x0a;

/** Dots per millimetre at 203 dpi. */
export const DOTS_PER_MM = 203 / 25.4;
/** Printable width of a 58 mm printer. */
export const PRINT_WIDTH_DOTS = 384;
/** The QR code is made at least this wide, above the 30 mm of p.9 so that a 200 dpi head still makes 30 mm. */
export const QR_TARGET_MM = 32;

export const escpos = {
  /** ESC @: initialise the printer. */
  init: () => [ESC, 0x40],
  /** ESC a n: 0 left, 1 centre, 2 right. */
  align: (where: 'left' | 'center' | 'right') => [ESC, 0x61, { left: 0, center: 1, right: 2 }[where]],
  /** ESC E n: bold on or off (for printer text; raster rows are drawn bold instead). */
  bold: (on: boolean) => [ESC, 0x45, on ? 1 : 0],
  /** ESC J n: feed n dots. */
  feedDots: (n: number) => [ESC, 0x4a, n],
  /** ESC d n: print and feed n lines. */
  feedLines: (n: number) => [ESC, 0x64, n],
  /** GS V 66 n: feed n units and cut partially (printers without a cutter ignore it). */
  cut: (feed = 3) => [GS, 0x56, 66, feed],
} as const;

/** GS v 0: a raster image, `bytesPerRow` × `rows`, MSB first, 1 = black. */
export function rasterImage(bitmap: Bitmap): Uint8Array {
  const { bytesPerRow, bytes } = packBits(bitmap);
  const head = [GS, 0x76, 0x30, 0, bytesPerRow & 0xff, bytesPerRow >> 8, bitmap.height & 0xff, bitmap.height >> 8];
  const out = new Uint8Array(head.length + bytes.length);
  out.set(head);
  out.set(bytes, head.length);
  return out;
}

/** Modules across the smallest QR symbol that holds `content` at level M (what a printer may choose). */
export const qrModules = (content: string): number => QRCode.create(content, { errorCorrectionLevel: 'M' }).modules.size;

/**
 * The module size in dots for `GS ( k` so that even the smallest symbol for the content is at least
 * `QR_TARGET_MM` wide; a printer that picks a larger version prints it larger still.
 */
export function qrModuleDots(content: string): number {
  const modules = qrModules(content);
  const wanted = Math.ceil((QR_TARGET_MM * DOTS_PER_MM) / modules);
  const fits = Math.floor(PRINT_WIDTH_DOTS / (modules + 4));
  if (wanted > fits) throw new RangeError(`a QR code of ${modules} modules cannot be ${QR_TARGET_MM} mm wide on ${PRINT_WIDTH_DOTS} dots`);
  return Math.min(16, wanted);
}

/** GS ( k: select model 2, module size, level M, store the content, print it (the symbol centred). */
export function qrCommands(content: string): Uint8Array {
  const data = new TextEncoder().encode(content);
  const storeLength = data.length + 3;
  if (storeLength > 0xffff) throw new RangeError('QR content too long');
  const fn = (cn: number, ...rest: number[]) => [GS, 0x28, 0x6b, rest.length + 1, 0, cn, ...rest];
  return Uint8Array.from([
    ...escpos.align('center'),
    ...fn(0x31, 0x41, 50, 0), // function 165: model 2
    ...fn(0x31, 0x43, qrModuleDots(content)), // function 167: module size in dots
    ...fn(0x31, 0x45, 49), // function 169: error correction M
    ...[GS, 0x28, 0x6b, storeLength & 0xff, storeLength >> 8, 0x31, 0x50, 0x30, ...data], // function 180: store
    ...fn(0x31, 0x51, 0x30), // function 181: print
    LF,
    ...escpos.align('left'),
  ]);
}

/** Trims a row image to the bytes that hold ink, so a short row sends fewer bytes. */
function trimRight(b: Bitmap): Bitmap {
  let last = -1;
  for (let y = 0; y < b.height; y++) for (let x = b.width - 1; x > last; x--) if (b.dots[y * b.width + x]) last = x;
  const width = Math.max(8, Math.ceil((last + 1) / 8) * 8);
  const dots = new Uint8Array(width * b.height);
  for (let y = 0; y < b.height; y++) dots.set(b.dots.subarray(y * b.width, y * b.width + Math.min(width, b.width)), y * width);
  return { width, height: b.height, dots };
}

let defaultRasteriser: TextRasteriser | undefined;

/**
 * The receipt for a 58 mm ESC/POS printer: initialise, text rows as raster images (bold rows drawn
 * bold), the QR code centred by the printer, feed and cut.
 */
export function receiptEscPos(r: PrintableReceipt, options: { readonly language?: Language; readonly rasteriser?: TextRasteriser } = {}): Uint8Array {
  const rasteriser = options.rasteriser ?? (defaultRasteriser ??= createRasteriser(openFont(FONT_FILES.mono)));
  const parts: Uint8Array[] = [Uint8Array.from([...escpos.init(), ...escpos.align('left')])];
  for (const item of receiptLayout(r, { language: options.language ?? 'tg', columns: RECEIPT_COLUMNS })) {
    if (item.kind === 'qr') parts.push(Uint8Array.from(escpos.feedDots(16)), qrCommands(item.content), Uint8Array.from(escpos.feedDots(16)));
    else if (item.text.trim() === '') parts.push(Uint8Array.from(escpos.feedDots(rasteriser.metrics.lineHeight)));
    else parts.push(rasterImage(trimRight(rasteriser.renderLine(item.text, { isBold: item.isBold, columns: RECEIPT_COLUMNS }))));
  }
  parts.push(Uint8Array.from([...escpos.feedLines(3), ...escpos.cut()]));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
