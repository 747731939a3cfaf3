import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  commodityHierarchy,
  isCommodityCode,
  isCommodityPrefix,
  isCountryCode,
  isCurrencyCode,
  isCurrencyNumeric,
  isDecimal,
  isForeignPersonCode,
  isTin,
  normaliseDecimal,
} from './codes.ts';

test('IMP-07 CUS-DOC-04: a national commodity code has 10 digits in HS chapters 01–97 except the reserved 77', () => {
  for (const ok of ['0101210000', '2402200000', '8703231940', '9706900000']) assert.equal(isCommodityCode(ok), true, ok);
  for (const bad of ['010121000', '01012100000', '0001210000', '9801000000', '7701000000', '87032319a0', '']) assert.equal(isCommodityCode(bad), false, bad);
  assert.deepEqual(commodityHierarchy('8703231940'), { chapter: '87', heading: '8703', subheading: '870323', national: '8703231940' });
  assert.equal(isCommodityPrefix('87'), true);
  assert.equal(isCommodityPrefix('870323'), true);
  assert.equal(isCommodityPrefix('77'), false);
  assert.equal(isCommodityPrefix('8'), false);
});

test('IMP-07: ISO 3166 alpha-2 countries without user-assigned codes; ISO 4217 currencies', () => {
  for (const ok of ['TJ', 'UZ', 'KZ', 'CN', 'RU', 'AF', 'KG', 'IR', 'TR', 'QA']) assert.equal(isCountryCode(ok), true, ok);
  for (const bad of ['tj', 'TJK', 'AA', 'ZZ', 'XK', 'QM', 'QZ', '1A']) assert.equal(isCountryCode(bad), false, bad);
  assert.equal(isCurrencyCode('TJS'), true);
  assert.equal(isCurrencyCode('usd'), false);
  assert.equal(isCurrencyNumeric('972'), true);
  assert.equal(isCurrencyNumeric('000'), false);
});

test('CUS-DEC-15 CUS-DEC-16: persons are keyed by TIN (domestic) or country and registration number (foreign)', () => {
  assert.equal(isTin('010000101'), true);
  assert.equal(isTin('01000010'), false);
  assert.equal(isForeignPersonCode('KZ-990140000123'), true);
  assert.equal(isForeignPersonCode('XX-1'), false);
  assert.equal(isForeignPersonCode('KZ990140000123'), false);
});

test('IMP-07: exchange rates are exact decimals, never floats', () => {
  assert.equal(isDecimal('10.9512', 6), true);
  assert.equal(isDecimal('10.1234567', 6), false);
  assert.equal(isDecimal('1e3', 6), false);
  assert.equal(normaliseDecimal('10.950000'), '10.95');
  assert.equal(normaliseDecimal('1.000000'), '1');
  assert.equal(normaliseDecimal('12'), '12');
});
