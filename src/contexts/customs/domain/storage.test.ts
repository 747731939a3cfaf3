import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BUILT_IN_CALENDAR, createCalendar } from '../../../platform/calendar/index.ts';
import { actingCapacity, checkExtension, checkShortDeclarable, DEFAULT_STORAGE_POLICY, dueActions, type StorageFacts, storageDeadlines } from './storage.ts';

const calendar = createCalendar(BUILT_IN_CALENDAR);
const at = (iso: string) => new Date(iso);

test('CUS-TS-02 CUS-TS-06: the short declaration is due at the end of the office’s next working day', () => {
  const table: [string, string, string][] = [
    // Monday 10:00 at a weekday office → end of Tuesday.
    ['2026-03-02T05:00:00Z', 'default', '2026-03-03T18:59:59.999Z'],
    // Friday → end of Monday.
    ['2026-02-27T07:00:00Z', 'default', '2026-03-02T18:59:59.999Z'],
    // Friday 23:30 Dushanbe is still Friday.
    ['2026-02-27T18:30:00Z', 'default', '2026-03-02T18:59:59.999Z'],
    // A round-the-clock border post works on Saturday and Sunday.
    ['2026-02-28T07:00:00Z', 'round-the-clock', '2026-03-01T18:59:59.999Z'],
  ];
  for (const [start, office, due] of table)
    assert.equal(storageDeadlines(at(start), office, calendar, DEFAULT_STORAGE_POLICY).shortDeclarationDueAt.toISOString(), due, `${start} ${office}`);
});

test('CUS-TS-07 A-20: 15 and 90 calendar days from the start of temporary storage, as parameters', () => {
  const d = storageDeadlines(at('2026-03-02T05:00:00Z'), 'default', calendar, DEFAULT_STORAGE_POLICY);
  assert.equal(d.ordinaryEndsAt.toISOString(), '2026-03-17T18:59:59.999Z');
  assert.equal(d.maximumEndsAt.toISOString(), '2026-05-31T18:59:59.999Z');
  const custom = storageDeadlines(at('2026-03-02T05:00:00Z'), 'default', calendar, { ordinaryDays: 10, maximumDays: 20, warningDays: 1 });
  assert.equal(custom.maximumEndsAt.toISOString(), '2026-03-22T18:59:59.999Z');
});

const facts = (over: Partial<StorageFacts> = {}): StorageFacts => ({
  status: 'IN_TEMPORARY_STORAGE',
  shortDeclarationDueAt: at('2026-03-03T18:59:59.999Z'),
  shortDeclarationOverdueAt: null,
  ordinaryEndsAt: at('2026-03-17T18:59:59.999Z'),
  extendedUntil: null,
  maximumEndsAt: at('2026-05-31T18:59:59.999Z'),
  periodWarnedAt: null,
  maximumWarnedAt: null,
  ...over,
});

test('CUS-TS-02 CUS-TS-03 CUS-TS-07 CUS-TS-08: what the checker does, once each', () => {
  const p = DEFAULT_STORAGE_POLICY;
  assert.deepEqual(dueActions(facts(), at('2026-03-03T18:59:59.999Z'), p), { flagOverdue: false, warnPeriod: false, warnMaximum: false, toDisposal: false });
  assert.equal(dueActions(facts(), at('2026-03-03T19:00:00Z'), p).flagOverdue, true);
  assert.equal(dueActions(facts({ shortDeclarationOverdueAt: at('2026-03-03T19:00:00Z') }), at('2026-03-04T00:00:00Z'), p).flagOverdue, false);
  assert.equal(dueActions(facts({ status: 'SHORT_DECLARED' }), at('2026-03-04T00:00:00Z'), p).flagOverdue, false);
  assert.equal(dueActions(facts(), at('2026-03-14T18:59:59.999Z'), p).warnPeriod, true);
  assert.equal(dueActions(facts(), at('2026-03-14T18:59:59.998Z'), p).warnPeriod, false);
  assert.equal(dueActions(facts({ extendedUntil: at('2026-04-10T18:59:59.999Z') }), at('2026-03-20T00:00:00Z'), p).warnPeriod, false);
  assert.equal(dueActions(facts(), at('2026-05-28T19:00:00Z'), p).warnMaximum, true);
  const end = dueActions(facts(), at('2026-05-31T19:00:00Z'), p);
  assert.equal(end.toDisposal, true);
  assert.equal(end.warnMaximum, false);
  assert.deepEqual(dueActions(facts({ status: 'RELEASED' }), at('2026-06-01T00:00:00Z'), p), {
    flagOverdue: false,
    warnPeriod: false,
    warnMaximum: false,
    toDisposal: false,
  });
});

test('CUS-TS-07: an extension runs past the period in force and never past the maximum', () => {
  const ok = checkExtension(facts(), at('2026-04-10T18:59:59.999Z'));
  assert.ok(ok.ok);
  const beyond = checkExtension(facts(), at('2026-06-01T18:59:59.999Z'));
  assert.ok(!beyond.ok && beyond.error.code === 'STORAGE_EXTENSION_BEYOND_MAXIMUM');
  const short = checkExtension(facts({ extendedUntil: at('2026-04-10T18:59:59.999Z') }), at('2026-04-01T18:59:59.999Z'));
  assert.ok(!short.ok && short.error.code === 'ARRIVAL_VALUE_INVALID');
  const gone = checkExtension(facts({ status: 'TO_DISPOSAL' }), at('2026-04-10T18:59:59.999Z'));
  assert.ok(!gone.ok && gone.error.code === 'STORAGE_NOT_ACTIVE');
});

test('A-19: the declarant or a broker acts; the short declaration is made once, before release or disposal', () => {
  assert.deepEqual(actingCapacity('030000303', '030000303', false), { ok: true, value: 'declarant' });
  assert.deepEqual(actingCapacity('030000303', '010000101', true), { ok: true, value: 'representative' });
  assert.ok(!actingCapacity('030000303', '050000505', false).ok);
  assert.ok(checkShortDeclarable('IN_TEMPORARY_STORAGE').ok);
  for (const [status, code] of [
    ['SHORT_DECLARED', 'STORAGE_ALREADY_SHORT_DECLARED'],
    ['RELEASED', 'STORAGE_NOT_ACTIVE'],
    ['TO_DISPOSAL', 'STORAGE_NOT_ACTIVE'],
  ] as const) {
    const r = checkShortDeclarable(status);
    assert.ok(!r.ok && r.error.code === code);
  }
});
