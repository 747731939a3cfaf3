import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applicableRules, type CurrencyControlRule, missingFields } from './currency-control.ts';

const exportRule: CurrencyControlRule = {
  code: 'EXPORT',
  direction: 'export',
  regimes: ['export'],
  thresholdIndicators: 1000,
  requiredFields: ['contract_number', 'deal_passport_number'],
};
const anyImport: CurrencyControlRule = { code: 'IMPORT', direction: 'import', regimes: [], thresholdIndicators: 0, requiredFields: ['bank_code'] };
const INDICATOR = 7500n; // 75.00 somoni

describe('currency control: pure rules', () => {
  test('CUS-DEC-11: a rule applies by direction, regime and customs value at or above its threshold in calculation indicators', () => {
    const at = (direction: 'import' | 'export', regime: string, value: bigint | undefined, indicator: bigint | null = INDICATOR) =>
      applicableRules([exportRule, anyImport], { direction, regime, customsValueDirams: value, indicatorDirams: indicator ?? undefined }).map((r) => r.code);
    assert.deepEqual(at('export', 'export', 7_499_999n), []);
    assert.deepEqual(at('export', 'export', 7_500_000n), ['EXPORT'], 'exactly 1000 indicators is "at or above"');
    assert.deepEqual(at('export', 'temporary_export', 9_000_000n), [], 'another regime');
    assert.deepEqual(at('import', 'release_for_free_circulation', 1n), ['IMPORT'], 'no threshold, any regime');
    assert.deepEqual(at('export', 'export', 1n, null), ['EXPORT'], 'no indicator in force: the threshold cannot be measured, the rule applies');
    assert.deepEqual(at('export', 'export', undefined), ['EXPORT'], 'no customs value: the rule applies');
  });

  test('CUS-DEC-11: the data missing are the union of what the applicable rules require, blank values counting as missing', () => {
    assert.deepEqual(missingFields([exportRule, anyImport], { contract_number: 'C-1', deal_passport_number: '  ' }), ['bank_code', 'deal_passport_number']);
    assert.deepEqual(missingFields([exportRule], { contract_number: 'C-1', deal_passport_number: 'PS-1' }), []);
    assert.deepEqual(missingFields([], {}), []);
  });
});
