import assert from 'node:assert/strict';
import { createVerify, webcrypto } from 'node:crypto';
import { test } from 'node:test';
import { testAuthority } from '../../../../test/customs-fixtures.ts';
import { anchorOf, byDeadline, fieldKeyOf, formatDirams, groupReasons, releaseClock, type Summary, sumAmounts } from './model.ts';
import { certificateText, importSigningKey, KeyFileError, signText } from './signing.ts';

const subtle = webcrypto.subtle as unknown as SubtleCrypto;

test('IMP-01: dirams read as somoni with two decimals, exact beyond 2^53', () => {
  assert.equal(formatDirams('3784321', 'tg'), '37\u00a0843,21');
  assert.equal(formatDirams('3784321', 'en'), '37,843.21');
  assert.equal(formatDirams('5', 'ru'), '0,05');
  assert.equal(formatDirams('0', 'en'), '0.00');
  assert.equal(formatDirams('-150', 'en'), '−1.50');
  assert.equal(formatDirams('123456789012345678901', 'en'), '1,234,567,890,123,456,789.01');
  assert.equal(formatDirams(null, 'tg'), '—');
  assert.equal(formatDirams('12.5', 'tg'), '—');
});

test('CUS-DEC-02: the invoice total offered is the exact sum of the items, or nothing while one is not a number', () => {
  const item = (invoiceAmount: string) => ({ invoiceAmount }) as never;
  assert.equal(sumAmounts([item('10000.00'), item('5000')]), '15000.00');
  assert.equal(sumAmounts([item('0.1'), item('0.2')]), '0.30');
  assert.equal(sumAmounts([item('0.05')]), '0.05');
  assert.equal(sumAmounts([item('1,5')]), undefined);
});

test('CUS-DEC-39: reasons are grouped by their ground in order and point at the editor’s fields', () => {
  const groups = groupReasons([
    { ground: 6, code: 'preliminary_information_missing', field: 'preliminaryNumber' },
    { ground: 5, code: 'document_missing', field: 'documents.CMR' },
    { ground: 5, code: 'document_missing', field: 'documents.CONTRACT' },
    { ground: 4, code: 'net_above_gross', field: 'items[1].netMassKg' },
  ]);
  assert.deepEqual(
    groups.map((g) => [g.ground, g.reasons.length]),
    [
      [4, 1],
      [5, 2],
      [6, 1],
    ],
  );
  assert.equal(anchorOf('items[1].netMassKg'), 'decl-item-2');
  assert.equal(anchorOf('body.data.consignor.country'), 'decl-field-consignor-country');
  assert.equal(anchorOf('documents.CMR'), 'decl-documents');
  assert.equal(anchorOf('signature'), 'decl-sign');
  assert.deepEqual(fieldKeyOf('items[0].commodityCode'), { key: 'item.commodityCode', item: 1 });
  assert.deepEqual(fieldKeyOf('documents.CMR'), { key: 'documents', document: 'CMR' });
  assert.deepEqual(fieldKeyOf('body.data.valuation.transportCost'), { key: 'valuation.transportCost' });
});

test('CUS-REL-11: the queue runs by release deadline; four hours or less is "soon", past it "late"', () => {
  const now = Date.parse('2026-03-05T08:00:00Z');
  assert.deepEqual(releaseClock('2026-03-06T10:30:00Z', now), { tone: 'ok', days: 1, hours: 2, minutes: 30 });
  assert.equal(releaseClock('2026-03-05T12:00:00Z', now)?.tone, 'soon');
  assert.deepEqual(releaseClock('2026-03-05T07:45:00Z', now), { tone: 'late', days: 0, hours: 0, minutes: 15 });
  assert.equal(releaseClock(null, now), undefined);
  const row = (id: string, releaseDueAt: string | null, createdAt = '2026-03-01T00:00:00Z') => ({ id, releaseDueAt, createdAt }) as Summary;
  assert.deepEqual(
    byDeadline([row('none', null), row('later', '2026-03-06T12:00:00Z'), row('first', '2026-03-05T12:00:00Z')]).map((r) => r.id),
    ['first', 'later', 'none'],
  );
});

test('CUS-DEC-08: the page signs with the PKCS#8 key file what the server verifies with the certificate', async () => {
  const signer = await (await testAuthority()).signer('010000101');
  const key = await importSigningKey(signer.privateKeyPem, subtle);
  const payload = '{"data":{"currency":"USD"},"declarationId":"x"}';
  const signature = Buffer.from(await signText(key, payload, subtle), 'base64');
  assert.equal(signature.length, 64, 'r‖s');
  const verify = createVerify('sha256').update(payload);
  assert.ok(verify.verify({ key: certificateText(signer.certificatePem), dsaEncoding: 'ieee-p1363' }, signature));
  await assert.rejects(importSigningKey(signer.certificatePem, subtle), (e: unknown) => e instanceof KeyFileError && e.fault === 'key_not_pem');
  await assert.rejects(
    importSigningKey('-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n', subtle),
    (e: unknown) => e instanceof KeyFileError && e.fault === 'key_unreadable',
  );
  assert.throws(
    () => certificateText(signer.privateKeyPem),
    (e: unknown) => e instanceof KeyFileError && e.fault === 'certificate_not_pem',
  );
});
