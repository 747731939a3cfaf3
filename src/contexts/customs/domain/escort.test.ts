import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  canMoveEscort,
  ESCORT_GROUND_TITLES,
  ESCORT_GROUNDS,
  type EscortFacts,
  escortDueAt,
  escortGrounds,
  feeBandFor,
  isEscortOverdue,
  isOrganisedLate,
  isValidFeeTable,
} from './escort.ts';
import { escortProblems } from './escort-errors.ts';

const nothing: EscortFacts = {
  carriage: 'transit',
  guaranteeDirams: 1_000_000n,
  art383Dirams: 500_000n,
  unexecutedDecisions: 0,
  hasOverdueImportDuties: false,
  hasExciseGoods: false,
  riskMeasures: ['documentary_check'],
  isForeignGoodsUnderControl: true,
};

describe('customs escort: pure rules', () => {
  test('CUS-CTL-08 CUS-CTL-09: a transit with enough guarantee, no carrier history, no excise and no RMS signal needs no escort', () => {
    assert.deepEqual(escortGrounds(nothing), []);
  });

  test('CUS-CTL-09 CUS-GUA-16: no guarantee, or less than the Article 383 amount; equal is enough; an unknown amount only counts a missing guarantee', () => {
    assert.deepEqual(escortGrounds({ ...nothing, guaranteeDirams: null }), ['transit_guarantee']);
    assert.deepEqual(escortGrounds({ ...nothing, guaranteeDirams: 499_999n }), ['transit_guarantee']);
    assert.deepEqual(escortGrounds({ ...nothing, guaranteeDirams: 500_000n }), []);
    assert.deepEqual(escortGrounds({ ...nothing, guaranteeDirams: 1n, art383Dirams: null }), []);
    assert.deepEqual(escortGrounds({ ...nothing, guaranteeDirams: null, art383Dirams: null }), ['transit_guarantee']);
  });

  test('CUS-CTL-09 AMB-22: each transit ground of art.402(1) p.2 i.1 on its own, and all of them in the order of the law', () => {
    assert.deepEqual(escortGrounds({ ...nothing, unexecutedDecisions: 1 }), ['transit_carrier_unexecuted_decisions']);
    assert.deepEqual(escortGrounds({ ...nothing, hasOverdueImportDuties: true }), ['transit_carrier_unpaid_duties']);
    assert.deepEqual(escortGrounds({ ...nothing, hasExciseGoods: true }), ['transit_excise_goods']);
    assert.deepEqual(escortGrounds({ ...nothing, riskMeasures: ['physical_examination', 'escort'] }), ['transit_risk_signal']);
    const all = escortGrounds({
      ...nothing,
      guaranteeDirams: null,
      unexecutedDecisions: 2,
      hasOverdueImportDuties: true,
      hasExciseGoods: true,
      riskMeasures: ['escort'],
    });
    assert.deepEqual(all, ESCORT_GROUNDS.slice(0, 5));
  });

  test('CUS-CTL-09: foreign goods carried without transit (i.2) need escort; domestic goods carried without transit do not; transit grounds do not apply there', () => {
    assert.deepEqual(escortGrounds({ ...nothing, carriage: 'without_transit' }), ['foreign_goods_without_transit']);
    assert.deepEqual(
      escortGrounds({ ...nothing, carriage: 'without_transit', isForeignGoodsUnderControl: false, hasExciseGoods: true, guaranteeDirams: null }),
      [],
    );
  });

  test('CUS-CTL-09: property: a ground is reported exactly when its fact holds', () => {
    fc.assert(
      fc.property(
        fc.record({
          guarantee: fc.option(fc.bigInt({ min: 0n, max: 10_000_000n })),
          art383: fc.option(fc.bigInt({ min: 0n, max: 10_000_000n })),
          decisions: fc.nat(3),
          duties: fc.boolean(),
          excise: fc.boolean(),
          escort: fc.boolean(),
        }),
        (r) => {
          const facts: EscortFacts = {
            ...nothing,
            guaranteeDirams: r.guarantee,
            art383Dirams: r.art383,
            unexecutedDecisions: r.decisions,
            hasOverdueImportDuties: r.duties,
            hasExciseGoods: r.excise,
            riskMeasures: r.escort ? ['escort'] : [],
          };
          const g = escortGrounds(facts);
          const isShort = r.guarantee === null || (r.art383 !== null && r.guarantee < r.art383);
          assert.equal(g.includes('transit_guarantee'), isShort);
          assert.equal(g.includes('transit_carrier_unexecuted_decisions'), r.decisions > 0);
          assert.equal(g.includes('transit_carrier_unpaid_duties'), r.duties);
          assert.equal(g.includes('transit_excise_goods'), r.excise);
          assert.equal(g.includes('transit_risk_signal'), r.escort);
          assert.ok(!g.includes('foreign_goods_without_transit'));
        },
      ),
    );
  });

  test('CUS-CTL-10: the carrier is informed and the escort organised within 24 clock hours of the decision', () => {
    const decided = new Date('2026-03-02T05:00:00Z');
    const due = escortDueAt(decided);
    assert.equal(due.toISOString(), '2026-03-03T05:00:00.000Z');
    assert.equal(isEscortOverdue('DECIDED', due, due), false);
    assert.equal(isEscortOverdue('DECIDED', due, new Date(due.getTime() + 1)), true);
    assert.equal(isEscortOverdue('CARRIER_INFORMED', due, new Date(due.getTime() + 1)), true);
    assert.equal(isEscortOverdue('ORGANISED', due, new Date(due.getTime() + 1)), false);
    assert.equal(isOrganisedLate(new Date('2026-03-02T20:00:00Z'), new Date('2026-03-03T04:00:00Z'), due), false);
    assert.equal(isOrganisedLate(new Date('2026-03-02T20:00:00Z'), new Date('2026-03-03T06:00:00Z'), due), true);
    assert.equal(isOrganisedLate(new Date('2026-03-03T06:00:00Z'), new Date('2026-03-03T06:00:00Z'), due), true);
  });

  test('catalog 3.4: DECIDED → CARRIER_INFORMED → ORGANISED → IN_ESCORT → COMPLETED, cancelled only before the escort begins', () => {
    assert.ok(canMoveEscort('DECIDED', 'informed'));
    assert.ok(!canMoveEscort('DECIDED', 'organised'));
    assert.ok(canMoveEscort('CARRIER_INFORMED', 'organised'));
    assert.ok(canMoveEscort('ORGANISED', 'started'));
    assert.ok(canMoveEscort('IN_ESCORT', 'completed'));
    assert.ok(canMoveEscort('ORGANISED', 'cancelled'));
    assert.ok(!canMoveEscort('IN_ESCORT', 'cancelled'));
    assert.ok(!canMoveEscort('COMPLETED', 'cancelled'));
  });

  test('CUS-CTL-11: the fee table by distance band, or one flat band per escort', () => {
    const bands = [
      { fromKm: 0, toKm: 100, amountDirams: 30_000n },
      { fromKm: 100, toKm: 300, amountDirams: 60_000n },
      { fromKm: 300, toKm: null, amountDirams: 100_000n },
    ];
    assert.ok(isValidFeeTable(bands));
    assert.equal(feeBandFor(bands, 1)?.amountDirams, 30_000n);
    assert.equal(feeBandFor(bands, 99)?.amountDirams, 30_000n);
    assert.equal(feeBandFor(bands, 100)?.amountDirams, 60_000n);
    assert.equal(feeBandFor(bands, 2000)?.amountDirams, 100_000n);
    assert.ok(isValidFeeTable([{ fromKm: 0, toKm: null, amountDirams: 50_000n }]));
    assert.ok(!isValidFeeTable([]));
    assert.ok(!isValidFeeTable([{ fromKm: 10, toKm: null, amountDirams: 1n }]), 'must start at 0');
    assert.ok(!isValidFeeTable([{ fromKm: 0, toKm: 100, amountDirams: 1n }]), 'last band must be open');
    assert.ok(
      !isValidFeeTable([
        { fromKm: 0, toKm: 100, amountDirams: 1n },
        { fromKm: 150, toKm: null, amountDirams: 1n },
      ]),
      'gap',
    );
    assert.ok(
      !isValidFeeTable([
        { fromKm: 0, toKm: null, amountDirams: 1n },
        { fromKm: 100, toKm: null, amountDirams: 1n },
      ]),
      'two open bands',
    );
    assert.ok(!isValidFeeTable([{ fromKm: 0, toKm: null, amountDirams: 0n }]), 'positive amount');
  });

  test('every ground has its text and every escort refusal is a 4xx in three languages', () => {
    for (const g of ESCORT_GROUNDS) assert.ok(ESCORT_GROUND_TITLES[g].tg && ESCORT_GROUND_TITLES[g].ru && ESCORT_GROUND_TITLES[g].en);
    for (const [c, spec] of Object.entries(escortProblems)) {
      assert.ok(spec.status >= 400 && spec.status < 500, c);
      assert.ok(spec.title.tg && spec.title.ru && spec.title.en, c);
    }
  });
});
