import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  fromHundredths,
  GENERAL_COVERAGE,
  indicatorsToDirams,
  isInForce,
  needsEscort,
  needsInsurancePolicy,
  type Parameters,
  requiredPurpose,
  statutoryMinimum,
  toHundredths,
} from './guarantees.ts';

const LAW: Parameters = {
  customs_broker: 300_000n,
  warehouse_base: 15_000n,
  warehouse_per_m2_open_site: 400n,
  warehouse_per_m3_building: 200n,
  duty_free_shop: 300_000n,
};
const h = (s: string) => toHundredths(s) as bigint;
const closed = (area: string, volume: string) => ({ warehouseType: 'closed' as const, openSiteM2: h(area), buildingM3: h(volume) });

test('CUS-GUA-01 CUS-GUA-02: a customs broker’s guarantee is at least 3000 calculation indicators (art.140 i.3)', () => {
  assert.deepEqual(statutoryMinimum('customs_broker', LAW), { ok: true, hundredths: 300_000n });
  assert.deepEqual(statutoryMinimum('customs_broker', {}), { ok: false, problem: 'GUARANTEE_PARAMETER_MISSING' });
});

test('CUS-GUA-05 AMB-16: a customs warehouse owner’s minimum is 150 + 4 per m² of open site + 2 per m³ of building, both when both exist', () => {
  const cases: [string, string, string][] = [
    ['1000', '0', '4150'],
    ['0', '2500', '5150'],
    ['1000', '2500', '9150'],
    ['0.5', '0', '152'],
    ['0.33', '0', '151.32'],
  ];
  for (const [area, volume, expected] of cases) {
    const m = statutoryMinimum('customs_warehouse_owner', LAW, closed(area, volume));
    assert.ok(m.ok);
    assert.equal(fromHundredths(m.hundredths as bigint), expected, `${area} m², ${volume} m³`);
  }
  assert.deepEqual(statutoryMinimum('customs_warehouse_owner', LAW, closed('0', '0')), { ok: false, problem: 'GUARANTEE_WAREHOUSE_FACTS_REQUIRED' });
  assert.deepEqual(statutoryMinimum('customs_warehouse_owner', LAW), { ok: false, problem: 'GUARANTEE_WAREHOUSE_FACTS_REQUIRED' });
});

test('CUS-GUA-09: a duty-free shop owner’s guarantee is at least 3000 indicators (art.260 i.2); an AEO’s has no statutory amount in the draft', () => {
  assert.deepEqual(statutoryMinimum('duty_free_shop_owner', LAW), { ok: true, hundredths: 300_000n });
  assert.deepEqual(statutoryMinimum('aeo', LAW), { ok: true, hundredths: undefined });
});

test('CUS-GUA-06 CUS-GUA-07: only an open-type customs warehouse needs the insurance policy', () => {
  assert.equal(needsInsurancePolicy({ ...closed('10', '0'), warehouseType: 'open' }), true);
  assert.equal(needsInsurancePolicy(closed('10', '0')), false);
});

test('AMB-17: indicators turn into dirams at the value on the day given, rounded up to the diram', () => {
  assert.equal(indicatorsToDirams(300_000n, 7500n), 22_500_000n);
  assert.equal(indicatorsToDirams(15_132n, 7500n), 1_134_900n);
  assert.equal(indicatorsToDirams(1n, 7501n), 76n);
});

test('decimals of indicators and areas are exact hundredths; anything else is refused', () => {
  for (const [s, v] of [
    ['3000', 300_000n],
    ['0.5', 50n],
    ['12.25', 1225n],
  ] as const) {
    assert.equal(toHundredths(s), v);
    assert.equal(fromHundredths(v), s);
  }
  for (const bad of ['', '-1', '1.234', '1e3', '1,5', ' 1']) assert.equal(toHundredths(bad), undefined, bad);
});

test('CUS-GUA-03 CUS-GUA-04 CUS-GUA-08 CUS-GUA-10 CUS-GUA-15: which placements need a guarantee, and of which purpose', () => {
  assert.equal(requiredPurpose({ kind: 'customs_warehouse' }), 'customs_warehouse');
  assert.equal(requiredPurpose({ kind: 'duty_free_shop' }), 'duty_free_shop');
  assert.equal(requiredPurpose({ kind: 'free_warehouse' }), 'free_warehouse');
  assert.equal(requiredPurpose({ kind: 'regime_with_relief' }), 'relief_regime');
  assert.equal(requiredPurpose({ kind: 'periodic_declaring', hasPaymentsDue: true }), 'periodic_declaring');
  assert.equal(requiredPurpose({ kind: 'periodic_declaring', hasPaymentsDue: false }), undefined);
  assert.equal(requiredPurpose({ kind: 'transit' }), undefined);
});

test('CUS-GUA-12: a general guarantee covers its activity and what the activity secures', () => {
  assert.ok(GENERAL_COVERAGE.customs_warehouse_owner.includes('customs_warehouse'));
  assert.ok(GENERAL_COVERAGE.duty_free_shop_owner.includes('duty_free_shop'));
  assert.ok(GENERAL_COVERAGE.customs_broker.includes('customs_broker'));
  assert.ok(GENERAL_COVERAGE.aeo.includes('aeo'));
  assert.ok(!GENERAL_COVERAGE.duty_free_shop_owner.includes('customs_warehouse'));
});

test('CUS-GUA-16: escort applies under transit without a guarantee or below the Article 383 amount', () => {
  assert.equal(needsEscort(null, 1000n), true);
  assert.equal(needsEscort(undefined, 1000n), true);
  assert.equal(needsEscort(999n, 1000n), true);
  assert.equal(needsEscort(1000n, 1000n), false);
  assert.equal(needsEscort(5000n, 1000n), false);
});

test('a guarantee is in force when accepted and the day is inside its validity', () => {
  const g = { status: 'accepted' as const, validFrom: '2026-03-01', validTo: '2026-03-31' };
  assert.equal(isInForce(g, '2026-03-01'), true);
  assert.equal(isInForce(g, '2026-03-31'), true);
  assert.equal(isInForce(g, '2026-04-01'), false);
  assert.equal(isInForce({ ...g, status: 'applied' }, '2026-03-10'), false);
});
