import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CONTROL_FORMS, missingControlForms } from './control-powers.ts';

describe('powers of control per officer', () => {
  test('CUS-CTL-04: each act needs its form; results need any inspecting form; suspension its own; no powers set means the role’s', () => {
    assert.equal(missingControlForms(undefined, 'inspection_decided'), undefined);
    assert.equal(missingControlForms([...CONTROL_FORMS], 'release_suspended'), undefined);
    assert.deepEqual(missingControlForms(['documentary_check'], 'examination_notified'), ['physical_examination']);
    assert.deepEqual(missingControlForms(['documentary_check'], 'expertise_ordered'), ['expert_examination']);
    assert.equal(missingControlForms(['expert_examination'], 'violation_found'), undefined);
    assert.deepEqual(missingControlForms(['release_suspension'], 'control_completed'), ['documentary_check', 'physical_examination', 'expert_examination']);
    assert.deepEqual(missingControlForms([], 'suspension_cancelled'), ['release_suspension']);
  });
});
