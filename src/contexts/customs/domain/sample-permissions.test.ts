import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { DeclarationItem } from './declaration.ts';
import { itemQuantity, type SampleLine, sampleReasons } from './sample-permissions.ts';

const item = (number: number, code: string, over: Partial<DeclarationItem> = {}): DeclarationItem => ({
  number,
  commodityCode: code,
  description: 'x',
  originCountry: 'CN',
  grossMassKg: '2.000',
  netMassKg: '1.500',
  packages: 1,
  packageKind: 'BX',
  invoiceAmount: '1.00',
  ...over,
});
const units: Record<string, string> = { '8517130000': 'pcs', '1701999000': 'kg' };
const unitOf = (code: string) => units[code];
const phones = (quantity: string): SampleLine => ({ commodityCode: '8517130000', description: 'x', quantity, unit: 'pcs' });

describe('sample permissions: pure rules', () => {
  test('CUS-DEC-18: the quantity of an item is in the unit of its code: net mass for kg, the supplementary quantity otherwise', () => {
    assert.equal(itemQuantity(item(1, '1701999000'), 'kg'), 1500n);
    assert.equal(itemQuantity(item(1, '8517130000', { supplementaryQuantity: '2' }), 'pcs'), 2000n);
    assert.equal(itemQuantity(item(1, '8517130000'), 'pcs'), undefined);
  });

  test('CUS-DEC-18: sample lines need granted lines of the same code and unit, in total no more than permitted; other lines need nothing', () => {
    const items = [
      item(1, '8517130000', { supplementaryQuantity: '100' }),
      item(2, '8517130000', { supplementaryQuantity: '2', isSample: true }),
      item(3, '8517130000', { supplementaryQuantity: '1', isSample: true }),
    ];
    assert.deepEqual(sampleReasons(items.slice(0, 1), unitOf, []), [], 'no sample, no permission needed');
    assert.deepEqual(sampleReasons(items, unitOf, []), [
      { code: 'sample_not_permitted', field: 'items[1].isSample' },
      { code: 'sample_not_permitted', field: 'items[2].isSample' },
    ]);
    assert.deepEqual(sampleReasons(items, unitOf, [phones('3')]), []);
    assert.deepEqual(sampleReasons(items, unitOf, [phones('1'), phones('1.5')]), [{ code: 'sample_quantity_exceeds_permission', field: 'items[2].isSample' }]);
    assert.deepEqual(
      sampleReasons(items, unitOf, [{ ...phones('9'), unit: 'kg' }]),
      [
        { code: 'sample_not_permitted', field: 'items[1].isSample' },
        { code: 'sample_not_permitted', field: 'items[2].isSample' },
      ],
      'a permission in another unit than the code has today does not cover',
    );
    assert.deepEqual(sampleReasons([item(1, '1701999000', { isSample: true })], unitOf, [phones('9')]), [
      { code: 'sample_not_permitted', field: 'items[0].isSample' },
    ]);
  });
});
