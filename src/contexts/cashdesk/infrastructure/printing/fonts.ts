/**
 * Receipt fonts: TTF files from npm that hold every Tajik letter (research/stack.md, trap 15).
 * PT Mono draws the 32-column receipt on paper and in the PDF; Noto Sans is the proportional
 * face for anything else. DejaVu Sans Mono lacks Ҷ ҷ and JetBrains Mono lacks all twelve letters,
 * so neither is used; WOFF2 files crash pdfkit's subsetter, so only TTF is loaded.
 */
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';

const require = createRequire(import.meta.url);

/** The twelve letters of the Tajik alphabet that Russian lacks (FIS-IMP-38). */
export const TAJIK_LETTERS = 'ҒғӢӣҚқӮӯҲҳҶҷ';

export const FONT_FILES = {
  /** PT Mono Regular: 600/1000 em advance, capitals 700/1000 em. */
  mono: require.resolve('@expo-google-fonts/pt-mono/400Regular/PTMono_400Regular.ttf'),
  sans: require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'),
  sansBold: require.resolve('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf'),
} as const;

const cache = new Map<string, fontkit.Font>();

/** Opens a TTF once per process. */
export function openFont(path: string): fontkit.Font {
  let font = cache.get(path);
  if (!font) {
    const opened = fontkit.openSync(path);
    if (!('glyphForCodePoint' in opened)) throw new Error(`${path} is a font collection, not a font`);
    font = opened;
    cache.set(path, font);
  }
  return font;
}

/** The characters of `text` that the font has no glyph for (it would print a box). */
export function missingGlyphs(font: fontkit.Font, text: string): string[] {
  return [...new Set(text.normalize('NFC'))].filter((c) => /\P{M}/u.test(c) && !/\s/.test(c) && !font.hasGlyphForCodePoint(c.codePointAt(0)!));
}
