import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  ageReachedOn,
  challengeVerdict,
  checkTinApplication,
  edsFee,
  hasReachedAge,
  identityMatches,
  isRealDate,
  laterOf,
  leadingZeroBits,
  maskAddress,
  normalisePassport,
  oneYearAfter,
  remindersDue,
  TIN_SPACE,
  tinFromRandom,
} from './identity.ts';

const application = { surname: 'Каримов', givenName: 'Алишер', birthDate: '2010-04-06', passportNumber: 'A12345678', address: 'ш. Душанбе, кӯч. Айнӣ 1' };

describe('TS-20, TS-45: the age of 16 on the day of submission', () => {
  const cases: [string, string, boolean][] = [
    ['2010-04-07', '2026-04-06', false], // the day before the 16th birthday
    ['2010-04-06', '2026-04-06', true], // the 16th birthday itself
    ['2010-04-05', '2026-04-06', true],
    ['2012-02-29', '2028-02-28', false], // born on 29 February, the 16th birthday falls on one
    ['2012-02-29', '2028-02-29', true],
    ['2084-02-29', '2100-02-27', false], // 2100 has no 29 February: the birthday is the 28th
    ['2084-02-29', '2100-02-28', true],
  ];
  for (const [born, today, expected] of cases) {
    test(`TS-45 01.01.01: born ${born}, on ${today}: ${expected ? 'old enough' : 'under 16'}`, () => {
      assert.equal(hasReachedAge(born, 16, today), expected);
    });
  }

  test('TS-45: a 29 February birth reaches an age on 28 February of a common year and on 29 February of a leap year', () => {
    assert.equal(ageReachedOn('2008-02-29', 17), '2025-02-28');
    assert.equal(ageReachedOn('2008-02-29', 16), '2024-02-29');
    assert.equal(ageReachedOn('2001-03-01', 16), '2017-03-01');
  });

  test('TS-45 01.01.01: an application the day before the 16th birthday is refused with the day it becomes possible', () => {
    const refused = checkTinApplication({ ...application, birthDate: '2010-04-07' }, '2026-04-06');
    assert.equal(refused.ok, false);
    if (refused.ok) return;
    assert.equal(refused.error.code, 'TIN_APPLICANT_UNDER_16');
    assert.deepEqual(refused.error.details, { reachesAgeOn: '2026-04-07' });
    assert.equal(checkTinApplication({ ...application, birthDate: '2010-04-06' }, '2026-04-06').ok, true);
  });
});

describe('01.01.01: malformed applications', () => {
  const refusals: [string, Partial<typeof application> & { patronymic?: string }, string][] = [
    ['a surname with digits', { surname: 'Каримов2' }, 'body.surname'],
    ['a given name of signs', { givenName: '!!!' }, 'body.givenName'],
    ['a patronymic with digits', { patronymic: 'Н1' }, 'body.patronymic'],
    ['a birth date that does not exist', { birthDate: '2010-02-30' }, 'body.birthDate'],
    ['a birth date ahead', { birthDate: '2026-04-07' }, 'body.birthDate'],
    ['a birth date before 1900', { birthDate: '1899-12-31' }, 'body.birthDate'],
    ['a passport number of letters', { passportNumber: 'ABCDEFG' }, 'body.passportNumber'],
    ['a passport number too short', { passportNumber: '12345' }, 'body.passportNumber'],
    ['an address too short', { address: ' д ' }, 'body.address'],
  ];
  for (const [what, change, field] of refusals) {
    test(`TS-45 01.01.01: ${what} is TIN_REGISTRATION_INVALID at ${field}`, () => {
      const result = checkTinApplication({ ...application, ...change }, '2026-04-06');
      assert.equal(result.ok, false);
      if (result.ok) return;
      assert.equal(result.error.code, 'TIN_REGISTRATION_INVALID');
      assert.equal(result.error.field, field);
    });
  }

  test('TS-45: names are kept trimmed, in NFC, with single spaces; Tajik letters and hyphens are names', () => {
    const result = checkTinApplication({ ...application, surname: '  Ҷӯраева-Қодирова ', givenName: 'Гул  Ноз' }, '2026-04-06');
    assert.ok(result.ok);
    assert.equal(result.value.surname, 'Ҷӯраева-Қодирова');
    assert.equal(result.value.givenName, 'Гул Ноз');
  });

  test('isRealDate: 29 February exists only in leap years', () => {
    assert.equal(isRealDate('2028-02-29'), true);
    assert.equal(isRealDate('2027-02-29'), false);
    assert.equal(isRealDate('2027-13-01'), false);
  });
});

describe('TS-44: the identity data that must all match', () => {
  test('A-17: a passport series typed in Cyrillic look-alikes, in the number field, or with spaces is the same passport', () => {
    const expected = { series: 'A', number: '12345678' };
    assert.deepEqual(normalisePassport('А', '12345678'), expected); // Cyrillic А
    assert.deepEqual(normalisePassport(undefined, 'а 1234 5678'), expected);
    assert.deepEqual(normalisePassport('a', '12-345-678'), expected);
    assert.deepEqual(normalisePassport('', '401234567'), { series: '', number: '401234567' });
    assert.equal(normalisePassport('ABCD', '12345678'), undefined);
    assert.equal(normalisePassport('Ж', '12345678'), undefined);
  });

  const record = { surname: 'Раҳимов', birthDate: '1990-05-14', passportSeries: 'A', passportNumber: '01234567' };
  const claim = { passport: { series: 'A', number: '01234567' }, surname: 'раҳимов ', birthDate: '1990-05-14' };
  test('TS-44: the same document, surname (any case and spacing) and birth date match', () => {
    assert.equal(identityMatches(record, claim), true);
  });
  const misses: [string, typeof claim][] = [
    ['another birth date', { ...claim, birthDate: '1990-05-15' }],
    ['a surname that only begins the same', { ...claim, surname: 'Раҳим' }],
    ['a surname with one letter else', { ...claim, surname: 'Рахимов' }],
    ['another number', { ...claim, passport: { series: 'A', number: '01234568' } }],
    ['another series', { ...claim, passport: { series: 'B', number: '01234567' } }],
  ];
  for (const [what, other] of misses) {
    test(`TS-44: ${what} does not match (no partial match ever counts)`, () => {
      assert.equal(identityMatches(record, other), false);
    });
  }
});

describe('TIN assignment', () => {
  test('a TIN is nine digits, never starting with 0, over the whole range', () => {
    assert.equal(tinFromRandom(0), '100000000');
    assert.equal(tinFromRandom(TIN_SPACE - 1), '999999999');
    assert.throws(() => tinFromRandom(TIN_SPACE), RangeError);
    assert.throws(() => tinFromRandom(-1), RangeError);
    fc.assert(fc.property(fc.integer({ min: 0, max: TIN_SPACE - 1 }), (n) => /^[1-9]\d{8}$/.test(tinFromRandom(n))));
  });
});

describe('TS-44: proof of work', () => {
  const cases: [number[], number][] = [
    [[0x80], 0],
    [[0x40], 1],
    [[0x01], 7],
    [[0x00, 0xff], 8],
    [[0x00, 0x00, 0x1f], 19],
    [[0x00, 0x00], 16],
  ];
  for (const [bytes, bits] of cases) {
    test(`leading zero bits of ${Buffer.from(bytes).toString('hex')}: ${bits}`, () => assert.equal(leadingZeroBits(Uint8Array.from(bytes)), bits));
  }

  test('TS-44: a challenge is accepted in time with enough zero bits, refused when expired or short', () => {
    const payload = { id: 'x', difficulty: 12, expiresAt: 1_000 };
    assert.equal(challengeVerdict(payload, 1_000, 12), 'accepted');
    assert.equal(challengeVerdict(payload, 1_000, 11), 'insufficient');
    assert.equal(challengeVerdict(payload, 1_001, 20), 'expired');
  });
});

describe('TS-50: EDS fee, validity and reminders', () => {
  test('TS-50 12.12.02: a dehkan farm pays nothing whatever the price list says; others pay the listed price', () => {
    assert.equal(edsFee('dehkan_farm', 20_000), 0);
    assert.equal(edsFee('dehkan_farm', undefined), 0);
    assert.equal(edsFee('legal_entity', 20_000), 20_000);
    assert.equal(edsFee('individual', undefined), undefined);
  });

  test('TS-50 12.12.02: the clock starts at the later of contract and payment', () => {
    const contract = new Date('2026-04-09T06:00:00Z');
    const payment = new Date('2026-04-10T11:00:00Z');
    assert.equal(laterOf(contract, payment), payment);
    assert.equal(laterOf(payment, contract), payment);
  });

  test('TS-50: a certificate is valid one year; one issued on 29 February ends on 28 February', () => {
    assert.equal(oneYearAfter(new Date('2026-04-06T05:00:00Z')).toISOString(), '2027-04-06T05:00:00.000Z');
    assert.equal(oneYearAfter(new Date('2028-02-29T05:00:00Z')).toISOString(), '2029-02-28T05:00:00.000Z');
    assert.equal(oneYearAfter(new Date('2027-12-31T23:00:00Z')).toISOString(), '2028-12-31T23:00:00.000Z');
  });

  const end = new Date('2027-04-06T05:00:00Z');
  const before = (days: number) => new Date(end.getTime() - days * 86_400_000);
  const none = { at30: false, at7: false };
  const reminders: [string, Date, { at30: boolean; at7: boolean }, { at30: boolean; at7: boolean }][] = [
    ['31 days before: nothing yet', before(31), none, none],
    ['30 days before: the 30-day reminder', before(30), none, { at30: true, at7: false }],
    ['10 days before, 30-day sent: nothing', before(10), { at30: true, at7: false }, none],
    ['7 days before: the 7-day reminder', before(7), { at30: true, at7: false }, { at30: false, at7: true }],
    ['3 days before, nothing sent (a late checker): only the 7-day one', before(3), none, { at30: false, at7: true }],
    ['3 days before, both sent: nothing', before(3), { at30: true, at7: true }, none],
    ['after the end: nothing', before(-1), none, none],
  ];
  for (const [what, now, sent, expected] of reminders) {
    test(`TS-50 reminders: ${what}`, () => assert.deepEqual(remindersDue(end, now, sent), expected));
  }

  test('12.12.01: an address kept with a request is masked', () => {
    assert.equal(maskAddress('gulnora@example.tj'), 'g***@example.tj');
    assert.equal(maskAddress('+992 93 123 45 67'), '***4567');
  });
});
