import { eq } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit.ts';
import { fail, type Failure, type Result } from '../../../platform/result.ts';
import type { RegisterFactsForCashdesk } from '../../fiscal/index.ts';
import { toLocalIso } from '../domain/dushanbe-time.ts';
import type { CashdeskErrorCode } from '../domain/errors.ts';
import { checkRegister, type GuardVerdict, type RegisterFacts } from '../domain/register-guard.ts';
import type { FiscalModulePort, ModuleStatus } from '../infrastructure/fiscal-module/port.ts';
import { registers } from '../infrastructure/schema.ts';
import type { CashdeskDeps } from './deps.ts';
import type { Vcr } from './register-access.ts';

/** How often, at most, the register asks the operator's time while it works (p.34: at least daily). */
export const CLOCK_RECHECK_MS = 10 * 60_000;

/** Everything known about the register before a fiscal operation, and the guard's verdict. */
export type Readiness = {
  readonly vcr: Vcr;
  readonly facts: RegisterFactsForCashdesk | undefined;
  readonly port: FiscalModulePort | undefined;
  readonly status: ModuleStatus | undefined;
  readonly verdict: GuardVerdict;
};

/**
 * p.34, p.65, p.67, p.68, p.70: gathers the registry facts, the module's status and the clock check,
 * commissions the module when the TSC has handed its key to the operator (p.81), and runs the
 * guard. `clock`: `always` asks the operator's time now (unlock, shift opening), `if_stale` when the
 * last check is older than CLOCK_RECHECK_MS, `never` uses the last check as it is.
 */
export async function checkReadiness(deps: CashdeskDeps, vcr: Vcr, clock: 'always' | 'if_stale' | 'never'): Promise<Readiness> {
  const facts = await deps.registerFacts(vcr.fiscalRegisterId);
  const port = await deps.modules.open(vcr.fiscalModuleNumber);
  const at = toLocalIso(deps.clock.now().getTime());
  let status = port ? await statusOf(port, at) : undefined;
  if (port && status) status = await commissionIfReady(deps, vcr, facts, port, status);
  const checked = clock === 'never' ? vcr : await checkClock(deps, vcr, clock === 'always');
  const nowMs = deps.clock.now().getTime();
  const verdict = checkRegister(registerFacts(checked, facts, status), nowMs, deps.policy);
  return { vcr: checked, facts, port, status, verdict };
}

async function statusOf(port: FiscalModulePort, at: string): Promise<ModuleStatus | undefined> {
  const s = await port.status({ at });
  return s.ok ? s.value : undefined;
}

/** The guard's facts (domain/register-guard.ts) from what the register, its module and the registry say. */
export function registerFacts(vcr: Vcr, facts: RegisterFactsForCashdesk | undefined, status: ModuleStatus | undefined): RegisterFacts {
  const fm = facts?.fiscalModule;
  const isWorkingPhase = status?.phase === 'initialised' || status?.phase === 'working';
  const prohibitions = facts
    ? [
        ...(facts.isLost ? ['REGISTER_LOST'] : []),
        ...(facts.isModelUsable ? [] : ['MODEL_NOT_USABLE']),
        ...(facts.isTscActive ? [] : ['TSC_NOT_ACTIVE']),
        ...(facts.kind === 'virtual' ? [] : ['REGISTER_NOT_VIRTUAL']),
      ]
    : [];
  return {
    registerSerial: vcr.serialNumber,
    registerStatus: facts ? facts.status : 'not_registered',
    ...(status
      ? {
          module: {
            number: vcr.fiscalModuleNumber,
            // p.56, p.81: in the registry, installed in this register, and initialised with this module's key.
            isRegistered:
              fm !== null &&
              fm !== undefined &&
              fm.number === vcr.fiscalModuleNumber &&
              fm.isInstalledHere &&
              fm.publicKey === status.publicKey &&
              isWorkingPhase,
            ...(status.registerNumber ? { boundRegisterSerial: status.registerNumber } : {}),
            isMemoryFull: status.lock?.reason === 'MEMORY_FULL',
            isLocked: status.lock !== null && status.lock.reason !== 'MEMORY_FULL',
          },
        }
      : {}),
    businessDataVersion: { register: facts?.registerBusinessDataVersion ?? 0, operator: facts?.business.dataVersion ?? 0 },
    // The register's records are a copy; the module's memory is what counts and it checks itself (fiscal-module.md).
    isDatabaseIntact: true,
    prohibitions,
    ...(vcr.clockCheckedAt ? { clockCheck: { atMs: vcr.clockCheckedAt.getTime(), skewMs: vcr.clockOffsetMs ?? 0 } } : {}),
    ...(status?.offline ? { offlineSince: status.offline.since } : {}),
    ...(status?.shift.openedAt ? { shiftOpenedAt: status.shift.openedAt } : {}),
  };
}

/**
 * p.81: once the TSC has handed the module's public key to the operator, the module is loaded with
 * the operator's key and bound to this register for its life (one module, one register, p.68 item 12).
 */
async function commissionIfReady(
  deps: CashdeskDeps,
  vcr: Vcr,
  facts: RegisterFactsForCashdesk | undefined,
  port: FiscalModulePort,
  status: ModuleStatus,
): Promise<ModuleStatus> {
  const fm = facts?.fiscalModule;
  if (status.phase !== 'personalised' || status.lock || !fm || fm.number !== vcr.fiscalModuleNumber || !fm.isInstalledHere) return status;
  if (!fm.publicKey || fm.publicKey !== status.publicKey) return status;
  const done = await port.initialise({ operatorPublicKey: facts.operatorPublicKey, moduleNumber: vcr.fiscalModuleNumber, registerNumber: vcr.serialNumber });
  if (!done.ok) return status;
  const now = deps.clock.now();
  await deps.database.db.transaction((tx) =>
    appendAudit(tx, now, {
      actor: 'system',
      action: 'cashdesk.module_commissioned',
      entity: 'cashdesk.register',
      entityId: vcr.id,
      after: { fiscalModuleNumber: vcr.fiscalModuleNumber, registerNumber: vcr.serialNumber, operatorPublicKey: facts.operatorPublicKey },
    }),
  );
  return (await statusOf(port, toLocalIso(now.getTime()))) ?? status;
}

/**
 * p.34, p.68 item 10: the register's date and time are checked against the operator's (UTC+05:00).
 * The answer is taken as given halfway through the exchange. Unreachable: the last check stands
 * (the guard accepts it for 24 hours, then refuses CLOCK_NOT_SET).
 */
export async function checkClock(deps: CashdeskDeps, vcr: Vcr, isForced: boolean): Promise<Vcr> {
  const before = deps.clock.now();
  const age = vcr.clockCheckedAt ? before.getTime() - vcr.clockCheckedAt.getTime() : Number.POSITIVE_INFINITY;
  if (!isForced && age >= 0 && age < CLOCK_RECHECK_MS) return vcr;
  const link = deps.linkState.get();
  if (!isForced && link.isFresh && !link.isOnline) return vcr;
  const answer = await deps.link().operatorTime();
  const after = deps.clock.now();
  if (answer.kind === 'unreachable') {
    deps.linkState.down(after, answer.reason);
    return vcr;
  }
  deps.linkState.up(after);
  const offset = Math.round((before.getTime() + after.getTime()) / 2 - answer.operatorMs);
  const [updated] = await deps.database.db.update(registers).set({ clockCheckedAt: after, clockOffsetMs: offset }).where(eq(registers.id, vcr.id)).returning();
  return updated ?? vcr;
}

/** The guard's refusal as a value: the first reason's code, every reason in `details.reasons`. */
export function refusal(verdict: GuardVerdict, isClosing = false): Result<never, Failure<CashdeskErrorCode>> {
  const closeAllowed = new Set(['SHIFT_TOO_LONG', 'OFFLINE_LIMIT_REACHED', 'MODULE_MEMORY_FULL']);
  const blocking = isClosing ? verdict.reasons.filter((r) => !closeAllowed.has(r.code)) : verdict.reasons;
  const first = blocking[0] ?? verdict.reasons[0];
  return fail((first?.code ?? 'MODULE_MISSING') as CashdeskErrorCode, undefined, {
    reasons: verdict.reasons.map((r) => ({ code: r.code, ref: r.ref, ...(r.details ? { details: r.details } : {}) })),
  });
}
