import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseQr, qrText } from '../../../src/contexts/fiscal/application/check-receipt.ts';
import { EMPTY_FIELDS, fieldsFromQr, normaliseTotal, problemsOf, qrInstant, qrQuery } from './receipt-qr.ts';

const receipt = { fiscalModuleNumber: 'FM00012345', number: 42, fiscalSign: '0123456789', total: 1250, issuedAt: '2026-03-02T04:15:00.000Z' };

test('FIS-RCT-27, FIS-VER-01: the page reads the printed QR text, a bare query or its own address, and sends back what the server parses', () => {
  const printed = qrText('https://check.bekogaz.tj/r', receipt);
  const fields = fieldsFromQr(printed);
  assert.deepEqual(fields, { fm: 'FM00012345', n: '42', fs: '0123456789', total: '12.50', date: '2026-03-02', time: '09:15' });
  assert.deepEqual(fieldsFromQr(printed.slice(printed.indexOf('?') + 1)), fields);
  assert.deepEqual(fieldsFromQr(new URL(printed).searchParams), fields);
  assert.equal(fieldsFromQr('hello world'), undefined);
  // What the page sends is what the printing side wrote: same module, number, time, total and sign.
  assert.deepEqual(parseQr(qrQuery(fields ?? EMPTY_FIELDS)), parseQr(printed));
  assert.equal(qrInstant(fields ?? EMPTY_FIELDS), receipt.issuedAt);
});

test('FIS-VER-02: typed fields are checked before asking the server; the total and the time are optional but must be whole', () => {
  assert.deepEqual(problemsOf(EMPTY_FIELDS), { fm: 'required', n: 'required', fs: 'required' });
  const typed = { fm: ' FM1 ', n: '0042', fs: '01234 56789', total: '12,5', date: '', time: '' };
  assert.deepEqual(problemsOf(typed), {});
  assert.equal(qrQuery(typed), 'fm=FM1&n=42&s=12.50&fs=0123456789');
  assert.deepEqual(problemsOf({ ...typed, fs: '12345', n: 'x', total: '12.505' }), { n: 'number', fs: 'fiscalSign', total: 'total' });
  assert.deepEqual(problemsOf({ ...typed, date: '2026-03-02' }), { time: 'time' });
  assert.equal(qrQuery({ ...typed, date: '2026-03-02', time: '09:05' }), 'fm=FM1&n=42&t=20260302T0905&s=12.50&fs=0123456789');
  assert.equal(normaliseTotal('1 234,5'), '1234.50');
  assert.equal(normaliseTotal('007'), '7.00');
  assert.equal(normaliseTotal('-1'), undefined);
});
