import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { BUILT_IN_CALENDAR } from './built-in.ts';
import { type Calendar, createCalendar } from './calendar.ts';
import type { CalendarData, DayTransfer, OfficeSchedule } from './calendar-data.ts';
import { DUSHANBE_OFFSET_MS, dayNumber, dushanbeDate, HOUR_MS, isoDate, MINUTE_MS, minutesOf } from './time.ts';

const SATURDAY_OFFICE: OfficeSchedule = {
  code: 'saturday-office',
  name: { tg: 'Идораи шанбе', ru: 'Офис с субботой', en: 'Saturday office' },
  observesHolidays: true,
  hours: ([1, 2, 3, 4, 5, 6] as const).flatMap((weekday) => [
    { weekday, opens: '09:00', closes: '13:00' },
    { weekday, opens: '14:00', closes: weekday === 6 ? '15:30' : '18:00' },
  ]),
};
const withOffices = (data: CalendarData): CalendarData => ({ ...data, offices: [...data.offices, SATURDAY_OFFICE] });
const builtIn = createCalendar(withOffices(BUILT_IN_CALENDAR));

const OFFICES = ['default', SATURDAY_OFFICE.code, 'round-the-clock'] as const;
const office = fc.constantFrom(...OFFICES);
const instantIn = (fromDate: string, toDate: string) =>
  fc
    .integer({ min: dayNumber(fromDate) * 86_400_000 - DUSHANBE_OFFSET_MS, max: dayNumber(toDate) * 86_400_000 - DUSHANBE_OFFSET_MS })
    .map((ms) => new Date(ms));
const from = instantIn('2024-01-01', '2028-06-30');
/** Up to about 100 working days of 8 hours, in whole minutes. */
const minutes = fc.integer({ min: 0, max: 100 * 8 * 60 });

/** A 2027 calendar with random Islamic holiday dates and up to three random transfers. */
const randomCalendar = fc
  .record({
    ramazon: fc.integer({ min: 0, max: 364 }),
    qurbon: fc.integer({ min: 0, max: 364 }),
    days: fc.uniqueArray(fc.integer({ min: 0, max: 364 }), { minLength: 0, maxLength: 6 }),
  })
  .map(({ ramazon, qurbon, days }): Calendar => {
    const dayOf2027 = (offset: number) => isoDate(dayNumber('2027-01-01') + offset);
    const transfers: DayTransfer[] = [];
    for (let i = 0; i + 1 < days.length; i += 2) {
      transfers.push({ decree: `test ${i}`, decreeDate: null, dayOff: dayOf2027(days[i] ?? 0), workingDay: dayOf2027(days[i + 1] ?? 0), note: null });
    }
    return createCalendar(
      withOffices({
        ...BUILT_IN_CALENDAR,
        holidayDates: [
          { holidayCode: 'idi-ramazon', year: 2027, date: dayOf2027(ramazon), status: 'decreed', source: 'test' },
          { holidayCode: 'idi-qurbon', year: 2027, date: dayOf2027(qurbon), status: 'decreed', source: 'test' },
        ],
        transfers,
      }),
    );
  });

/** Whether an instant lies inside (or at the closing boundary of) the working hours of its day. */
function isInWorkingTime(calendar: Calendar, instant: Date, code: string): boolean {
  const date = dushanbeDate(instant);
  const minute = ((instant.getTime() + DUSHANBE_OFFSET_MS) % 86_400_000) / MINUTE_MS;
  return calendar.workingHoursOn(date, code).some((h) => minute >= minutesOf(h.opens) && minute <= minutesOf(h.closes));
}

const RUNS = { numRuns: 300 };

describe('FIS-IMP-01: properties of working-time arithmetic', () => {
  test('FIS-IMP-01: adding working hours then counting them gives the same number', () => {
    fc.assert(
      fc.property(from, minutes, office, (start, m, code) => {
        const due = builtIn.addWorkingHours(start, m / 60, code);
        assert.equal(builtIn.countWorkingHours(start, due, code), m / 60);
      }),
      RUNS,
    );
  });

  // b > 0: zero hours from a closing instant is the next opening (the clock starts when the office opens).
  test('FIS-IMP-01: adding a then b > 0 working hours equals adding a + b', () => {
    fc.assert(
      fc.property(from, minutes, fc.integer({ min: 1, max: 100 * 8 * 60 }), office, (start, a, b, code) => {
        const stepwise = builtIn.addWorkingHours(builtIn.addWorkingHours(start, a / 60, code), b / 60, code);
        assert.equal(stepwise.getTime(), builtIn.addWorkingHours(start, (a + b) / 60, code).getTime());
      }),
      RUNS,
    );
  });

  test('FIS-IMP-01: a due time from working hours never falls on a day off or outside the working hours', () => {
    fc.assert(
      fc.property(from, minutes, office, (start, m, code) => {
        const due = builtIn.addWorkingHours(start, m / 60, code);
        assert.ok(due.getTime() >= start.getTime());
        assert.ok(isInWorkingTime(builtIn, due, code), `${due.toISOString()} is outside working time of ${code}`);
      }),
      RUNS,
    );
  });

  test('TS-27(d): a working-day due time falls at the close of a working day and counts back to n', () => {
    fc.assert(
      fc.property(from, fc.integer({ min: 1, max: 60 }), office, (start, n, code) => {
        const due = builtIn.addWorkingDays(start, n, code);
        const date = dushanbeDate(due);
        assert.ok(builtIn.isWorkingDay(date, code), `${date} is a day off for ${code}`);
        const closes = builtIn.workingHoursOn(date, code).at(-1)?.closes;
        assert.ok(closes === '24:00' ? due.getTime() % 1000 === 999 : isInWorkingTime(builtIn, due, code));
        assert.equal(builtIn.countWorkingDays(start, due, code), n);
      }),
      RUNS,
    );
  });

  test('FIS-IMP-01: due times are monotonic in `from`', () => {
    fc.assert(
      fc.property(from, fc.integer({ min: 0, max: 30 * 86_400_000 }), minutes, fc.integer({ min: 0, max: 30 }), office, (a, gap, m, n, code) => {
        const b = new Date(a.getTime() + gap);
        assert.ok(builtIn.addWorkingHours(a, m / 60, code) <= builtIn.addWorkingHours(b, m / 60, code));
        assert.ok(builtIn.addWorkingDays(a, n, code) <= builtIn.addWorkingDays(b, n, code));
        assert.ok(
          builtIn.addCalendarDays(a, n, { rollToWorkingDay: true, office: code }) <= builtIn.addCalendarDays(b, n, { rollToWorkingDay: true, office: code }),
        );
      }),
      RUNS,
    );
  });

  test('FIS-IMP-01: counting working hours is additive over a split point', () => {
    fc.assert(
      fc.property(from, fc.integer({ min: 0, max: 20 * 86_400_000 }), fc.integer({ min: 0, max: 20 * 86_400_000 }), office, (a, x, y, code) => {
        const [b, c] = [new Date(a.getTime() + x), new Date(a.getTime() + x + y)];
        const ms = (h: number) => Math.round(h * HOUR_MS);
        assert.equal(ms(builtIn.countWorkingHours(a, c, code)), ms(builtIn.countWorkingHours(a, b, code)) + ms(builtIn.countWorkingHours(b, c, code)));
      }),
      RUNS,
    );
  });

  test('TS-27(e) / A-10: calendar days count back to n, and the rolled end is the end of a working day no earlier', () => {
    fc.assert(
      fc.property(from, fc.integer({ min: 0, max: 400 }), office, (start, n, code) => {
        const plain = builtIn.addCalendarDays(start, n);
        const rolled = builtIn.addCalendarDays(start, n, { rollToWorkingDay: true, office: code });
        assert.equal(builtIn.countCalendarDays(start, plain), n);
        assert.ok(rolled >= plain && builtIn.isWorkingDay(dushanbeDate(rolled), code));
        assert.equal((rolled.getTime() + DUSHANBE_OFFSET_MS + 1) % 86_400_000, 0, 'ends at 23:59:59.999');
      }),
      RUNS,
    );
  });
});

describe('TS-28: properties hold for any Islamic holiday dates and transfers entered as data', () => {
  const from2027 = instantIn('2026-12-01', '2027-12-31');
  const officeNotAllDay = fc.constantFrom('default', SATURDAY_OFFICE.code);

  test('TS-28: due times never fall on a day off, whatever the decrees say', () => {
    fc.assert(
      fc.property(randomCalendar, from2027, minutes, fc.integer({ min: 1, max: 30 }), officeNotAllDay, (calendar, start, m, n, code) => {
        const byHours = calendar.addWorkingHours(start, m / 60, code);
        assert.ok(isInWorkingTime(calendar, byHours, code));
        assert.equal(calendar.countWorkingHours(start, byHours, code), m / 60);
        const byDays = calendar.addWorkingDays(start, n, code);
        assert.ok(calendar.isWorkingDay(dushanbeDate(byDays), code) && calendar.dayOffReasons(dushanbeDate(byDays), code).length === 0);
        assert.equal(calendar.countWorkingDays(start, byDays, code), n);
      }),
      { numRuns: 150 },
    );
  });

  test('TS-28: every weekday holiday is a day off and every day off has a reason', () => {
    fc.assert(
      fc.property(randomCalendar, fc.integer({ min: 0, max: 364 }), officeNotAllDay, (calendar, offset, code) => {
        const date = isoDate(dayNumber('2027-01-01') + offset);
        const reasons = calendar.dayOffReasons(date, code);
        assert.equal(calendar.isWorkingDay(date, code), reasons.length === 0);
        const isHoliday = calendar.data.holidayDates.some((d) => d.date === date);
        if (isHoliday) assert.ok(reasons.some((r) => r.kind === 'holiday'));
      }),
      { numRuns: 300 },
    );
  });
});
