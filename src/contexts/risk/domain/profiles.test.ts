import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  checkActivation,
  checkApproval,
  checkProfileInput,
  checkRetirement,
  editsInPlace,
  isInForce,
  type ProfileInput,
  type ProfileState,
} from './profiles.ts';

const input = (over: Partial<ProfileInput> = {}): ProfileInput => ({
  area: { tg: 'соҳа', ru: 'область', en: 'area' },
  categories: ['payment_evasion', 'payment_evasion'],
  kind: 'potential',
  indicator: { op: 'prefix', field: 'item.commodityCode', values: ['8703'] },
  subjects: ['declaration'],
  lane: 'red',
  selectionPercent: 40,
  measures: ['physical_examination'],
  level: 3,
  validFrom: '2026-03-01',
  validTo: '2026-03-31',
  ...over,
});
const version = (state: ProfileState, over: Partial<{ createdBy: string; validFrom: string; validTo: string }> = {}) => ({
  state,
  createdBy: 'risk_analyst:a',
  validFrom: '2026-03-01',
  validTo: '2026-03-31',
  ...over,
});

describe('risk profiles: content and workflow', () => {
  test('CUS-RMS-07, CUS-RMS-14, CUS-RMS-16: a profile is checked whole: the indicator with every fault, the objects of analysis it reads, duplicates removed', () => {
    const checked = checkProfileInput(input());
    assert.ok(checked.ok);
    assert.deepEqual(checked.value.objects, ['commodity_code']);
    assert.deepEqual(checked.value.categories, ['payment_evasion']);
    const bad = checkProfileInput(
      input({
        indicator: {
          op: 'any',
          of: [
            { op: 'in', field: 'x', values: [] },
            { op: 'first_time', extra: 1 },
          ],
        },
      }),
    );
    assert.ok(!bad.ok);
    assert.equal(bad.error.code, 'RISK_INDICATOR_INVALID');
    assert.deepEqual(
      ((bad.error.details?.problems ?? []) as { field: string }[]).map((p) => p.field),
      ['indicator.of[0].field', 'indicator.of[1].extra'],
    );
  });

  test('CUS-RMS-21: the validity period is two real days, the end not before the start', () => {
    for (const [validFrom, validTo, field] of [
      ['2026-02-30', '2026-03-31', 'body.validFrom'],
      ['2026-03-01', '2026-02-28', 'body.validTo'],
      ['2026-03-01', '31.03.2026', 'body.validTo'],
    ] as const) {
      const r = checkProfileInput(input({ validFrom, validTo }));
      assert.deepEqual(r.ok ? undefined : [r.error.code, r.error.field], ['RISK_VALIDITY_INVALID', field]);
    }
    assert.ok(checkProfileInput(input({ validFrom: '2026-03-01', validTo: '2026-03-01' })).ok, 'one day is a period');
  });

  test('CUS-RMS-21: both ends of the period are days in force', () => {
    const v = { validFrom: '2026-03-01', validTo: '2026-03-31' };
    assert.deepEqual(
      ['2026-02-28', '2026-03-01', '2026-03-15', '2026-03-31', '2026-04-01'].map((d) => isInForce(v, d)),
      [false, true, true, true, false],
    );
  });

  test('CUS-RMS-21 (four eyes): only a draft is approved, and not by its author', () => {
    assert.ok(checkApproval(version('draft'), 'risk_analyst:b').ok);
    const own = checkApproval(version('draft'), 'risk_analyst:a');
    assert.equal(own.ok ? undefined : own.error.code, 'RISK_APPROVER_IS_AUTHOR');
    for (const state of ['approved', 'active', 'retired'] as const) {
      const r = checkApproval(version(state), 'risk_analyst:b');
      assert.equal(r.ok ? undefined : r.error.code, 'RISK_PROFILE_STATE_INVALID');
    }
  });

  test('CUS-RMS-21, art.429(2) p.2: an approved version is activated only on a day of its validity period', () => {
    const table: [ProfileState, string, string | undefined][] = [
      ['approved', '2026-03-01', undefined],
      ['approved', '2026-03-31', undefined],
      ['approved', '2026-02-28', 'RISK_PROFILE_OUTSIDE_VALIDITY'],
      ['approved', '2026-04-01', 'RISK_PROFILE_OUTSIDE_VALIDITY'],
      ['draft', '2026-03-10', 'RISK_PROFILE_STATE_INVALID'],
      ['active', '2026-03-10', 'RISK_PROFILE_STATE_INVALID'],
    ];
    for (const [state, day, code] of table) {
      const r = checkActivation(version(state), day);
      assert.equal(r.ok ? undefined : r.error.code, code, `${state} on ${day}`);
    }
  });

  test('CUS-RMS-21: approved and active versions retire; a draft is edited in place, any other version gets a new draft', () => {
    assert.deepEqual(
      (['draft', 'approved', 'active', 'retired'] as const).map((s) => checkRetirement(version(s)).ok),
      [false, true, true, false],
    );
    assert.deepEqual(
      (['draft', 'approved', 'active', 'retired'] as const).map((state) => editsInPlace({ state })),
      [true, false, false, false],
    );
  });
});
