import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkApplication, checkPosting, onHand, PURPOSES_BY_TYPE } from './warehouses.ts';

const insurance = { insurer: 'Bima', policyNumber: 'P-1', validFrom: '2026-01-01', validTo: '2026-12-31', sumDirams: '100' };
const code = (r: ReturnType<typeof checkApplication>) => (r.ok ? undefined : r.error.code);

test('CUS-TS-09: a closed-type warehouse is offered and allowed its owner’s goods only', () => {
  assert.deepEqual(PURPOSES_BY_TYPE.closed, ['own_goods']);
  assert.ok(PURPOSES_BY_TYPE.open.includes('special_goods'));
  assert.equal(code(checkApplication({ type: 'closed', purposes: ['special_goods'] }, '2026-03-02')), 'WAREHOUSE_PURPOSE_NOT_ALLOWED');
  assert.equal(
    code(checkApplication({ type: 'open', purposes: ['own_goods'], insurance, insurancePolicyDocument: 'd' }, '2026-03-02')),
    'WAREHOUSE_PURPOSE_NOT_ALLOWED',
  );
});

test('CUS-TS-10 CUS-TS-11 CUS-TS-12: insurance and its policy for an open type only, valid on the day', () => {
  const table: [Parameters<typeof checkApplication>[0], string | undefined][] = [
    [{ type: 'closed', purposes: ['own_goods'] }, undefined],
    [{ type: 'open', purposes: ['any_persons_goods'], insurance, insurancePolicyDocument: 'doc' }, undefined],
    [{ type: 'open', purposes: ['any_persons_goods'], insurancePolicyDocument: 'doc' }, 'WAREHOUSE_INSURANCE_REQUIRED'],
    [{ type: 'open', purposes: ['any_persons_goods'], insurance }, 'WAREHOUSE_POLICY_REQUIRED'],
    [
      { type: 'open', purposes: ['any_persons_goods'], insurance: { ...insurance, validTo: '2026-03-01' }, insurancePolicyDocument: 'doc' },
      'ARRIVAL_VALUE_INVALID',
    ],
    [{ type: 'open', purposes: ['any_persons_goods'], insurance: { ...insurance, sumDirams: '0' }, insurancePolicyDocument: 'doc' }, 'ARRIVAL_VALUE_INVALID'],
  ];
  for (const [application, expected] of table) assert.equal(code(checkApplication(application, '2026-03-02')), expected, JSON.stringify(application));
});

test('CUS-TS-15: goods in up to the declared quantity, goods out up to what is on hand', () => {
  const postings = [
    { direction: 'in' as const, lineNo: 1, quantityMilli: 15_000_000n },
    { direction: 'out' as const, lineNo: 1, quantityMilli: 4_000_000n },
    { direction: 'in' as const, lineNo: 2, quantityMilli: 1000n },
  ];
  assert.deepEqual(
    [...onHand(postings)],
    [
      [1, 11_000_000n],
      [2, 1000n],
    ],
  );
  assert.ok(checkPosting({ direction: 'in', lineNo: 1, quantityMilli: 5_000_000n }, 20_000_000n, postings).ok);
  const tooMuchIn = checkPosting({ direction: 'in', lineNo: 1, quantityMilli: 5_000_001n }, 20_000_000n, postings);
  assert.ok(!tooMuchIn.ok && tooMuchIn.error.details?.availableMilli === '5000000');
  assert.ok(checkPosting({ direction: 'out', lineNo: 1, quantityMilli: 11_000_000n }, 20_000_000n, postings).ok);
  assert.ok(!checkPosting({ direction: 'out', lineNo: 1, quantityMilli: 11_000_001n }, 20_000_000n, postings).ok);
  assert.ok(!checkPosting({ direction: 'out', lineNo: 3, quantityMilli: 1n }, 1n, postings).ok);
});
