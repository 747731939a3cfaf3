import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BUILT_IN_CALENDAR, createCalendar } from '../../../platform/calendar/index.ts';
import { catalogueLine } from './catalogue.ts';
import {
  COMPLAINT_CHANNELS,
  COMPLAINT_SERVICES,
  type ComplaintDraft,
  decideComplaint,
  formatSecret,
  normaliseSecret,
  OFFICER_COMPLAINT_CHANNELS,
  receiptModeOf,
} from './complaint.ts';
import { startClock } from './sla.ts';

const NOW = new Date('2026-08-10T05:00:00Z');
const base: ComplaintDraft = { serviceKey: '11.11.02', channel: 'chat', complainant: { email: 'a@example.tj' } };

test('TS-15: the six channels of A1 p.13 map to the register’s channels, and the officer records all but the Book', () => {
  assert.deepEqual([...COMPLAINT_CHANNELS].sort(), ['chat', 'complaint_book', 'email', 'office', 'phone_151', 'post', 'trust_phone']);
  assert.deepEqual(
    COMPLAINT_CHANNELS.filter((c) => !(OFFICER_COMPLAINT_CHANNELS as readonly string[]).includes(c)),
    ['complaint_book'],
  );
});

test('TS-16: in person the second copy proves receipt; by post and e-mail the incoming stamp; the rest their electronic registration', () => {
  const modes = Object.fromEntries(COMPLAINT_CHANNELS.map((c) => [c, receiptModeOf(c)]));
  assert.deepEqual(modes, {
    post: 'incoming_stamp',
    office: 'in_person',
    complaint_book: 'electronic',
    trust_phone: 'electronic',
    phone_151: 'electronic',
    email: 'incoming_stamp',
    chat: 'electronic',
  });
});

test('TS-16: the date of receipt is the stamp for post and e-mail, the copy for in person, and the registration for the rest', () => {
  const stamp = new Date('2026-08-07T04:30:00Z');
  const post = decideComplaint({ ...base, channel: 'post', receipt: { incomingNumber: ' В-1 ', stampedAt: stamp } }, NOW);
  assert.ok(post.ok);
  assert.equal(post.value.receivedAt, stamp);
  assert.equal(post.value.incomingNumber, 'В-1');
  const office = decideComplaint({ ...base, channel: 'office', receipt: { receiverName: 'Каримова Н.', receiverSigned: true, stamp: 'Мӯҳр' } }, NOW);
  assert.ok(office.ok);
  assert.deepEqual(
    { ...office.value },
    { mode: 'in_person', receivedAt: NOW, receiverName: 'Каримова Н.', receiverSigned: true, stamp: 'Мӯҳр', incomingNumber: null },
  );
  const chat = decideComplaint(base, NOW);
  assert.ok(chat.ok);
  assert.equal(chat.value.receivedAt, NOW);
});

test('TS-16 TS-39: every refusal names its code and field', () => {
  const cases: [ComplaintDraft, string, string][] = [
    [{ ...base, channel: 'email' }, 'COMPLAINT_CHANNEL_MISMATCH', 'body.channel'],
    [{ ...base, serviceKey: '11.11.05' }, 'COMPLAINT_CHANNEL_MISMATCH', 'body.channel'],
    [{ ...base, serviceKey: '11.11.01', decisionRef: 'Акт № 1' }, 'COMPLAINT_TIN_REQUIRED', 'body.complainant.tin'],
    [{ ...base, serviceKey: '11.11.04', complainant: { tin: '300000001' } }, 'COMPLAINT_SUBJECT_REQUIRED', 'body.declarationRef'],
    [{ ...base, serviceKey: '11.11.01', complainant: { tin: '300000001' }, decisionRef: '  ' }, 'COMPLAINT_SUBJECT_REQUIRED', 'body.decisionRef'],
    [{ ...base, complainant: {} }, 'COMPLAINT_REPLY_ADDRESS_REQUIRED', 'body.complainant'],
    [{ ...base, serviceKey: '11.11.05', channel: 'email', complainant: { tin: '300000001' } }, 'COMPLAINT_REPLY_ADDRESS_REQUIRED', 'body.complainant.email'],
    [{ ...base, channel: 'office', receipt: { receiverSigned: true, stamp: 'Мӯҳр' } }, 'COMPLAINT_RECEIPT_REQUIRED', 'body.receipt.receiverName'],
    [
      { ...base, channel: 'office', receipt: { receiverName: 'Н.', receiverSigned: false, stamp: 'Мӯҳр' } },
      'COMPLAINT_RECEIPT_REQUIRED',
      'body.receipt.receiverSigned',
    ],
    [{ ...base, channel: 'office', receipt: { receiverName: 'Н.', receiverSigned: true } }, 'COMPLAINT_RECEIPT_REQUIRED', 'body.receipt.stamp'],
    [{ ...base, channel: 'post', receipt: { stampedAt: NOW } }, 'COMPLAINT_RECEIPT_REQUIRED', 'body.receipt.incomingNumber'],
    [{ ...base, channel: 'post', receipt: { incomingNumber: 'В-1' } }, 'COMPLAINT_RECEIPT_REQUIRED', 'body.receipt.stampedAt'],
    [
      { ...base, channel: 'post', receipt: { incomingNumber: 'В-1', stampedAt: new Date(NOW.getTime() + 1) } },
      'COMPLAINT_RECEIPT_IN_FUTURE',
      'body.receipt.stampedAt',
    ],
    [
      { ...base, channel: 'office', receipt: { receiverName: 'Н.', receiverSigned: true, stamp: 'М', receivedAt: new Date(NOW.getTime() + 1) } },
      'COMPLAINT_RECEIPT_IN_FUTURE',
      'body.receipt.receivedAt',
    ],
  ];
  for (const [draft, code, field] of cases) {
    const r = decideComplaint(draft, NOW);
    assert.ok(!r.ok, `${code} expected`);
    assert.deepEqual({ code: r.error.code, field: r.error.field }, { code, field });
  }
  // The Book's complainant reads the reply on the status page: no address is needed.
  assert.ok(decideComplaint({ ...base, channel: 'complaint_book', complainant: {} }, NOW).ok);
});

test('TS-39 11.11.01 11.11.02 11.11.04 11.11.05: the catalogue deadlines across weekends, Independence Day and Constitution Day', () => {
  const calendar = createCalendar(BUILT_IN_CALENDAR);
  const due = (key: string, start: string) => {
    const line = catalogueLine(key);
    assert.ok(line, key);
    return startClock(line.deadline, { startedAt: new Date(start) }, calendar).dueAt?.toISOString();
  };
  assert.deepEqual(
    COMPLAINT_SERVICES.map((k) => catalogueLine(k)?.deadline),
    [
      { kind: 'calendar_days', days: 30 },
      { kind: 'calendar_days', days: 30 },
      { kind: 'working_days', days: 10 },
      { kind: 'working_days', days: 5 },
    ],
  );
  // 10 August + 30 = Wednesday 9 September, Independence Day: the next working day.
  assert.equal(due('11.11.01', '2026-08-10T05:00:00Z'), '2026-09-10T18:59:59.999Z');
  // 7 October + 30 = Friday 6 November, Constitution Day, then a weekend: Monday 9 November.
  assert.equal(due('11.11.02', '2026-10-07T04:00:00Z'), '2026-11-09T18:59:59.999Z');
  // 9 October + 30 = Sunday 8 November: Monday 9 November.
  assert.equal(due('11.11.02', '2026-10-09T04:00:00Z'), '2026-11-09T18:59:59.999Z');
  // From Thursday 3 September: ten working days without Wednesday 9 September end on Friday 18, 17:00.
  assert.equal(due('11.11.04', '2026-09-03T05:00:00Z'), '2026-09-18T12:00:00.000Z');
  // From Thursday 5 November: five working days without Friday 6 and the weekend end on Friday 13, 17:00.
  assert.equal(due('11.11.05', '2026-11-05T06:00:00Z'), '2026-11-13T12:00:00.000Z');
});

test('TS-40: the secret is 16 characters of Crockford base32 in four groups, and reads the same however it is typed', () => {
  const bytes = Uint8Array.from([0, 1, 2, 3, 4, 250, 251, 252, 253, 255]);
  const secret = formatSecret(bytes);
  assert.match(secret, /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
  assert.notEqual(formatSecret(Uint8Array.from([0, 1, 2, 3, 4, 250, 251, 252, 253, 254])), secret);
  assert.equal(normaliseSecret(secret.toLowerCase().replace(/-/g, ' ')), normaliseSecret(secret));
  assert.equal(normaliseSecret('o0-Il'), '0011');
  assert.throws(() => formatSecret(new Uint8Array(9)), RangeError);
});
