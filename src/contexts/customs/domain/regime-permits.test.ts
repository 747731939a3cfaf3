import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BUILT_IN_CALENDAR, createCalendar } from '../../../platform/calendar/index.ts';
import type { DeclarationData } from './declaration.ts';
import { assess, type ItemTariff } from './declaration-payments.ts';
import {
  checkExtension,
  checkValidity,
  DECISION_WORKING_DAYS,
  PERMIT_BASIS,
  PROCESSING_KINDS,
  permitDueActions,
  WARNING_WORKING_DAYS,
} from './regime-permits.ts';

const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error?.code);
const calendar = createCalendar(BUILT_IN_CALENDAR);

test('CUS-REG-05: 10 working days of the office’s calendar (was 30 days), a warning after 8', () => {
  assert.equal(DECISION_WORKING_DAYS, 10);
  assert.equal(WARNING_WORKING_DAYS, 8);
  // Monday 2 March 2026, 10:00 Dushanbe; 9 March is the day off carried from Mother's Day (Sunday 8 March).
  const submitted = new Date('2026-03-02T05:00:00Z');
  assert.equal(calendar.addWorkingDays(submitted, WARNING_WORKING_DAYS, 'default').toISOString(), '2026-03-13T12:00:00.000Z');
  assert.equal(calendar.addWorkingDays(submitted, DECISION_WORKING_DAYS, 'default').toISOString(), '2026-03-16T12:00:00.000Z');
  // A round-the-clock post works every day.
  assert.equal(calendar.addWorkingDays(submitted, DECISION_WORKING_DAYS, 'round-the-clock').toISOString(), '2026-03-12T18:59:59.999Z');
});

test('CUS-REG-05: the checker warns once at day 8 and flags overdue once after day 10; decided applications are left alone', () => {
  const p = {
    status: 'submitted' as const,
    warnAt: new Date('2026-03-13T12:00:00Z'),
    decisionDueAt: new Date('2026-03-16T12:00:00Z'),
    warnedAt: null,
    overdueAt: null,
  };
  assert.deepEqual(permitDueActions(p, new Date('2026-03-13T11:59:59Z')), { warn: false, flagOverdue: false });
  assert.deepEqual(permitDueActions(p, new Date('2026-03-13T12:00:00Z')), { warn: true, flagOverdue: false });
  const warned = { ...p, warnedAt: new Date('2026-03-13T12:00:00Z') };
  assert.deepEqual(permitDueActions(warned, new Date('2026-03-15T00:00:00Z')), { warn: false, flagOverdue: false });
  assert.deepEqual(permitDueActions(warned, new Date('2026-03-16T12:00:00Z')), { warn: false, flagOverdue: true });
  assert.deepEqual(permitDueActions({ ...warned, overdueAt: new Date('2026-03-16T12:00:00Z') }, new Date('2026-03-20T00:00:00Z')), {
    warn: false,
    flagOverdue: false,
  });
  // A checker that was down for the whole period does both at once.
  assert.deepEqual(permitDueActions(p, new Date('2026-03-17T00:00:00Z')), { warn: true, flagOverdue: true });
  assert.deepEqual(permitDueActions({ ...p, status: 'issued' }, new Date('2026-03-17T00:00:00Z')), { warn: false, flagOverdue: false });
});

test('CUS-REG-06 AMB-18: no extension unless the law on the permit system allows it (parameter, default none), once, within the allowance', () => {
  const open = { status: 'submitted' as const, extendedAt: null };
  assert.equal(code(checkExtension(open, 5, 0)), 'REGIME_PERMIT_EXTENSION_NOT_ALLOWED');
  assert.equal(code(checkExtension(open, 6, 5)), 'REGIME_PERMIT_EXTENSION_NOT_ALLOWED');
  assert.equal(code(checkExtension(open, 5, 5)), 'ok');
  assert.equal(code(checkExtension({ ...open, extendedAt: new Date() }, 1, 5)), 'REGIME_PERMIT_ALREADY_EXTENDED');
  assert.equal(code(checkExtension({ ...open, status: 'issued' }, 1, 5)), 'REGIME_PERMIT_ALREADY_DECIDED');
});

test('CUS-REG-04: every processing permit is issued under the legislation on the permit system, citing its article; validity not reversed', () => {
  for (const kind of PROCESSING_KINDS) assert.match(PERMIT_BASIS[kind], /permit system/);
  assert.match(PERMIT_BASIS.processing_inside, /art\.179 p\.2, art\.181 p\.1/);
  assert.match(PERMIT_BASIS.processing_for_domestic_consumption, /art\.192 p\.1/);
  assert.match(PERMIT_BASIS.processing_outside, /art\.203 p\.2/);
  assert.equal(code(checkValidity('2026-03-02', '2026-03-02')), 'ok');
  assert.equal(code(checkValidity('2026-03-02', '2026-03-01')), 'REGIME_PERMIT_VALIDITY_INVALID');
});

const data = (regime: DeclarationData['regime']): DeclarationData => ({
  direction: 'import',
  regime,
  officeCode: 'DUSHANBE',
  declarantCode: '010000101',
  consignor: { name: 'A', country: 'CN', address: 'x' },
  consignee: { name: 'B', country: 'TJ', address: 'y', tin: '010000101' },
  transport: { mode: 'road', vehicles: ['01 TJ 1234 AA'], nationality: 'TJ' },
  countryOfDispatch: 'CN',
  countryOfDestination: 'TJ',
  currency: 'USD',
  invoiceTotal: '10000.00',
  deliveryTerms: 'FCA Kashgar',
  valuation: { method: 1, transportCost: '500.00', insuranceCost: '0', otherCosts: '0' },
  items: [
    {
      number: 1,
      commodityCode: '5205110000',
      description: 'Cotton yarn',
      originCountry: 'UZ',
      grossMassKg: '1000',
      netMassKg: '990',
      packages: 10,
      packageKind: 'BL',
      invoiceAmount: '10000.00',
    },
  ],
  documents: [],
});
const tariff: ItemTariff = { unit: 'kg', duty: { adValoremBp: 1000, specificDirams: null }, excise: null, vatBp: 1400 };

test('CUS-REG-07: processing in the customs territory is assessed with no interest "as if a deferral had been granted": the secured amount is exactly duty + excise + VAT', () => {
  const inside = assess(data('processing_inside'), '10.95', () => tariff);
  const free = assess(data('release_for_free_circulation'), '10.95', () => tariff);
  // The assessment has no interest line, and nothing to pay on placement.
  assert.deepEqual(Object.keys(inside).sort(), ['customsValueDirams', 'dutyDirams', 'exciseDirams', 'items', 'payableDirams', 'toSecureDirams', 'vatDirams']);
  for (const item of inside.items) assert.deepEqual(Object.keys(item).sort(), ['customsValueDirams', 'dutyDirams', 'exciseDirams', 'number', 'vatDirams']);
  assert.equal(inside.payableDirams, 0n);
  assert.equal(inside.toSecureDirams, inside.dutyDirams + inside.exciseDirams + inside.vatDirams);
  // The same payments as on release for free circulation, not a diram more.
  assert.equal(inside.toSecureDirams, free.payableDirams);
  // 10 500 USD × 10.95 = 114 975.00 somoni; duty 10 % 11 497.50; VAT 14 % of 126 472.50 = 17 706.15.
  assert.deepEqual([inside.customsValueDirams, inside.dutyDirams, inside.vatDirams, inside.toSecureDirams], [11_497_500n, 1_149_750n, 1_770_615n, 2_920_365n]);
  // The assessment takes no date from which interest could run.
  assert.equal(assess.length, 3);
});
