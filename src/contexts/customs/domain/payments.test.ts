import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BUDGET_CODES, matchReceipt, orderLines, releaseSecurity, settle } from './payments.ts';

const lines = orderLines('10001/020326/0000001', [
  { kind: 'vat', amountDirams: 14_000n },
  { kind: 'duty', amountDirams: 10_000n },
]);
assert.ok(lines.ok);
const order = { payerTin: '010000101', lines: lines.lines };
const receipt = (over: Partial<Parameters<typeof matchReceipt>[0]> = {}) => ({
  paymentOrderNumber: '17',
  paymentOrderDate: '2026-03-02',
  payerTin: '010000101',
  reference: '10001/020326/0000001',
  budgetCode: BUDGET_CODES.duty,
  amountDirams: 10_000n,
  ...over,
});

test('CUS-DEC-85: a payment order carries each kind once with its budget code, in a fixed order', () => {
  assert.deepEqual(
    lines.lines.map((l) => [l.kind, l.budgetCode]),
    [
      ['duty', BUDGET_CODES.duty],
      ['vat', BUDGET_CODES.vat],
    ],
  );
  for (const bad of [
    [],
    [{ kind: 'duty' as const, amountDirams: 0n }],
    [
      { kind: 'duty' as const, amountDirams: 1n },
      { kind: 'duty' as const, amountDirams: 2n },
    ],
  ]) {
    assert.equal(orderLines('R-1/2', bad).ok, false);
  }
  assert.deepEqual(orderLines('no spaces', [{ kind: 'duty', amountDirams: 1n }]), {
    ok: false,
    problem: { code: 'PAYMENT_REFERENCE_INVALID', field: 'reference' },
  });
});

test('IMP-10 CUS-REL-04: a receipt matches by reference, payer and budget code; otherwise it is kept with the reason', () => {
  assert.deepEqual(matchReceipt(receipt(), order), { isMatched: true });
  assert.deepEqual(matchReceipt(receipt(), undefined), { isMatched: false, reason: 'NO_PAYMENT_ORDER' });
  assert.deepEqual(matchReceipt(receipt({ payerTin: '020000202' }), order), { isMatched: false, reason: 'PAYER_MISMATCH' });
  assert.deepEqual(matchReceipt(receipt({ budgetCode: BUDGET_CODES.excise }), order), { isMatched: false, reason: 'BUDGET_CODE_UNKNOWN' });
});

test('CUS-REL-02: settlement per kind; an overpaid kind does not pay another', () => {
  const s = settle(order.lines, [
    { budgetCode: BUDGET_CODES.duty, amountDirams: 12_000n },
    { budgetCode: BUDGET_CODES.vat, amountDirams: 13_000n },
  ]);
  assert.equal(s.paidDirams, 25_000n);
  assert.equal(s.outstandingDirams, 1_000n);
  assert.equal(s.isPaid, false);
  assert.equal(
    settle(order.lines, [
      { budgetCode: BUDGET_CODES.duty, amountDirams: 10_000n },
      { budgetCode: BUDGET_CODES.vat, amountDirams: 14_000n },
    ]).isPaid,
    true,
  );
});

test('CUS-REL-02 CUS-GUA-15 AMB-21: free circulation needs payment; a periodic delivery or another regime may rest on a guarantee', () => {
  const base = { isFreeCirculation: true, isPeriodicDelivery: false, outstandingDirams: 500n, guaranteeCoverDirams: 1000n };
  assert.deepEqual(releaseSecurity({ ...base, outstandingDirams: 0n }), { isSecured: true, by: 'payment' });
  assert.deepEqual(releaseSecurity(base), { isSecured: false, by: null });
  assert.deepEqual(releaseSecurity({ ...base, isPeriodicDelivery: true }), { isSecured: true, by: 'guarantee' });
  assert.deepEqual(releaseSecurity({ ...base, isFreeCirculation: false }), { isSecured: true, by: 'guarantee' });
  assert.deepEqual(releaseSecurity({ ...base, isFreeCirculation: false, guaranteeCoverDirams: 499n }), { isSecured: false, by: null });
});
