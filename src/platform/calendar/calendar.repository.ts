/**
 * The calendar tables of migration 0002 (schema `platform`): loading them into a `Calendar`, and
 * entering a decree, a lunar holiday date or an office's hours as data.
 */
import { and, asc, eq } from 'drizzle-orm';
import { boolean, date, pgSchema, smallint, text, time } from 'drizzle-orm/pg-core';
import type { Db } from '../db.ts';
import { type Calendar, createCalendar } from './calendar.ts';
import type { CalendarData, DayTransfer, HolidayDate, HolidayRule, OfficeSchedule, WorkingHours } from './calendar-data.ts';
import type { IsoDate, Weekday } from './time.ts';

const platform = pgSchema('platform');

const holidays = platform.table('calendar_holidays', {
  code: text('code').primaryKey(),
  kind: text('kind').$type<'fixed' | 'table'>().notNull(),
  month: smallint('month'),
  day: smallint('day'),
  lengthDays: smallint('length_days').notNull(),
  fromYear: smallint('from_year').notNull(),
  toYear: smallint('to_year'),
  nameTg: text('name_tg').notNull(),
  nameRu: text('name_ru').notNull(),
  nameEn: text('name_en').notNull(),
  legalBasis: text('legal_basis').notNull(),
});

const holidayDates = platform.table('calendar_holiday_dates', {
  holidayCode: text('holiday_code').notNull(),
  year: smallint('year').notNull(),
  date: date('date', { mode: 'string' }).notNull(),
  status: text('status').$type<HolidayDate['status']>().notNull(),
  source: text('source').notNull(),
});

const transfers = platform.table('calendar_transfers', {
  dayOff: date('day_off', { mode: 'string' }).primaryKey(),
  workingDay: date('working_day', { mode: 'string' }),
  decree: text('decree').notNull(),
  decreeDate: date('decree_date', { mode: 'string' }),
  note: text('note'),
});

const offices = platform.table('calendar_offices', {
  code: text('code').primaryKey(),
  nameTg: text('name_tg').notNull(),
  nameRu: text('name_ru').notNull(),
  nameEn: text('name_en').notNull(),
  observesHolidays: boolean('observes_holidays').notNull(),
});

const officeHours = platform.table('calendar_office_hours', {
  officeCode: text('office_code').notNull(),
  weekday: smallint('weekday').notNull(),
  opens: time('opens').notNull(),
  closes: time('closes').notNull(),
});

/** Reads every calendar table as plain data, in a stable order. */
export async function loadCalendarData(db: Db): Promise<CalendarData> {
  const [holidayRows, dateRows, transferRows, officeRows, hourRows] = await Promise.all([
    db.select().from(holidays).orderBy(asc(holidays.code)),
    db.select().from(holidayDates).orderBy(asc(holidayDates.year), asc(holidayDates.holidayCode)),
    db.select().from(transfers).orderBy(asc(transfers.dayOff)),
    db.select().from(offices).orderBy(asc(offices.code)),
    db.select().from(officeHours).orderBy(asc(officeHours.officeCode), asc(officeHours.weekday), asc(officeHours.opens)),
  ]);
  return {
    holidays: holidayRows.map(toHolidayRule),
    holidayDates: dateRows.map((r) => ({ ...r })),
    transfers: transferRows.map((r) => ({ decree: r.decree, decreeDate: r.decreeDate, dayOff: r.dayOff, workingDay: r.workingDay, note: r.note })),
    offices: officeRows.map((o) => ({
      code: o.code,
      name: { tg: o.nameTg, ru: o.nameRu, en: o.nameEn },
      observesHolidays: o.observesHolidays,
      hours: hourRows
        .filter((h) => h.officeCode === o.code)
        .map((h): WorkingHours => ({ weekday: h.weekday as Weekday, opens: h.opens.slice(0, 5), closes: h.closes.slice(0, 5) })),
    })),
  };
}

/** Builds the calendar from the database (see `createCalendar`). */
export async function loadCalendar(db: Db): Promise<Calendar> {
  return createCalendar(await loadCalendarData(db));
}

/**
 * Enters a government decree on transferring days off (one row per day made off), or corrects the
 * row for that day. The whole calendar is checked before commit; the new calendar is returned.
 */
export function saveTransfer(db: Db, transfer: DayTransfer): Promise<Calendar> {
  return changeAndCheck(db, async (tx) => {
    await tx
      .insert(transfers)
      .values({ ...transfer })
      .onConflictDoUpdate({
        target: transfers.dayOff,
        set: { workingDay: transfer.workingDay, decree: transfer.decree, decreeDate: transfer.decreeDate, note: transfer.note },
      });
  });
}

/** Removes the transfer of a day off (a decree revoked or entered by mistake). */
export function removeTransfer(db: Db, dayOff: IsoDate): Promise<Calendar> {
  return changeAndCheck(db, async (tx) => {
    await tx.delete(transfers).where(eq(transfers.dayOff, dayOff));
  });
}

/** Enters the yearly date of a lunar holiday (Idi Ramazon, Idi Qurbon), replacing a provisional one. */
export function saveHolidayDate(db: Db, row: HolidayDate): Promise<Calendar> {
  return changeAndCheck(db, async (tx) => {
    await tx.delete(holidayDates).where(and(eq(holidayDates.holidayCode, row.holidayCode), eq(holidayDates.year, row.year)));
    await tx.insert(holidayDates).values({ ...row });
  });
}

/** Creates an office's schedule or replaces its hours. */
export function saveOffice(db: Db, office: OfficeSchedule): Promise<Calendar> {
  return changeAndCheck(db, async (tx) => {
    const row = { nameTg: office.name.tg, nameRu: office.name.ru, nameEn: office.name.en, observesHolidays: office.observesHolidays };
    await tx
      .insert(offices)
      .values({ code: office.code, ...row })
      .onConflictDoUpdate({ target: offices.code, set: row });
    await tx.delete(officeHours).where(eq(officeHours.officeCode, office.code));
    if (office.hours.length > 0) await tx.insert(officeHours).values(office.hours.map((h) => ({ officeCode: office.code, ...h })));
  });
}

/** Writes, then rebuilds the calendar inside the same transaction: data that `createCalendar` refuses never commits. */
async function changeAndCheck(db: Db, change: (tx: Db) => Promise<void>): Promise<Calendar> {
  return db.transaction(async (tx) => {
    await change(tx as unknown as Db);
    return loadCalendar(tx as unknown as Db);
  });
}

function toHolidayRule(r: typeof holidays.$inferSelect): HolidayRule {
  const base = {
    code: r.code,
    name: { tg: r.nameTg, ru: r.nameRu, en: r.nameEn },
    lengthDays: r.lengthDays,
    fromYear: r.fromYear,
    toYear: r.toYear,
    legalBasis: r.legalBasis,
  };
  return r.kind === 'fixed' ? { ...base, kind: 'fixed', month: r.month ?? 0, day: r.day ?? 0 } : { ...base, kind: 'table' };
}
