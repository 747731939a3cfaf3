import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Lane, Measure } from './model.ts';
import { planReroute } from './routing.ts';

const from = (lane: Lane, measures: Measure[] = []) => ({ lane, measures });

describe('re-routing (issue #6)', () => {
  test('upward needs no reason and keeps the measures in force, adding the new lane’s', () => {
    const r = planReroute(from('blue', ['samples', 'post_clearance_audit']), 'red', '');
    assert.deepEqual(r.ok && r.value, {
      lane: 'red',
      measures: ['documentary_check', 'physical_examination', 'samples', 'post_clearance_audit'],
      isUpward: true,
    });
    const y = planReroute(from('green'), 'yellow', '');
    assert.deepEqual(y.ok && y.value.measures, ['documentary_check']);
  });

  test('downward needs a reason and keeps only the new lane’s measures', () => {
    for (const reason of ['', '   ']) {
      const r = planReroute(from('red', ['physical_examination']), 'yellow', reason);
      assert.deepEqual(r.ok ? undefined : [r.error.code, r.error.field], ['RISK_REROUTE_REASON_REQUIRED', 'body.reason']);
    }
    const down = planReroute(from('red', ['physical_examination', 'samples']), 'blue', 'AEO');
    assert.deepEqual(down.ok && down.value, { lane: 'blue', measures: ['post_clearance_audit'], isUpward: false });
    const green = planReroute(from('yellow', ['documentary_check']), 'green', 'documents presented');
    assert.deepEqual(green.ok && green.value.measures, []);
  });

  test('the same lane is refused', () => {
    for (const lane of ['green', 'blue', 'yellow', 'red'] as const) {
      const r = planReroute(from(lane), lane, 'x');
      assert.equal(r.ok ? undefined : r.error.code, 'RISK_REROUTE_SAME_LANE');
    }
  });
});
