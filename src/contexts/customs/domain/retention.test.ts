import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isAfterRelease, isRetentionOver, retainUntil } from './retention.ts';
import { mayMove, periodExcess, undertakingCovers } from './undertaking.ts';

describe('retention and undertakings: pure rules', () => {
  test('CUS-REG-09: kept five years from the day of registration; over only the day after', () => {
    assert.equal(retainUntil('2026-03-02'), '2031-03-02');
    assert.equal(retainUntil('2028-02-29'), '2033-02-28');
    assert.equal(isRetentionOver('2031-03-02', '2031-03-02'), false);
    assert.equal(isRetentionOver('2031-03-02', '2031-03-03'), true);
    assert.equal(isAfterRelease(null, new Date()), false);
    assert.equal(isAfterRelease(new Date('2026-03-02T05:00:00Z'), new Date('2026-03-02T06:00:00Z')), true);
    assert.equal(isAfterRelease(new Date('2026-03-02T07:00:00Z'), new Date('2026-03-02T06:00:00Z')), false);
  });

  test('CUS-REL-08: the period is no more than the limit; fulfilled only from accepted or overdue; covers by document or code', () => {
    assert.equal(periodExcess(45, 45), 0);
    assert.equal(periodExcess(46, 45), 1);
    assert.equal(mayMove('GIVEN', 'accept'), true);
    assert.equal(mayMove('ACCEPTED', 'accept'), false);
    assert.equal(mayMove('OVERDUE', 'fulfil'), true);
    assert.equal(mayMove('GIVEN', 'fulfil'), false);
    assert.equal(mayMove('FULFILLED', 'flagOverdue'), false);
    const byDoc = { transportDocument: { typeCode: 'CMR', number: 'CMR 1' }, commodityCodes: ['27'] };
    assert.equal(undertakingCovers(byDoc, { documents: [{ typeCode: 'cmr', number: 'CMR1' }], commodityCodes: ['9999999999'] }), true);
    assert.equal(undertakingCovers(byDoc, { documents: [], commodityCodes: ['2701000000'] }), false, 'a document, when named, decides');
    const byCode = { transportDocument: null, commodityCodes: ['2701'] };
    assert.equal(undertakingCovers(byCode, { documents: [], commodityCodes: ['2701120000'] }), true);
    assert.equal(undertakingCovers(byCode, { documents: [], commodityCodes: ['2702000000'] }), false);
  });
});
