/**
 * Draws receipt text as 1-bit dots from the outlines of a TTF font, for printers whose code pages
 * have no Tajik letters (docs/receipt-printing.md). A monospace font is scaled to a 12 × 30 dot cell,
 * the cell of a 58 mm, 203 dpi printer at 32 columns: capitals 18 dots (2.25 mm) high, FIS-RCT-07.
 * Outlines are flattened to polygons and filled by scanline with the non-zero rule, sampling each
 * dot at its centre; strokes are widened by one dot (bold: two), as printer fonts are.
 */
import type { Font, PathCommand } from 'fontkit';

/** A 1-bit image, one byte (0 or 1) per dot, rows top to bottom. */
export type Bitmap = { readonly width: number; readonly height: number; readonly dots: Uint8Array };

export type CellMetrics = {
  /** Dots per column. */
  readonly cellWidth: number;
  /** Dots per text row. */
  readonly lineHeight: number;
  /** Height of a capital letter in dots. */
  readonly capHeight: number;
};

/** 203 dpi, 384 dots across 48 mm: 32 columns of 12 dots; rows of 30 dots (3.75 mm). */
export const RECEIPT_CELL: CellMetrics = { cellWidth: 12, lineHeight: 30, capHeight: 18 };

type Point = readonly [number, number];
type Edge = { readonly x0: number; readonly y0: number; readonly x1: number; readonly y1: number; readonly dir: 1 | -1 };

const CURVE_STEPS = 8;

/** Turns path commands into closed polygons in dot coordinates. */
function polygons(commands: readonly PathCommand[], map: (x: number, y: number) => Point): Point[][] {
  const out: Point[][] = [];
  let current: Point[] = [];
  let last: Point = [0, 0];
  const close = () => {
    if (current.length > 2) out.push(current);
    current = [];
  };
  for (const { command, args } of commands) {
    const a = args;
    if (command === 'moveTo') {
      close();
      last = map(a[0]!, a[1]!);
      current.push(last);
    } else if (command === 'lineTo') {
      last = map(a[0]!, a[1]!);
      current.push(last);
    } else if (command === 'quadraticCurveTo') {
      const [p0, c, p] = [last, map(a[0]!, a[1]!), map(a[2]!, a[3]!)];
      for (let i = 1; i <= CURVE_STEPS; i++) {
        const t = i / CURVE_STEPS;
        const u = 1 - t;
        current.push([u * u * p0[0] + 2 * u * t * c[0] + t * t * p[0], u * u * p0[1] + 2 * u * t * c[1] + t * t * p[1]]);
      }
      last = p;
    } else if (command === 'bezierCurveTo') {
      const [p0, c1, c2, p] = [last, map(a[0]!, a[1]!), map(a[2]!, a[3]!), map(a[4]!, a[5]!)];
      for (let i = 1; i <= CURVE_STEPS; i++) {
        const t = i / CURVE_STEPS;
        const u = 1 - t;
        const [k0, k1, k2, k3] = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t];
        current.push([k0 * p0[0] + k1 * c1[0] + k2 * c2[0] + k3 * p[0], k0 * p0[1] + k1 * c1[1] + k2 * c2[1] + k3 * p[1]]);
      }
      last = p;
    } else close();
  }
  close();
  return out;
}

function edgesOf(polys: readonly Point[][]): Edge[] {
  const edges: Edge[] = [];
  for (const poly of polys) {
    for (let i = 0; i < poly.length; i++) {
      const [ax, ay] = poly[i]!;
      const [bx, by] = poly[(i + 1) % poly.length]!;
      if (ay === by) continue;
      edges.push(ay < by ? { x0: ax, y0: ay, x1: bx, y1: by, dir: 1 } : { x0: bx, y0: by, x1: ax, y1: ay, dir: -1 });
    }
  }
  return edges;
}

/** Fills the polygons into the bitmap (non-zero winding, dot centres). */
function fill(target: Bitmap, edges: readonly Edge[]): void {
  for (let y = 0; y < target.height; y++) {
    const sy = y + 0.5;
    const crossings: { x: number; dir: number }[] = [];
    for (const e of edges) {
      if (sy < e.y0 || sy >= e.y1) continue;
      crossings.push({ x: e.x0 + ((sy - e.y0) * (e.x1 - e.x0)) / (e.y1 - e.y0), dir: e.dir });
    }
    crossings.sort((a, b) => a.x - b.x);
    let winding = 0;
    for (let i = 0; i < crossings.length - 1; i++) {
      winding += crossings[i]!.dir;
      if (winding === 0) continue;
      const from = Math.max(0, Math.ceil(crossings[i]!.x - 0.5));
      const to = Math.min(target.width - 1, Math.floor(crossings[i + 1]!.x - 0.5));
      for (let x = from; x <= to; x++) target.dots[y * target.width + x] = 1;
    }
  }
}

export type TextRasteriser = {
  readonly metrics: CellMetrics;
  /** One text row, `columns` cells wide, left to right; characters beyond the width are cut. */
  renderLine(text: string, options?: { readonly isBold?: boolean; readonly columns?: number }): Bitmap;
};

/** A rasteriser over a monospace font, glyphs scaled independently across and down to the cell. */
export function createRasteriser(font: Font, metrics: CellMetrics = RECEIPT_CELL): TextRasteriser {
  const advance = font.glyphForCodePoint(0x48).advanceWidth;
  const sx = metrics.cellWidth / advance;
  const sy = metrics.capHeight / font.capHeight;
  const baseline = Math.min(metrics.lineHeight - 1, Math.ceil(font.ascent * sy));
  const glyphEdges = new Map<number, Edge[]>();
  const edgesFor = (codePoint: number): Edge[] => {
    let edges = glyphEdges.get(codePoint);
    if (!edges) {
      const glyph = font.glyphForCodePoint(codePoint);
      edges = edgesOf(polygons(glyph.path.commands, (x, y) => [x * sx, baseline - y * sy]));
      glyphEdges.set(codePoint, edges);
    }
    return edges;
  };
  return {
    metrics,
    renderLine(text, options = {}) {
      const columns = options.columns ?? 32;
      const bitmap: Bitmap = {
        width: columns * metrics.cellWidth,
        height: metrics.lineHeight,
        dots: new Uint8Array(columns * metrics.cellWidth * metrics.lineHeight),
      };
      const chars = [...text.normalize('NFC')].slice(0, columns);
      chars.forEach((char, i) => {
        if (char === ' ') return;
        // Half a dot to the left: the one-dot widening below then keeps the glyph centred in its cell.
        const ox = i * metrics.cellWidth - 0.5;
        fill(
          bitmap,
          edgesFor(char.codePointAt(0)!).map((e) => ({ ...e, x0: e.x0 + ox, x1: e.x1 + ox })),
        );
      });
      // One-dot outlines fade on thermal paper: every stroke gets one dot more to the right, as
      // printer fonts are drawn; bold gets one more (FIS-RCT-08, legibility).
      dilate(bitmap, 1, 0);
      if (options.isBold) dilate(bitmap, 1, 0);
      return bitmap;
    },
  };
}

/** Overprints every dot `dx` dots to its right and `dy` dots below (dx, dy ∈ {0, 1}). */
function dilate(b: Bitmap, dx: number, dy: number): void {
  for (let y = b.height - 1; y >= dy; y--) {
    for (let x = b.width - 1; x >= dx; x--) {
      if (b.dots[(y - dy) * b.width + x - dx]) b.dots[y * b.width + x] = 1;
    }
  }
}

/** Packs a bitmap MSB first, `ceil(width / 8)` bytes a row, 1 = black, as ESC/POS raster wants. */
export function packBits(b: Bitmap): { readonly bytesPerRow: number; readonly bytes: Uint8Array } {
  const bytesPerRow = Math.ceil(b.width / 8);
  const bytes = new Uint8Array(bytesPerRow * b.height);
  for (let y = 0; y < b.height; y++) {
    for (let x = 0; x < b.width; x++) {
      if (b.dots[y * b.width + x]) bytes[y * bytesPerRow + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
  return { bytesPerRow, bytes };
}

/** The bitmap as PBM text (P1), for looking at a line in a test failure or a preview. */
export function toPbm(b: Bitmap): string {
  const rows: string[] = [];
  for (let y = 0; y < b.height; y++) rows.push(Array.from(b.dots.subarray(y * b.width, (y + 1) * b.width)).join(''));
  return `P1\n${b.width} ${b.height}\n${rows.join('\n')}\n`;
}
