import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BUILT_IN_CALENDAR } from './built-in.ts';
import { createCalendar } from './calendar.ts';
import type { OfficeSchedule } from './calendar-data.ts';

/** A customs post open Monday to Saturday 08:00-13:00 (Saturday work, holidays kept). */
const CUSTOMS_POST: OfficeSchedule = {
  code: 'customs-post',
  name: { tg: 'Посгоҳи гумрукӣ', ru: 'Таможенный пост', en: 'Customs post' },
  observesHolidays: true,
  hours: ([1, 2, 3, 4, 5, 6] as const).map((weekday) => ({ weekday, opens: '08:00', closes: '13:00' })),
};
const calendar = createCalendar({ ...BUILT_IN_CALENDAR, offices: [...BUILT_IN_CALENDAR.offices, CUSTOMS_POST] });

/** Local Dushanbe wall time → instant. */
const local = (wall: string) => new Date(`${wall}+05:00`);
const iso = (wall: string) => local(wall).toISOString();

describe('addWorkingHours: a clock that runs only in working hours of working days', () => {
  const cases: [id: string, from: string, hours: number, due: string, office?: string][] = [
    ['FIS-IMP-01: 4 working hours from Friday 15:30 end on Monday 10:30', '2026-11-20T15:30', 4, '2026-11-23T10:30'],
    ['FIS-REG-08: 4 working hours from 06:00, before opening, end at 12:00 when the morning closes', '2026-11-23T06:00', 4, '2026-11-23T12:00'],
    ['FIS-REG-08: the lunch break does not count: 1 hour from 12:30 ends at 14:00', '2026-11-23T12:30', 1, '2026-11-23T14:00'],
    ['FIS-REG-08: from 18:00, after closing, the clock starts at the next opening', '2026-11-23T18:00', 1, '2026-11-24T09:00'],
    ['FIS-REG-08: zero hours on a Saturday is the next opening', '2026-11-21T10:00', 0, '2026-11-23T08:00'],
    ['FIS-REG-08: a quarter hour across lunch (11:50 → 13:05)', '2026-11-23T11:50', 0.25, '2026-11-23T13:05'],
    ['FIS-REG-20: the shortened Thursday before Constitution Day closes at 16:00, then the weekend and Monday', '2026-11-05T15:00', 2, '2026-11-09T09:00'],
    ['FIS-IMP-01: over Idi Ramazon, Navruz, the carried days and the decree day (19 → 30 March 2026)', '2026-03-19T15:00', 2, '2026-03-30T09:00'],
    ['CUS-TR-77: registered 1 hour before closing, 2 working hours remain after the next opening', '2026-11-23T16:00', 3, '2026-11-24T10:00'],
    ['CUS-TR-71: goods delivered outside working hours: 1 hour from the start of the working hours', '2026-11-23T19:30', 1, '2026-11-24T09:00'],
    ['CUS-TR-76: a Saturday customs post carries the rest to Monday', '2026-11-21T12:00', 3, '2026-11-23T10:00', CUSTOMS_POST.code],
    ['TS-28: the transferred working Saturday 14 March 2026 is worked', '2026-03-14T10:00', 1, '2026-03-14T11:00'],
    ['CUS-TR-76: a round-the-clock office counts every hour, across midnight and holidays', '2026-03-21T23:30', 1, '2026-03-22T00:30', 'round-the-clock'],
  ];
  for (const [id, from, hours, due, office] of cases) {
    test(id, () => {
      assert.equal(calendar.addWorkingHours(local(from), hours, office).toISOString(), iso(due));
      assert.equal(calendar.countWorkingHours(local(from), local(due), office), hours);
    });
  }

  test('FIS-IMP-01: 800 working hours from 5 January 2026 end at 11:00 on 4 June, the 100th working day after (three shortened days)', () => {
    const from = local('2026-01-05T08:00');
    const due = calendar.addWorkingHours(from, 800);
    assert.equal(due.toISOString(), iso('2026-06-04T11:00'));
    assert.equal(calendar.countWorkingHours(from, due), 800);
    assert.equal(calendar.countWorkingDays(from, due), 100);
    assert.deepEqual(
      ['2026-03-19', '2026-05-08', '2026-05-26'].map((d) => calendar.isShortenedDay(d)),
      [true, true, true],
    );
  });
});

describe('countWorkingHours', () => {
  const cases: [id: string, from: string, to: string, hours: number][] = [
    ['FIS-IMP-01: Monday 08:00 to Tuesday 17:00 is 16 working hours', '2026-11-23T08:00', '2026-11-24T17:00', 16],
    ['FIS-IMP-01: the week of Constitution Day 2026 has 31 working hours (Thursday shortened, Friday off)', '2026-11-02T00:00', '2026-11-08T23:59', 31],
    ['FIS-IMP-01: a weekend holds no working time', '2026-11-21T00:00', '2026-11-22T23:59', 0],
    ['FIS-IMP-01: the same instant is zero', '2026-11-23T10:00', '2026-11-23T10:00', 0],
  ];
  for (const [id, from, to, hours] of cases) test(id, () => assert.equal(calendar.countWorkingHours(local(from), local(to)), hours));
});

describe('addWorkingDays: the end of the working hours of the n-th working day after the day of the event', () => {
  const cases: [id: string, from: string, days: number, due: string, office?: string][] = [
    ['TS-27(d): 10 working days from Monday 23 November 2026 end on Monday 7 December at 17:00', '2026-11-23T10:00', 10, '2026-12-07T17:00'],
    ['TS-27(d): 1 working day from a Friday evening ends on Monday at 17:00', '2026-11-20T16:00', 1, '2026-11-23T17:00'],
    ['TS-27(d): 1 working day from a Saturday ends on Monday at 17:00', '2026-11-21T11:00', 1, '2026-11-23T17:00'],
    ['TS-27(d): 1 working day from Thursday 19 March 2026 skips 20-29 March', '2026-03-19T09:00', 1, '2026-03-30T17:00'],
    ['TS-27(d): a due day that is shortened before a holiday ends at 16:00', '2026-11-04T09:00', 1, '2026-11-05T16:00'],
    ['CUS-TS-02: the next working day after Friday 13 March 2026 is the transferred Saturday 14 March', '2026-03-13T11:00', 1, '2026-03-14T17:00'],
    ['CUS-TR-78: 5 working days of a Saturday customs post', '2026-11-19T10:00', 5, '2026-11-25T13:00', CUSTOMS_POST.code],
    ['TS-27(d): a round-the-clock office ends its working day at 24:00 (23:59:59.999)', '2026-03-21T10:00', 1, '2026-03-22T23:59:59.999', 'round-the-clock'],
    ['TS-27(b): 0 working days is the end of the current working day', '2026-11-23T10:00', 0, '2026-11-23T17:00'],
    ['TS-27(b): 0 working days after closing is the end of the next working day', '2026-11-23T18:00', 0, '2026-11-24T17:00'],
  ];
  for (const [id, from, days, due, office] of cases) {
    test(id, () => assert.equal(calendar.addWorkingDays(local(from), days, office).toISOString(), iso(due)));
  }

  test('TS-27(d): countWorkingDays counts the working days after the day of `from` up to the day of `to`', () => {
    assert.equal(calendar.countWorkingDays(local('2026-11-23T10:00'), local('2026-12-07T17:00')), 10);
    assert.equal(calendar.countWorkingDays(local('2026-11-23T10:00'), local('2026-11-23T16:00')), 0);
    assert.equal(calendar.countWorkingDays(local('2026-03-19T09:00'), local('2026-03-30T08:00')), 1);
  });
});

describe('calendar days, months and fixed dates, with the optional roll to a working day', () => {
  test('TS-27(e) / A-10: 30 calendar days ending on Navruz end on 21 March, or with the roll at the end of Monday 30 March', () => {
    const from = local('2026-02-19T15:00');
    assert.equal(calendar.addCalendarDays(from, 30).toISOString(), iso('2026-03-21T23:59:59.999'));
    assert.equal(calendar.addCalendarDays(from, 30, { rollToWorkingDay: true }).toISOString(), iso('2026-03-30T23:59:59.999'));
    assert.equal(calendar.countCalendarDays(from, local('2026-03-21T23:59:59.999')), 30);
  });

  test('TS-27(e): the roll follows the office named in the options (a Saturday office keeps Saturday)', () => {
    const from = local('2026-11-18T10:00');
    assert.equal(calendar.addCalendarDays(from, 10, { rollToWorkingDay: true }).toISOString(), iso('2026-11-30T23:59:59.999'));
    const options = { rollToWorkingDay: true, office: CUSTOMS_POST.code };
    assert.equal(calendar.addCalendarDays(from, 10, options).toISOString(), iso('2026-11-28T23:59:59.999'));
  });

  test('FEZ-35 / A-11: the March 2026 report is due at the end of Sunday 5 April, or of Monday 6 April when customs choose the roll', () => {
    assert.equal(calendar.endOfDay('2026-04-05').toISOString(), iso('2026-04-05T23:59:59.999'));
    assert.equal(calendar.endOfDay('2026-04-05', { rollToWorkingDay: true }).toISOString(), iso('2026-04-06T23:59:59.999'));
  });

  test('TS-27(j): 1 month from 21 February 2026 ends on Navruz, rolled to 30 March', () => {
    const from = local('2026-02-21T10:00');
    assert.equal(calendar.addMonths(from, 1).toISOString(), iso('2026-03-21T23:59:59.999'));
    assert.equal(calendar.addMonths(from, 1, { rollToWorkingDay: true }).toISOString(), iso('2026-03-30T23:59:59.999'));
  });

  test('FIS-USE-03: plain hours ignore the calendar', () => {
    assert.equal(calendar.addHours(local('2026-03-20T10:00'), 24).toISOString(), iso('2026-03-21T10:00'));
  });
});

describe('FIS-IMP-01: programming errors are RangeErrors', () => {
  const from = local('2026-11-23T10:00');
  const cases: [name: string, call: () => unknown][] = [
    ['negative working hours', () => calendar.addWorkingHours(from, -1)],
    ['infinite working hours', () => calendar.addWorkingHours(from, Number.POSITIVE_INFINITY)],
    ['negative working days', () => calendar.addWorkingDays(from, -2)],
    ['fractional working days', () => calendar.addWorkingDays(from, 1.5)],
    ['negative calendar days', () => calendar.addCalendarDays(from, -1)],
    ['an invalid Date', () => calendar.addWorkingHours(new Date(Number.NaN), 1)],
    ['counting backwards', () => calendar.countWorkingHours(from, local('2026-11-22T10:00'))],
    ['counting days backwards', () => calendar.countWorkingDays(from, local('2026-11-22T10:00'))],
    ['an unknown office', () => calendar.addWorkingDays(from, 1, 'nowhere')],
    ['a malformed date', () => calendar.nextWorkingDay('2026-11-31')],
    ['a malformed date to roll', () => calendar.endOfDay('5 April')],
  ];
  for (const [name, call] of cases) test(`FIS-IMP-01: ${name} throws a RangeError`, () => assert.throws(call, RangeError));
});
