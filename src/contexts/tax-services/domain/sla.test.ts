import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { BUILT_IN_CALENDAR, createCalendar } from '../../../platform/calendar/index.ts';
import { CATALOGUE_396, catalogueLine } from './catalogue.ts';
import { type ClockStart, DEFAULT_SLA_SETTINGS, resumeClock, type SlaClock, slaState, startClock, type WorkingTime } from './sla.ts';
import type { DeadlineRule, ServiceLine } from './types.ts';

/** The platform calendar satisfies the engine's structural type (a compile-time check as well). */
const time: WorkingTime = createCalendar(BUILT_IN_CALENDAR);

/** Local Dushanbe wall time ('2026-11-09T17:00') → instant. */
const at = (wall: string): Date => new Date(`${wall}+05:00`);
/** An instant written as Dushanbe wall time with its offset, for readable comparisons. */
const local = (d: Date | null): string | null => (d === null ? null : new Date(d.getTime() + 5 * 3_600_000).toISOString().replace('Z', '+05:00'));
const lineOf = (key: string): ServiceLine => {
  const found = catalogueLine(key);
  assert.ok(found, `no line ${key}`);
  return found;
};

/*
 * The default office works Monday to Friday 08:00-12:00 and 13:00-17:00; the day before a holiday
 * closes at 16:00. Days that matter below (BUILT_IN_CALENDAR):
 *   2026-03-06 Fri worked; 07 Sat; 08 Sun Mother's Day; 09 Mon carried day off; 14 Sat worked (decree
 *   transfer for 27 March); 19 Thu shortened; 20 Fri Idi Ramazon; 21-24 Navruz; 25-26 carried (Navruz
 *   on the weekend); 27 Fri decree day off; 28-29 weekend; 30 Mon the first working day.
 *   2026-05-09 Sat Victory Day (11 May carried); 2026-06-27 Sat National Unity Day (29 June carried).
 *   2026-09-08 Tue shortened; 09 Wed Independence Day.
 *   2026-11-05 Thu shortened; 06 Fri Constitution Day.
 *   2026-12-31 Thu shortened; 2027-01-01 Fri New Year.
 */
type Case = {
  readonly key: string;
  readonly req: string;
  /** Dushanbe wall time of the start event. */
  readonly start: string;
  /** The due instant, written by hand; null where no legal due time applies. */
  readonly due: string | null;
  readonly target?: string;
  readonly opens?: string;
  readonly period?: ClockStart['period'];
  readonly planDate?: string;
  readonly hadQueue?: boolean;
  readonly why: string;
};

const CASES: readonly Case[] = [
  // (a) real time: a 60 s technical target, no legal due time; holidays and weekends do not matter.
  {
    key: '02.02.01',
    req: 'A-2',
    start: '2026-11-06T23:59:30',
    due: null,
    target: '2026-11-07T00:00:30.000+05:00',
    why: 'real-time receipt: the 60 s target runs from Constitution Day (Friday) into Saturday',
  },
  {
    key: '04.04.01',
    req: 'A-2',
    start: '2026-03-21T10:00',
    due: null,
    target: '2026-03-21T10:01:00.000+05:00',
    why: 'registry data on Navruz (a Saturday) are entered within the 60 s target',
  },
  {
    key: '05.05.01a',
    req: 'A-2',
    start: '2027-01-01T23:59:45',
    due: null,
    target: '2027-01-02T00:00:45.000+05:00',
    why: 'an e-filing SMS from New Year (Friday) into Saturday',
  },
  {
    key: '05.05.03',
    req: 'A-2',
    start: '2026-03-08T12:00',
    due: null,
    target: '2026-03-08T12:01:00.000+05:00',
    why: "a civil servant's declaration on Mother's Day (a Sunday)",
  },
  {
    key: '05.05.06',
    req: 'A-2',
    start: '2026-06-27T08:00',
    due: null,
    target: '2026-06-27T08:01:00.000+05:00',
    why: 'a counterparty query on National Unity Day (a Saturday)',
  },
  {
    key: '10.10.02',
    req: 'A-2',
    start: '2026-05-09T22:00',
    due: null,
    target: '2026-05-09T22:01:00.000+05:00',
    why: 'the online consultant on Victory Day (a Saturday)',
  },
  {
    key: '11.11.03b',
    req: 'A-2',
    start: '2026-03-22T23:59:30',
    due: null,
    target: '2026-03-23T00:00:30.000+05:00',
    why: 'a 151 call from Navruz Sunday into Navruz Monday',
  },
  // (b) real time capped at 24 clock hours.
  {
    key: '01.01.01',
    req: 'A-3',
    start: '2026-11-06T09:15',
    due: '2026-11-07T09:15:00.000+05:00',
    target: '2026-11-06T09:16:00.000+05:00',
    why: '24 h from Constitution Day (Friday) end on Saturday at the same time',
  },
  {
    key: '01.01.02',
    req: 'A-3',
    start: '2026-03-07T18:00',
    due: '2026-03-08T18:00:00.000+05:00',
    target: '2026-03-07T18:01:00.000+05:00',
    why: "24 h from Saturday run through Mother's Day (Sunday) unchanged",
  },
  {
    key: '02.02.02',
    req: 'A-3',
    start: '2026-03-21T10:00',
    due: '2026-03-22T10:00:00.000+05:00',
    target: '2026-03-21T10:01:00.000+05:00',
    why: '24 h over the Navruz weekend end on Sunday',
  },
  {
    key: '04.04.02',
    req: 'A-3',
    start: '2026-05-08T16:45',
    due: '2026-05-09T16:45:00.000+05:00',
    target: '2026-05-08T16:46:00.000+05:00',
    why: '24 h from the shortened Friday end on Victory Day (Saturday)',
  },
  // (c) 24 clock hours.
  {
    key: '01.01.03',
    req: 'A-3',
    start: '2026-11-06T23:30',
    due: '2026-11-07T23:30:00.000+05:00',
    why: '24 h from late on Constitution Day end late on Saturday',
  },
  {
    key: '01.01.04',
    req: 'A-3',
    start: '2026-06-26T15:00',
    due: '2026-06-27T15:00:00.000+05:00',
    why: '24 h from Friday end on National Unity Day (Saturday)',
  },
  {
    key: '01.01.05',
    req: 'A-3',
    start: '2026-03-20T08:30',
    due: '2026-03-21T08:30:00.000+05:00',
    why: '24 h from Idi Ramazon (Friday) end on Navruz Saturday',
  },
  { key: '02.02.03', req: 'A-3', start: '2027-01-01T11:00', due: '2027-01-02T11:00:00.000+05:00', why: '24 h from New Year (Friday) end on Saturday' },
  {
    key: '02.02.04',
    req: 'A-5',
    start: '2026-05-08T14:00',
    due: '2026-05-09T14:00:00.000+05:00',
    why: 'the 24 h liquidation entry from the shortened Friday ends on Victory Day (Saturday)',
  },
  {
    key: '02.02.05',
    req: 'A-3',
    start: '2026-06-27T12:00',
    due: '2026-06-28T12:00:00.000+05:00',
    why: '24 h from National Unity Day (Saturday) end on Sunday',
  },
  {
    key: '02.02.06',
    req: 'A-3',
    start: '2026-03-08T09:00',
    due: '2026-03-09T09:00:00.000+05:00',
    why: "24 h from Mother's Day (Sunday) end on the carried day off",
  },
  { key: '02.02.07', req: 'A-3', start: '2026-03-22T16:00', due: '2026-03-23T16:00:00.000+05:00', why: '24 h from Navruz Sunday end on Navruz Monday' },
  { key: '04.04.04', req: 'A-3', start: '2026-05-09T07:00', due: '2026-05-10T07:00:00.000+05:00', why: '24 h from Victory Day (Saturday) end on Sunday' },
  // (b) real time capped at 1 working day.
  {
    key: '05.05.05',
    req: 'A-11',
    start: '2026-11-06T20:00',
    due: '2026-11-09T17:00:00.000+05:00',
    target: '2026-11-06T20:01:00.000+05:00',
    why: 'a payment on Constitution Day is reflected by Monday at closing time',
  },
  {
    key: '06.06.01',
    req: 'A-11',
    start: '2026-03-19T10:00',
    due: '2026-03-30T17:00:00.000+05:00',
    target: '2026-03-19T10:01:00.000+05:00',
    why: 'the 1 working day cap from 19 March skips Idi Ramazon, Navruz, the carried and decree days',
  },
  {
    key: '06.06.02',
    req: 'A-11',
    start: '2026-03-06T12:00',
    due: '2026-03-10T17:00:00.000+05:00',
    target: '2026-03-06T12:01:00.000+05:00',
    why: "from Friday the weekend, Mother's Day and the carried Monday are skipped",
  },
  // (d) working days: the day after the event is day 1; the deadline is closing time of day N.
  {
    key: '06.06.04',
    req: 'TS-27',
    start: '2026-11-05T10:00',
    due: '2026-11-09T17:00:00.000+05:00',
    why: '1 working day from Thursday skips Constitution Day and the weekend',
  },
  {
    key: '12.12.01',
    req: 'TS-27',
    start: '2026-12-31T10:00',
    due: '2027-01-04T17:00:00.000+05:00',
    why: '1 working day from 31 December skips New Year and the weekend',
  },
  {
    key: '03.03.03',
    req: 'TS-27',
    start: '2026-11-05T11:00',
    due: '2026-11-10T17:00:00.000+05:00',
    why: '2 working days from Thursday: Monday and Tuesday after Constitution Day',
  },
  {
    key: '08.08.01',
    req: 'TS-27',
    start: '2026-09-04T10:00',
    due: '2026-09-10T17:00:00.000+05:00',
    why: '3 working days from Friday: Monday, the shortened Tuesday and Thursday after Independence Day',
  },
  {
    key: '09.09.01a',
    req: 'TS-27',
    start: '2026-03-19T15:00',
    due: '2026-04-01T17:00:00.000+05:00',
    why: '3 working days from 19 March end on 1 April after the ten days off',
  },
  {
    key: '12.12.02',
    req: 'TS-27',
    start: '2026-11-04T12:00',
    due: '2026-11-10T17:00:00.000+05:00',
    why: '3 working days from the contract and payment on Wednesday: Thursday, Monday, Tuesday',
  },
  {
    key: '03.03.04',
    req: 'TS-27',
    start: '2026-09-07T09:00',
    due: '2026-09-15T17:00:00.000+05:00',
    why: '5 working days from Monday skip Independence Day and a weekend',
  },
  {
    key: '06.06.06',
    req: 'TS-28',
    start: '2026-03-07T11:00',
    due: '2026-03-14T17:00:00.000+05:00',
    why: "5 working days from Saturday skip Mother's Day and the carried Monday and end on the worked Saturday 14 March",
  },
  {
    key: '11.11.05',
    req: 'TS-27',
    start: '2026-03-18T09:00',
    due: '2026-04-02T17:00:00.000+05:00',
    why: '5 working days from an e-mail of 18 March run across Idi Ramazon and Navruz',
  },
  {
    key: '03.03.01',
    req: 'TS-27',
    start: '2026-09-02T10:00',
    due: '2026-09-17T17:00:00.000+05:00',
    why: '10 working days from Wednesday skip two weekends and Independence Day',
  },
  {
    key: '03.03.02',
    req: 'TS-27',
    start: '2026-10-30T10:00',
    due: '2026-11-16T17:00:00.000+05:00',
    why: '10 working days from Friday skip Constitution Day and three weekends',
  },
  {
    key: '06.06.03',
    req: 'TS-28',
    start: '2026-03-05T10:00',
    due: '2026-03-19T16:00:00.000+05:00',
    why: '10 working days end on the shortened 19 March at 16:00, past the carried day and the worked Saturday',
  },
  {
    key: '09.09.01b',
    req: 'TS-27',
    start: '2026-08-31T10:00',
    due: '2026-09-15T17:00:00.000+05:00',
    why: '10 working days from Monday 31 August skip Independence Day',
  },
  {
    key: '09.09.01c',
    req: 'TS-27',
    start: '2026-09-04T15:00',
    due: '2026-09-21T17:00:00.000+05:00',
    why: '10 working days from Friday skip Independence Day and three weekends',
  },
  {
    key: '09.09.01d',
    req: 'TS-27',
    start: '2026-11-03T10:00',
    due: '2026-11-18T17:00:00.000+05:00',
    why: '10 working days from Tuesday skip Constitution Day',
  },
  {
    key: '09.09.01e',
    req: 'TS-27',
    start: '2026-03-07T10:00',
    due: '2026-03-30T17:00:00.000+05:00',
    why: "10 working days from Saturday 7 March end on 30 March after Mother's Day and Navruz",
  },
  {
    key: '11.11.04',
    req: 'TS-27',
    start: '2026-12-23T10:00',
    due: '2027-01-07T17:00:00.000+05:00',
    why: '10 working days from 23 December skip New Year and two weekends',
  },
  // (e) calendar days: the end of day N after the start day, rolled to the next working day.
  {
    key: '03.03.05',
    req: 'A-10',
    start: '2026-10-28T14:00',
    due: '2026-11-09T23:59:59.999+05:00',
    why: '10 calendar days end on Saturday 7 November and roll to Monday',
  },
  {
    key: '03.03.06',
    req: 'A-10',
    start: '2026-08-30T10:00',
    due: '2026-09-10T23:59:59.999+05:00',
    why: '10 calendar days end on Independence Day and roll to Thursday',
  },
  {
    key: '06.06.05',
    req: 'A-10',
    start: '2026-10-27T10:00',
    due: '2026-11-09T23:59:59.999+05:00',
    why: '10 calendar days end on Constitution Day and roll over the weekend to Monday',
  },
  {
    key: '09.09.02',
    req: 'A-10',
    start: '2026-03-11T10:00',
    due: '2026-03-30T23:59:59.999+05:00',
    why: '10 calendar days end on Navruz Saturday and roll to 30 March',
  },
  {
    key: '07.07.01',
    req: 'A-10',
    start: '2026-10-07T10:00',
    due: '2026-11-09T23:59:59.999+05:00',
    why: '30 calendar days end on Constitution Day and roll to Monday',
  },
  {
    key: '07.07.02',
    req: 'A-10',
    start: '2026-08-10T10:00',
    due: '2026-09-10T23:59:59.999+05:00',
    why: '30 calendar days end on Independence Day and roll to Thursday',
  },
  {
    key: '07.07.03',
    req: 'A-10',
    start: '2026-02-19T10:00',
    due: '2026-03-30T23:59:59.999+05:00',
    why: '30 calendar days end on Navruz Saturday and roll past ten days off',
  },
  {
    key: '07.07.04',
    req: 'A-10',
    start: '2026-08-11T10:00',
    due: '2026-09-10T23:59:59.999+05:00',
    why: '30 calendar days run over Independence Day and end on a working Thursday: no roll',
  },
  {
    key: '11.11.01',
    req: 'A-10',
    start: '2026-12-04T10:00',
    due: '2027-01-04T23:59:59.999+05:00',
    why: '30 calendar days run over New Year, end on Sunday 3 January and roll to Monday',
  },
  {
    key: '11.11.02',
    req: 'A-10',
    start: '2026-04-09T10:00',
    due: '2026-05-12T23:59:59.999+05:00',
    why: '30 calendar days end on Victory Day (Saturday) and roll past the carried Monday',
  },
  // (f) minutes of service time, continuous.
  {
    key: '05.05.01b',
    req: 'TS-31',
    start: '2026-11-05T15:55',
    due: '2026-11-05T16:10:00.000+05:00',
    why: '15 minutes at the counter run past the 16:00 closing of the shortened eve of Constitution Day',
  },
  {
    key: '05.05.01c',
    req: 'TS-31',
    start: '2026-11-06T23:50',
    hadQueue: false,
    due: '2026-11-07T00:05:00.000+05:00',
    why: 'without a queue 15 terminal minutes run from Constitution Day into Saturday',
  },
  {
    key: '11.11.03a',
    req: 'TS-31',
    start: '2026-03-19T15:55',
    hadQueue: false,
    due: '2026-03-19T16:05:00.000+05:00',
    why: 'without a queue 10 minutes run past the shortened closing before Idi Ramazon',
  },
  // (g) fixed statutory dates, not rolled.
  {
    key: '04.04.03',
    req: 'TS-37',
    start: '2026-12-30T10:00',
    period: { year: 2027 },
    due: '2027-02-01T23:59:59.999+05:00',
    why: 'notices of 2027 are due by the end of Monday 1 February, across New Year',
  },
  {
    key: '05.05.02',
    req: 'TS-27',
    start: '2027-03-19T12:00',
    period: { year: 2026 },
    due: '2027-04-01T23:59:59.999+05:00',
    why: 'the 2026 declaration is due by 1 April 2027, across Navruz',
  },
  {
    key: '10.10.03',
    req: 'A-13',
    start: '2026-09-08T10:00',
    period: { year: 2026, month: 9 },
    due: '2026-10-10T23:59:59.999+05:00',
    why: 'the September note is due on Saturday 10 October: a fixed date is not rolled',
  },
  // (h) date window.
  {
    key: '05.05.04',
    req: 'A-12',
    start: '2028-02-01T00:00',
    period: { year: 2028, month: 1 },
    due: '2028-02-29T23:59:59.999+05:00',
    opens: '2028-02-16T00:00:00.000+05:00',
    why: 'the January window is 16-29 February 2028 (leap year), over Idi Ramazon 26 February',
  },
  // (i) plan.
  {
    key: '10.10.01',
    req: 'TS-27',
    start: '2026-11-02T09:00',
    planDate: '2026-11-09',
    due: '2026-11-09T23:59:59.999+05:00',
    why: 'a seminar planned for Monday 9 November is due that day, across Constitution Day',
  },
  // Not stated: 30 calendar days, rolled.
  {
    key: '02.02.08',
    req: 'A-4',
    start: '2026-05-28T10:00',
    due: '2026-06-30T23:59:59.999+05:00',
    why: '30 calendar days end on National Unity Day (Saturday) and roll past Sunday and the carried Monday',
  },
];

const startOf = (c: Case): ClockStart => ({
  startedAt: at(c.start),
  ...(c.period ? { period: c.period } : {}),
  ...(c.planDate ? { planDate: c.planDate } : {}),
  ...(c.hadQueue !== undefined ? { hadQueue: c.hadQueue } : {}),
});

describe('TS-27: every deadline line of Annex 2 across weekends and public holidays', () => {
  test('TS-25: the table covers each of the 59 lines exactly once', () => {
    assert.deepEqual(CASES.map((c) => c.key).sort(), CATALOGUE_396.map((l) => l.key).sort());
  });

  for (const c of CASES) {
    test(`${c.req} ${c.key}: ${c.why}`, () => {
      const clock = startClock(lineOf(c.key).deadline, startOf(c), time);
      assert.equal(local(clock.dueAt), c.due);
      if (c.target !== undefined) assert.equal(local(clock.targetAt), c.target);
      if (c.opens !== undefined) assert.equal(local(clock.opensAt), c.opens);
    });
  }
});

describe('TS-30: the warning time', () => {
  test('TS-30 01.01.03: 75 % of 24 hours is 18 hours after the start', () => {
    const clock = startClock(lineOf('01.01.03').deadline, { startedAt: at('2026-11-02T10:00') }, time);
    assert.equal(local(clock.warnAt), '2026-11-03T04:00:00.000+05:00');
  });

  test('TS-30 03.03.01: 75 % of the wall time from Wednesday 10:00 to the 10th working day at 17:00', () => {
    // 2 September 10:00 → 17 September 17:00 is 367 hours; 75 % is 275 h 15 min.
    const clock = startClock(lineOf('03.03.01').deadline, { startedAt: at('2026-09-02T10:00') }, time);
    assert.equal(local(clock.warnAt), '2026-09-13T21:15:00.000+05:00');
  });

  test('TS-30 05.05.04: a window warns at 75 % of the window, not of the time before it opens', () => {
    const clock = startClock(lineOf('05.05.04').deadline, { startedAt: at('2027-01-31T23:59'), period: { year: 2027, month: 1 } }, time);
    assert.equal(local(clock.opensAt), '2027-02-16T00:00:00.000+05:00');
    assert.equal(local(clock.dueAt), '2027-02-28T23:59:59.999+05:00');
    // 16 February 00:00 → 28 February 23:59:59.999 is 13 days; 75 % is 9 days 18 hours.
    assert.equal(local(clock.warnAt), '2027-02-25T17:59:59.999+05:00');
  });

  test('TS-30: the fraction is a setting; real-time services without a due time have no warning', () => {
    const clock = startClock(lineOf('01.01.03').deadline, { startedAt: at('2026-11-02T10:00') }, time, { ...DEFAULT_SLA_SETTINGS, warnFraction: 0.5 });
    assert.equal(local(clock.warnAt), '2026-11-02T22:00:00.000+05:00');
    assert.equal(startClock(lineOf('02.02.01').deadline, { startedAt: at('2026-11-02T10:00') }, time).warnAt, null);
  });
});

describe('TS-27: clock details', () => {
  test('A-2 01.01.01: the real-time target is configurable; the breach is measured against the 24 h cap only', () => {
    const clock = startClock(lineOf('01.01.01').deadline, { startedAt: at('2026-11-02T10:00') }, time, { ...DEFAULT_SLA_SETTINGS, realTimeTargetSeconds: 5 });
    assert.equal(local(clock.targetAt), '2026-11-02T10:00:05.000+05:00');
    assert.equal(local(clock.dueAt), '2026-11-03T10:00:00.000+05:00');
    assert.equal(slaState(clock, at('2026-11-02T12:00')), 'on_track');
  });

  test('TS-31 11.11.03a: with a queue the 10-minute limit does not apply', () => {
    const clock = startClock(lineOf('11.11.03a').deadline, { startedAt: at('2026-11-02T10:00'), hadQueue: true }, time);
    assert.deepEqual([clock.dueAt, clock.warnAt], [null, null]);
    assert.equal(slaState(clock, at('2026-11-02T11:00')), 'on_track');
  });

  test('TS-31 05.05.01c: with a queue the terminal limit does not apply either', () => {
    assert.equal(startClock(lineOf('05.05.01c').deadline, { startedAt: at('2026-11-02T10:00'), hadQueue: true }, time).dueAt, null);
  });

  test('TS-31 05.05.01b: the paper counter limit holds with or without a queue (counted from the start of service)', () => {
    const clock = startClock(lineOf('05.05.01b').deadline, { startedAt: at('2026-11-02T10:00'), hadQueue: true }, time);
    assert.equal(local(clock.dueAt), '2026-11-02T10:15:00.000+05:00');
  });

  test('A-5 02.02.04: the 2-month liquidation review ends on Independence Day and rolls to Thursday', () => {
    const clock = startClock(lineOf('02.02.04').deadline, { startedAt: at('2026-07-09T10:00') }, time);
    assert.equal(local(clock.dueAt), '2026-07-10T10:00:00.000+05:00');
    assert.equal(local(clock.stageDueAt), '2026-09-10T23:59:59.999+05:00');
  });

  test('A-5 02.02.04: without the A-10 roll the review ends on 9 September; a 31 December start ends on 28 February', () => {
    const noRoll = { ...DEFAULT_SLA_SETTINGS, rollCalendarDays: false };
    assert.equal(
      local(startClock(lineOf('02.02.04').deadline, { startedAt: at('2026-07-09T10:00') }, time, noRoll).stageDueAt),
      '2026-09-09T23:59:59.999+05:00',
    );
    assert.equal(local(startClock(lineOf('02.02.04').deadline, { startedAt: at('2026-12-31T10:00') }, time).stageDueAt), '2027-03-01T23:59:59.999+05:00');
    assert.equal(
      local(startClock(lineOf('02.02.04').deadline, { startedAt: at('2026-12-31T10:00') }, time, noRoll).stageDueAt),
      '2027-02-28T23:59:59.999+05:00',
    );
  });

  test('A-5: only the liquidation line has a second stage', () => {
    const withStage = CATALOGUE_396.filter(
      (l) => startClock(l.deadline, { startedAt: at('2026-07-09T10:00'), period: { year: 2026, month: 7 }, planDate: '2026-07-20' }, time).stageDueAt,
    );
    assert.deepEqual(
      withStage.map((l) => l.key),
      ['02.02.04'],
    );
  });

  test('A-10 07.07.01: the roll of calendar-day periods is configurable', () => {
    const clock = startClock(lineOf('07.07.01').deadline, { startedAt: at('2026-10-07T10:00') }, time, { ...DEFAULT_SLA_SETTINGS, rollCalendarDays: false });
    assert.equal(local(clock.dueAt), '2026-11-06T23:59:59.999+05:00');
  });

  test('A-4 02.02.08: the general limit is a setting (here 15 days, ending on a working Friday)', () => {
    const clock = startClock(lineOf('02.02.08').deadline, { startedAt: at('2026-05-28T10:00') }, time, { ...DEFAULT_SLA_SETTINGS, notStatedDays: 15 });
    assert.equal(local(clock.dueAt), '2026-06-12T23:59:59.999+05:00');
  });

  test('A-12 05.05.04: a December period has its window in January of the next year', () => {
    const clock = startClock(lineOf('05.05.04').deadline, { startedAt: at('2026-12-31T18:00'), period: { year: 2026, month: 12 } }, time);
    assert.deepEqual([local(clock.opensAt), local(clock.dueAt)], ['2027-01-16T00:00:00.000+05:00', '2027-01-30T23:59:59.999+05:00']);
  });

  test('A-13 10.10.03: the December note is due on 10 January of the next year', () => {
    const clock = startClock(lineOf('10.10.03').deadline, { startedAt: at('2026-12-20T10:00'), period: { year: 2026, month: 12 } }, time);
    assert.equal(local(clock.dueAt), '2027-01-10T23:59:59.999+05:00');
  });

  test('TS-37 04.04.03: without a period the year of the start event is used', () => {
    const clock = startClock(lineOf('04.04.03').deadline, { startedAt: at('2027-01-04T09:00') }, time);
    assert.equal(local(clock.dueAt), '2027-02-01T23:59:59.999+05:00');
  });

  test('TS-27: a rule that needs a period or a plan date and gets none is a programming error', () => {
    const startedAt = at('2026-11-02T10:00');
    assert.throws(() => startClock(lineOf('05.05.02').deadline, { startedAt }, time), RangeError);
    assert.throws(() => startClock(lineOf('10.10.03').deadline, { startedAt, period: { year: 2026 } }, time), RangeError);
    assert.throws(() => startClock(lineOf('05.05.04').deadline, { startedAt, period: { year: 2026, month: 13 } }, time), RangeError);
    assert.throws(() => startClock(lineOf('10.10.01').deadline, { startedAt }, time), RangeError);
    assert.throws(() => startClock(lineOf('06.06.04').deadline, { startedAt: new Date(Number.NaN) }, time), RangeError);
    assert.throws(() => startClock(lineOf('06.06.04').deadline, { startedAt }, time, { ...DEFAULT_SLA_SETTINGS, warnFraction: 0 }), RangeError);
  });
});

describe('A-9: resuming a suspended clock', () => {
  const rule = (key: string): DeadlineRule => lineOf(key).deadline;

  test('A-9 01.01.03: a 24-hour clock moves by the length of the pause', () => {
    const start = { startedAt: at('2026-11-02T10:00') };
    const clock = startClock(rule('01.01.03'), start, time);
    const resumed = resumeClock(rule('01.01.03'), clock, at('2026-11-02T12:00'), at('2026-11-02T15:30'), start, time);
    assert.equal(local(resumed.dueAt), '2026-11-03T13:30:00.000+05:00');
    // 75 % of the 27.5 hours from the start to the new due time.
    assert.equal(local(resumed.warnAt), '2026-11-03T06:37:30.000+05:00');
  });

  test('A-9 05.05.01b: a minutes clock moves by the pause', () => {
    const start = { startedAt: at('2026-11-02T10:00') };
    const clock = startClock(rule('05.05.01b'), start, time);
    assert.equal(
      local(resumeClock(rule('05.05.01b'), clock, at('2026-11-02T10:05'), at('2026-11-02T10:09'), start, time).dueAt),
      '2026-11-02T10:19:00.000+05:00',
    );
  });

  test('A-9 03.03.01: a working-day clock moves by the working days the pause covered (Independence Day not counted)', () => {
    const start = { startedAt: at('2026-09-02T10:00') };
    const clock = startClock(rule('03.03.01'), start, time);
    assert.equal(local(clock.dueAt), '2026-09-17T17:00:00.000+05:00');
    // Paused Friday 4 September 16:00, resumed Thursday 10 September: Monday, Tuesday and Thursday.
    const resumed = resumeClock(rule('03.03.01'), clock, at('2026-09-04T16:00'), at('2026-09-10T09:00'), start, time);
    assert.equal(local(resumed.dueAt), '2026-09-22T17:00:00.000+05:00');
  });

  test('A-9 03.03.01: successive pauses add up; a pause within one day costs no working day', () => {
    const start = { startedAt: at('2026-09-02T10:00') };
    const first = resumeClock(rule('03.03.01'), startClock(rule('03.03.01'), start, time), at('2026-09-04T16:00'), at('2026-09-10T09:00'), start, time);
    const second = resumeClock(rule('03.03.01'), first, at('2026-09-11T09:00'), at('2026-09-14T09:00'), start, time);
    assert.equal(local(second.dueAt), '2026-09-23T17:00:00.000+05:00');
    assert.equal(
      local(resumeClock(rule('03.03.01'), second, at('2026-09-15T09:00'), at('2026-09-15T16:00'), start, time).dueAt),
      '2026-09-23T17:00:00.000+05:00',
    );
  });

  test('A-9 05.05.05: the 1-working-day cap moves in working days; its real-time target does not move', () => {
    const start = { startedAt: at('2026-11-05T10:00') };
    const clock = startClock(rule('05.05.05'), start, time);
    assert.equal(local(clock.dueAt), '2026-11-09T17:00:00.000+05:00');
    const resumed = resumeClock(rule('05.05.05'), clock, at('2026-11-05T11:00'), at('2026-11-09T10:00'), start, time);
    assert.equal(local(resumed.dueAt), '2026-11-10T17:00:00.000+05:00');
    assert.equal(resumed.targetAt, clock.targetAt);
  });

  test('A-9 A-10 07.07.01: a 2-day pause moves the period end from Constitution Day to Sunday, which still rolls to Monday', () => {
    const start = { startedAt: at('2026-10-07T10:00') };
    const clock = startClock(rule('07.07.01'), start, time);
    const resumed = resumeClock(rule('07.07.01'), clock, at('2026-10-12T10:00'), at('2026-10-14T10:00'), start, time);
    assert.equal(local(resumed.dueAt), '2026-11-09T23:59:59.999+05:00');
  });

  test('A-9 A-10 07.07.01: a 5-day pause moves the period end to Wednesday 11 November', () => {
    const start = { startedAt: at('2026-10-07T10:00') };
    const resumed = resumeClock(rule('07.07.01'), startClock(rule('07.07.01'), start, time), at('2026-10-12T10:00'), at('2026-10-17T10:00'), start, time);
    assert.equal(local(resumed.dueAt), '2026-11-11T23:59:59.999+05:00');
  });

  test('A-9 02.02.04: the 24-hour entry moves, the 2-month liquidation review does not', () => {
    const start = { startedAt: at('2026-07-09T10:00') };
    const clock = startClock(rule('02.02.04'), start, time);
    const resumed = resumeClock(rule('02.02.04'), clock, at('2026-07-09T12:00'), at('2026-07-10T12:00'), start, time);
    assert.equal(local(resumed.dueAt), '2026-07-11T10:00:00.000+05:00');
    assert.equal(resumed.stageDueAt, clock.stageDueAt);
  });

  test('A-9: fixed dates, date windows and plan dates are statutory and do not move', () => {
    const cases: [key: string, start: ClockStart][] = [
      ['04.04.03', { startedAt: at('2027-01-04T09:00') }],
      ['05.05.02', { startedAt: at('2027-03-01T09:00'), period: { year: 2026 } }],
      ['10.10.03', { startedAt: at('2026-09-08T10:00'), period: { year: 2026, month: 9 } }],
      ['05.05.04', { startedAt: at('2027-01-31T23:59'), period: { year: 2027, month: 1 } }],
      ['10.10.01', { startedAt: at('2026-11-02T09:00'), planDate: '2026-11-09' }],
      ['02.02.01', { startedAt: at('2026-11-02T09:00') }],
    ];
    for (const [key, start] of cases) {
      const clock = startClock(rule(key), start, time);
      assert.deepEqual(resumeClock(rule(key), clock, at('2026-09-09T09:00'), at('2027-01-20T09:00'), start, time), clock, key);
    }
  });

  test('A-9: a resume before the pause is a programming error', () => {
    const start = { startedAt: at('2026-11-02T10:00') };
    assert.throws(
      () => resumeClock(rule('01.01.03'), startClock(rule('01.01.03'), start, time), at('2026-11-02T12:00'), at('2026-11-02T11:00'), start, time),
      RangeError,
    );
  });
});

describe('TS-30 TS-32: the SLA state of a request', () => {
  const clock = startClock(lineOf('01.01.03').deadline, { startedAt: at('2026-11-02T10:00') }, time);

  const cases: [why: string, now: string, completed: string | null, state: ReturnType<typeof slaState>][] = [
    ['before the warning time it is on track', '2026-11-03T03:59', null, 'on_track'],
    ['from the warning time (75 %) it is at risk', '2026-11-03T04:00', null, 'at_risk'],
    ['at the due instant itself it is not yet breached', '2026-11-03T10:00', null, 'at_risk'],
    ['after the due time it is breached', '2026-11-03T10:01', null, 'breached'],
    ['completed before the due time it is met, whatever now is', '2026-11-05T10:00', '2026-11-02T18:00', 'met'],
    ['completed exactly at the due time it is met', '2026-11-05T10:00', '2026-11-03T10:00', 'met'],
    ['completed after the due time it is met late', '2026-11-05T10:00', '2026-11-03T10:00:01', 'met_late'],
  ];
  for (const [why, now, completed, state] of cases) {
    test(`TS-30 01.01.03: ${why}`, () => assert.equal(slaState(clock, at(now), completed ? at(completed) : null), state));
  }

  test('A-2 02.02.01: a pure real-time service is on track until its target, then at risk, never breached, met when done', () => {
    const rt: SlaClock = startClock(lineOf('02.02.01').deadline, { startedAt: at('2026-11-02T10:00') }, time);
    assert.equal(slaState(rt, at('2026-11-02T10:00:59')), 'on_track');
    assert.equal(slaState(rt, at('2026-11-02T10:01:01')), 'at_risk');
    assert.equal(slaState(rt, at('2026-12-02T10:00')), 'at_risk');
    assert.equal(slaState(rt, at('2026-12-02T10:00'), at('2026-11-02T10:05')), 'met');
  });
});

describe('TS-27 TS-28: properties over 2026-2027 starts', () => {
  const startAt = fc.integer({ min: at('2026-01-01T00:00').getTime(), max: at('2027-12-31T23:59').getTime() }).map((ms) => new Date(ms));
  const wdLines = CATALOGUE_396.filter((l) => l.deadline.kind === 'working_days');
  const cdLines = CATALOGUE_396.filter((l) => l.deadline.kind === 'calendar_days');

  test('A-11: a working-day due time is N working days after the start and at the end of a working day', () => {
    fc.assert(
      fc.property(startAt, fc.constantFrom(...wdLines), (startedAt, l) => {
        const due = startClock(l.deadline, { startedAt }, time).dueAt as Date;
        const days = (l.deadline as { days: number }).days;
        assert.equal(time.countWorkingDays(startedAt, due), days);
        assert.ok(time.isWorkingDay(local(due)!.slice(0, 10)));
      }),
    );
  });

  test('A-10: a calendar-day due time is on a working day, at the end of it, no earlier than N days and past no working day', () => {
    fc.assert(
      fc.property(startAt, fc.constantFrom(...cdLines), (startedAt, l) => {
        const due = startClock(l.deadline, { startedAt }, time).dueAt as Date;
        const days = (l.deadline as { days: number }).days;
        const nominal = time.addCalendarDays(startedAt, days);
        assert.ok(due >= nominal);
        assert.equal(local(due)!.slice(11), '23:59:59.999+05:00');
        assert.ok(time.isWorkingDay(local(due)!.slice(0, 10)));
        assert.equal(time.countWorkingDays(nominal, due), due.getTime() === nominal.getTime() ? 0 : 1);
      }),
    );
  });

  test('A-9: a pause never brings a due time forward, and a zero-length pause changes nothing', () => {
    const lines = CATALOGUE_396.filter((l) =>
      ['hours', 'working_days', 'calendar_days', 'real_time_capped', 'minutes', 'not_stated'].includes(l.deadline.kind),
    );
    fc.assert(
      fc.property(
        startAt,
        fc.constantFrom(...lines),
        fc.integer({ min: 0, max: 20 * 86_400_000 }),
        fc.integer({ min: 0, max: 20 * 86_400_000 }),
        (startedAt, l, offset, length) => {
          const start = { startedAt };
          const clock = startClock(l.deadline, start, time);
          const pausedAt = new Date(startedAt.getTime() + offset);
          const resumed = resumeClock(l.deadline, clock, pausedAt, new Date(pausedAt.getTime() + length), start, time);
          assert.ok((resumed.dueAt as Date) >= (clock.dueAt as Date));
          assert.deepEqual(resumeClock(l.deadline, clock, pausedAt, pausedAt, start, time), clock);
        },
      ),
    );
  });
});
