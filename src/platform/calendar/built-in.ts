/**
 * The calendar data shipped with Bekogaz: the same rows that migrations/0002_calendar.sql inserts,
 * so pure tests and tools need no database. The integration test checks that both agree.
 */
import type { CalendarData, HolidayDate, HolidayRule } from './calendar-data.ts';

const LAW = 'Law of RT "On holidays" (2011, as amended): non-working holiday';
const SINCE = { fromYear: 2011, toYear: null } as const;

const holidays: readonly HolidayRule[] = [
  { code: 'new-year', kind: 'fixed', month: 1, day: 1, lengthDays: 1, ...SINCE, legalBasis: LAW, name: { tg: 'Соли нав', ru: 'Новый год', en: 'New Year' } },
  {
    code: 'mothers-day',
    kind: 'fixed',
    month: 3,
    day: 8,
    lengthDays: 1,
    ...SINCE,
    legalBasis: LAW,
    name: { tg: 'Рӯзи Модар', ru: 'День матери', en: "Mother's Day" },
  },
  {
    code: 'navruz',
    kind: 'fixed',
    month: 3,
    day: 21,
    lengthDays: 4,
    ...SINCE,
    legalBasis: `${LAW}, 21-24 March`,
    name: { tg: 'Иди байналмилалии Наврӯз', ru: 'Международный праздник Навруз', en: 'International Navruz holiday' },
  },
  {
    code: 'victory-day',
    kind: 'fixed',
    month: 5,
    day: 9,
    lengthDays: 1,
    ...SINCE,
    legalBasis: LAW,
    name: { tg: 'Рӯзи Ғалаба', ru: 'День Победы', en: 'Victory Day' },
  },
  {
    code: 'national-unity-day',
    kind: 'fixed',
    month: 6,
    day: 27,
    lengthDays: 1,
    ...SINCE,
    legalBasis: LAW,
    name: { tg: 'Рӯзи Ваҳдати миллӣ', ru: 'День национального единства', en: 'National Unity Day' },
  },
  {
    code: 'independence-day',
    kind: 'fixed',
    month: 9,
    day: 9,
    lengthDays: 1,
    ...SINCE,
    legalBasis: LAW,
    name: { tg: 'Рӯзи Истиқлолияти давлатии Ҷумҳурии Тоҷикистон', ru: 'День государственной независимости Республики Таджикистан', en: 'Independence Day' },
  },
  {
    code: 'constitution-day',
    kind: 'fixed',
    month: 11,
    day: 6,
    lengthDays: 1,
    ...SINCE,
    legalBasis: LAW,
    name: { tg: 'Рӯзи Конститутсияи Ҷумҳурии Тоҷикистон', ru: 'День Конституции Республики Таджикистан', en: 'Constitution Day' },
  },
  {
    code: 'idi-ramazon',
    kind: 'table',
    lengthDays: 1,
    ...SINCE,
    legalBasis: `${LAW}; the date is set each year by the authorised state body on religion`,
    name: { tg: 'Иди Рамазон (Иди Фитр)', ru: 'Иди Рамазон (Ураза-байрам)', en: 'Idi Ramazon (Eid al-Fitr)' },
  },
  {
    code: 'idi-qurbon',
    kind: 'table',
    lengthDays: 1,
    ...SINCE,
    legalBasis: `${LAW}; the date is set each year by the authorised state body on religion`,
    name: { tg: 'Иди Қурбон', ru: 'Иди Курбон (Курбан-байрам)', en: 'Idi Qurbon (Eid al-Adha)' },
  },
];

const ULEMA = 'Council of Ulema of the Islamic Centre of RT, on the Institute of Astrophysics calculation';
const ESTIMATE = 'Estimate: 1 Shawwal / 10 Dhu al-Hijjah of the Umm al-Qura calendar; replace with the ruling when published';

const holidayDates: readonly HolidayDate[] = [
  { holidayCode: 'idi-ramazon', year: 2024, date: '2024-04-10', status: 'decreed', source: `${ULEMA} (reported 4 Apr 2024)` },
  { holidayCode: 'idi-qurbon', year: 2024, date: '2024-06-16', status: 'decreed', source: `${ULEMA} (reported 12 Jun 2024)` },
  { holidayCode: 'idi-ramazon', year: 2025, date: '2025-03-30', status: 'decreed', source: ULEMA },
  { holidayCode: 'idi-qurbon', year: 2025, date: '2025-06-06', status: 'decreed', source: ULEMA },
  { holidayCode: 'idi-ramazon', year: 2026, date: '2026-03-20', status: 'decreed', source: `${ULEMA} (reported 27 Feb 2026)` },
  { holidayCode: 'idi-qurbon', year: 2026, date: '2026-05-27', status: 'provisional', source: ESTIMATE },
  { holidayCode: 'idi-ramazon', year: 2027, date: '2027-03-09', status: 'provisional', source: ESTIMATE },
  { holidayCode: 'idi-qurbon', year: 2027, date: '2027-05-16', status: 'provisional', source: ESTIMATE },
  { holidayCode: 'idi-ramazon', year: 2028, date: '2028-02-26', status: 'provisional', source: ESTIMATE },
  { holidayCode: 'idi-qurbon', year: 2028, date: '2028-05-05', status: 'provisional', source: ESTIMATE },
];

const WEEKDAYS = [1, 2, 3, 4, 5] as const;
const ALL_DAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** Built-in holidays, Islamic holiday dates 2024-2028, one example transfer and two office templates. */
export const BUILT_IN_CALENDAR: CalendarData = {
  holidays,
  holidayDates,
  transfers: [
    {
      decree: 'Government of RT decree on transferring days off in 2026 (number to be entered)',
      decreeDate: null,
      dayOff: '2026-03-27',
      workingDay: '2026-03-14',
      note: 'Example row: as reported by Sputnik Tajikistan on 27 Feb 2026 (20-29 March off for Idi Ramazon and Navruz)',
    },
  ],
  offices: [
    {
      code: 'default',
      name: { tg: 'Реҷаи кории умумии мақомоти давлатӣ', ru: 'Общий режим работы государственных органов', en: 'Standard hours of state bodies' },
      observesHolidays: true,
      hours: WEEKDAYS.flatMap((weekday) => [
        { weekday, opens: '08:00', closes: '12:00' },
        { weekday, opens: '13:00', closes: '17:00' },
      ]),
    },
    {
      code: 'round-the-clock',
      name: { tg: 'Шабонарӯзӣ, бе рӯзи истироҳат', ru: 'Круглосуточно, без выходных', en: 'Round the clock, no days off' },
      observesHolidays: false,
      hours: ALL_DAYS.map((weekday) => ({ weekday, opens: '00:00', closes: '24:00' })),
    },
  ],
};
