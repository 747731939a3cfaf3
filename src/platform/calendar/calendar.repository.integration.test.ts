import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestDatabase, type TestDatabase, testTargets } from '../../../test/db.ts';
import { BUILT_IN_CALENDAR } from './built-in.ts';
import { createCalendar } from './calendar.ts';
import type { CalendarData, OfficeSchedule } from './calendar-data.ts';
import { loadCalendar, loadCalendarData, removeTransfer, saveHolidayDate, saveOffice, saveTransfer } from './calendar.repository.ts';

/** Rows in a stable order, so that data loaded from SQL compare with the built-in constant. */
function normalise(data: CalendarData): CalendarData {
  const by =
    <T>(key: (row: T) => string) =>
    (a: T, b: T) =>
      key(a).localeCompare(key(b));
  return {
    holidays: [...data.holidays].sort(by((h) => h.code)),
    holidayDates: [...data.holidayDates].sort(by((d) => `${d.year} ${d.holidayCode}`)),
    transfers: [...data.transfers].sort(by((t) => t.dayOff)),
    offices: [...data.offices].sort(by((o) => o.code)).map((o) => ({ ...o, hours: [...o.hours].sort(by((h) => `${h.weekday} ${h.opens}`)) })),
  };
}

/** A customs office open Monday to Saturday 08:00-24:00 that keeps holidays. */
const CUSTOMS_OFFICE: OfficeSchedule = {
  code: 'customs-4101',
  name: { tg: 'Гумруки Душанбе', ru: 'Таможня Душанбе', en: 'Dushanbe customs' },
  observesHolidays: true,
  hours: ([1, 2, 3, 4, 5, 6] as const).map((weekday) => ({ weekday, opens: '08:00', closes: '24:00' })),
};

for (const target of testTargets()) {
  describe(`calendar tables on ${target}`, () => {
    let database: TestDatabase;

    before(async () => {
      database = await createTestDatabase(target);
    });

    after(async () => {
      await database?.close();
    });

    test('TS-28: a fresh database holds the built-in calendar (migration 0002 equals BUILT_IN_CALENDAR)', async () => {
      assert.deepEqual(normalise(await loadCalendarData(database.db)), normalise(BUILT_IN_CALENDAR));
    });

    test('FIS-IMP-01: the loaded calendar computes deadlines like the built-in one', async () => {
      const [loaded, builtIn] = [await loadCalendar(database.db), createCalendar(BUILT_IN_CALENDAR)];
      const from = new Date('2026-03-19T15:00:00+05:00');
      assert.equal(loaded.addWorkingHours(from, 2).toISOString(), new Date('2026-03-30T09:00:00+05:00').toISOString());
      assert.equal(loaded.addWorkingDays(from, 10).getTime(), builtIn.addWorkingDays(from, 10).getTime());
      assert.deepEqual(loaded.workingHoursOn('2026-03-21', 'round-the-clock'), [{ opens: '00:00', closes: '24:00' }]);
    });

    test('TS-28: a decree entered as a row makes Monday 7 December 2026 a day off, and removing it restores the day', async () => {
      const decree = { decree: 'Decree No 000 (test)', decreeDate: '2026-11-01', dayOff: '2026-12-07', workingDay: '2026-12-12', note: 'test' };
      const saved = await saveTransfer(database.db, decree);
      assert.equal(saved.isWorkingDay('2026-12-07'), false);
      assert.equal(saved.isWorkingDay('2026-12-12'), true);
      const reloaded = await loadCalendar(database.db);
      assert.deepEqual(
        reloaded.data.transfers.find((t) => t.dayOff === '2026-12-07'),
        decree,
      );
      assert.equal((await removeTransfer(database.db, '2026-12-07')).isWorkingDay('2026-12-07'), true);
      assert.equal((await loadCalendar(database.db)).isWorkingDay('2026-12-12'), false);
    });

    test('TS-28: the ruling on Idi Qurbon 2027 replaces the provisional date (Sunday 16 May → Monday 17 May)', async () => {
      const estimated = await loadCalendar(database.db);
      assert.deepEqual(
        estimated.dayOffReasons('2027-05-17').map((r) => r.kind),
        ['carried'],
      );
      const ruling = { holidayCode: 'idi-qurbon', year: 2027, date: '2027-05-17', status: 'decreed', source: 'Council of Ulema (test)' } as const;
      const decided = await saveHolidayDate(database.db, ruling);
      const [reason] = decided.dayOffReasons('2027-05-17');
      assert.ok(reason?.kind === 'holiday' && reason.holidayCode === 'idi-qurbon' && !reason.isProvisional);
      assert.equal(decided.isWorkingDay('2027-05-18'), true);
      assert.equal((await loadCalendarData(database.db)).holidayDates.filter((d) => d.holidayCode === 'idi-qurbon' && d.year === 2027).length, 1);
    });

    test('FIS-IMP-01: an office with Saturday hours to 24:00 is saved, loaded and replaced', async () => {
      const saved = await saveOffice(database.db, CUSTOMS_OFFICE);
      assert.deepEqual(saved.workingHoursOn('2026-11-21', CUSTOMS_OFFICE.code), [{ opens: '08:00', closes: '24:00' }]);
      const due = saved.addWorkingHours(new Date('2026-11-21T23:00:00+05:00'), 2, CUSTOMS_OFFICE.code);
      assert.equal(due.toISOString(), new Date('2026-11-23T09:00:00+05:00').toISOString());
      const narrowed = { ...CUSTOMS_OFFICE, hours: CUSTOMS_OFFICE.hours.filter((h) => h.weekday !== 6) };
      await saveOffice(database.db, narrowed);
      const loaded = await loadCalendar(database.db);
      assert.equal(loaded.isWorkingDay('2026-11-21', CUSTOMS_OFFICE.code), false);
      assert.deepEqual(
        normalise(loaded.data).offices.find((o) => o.code === CUSTOMS_OFFICE.code),
        normalise({ ...BUILT_IN_CALENDAR, offices: [narrowed] }).offices[0],
      );
    });

    test('FIS-IMP-01: a change that makes the calendar malformed is refused and not committed', async () => {
      const overlapping: OfficeSchedule = {
        ...CUSTOMS_OFFICE,
        code: 'customs-bad',
        hours: [
          { weekday: 1, opens: '08:00', closes: '12:00' },
          { weekday: 1, opens: '11:00', closes: '13:00' },
        ],
      };
      await assert.rejects(saveOffice(database.db, overlapping), RangeError);
      await assert.rejects(
        saveHolidayDate(database.db, { holidayCode: 'navruz', year: 2027, date: '2027-03-21', status: 'decreed', source: 'test' }),
        RangeError,
      );
      const data = await loadCalendarData(database.db);
      assert.equal(
        data.offices.some((o) => o.code === 'customs-bad'),
        false,
      );
      assert.equal(
        data.holidayDates.some((d) => d.holidayCode === 'navruz'),
        false,
      );
    });

    test('TS-28: the database itself refuses a transfer whose working day is its day off', async () => {
      await assert.rejects(database.query(`INSERT INTO platform.calendar_transfers (day_off, working_day, decree) VALUES ('2027-01-04', '2027-01-04', 'x')`));
    });
  });
}
