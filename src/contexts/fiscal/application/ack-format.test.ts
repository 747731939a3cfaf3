import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { canonicalJson } from '../../../platform/canonical-json.ts';
import { createFiscalScheme } from '../domain/fiscal-scheme.ts';
import { acknowledgement } from './intake-flush.ts';

const scheme = createFiscalScheme();
const pair = scheme.generateModuleKeyPair();
const keys = scheme.deriveModuleKeys(pair.privateKey, scheme.generateModuleKeyPair().publicKey, 'FM1');

test('the acknowledgement is canonical JSON and its MAC is over the canonical JSON of the other fields', () => {
  fc.assert(
    fc.property(
      fc.string({ minLength: 1, maxLength: 30 }),
      fc.stringMatching(/^\d{10}$/),
      fc.integer({ min: 1, max: 2 ** 40 }),
      fc.subarray(['OFFLINE_OVER_24_HOURS']),
      (fm, fs, n, violations) => {
        const ack = acknowledgement(scheme, keys, { fiscalModuleNumber: fm, fiscalSign: fs, number: n }, '2026-03-02T05:00:00.000Z', violations);
        const parsed = JSON.parse(ack) as Record<string, unknown> & { mac: string };
        assert.equal(canonicalJson(parsed), ack);
        const { mac, ...core } = parsed;
        assert.equal(scheme.ackMac(keys, Buffer.from(canonicalJson(core))), mac);
      },
    ),
  );
});
