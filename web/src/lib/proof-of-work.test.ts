import assert from 'node:assert/strict';
import { createHash, webcrypto } from 'node:crypto';
import { test } from 'node:test';
import { leadingZeroBits, solveProofOfWork } from './proof-of-work.ts';

test('TS-44: the solver finds a solution whose SHA-256 the server (node:crypto) counts as enough zero bits', async () => {
  const challenge = 'eyJpZCI6IngifQ.c2lnbmF0dXJl';
  const solution = await solveProofOfWork(challenge, 10, { subtle: webcrypto.subtle as SubtleCrypto });
  const hash = createHash('sha256').update(`${challenge}:${solution}`).digest();
  assert.ok(leadingZeroBits(hash) >= 10);
});

test('TS-44: the solver gives up after its tries and stops when aborted', async () => {
  await assert.rejects(solveProofOfWork('c', 30, { maxTries: 512 }), /no solution found in 512 tries/);
  await assert.rejects(solveProofOfWork('c', 30, { signal: AbortSignal.abort() }), { name: 'AbortError' });
});
