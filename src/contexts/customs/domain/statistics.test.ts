import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { DeclarationData } from './declaration.ts';
import { milli, periodMonth, statisticsItems } from './statistics.ts';

const data = {
  direction: 'import',
  countryOfDestination: 'TJ',
  items: [
    { number: 1, commodityCode: '8517130000', originCountry: 'CN', netMassKg: '100.000', supplementaryQuantity: '500' },
    { number: 2, commodityCode: '1701999000', originCountry: 'KZ', netMassKg: '10000.5' },
  ],
} as unknown as DeclarationData;
const units: Record<string, string> = { '8517130000': 'pcs', '1701999000': 'kg' };

describe('statistical database: pure rules', () => {
  test('CUS-INF-03: one row per item with only the statistical data: code, countries, value, USD value, mass, quantity in the code’s unit', () => {
    const rows = statisticsItems(data, [11_679_993n, 5_840_007n], (c) => units[c] as string, '10.950000');
    assert.deepEqual(
      rows.map((r) => [
        r.itemNo,
        r.commodityCode,
        r.partnerCountry,
        r.customsValueDirams,
        r.statisticalValueUsdCents,
        r.netMassGrams,
        r.statisticalQuantityMilli,
        r.statisticalUnit,
      ]),
      [
        // 116,799.93 TJS ÷ 10.95 = 10,666.66 USD; 500 pieces.
        [1, '8517130000', 'CN', 11_679_993n, 1_066_666n, 100_000n, 500_000n, 'pcs'],
        // 58,400.07 TJS ÷ 10.95 = 5,333.34 USD; the kg unit counts the net mass.
        [2, '1701999000', 'KZ', 5_840_007n, 533_334n, 10_000_500n, 10_000_500n, 'kg'],
      ],
    );
    assert.deepEqual(Object.keys(rows[0] ?? {}).sort(), [
      'commodityCode',
      'customsValueDirams',
      'destinationCountry',
      'itemNo',
      'netMassGrams',
      'originCountry',
      'partnerCountry',
      'statisticalQuantityMilli',
      'statisticalUnit',
      'statisticalValueUsdCents',
    ]);
    const exported = statisticsItems({ ...data, direction: 'export', countryOfDestination: 'AF' }, [1n, 1n], () => 'kg', undefined);
    assert.deepEqual(
      exported.map((r) => [r.partnerCountry, r.statisticalValueUsdCents]),
      [
        ['AF', null],
        ['AF', null],
      ],
      'exports count by destination; no USD rate, no statistical value',
    );
  });

  test('CUS-INF-03: a release is counted in its Dushanbe month', () => {
    assert.equal(periodMonth(new Date('2026-03-31T19:00:00Z')), '2026-04-01');
    assert.equal(periodMonth(new Date('2026-03-31T18:59:59Z')), '2026-03-01');
    assert.equal(milli(10_000_500n), '10000.500');
    assert.equal(milli(5n), '0.005');
  });
});
