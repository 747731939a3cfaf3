import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mergeProblems, type ProblemSpec } from './problems.ts';

const spec = (status: ProblemSpec['status'], en: string): ProblemSpec => ({ status, title: { tg: en, ru: en, en } });

test('a code two contexts share keeps the first context’s title on every route; differing statuses are refused', () => {
  const operator = { REGISTER_DEREGISTERED: spec(403, 'The register has been deregistered'), GAP: spec(409, 'Gap') };
  const register = { REGISTER_DEREGISTERED: spec(403, 'The register is deregistered'), REGISTER_LOCKED: spec(403, 'Locked') };
  const merged = mergeProblems([operator, register]);
  assert.deepEqual(Object.keys(merged).sort(), ['GAP', 'REGISTER_DEREGISTERED', 'REGISTER_LOCKED']);
  assert.equal(merged.REGISTER_DEREGISTERED?.title.en, 'The register has been deregistered');
  assert.throws(() => mergeProblems([operator, { GAP: spec(422, 'Gap') }]), /GAP has two statuses: 409 and 422/);
});
