import { and, eq } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit.ts';
import { type AccountPrincipal, verifySecret } from '../../../platform/auth.ts';
import { fail, ok, type Failure, type Result } from '../../../platform/result.ts';
import { registers, unlocks } from '../infrastructure/schema.ts';
import { actorOf, type CashdeskDeps, sessionHash } from './deps.ts';
import { loadRegister } from './register-access.ts';
import { checkReadiness, type Readiness } from './register-readiness.ts';

/** An unlock holds this long at most (a shift's length); the end of the login session ends it sooner. */
export const UNLOCK_TTL_MS = 12 * 3_600_000;
/** After this many wrong passwords in a row the register refuses passwords for a while. */
export const MAX_FAILED_UNLOCKS = 5;
export const UNLOCK_PAUSE_MS = 5 * 60_000;

/**
 * p.65 item 10, p.68 item 7: the cashier opens the register with its program password. Opening
 * also checks the date and time against the operator's (p.34: before work) and commissions the
 * module when the TSC has initialised it (p.81).
 */
export async function unlockRegister(
  deps: CashdeskDeps,
  actor: AccountPrincipal,
  session: string | undefined,
  registerId: string,
  password: string,
): Promise<
  Result<{ readonly unlockedUntil: Date; readonly readiness: Readiness }, Failure<'NOT_FOUND' | 'PROGRAM_PASSWORD_WRONG' | 'PROGRAM_PASSWORD_LOCKED'>>
> {
  const found = await loadRegister(deps, actor, registerId);
  if (!found.ok) return found;
  const vcr = found.value;
  const db = deps.database.db;
  const now = deps.clock.now();
  if (vcr.unlockRefusedUntil && vcr.unlockRefusedUntil > now) {
    return fail('PROGRAM_PASSWORD_LOCKED', undefined, { retryAfterSeconds: Math.ceil((vcr.unlockRefusedUntil.getTime() - now.getTime()) / 1000) });
  }
  if (!session || !(await verifySecret(password, vcr.passwordHash))) {
    const failed = vcr.failedUnlocks + 1;
    const isPaused = failed >= MAX_FAILED_UNLOCKS;
    await db.transaction(async (tx) => {
      await tx
        .update(registers)
        .set({ failedUnlocks: isPaused ? 0 : failed, unlockRefusedUntil: isPaused ? new Date(now.getTime() + UNLOCK_PAUSE_MS) : vcr.unlockRefusedUntil })
        .where(eq(registers.id, vcr.id));
      await appendAudit(tx, now, {
        actor: actorOf(actor),
        action: 'cashdesk.unlock_refused',
        entity: 'cashdesk.register',
        entityId: vcr.id,
        after: { failed },
      });
    });
    return fail('PROGRAM_PASSWORD_WRONG', 'body.password');
  }
  const unlockedUntil = new Date(now.getTime() + UNLOCK_TTL_MS);
  const hash = sessionHash(session);
  await db.transaction(async (tx) => {
    await tx.update(registers).set({ failedUnlocks: 0, unlockRefusedUntil: null }).where(eq(registers.id, vcr.id));
    await tx
      .insert(unlocks)
      .values({ registerId: vcr.id, sessionHash: hash, unlockedAt: now, expiresAt: unlockedUntil })
      .onConflictDoUpdate({ target: [unlocks.registerId, unlocks.sessionHash], set: { unlockedAt: now, expiresAt: unlockedUntil } });
    await appendAudit(tx, now, { actor: actorOf(actor), action: 'cashdesk.unlocked', entity: 'cashdesk.register', entityId: vcr.id, after: { unlockedUntil } });
  });
  const readiness = await deps.modules.exclusive(vcr.id, () => checkReadiness(deps, vcr, 'always'));
  return ok({ unlockedUntil, readiness });
}

/** The cashier closes the register: the next fiscal operation needs the password again. */
export async function lockRegister(
  deps: CashdeskDeps,
  actor: AccountPrincipal,
  session: string | undefined,
  registerId: string,
): Promise<Result<true, Failure<'NOT_FOUND'>>> {
  const found = await loadRegister(deps, actor, registerId);
  if (!found.ok) return found;
  if (!session) return ok(true);
  const now = deps.clock.now();
  await deps.database.db.transaction(async (tx) => {
    await tx.delete(unlocks).where(and(eq(unlocks.registerId, found.value.id), eq(unlocks.sessionHash, sessionHash(session))));
    await appendAudit(tx, now, { actor: actorOf(actor), action: 'cashdesk.locked', entity: 'cashdesk.register', entityId: found.value.id });
  });
  return ok(true);
}
