/**
 * The fiscal module as a pure state machine (seed 004 p.36, p.65, p.68, p.71-82; FIS-FM, FIS-VTR-02
 * to 04 and 11, FIS-USE-02/03). No I/O and no clock: every instant is passed in (a smart card has
 * no clock either; the register gives the time it keeps in UTC+05:00, p.65 item 16), and the
 * cryptography arrives as `ModuleCrypto`, functions bound to keys this file never sees.
 *
 *   blank ──personalise──▶ personalised ──initialise──▶ initialised ──first document──▶ working
 *                                                                                        │
 *      any phase ──memory full / failure / unlawful use──▶ locked (with its reason) ◀────┘
 *
 * Acknowledgements are in fiscal-module-acks.ts, the status in fiscal-module-status.ts.
 * docs/fiscal-module.md describes the states, the memory and the locks.
 */
import { canonicalJson } from '../../../platform/canonical-json.ts';
import { CHAIN_START, nextChainHash, shiftSignedBytes } from '../../../platform/fiscal-document.ts';
import { err, type Failure, ok, type Result } from '../../../platform/result.ts';
import {
  addToTotals,
  dushanbeIso,
  emptyTotals,
  type ModuleReceipt,
  type ModuleShiftOpening,
  type ModuleZReport,
  type ReceiptInput,
  receiptProblems,
  type ShiftTotals,
} from './fiscal-module-documents.ts';
import type { FiscalModuleErrorCode, LockReason } from './fiscal-module-errors.ts';

const HOUR_MS = 3_600_000;
/** p.36: data must reach the operator within 24 hours of the first offline receipt. */
export const OFFLINE_LIMIT_MS = 24 * HOUR_MS;
/** A shift lasts at most 24 hours: the Z-report is the daily report (p.2, catalog ambiguity 34). */
export const MAX_SHIFT_MS = 24 * HOUR_MS;
/** The smallest memory that holds a shift: its opening, one receipt and its Z-report. */
export const MIN_CAPACITY = 3;

/** Phases of the module's life; a lock is kept apart so that the status still says where it stopped. */
export type ModulePhase =
  /** Delivered to the TSC, no key pair yet. */
  | 'blank'
  /** p.81: the key pair was made inside the module; the public key can be read. */
  | 'personalised'
  /** p.81, p.65: the operator's public key is loaded, the module number set, and the module bound to one register. */
  | 'initialised'
  /** At least one document formed. */
  | 'working';

export type ModuleLock = { readonly reason: LockReason; readonly atMs: number; readonly detail: string };
/** A document formed and not yet acknowledged by the operator (p.36: it starts the 24-hour clock). */
export type PendingDocument = { readonly number: number; readonly fiscalSign: string; readonly issuedAtMs: number };
export type RejectedAck = { readonly atMs: number; readonly code: 'ACK_FORGED' | 'ACK_DOES_NOT_MATCH'; readonly number: number | null };

export type ModuleState = {
  readonly phase: ModulePhase;
  /** How many documents the memory holds (p.76-77); the module locks itself when it is full (p.65, p.68). */
  readonly capacity: number;
  readonly publicKey: string | null;
  readonly moduleNumber: string | null;
  readonly registerNumber: string | null;
  readonly operatorPublicKey: string | null;
  readonly nextNumber: number;
  readonly lastFiscalSign: string;
  /** Streebog-256 chain over every document formed, hex; signed with each Z-report (docs/fiscal-crypto.md). */
  readonly chainHash: string;
  readonly lastIssuedAtMs: number | null;
  readonly shift: { readonly number: number; readonly openedAtMs: number | null; readonly receiptCount: number; readonly totals: ShiftTotals };
  readonly pending: readonly PendingDocument[];
  readonly rejectedAcks: { readonly count: number; readonly recent: readonly RejectedAck[] };
  readonly lock: ModuleLock | null;
};

/** The module's keys as functions (FS1, docs/fiscal-crypto.md); the private key stays with whoever built them. */
export type ModuleCrypto = {
  readonly fiscalSign: (core: Uint8Array) => string;
  readonly documentMac: (document: Uint8Array) => string;
  readonly ackMac: (ack: Uint8Array) => string;
  /** GOST R 34.10-2012 signature with the module's private key. */
  readonly sign: (data: Uint8Array) => Uint8Array;
};

export type ModuleFailure = Failure<FiscalModuleErrorCode>;
/** Every step returns the next state, even when it refuses: a refusal may lock the module or be recorded. */
export type Transition<T> = { readonly state: ModuleState; readonly result: Result<T, ModuleFailure> };
/** What the register says with every document: who it is, the time, and whether the operator is reachable. */
export type FormInput = { readonly registerNumber: string; readonly atMs: number; readonly isOffline: boolean };
/** The Z-report signature: GOST R 34.10-2012 over `{chainHash, zReport}` in canonical JSON (p.77, p.79). */
export type ShiftSignature = { readonly shiftNumber: number; readonly chainHash: string; readonly signature: string };
export type AckAccepted = { readonly number: number; readonly isRepeat: boolean; readonly violations: readonly string[] };

export const utf8 = (s: string) => new TextEncoder().encode(s);
const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
export const refuse = <T>(state: ModuleState, code: FiscalModuleErrorCode, details?: Record<string, unknown>): Transition<T> => ({
  state,
  result: err({ code, ...(details ? { details } : {}) }),
});

/** A module as delivered: no keys, no number, an empty memory of `capacity` documents. */
export function blankModule(capacity: number): ModuleState {
  if (!Number.isSafeInteger(capacity) || capacity < MIN_CAPACITY) throw new RangeError(`capacity must be an integer ≥ ${MIN_CAPACITY}`);
  return {
    phase: 'blank',
    capacity,
    publicKey: null,
    moduleNumber: null,
    registerNumber: null,
    operatorPublicKey: null,
    nextNumber: 1,
    lastFiscalSign: '',
    chainHash: CHAIN_START,
    lastIssuedAtMs: null,
    shift: { number: 0, openedAtMs: null, receiptCount: 0, totals: emptyTotals() },
    pending: [],
    rejectedAcks: { count: 0, recent: [] },
    lock: null,
  };
}

/** p.65 items 4-5, p.68 items 3-4: the module locks itself; the first reason stays. */
export function lockModule(state: ModuleState, reason: LockReason, atMs: number, detail: string): ModuleState {
  return state.lock ? state : { ...state, lock: { reason, atMs, detail } };
}

/** p.81: the key pair is made inside the module (by the caller's key generator); only the public key is recorded here. */
export function personalise(state: ModuleState, publicKey: string): Transition<{ publicKey: string }> {
  if (state.lock) return refuse(state, 'MODULE_LOCKED', { reason: state.lock.reason });
  if (state.phase !== 'blank') return refuse(state, 'MODULE_ALREADY_PERSONALISED');
  return { state: { ...state, phase: 'personalised', publicKey }, result: ok({ publicKey }) };
}

export type InitialiseInput = { readonly moduleNumber: string; readonly registerNumber: string; readonly operatorPublicKey: string };

/**
 * p.81 and p.65/p.68 ("one fiscal module for one register only"): the operator's public key and the
 * module number are loaded once, and the module is bound to the register for the rest of its life.
 * The caller checks that the operator's key is a key of the scheme before.
 */
export function initialise(state: ModuleState, input: InitialiseInput): Transition<null> {
  if (state.lock) return refuse(state, 'MODULE_LOCKED', { reason: state.lock.reason });
  if (state.phase === 'blank') return refuse(state, 'MODULE_NOT_PERSONALISED');
  if (state.phase !== 'personalised') return refuse(state, 'MODULE_ALREADY_INITIALISED', { registerNumber: state.registerNumber });
  if (!/^[0-9A-Za-z-]{1,40}$/.test(input.moduleNumber)) return refuse(state, 'MODULE_NUMBER_INVALID');
  if (input.registerNumber.trim() === '' || input.registerNumber.length > 60) return refuse(state, 'WRONG_REGISTER');
  return {
    state: {
      ...state,
      phase: 'initialised',
      moduleNumber: input.moduleNumber,
      registerNumber: input.registerNumber,
      operatorPublicKey: input.operatorPublicKey,
    },
    result: ok(null),
  };
}

type DocumentKind = 'shift_open' | 'receipt' | 'z_report';

/** The checks every new document passes, in the order a register can act on them. */
function guard(state: ModuleState, input: FormInput, kind: DocumentKind): Transition<never> | null {
  // A full memory still closes the open shift: its last slot is kept for the Z-report (p.77).
  const isClosingFullModule = state.lock?.reason === 'MEMORY_FULL' && kind === 'z_report' && state.shift.openedAtMs !== null;
  if (state.lock && !isClosingFullModule) return refuse(state, 'MODULE_LOCKED', { reason: state.lock.reason });
  if (state.phase === 'blank' || state.phase === 'personalised') return refuse(state, 'MODULE_NOT_INITIALISED');
  if (input.registerNumber !== state.registerNumber) {
    const detail = `register ${JSON.stringify(input.registerNumber)} used the module of register ${JSON.stringify(state.registerNumber)}`;
    return refuse(lockModule(state, 'UNLAWFUL_USE', input.atMs, detail), 'WRONG_REGISTER');
  }
  if (state.lastIssuedAtMs !== null && input.atMs < state.lastIssuedAtMs)
    return refuse(state, 'CLOCK_BEHIND', { lastIssuedAt: dushanbeIso(state.lastIssuedAtMs) });
  const since = oldestPendingMs(state);
  if (since !== null && input.atMs - since >= OFFLINE_LIMIT_MS) {
    return refuse(state, 'OFFLINE_LIMIT_REACHED', {
      since: dushanbeIso(since),
      deadline: dushanbeIso(since + OFFLINE_LIMIT_MS),
      pending: state.pending.length,
    });
  }
  const isOpen = state.shift.openedAtMs !== null;
  if (kind === 'shift_open' && isOpen) return refuse(state, 'SHIFT_ALREADY_OPEN', { shiftNumber: state.shift.number });
  if (kind !== 'shift_open' && !isOpen) return refuse(state, 'SHIFT_NOT_OPEN');
  if (kind === 'receipt' && input.atMs - (state.shift.openedAtMs as number) >= MAX_SHIFT_MS) {
    return refuse(state, 'SHIFT_TOO_LONG', { openedAt: dushanbeIso(state.shift.openedAtMs as number) });
  }
  return null;
}

export const oldestPendingMs = (state: ModuleState): number | null => {
  // A loop, not Math.min(...): a full memory holds 100 000 entries, past the spread's argument limit.
  let oldest: number | null = null;
  for (const p of state.pending) if (oldest === null || p.issuedAtMs < oldest) oldest = p.issuedAtMs;
  return oldest;
};

/** The fields the module adds; `offlineSince` is when the oldest undelivered document was formed (p.36). */
function common(state: ModuleState, input: FormInput) {
  const since = oldestPendingMs(state) ?? input.atMs;
  return {
    fiscalModuleNumber: state.moduleNumber as string,
    number: state.nextNumber,
    prevFiscalSign: state.lastFiscalSign,
    registerNumber: state.registerNumber as string,
    shiftNumber: state.shift.number,
    issuedAt: dushanbeIso(input.atMs),
    isOffline: input.isOffline,
    ...(input.isOffline ? { offlineSince: dushanbeIso(since) } : {}),
  };
}

/**
 * p.2, p.79: the fiscal sign over the document's content, then the MAC over the content with the
 * sign, exactly as the operator checks them; the document is recorded in memory (p.76-77), chained
 * to the one before and counted as undelivered until its acknowledgement verifies.
 */
function seal<T extends { readonly number: number }>(state: ModuleState, core: T, atMs: number, crypto: ModuleCrypto) {
  const fiscalSign = crypto.fiscalSign(utf8(canonicalJson(core)));
  const withSign = { ...core, fiscalSign };
  const document = { ...withSign, mac: crypto.documentMac(utf8(canonicalJson(withSign))) };
  const chainHash = nextChainHash(state.chainHash, document);
  const used = state.nextNumber;
  let next: ModuleState = {
    ...state,
    phase: 'working',
    nextNumber: state.nextNumber + 1,
    lastFiscalSign: fiscalSign,
    chainHash,
    lastIssuedAtMs: atMs,
    pending: [...state.pending, { number: document.number, fiscalSign, issuedAtMs: atMs }],
  };
  // p.65 item 5, p.68 item 4: the module locks itself when its memory is full. One slot is kept
  // free for the Z-report of the open shift, so the lock comes when only that slot is left.
  if (state.capacity - used <= 1) next = lockModule(next, 'MEMORY_FULL', atMs, `${used} of ${state.capacity} documents`);
  return { document, state: next };
}

/** Opens a shift (p.77): its Z-report must follow within 24 hours. */
export function openShift(state: ModuleState, input: FormInput, crypto: ModuleCrypto): Transition<{ document: ModuleShiftOpening }> {
  const refused = guard(state, input, 'shift_open');
  if (refused) return refused;
  const shift = { number: state.shift.number + 1, openedAtMs: input.atMs, receiptCount: 0, totals: emptyTotals() };
  const opened = { ...state, shift };
  const sealed = seal(opened, { type: 'shift_open' as const, ...common(opened, input) }, input.atMs, crypto);
  return { state: sealed.state, result: ok({ document: sealed.document }) };
}

/** p.76, p.78: the receipt of the register's transaction is checked, numbered, sealed and recorded. */
export function formReceipt(
  state: ModuleState,
  input: FormInput & { readonly receipt: ReceiptInput },
  crypto: ModuleCrypto,
): Transition<{ document: ModuleReceipt }> {
  const refused = guard(state, input, 'receipt');
  if (refused) return refused;
  const problems = receiptProblems(input.receipt);
  if (problems.length > 0) return refuse(state, 'RECEIPT_INVALID', { problems });
  const r = input.receipt;
  const core = {
    type: 'receipt' as const,
    ...common(state, input),
    operation: r.operation,
    receiptNumber: state.shift.receiptCount + 1,
    business: { tin: r.business.tin, name: r.business.name },
    address: r.address,
    lines: r.lines.map((l) => ({
      name: l.name,
      ...(l.markingCode !== undefined ? { markingCode: l.markingCode } : {}),
      ...(l.gtin !== undefined ? { gtin: l.gtin } : {}),
      quantity: l.quantity,
      unit: l.unit,
      price: l.price,
      amount: l.amount,
      tax: { kind: l.tax.kind, rateBp: l.tax.rateBp, amount: l.tax.amount },
      ...(l.originalLine !== undefined ? { originalLine: l.originalLine } : {}),
    })),
    payment: { cash: r.payment.cash, nonCash: r.payment.nonCash },
    total: r.total,
    taxTotal: r.taxTotal,
    ...(r.refundOf
      ? {
          refundOf: {
            fiscalModuleNumber: r.refundOf.fiscalModuleNumber,
            number: r.refundOf.number,
            fiscalSign: r.refundOf.fiscalSign,
            total: r.refundOf.total,
            issuedAt: r.refundOf.issuedAt,
          },
        }
      : {}),
  };
  const sealed = seal(state, core, input.atMs, crypto);
  const shift = { ...state.shift, receiptCount: state.shift.receiptCount + 1, totals: addToTotals(state.shift.totals, core) };
  return { state: { ...sealed.state, shift }, result: ok({ document: sealed.document }) };
}

/**
 * p.77: the module forms the Z-report from its own totals, keeps it, and signs it together with the
 * hash of its document chain (GOST R 34.10-2012, once a shift; docs/fiscal-crypto.md).
 */
export function formZReport(
  state: ModuleState,
  input: FormInput,
  crypto: ModuleCrypto,
): Transition<{ document: ModuleZReport; shiftSignature: ShiftSignature }> {
  const refused = guard(state, input, 'z_report');
  if (refused) return refused;
  const core = { type: 'z_report' as const, ...common(state, input), openedAt: dushanbeIso(state.shift.openedAtMs as number), totals: state.shift.totals };
  const sealed = seal(state, core, input.atMs, crypto);
  const signature = crypto.sign(shiftSignedBytes(sealed.state.chainHash, sealed.document));
  const shiftSignature = { shiftNumber: state.shift.number, chainHash: sealed.state.chainHash, signature: hex(signature) };
  const shift = { ...state.shift, openedAtMs: null, receiptCount: 0, totals: emptyTotals() };
  return { state: { ...sealed.state, shift }, result: ok({ document: sealed.document, shiftSignature }) };
}
