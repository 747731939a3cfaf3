import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type BarcodeOutput, DEFAULT_SCANNER_POLICY, initialBarcodeState, type KeyEvent, readBarcodes, reduceBarcode } from './barcode-input.ts';

/** Key events for `text` then Enter, `gapMs` apart, starting at `startMs`. */
function keys(text: string, gapMs: number, startMs = 1_000_000): KeyEvent[] {
  return [...[...text].map((key, i) => ({ key, atMs: startMs + i * gapMs })), { key: 'Enter', atMs: startMs + [...text].length * gapMs }];
}
const GS = String.fromCharCode(0x1d);

describe('barcode scanner input (p.65 items 6-7, p.68 items 5-6)', () => {
  test('FIS-VTR-06, FIS-OCR-08, FIS-GEN-09: a fast burst ending in Enter is a scan, checked as a GTIN', () => {
    const cases: [string, number, BarcodeOutput][] = [
      ['4870001234560', 5, { kind: 'gtin', code: '4870001234560', gtin14: '04870001234560' }],
      ['96385074', 10, { kind: 'gtin', code: '96385074', gtin14: '00000096385074' }],
      ['10614141000415', 35, { kind: 'gtin', code: '10614141000415', gtin14: '10614141000415' }],
      ['4870001234561', 5, { kind: 'gtin_invalid', code: '4870001234561', reason: 'CHECK_DIGIT' }],
      [`010000009638507421AAA${GS}93abcd`, 3, { kind: 'code', code: `010000009638507421AAA${GS}93abcd` }],
      ['1234567890', 5, { kind: 'code', code: '1234567890' }],
    ];
    for (const [text, gap, expected] of cases) assert.deepEqual(readBarcodes(keys(text, gap)), [expected], `${text} @${gap}ms`);
  });

  test('FIS-VTR-06: slow keystrokes, corrections or a short entry are a person typing', () => {
    const cases: [KeyEvent[], BarcodeOutput[]][] = [
      [keys('4870001234560', 36), [{ kind: 'typed', text: '4870001234560' }]],
      [keys('4870001234560', 150), [{ kind: 'typed', text: '4870001234560' }]],
      [keys('1234567', 5), [{ kind: 'typed', text: '1234567' }]],
      [keys('2500', 200), [{ kind: 'typed', text: '2500' }]],
      [
        [
          { key: '1', atMs: 0 },
          { key: '2', atMs: 5 },
          { key: 'Backspace', atMs: 10 },
          { key: '3', atMs: 15 },
          { key: '4', atMs: 20 },
          { key: '5', atMs: 25 },
          { key: '6', atMs: 30 },
          { key: '7', atMs: 35 },
          { key: '8', atMs: 40 },
          { key: '9', atMs: 45 },
          { key: 'Enter', atMs: 50 },
        ],
        [{ kind: 'typed', text: '13456789' }],
      ],
      // A scan burst after a pause in the middle: the gap breaks it.
      [[...keys('4870001', 5).slice(0, -1), ...keys('234560', 5, 1_000_500)], [{ kind: 'typed', text: '4870001234560' }]],
    ];
    for (const [events, expected] of cases) assert.deepEqual(readBarcodes(events), expected);
  });

  test('FIS-VTR-06: named keys are ignored, Escape clears, Enter alone yields nothing, scans follow one another', () => {
    const events: KeyEvent[] = [
      { key: 'Enter', atMs: 0 },
      { key: 'Shift', atMs: 100 },
      ...keys('96385074', 4, 101),
      { key: 'x', atMs: 500 },
      { key: 'Escape', atMs: 600 },
      ...keys('4870001234560', 4, 700),
    ];
    assert.deepEqual(readBarcodes(events), [
      { kind: 'gtin', code: '96385074', gtin14: '00000096385074' },
      { kind: 'gtin', code: '4870001234560', gtin14: '04870001234560' },
    ]);
  });

  test('FIS-VTR-06: the reducer is a pure step function and caps the buffer', () => {
    const step = reduceBarcode(initialBarcodeState, { key: '4', atMs: 0 });
    assert.deepEqual(step, { state: { keys: [{ key: '4', atMs: 0 }] } });
    assert.deepEqual(initialBarcodeState, { keys: [] });
    // A stuck key: what is kept stops at the cap, and the pause after it makes it typing, not a scan.
    const long = readBarcodes(keys('1'.repeat(300), 1));
    assert.deepEqual(long, [{ kind: 'typed', text: '1'.repeat(DEFAULT_SCANNER_POLICY.maxLength) }]);
    const slowPolicy = { ...DEFAULT_SCANNER_POLICY, maxGapMs: 200 };
    assert.deepEqual(readBarcodes(keys('96385074', 150), slowPolicy), [{ kind: 'gtin', code: '96385074', gtin14: '00000096385074' }]);
  });
});
