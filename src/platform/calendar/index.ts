/**
 * The calendar service, the one place where legal deadlines are computed (DESIGN.md "Legal
 * deadlines are data"): public holidays of Tajikistan, the yearly Islamic holiday dates,
 * government transfers of days off and office working hours, in Asia/Dushanbe time (UTC+05:00).
 * Other contexts import from this file only. docs/calendar.md explains the rules and the tables.
 */

/** An immutable calendar: working-day and working-hour arithmetic for the offices it knows. */
export type { Calendar, DayHours, DeadlineOptions } from './calendar.ts';
/** The plain data a calendar is built from, as stored in the tables of migration 0002. */
export type { CalendarData, DayTransfer, HolidayDate, HolidayRule, OfficeSchedule, WorkingHours } from './calendar-data.ts';
/** Why a day is not worked (holiday, carried day off, decree, weekly rest day), with labels in tg/ru/en. */
export type { DayOffReason } from './day-rules.ts';
/** A 'YYYY-MM-DD' legal date in Dushanbe, and an ISO weekday (Monday 1 … Sunday 7). */
export type { IsoDate, Weekday } from './time.ts';

/** The holidays, Islamic dates 2024-2028, example transfer and office templates that migration 0002 inserts. */
export { BUILT_IN_CALENDAR } from './built-in.ts';
/** Builds an immutable calendar from plain data; malformed data is a RangeError. */
export { createCalendar } from './calendar.ts';
/** The office code used when a caller names none. */
export { DEFAULT_OFFICE } from './calendar-data.ts';
/**
 * Database access: `loadCalendar(db)` reads the tables into a calendar; `saveTransfer`,
 * `removeTransfer`, `saveHolidayDate` and `saveOffice` enter a decree, a lunar date or office hours
 * and return the rebuilt calendar (the change is refused if the result would be malformed).
 */
export { loadCalendar, loadCalendarData, removeTransfer, saveHolidayDate, saveOffice, saveTransfer } from './calendar.repository.ts';
/**
 * Calendar-free helpers in Dushanbe time: the local date of an instant, the start and end of a
 * local date, plain clock hours, calendar days and months (the `Calendar` methods of the same names
 * add the roll to a working day).
 */
export {
  addCalendarDays,
  addHours,
  addMonths,
  countCalendarDays,
  dushanbeDate,
  endOfDushanbeDay,
  startOfDushanbeDay,
} from './time.ts';
