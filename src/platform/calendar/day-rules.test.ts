import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BUILT_IN_CALENDAR } from './built-in.ts';
import { type Calendar, createCalendar } from './calendar.ts';
import type { CalendarData, OfficeSchedule } from './calendar-data.ts';
import { daysInMonth } from './time.ts';

const NAME = { tg: 'Идора', ru: 'Офис', en: 'Office' };
/** A tax inspectorate working a six-day week: Monday to Friday 08:00-17:00, Saturday 08:00-13:00. */
const SIX_DAY: OfficeSchedule = {
  code: 'tax-six-day',
  name: NAME,
  observesHolidays: true,
  hours: [1, 2, 3, 4, 5]
    .flatMap((weekday) => [
      { weekday, opens: '08:00', closes: '12:00' },
      { weekday, opens: '13:00', closes: '17:00' },
    ])
    .concat([{ weekday: 6, opens: '08:00', closes: '13:00' }]) as OfficeSchedule['hours'],
};

const calendarWith = (extra: Partial<CalendarData> = {}): Calendar =>
  createCalendar({
    ...BUILT_IN_CALENDAR,
    ...extra,
    offices: [...BUILT_IN_CALENDAR.offices, SIX_DAY, ...(extra.offices ?? [])],
  });
const builtIn = calendarWith();

/** Days of the month that are not worked by `office`. */
function daysOff(calendar: Calendar, year: number, month: number, office = 'default'): number[] {
  const off: number[] = [];
  for (let day = 1; day <= daysInMonth(year, month); day++) {
    if (!calendar.isWorkingDay(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, office)) off.push(day);
  }
  return off;
}

describe('TS-28: public holidays and the weekend carry rule (five-day week, built-in data)', () => {
  const months: [why: string, year: number, month: number, off: number[]][] = [
    ['New Year on Sunday moves the day off to Monday 2 January', 2023, 1, [1, 2, 7, 8, 14, 15, 21, 22, 28, 29]],
    [
      "Mother's Day on Saturday gives Monday 10 March; Navruz 22-23 on the weekend gives 25-26; Idi Ramazon on Sunday 30 gives 31",
      2025,
      3,
      [1, 2, 8, 9, 10, 15, 16, 21, 22, 23, 24, 25, 26, 29, 30, 31],
    ],
    ['Idi Ramazon on Wednesday 10 April 2024', 2024, 4, [6, 7, 10, 13, 14, 20, 21, 27, 28]],
    ['Idi Qurbon on Sunday 16 June 2024 gives Monday 17; National Unity Day on Thursday 27', 2024, 6, [1, 2, 8, 9, 15, 16, 17, 22, 23, 27, 29, 30]],
    ['Idi Qurbon on Friday 6 June 2025 and National Unity Day on Friday 27', 2025, 6, [1, 6, 7, 8, 14, 15, 21, 22, 27, 28, 29]],
    ['Victory Day on Saturday gives Monday 11 May; Idi Qurbon on Wednesday 27 May 2026', 2026, 5, [2, 3, 9, 10, 11, 16, 17, 23, 24, 27, 30, 31]],
    ['Idi Ramazon on Saturday 26 February 2028 gives Monday 28', 2028, 2, [5, 6, 12, 13, 19, 20, 26, 27, 28]],
    ['Constitution Day on Friday 6 November 2026 needs no carry', 2026, 11, [1, 6, 7, 8, 14, 15, 21, 22, 28, 29]],
  ];
  for (const [why, year, month, off] of months) {
    test(`TS-28: ${year}-${String(month).padStart(2, '0')}: ${why}`, () => assert.deepEqual(daysOff(builtIn, year, month), off));
  }

  test('TS-28: March 2026 (Idi Ramazon Friday 20, Navruz Saturday 21 - Tuesday 24, the transfer row) has 20-29 March off', () => {
    assert.deepEqual(daysOff(builtIn, 2026, 3), [1, 7, 8, 9, 15, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29]);
  });

  test('FIS-IMP-01: day-off reasons name the holiday, the carried day, the decree and the weekend, Tajik first', () => {
    assert.deepEqual(
      builtIn.dayOffReasons('2026-03-21').map((r) => r.kind),
      ['holiday', 'weekend'],
    );
    assert.equal(builtIn.dayOffReasons('2026-03-21')[0]?.label.tg, 'Иди байналмилалии Наврӯз');
    const carried = builtIn.dayOffReasons('2026-03-26');
    assert.deepEqual(
      carried.map((r) => r.kind === 'carried' && [r.holidayCode, r.holidayDate]),
      [['navruz', '2026-03-22']],
    );
    const decree = builtIn.dayOffReasons('2026-03-27')[0];
    assert.equal(decree?.kind, 'transfer');
    assert.match(decree?.label.ru ?? '', /постановлению Правительства/);
    assert.deepEqual(
      builtIn.dayOffReasons('2026-03-28').map((r) => r.kind),
      ['weekend'],
    );
    assert.deepEqual(builtIn.dayOffReasons('2026-03-30'), []);
  });

  test('TS-28: an Islamic holiday date from an estimate is shown as provisional', () => {
    const [reason] = builtIn.dayOffReasons('2027-03-09');
    assert.ok(reason?.kind === 'holiday' && reason.holidayCode === 'idi-ramazon' && reason.isProvisional);
    const [decreed] = builtIn.dayOffReasons('2025-03-30');
    assert.ok(decreed?.kind === 'holiday' && !decreed.isProvisional);
  });

  test('TS-28: a year without a row for a lunar holiday reports the missing dates', () => {
    assert.deepEqual(builtIn.missingHolidayDates(2026), []);
    assert.deepEqual(builtIn.missingHolidayDates(2029), ['idi-ramazon', 'idi-qurbon']);
  });
});

describe('TS-28: overlapping holidays (docs/calendar.md "Overlaps")', () => {
  const withRamazon = (date: string) =>
    calendarWith({ holidayDates: [{ holidayCode: 'idi-ramazon', year: Number(date.slice(0, 4)), date, status: 'decreed', source: 'test' }] });

  test('TS-28: Idi Ramazon on a Navruz weekday gives no extra day: Sunday 21 March 2027 still carries once, to Thursday 25', () => {
    const calendar = withRamazon('2027-03-23');
    assert.deepEqual(
      daysOff(calendar, 2027, 3).filter((d) => d >= 19 && d <= 29),
      [20, 21, 22, 23, 24, 25, 27, 28],
    );
    assert.deepEqual(
      calendar.dayOffReasons('2027-03-23').map((r) => r.kind === 'holiday' && r.holidayCode),
      ['navruz', 'idi-ramazon'],
    );
  });

  test('TS-28: two holidays on the same Sunday move that rest day once', () => {
    assert.deepEqual(daysOff(withRamazon('2026-03-22'), 2026, 3), daysOff(calendarWith({ holidayDates: [] }), 2026, 3));
  });

  test('TS-28: carries run in order across the new year (31 December on Saturday, New Year on Sunday)', () => {
    const calendar = calendarWith({
      holidays: [
        ...BUILT_IN_CALENDAR.holidays,
        { code: 'year-end', kind: 'fixed', month: 12, day: 31, lengthDays: 1, fromYear: 2022, toYear: 2022, legalBasis: 'test', name: NAME },
      ],
    });
    assert.deepEqual(daysOff(calendar, 2023, 1).slice(0, 4), [1, 2, 3, 7]);
    assert.deepEqual(
      calendar.dayOffReasons('2023-01-02').map((r) => r.kind === 'carried' && r.holidayDate),
      ['2022-12-31'],
    );
    assert.deepEqual(
      calendar.dayOffReasons('2023-01-03').map((r) => r.kind === 'carried' && r.holidayDate),
      ['2023-01-01'],
    );
  });
});

describe('TS-28: government transfers of days off', () => {
  test('TS-28: the transfer row makes Friday 27 March 2026 a day off and Saturday 14 March a working day with Friday hours', () => {
    assert.equal(builtIn.isWorkingDay('2026-03-27'), false);
    assert.equal(builtIn.isWorkingDay('2026-03-14'), true);
    assert.deepEqual(builtIn.workingHoursOn('2026-03-14'), builtIn.workingHoursOn('2026-03-13'));
    assert.equal(builtIn.nextWorkingDay('2026-03-19'), '2026-03-30');
  });

  test('TS-28: a decree row entered as data changes the calendar (Monday 7 December 2026 off, Saturday 12 December worked)', () => {
    const calendar = calendarWith({
      transfers: [{ decree: 'Decree No 000 (test)', decreeDate: '2026-11-01', dayOff: '2026-12-07', workingDay: '2026-12-12', note: null }],
    });
    assert.equal(builtIn.isWorkingDay('2026-12-07'), true);
    assert.equal(calendar.isWorkingDay('2026-12-07'), false);
    assert.equal(calendar.isWorkingDay('2026-12-12'), true);
    assert.equal(calendar.isWorkingDay('2026-03-27'), true, 'the example row is data too: without it 27 March is worked');
  });

  test('TS-28: a six-day office keeps its week: the transfer does not apply and only Sunday holidays carry', () => {
    assert.deepEqual(daysOff(builtIn, 2026, 3, SIX_DAY.code), [1, 8, 9, 15, 20, 21, 22, 23, 24, 25, 29]);
    assert.deepEqual(builtIn.workingHoursOn('2026-03-28', SIX_DAY.code), [{ opens: '08:00', closes: '13:00' }]);
  });

  test('TS-28: a round-the-clock office works on holidays and weekends', () => {
    assert.deepEqual(daysOff(builtIn, 2026, 3, 'round-the-clock'), []);
    assert.deepEqual(builtIn.dayOffReasons('2026-03-21', 'round-the-clock'), []);
    assert.deepEqual(builtIn.workingHoursOn('2026-03-19', 'round-the-clock'), [{ opens: '00:00', closes: '24:00' }]);
  });
});

describe('FIS-IMP-01: the working day before a holiday is one hour shorter (Labour Code)', () => {
  const shortened: [date: string, office: string, isShort: boolean, why: string][] = [
    ['2026-03-19', 'default', true, 'Thursday before Idi Ramazon'],
    ['2026-05-08', 'default', true, 'Friday right before Victory Day on Saturday'],
    ['2026-05-26', 'default', true, 'Tuesday before Idi Qurbon'],
    ['2026-11-05', 'default', true, 'Thursday before Constitution Day'],
    ['2026-12-31', 'default', true, 'Thursday before New Year'],
    ['2026-03-06', 'default', false, "Friday two days before Mother's Day on Sunday"],
    ['2026-03-07', SIX_DAY.code, true, "Saturday of a six-day office before Mother's Day on Sunday"],
    ['2026-03-19', 'round-the-clock', false, 'a round-the-clock office'],
  ];
  for (const [date, office, isShort, why] of shortened) {
    test(`FIS-IMP-01: ${date} (${why}) is ${isShort ? '' : 'not '}shortened`, () => assert.equal(builtIn.isShortenedDay(date, office), isShort));
  }

  test('FIS-IMP-01: the hour comes off the end of the day: 08:00-12:00 and 13:00-16:00', () => {
    assert.deepEqual(builtIn.workingHoursOn('2026-03-19'), [
      { opens: '08:00', closes: '12:00' },
      { opens: '13:00', closes: '16:00' },
    ]);
  });

  test('FIS-IMP-01: an hour longer than the last interval is taken from the one before', () => {
    const short: OfficeSchedule = {
      code: 'short-afternoon',
      name: NAME,
      observesHolidays: true,
      hours: [
        { weekday: 4, opens: '08:00', closes: '12:00' },
        { weekday: 4, opens: '12:30', closes: '13:00' },
      ],
    };
    assert.deepEqual(calendarWith({ offices: [short] }).workingHoursOn('2026-03-19', short.code), [{ opens: '08:00', closes: '11:30' }]);
  });

  test('FIS-IMP-01: the day before a decree day off is not shortened (a transfer is not a holiday)', () => {
    const calendar = calendarWith({ transfers: [{ decree: 'test', decreeDate: null, dayOff: '2026-12-31', workingDay: null, note: null }] });
    assert.equal(calendar.isShortenedDay('2026-12-30'), false);
    assert.equal(calendar.isWorkingDay('2026-12-31'), false);
  });
});

describe('FIS-IMP-01: calendar data are checked when the calendar is built', () => {
  const bad: [name: string, change: Partial<CalendarData>][] = [
    [
      'overlapping office hours',
      {
        offices: [
          {
            ...SIX_DAY,
            code: 'x',
            hours: [
              { weekday: 1, opens: '08:00', closes: '12:00' },
              { weekday: 1, opens: '11:00', closes: '13:00' },
            ],
          },
        ],
      },
    ],
    ['a closing time before the opening', { offices: [{ ...SIX_DAY, code: 'x', hours: [{ weekday: 1, opens: '12:00', closes: '08:00' }] }] }],
    ['a malformed clock time', { offices: [{ ...SIX_DAY, code: 'x', hours: [{ weekday: 1, opens: '8:00', closes: '12:00' }] }] }],
    ['a lunar date for a fixed holiday', { holidayDates: [{ holidayCode: 'navruz', year: 2026, date: '2026-03-21', status: 'decreed', source: 't' }] }],
    ['a lunar date outside its year', { holidayDates: [{ holidayCode: 'idi-qurbon', year: 2026, date: '2027-05-16', status: 'decreed', source: 't' }] }],
    ['a malformed transfer date', { transfers: [{ decree: 'd', decreeDate: null, dayOff: '2026-13-01', workingDay: null, note: null }] }],
    ['two transfers of the same day', { transfers: [1, 2].map(() => ({ decree: 'd', decreeDate: null, dayOff: '2026-12-07', workingDay: null, note: null })) }],
  ];
  for (const [name, change] of bad) test(`FIS-IMP-01: ${name} is refused with a RangeError`, () => assert.throws(() => calendarWith(change), RangeError));

  test('FIS-IMP-01: a calendar without the default office is refused', () => {
    assert.throws(() => createCalendar({ ...BUILT_IN_CALENDAR, offices: [SIX_DAY] }), RangeError);
  });

  test('FIS-IMP-01: the calendar is immutable and unknown offices are RangeErrors', () => {
    const input = structuredClone(BUILT_IN_CALENDAR) as { -readonly [K in keyof CalendarData]: CalendarData[K] };
    const calendar = createCalendar(input);
    input.transfers = [];
    assert.equal(calendar.isWorkingDay('2026-03-27'), false);
    assert.ok(Object.isFrozen(calendar.data) && Object.isFrozen(calendar.data.offices[0]?.hours));
    assert.throws(() => calendar.isWorkingDay('2026-03-27', 'no-such-office'), RangeError);
    assert.throws(() => calendar.isWorkingDay('27.03.2026'), RangeError);
  });
});
