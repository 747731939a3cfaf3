import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { checkGtin, gtinCheckDigit } from './gs1.ts';

test('FIS-GEN-09: GS1 codes are accepted only with a correct check digit (GTIN-8, -12, -13, -14)', () => {
  for (const valid of ['96385074', '036000291452', '4006381333931', '4870001234560', '10614141000415']) {
    const r = checkGtin(valid);
    assert.equal(r.isValid, true, valid);
    assert.equal(r.isValid && r.gtin14.length, 14);
  }
  assert.deepEqual(checkGtin('4006381333932'), { isValid: false, reason: 'CHECK_DIGIT' });
  assert.deepEqual(checkGtin('400638133393'), { isValid: false, reason: 'CHECK_DIGIT' });
  assert.deepEqual(checkGtin('40063813339'), { isValid: false, reason: 'FORMAT' });
  assert.deepEqual(checkGtin('40063813339a'), { isValid: false, reason: 'FORMAT' });
});

test('FIS-GEN-09: any one-digit error in a GTIN-13 is detected', () => {
  fc.assert(
    fc.property(fc.stringMatching(/^\d{12}$/), fc.integer({ min: 0, max: 12 }), fc.integer({ min: 1, max: 9 }), (body, pos, delta) => {
      const code = `${body}${gtinCheckDigit(body)}`;
      assert.equal(checkGtin(code).isValid, true);
      const d = (Number(code[pos]) + delta) % 10;
      const broken = `${code.slice(0, pos)}${d}${code.slice(pos + 1)}`;
      assert.equal(checkGtin(broken).isValid, false);
    }),
  );
});
