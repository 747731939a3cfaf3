import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  canMove,
  checkPeriod,
  consignments,
  DEFAULT_PARAMETERS,
  decisionDueAt,
  escalateAt,
  exportDeclarationDueAt,
  exportExitDueAt,
  importDeclarationDueAt,
  irregularCodes,
  latestExtensionAt,
  refusalNoticeDueAt,
  wholeLotExitedOn,
  withdrawalDueAt,
} from './periodic.ts';

const WHEAT = '1001990000';
// 10:00 in Dushanbe on Monday 2 March 2026.
const filedAt = new Date('2026-03-02T05:00:00Z');
const iso = (d: Date) => d.toISOString();

describe('periodic declaring: pure rules', () => {
  test('CUS-DEC-64 AMB-10 CUS-DEC-76: answer by the end of the 10th calendar day, escalation at the start of day 8, export refusal notice by the next day', () => {
    assert.equal(iso(decisionDueAt(filedAt)), '2026-03-12T18:59:59.999Z');
    assert.equal(iso(escalateAt(filedAt, DEFAULT_PARAMETERS)), '2026-03-09T19:00:00.000Z');
    assert.equal(iso(refusalNoticeDueAt(filedAt)), '2026-03-03T18:59:59.999Z');
  });

  test('CUS-DEC-69 CUS-DEC-79 CUS-DEC-80 CUS-DEC-82 AMB-07 AMB-08: declaration, exit, extension and grace deadlines', () => {
    assert.equal(iso(importDeclarationDueAt('2026-03-20')), '2026-03-30T18:59:59.999Z');
    assert.equal(iso(exportDeclarationDueAt('2026-03-21')), '2026-04-21T18:59:59.999Z');
    // 31 January + 1 month: the matching day is clamped to the month's end.
    assert.equal(iso(exportDeclarationDueAt('2026-01-31')), '2026-02-28T18:59:59.999Z');
    assert.equal(iso(exportExitDueAt('2026-03-20')), '2026-09-20T18:59:59.999Z');
    assert.equal(iso(latestExtensionAt(exportDeclarationDueAt('2026-03-21'))), '2026-08-21T18:59:59.999Z');
    assert.equal(iso(withdrawalDueAt(filedAt, DEFAULT_PARAMETERS)), '2026-03-12T18:59:59.999Z');
  });

  test('CUS-DEC-67 CUS-DEC-81 AMB-09: period before the start, ≤ 30 days, restricted export ≤ 1 calendar month and filed within 15 days before', () => {
    const base = { direction: 'import' as const, lines: [{ commodityCode: WHEAT, plannedQuantity: '1' }], filedOn: '2026-03-02' };
    assert.deepEqual(checkPeriod({ ...base, periodStart: '2026-03-03', periodEnd: '2026-04-01' }), { ok: true, value: { isRestricted: false } });
    const code = (r: ReturnType<typeof checkPeriod>) => (r.ok ? 'OK' : r.error.code);
    assert.equal(code(checkPeriod({ ...base, periodStart: '2026-03-03', periodEnd: '2026-04-02' })), 'PERIODIC_PERIOD_TOO_LONG');
    assert.equal(code(checkPeriod({ ...base, periodStart: '2026-03-02', periodEnd: '2026-03-10' })), 'PERIODIC_PERIOD_STARTED');
    assert.equal(code(checkPeriod({ ...base, periodStart: '2026-03-10', periodEnd: '2026-03-09' })), 'PERIODIC_PERIOD_INVALID');
    const restricted = {
      ...base,
      direction: 'export' as const,
      lines: [{ commodityCode: WHEAT, plannedQuantity: '1', isRestricted: true }],
      filedOn: '2026-01-20',
    };
    // February: one calendar month is 28 days, less than 30.
    assert.equal(code(checkPeriod({ ...restricted, periodStart: '2026-02-01', periodEnd: '2026-02-28' })), 'OK');
    assert.equal(code(checkPeriod({ ...restricted, periodStart: '2026-02-01', periodEnd: '2026-03-01' })), 'PERIODIC_PERIOD_TOO_LONG');
    // The window: from 15 days before the start (AMB-09).
    assert.equal(code(checkPeriod({ ...restricted, periodStart: '2026-02-05', periodEnd: '2026-02-10' })), 'PERIODIC_APPLICATION_TOO_EARLY');
    assert.equal(code(checkPeriod({ ...restricted, periodStart: '2026-02-04', periodEnd: '2026-02-10' })), 'OK');
    // The same goods without restriction or duty may be applied for earlier.
    assert.equal(code(checkPeriod({ ...restricted, lines: base.lines, periodStart: '2026-02-05', periodEnd: '2026-02-10' })), 'OK');
  });

  test('CUS-DEC-65: 3 deliveries of the same code in the 30 calendar days ending on the filing day', () => {
    const d = (on: string, commodityCode = WHEAT) => ({ commodityCode, on });
    assert.deepEqual(irregularCodes([WHEAT], [d('2026-02-01'), d('2026-02-15'), d('2026-03-02')], '2026-03-02'), []);
    // 1 February is the 30th day back from 2 March; 31 January is outside.
    assert.deepEqual(irregularCodes([WHEAT], [d('2026-01-31'), d('2026-02-15'), d('2026-03-02')], '2026-03-02'), [WHEAT]);
    // Another code does not count (art.136 p.3).
    assert.deepEqual(irregularCodes([WHEAT], [d('2026-02-10'), d('2026-02-15'), d('2026-02-20', '1101000000')], '2026-03-02'), [WHEAT]);
  });

  test('CUS-DEC-66: one consignment per code, with planned, notified and actual totals', () => {
    const lines = [{ commodityCode: WHEAT, plannedQuantity: '100' }];
    const notices = [
      { lines: [{ commodityCode: WHEAT, quantity: '40.5' }], actualLines: [{ commodityCode: WHEAT, quantity: '40' }] },
      { lines: [{ commodityCode: WHEAT, quantity: '59.505' }], actualLines: null },
    ];
    assert.deepEqual(consignments(lines, notices), [{ commodityCode: WHEAT, planned: '100', notified: '100.005', actual: '40' }]);
    assert.equal(wholeLotExitedOn([{ exitedOn: '2026-03-11' }, { exitedOn: null }]), undefined);
    assert.equal(wholeLotExitedOn([{ exitedOn: '2026-03-21' }, { exitedOn: '2026-03-11' }]), '2026-03-21');
  });

  test('catalog 3.2: the transitions allow exactly their rows', () => {
    assert.ok(canMove('SUBMITTED', 'P2_permitted'));
    assert.ok(!canMove('PERMITTED', 'P2_refused'));
    assert.ok(canMove('DECLARATION_DUE', 'P7_not_presented'));
    assert.ok(!canMove('DECLARED', 'P8_withdrawn'));
    assert.ok(canMove('EXPORT_OVERDUE', 'P11_release_annulled'));
  });
});
