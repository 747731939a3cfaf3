import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addDays, dirams, formatDate, formatDateTime, formatLongDate, formatMonth, formatSomoni, nowInDushanbeLocal, todayInDushanbe } from './format.ts';

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

test('money is shown as somoni with two decimals, from integer dirams, in each language', () => {
  assert.equal(formatSomoni(123450, 'ru'), '1\u00a0234,50');
  assert.equal(formatSomoni(123450, 'tg'), '1\u00a0234,50');
  assert.equal(formatSomoni(123450, 'en'), '1,234.50');
  assert.equal(formatSomoni(5, 'tg'), '0,05');
  assert.equal(formatSomoni(-700, 'en'), '−7.00');
  assert.equal(formatSomoni(null, 'tg'), '—');
  assert.equal(dirams('12.50'), 1250);
  assert.equal(dirams('12,5'), 1250);
  assert.equal(dirams('twelve'), undefined);
  assert.equal(formatMonth('2026-03', 'tg'), 'Марти 2026');
  assert.equal(formatMonth('2026-05', 'en'), 'May 2026');
  assert.equal(addDays('2026-03-01', -1), '2026-02-28');
});
