import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UUID_PATTERN, uuidv7 } from './ids.ts';

test('uuidv7: version 7, variant 10, and ids of one process sort in the order they were made, even within one millisecond', () => {
  const ids = Array.from({ length: 10_000 }, () => uuidv7(1_700_000_000_000));
  ids.push(uuidv7(1_600_000_000_000), uuidv7(1_800_000_000_000));
  for (const id of ids) {
    assert.match(id, new RegExp(UUID_PATTERN));
    assert.equal(id[14], '7');
    assert.ok('89ab'.includes(id[19] as string));
  }
  assert.deepEqual([...ids].sort(), ids);
  assert.equal(new Set(ids).size, ids.length);
});
