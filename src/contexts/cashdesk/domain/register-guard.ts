import { fail, ok, type Failure, type Result } from '../../../platform/result.ts';
import { HOUR_MS, MINUTE_MS } from './dushanbe-time.ts';
import type { CashdeskErrorCode } from './errors.ts';

/**
 * The checks the register makes before work and before every fiscal document (p.34 the daily check
 * of the technical state and of the date and time; p.36 the 24 hours of offline work; p.65/p.68 the
 * technical requirements: no work without the fiscal module, self-lock on illegal use, a changed
 * database, a faulty module or a full memory, time set in UTC+05:00, one module for one register;
 * p.67/p.70 the cases where use is prohibited). Every reason is returned, not only the first, so
 * the cashier sees all that must be fixed.
 */

/** What the register knows about itself, its module and the operator, gathered by the application layer. */
export type RegisterFacts = {
  /** The register's serial number (VCR, p.68 item 1; receipt field 2). */
  readonly registerSerial: string;
  /** Its state in the operator's registry of registers (p.17, p.22-33). */
  readonly registerStatus: 'registered' | 'not_registered' | 'deregistered';
  /** The fiscal module plugged in; absent when there is none (p.68 item 2, p.70 item 2). */
  readonly module?: {
    readonly number: string;
    /** In the operator's registry of fiscal modules (p.56) and initialised with its key (p.81). */
    readonly isRegistered: boolean;
    /** The register the module is bound to; one module serves one register (p.68 item 12). */
    readonly boundRegisterSerial?: string;
    readonly isMemoryFull: boolean;
    /** The module refuses to work (fault, self-lock, blocked by the operator): p.68 item 4. */
    readonly isLocked: boolean;
  };
  /** The business data version the register was registered with, and the operator's current one (p.70 item 6, catalog ambiguity 20). */
  readonly businessDataVersion: { readonly register: number; readonly operator: number };
  /** False when the register's database was changed outside the program (p.68 item 3). */
  readonly isDatabaseIntact: boolean;
  /** Grounds of a "use prohibited" status the operator has sent (p.70, FIS-IMP-40); empty when none. */
  readonly prohibitions?: readonly string[];
  /** The last time the clock was set from the operator, and the skew found then (local − operator), in ms. */
  readonly clockCheck?: { readonly atMs: number; readonly skewMs: number };
  /** The first offline document not yet delivered to the operator (p.36); absent when all are delivered. */
  readonly offlineSince?: string;
  /** When the open shift was opened; absent when no shift is open. */
  readonly shiftOpenedAt?: string;
  /** The time of the module's last document: the clock may not go back before it. */
  readonly lastDocumentAt?: string;
};

export type GuardPolicy = {
  /** Largest clock difference with the operator; below the operator's 5 minutes (DOCUMENT_FROM_THE_FUTURE). */
  readonly maxClockSkewMs: number;
  /** The clock must have been set from the operator this recently (p.34: every day before work). */
  readonly maxClockCheckAgeMs: number;
  /** p.36: offline data reach the operator within 24 hours of the first offline receipt. */
  readonly offlineLimitMs: number;
  /** Stop issuing this long before the limit, so the catch-up can still arrive in time. */
  readonly offlineSafetyMarginMs: number;
  /** Warn the cashier this long before the stop (FIS-IMP-18). */
  readonly offlineWarningMs: number;
  /** Longest shift before a Z-report is required (p.2 a daily report; catalog ambiguity 34). */
  readonly maxShiftMs: number;
};

export const DEFAULT_GUARD_POLICY: GuardPolicy = {
  maxClockSkewMs: 2 * MINUTE_MS,
  maxClockCheckAgeMs: 24 * HOUR_MS,
  offlineLimitMs: 24 * HOUR_MS,
  offlineSafetyMarginMs: 1 * HOUR_MS,
  offlineWarningMs: 3 * HOUR_MS,
  maxShiftMs: 24 * HOUR_MS,
};

/** A reason the register does not work, with the point of seed 004 it comes from. */
export type GuardReason = { readonly code: CashdeskErrorCode; readonly ref: string; readonly details?: Readonly<Record<string, unknown>> };

export type GuardVerdict = {
  /** No reason at all: receipts may be issued. */
  readonly canIssueReceipts: boolean;
  /** Only reasons that a Z-report resolves or does not make worse: the shift may still be closed. */
  readonly canCloseShift: boolean;
  readonly reasons: readonly GuardReason[];
  /** Not blocking yet: what the cashier should act on (offline time running out). */
  readonly warnings: readonly GuardReason[];
};

/**
 * A shift that is too long, offline time that ran out, or a full memory still lets the cashier close
 * the shift: the module keeps its last slot for that Z-report (p.77; docs/fiscal-module.md "Memory").
 */
const CLOSE_ALLOWED: ReadonlySet<CashdeskErrorCode> = new Set(['SHIFT_TOO_LONG', 'OFFLINE_LIMIT_REACHED', 'MODULE_MEMORY_FULL']);

export type OfflineTimeLeft = {
  /** The legal limit: first offline document + 24 hours (p.36). */
  readonly limitAtMs: number;
  /** When the register stops issuing: the limit less the safety margin. */
  readonly stopAtMs: number;
  readonly msLeft: number;
  readonly isStopped: boolean;
  readonly isWarning: boolean;
};

/** How long the register may still work offline (p.36), stopping a safety margin before the 24 hours. */
export function offlineTimeLeft(offlineSince: string, nowMs: number, policy: GuardPolicy = DEFAULT_GUARD_POLICY): OfflineTimeLeft {
  const since = Date.parse(offlineSince);
  if (Number.isNaN(since)) throw new RangeError(`not an instant: ${offlineSince}`);
  const margin = Math.min(Math.max(policy.offlineSafetyMarginMs, 0), policy.offlineLimitMs);
  const limitAtMs = since + policy.offlineLimitMs;
  const stopAtMs = limitAtMs - margin;
  const msLeft = Math.max(0, stopAtMs - nowMs);
  return { limitAtMs, stopAtMs, msLeft, isStopped: nowMs >= stopAtMs, isWarning: nowMs < stopAtMs && msLeft <= policy.offlineWarningMs };
}

/** Every reason the register may not work now (nowMs is the register's clock, passed in). */
export function checkRegister(facts: RegisterFacts, nowMs: number, policy: GuardPolicy = DEFAULT_GUARD_POLICY): GuardVerdict {
  const reasons: GuardReason[] = [];
  const warnings: GuardReason[] = [];
  const no = (code: CashdeskErrorCode, ref: string, details?: Record<string, unknown>) => reasons.push({ code, ref, ...(details ? { details } : {}) });

  if (facts.registerStatus === 'not_registered') no('REGISTER_NOT_REGISTERED', 'p.3, p.19');
  if (facts.registerStatus === 'deregistered') no('REGISTER_DEREGISTERED', 'p.31-32');
  const m = facts.module;
  if (!m) no('MODULE_MISSING', 'p.68 item 2, p.70');
  else {
    if (!m.isRegistered) no('MODULE_NOT_REGISTERED', 'p.56, p.81');
    if (m.boundRegisterSerial !== undefined && m.boundRegisterSerial !== facts.registerSerial) {
      no('WRONG_REGISTER', 'p.68 item 12', { boundTo: m.boundRegisterSerial });
    }
    if (m.isMemoryFull) no('MODULE_MEMORY_FULL', 'p.68 item 4');
    if (m.isLocked) no('MODULE_LOCKED', 'p.68 item 4');
  }
  if (facts.businessDataVersion.register !== facts.businessDataVersion.operator) no('BUSINESS_DATA_CHANGED', 'p.70', { ...facts.businessDataVersion });
  if (!facts.isDatabaseIntact) no('REGISTER_DATABASE_CHANGED', 'p.68 item 3');
  if (facts.prohibitions && facts.prohibitions.length > 0) no('USE_PROHIBITED', 'p.70', { grounds: facts.prohibitions });
  checkClock(facts, nowMs, policy, no);
  if (facts.offlineSince) {
    const left = offlineTimeLeft(facts.offlineSince, nowMs, policy);
    const details = { offlineSince: facts.offlineSince, stopAtMs: left.stopAtMs, limitAtMs: left.limitAtMs, msLeft: left.msLeft };
    if (left.isStopped) no('OFFLINE_LIMIT_REACHED', 'p.36', details);
    else if (left.isWarning) warnings.push({ code: 'OFFLINE_LIMIT_NEAR', ref: 'p.36', details });
  }
  if (facts.shiftOpenedAt && nowMs - Date.parse(facts.shiftOpenedAt) >= policy.maxShiftMs) no('SHIFT_TOO_LONG', 'p.2', { openedAt: facts.shiftOpenedAt });

  return { canIssueReceipts: reasons.length === 0, canCloseShift: reasons.every((r) => CLOSE_ALLOWED.has(r.code)), reasons, warnings };
}

/** p.34, p.68 item 10: the date and time are set from the operator in UTC+05:00 and checked every day. */
function checkClock(facts: RegisterFacts, nowMs: number, policy: GuardPolicy, no: (code: CashdeskErrorCode, ref: string, d?: Record<string, unknown>) => void) {
  const c = facts.clockCheck;
  if (!c || nowMs - c.atMs > policy.maxClockCheckAgeMs || nowMs < c.atMs) no('CLOCK_NOT_SET', 'p.34, p.68 item 10', c ? { checkedAtMs: c.atMs } : undefined);
  else if (Math.abs(c.skewMs) > policy.maxClockSkewMs) no('CLOCK_OUT_OF_SYNC', 'p.34, p.68 item 10', { skewMs: c.skewMs, toleranceMs: policy.maxClockSkewMs });
  if (facts.lastDocumentAt && nowMs < Date.parse(facts.lastDocumentAt)) no('CLOCK_BEHIND', 'p.34', { lastDocumentAt: facts.lastDocumentAt });
}

/** p.65 item 10, p.68 item 7: the program password has at least 6 characters (or a stronger protection is used). */
export const MIN_PASSWORD_LENGTH = 6;

export function checkProgramPassword(password: string): Result<true, Failure<'PASSWORD_TOO_SHORT'>> {
  // Characters, not UTF-16 units or bytes: a Tajik letter counts once.
  const length = [...password].length;
  if (password.trim() === '' || length < MIN_PASSWORD_LENGTH) return fail('PASSWORD_TOO_SHORT', 'password', { minLength: MIN_PASSWORD_LENGTH });
  return ok(true);
}
