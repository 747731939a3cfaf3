/** What the fiscal module reports about itself (p.36 time left, p.65/p.68 locks, p.76-77 memory). */
import type { LockReason } from './fiscal-module-errors.ts';
import { dushanbeIso } from './fiscal-module-documents.ts';
import { MAX_SHIFT_MS, type ModulePhase, type ModuleState, OFFLINE_LIMIT_MS, oldestPendingMs } from './fiscal-module.ts';

/** Numbers of the documents not yet acknowledged, oldest first. */
export const pendingNumbers = (state: ModuleState): number[] => state.pending.map((p) => p.number).sort((a, b) => a - b);

export type ModuleStatus = {
  /** The phase, or `locked`. */
  readonly state: ModulePhase | 'locked';
  readonly phase: ModulePhase;
  readonly lock: { readonly reason: LockReason; readonly at: string; readonly detail: string } | null;
  readonly moduleNumber: string | null;
  readonly registerNumber: string | null;
  readonly publicKey: string | null;
  readonly nextNumber: number;
  readonly lastFiscalSign: string;
  readonly memory: { readonly capacity: number; readonly used: number; readonly free: number };
  readonly pendingCount: number;
  /** p.36: the offline period (the oldest undelivered document) and how much of the 24 hours is left. */
  readonly offline: { readonly since: string; readonly deadline: string; readonly timeLeftMs: number; readonly isLimitReached: boolean } | null;
  readonly shift: {
    readonly number: number;
    readonly isOpen: boolean;
    readonly openedAt: string | null;
    readonly receiptCount: number;
    readonly closeBy: string | null;
  };
  readonly rejectedAcks: { readonly count: number; readonly lastAt: string | null };
};

/** What the register shows the cashier and checks at the start of a shift (FIS-IMP-39). */
export function moduleStatus(state: ModuleState, atMs: number): ModuleStatus {
  const since = oldestPendingMs(state);
  const used = state.nextNumber - 1;
  const opened = state.shift.openedAtMs;
  const lastRejected = state.rejectedAcks.recent.at(-1);
  return {
    state: state.lock ? 'locked' : state.phase,
    phase: state.phase,
    lock: state.lock ? { reason: state.lock.reason, at: dushanbeIso(state.lock.atMs), detail: state.lock.detail } : null,
    moduleNumber: state.moduleNumber,
    registerNumber: state.registerNumber,
    publicKey: state.publicKey,
    nextNumber: state.nextNumber,
    lastFiscalSign: state.lastFiscalSign,
    memory: { capacity: state.capacity, used, free: state.capacity - used },
    pendingCount: state.pending.length,
    offline:
      since === null
        ? null
        : {
            since: dushanbeIso(since),
            deadline: dushanbeIso(since + OFFLINE_LIMIT_MS),
            timeLeftMs: Math.max(0, since + OFFLINE_LIMIT_MS - atMs),
            isLimitReached: atMs - since >= OFFLINE_LIMIT_MS,
          },
    shift: {
      number: state.shift.number,
      isOpen: opened !== null,
      openedAt: opened === null ? null : dushanbeIso(opened),
      receiptCount: state.shift.receiptCount,
      closeBy: opened === null ? null : dushanbeIso(opened + MAX_SHIFT_MS),
    },
    rejectedAcks: { count: state.rejectedAcks.count, lastAt: lastRejected ? dushanbeIso(lastRejected.atMs) : null },
  };
}
