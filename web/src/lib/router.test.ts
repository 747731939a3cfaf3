import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matchPath } from './router.tsx';

test('paths match patterns segment by segment, with decoded parameters', () => {
  assert.deepEqual(matchPath('/my/registers/:id', '/my/registers/abc%20d'), { id: 'abc d' });
  assert.deepEqual(matchPath('/tsc/register', '/tsc/register/'), {});
  assert.equal(matchPath('/my/registers/:id', '/my/registers'), undefined);
  assert.equal(matchPath('/admin/models', '/admin/tscs'), undefined);
});
