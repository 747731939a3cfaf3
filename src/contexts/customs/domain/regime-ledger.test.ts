import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  checkIssueBasis,
  checkPlace,
  checkReceipt,
  checkReversible,
  checkTransfer,
  checkWithdrawal,
  formatMilli,
  lotBalance,
  type Movement,
  PLACING_REGIME,
  receiptStatus,
  stocktake,
} from './regime-ledger.ts';

const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error?.code);
const policy = { insurer: 'Bima', policyNumber: 'P-1', validTo: '2026-12-31' };

test('CUS-GUA-06: only a customs warehouse has a type, and only the open type needs an insurance policy in force', () => {
  const table: [Parameters<typeof checkPlace>[0], string][] = [
    [{ kind: 'customs_warehouse', warehouseType: 'closed' }, 'ok'],
    [{ kind: 'customs_warehouse', warehouseType: 'open', insurance: policy }, 'ok'],
    [{ kind: 'customs_warehouse', warehouseType: 'open' }, 'REGIME_INSURANCE_REQUIRED'],
    [{ kind: 'customs_warehouse', warehouseType: 'open', insurance: { ...policy, validTo: '2026-03-01' } }, 'REGIME_VALUE_INVALID'],
    [{ kind: 'customs_warehouse' }, 'REGIME_WAREHOUSE_TYPE_INVALID'],
    [{ kind: 'duty_free_shop', warehouseType: 'open', insurance: policy }, 'REGIME_WAREHOUSE_TYPE_INVALID'],
    [{ kind: 'duty_free_shop' }, 'ok'],
    [{ kind: 'free_warehouse', warehouseType: null }, 'ok'],
  ];
  for (const [input, expected] of table) assert.equal(code(checkPlace(input, '2026-03-02')), expected, JSON.stringify(input));
});

test('CUS-REG-01 CUS-REG-02 CUS-REG-03: each kind of place takes goods placed under its own regime', () => {
  assert.deepEqual(PLACING_REGIME, { customs_warehouse: 'customs_warehouse', duty_free_shop: 'duty_free_shop', free_warehouse: 'free_zone' });
});

test('IMP-12: receipts never exceed the declared item; issues, transfers and reversals never take a lot below zero', () => {
  assert.equal(code(checkReceipt(1000n, 5000n, 4000n)), 'ok');
  assert.equal(code(checkReceipt(1001n, 5000n, 4000n)), 'REGIME_RECEIPT_EXCEEDS_DECLARED');
  assert.equal(code(checkReceipt(0n, 5000n, 0n)), 'REGIME_VALUE_INVALID');
  assert.equal(code(checkWithdrawal(1500n, 1500n)), 'ok');
  const over = checkWithdrawal(1501n, 1500n);
  assert.equal(code(over), 'REGIME_BALANCE_INSUFFICIENT');
  assert.deepEqual(over.ok ? undefined : over.error.details, { balance: '1.5' });
  assert.equal(code(checkWithdrawal(0n, 1500n)), 'REGIME_VALUE_INVALID');
  const moves: Movement[] = [
    { declarationNumber: 'A', itemNo: 1, kind: 'receipt', deltaMilli: 5000n },
    { declarationNumber: 'A', itemNo: 1, kind: 'issue', deltaMilli: -2000n },
    { declarationNumber: 'A', itemNo: 2, kind: 'receipt', deltaMilli: 700n },
    { declarationNumber: 'A', itemNo: 1, kind: 'reversal', deltaMilli: 2000n },
  ];
  assert.equal(lotBalance(moves, { declarationNumber: 'A', itemNo: 1 }), 5000n);
  assert.equal(lotBalance(moves, { declarationNumber: 'B', itemNo: 1 }), 0n);
});

test('IMP-12: sales only in a duty-free shop; transfers between different places of one owner and one kind; one reversal of a receipt or issue', () => {
  assert.equal(code(checkIssueBasis('duty_free_shop', 'sale')), 'ok');
  assert.equal(code(checkIssueBasis('customs_warehouse', 'sale')), 'REGIME_SALE_ONLY_IN_SHOP');
  assert.equal(code(checkIssueBasis('free_warehouse', 'declaration')), 'ok');
  const a = { id: 'a', kind: 'customs_warehouse' as const, ownerTin: '1' };
  assert.equal(code(checkTransfer(a, { ...a, id: 'b' })), 'ok');
  for (const to of [a, { ...a, id: 'b', ownerTin: '2' }, { ...a, id: 'b', kind: 'free_warehouse' as const }])
    assert.equal(code(checkTransfer(a, to)), 'REGIME_TRANSFER_NOT_ALLOWED');
  assert.equal(code(checkReversible({ kind: 'receipt' }, false)), 'ok');
  assert.equal(code(checkReversible({ kind: 'issue' }, true)), 'REGIME_ENTRY_NOT_REVERSIBLE');
  assert.equal(code(checkReversible({ kind: 'transfer_out' }, false)), 'REGIME_ENTRY_NOT_REVERSIBLE');
  assert.equal(code(checkReversible({ kind: 'reversal' }, false)), 'REGIME_ENTRY_NOT_REVERSIBLE');
});

test('IMP-12: stock-taking lists every lot on the book and every lot counted, with counted − book; an uncounted lot is a shortage', () => {
  const book = new Map([
    ['A#1', 5000n],
    ['A#2', 700n],
    ['B#1', 0n],
  ]);
  const lines = stocktake(book, [
    { declarationNumber: 'A', itemNo: 1, countedMilli: 3000n },
    { declarationNumber: 'A', itemNo: 1, countedMilli: 1500n },
    { declarationNumber: 'C', itemNo: 4, countedMilli: 10n },
  ]);
  assert.deepEqual(
    lines.map((l) => [l.declarationNumber, l.itemNo, l.bookMilli, l.countedMilli, l.differenceMilli]),
    [
      ['A', 1, 5000n, 4500n, -500n],
      ['A', 2, 700n, 0n, -700n],
      ['C', 4, 0n, 10n, 10n],
    ],
  );
});

test('reconciliation status and signed quantities', () => {
  assert.deepEqual(
    [receiptStatus(5n, 0n), receiptStatus(5n, 3n), receiptStatus(5n, 5n), receiptStatus(5n, 6n)],
    ['not_received', 'partly_received', 'received', 'over_received'],
  );
  assert.deepEqual([formatMilli(-1500n), formatMilli(12500n), formatMilli(0n), formatMilli(-7n)], ['-1.5', '12.5', '0', '-0.007']);
});
