import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  AUDIT_LIMITS,
  auditDueAt,
  auditDueOn,
  CONTROL_OBJECTS,
  canMove,
  checkDeliveryDay,
  checkExtension,
  checkFollowUp,
  checkOrderSigner,
  checkReport,
  isAuditOverdue,
  isInPeriod,
} from './audit.ts';
import { AUDIT_GROUNDS, COMPLAINT_GROUND, DESK_RESULTS_GROUND, groundFor } from './audit-grounds.ts';
import { auditProblems } from './audit-errors.ts';

const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error?.code);
// 10:00 in Dushanbe.
const at = (day: string) => new Date(`${day}T05:00:00Z`);

describe('customs audits: pure rules', () => {
  test('CUS-AUD-09 CUS-AUD-16: the closed lists hold 8 desk and 15 field grounds, each in three languages, and a desk audit cannot rest on a field ground', () => {
    const desk = AUDIT_GROUNDS.filter((g) => g.place === 'desk');
    const field = AUDIT_GROUNDS.filter((g) => g.place === 'field');
    assert.deepEqual(
      desk.map((g) => g.code),
      ['D1', 'D2', 'D3', 'D4', 'D5', 'D6', 'D7', 'D8'],
    );
    assert.equal(field.length, 15);
    assert.deepEqual(
      field.map((g) => g.item),
      Array.from({ length: 15 }, (_, i) => i + 1),
    );
    for (const g of AUDIT_GROUNDS) for (const lang of ['tg', 'ru', 'en'] as const) assert.ok(g.title[lang].length > 10, `${g.code} ${lang}`);
    assert.match(groundFor('desk', 'D5')?.title.ru ?? '', /Инициативное обращение/);
    assert.match(groundFor('field', 'F4')?.title.ru ?? '', /уполномоченных экономических операторов/);
    assert.equal(groundFor('desk', 'F13'), undefined);
    assert.equal(groundFor('field', 'D1'), undefined);
    assert.equal(groundFor('field', 'F16'), undefined);
    assert.equal(groundFor('field', COMPLAINT_GROUND)?.item, 12);
    assert.equal(groundFor('field', DESK_RESULTS_GROUND)?.item, 13);
  });

  test('CUS-AUD-07 CUS-AUD-08 CUS-AUD-14 CUS-AUD-15: the start is the delivery day and the last day is 30 calendar days later, ending at midnight in Dushanbe', () => {
    assert.equal(auditDueOn('2026-03-02'), '2026-04-01');
    assert.equal(auditDueOn('2026-12-15'), '2027-01-14');
    assert.equal(auditDueOn('2026-03-02', 30), '2026-05-01');
    assert.equal(auditDueAt('2026-04-01').toISOString(), '2026-04-01T18:59:59.999Z');
    assert.equal(isAuditOverdue('IN_PROGRESS', '2026-04-01', new Date('2026-04-01T18:59:59.999Z')), false);
    assert.equal(isAuditOverdue('IN_PROGRESS', '2026-04-01', new Date('2026-04-01T19:00:00.000Z')), true);
    assert.equal(isAuditOverdue('EXTENDED', '2026-05-01', at('2026-05-02')), true);
    assert.equal(isAuditOverdue('REPORT_ISSUED', '2026-04-01', at('2026-05-02')), false);
    // A delivery before the order or in the future is refused.
    assert.equal(code(checkDeliveryDay('2026-03-02', '2026-03-02', '2026-03-05')), 'ok');
    assert.equal(code(checkDeliveryDay('2026-03-01', '2026-03-02', '2026-03-05')), 'AUDIT_DELIVERY_DATE_INVALID');
    assert.equal(code(checkDeliveryDay('2026-03-06', '2026-03-02', '2026-03-05')), 'AUDIT_DELIVERY_DATE_INVALID');
  });

  test('CUS-AUD-08 CUS-AUD-15 AMB-13: an extension by the head only, once, 1..30 days, before the 30th day ends; the total never passes 60 days', () => {
    const base = { state: 'IN_PROGRESS' as const, role: 'customs_head', days: 30, dueOn: '2026-04-01', hasExtension: false, now: at('2026-04-01') };
    assert.equal(code(checkExtension(base)), 'ok');
    assert.equal(code(checkExtension({ ...base, role: 'customs_officer' })), 'AUDIT_EXTENSION_NOT_AUTHORISED');
    assert.equal(code(checkExtension({ ...base, hasExtension: true, state: 'EXTENDED' })), 'AUDIT_EXTENSION_ALREADY_USED');
    assert.equal(code(checkExtension({ ...base, days: 31 })), 'AUDIT_EXTENSION_DAYS_INVALID');
    assert.equal(code(checkExtension({ ...base, days: 0 })), 'AUDIT_EXTENSION_DAYS_INVALID');
    assert.equal(code(checkExtension({ ...base, days: 1.5 })), 'AUDIT_EXTENSION_DAYS_INVALID');
    assert.equal(code(checkExtension({ ...base, now: new Date('2026-04-01T19:00:00Z') })), 'AUDIT_EXTENSION_TOO_LATE');
    assert.equal(code(checkExtension({ ...base, state: 'ORDER_ISSUED' })), 'AUDIT_STATE_CONFLICT');
    const longest = auditDueOn('2026-03-02', AUDIT_LIMITS.maxExtensionDays);
    assert.equal(longest, '2026-05-01');
    assert.equal(AUDIT_LIMITS.baseDays + AUDIT_LIMITS.maxExtensionDays, 60);
  });

  test('CUS-AUD-05 CUS-AUD-13: a desk order is signed by an officer or the head, a field order only by the head or an authorised deputy', () => {
    assert.equal(code(checkOrderSigner('desk', 'customs_officer')), 'ok');
    assert.equal(code(checkOrderSigner('desk', 'customs_head')), 'ok');
    assert.equal(code(checkOrderSigner('field', 'customs_head')), 'ok');
    assert.equal(code(checkOrderSigner('field', 'customs_officer')), 'AUDIT_ORDER_SIGNER_NOT_AUTHORISED');
    assert.equal(code(checkOrderSigner('desk', 'risk_analyst')), 'AUDIT_ORDER_SIGNER_NOT_AUTHORISED');
  });

  test('CUS-AUD-11 CUS-AUD-18: the act in time, or late with a reason; additional amounts only with a violation', () => {
    const clean = { isViolationFound: false, additionalDirams: 0n, isDocumentsNotSubmitted: false };
    const found = { isViolationFound: true, additionalDirams: 1_250_000n, isDocumentsNotSubmitted: false };
    assert.deepEqual(checkReport(clean, '2026-04-01', at('2026-04-01'), undefined), { ok: true, value: { isLate: false } });
    assert.deepEqual(checkReport(found, '2026-04-01', at('2026-03-20'), undefined), { ok: true, value: { isLate: false } });
    assert.equal(code(checkReport(clean, '2026-04-01', at('2026-04-02'), undefined)), 'AUDIT_REPORT_LATE_REASON_REQUIRED');
    assert.deepEqual(checkReport(clean, '2026-04-01', at('2026-04-02'), 'the person delayed the documents'), { ok: true, value: { isLate: true } });
    assert.equal(code(checkReport({ ...clean, additionalDirams: 1n }, '2026-04-01', at('2026-03-20'), undefined)), 'AUDIT_FINDINGS_INCONSISTENT');
    assert.equal(code(checkReport({ ...found, additionalDirams: -1n }, '2026-04-01', at('2026-03-20'), undefined)), 'AUDIT_FINDINGS_INCONSISTENT');
  });

  test('CUS-AUD-16: A7 from a desk act with a violation or documents not submitted, A8 on a complaint about any act', () => {
    const desk = { state: 'CLOSED' as const, place: 'desk' as const, isViolationFound: true, isDocumentsNotSubmitted: false };
    assert.equal(code(checkFollowUp(desk, 'desk_results')), 'ok');
    assert.equal(code(checkFollowUp({ ...desk, state: 'REPORT_ISSUED', isViolationFound: false, isDocumentsNotSubmitted: true }, 'desk_results')), 'ok');
    assert.equal(code(checkFollowUp({ ...desk, isViolationFound: false }, 'desk_results')), 'AUDIT_FOLLOW_UP_NOT_GROUNDED');
    assert.equal(code(checkFollowUp({ ...desk, place: 'field' }, 'desk_results')), 'AUDIT_FOLLOW_UP_NOT_GROUNDED');
    assert.equal(code(checkFollowUp({ ...desk, place: 'field', isViolationFound: false }, 'complaint')), 'ok');
    assert.equal(code(checkFollowUp({ ...desk, state: 'IN_PROGRESS' }, 'complaint')), 'AUDIT_STATE_CONFLICT');
  });

  test('CUS-AUD-02 CUS-AUD-03: the state machine of catalog 3.3 and the plan period', () => {
    assert.ok(canMove('PLANNED', 'A3_order'));
    assert.ok(canMove('GROUND_REGISTERED', 'A3_order'));
    assert.ok(!canMove('IN_PROGRESS', 'A3_order'));
    assert.ok(canMove('ORDER_ISSUED', 'A4_delivered'));
    assert.ok(canMove('IN_PROGRESS', 'A5_extended'));
    assert.ok(!canMove('EXTENDED', 'A5_extended'));
    assert.ok(canMove('EXTENDED', 'A6_report'));
    assert.ok(!canMove('ORDER_ISSUED', 'A6_report'));
    assert.ok(canMove('REPORT_ISSUED', 'A9_closed'));
    assert.ok(isInPeriod('2026-05-10', '2026-04-01', '2026-06-30'));
    assert.ok(!isInPeriod('2026-07-01', '2026-04-01', '2026-06-30'));
  });

  test('CUS-CTL-07: the eight objects of customs control of art.399(1)', () => {
    assert.equal(CONTROL_OBJECTS.length, 8);
    assert.equal(new Set(CONTROL_OBJECTS).size, 8);
  });

  test('every audit refusal is a 4xx with a title in Tajik, Russian and English', () => {
    for (const [c, spec] of Object.entries(auditProblems)) {
      assert.ok(spec.status >= 400 && spec.status < 500, c);
      assert.ok(spec.title.tg && spec.title.ru && spec.title.en, c);
    }
  });
});
