import { checkGtin } from '../../../platform/gs1.ts';

/**
 * Barcode scanners in keyboard mode (p.65 item 7, p.68 item 6: the register supports barcode
 * equipment; p.65 item 6, p.68 item 5: GS1 product codes). A scanner "types" the code as a burst of
 * keystrokes a few milliseconds apart and ends with Enter; a person types the same characters much
 * more slowly. This reducer tells the two apart from the key events' times (passed in: no clock).
 */

export type KeyEvent = { readonly key: string; readonly atMs: number };

export type ScannerPolicy = {
  /** Longest gap between two keystrokes of a scan (scanners send one every few ms; people 100 ms or more). */
  readonly maxGapMs: number;
  /** Fewest characters in a scan: the shortest GTIN has 8 digits. */
  readonly minLength: number;
  /** Longest input kept; anything longer is cut (a stuck key must not fill memory). */
  readonly maxLength: number;
};

export const DEFAULT_SCANNER_POLICY: ScannerPolicy = { maxGapMs: 35, minLength: 8, maxLength: 256 };

export type BarcodeState = { readonly keys: readonly KeyEvent[] };
export const initialBarcodeState: BarcodeState = { keys: [] };

/**
 * What one Enter yields:
 * - `gtin`: a fast burst of digits that is a valid GTIN-8/12/13/14 (its 14-digit form for lookups);
 * - `gtin_invalid`: a fast burst of 8, 12, 13 or 14 digits whose check digit or length is wrong (a misread: scan again);
 * - `code`: a fast burst that is not a GTIN: a marking code (GS1 DataMatrix) or the shop's own code;
 * - `typed`: text typed by a person (slow keystrokes, or too short for a scan), for the field that has focus.
 */
export type BarcodeOutput =
  | { readonly kind: 'gtin'; readonly code: string; readonly gtin14: string }
  | { readonly kind: 'gtin_invalid'; readonly code: string; readonly reason: 'FORMAT' | 'CHECK_DIGIT' }
  | { readonly kind: 'code'; readonly code: string }
  | { readonly kind: 'typed'; readonly text: string };

/** Key names that are characters: one code point (letters, digits, signs, the GS separator of DataMatrix). */
const isCharacter = (key: string) => [...key].length === 1;

/**
 * One step: characters accumulate, Backspace removes the last one (people correct, scanners do not),
 * Escape clears, other named keys (Shift, arrows …) are ignored, and Enter emits the result.
 */
export function reduceBarcode(
  state: BarcodeState,
  event: KeyEvent,
  policy: ScannerPolicy = DEFAULT_SCANNER_POLICY,
): { readonly state: BarcodeState; readonly output?: BarcodeOutput } {
  if (event.key === 'Enter') {
    const output = classify(state.keys, event.atMs, policy);
    return output ? { state: initialBarcodeState, output } : { state: initialBarcodeState };
  }
  if (event.key === 'Escape') return { state: initialBarcodeState };
  if (event.key === 'Backspace') return { state: { keys: [...state.keys, event] } };
  if (!isCharacter(event.key) || state.keys.length >= policy.maxLength) return { state };
  return { state: { keys: [...state.keys, event] } };
}

function classify(keys: readonly KeyEvent[], enterAtMs: number, policy: ScannerPolicy): BarcodeOutput | undefined {
  const text = keys
    .filter((k) => k.key !== 'Backspace')
    .map((k) => k.key)
    .join('');
  if (keys.length === 0) return undefined;
  const times = [...keys.map((k) => k.atMs), enterAtMs];
  const isFast = times.every((t, i) => i === 0 || (t - (times[i - 1] ?? t) >= 0 && t - (times[i - 1] ?? t) <= policy.maxGapMs));
  const hasCorrections = keys.some((k) => k.key === 'Backspace');
  if (!isFast || hasCorrections || text.length < policy.minLength) return { kind: 'typed', text: typedText(keys) };
  if (/^\d+$/.test(text) && [8, 12, 13, 14].includes(text.length)) {
    const check = checkGtin(text);
    return check.isValid ? { kind: 'gtin', code: text, gtin14: check.gtin14 } : { kind: 'gtin_invalid', code: text, reason: check.reason };
  }
  return { kind: 'code', code: text };
}

/** What a person typed, with their corrections applied. */
function typedText(keys: readonly KeyEvent[]): string {
  const out: string[] = [];
  for (const k of keys) {
    if (k.key === 'Backspace') out.pop();
    else out.push(k.key);
  }
  return out.join('');
}

/** Runs a whole sequence of key events; handy for tests and for replaying a buffer. */
export function readBarcodes(events: readonly KeyEvent[], policy: ScannerPolicy = DEFAULT_SCANNER_POLICY): BarcodeOutput[] {
  const outputs: BarcodeOutput[] = [];
  let state = initialBarcodeState;
  for (const e of events) {
    const step = reduceBarcode(state, e, policy);
    state = step.state;
    if (step.output) outputs.push(step.output);
  }
  return outputs;
}
