import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  checkOutagePeriod,
  checkPiData,
  checkSubmitter,
  checkUsable,
  expiryOf,
  fromMilli,
  outageCovers,
  preliminaryRequirement,
  toMilli,
} from './preliminary.ts';

const at = (iso: string) => new Date(iso);

test('CUS-PI-07 CUS-PI-11: the submitter follows the mode; pipeline and power line take no preliminary information', () => {
  const table: [string, string, string | undefined][] = [
    ['road', 'declarant', undefined],
    ['road', 'carrier', 'PI_SUBMITTER_ROLE_MISMATCH'],
    ['air', 'carrier', undefined],
    ['rail', 'carrier', undefined],
    ['river', 'carrier', undefined],
    ['river', 'declarant', 'PI_SUBMITTER_ROLE_MISMATCH'],
    ['pipeline', 'declarant', 'PI_NOT_FOR_PIPELINE_OR_POWER_LINE'],
    ['power_line', 'carrier', 'PI_NOT_FOR_PIPELINE_OR_POWER_LINE'],
  ];
  for (const [mode, role, code] of table) {
    const r = checkSubmitter(mode as never, role);
    assert.equal(r.ok ? undefined : r.error.code, code, `${mode}/${role}`);
  }
});

test('CUS-PI-06 CUS-PI-10 CUS-PI-11: required unless an art.11-1 p.7 reason is given; never for pipeline or power line', () => {
  assert.deepEqual(preliminaryRequirement({ transportMode: 'road' }), { kind: 'required' });
  assert.deepEqual(preliminaryRequirement({ transportMode: 'road', exemption: 'postal_item' }), { kind: 'optional', reason: 'postal_item' });
  assert.deepEqual(preliminaryRequirement({ transportMode: 'air', exemption: 'unknown' }), { kind: 'required' });
  assert.deepEqual(preliminaryRequirement({ transportMode: 'power_line' }), { kind: 'never', reason: 'power_line' });
});

test('CUS-PI-09 A-03: usable to the end of the 30th calendar day after the day of registration, Dushanbe time', () => {
  // Registered 23:30 Dushanbe on 2 March (18:30Z): the day of registration is 2 March.
  const expires = expiryOf(at('2026-03-02T18:30:00Z'), 30);
  assert.equal(expires.toISOString(), '2026-04-01T18:59:59.999Z');
  // Registered 00:30 Dushanbe on 3 March (19:30Z on the 2nd): one day later.
  assert.equal(expiryOf(at('2026-03-02T19:30:00Z'), 30).toISOString(), '2026-04-02T18:59:59.999Z');
  const pi = { status: 'REGISTERED' as const, expiresAt: expires };
  assert.ok(checkUsable(pi, at('2026-04-01T18:59:59.999Z')).ok);
  const late = checkUsable(pi, at('2026-04-01T19:00:00Z'));
  assert.ok(!late.ok && late.error.code === 'PI_EXPIRED');
  assert.ok(checkUsable({ status: 'USED', expiresAt: expires }, at('2026-03-10T00:00:00Z')).ok);
  for (const [status, code] of [
    ['SUBMITTED', 'PI_NOT_REGISTERED'],
    ['REFUSED', 'PI_NOT_REGISTERED'],
    ['EXPIRED', 'PI_EXPIRED'],
  ] as const) {
    const r = checkUsable({ status, expiresAt: null }, at('2026-03-10T00:00:00Z'));
    assert.ok(!r.ok && r.error.code === code, status);
  }
});

test('CUS-PI-04: an outage covers an office from its start to its end, both included; open-ended until ended', () => {
  const outage = { startedAt: at('2026-03-02T04:00:00Z'), endedAt: at('2026-03-02T05:00:00Z'), officeCodes: ['DUSHANBE'] };
  assert.ok(outageCovers(outage, 'DUSHANBE', at('2026-03-02T04:00:00Z')));
  assert.ok(outageCovers(outage, 'DUSHANBE', at('2026-03-02T05:00:00Z')));
  assert.ok(!outageCovers(outage, 'DUSHANBE', at('2026-03-02T05:00:00.001Z')));
  assert.ok(!outageCovers(outage, 'KHUJAND', at('2026-03-02T04:30:00Z')));
  assert.ok(outageCovers({ ...outage, endedAt: null }, 'DUSHANBE', at('2027-01-01T00:00:00Z')));
  const now = at('2026-03-02T06:00:00Z');
  assert.ok(checkOutagePeriod(outage.startedAt, outage.endedAt, now).ok);
  assert.ok(!checkOutagePeriod(at('2026-03-02T07:00:00Z'), null, now).ok);
  assert.ok(!checkOutagePeriod(outage.endedAt, outage.startedAt, now).ok);
});

test('CUS-PI-01: goods lines are numbered and their decimals kept exact; zero quantities and past arrivals are refused', () => {
  assert.equal(toMilli('12.5'), 12500n);
  assert.equal(fromMilli(12500n), '12.5');
  assert.equal(fromMilli(toMilli('0.001')), '0.001');
  assert.equal(fromMilli(toMilli('20000.000')), '20000');
  assert.throws(() => toMilli('1e3'), RangeError);
  const line = { commodityCode: '1101000000', description: 'Flour', quantity: '10.50', unit: 'kg', grossMassKg: '11', valueDirams: '100', originCountry: 'KZ' };
  const data = {
    transportMode: 'road' as const,
    arrivalOfficeCode: 'DUSHANBE',
    expectedArrivalAt: at('2026-03-03T00:00:00Z'),
    carrier: { name: 'C', country: 'KZ' },
    vehicles: [],
    goods: [line, line],
    passengers: [],
  };
  const ok = checkPiData(data, at('2026-03-02T00:00:00Z'));
  assert.ok(ok.ok);
  assert.deepEqual(
    ok.value.map((l) => [l.lineNo, l.quantity]),
    [
      [1, '10.5'],
      [2, '10.5'],
    ],
  );
  const past = checkPiData(data, at('2026-03-04T00:00:00Z'));
  assert.ok(!past.ok && past.error.code === 'PI_ARRIVAL_IN_PAST');
  const zero = checkPiData({ ...data, goods: [{ ...line, valueDirams: '0' }] }, at('2026-03-02T00:00:00Z'));
  assert.ok(!zero.ok && zero.error.field === 'body.goods[0].valueDirams');
});
