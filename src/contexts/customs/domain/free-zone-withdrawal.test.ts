import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type FreeZoneStatement, freeZoneWithdrawalReasons, type OtherDeclarationFacts, type WithdrawnFacts } from './free-zone-withdrawal.ts';

const withdrawn: WithdrawnFacts = {
  direction: 'export',
  regime: 'export',
  state: 'RELEASED',
  declarantCode: '010000101',
  commodityCodes: ['5201000000'],
  hasExited: false,
};
const other: OtherDeclarationFacts = {
  id: 'other',
  declarantCode: '010000101',
  regime: 'release_for_free_circulation',
  state: 'REGISTERED',
  registeredOn: '2026-03-02',
  commodityCodes: ['5201000000', '1701999000'],
};
const inside: FreeZoneStatement = {
  location: 'inside',
  isPlaceKnown: true,
  other: undefined,
  isOtherGiven: false,
  isOtherUsedElsewhere: false,
  otherWithdrawnId: 'x',
};
const outside: FreeZoneStatement = { ...inside, location: 'outside', other, isOtherGiven: true };
const day = '2026-03-02';

describe('free-zone withdrawal: pure rules', () => {
  test('CUS-DEC-54: goods in the zone or warehouse: withdrawn also after release; not once they left the territory', () => {
    assert.deepEqual(freeZoneWithdrawalReasons(withdrawn, inside, day), []);
    assert.deepEqual(freeZoneWithdrawalReasons({ ...withdrawn, hasExited: true }, inside, day), ['goods_left_territory']);
    assert.deepEqual(freeZoneWithdrawalReasons({ ...withdrawn, regime: 're_export' }, inside, day), ['not_export_of_domestic_goods']);
    assert.deepEqual(freeZoneWithdrawalReasons(withdrawn, { ...inside, isPlaceKnown: false }, day), ['place_unknown']);
  });

  test('CUS-DEC-54: goods outside: only with a declaration under another regime by the same declarant, filed the same day, for the same goods', () => {
    assert.deepEqual(freeZoneWithdrawalReasons(withdrawn, outside, day), []);
    assert.deepEqual(freeZoneWithdrawalReasons(withdrawn, { ...outside, other: undefined, isOtherGiven: false }, day), ['other_declaration_missing']);
    assert.deepEqual(freeZoneWithdrawalReasons(withdrawn, { ...outside, other: { ...other, declarantCode: '020000202' } }, day), ['other_declaration_missing']);
    assert.deepEqual(freeZoneWithdrawalReasons(withdrawn, { ...outside, other: { ...other, state: 'WITHDRAWN' } }, day), ['other_declaration_not_filed']);
    assert.deepEqual(freeZoneWithdrawalReasons(withdrawn, outside, '2026-03-03'), ['other_declaration_not_simultaneous']);
    assert.deepEqual(freeZoneWithdrawalReasons(withdrawn, { ...outside, other: { ...other, regime: 'export' } }, day), ['other_declaration_same_regime']);
    assert.deepEqual(freeZoneWithdrawalReasons(withdrawn, { ...outside, other: { ...other, commodityCodes: ['1701999000'] } }, day), [
      'other_declaration_other_goods',
    ]);
    assert.deepEqual(freeZoneWithdrawalReasons(withdrawn, { ...outside, isOtherUsedElsewhere: true }, day), ['other_declaration_already_used']);
    assert.deepEqual(freeZoneWithdrawalReasons({ ...withdrawn, hasExited: true }, outside, day), ['goods_left_territory']);
  });
});
