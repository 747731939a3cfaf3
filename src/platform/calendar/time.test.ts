import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  addCalendarDays,
  addHours,
  addMonths,
  countCalendarDays,
  dayNumber,
  dushanbeDate,
  endOfDushanbeDay,
  isoDate,
  startOfDushanbeDay,
  weekdayOf,
} from './time.ts';

const at = (iso: string) => new Date(iso);

describe('Dushanbe time (UTC+05:00, no daylight saving)', () => {
  const dates: [instant: string, local: string][] = [
    ['2026-03-20T18:59:59.999Z', '2026-03-20'],
    ['2026-03-20T19:00:00.000Z', '2026-03-21'],
    ['2026-06-30T23:00:00+05:00', '2026-06-30'],
    ['2024-02-29T12:00:00+05:00', '2024-02-29'],
    ['2027-12-31T19:30:00Z', '2028-01-01'],
  ];
  for (const [instant, local] of dates) {
    test(`FIS-IMP-01: ${instant} is ${local} in Dushanbe`, () => assert.equal(dushanbeDate(at(instant)), local));
  }

  test('FIS-IMP-01: the machine time zone never changes the result', () => {
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'America/Los_Angeles';
      assert.equal(dushanbeDate(at('2026-03-20T19:00:00Z')), '2026-03-21');
      assert.equal(addCalendarDays(at('2026-03-08T12:00:00+05:00'), 1).toISOString(), '2026-03-09T18:59:59.999Z');
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  test('FIS-IMP-01: a local day starts at 00:00 +05:00 and ends at 23:59:59.999 +05:00', () => {
    assert.equal(startOfDushanbeDay('2026-01-01').toISOString(), '2025-12-31T19:00:00.000Z');
    assert.equal(endOfDushanbeDay('2026-01-01').toISOString(), '2026-01-01T18:59:59.999Z');
  });

  test('FIS-IMP-01: day numbers round-trip and 1 January 2026 is a Thursday', () => {
    for (const date of ['1970-01-01', '2024-02-29', '2026-01-01', '2028-12-31']) assert.equal(isoDate(dayNumber(date)), date);
    assert.equal(weekdayOf(dayNumber('2026-01-01')), 4);
    assert.equal(weekdayOf(dayNumber('2026-03-22')), 7);
  });
});

describe('plain clock arithmetic', () => {
  test('FIS-USE-03: 24 hours after the first offline receipt are 24 clock hours, nights and holidays included', () => {
    assert.equal(addHours(at('2026-03-20T22:15:00+05:00'), 24).toISOString(), at('2026-03-21T22:15:00+05:00').toISOString());
    assert.equal(addHours(at('2026-03-20T22:15:00+05:00'), 0.5).toISOString(), at('2026-03-20T22:45:00+05:00').toISOString());
  });

  const calendarDays: [from: string, days: number, due: string][] = [
    ['2026-01-10T09:00:00+05:00', 30, '2026-02-09T23:59:59.999+05:00'],
    ['2026-01-10T23:59:00+05:00', 1, '2026-01-11T23:59:59.999+05:00'],
    ['2026-01-10T19:30:00Z', 1, '2026-01-12T23:59:59.999+05:00'], // already 11 January in Dushanbe
    ['2026-12-20T10:00:00+05:00', 10, '2026-12-30T23:59:59.999+05:00'],
    ['2026-05-05T10:00:00+05:00', 0, '2026-05-05T23:59:59.999+05:00'],
  ];
  for (const [from, days, due] of calendarDays) {
    test(`CUS-PI-09: ${days} calendar days from ${from} end at ${due}`, () => {
      assert.equal(addCalendarDays(at(from), days).toISOString(), at(due).toISOString());
      assert.equal(countCalendarDays(at(from), at(due)), days);
    });
  }

  const months: [from: string, n: number, due: string][] = [
    ['2026-01-31T10:00:00+05:00', 1, '2026-02-28'],
    ['2028-01-31T10:00:00+05:00', 1, '2028-02-29'],
    ['2026-03-15T10:00:00+05:00', 2, '2026-05-15'],
    ['2026-11-30T10:00:00+05:00', 3, '2027-02-28'],
    ['2026-12-31T10:00:00+05:00', 12, '2027-12-31'],
  ];
  for (const [from, n, due] of months) {
    test(`TS-27(j): ${n} month(s) from ${from} end on ${due} (same day number, clamped to the month end)`, () => {
      assert.equal(addMonths(at(from), n).toISOString(), endOfDushanbeDay(due).toISOString());
    });
  }
});

describe('programming errors are RangeErrors', () => {
  const cases: [name: string, call: () => unknown][] = [
    ['a malformed date', () => dayNumber('2026-3-1')],
    ['an impossible date', () => dayNumber('2026-02-29')],
    ['an invalid Date', () => dushanbeDate(new Date('nope'))],
    ['negative hours', () => addHours(at('2026-01-01T00:00:00Z'), -1)],
    ['NaN hours', () => addHours(at('2026-01-01T00:00:00Z'), Number.NaN)],
    ['fractional days', () => addCalendarDays(at('2026-01-01T00:00:00Z'), 1.5)],
    ['negative months', () => addMonths(at('2026-01-01T00:00:00Z'), -1)],
    ['to before from', () => countCalendarDays(at('2026-01-02T00:00:00Z'), at('2026-01-01T00:00:00Z'))],
  ];
  for (const [name, call] of cases) test(`FIS-IMP-01: ${name} throws a RangeError`, () => assert.throws(call, RangeError));
});
