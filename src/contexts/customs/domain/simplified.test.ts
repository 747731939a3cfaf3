import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { covers, type SimplifiedScope, unmetConditions } from './simplified.ts';

const grant: SimplifiedScope = {
  procedure: 'incomplete',
  officeCode: 'DUSHANBE',
  commodityCodes: ['1701999000', '8517130000'],
  validFrom: '2026-03-02',
  validTo: '2026-06-30',
};

describe('simplified declaring of exports: pure rules', () => {
  test('CUS-DEC-75: a grant covers a use of the same procedure and office, for codes it names and days within it', () => {
    const use = (over: Partial<SimplifiedScope>) =>
      covers(grant, { ...grant, commodityCodes: ['1701999000'], validFrom: '2026-03-10', validTo: '2026-03-10', ...over });
    assert.equal(use({}), true);
    assert.equal(use({ procedure: 'periodic' }), false);
    assert.equal(use({ officeCode: 'KHUJAND' }), false);
    assert.equal(use({ commodityCodes: ['1701999000', '1101000000'] }), false);
    assert.equal(use({ validFrom: '2026-03-01' }), false);
    assert.equal(use({ validTo: '2026-07-01' }), false);
    assert.equal(use({ validFrom: '2026-03-02', validTo: '2026-06-30' }), true);
  });

  test('CUS-DEC-75: art.137 p.2 is unmet while customs payments are in arrears; restricted goods alone do not bar the procedure', () => {
    assert.deepEqual(unmetConditions({ arrears: [{ reference: 'X', outstandingDirams: '1' }], restrictedCodes: [] }), ['customs_payments_in_arrears']);
    assert.deepEqual(unmetConditions({ arrears: [], restrictedCodes: ['1701999000'] }), []);
  });
});
