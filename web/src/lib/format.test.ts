import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDate, formatDateTime, formatLongDate, nowInDushanbeLocal, todayInDushanbe } from './format.ts';

test('FIS-IMP-38: instants are shown in Dushanbe time (UTC+05:00) whatever the machine zone', () => {
  // 19:30 UTC on 1 March is already 2 March, 00:30 in Dushanbe.
  assert.equal(formatDateTime('2026-03-01T19:30:00Z', 'ru'), '02.03.2026, 00:30');
  assert.equal(formatDateTime('2026-03-01T19:30:00Z', 'en'), '02/03/2026, 00:30');
  assert.equal(formatDateTime('2026-03-01T19:30:00Z', 'tg'), '02.03.2026 00:30');
  assert.equal(formatDate('2026-03-01T19:30:00Z', 'ru'), '02.03.2026');
  assert.equal(todayInDushanbe(new Date('2026-03-01T19:30:00Z')), '2026-03-02');
  assert.equal(nowInDushanbeLocal(new Date('2026-03-01T19:30:00Z')), '2026-03-02T00:30');
});

test('legal dates are calendar days, never shifted by a time zone', () => {
  assert.equal(formatDate('2026-03-02', 'ru'), '02.03.2026');
  assert.equal(formatLongDate('2026-03-02', 'en'), '2 March 2026');
  assert.equal(formatLongDate('2026-03-02', 'tg'), '2 марти 2026');
  assert.equal(formatDate(null, 'tg'), '—');
});
