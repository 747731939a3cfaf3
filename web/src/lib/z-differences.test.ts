import assert from 'node:assert/strict';
import { test } from 'node:test';
import { totalsDifferences } from '../../../src/contexts/fiscal/domain/document-rules.ts';
import type { ShiftTotals } from '../../../src/platform/fiscal-document.ts';
import { parseZDifference } from './z-differences.ts';

test('FIS-IMP-20: the differences of a Z-report reconciliation are read back into parts the page localises', () => {
  const reported: ShiftTotals = {
    receiptCount: 3,
    saleCount: 3,
    refundCount: 0,
    offlineCount: 0,
    byTax: [{ operation: 'sale', kind: 'vat', rateBp: 1400, amount: 2100, tax: 258 }],
    byPayment: [{ operation: 'sale', cash: 2100, nonCash: 0, total: 2100 }],
  };
  const computed: ShiftTotals = {
    ...reported,
    receiptCount: 2,
    saleCount: 2,
    byTax: [{ operation: 'sale', kind: 'vat', rateBp: 1400, amount: 1400, tax: 172 }],
    byPayment: [{ operation: 'sale', cash: 1400, nonCash: 0, total: 1400 }],
  };
  const parsed = totalsDifferences(reported, computed).map(parseZDifference);
  assert.deepEqual(parsed[0], { kind: 'count', key: 'receiptCount', reported: 3, computed: 2 });
  assert.ok(
    parsed.some((d) => d.kind === 'tax' && d.taxKind === 'vat' && d.rateBp === 1400 && d.field === 'amount' && d.reported === 2100 && d.computed === 1400),
  );
  assert.ok(parsed.some((d) => d.kind === 'payment' && d.operation === 'sale' && d.field === 'cash' && d.reported === 2100 && d.computed === 1400));
  assert.ok(parsed.every((d) => d.kind !== 'other'));
  assert.deepEqual(parseZDifference('something new'), { kind: 'other', text: 'something new' });
});
