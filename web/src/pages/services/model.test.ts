import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canSuspend, durationParts, dushanbeInstant, lineMatches, liveSlaState, monthsUpTo, needsPeriod, type ServiceLine } from './model.ts';

const at = (iso: string) => Date.parse(iso);

test('TS-32: completion times read in the largest unit that fits, one decimal below ten', () => {
  assert.deepEqual(durationParts(42), { unit: 'seconds', value: 42 });
  assert.deepEqual(durationParts(90), { unit: 'minutes', value: 1.5 });
  assert.deepEqual(durationParts(45 * 60), { unit: 'minutes', value: 45 });
  // Within the histogram's 1 %: 1.98 h and 2.02 h both read as 2 h.
  assert.deepEqual(durationParts(7128), { unit: 'hours', value: 2 });
  assert.deepEqual(durationParts(7272), { unit: 'hours', value: 2 });
  assert.deepEqual(durationParts(30 * 3600 * 1.009), { unit: 'hours', value: 30 });
  assert.deepEqual(durationParts(47 * 3600), { unit: 'hours', value: 47 });
  assert.deepEqual(durationParts(3.5 * 86_400), { unit: 'days', value: 3.5 });
  assert.deepEqual(durationParts(30 * 86_400), { unit: 'days', value: 30 });
  assert.deepEqual(durationParts(-5), { unit: 'seconds', value: 0 });
});

test('TS-30, TS-49: an open clock turns at risk at its warning time and breached at its due time, between two answers of the server', () => {
  const sla = { state: 'on_track', warnAt: '2026-03-02T10:00:00Z', dueAt: '2026-03-02T12:00:00Z' };
  assert.equal(liveSlaState(sla, at('2026-03-02T09:59:59Z')), 'on_track');
  assert.equal(liveSlaState(sla, at('2026-03-02T10:00:00Z')), 'at_risk');
  assert.equal(liveSlaState(sla, at('2026-03-02T12:00:00Z')), 'breached');
  assert.equal(liveSlaState({ ...sla, state: 'at_risk' }, at('2026-03-02T12:30:00Z')), 'breached');
  // Closed and waiting clocks keep what the server said; an unknown state reads as on track, never raw.
  assert.equal(liveSlaState({ ...sla, state: 'met' }, at('2026-03-03T00:00:00Z')), 'met');
  assert.equal(liveSlaState({ ...sla, state: 'suspended' }, at('2026-03-03T00:00:00Z')), 'suspended');
  assert.equal(liveSlaState({ state: 'something', warnAt: null, dueAt: null }, 0), 'on_track');
});

test('the month picker lists the months back from the current one, across years', () => {
  assert.deepEqual(monthsUpTo('2026-02', 4), ['2026-02', '2026-01', '2025-12', '2025-11']);
});

test('an officer’s datetime input is Dushanbe time', () => {
  assert.equal(dushanbeInstant('2026-03-02T09:30'), '2026-03-02T09:30:00+05:00');
  assert.equal(new Date(dushanbeInstant('2026-03-02T09:30')).toISOString(), '2026-03-02T04:30:00.000Z');
});

const same = (s: string) => ({ tg: s, ru: s, en: s });
const line = (deadline: ServiceLine['deadline'], extra: Partial<ServiceLine> = {}): ServiceLine => {
  return {
    code: '10.10.03',
    variant: null,
    key: '10.10.03',
    group: '10.00.00',
    name: { tg: 'Гузаронидани чорабиниҳо', ru: 'Проведение мероприятий', en: 'Holding events' },
    deadline,
    deadlineText: same('То санаи 10-уми моҳи минбаъда'),
    startEvent: 'period',
    startEventAssumed: false,
    result: { kind: 'information_note', text: same('Маълумотнома') },
    legalBasis: { value: same('Internal procedure'), inferred: false },
    cost: { value: { kind: 'free' }, inferred: false },
    responsibleUnit: { value: { tg: 'РХА', ru: 'УОН', en: 'TSD' }, inferred: true },
    electronic: false,
    ...extra,
  };
};

test('TS-27 (g)-(i): the form asks for the reporting period or the plan date only where the clock counts from it', () => {
  assert.equal(needsPeriod(line({ kind: 'fixed_date', date: 'tenth_of_next_month' })), 'month');
  assert.equal(needsPeriod(line({ kind: 'fixed_date', date: 'april_1_after_year' })), 'year');
  assert.equal(needsPeriod(line({ kind: 'fixed_date', date: 'february_1' })), undefined);
  assert.equal(needsPeriod(line({ kind: 'date_window' })), 'month');
  assert.equal(needsPeriod(line({ kind: 'working_days' })), undefined);
  // statutory dates, real time and counter minutes are never suspended.
  assert.equal(canSuspend(line({ kind: 'fixed_date', date: 'tenth_of_next_month' })), false);
  assert.equal(canSuspend(line({ kind: 'minutes', minutes: 15 })), false);
  assert.equal(canSuspend(line({ kind: 'working_days' })), true);
});

test('TS-03: the Standard is searched by code and by text in every language', () => {
  const l = line({ kind: 'plan' });
  assert.ok(lineMatches(l, '10.10'));
  assert.ok(lineMatches(l, 'мероприят'));
  assert.ok(lineMatches(l, 'ЧОРАБИНИ'));
  assert.ok(lineMatches(l, 'tsd'));
  assert.ok(lineMatches(l, '  '));
  assert.ok(!lineMatches(l, '06.06'));
});
