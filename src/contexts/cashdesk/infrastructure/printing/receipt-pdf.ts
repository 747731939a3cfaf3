/**
 * The receipt as a PDF page exactly 58 mm wide and as tall as the receipt: the same 32-column layout
 * as the paper receipt (receipt-text.ts), so the PDF and the paper carry the same data (FIS-RCT-04),
 * drawn in PT Mono, which has every Tajik letter (FIS-RCT-09, stack.md trap 15). Capitals are
 * 2.2 mm high (FIS-RCT-07: at least 2 mm), the QR code is drawn as vector squares 32 mm wide
 * (FIS-RCT-28: at least 30 × 30 mm), the page is 58 mm wide (FIS-RCT-06: at least 55 mm).
 */
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { Language } from '../../../../platform/i18n.ts';
import { FONT_FILES, openFont } from './fonts.ts';
import { formatDushanbeTime, type PrintableReceipt, RECEIPT_LABELS } from './printable-receipt.ts';
import { RECEIPT_COLUMNS, type ReceiptLayout, receiptLayout } from './receipt-text.ts';

const PT_PER_MM = 72 / 25.4;

/** The page and type sizes, in millimetres. */
export const PDF_RECEIPT = {
  widthMm: 58,
  marginMm: 2,
  capHeightMm: 2.2,
  qrSideMm: 32,
  /** White space above and below the QR code: its quiet zone (4 modules and more). */
  qrGapMm: 4,
} as const;

type Geometry = { fontSizePt: number; lineHeightPt: number; horizontalScaling: number; heightPt: number };

function geometry(layout: ReceiptLayout): Geometry {
  const font = openFont(FONT_FILES.mono);
  const fontSizeMm = PDF_RECEIPT.capHeightMm / (font.capHeight / font.unitsPerEm);
  const advanceMm = (fontSizeMm * font.glyphForCodePoint(0x48).advanceWidth) / font.unitsPerEm;
  const columnMm = (PDF_RECEIPT.widthMm - 2 * PDF_RECEIPT.marginMm) / RECEIPT_COLUMNS;
  const lineHeightMm = fontSizeMm * 1.2;
  const textRows = layout.filter((i) => i.kind === 'text').length;
  const qrCount = layout.length - textRows;
  const heightMm = 2 * PDF_RECEIPT.marginMm + textRows * lineHeightMm + qrCount * (PDF_RECEIPT.qrSideMm + 2 * PDF_RECEIPT.qrGapMm);
  return {
    fontSizePt: fontSizeMm * PT_PER_MM,
    lineHeightPt: lineHeightMm * PT_PER_MM,
    horizontalScaling: Math.min(100, (100 * columnMm) / advanceMm),
    heightPt: heightMm * PT_PER_MM,
  };
}

/** Draws the QR code's dark modules as squares, `sidePt` wide, top-left at (x, y). */
function drawQr(doc: PDFKit.PDFDocument, content: string, x: number, y: number, sidePt: number): void {
  const { modules } = QRCode.create(content, { errorCorrectionLevel: 'M' });
  const m = sidePt / modules.size;
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) if (modules.get(row, col)) doc.rect(x + col * m, y + row * m, m, m);
  }
  doc.fillColor('black').fill();
}

/** The receipt as a PDF (a Buffer), one page 58 mm wide, in Tajik unless another language is asked for. */
export function receiptPdf(r: PrintableReceipt, options: { readonly language?: Language } = {}): Promise<Buffer> {
  const language = options.language ?? 'tg';
  const layout = receiptLayout(r, { language, columns: RECEIPT_COLUMNS });
  const g = geometry(layout);
  const widthPt = PDF_RECEIPT.widthMm * PT_PER_MM;
  const margin = PDF_RECEIPT.marginMm * PT_PER_MM;
  const t = RECEIPT_LABELS[language];
  const doc = new PDFDocument({
    size: [widthPt, g.heightPt],
    margin: 0,
    lang: language,
    displayTitle: true,
    font: FONT_FILES.mono,
    info: {
      Title: `${t.title} ${t.receiptNumber}${r.receiptNumber}, ${t.fiscalSign} ${r.fiscalSign}`,
      Subject: `${r.business.name}, ${formatDushanbeTime(r.issuedAt)}`,
      Creator: 'Bekogaz',
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font(FONT_FILES.mono).fontSize(g.fontSizePt).fillColor('black').strokeColor('black').lineWidth(0.25);
  // pdfkit 0.20 applies `horizontalScaling` (PDF Tz) but its type definitions do not list it.
  const textOptions = (isBold: boolean) =>
    ({ lineBreak: false, horizontalScaling: g.horizontalScaling, fill: true, stroke: isBold }) as PDFKit.Mixins.TextOptions;
  let y = margin;
  for (const item of layout) {
    if (item.kind === 'text') {
      if (item.text.trim()) doc.text(item.text, margin, y, textOptions(item.isBold));
      y += g.lineHeightPt;
    } else {
      const side = PDF_RECEIPT.qrSideMm * PT_PER_MM;
      y += PDF_RECEIPT.qrGapMm * PT_PER_MM;
      drawQr(doc, item.content, (widthPt - side) / 2, y, side);
      y += side + PDF_RECEIPT.qrGapMm * PT_PER_MM;
    }
  }
  doc.end();
  return done;
}
