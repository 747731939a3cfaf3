import assert from 'node:assert/strict';
import { test } from 'node:test';
import { columnsOf } from '../ledger/model.ts';
import { fileNameOf, formatScore, formatShare, isRegistrationNumber, isSecretShaped, newestOf, receiptModeOf, serviceLabel } from './model.ts';

test('TS-40: the status form takes a registration number and a secret as the complainant may type it', () => {
  assert.equal(isRegistrationNumber('2026-0000042'), true);
  assert.equal(isRegistrationNumber(' 2026-0000042 '), true);
  assert.equal(isRegistrationNumber('2026-42'), false);
  // Crockford's base32, 16 characters: dashes, spaces and case do not matter (domain/complaint.ts normaliseSecret).
  assert.equal(isSecretShaped('7K3M-Q9TR-2VXD-H8PA'), true);
  assert.equal(isSecretShaped('7k3m q9tr 2vxd h8pa'), true);
  assert.equal(isSecretShaped('7K3M-Q9TR-2VXD'), false);
  assert.equal(isSecretShaped('7K3M-Q9TR-2VXD-H8P!'), false);
});

test('TS-16: the proof of receipt follows the channel: the second copy in person, the incoming stamp by post and e-mail', () => {
  assert.equal(receiptModeOf('office'), 'in_person');
  assert.equal(receiptModeOf('post'), 'incoming_stamp');
  assert.equal(receiptModeOf('email'), 'incoming_stamp');
  for (const channel of ['complaint_book', 'trust_phone', 'phone_151', 'chat']) assert.equal(receiptModeOf(channel), 'electronic');
});

test('TS-39: a complaint service reads from a dictionary key without dots (i18next nests on dots)', () => {
  assert.equal(serviceLabel('11.11.01'), 'svq.service.s01');
  assert.equal(serviceLabel('11.11.05'), 'svq.service.s05');
});

test('TS-17: the reply letter keeps the file name the server gives it (RFC 6266), or the fallback', () => {
  assert.equal(fileNameOf("attachment; filename*=UTF-8''complaint-2026-0000001-reply.pdf", 'x.pdf'), 'complaint-2026-0000001-reply.pdf');
  assert.equal(fileNameOf("attachment; filename*=UTF-8''%D2%B7%D0%B0%D0%B2%D0%BE%D0%B1.pdf", 'x.pdf'), 'ҷавоб.pdf');
  assert.equal(fileNameOf('attachment; filename="quality-indicators-2025.csv"', 'x.csv'), 'quality-indicators-2025.csv');
  assert.equal(fileNameOf(null, 'x.pdf'), 'x.pdf');
});

test('TS-41, TS-34: mean scores read with two decimals and shares as percentages; nothing rated reads as a dash', () => {
  assert.equal(formatScore(4, 'en'), '4.00');
  assert.equal(formatScore(3.67, 'ru'), '3,67');
  assert.equal(formatScore(null, 'tg'), '—');
  assert.equal(formatShare(0.8333, 'en'), '83.3\u00a0%');
  assert.equal(formatShare(1, 'tg'), '100,0\u00a0%');
  assert.equal(formatShare(null, 'en'), '—');
});

test('TS-33: of a regenerated note the newest PDF and JSON are offered', () => {
  const files = [
    { id: 'a', mediaType: 'application/pdf', createdAt: '2026-12-01T00:00:00.000Z' },
    { id: 'b', mediaType: 'application/json', createdAt: '2026-12-01T00:00:00.000Z' },
    { id: 'c', mediaType: 'application/pdf', createdAt: '2026-12-03T00:00:00.000Z' },
  ];
  assert.equal(newestOf(files, 'application/pdf')?.id, 'c');
  assert.equal(newestOf(files, 'application/json')?.id, 'b');
  assert.equal(newestOf(files, 'text/csv'), undefined);
});

test('TS-49: a ledger entry shows in its side’s column, and a reversal counts negative in the column of the entry it cancels', () => {
  assert.deepEqual(columnsOf({ kind: 'charge', amount: 38_000_00, reverses: null }), { debit: 38_000_00, credit: null });
  assert.deepEqual(columnsOf({ kind: 'payment', amount: 20_000_00, reverses: null }), { debit: null, credit: 20_000_00 });
  assert.deepEqual(columnsOf({ kind: 'payment', amount: 500, reverses: 'e1' }), { debit: null, credit: -500 });
  assert.deepEqual(columnsOf({ kind: 'interest', amount: 456_00, reverses: 'e2' }), { debit: -456_00, credit: null });
});
