import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parsePeriod } from './ledger.ts';
import {
  filingSms,
  isNoticeWindowDay,
  isPropertyNoticeSeason,
  noticeWindow,
  nonFilerNotice,
  propertyNotice,
  propertyNoticeDeadline,
  smsText,
} from './ledger-notices.ts';

test('TS-36 05.05.04: the window is the 16th to the 30th of the month after the period; in February its last day (A-12)', () => {
  assert.deepEqual(noticeWindow(2026, 3), { from: '2026-04-16', to: '2026-04-30' });
  assert.deepEqual(noticeWindow(2026, 1), { from: '2026-02-16', to: '2026-02-28' });
  assert.deepEqual(noticeWindow(2028, 1), { from: '2028-02-16', to: '2028-02-29' });
  assert.deepEqual(noticeWindow(2026, 12), { from: '2027-01-16', to: '2027-01-30' }, 'a year or a fourth quarter: January of the next year');
  assert.deepEqual(noticeWindow(2026, 6), { from: '2026-07-16', to: '2026-07-30' }, 'a second quarter');
});

test('TS-36 05.05.04: the 15th and the 31st are outside every window; the 16th and the 30th inside; in February the 28th (29th) is the last day', () => {
  const cases: [string, boolean][] = [
    ['2026-04-15', false],
    ['2026-04-16', true],
    ['2026-04-30', true],
    ['2026-05-31', false],
    ['2026-05-01', false],
    ['2026-02-28', true],
    ['2028-02-29', true],
    ['2026-03-01', false],
  ];
  for (const [date, expected] of cases) assert.equal(isNoticeWindowDay(date), expected, date);
});

test('TS-37 04.04.03: the notices are due by 1 February; the automatic season runs from 1 January to 1 February inclusive', () => {
  assert.equal(propertyNoticeDeadline(2027), '2027-02-01');
  const cases: [string, boolean][] = [
    ['2026-12-31', false],
    ['2027-01-01', true],
    ['2027-01-31', true],
    ['2027-02-01', true],
    ['2027-02-02', false],
  ];
  for (const [date, expected] of cases) assert.equal(isPropertyNoticeSeason(date), expected, date);
});

test('TS-35 05.05.01a: the SMS names the form, the period, the day and the receipt number, Tajik first', () => {
  const sms = filingSms({ receiptNumber: 'F-2026-0000042', formCode: 'VAT', period: parsePeriod('2026-03')!, filedOn: '2026-04-10' });
  for (const text of [sms.tg, sms.ru, sms.en]) {
    assert.match(text, /VAT/);
    assert.match(text, /F-2026-0000042/);
    assert.match(text, /10\.04\.2026/);
  }
  assert.match(sms.tg, /қабул шуд/);
  const body = smsText(sms);
  assert.ok(body.indexOf(sms.tg) === 0 && body.includes(sms.ru) && !body.includes(sms.en), 'Tajik, then Russian');
});

test('TS-36 and TS-37: the notices carry the TIN, the period and the amounts in all three languages', () => {
  const n = nonFilerNotice({
    tin: '200000001',
    formCode: 'SIMPLIFIED',
    formName: { tg: 'Эъломия', ru: 'Декларация', en: 'Return' },
    period: parsePeriod('2026-Q1')!,
    sentOn: '2026-04-16',
  });
  assert.match(n.tg, /200000001.*семоҳаи 1-и соли 2026/);
  assert.match(n.ru, /1 квартал 2026/);
  assert.match(n.en, /Q1 2026/);
  const p = propertyNotice({
    tin: '200000002',
    ownerName: 'Саидов С.',
    year: 2027,
    payBy: '2027-04-01',
    objects: [
      { kind: 'real_estate', description: 'Хона', annualTax: 48_000 },
      { kind: 'vehicle', description: 'Мошин', annualTax: 35_050 },
    ],
  });
  assert.match(p.tg, /830,50 сомонӣ/);
  assert.match(p.en, /Total: 830,50 somoni\. Payable by 01\.04\.2027/);
});
