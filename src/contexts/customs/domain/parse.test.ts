import assert from 'node:assert/strict';
import { test } from 'node:test';
import { competentOffices } from './offices.ts';
import { csvLineInput, parseVersion } from './parse.ts';
import { TABLES } from './tables.ts';

const person = (over: Record<string, unknown>) => parseVersion(TABLES.persons, { validFrom: '2026-03-02', name: 'X', roles: ['declarant'], ...over });
const codesOf = (r: ReturnType<typeof parseVersion>) => (r.ok ? [] : r.error.map((p) => `${p.field}:${p.code}`));

test('CUS-DEC-15 CUS-DEC-16: art.126: a domestic declarant has a TIN in TJ and no foreign ground', () => {
  assert.equal(person({ code: '010000101', residence: 'domestic', country: 'TJ' }).ok, true);
  assert.deepEqual(codesOf(person({ code: 'KZ-1', residence: 'domestic', country: 'TJ' })), ['code:PERSON_CODE_INVALID']);
  assert.deepEqual(codesOf(person({ code: '010000101', residence: 'domestic', country: 'TJ', foreignGround: 'other_disposal' })), [
    'foreignGround:FOREIGN_GROUND_INVALID',
  ]);
});

test('CUS-DEC-16: art.126 p.2: a foreign person needs a ground of i.1–5; the carrier ground (i.4) is for carriers only', () => {
  assert.deepEqual(codesOf(person({ code: 'KZ-1', residence: 'foreign', country: 'KZ' })), ['foreignGround:FOREIGN_GROUND_INVALID']);
  assert.deepEqual(codesOf(person({ code: 'KZ-1', residence: 'foreign', country: 'KZ', foreignGround: 'carrier_transit' })), [
    'foreignGround:FOREIGN_GROUND_INVALID',
  ]);
  assert.equal(person({ code: 'KZ-1', residence: 'foreign', country: 'KZ', foreignGround: 'carrier_transit', roles: ['carrier', 'declarant'] }).ok, true);
  assert.equal(person({ code: 'CN-7', residence: 'foreign', country: 'CN', foreignGround: 'representative_office' }).ok, true);
  assert.deepEqual(codesOf(person({ code: 'CN-7', residence: 'foreign', country: 'KZ', foreignGround: 'representative_office' })), [
    'code:PERSON_CODE_INVALID',
  ]);
});

test('IMP-07 CUS-DEC-24: a commodity code needs a duty rate; every field problem of a line is reported at once', () => {
  const base = { validFrom: '2026-03-02', code: '1001990000', descriptionTg: 'a', descriptionRu: 'b', descriptionEn: 'c', unit: 'kg', vatBp: 1400 };
  assert.deepEqual(codesOf(parseVersion(TABLES.commodity_codes, base)), ['dutyAdValoremBp:TARIFF_RATE_REQUIRED']);
  assert.equal(parseVersion(TABLES.commodity_codes, { ...base, dutyAdValoremBp: 0 }).ok, true);
  assert.deepEqual(codesOf(parseVersion(TABLES.commodity_codes, { ...base, code: '7701000000', vatBp: 20_000, validFrom: '2026-02-30' })), [
    'code:COMMODITY_CODE_INVALID',
    'vatBp:REFERENCE_VALUE_INVALID',
    'validFrom:REFERENCE_VALUE_INVALID',
  ]);
});

test('IMP-07: a CSV line maps columns to fields, splits lists on ; and reports unknown columns', () => {
  const { input, problems } = csvLineInput(TABLES.offices, { code: 'X1', declaration_kinds: 'goods;transit', colour: 'red' });
  assert.deepEqual(input, { code: 'X1', declarationKinds: 'goods;transit' });
  assert.deepEqual(problems, [{ field: 'colour', code: 'REFERENCE_VALUE_INVALID' }]);
  const rate = parseVersion(TABLES.exchange_rates, { currency: 'USD', somoniPerUnit: '0', source: 'NBT', validFrom: '2026-03-02' });
  assert.deepEqual(codesOf(rate), ['somoniPerUnit:REFERENCE_VALUE_INVALID']);
});

test('CUS-DEC-12 CUS-DEC-13: any competent office may accept, but goods assigned under art.125 p.2 go only to the assigned offices', () => {
  const office = (code: string, goodsAssignments: string[], transportModes = ['road']) => ({
    code,
    declarationKinds: ['goods'],
    regimes: ['release_for_free_circulation'],
    transportModes,
    goodsAssignments,
  });
  const offices = [office('DUSHANBE', ['cultural_valuables']), office('KHUJAND', []), office('AIR', [], ['air'])];
  const filing = { declarationKind: 'goods', regime: 'release_for_free_circulation', transportMode: 'road', goodsCategories: [] as string[] };
  assert.deepEqual(
    competentOffices(offices, filing).map((o) => o.code),
    ['DUSHANBE', 'KHUJAND'],
  );
  assert.deepEqual(
    competentOffices(offices, { ...filing, goodsCategories: ['cultural_valuables'] }).map((o) => o.code),
    ['DUSHANBE'],
  );
  // A category no office is assigned does not restrict.
  assert.deepEqual(
    competentOffices(offices, { ...filing, goodsCategories: ['weapons'] }).map((o) => o.code),
    ['DUSHANBE', 'KHUJAND'],
  );
  assert.deepEqual(competentOffices(offices, { ...filing, regime: 'export' }), []);
});
