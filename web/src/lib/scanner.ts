/**
 * Barcode scanners in keyboard mode (p.65 item 7, p.68 item 6): a scanner types the code as a burst of
 * keystrokes a few milliseconds apart and ends with Enter. The same rule as the register's domain
 * (src/contexts/cashdesk/domain/barcode-input.ts; docs/cashdesk.md "Scanner input"): a scan has at
 * least 8 characters, every gap (Enter included) at most 35 ms and no corrections; a burst of 8, 12,
 * 13 or 14 digits must pass the GS1 check digit. Anything else was typed by a person.
 */

export type KeyAt = { readonly key: string; readonly atMs: number };
export type ScanPolicy = { readonly maxGapMs: number; readonly minLength: number };
export const SCAN_POLICY: ScanPolicy = { maxGapMs: 35, minLength: 8 };

export type EntryKind = 'scan' | 'scan_invalid' | 'typed';

/** GS1 check digit (mod 10, weights 3 and 1 from the right) of an 8, 12, 13 or 14 digit code. */
export function isValidGtin(code: string): boolean {
  if (!/^\d+$/.test(code) || ![8, 12, 13, 14].includes(code.length)) return false;
  const digits = [...code].map(Number);
  const check = digits.pop() as number;
  let sum = 0;
  for (const [i, d] of digits.reverse().entries()) sum += d * (i % 2 === 0 ? 3 : 1);
  return (10 - (sum % 10)) % 10 === check;
}

/** Tells a scan from typing by the keys that made the text (Backspace included) and the time of Enter. */
export function classifyEntry(keys: readonly KeyAt[], enterAtMs: number, policy: ScanPolicy = SCAN_POLICY): EntryKind {
  const text = keys.filter((k) => k.key !== 'Backspace').map((k) => k.key);
  if (text.length < policy.minLength || keys.some((k) => k.key === 'Backspace')) return 'typed';
  const times = [...keys.map((k) => k.atMs), enterAtMs];
  const isFast = times.every((t, i) => i === 0 || (t - (times[i - 1] ?? t) >= 0 && t - (times[i - 1] ?? t) <= policy.maxGapMs));
  if (!isFast) return 'typed';
  const code = text.join('');
  if (/^\d+$/.test(code) && [8, 12, 13, 14].includes(code.length) && !isValidGtin(code)) return 'scan_invalid';
  return 'scan';
}

/** Keeps the keystrokes of the field being typed into; `enter` classifies them and starts over. */
export function createKeyLog() {
  let keys: KeyAt[] = [];
  return {
    /** A key pressed in the field: characters and Backspace count, other named keys do not. */
    key(key: string, atMs: number) {
      if (key === 'Backspace' || [...key].length === 1) keys.push({ key, atMs });
    },
    /** The field was emptied or changed by other means (paste, clearing): what came before no longer counts. */
    reset() {
      keys = [];
    },
    enter(atMs: number, policy: ScanPolicy = SCAN_POLICY): EntryKind {
      const kind = classifyEntry(keys, atMs, policy);
      keys = [];
      return kind;
    },
  };
}
