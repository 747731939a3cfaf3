import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { HOUR_MS, MINUTE_MS } from './dushanbe-time.ts';
import { checkProgramPassword, checkRegister, DEFAULT_GUARD_POLICY, offlineTimeLeft, type RegisterFacts } from './register-guard.ts';

const NOW = Date.parse('2026-03-02T09:00:00+05:00');
const healthy: RegisterFacts = {
  registerSerial: 'VCR-000123',
  registerStatus: 'registered',
  module: { number: 'FM0001', isRegistered: true, boundRegisterSerial: 'VCR-000123', isMemoryFull: false, isLocked: false },
  businessDataVersion: { register: 3, operator: 3 },
  isDatabaseIntact: true,
  prohibitions: [],
  clockCheck: { atMs: NOW - 2 * HOUR_MS, skewMs: 800 },
  shiftOpenedAt: '2026-03-02T08:00:00+05:00',
  lastDocumentAt: '2026-03-02T08:59:00+05:00',
};
const codes = (facts: RegisterFacts, now = NOW) => checkRegister(facts, now).reasons.map((r) => r.code);

describe('checks before work (p.34, p.36, p.68, p.70)', () => {
  test('FIS-USE-01, FIS-IMP-39: a registered register with its module, current data and a set clock may work', () => {
    assert.deepEqual(checkRegister(healthy, NOW), { canIssueReceipts: true, canCloseShift: true, reasons: [], warnings: [] });
  });

  test('FIS-VTR-02, FIS-VTR-03, FIS-VTR-04, FIS-VTR-11, FIS-PRH-10, FIS-PRH-14, FIS-IMP-40: each ground stops the register with its own code', () => {
    const m = healthy.module as NonNullable<RegisterFacts['module']>;
    const cases: [string, Partial<RegisterFacts>, string[]][] = [
      ['not registered', { registerStatus: 'not_registered' }, ['REGISTER_NOT_REGISTERED']],
      ['deregistered', { registerStatus: 'deregistered' }, ['REGISTER_DEREGISTERED']],
      ['no module', { module: undefined }, ['MODULE_MISSING']],
      ['module not registered', { module: { ...m, isRegistered: false } }, ['MODULE_NOT_REGISTERED']],
      ['module of another register', { module: { ...m, boundRegisterSerial: 'VCR-999' } }, ['WRONG_REGISTER']],
      ['memory full', { module: { ...m, isMemoryFull: true } }, ['MODULE_MEMORY_FULL']],
      ['module locked', { module: { ...m, isLocked: true } }, ['MODULE_LOCKED']],
      ['business data changed', { businessDataVersion: { register: 3, operator: 4 } }, ['BUSINESS_DATA_CHANGED']],
      ['database changed', { isDatabaseIntact: false }, ['REGISTER_DATABASE_CHANGED']],
      ['use prohibited', { prohibitions: ['NO_TSC_CONTRACT'] }, ['USE_PROHIBITED']],
      ['shift of 24 hours', { shiftOpenedAt: '2026-03-01T09:00:00+05:00' }, ['SHIFT_TOO_LONG']],
      ['shift of 23 h 59', { shiftOpenedAt: '2026-03-01T09:01:00+05:00' }, []],
    ];
    for (const [name, change, expected] of cases) assert.deepEqual(codes({ ...healthy, ...change }), expected, name);
  });

  test('FIS-VTR-09, FIS-USE-01: the clock is set from the operator daily (UTC+05:00) and may not drift beyond the tolerance', () => {
    const cases: [string, Partial<RegisterFacts>, string[]][] = [
      ['never set', { clockCheck: undefined }, ['CLOCK_NOT_SET']],
      ['set 24 h ago', { clockCheck: { atMs: NOW - 24 * HOUR_MS, skewMs: 0 } }, []],
      ['set 24 h 1 ms ago', { clockCheck: { atMs: NOW - 24 * HOUR_MS - 1, skewMs: 0 } }, ['CLOCK_NOT_SET']],
      ['set in the future', { clockCheck: { atMs: NOW + MINUTE_MS, skewMs: 0 } }, ['CLOCK_NOT_SET']],
      ['2 minutes ahead', { clockCheck: { atMs: NOW, skewMs: 2 * MINUTE_MS } }, []],
      ['2 minutes and 1 ms ahead', { clockCheck: { atMs: NOW, skewMs: 2 * MINUTE_MS + 1 } }, ['CLOCK_OUT_OF_SYNC']],
      ['5 minutes behind', { clockCheck: { atMs: NOW, skewMs: -5 * MINUTE_MS } }, ['CLOCK_OUT_OF_SYNC']],
      ['behind the last document', { lastDocumentAt: '2026-03-02T09:00:01+05:00' }, ['CLOCK_BEHIND']],
    ];
    for (const [name, change, expected] of cases) assert.deepEqual(codes({ ...healthy, ...change }), expected, name);
  });

  test('FIS-USE-02, FIS-USE-03, FIS-VCS-07, FIS-IMP-18: offline work stops a safety margin before 24 hours, with a warning first', () => {
    const cases: [string, string[], string[]][] = [
      // offline since → reasons, warnings (default policy: stop 1 h before the limit, warn 3 h before the stop)
      ['2026-03-02T00:00:00+05:00', [], []],
      ['2026-03-01T13:00:01+05:00', [], []],
      ['2026-03-01T13:00:00+05:00', [], ['OFFLINE_LIMIT_NEAR']],
      ['2026-03-01T10:00:01+05:00', [], ['OFFLINE_LIMIT_NEAR']],
      ['2026-03-01T10:00:00+05:00', ['OFFLINE_LIMIT_REACHED'], []],
      ['2026-02-28T09:00:00+05:00', ['OFFLINE_LIMIT_REACHED'], []],
    ];
    for (const [offlineSince, reasons, warnings] of cases) {
      const v = checkRegister({ ...healthy, offlineSince }, NOW);
      assert.deepEqual([v.reasons.map((r) => r.code), v.warnings.map((w) => w.code)], [reasons, warnings], offlineSince);
    }
  });

  test('FIS-USE-03, FIS-IMP-18: time left offline, with a configurable safety margin', () => {
    const since = '2026-03-02T00:00:00+05:00';
    const sinceMs = Date.parse(since);
    const cases: [number, number, number, boolean, boolean][] = [
      // margin, now − since → ms left, stopped, warning
      [HOUR_MS, 0, 23 * HOUR_MS, false, false],
      [HOUR_MS, 20 * HOUR_MS, 3 * HOUR_MS, false, true],
      [HOUR_MS, 23 * HOUR_MS, 0, true, false],
      [0, 23 * HOUR_MS, HOUR_MS, false, true],
      [0, 24 * HOUR_MS, 0, true, false],
      [30 * HOUR_MS, 0, 0, true, false],
    ];
    for (const [margin, elapsed, msLeft, isStopped, isWarning] of cases) {
      const left = offlineTimeLeft(since, sinceMs + elapsed, { ...DEFAULT_GUARD_POLICY, offlineSafetyMarginMs: margin });
      assert.deepEqual([left.msLeft, left.isStopped, left.isWarning], [msLeft, isStopped, isWarning], `${margin} ${elapsed}`);
      assert.equal(left.limitAtMs, sinceMs + 24 * HOUR_MS);
    }
  });

  test('FIS-VTR-02, FIS-VTR-04: every reason is returned at once, with its point of the text; only some still let the shift close', () => {
    const v = checkRegister(
      {
        ...healthy,
        registerStatus: 'deregistered',
        module: undefined,
        businessDataVersion: { register: 1, operator: 2 },
        clockCheck: undefined,
        offlineSince: '2026-03-01T00:00:00+05:00',
      },
      NOW,
    );
    assert.deepEqual(
      v.reasons.map((r) => `${r.code} ${r.ref}`),
      [
        'REGISTER_DEREGISTERED p.31-32',
        'MODULE_MISSING p.68 item 2, p.70',
        'BUSINESS_DATA_CHANGED p.70',
        'CLOCK_NOT_SET p.34, p.68 item 10',
        'OFFLINE_LIMIT_REACHED p.36',
      ],
    );
    assert.equal(v.canIssueReceipts, false);
    assert.equal(v.canCloseShift, false);
    const late = checkRegister({ ...healthy, offlineSince: '2026-03-01T00:00:00+05:00', shiftOpenedAt: '2026-03-01T00:00:00+05:00' }, NOW);
    assert.deepEqual([late.canIssueReceipts, late.canCloseShift], [false, true]);
    // The module keeps its last slot for the Z-report: a full memory still closes the shift (p.77).
    const full = checkRegister({ ...healthy, module: { ...(healthy.module as NonNullable<RegisterFacts['module']>), isMemoryFull: true } }, NOW);
    assert.deepEqual([full.canIssueReceipts, full.canCloseShift], [false, true]);
  });

  test('FIS-VTR-07, FIS-OCR-11: the program password has at least 6 characters (Tajik letters count once)', () => {
    const cases: [string, boolean][] = [
      ['123456', true],
      ['12345', false],
      ['', false],
      ['      ', false],
      ['ҷҳқӯғӣ', true],
      ['ҷҳқӯғ', false],
      ['pass word', true],
    ];
    for (const [password, isValid] of cases) assert.equal(checkProgramPassword(password).ok, isValid, password);
    assert.deepEqual(checkProgramPassword('abc'), { ok: false, error: { code: 'PASSWORD_TOO_SHORT', field: 'password', details: { minLength: 6 } } });
  });
});
