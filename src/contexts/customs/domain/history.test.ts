import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addDays, hasNoOverlap, isIsoDate, planVersion, versionOn } from './history.ts';

const v = (validFrom: string, validTo: string | null) => ({ validFrom, validTo });

test('IMP-07 CUS-DEC-72: the version in force on a day is the one whose span holds the day, ends inclusive', () => {
  const versions = [v('2025-01-01', '2025-12-31'), v('2026-01-01', null)];
  for (const [day, expected] of [
    ['2024-12-31', undefined],
    ['2025-01-01', '2025-01-01'],
    ['2025-12-31', '2025-01-01'],
    ['2026-01-01', '2026-01-01'],
    ['2099-06-30', '2026-01-01'],
  ] as const) {
    assert.equal(versionOn(versions, day)?.validFrom, expected, day);
  }
});

test('IMP-07: real calendar days only, and day arithmetic across months and leap years', () => {
  assert.equal(isIsoDate('2028-02-29'), true);
  for (const bad of ['2026-02-29', '2026-02-30', '2026-13-01', '2026-1-01', '']) assert.equal(isIsoDate(bad), false, bad);
  assert.equal(addDays('2026-03-01', -1), '2026-02-28');
  assert.equal(addDays('2028-03-01', -1), '2028-02-29');
  assert.equal(addDays('2025-12-31', 1), '2026-01-01');
});

test('IMP-07: a new version closes the open one the day before', () => {
  const r = planVersion([v('2025-01-01', null)], v('2026-03-10', null), '2026-03-02', true);
  assert.deepEqual(r, { ok: true, value: { close: { validFrom: '2025-01-01', validTo: '2026-03-09' }, span: v('2026-03-10', null) } });
  assert.ok(hasNoOverlap([v('2025-01-01', '2026-03-09'), v('2026-03-10', null)]));
});

test('IMP-07 CUS-DEC-72: refusals: reversed span, past-dated change of a stored code, overlap with a scheduled or closed version', () => {
  const today = '2026-03-02';
  assert.deepEqual(planVersion([], v('2026-04-01', '2026-03-31'), today, false), { ok: false, error: 'REFERENCE_DATES_INVALID' });
  assert.deepEqual(planVersion([v('2025-01-01', null)], v('2026-03-01', null), today, true), { ok: false, error: 'REFERENCE_PAST_DATED' });
  // A scheduled future version is not closed silently.
  assert.deepEqual(planVersion([v('2025-01-01', '2026-03-31'), v('2026-04-01', null)], v('2026-03-15', null), today, true), {
    ok: false,
    error: 'REFERENCE_OVERLAP',
  });
  // Same first day as the open version.
  assert.deepEqual(planVersion([v('2026-03-02', null)], v('2026-03-02', null), today, true), { ok: false, error: 'REFERENCE_OVERLAP' });
  // A new code may bring its history, and versions of one file chain up.
  assert.equal(planVersion([], v('2020-01-01', null), today, false).ok, true);
  assert.equal(planVersion([v('2020-01-01', null)], v('2021-01-01', null), today, false).ok, true);
  assert.equal(hasNoOverlap([v('2025-01-01', '2025-06-30'), v('2025-06-30', null)]), false);
});
