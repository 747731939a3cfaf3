/**
 * Customs audits (art.417, 417(1), 417(2); catalog 2.6 and 3.3 A1-A9): kinds, the state machine,
 * the 30 + 30 calendar-day clock and the rules on orders, extensions and reports. Pure: no I/O, no
 * clock; instants are Asia/Dushanbe via the platform's calendar arithmetic (docs/customs-audits.md).
 */
import { endOfDushanbeDay } from '../../../platform/calendar/time.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { AuditErrorCode } from './audit-errors.ts';
import { addDays } from './history.ts';

export type { AuditPlace } from './audit-grounds.ts';
/** Art.417 p.5: by focus. */
export type AuditFocus = 'complex' | 'thematic';

/** States of catalog 3.3. */
export const AUDIT_STATES = [
  /** A1: included in the periodic plan of control activity (art.417 p.4). */
  'PLANNED',
  /** A2: an unplanned audit with one ground of the closed lists recorded (art.417(1) p.6, art.417(2) p.5). */
  'GROUND_REGISTERED',
  /** A3: the order (предписание) is issued and signed; a field order by the head or an authorised deputy (art.417(2) p.2). */
  'ORDER_ISSUED',
  /** A4: a copy of the order was delivered; that day is the start (art.417(1) p.4, art.417(2) p.3). */
  'IN_PROGRESS',
  /** A5: extended once, by the head, by up to 30 more calendar days (art.417(1) p.5, art.417(2) p.4). */
  'EXTENDED',
  /** A6: the act is drawn up (art.417(1) p.8, art.417(2) p.7). */
  'REPORT_ISSUED',
  /** A9: the results were fed back to risk management (art.429(2) p.1 i.1, i.8). Terminal. */
  'CLOSED',
] as const;
export type AuditState = (typeof AUDIT_STATES)[number];

/** The transitions of catalog 3.3, by row (A7/A8 create a new audit and leave the origin as it is). */
export const AUDIT_TRANSITIONS = {
  A3_order: { from: ['PLANNED', 'GROUND_REGISTERED'], to: 'ORDER_ISSUED' },
  A4_delivered: { from: ['ORDER_ISSUED'], to: 'IN_PROGRESS' },
  A5_extended: { from: ['IN_PROGRESS'], to: 'EXTENDED' },
  A6_report: { from: ['IN_PROGRESS', 'EXTENDED'], to: 'REPORT_ISSUED' },
  A9_closed: { from: ['REPORT_ISSUED'], to: 'CLOSED' },
} as const satisfies Record<string, { readonly from: readonly AuditState[]; readonly to: AuditState }>;
export type AuditTransition = keyof typeof AUDIT_TRANSITIONS;

export const canMove = (from: AuditState, transition: AuditTransition): boolean => (AUDIT_TRANSITIONS[transition].from as readonly AuditState[]).includes(from);

/** A7/A8 start from an audit whose act exists, whether or not it was already fed back. */
export const hasReport = (s: AuditState): boolean => s === 'REPORT_ISSUED' || s === 'CLOSED';

/** The statutory numbers (catalog 2.10). */
export const AUDIT_LIMITS = {
  /** Art.417(1) p.5, art.417(2) p.4: calendar days from the start. */
  baseDays: 30,
  /** The same parts: "up to 30 additional days" (AMB-13: calendar days, one extension). */
  maxExtensionDays: 30,
} as const;

/**
 * CUS-CTL-07, art.399(1): the eight objects of customs control. An audit (and an escort) names
 * the objects it targets, so each of the eight can be a control target.
 */
export const CONTROL_OBJECTS = [
  /** 1) goods moved across the customs border. */
  'goods_moved',
  /** 2) goods under customs control under the Code. */
  'goods_under_control',
  /** 3) goods placed under the regimes listed in art.399(1) i.3. */
  'goods_in_regime',
  /** 4) goods in the territory imported or present in violation of customs law. */
  'goods_illegally_present',
  /** 5) customs and other documents and the data in them. */
  'documents',
  /** 6) activities of persons (AEOs included) in moving goods, customs services or regimes. */
  'activities',
  /** 7) premises and territories of temporary storage, customs and free warehouses, duty-free shops. */
  'storage_premises',
  /** 8) premises, open sites and territory of an AEO used for temporary storage. */
  'aeo_premises',
] as const;
export type ControlObjectType = (typeof CONTROL_OBJECTS)[number];
export type ControlObject = { readonly type: ControlObjectType; readonly reference?: string };

type Refusal = Failure<AuditErrorCode>;

/**
 * The last day of the audit: the start day is the day the copy of the order is delivered; the 30
 * calendar days are counted from the next day (the platform's rule for periods in days), so an
 * audit started on 2 March may run until the end of 1 April; an extension adds its days to that.
 */
export const auditDueOn = (startOn: string, extensionDays = 0): string => addDays(startOn, AUDIT_LIMITS.baseDays + extensionDays);

/** The end of the last day (23:59:59.999 in Dushanbe): a report or an extension after it is late. */
export const auditDueAt = (dueOn: string): Date => endOfDushanbeDay(dueOn);

/** An audit in progress is overdue once its last day has ended without an act. */
export const isAuditOverdue = (state: AuditState, dueOn: string | null, now: Date): boolean =>
  (state === 'IN_PROGRESS' || state === 'EXTENDED') && dueOn !== null && now > auditDueAt(dueOn);

/**
 * A3, CUS-AUD-05 and CUS-AUD-13 (art.417(1) p.2, art.417(2) p.2): a desk order is issued by the
 * customs authority (any officer); a field order must be signed by the head of the customs
 * authority or an authorised deputy (role `customs_head`).
 */
export function checkOrderSigner(place: 'desk' | 'field', signerRole: string): Result<void, Refusal> {
  if (signerRole === 'customs_head') return ok(undefined);
  if (place === 'desk' && signerRole === 'customs_officer') return ok(undefined);
  return fail('AUDIT_ORDER_SIGNER_NOT_AUTHORISED', undefined, { place, role: signerRole });
}

/**
 * A4, CUS-AUD-07 and CUS-AUD-14: the day the copy of the order was delivered starts the audit. It
 * cannot be before the day the order was issued, nor after today.
 */
export function checkDeliveryDay(deliveredOn: string, orderIssuedOn: string, today: string): Result<void, Refusal> {
  if (deliveredOn < orderIssuedOn || deliveredOn > today) return fail('AUDIT_DELIVERY_DATE_INVALID', 'body.deliveredOn', { orderIssuedOn, today });
  return ok(undefined);
}

/**
 * A5, CUS-AUD-08 and CUS-AUD-15 (AMB-13): only the head or an authorised deputy extends; once; by
 * 1 to 30 calendar days; decided before the 30th day ends. Total never above 60 days.
 */
export function checkExtension(input: {
  readonly state: AuditState;
  readonly role: string;
  readonly days: number;
  readonly dueOn: string;
  readonly hasExtension: boolean;
  readonly now: Date;
}): Result<void, Refusal> {
  if (input.role !== 'customs_head') return fail('AUDIT_EXTENSION_NOT_AUTHORISED', undefined, { role: input.role });
  if (input.hasExtension) return fail('AUDIT_EXTENSION_ALREADY_USED');
  if (!canMove(input.state, 'A5_extended')) return fail('AUDIT_STATE_CONFLICT', undefined, { state: input.state });
  if (!Number.isInteger(input.days) || input.days < 1 || input.days > AUDIT_LIMITS.maxExtensionDays)
    return fail('AUDIT_EXTENSION_DAYS_INVALID', 'body.days', { max: AUDIT_LIMITS.maxExtensionDays });
  if (input.now > auditDueAt(input.dueOn)) return fail('AUDIT_EXTENSION_TOO_LATE', undefined, { dueOn: input.dueOn });
  return ok(undefined);
}

export type ReportFindings = {
  readonly isViolationFound: boolean;
  readonly additionalDirams: bigint;
  /** Art.417(2) p.5 i.13: documents or data not submitted on customs' demand in time. */
  readonly isDocumentsNotSubmitted: boolean;
};

/**
 * A6 (art.417(1) p.5, p.8; art.417(2) p.4, p.7): the act closes the audit within its period. The
 * law limits the audit, not the recording of its result: an act after the last day is accepted so
 * that the findings are not lost, but it is marked late and needs the reason (docs/customs-audits.md).
 * Additional amounts are assessed only on a violation.
 */
export function checkReport(findings: ReportFindings, dueOn: string, now: Date, lateReason: string | undefined): Result<{ readonly isLate: boolean }, Refusal> {
  if (findings.additionalDirams < 0n || (!findings.isViolationFound && findings.additionalDirams > 0n))
    return fail('AUDIT_FINDINGS_INCONSISTENT', 'body.additionalDirams');
  const isLate = now > auditDueAt(dueOn);
  if (isLate && !lateReason) return fail('AUDIT_REPORT_LATE_REASON_REQUIRED', 'body.lateReason', { dueOn });
  return ok({ isLate });
}

/**
 * A7 (art.417(2) p.5 i.13): a desk audit whose act shows a possible violation, or documents not
 * submitted in time, grounds a field audit. A8 (i.12): a complaint about any audit's results does.
 */
export function checkFollowUp(
  origin: {
    readonly state: AuditState;
    readonly place: 'desk' | 'field';
    readonly isViolationFound: boolean | null;
    readonly isDocumentsNotSubmitted: boolean | null;
  },
  reason: 'desk_results' | 'complaint',
): Result<void, Refusal> {
  if (!hasReport(origin.state)) return fail('AUDIT_STATE_CONFLICT', undefined, { state: origin.state });
  if (reason === 'desk_results' && (origin.place !== 'desk' || !(origin.isViolationFound || origin.isDocumentsNotSubmitted)))
    return fail('AUDIT_FOLLOW_UP_NOT_GROUNDED', 'body.reason', { place: origin.place });
  return ok(undefined);
}

/** Art.417 p.4: the planned day must fall inside the plan's period. */
export const isInPeriod = (day: string, from: string, to: string): boolean => from <= day && day <= to;
