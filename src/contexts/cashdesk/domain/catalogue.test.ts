import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  addProduct,
  type Catalogue,
  editProduct,
  emptyCatalogue,
  findProduct,
  getProduct,
  listProducts,
  parseCatalogueRows,
  parsePercent,
  parseSomoni,
  type ProductInput,
  unitOnReceipt,
  validateProduct,
} from './catalogue.ts';

const tea: ProductInput = {
  code: 'TEA-1',
  gtin: '4870001234560',
  name: { tg: 'Чойи сабз', ru: 'Зелёный чай', en: 'Green tea' },
  unit: 'piece',
  price: 1850,
  tax: { kind: 'vat', rateBp: 1400 },
};

const mustAdd = (c: Catalogue, p: ProductInput): Catalogue => {
  const r = addProduct(c, p);
  assert.ok(r.ok, JSON.stringify(r));
  return r.value;
};

describe('products (p.5, p.65 item 6, p.68 item 5)', () => {
  test('FIS-VCS-02, FIS-VTR-05, FIS-GEN-09: GTIN-8, -12, -13 and -14 are accepted only with a right check digit', () => {
    const cases: [string, string[]][] = [
      ['96385074', []],
      ['036000291452', []],
      ['4870001234560', []],
      ['10614141000415', []],
      ['4006381333932', ['GTIN_CHECK_DIGIT_WRONG']],
      ['40063813339', ['GTIN_FORMAT_INVALID']],
      ['48700012345a0', ['GTIN_FORMAT_INVALID']],
    ];
    for (const [gtin, codes] of cases) {
      const r = validateProduct({ ...tea, gtin });
      assert.deepEqual(r.ok ? [] : r.error.map((p) => p.code), codes, gtin);
    }
  });

  test('FIS-VCS-02, FIS-RCT-09, FIS-RCT-20: every field is checked and every problem reported', () => {
    const cases: [Partial<ProductInput>, [string, string][]][] = [
      [{}, []],
      [{ name: { tg: '  ' } }, [['name.tg', 'PRODUCT_NAME_MISSING']]],
      [{ name: { tg: 'а'.repeat(129) } }, [['name.tg', 'PRODUCT_NAME_TOO_LONG']]],
      [{ unit: 'box' }, [['unit', 'UNIT_UNKNOWN']]],
      [{ price: 0 }, [['price', 'PRICE_INVALID']]],
      [{ price: 12.5 }, [['price', 'PRICE_INVALID']]],
      [{ price: -100 }, [['price', 'PRICE_INVALID']]],
      [{ tax: { kind: 'vat', rateBp: 0 } }, [['tax.rateBp', 'TAX_RATE_INVALID']]],
      [{ tax: { kind: 'none', rateBp: 1400 } }, [['tax.rateBp', 'TAX_RATE_INVALID']]],
      [{ tax: { kind: 'simplified', rateBp: 600 } }, []],
      [{ tax: { kind: 'none', rateBp: 0 } }, []],
      [{ tax: { kind: 'gst', rateBp: 1000 } }, [['tax.kind', 'TAX_KIND_UNKNOWN']]],
      [{ code: 'a b' }, [['code', 'PRODUCT_CODE_INVALID']]],
      [{ code: undefined, gtin: undefined }, [['code', 'PRODUCT_CODE_MISSING']]],
      [
        { name: { tg: '' }, price: 0, unit: 'x' },
        [
          ['name.tg', 'PRODUCT_NAME_MISSING'],
          ['unit', 'UNIT_UNKNOWN'],
          ['price', 'PRICE_INVALID'],
        ],
      ],
    ];
    for (const [change, expected] of cases) {
      const r = validateProduct({ ...tea, ...change });
      assert.deepEqual(r.ok ? [] : r.error.map((p) => [p.field, p.code]), expected, JSON.stringify(change));
    }
  });

  test('FIS-RCT-09: the Tajik name is required, Russian and English are optional; the GTIN stands in for a missing article code', () => {
    const r = validateProduct({ gtin: '96385074', name: { tg: ' Нон ', ru: '' }, unit: 'piece', price: 300, tax: { kind: 'none', rateBp: 0 } });
    assert.deepEqual(r, {
      ok: true,
      value: {
        code: '96385074',
        gtin: '96385074',
        name: { tg: 'Нон' },
        unit: 'piece',
        price: 300,
        tax: { kind: 'none', rateBp: 0 },
        requiresMarkingCode: false,
      },
    });
    assert.equal(unitOnReceipt('piece'), 'дона');
    assert.equal(unitOnReceipt('kg'), 'кг');
  });

  test('FIS-VCS-08: codes and GTINs are unique; a GTIN is the same product in any of its lengths', () => {
    const c = mustAdd(emptyCatalogue(), tea);
    const cases: [ProductInput, string][] = [
      [{ ...tea, gtin: '96385074' }, 'PRODUCT_CODE_TAKEN'],
      [{ ...tea, code: 'TEA-2' }, 'GTIN_TAKEN'],
      [{ ...tea, code: 'TEA-3', gtin: '04870001234560' }, 'GTIN_TAKEN'],
      [{ ...tea, code: 'TEA-4', price: 0 }, 'PRODUCT_INVALID'],
    ];
    for (const [input, code] of cases) {
      const r = addProduct(c, input);
      assert.equal(r.ok ? 'ok' : r.error.code, code, input.code);
    }
    const bad = addProduct(c, { ...tea, code: 'X', price: 0, unit: 'box' });
    assert.deepEqual(bad.ok ? undefined : bad.error.details?.problems, [
      { field: 'unit', code: 'UNIT_UNKNOWN' },
      { field: 'price', code: 'PRICE_INVALID' },
    ]);
  });

  test('FIS-VCS-08, FIS-VTR-05: an edit keeps the code, frees the old GTIN and refuses one held by another product', () => {
    let c = mustAdd(emptyCatalogue(), tea);
    c = mustAdd(c, { ...tea, code: 'BREAD', gtin: '96385074', name: { tg: 'Нон' }, price: 300 });
    const edited = editProduct(c, 'TEA-1', { ...tea, gtin: '036000291452', price: 1900 });
    assert.ok(edited.ok);
    assert.equal(findProduct(edited.value, '4870001234560'), undefined);
    assert.equal(findProduct(edited.value, '036000291452')?.price, 1900);
    assert.equal(editProduct(c, 'TEA-1', { ...tea, gtin: '96385074' }).ok ? '' : 'GTIN_TAKEN', 'GTIN_TAKEN');
    const missing = editProduct(c, 'NOPE', tea);
    assert.equal(missing.ok ? '' : missing.error.code, 'PRODUCT_NOT_FOUND');
    // The value catalogue is not changed by an edit.
    assert.equal(findProduct(c, '4870001234560')?.code, 'TEA-1');
  });

  test('FIS-VCS-08: lookup by article code, by GTIN in any length; unknown codes find nothing', () => {
    const c = mustAdd(mustAdd(emptyCatalogue(), tea), { ...tea, code: 'CASE', gtin: '10614141000415', name: { tg: 'Қуттӣ' } });
    const cases: [string, string | undefined][] = [
      ['TEA-1', 'TEA-1'],
      ['4870001234560', 'TEA-1'],
      ['04870001234560', 'TEA-1'],
      ['10614141000415', 'CASE'],
      ['4870001234561', undefined],
      ['tea-1', undefined],
    ];
    for (const [code, expected] of cases) assert.equal(findProduct(c, code)?.code, expected, code);
    const r = getProduct(c, 'nope');
    assert.equal(r.ok ? '' : r.error.code, 'PRODUCT_NOT_FOUND');
    assert.deepEqual(
      listProducts(c).map((p) => p.code),
      ['CASE', 'TEA-1'],
    );
  });
});

describe('product list import (p.5, p.65 item 6)', () => {
  test('FIS-VCS-08: somoni and per cent cells become dirams and basis points', () => {
    const cases: [string, number | undefined, number | undefined][] = [
      ['12.50', 1250, 1250],
      ['12,5', 1250, 1250],
      ['7', 700, 700],
      ['0.05', 5, 5],
      ['14', 1400, 1400],
      ['1.234', undefined, undefined],
      ['-1', undefined, undefined],
      ['', undefined, undefined],
      ['1e3', undefined, undefined],
    ];
    for (const [text, somoni, percent] of cases) {
      assert.equal(parseSomoni(text), somoni, text);
      assert.equal(parsePercent(text), percent, text);
    }
  });

  test('FIS-VCS-02, FIS-VTR-05: a good file gives its products', () => {
    const r = parseCatalogueRows([
      { code: 'TEA-1', gtin: '4870001234560', name_tg: 'Чойи сабз', name_ru: 'Зелёный чай', unit: 'piece', price: '18.50', tax_kind: 'vat', tax_rate: '14' },
      { name_tg: 'Себ', unit: 'kg', price: '12', tax_kind: 'simplified', tax_rate: '6', gtin: '96385074', marking: 'не' },
      { code: 'SHOE', name_tg: 'Пойафзол', unit: 'piece', price: '250', tax_kind: 'none', marking: 'ҳа' },
    ]);
    assert.ok(r.ok, JSON.stringify(r));
    assert.deepEqual(
      r.value.map((p) => [p.code, p.price, p.tax.kind, p.tax.rateBp, p.requiresMarkingCode]),
      [
        ['TEA-1', 1850, 'vat', 1400, false],
        ['96385074', 1200, 'simplified', 600, false],
        ['SHOE', 25000, 'none', 0, true],
      ],
    );
  });

  test('FIS-VCS-08: every bad cell is named by file line and column, and nothing is accepted', () => {
    const r = parseCatalogueRows([
      { code: 'A', name_tg: 'Якум', unit: 'piece', price: '1', tax_kind: 'none' },
      { code: 'B', gtin: '4006381333932', name_tg: '', unit: 'box', price: '1.234', tax_kind: 'vat', tax_rate: '0', colour: 'red' },
      { code: 'A', name_tg: 'Сеюм', unit: 'piece', price: '2', tax_kind: 'vat', tax_rate: 'x', marking: 'maybe' },
      { code: 'C', gtin: '96385074', name_tg: 'Чорум', unit: 'kg', price: '3', tax_kind: 'none' },
      { code: 'D', gtin: '00096385074', name_tg: 'Панҷум', unit: 'kg', price: '3', tax_kind: 'none' },
      { code: 'E', gtin: '000096385074', name_tg: 'Шашум', unit: 'kg', price: '3', tax_kind: 'none' },
    ]);
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.equal(r.error.code, 'CATALOGUE_IMPORT_INVALID');
    assert.deepEqual(
      ((r.error.details?.problems ?? []) as { line: number; field: string; code: string }[]).map((p) => `${p.line} ${p.field} ${p.code}`),
      [
        '3 colour COLUMN_UNKNOWN',
        '3 price PRICE_INVALID',
        '3 gtin GTIN_CHECK_DIGIT_WRONG',
        '3 name_tg PRODUCT_NAME_MISSING',
        '3 unit UNIT_UNKNOWN',
        '3 tax_rate TAX_RATE_INVALID',
        '4 tax_rate TAX_RATE_INVALID',
        '4 marking MARKING_FLAG_INVALID',
        '6 gtin GTIN_FORMAT_INVALID',
        '7 gtin GTIN_REPEATED',
      ],
    );
  });

  test('FIS-VCS-08: a code repeated in the file is refused on its second line', () => {
    const row = { code: 'A', name_tg: 'Якум', unit: 'piece', price: '1', tax_kind: 'none' };
    const r = parseCatalogueRows([row, row], 10);
    assert.deepEqual(r.ok ? [] : r.error.details?.problems, [{ line: 11, field: 'code', code: 'PRODUCT_CODE_REPEATED', details: { firstLine: 10 } }]);
    assert.deepEqual(parseCatalogueRows([]), { ok: true, value: [] });
  });
});
