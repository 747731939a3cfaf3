-- The working-time calendar (src/platform/calendar, docs/calendar.md): non-working public holidays
-- of the Law "On holidays", the yearly dates of Idi Ramazon and Idi Qurbon, government decrees
-- transferring days off, and office working hours. Every legal deadline is computed from these
-- rows in Asia/Dushanbe time; a decree is entered as a row, never as code. The seed rows are the
-- same data as BUILT_IN_CALENDAR in src/platform/calendar/built-in.ts (a test keeps them equal).

-- A holiday either falls on a fixed date (`fixed`: month, day) or takes its date each year from
-- calendar_holiday_dates (`table`: the lunar Islamic holidays). Navruz lasts length_days = 4.
CREATE TABLE platform.calendar_holidays (
  code text PRIMARY KEY CHECK (code ~ '^[a-z0-9-]+$'),
  kind text NOT NULL CHECK (kind IN ('fixed', 'table')),
  month smallint CHECK (month BETWEEN 1 AND 12),
  day smallint CHECK (day BETWEEN 1 AND 31),
  length_days smallint NOT NULL DEFAULT 1 CHECK (length_days BETWEEN 1 AND 10),
  from_year smallint NOT NULL,
  to_year smallint CHECK (to_year >= from_year),
  name_tg text NOT NULL,
  name_ru text NOT NULL,
  name_en text NOT NULL,
  legal_basis text NOT NULL,
  CHECK ((kind = 'fixed') = (month IS NOT NULL AND day IS NOT NULL))
);

-- The first day of a lunar holiday in one year. The Law "On holidays" leaves the date to the
-- authorised state body on religion, which announces it each year on the ruling of the Council of
-- Ulema; `provisional` rows are astronomical estimates until that ruling replaces them.
CREATE TABLE platform.calendar_holiday_dates (
  holiday_code text NOT NULL REFERENCES platform.calendar_holidays (code),
  year smallint NOT NULL,
  date date NOT NULL,
  status text NOT NULL CHECK (status IN ('decreed', 'provisional')),
  source text NOT NULL,
  PRIMARY KEY (holiday_code, year),
  CHECK (EXTRACT(YEAR FROM date) = year)
);

-- A government decree transferring days off: day_off becomes a day off; working_day, if any, is the
-- rest day worked instead (with the hours of day_off's weekday). One row per day made off.
CREATE TABLE platform.calendar_transfers (
  day_off date PRIMARY KEY,
  working_day date UNIQUE,
  decree text NOT NULL CHECK (decree <> ''),
  decree_date date,
  note text,
  CHECK (working_day IS NULL OR working_day <> day_off)
);

-- Offices whose working time governs deadlines ('default', a tax inspectorate, a customs office).
-- An office with observes_holidays = false works on holidays too (a round-the-clock border post).
CREATE TABLE platform.calendar_offices (
  code text PRIMARY KEY,
  name_tg text NOT NULL,
  name_ru text NOT NULL,
  name_en text NOT NULL,
  observes_holidays boolean NOT NULL DEFAULT true
);

-- Opening intervals per ISO weekday (1 = Monday … 7 = Sunday), local time; closes may be 24:00.
-- A weekday without rows is the office's weekly rest day. Overlaps are refused by the application.
CREATE TABLE platform.calendar_office_hours (
  office_code text NOT NULL REFERENCES platform.calendar_offices (code) ON DELETE CASCADE,
  weekday smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  opens time NOT NULL CHECK (EXTRACT(SECOND FROM opens) = 0),
  closes time NOT NULL CHECK (EXTRACT(SECOND FROM closes) = 0),
  PRIMARY KEY (office_code, weekday, opens),
  CHECK (closes > opens)
);

INSERT INTO platform.calendar_holidays (code, kind, month, day, length_days, from_year, to_year, name_tg, name_ru, name_en, legal_basis) VALUES
  ('new-year', 'fixed', 1, 1, 1, 2011, NULL, 'Соли нав', 'Новый год', 'New Year',
   'Law of RT "On holidays" (2011, as amended): non-working holiday'),
  ('mothers-day', 'fixed', 3, 8, 1, 2011, NULL, 'Рӯзи Модар', 'День матери', 'Mother''s Day',
   'Law of RT "On holidays" (2011, as amended): non-working holiday'),
  ('navruz', 'fixed', 3, 21, 4, 2011, NULL, 'Иди байналмилалии Наврӯз', 'Международный праздник Навруз', 'International Navruz holiday',
   'Law of RT "On holidays" (2011, as amended): non-working holiday, 21-24 March'),
  ('victory-day', 'fixed', 5, 9, 1, 2011, NULL, 'Рӯзи Ғалаба', 'День Победы', 'Victory Day',
   'Law of RT "On holidays" (2011, as amended): non-working holiday'),
  ('national-unity-day', 'fixed', 6, 27, 1, 2011, NULL, 'Рӯзи Ваҳдати миллӣ', 'День национального единства', 'National Unity Day',
   'Law of RT "On holidays" (2011, as amended): non-working holiday'),
  ('independence-day', 'fixed', 9, 9, 1, 2011, NULL, 'Рӯзи Истиқлолияти давлатии Ҷумҳурии Тоҷикистон',
   'День государственной независимости Республики Таджикистан', 'Independence Day',
   'Law of RT "On holidays" (2011, as amended): non-working holiday'),
  ('constitution-day', 'fixed', 11, 6, 1, 2011, NULL, 'Рӯзи Конститутсияи Ҷумҳурии Тоҷикистон',
   'День Конституции Республики Таджикистан', 'Constitution Day',
   'Law of RT "On holidays" (2011, as amended): non-working holiday'),
  ('idi-ramazon', 'table', NULL, NULL, 1, 2011, NULL, 'Иди Рамазон (Иди Фитр)', 'Иди Рамазон (Ураза-байрам)', 'Idi Ramazon (Eid al-Fitr)',
   'Law of RT "On holidays" (2011, as amended): non-working holiday; the date is set each year by the authorised state body on religion'),
  ('idi-qurbon', 'table', NULL, NULL, 1, 2011, NULL, 'Иди Қурбон', 'Иди Курбон (Курбан-байрам)', 'Idi Qurbon (Eid al-Adha)',
   'Law of RT "On holidays" (2011, as amended): non-working holiday; the date is set each year by the authorised state body on religion');

INSERT INTO platform.calendar_holiday_dates (holiday_code, year, date, status, source) VALUES
  ('idi-ramazon', 2024, '2024-04-10', 'decreed', 'Council of Ulema of the Islamic Centre of RT, on the Institute of Astrophysics calculation (reported 4 Apr 2024)'),
  ('idi-qurbon', 2024, '2024-06-16', 'decreed', 'Council of Ulema of the Islamic Centre of RT, on the Institute of Astrophysics calculation (reported 12 Jun 2024)'),
  ('idi-ramazon', 2025, '2025-03-30', 'decreed', 'Council of Ulema of the Islamic Centre of RT, on the Institute of Astrophysics calculation'),
  ('idi-qurbon', 2025, '2025-06-06', 'decreed', 'Council of Ulema of the Islamic Centre of RT, on the Institute of Astrophysics calculation'),
  ('idi-ramazon', 2026, '2026-03-20', 'decreed', 'Council of Ulema of the Islamic Centre of RT, on the Institute of Astrophysics calculation (reported 27 Feb 2026)'),
  ('idi-qurbon', 2026, '2026-05-27', 'provisional', 'Estimate: 1 Shawwal / 10 Dhu al-Hijjah of the Umm al-Qura calendar; replace with the ruling when published'),
  ('idi-ramazon', 2027, '2027-03-09', 'provisional', 'Estimate: 1 Shawwal / 10 Dhu al-Hijjah of the Umm al-Qura calendar; replace with the ruling when published'),
  ('idi-qurbon', 2027, '2027-05-16', 'provisional', 'Estimate: 1 Shawwal / 10 Dhu al-Hijjah of the Umm al-Qura calendar; replace with the ruling when published'),
  ('idi-ramazon', 2028, '2028-02-26', 'provisional', 'Estimate: 1 Shawwal / 10 Dhu al-Hijjah of the Umm al-Qura calendar; replace with the ruling when published'),
  ('idi-qurbon', 2028, '2028-05-05', 'provisional', 'Estimate: 1 Shawwal / 10 Dhu al-Hijjah of the Umm al-Qura calendar; replace with the ruling when published');

-- An example decree row (docs/calendar.md "Entering a decree"): check its number and date.
INSERT INTO platform.calendar_transfers (day_off, working_day, decree, decree_date, note) VALUES
  ('2026-03-27', '2026-03-14', 'Government of RT decree on transferring days off in 2026 (number to be entered)', NULL,
   'Example row: as reported by Sputnik Tajikistan on 27 Feb 2026 (20-29 March off for Idi Ramazon and Navruz)');

INSERT INTO platform.calendar_offices (code, name_tg, name_ru, name_en, observes_holidays) VALUES
  ('default', 'Реҷаи кории умумии мақомоти давлатӣ', 'Общий режим работы государственных органов', 'Standard hours of state bodies', true),
  ('round-the-clock', 'Шабонарӯзӣ, бе рӯзи истироҳат', 'Круглосуточно, без выходных', 'Round the clock, no days off', false);

INSERT INTO platform.calendar_office_hours (office_code, weekday, opens, closes)
SELECT 'default', weekday, opens::time, closes::time
FROM generate_series(1, 5) AS weekday
CROSS JOIN (VALUES ('08:00', '12:00'), ('13:00', '17:00')) AS spans (opens, closes);

INSERT INTO platform.calendar_office_hours (office_code, weekday, opens, closes)
SELECT 'round-the-clock', weekday, '00:00'::time, '24:00'::time
FROM generate_series(1, 7) AS weekday;
