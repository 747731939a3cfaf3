import { and, eq, gt } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { fail, ok, type Failure, type Result } from '../../../platform/result.ts';
import { registers, unlocks } from '../infrastructure/schema.ts';
import { type CashdeskDeps, sessionHash } from './deps.ts';

export type Vcr = typeof registers.$inferSelect;

/** A business sees only its own registers; anything else is "not found" (it may not learn that it exists). */
export async function loadRegister(deps: CashdeskDeps, actor: AccountPrincipal, id: string): Promise<Result<Vcr, Failure<'NOT_FOUND'>>> {
  if (actor.role !== 'business' || !actor.tin) return fail('NOT_FOUND');
  const [vcr] = await deps.database.db
    .select()
    .from(registers)
    .where(and(eq(registers.id, id), eq(registers.businessTin, actor.tin)));
  return vcr ? ok(vcr) : fail('NOT_FOUND');
}

/** Whether this login session unlocked the register with its program password and the unlock still holds. */
export async function isUnlocked(deps: CashdeskDeps, vcr: Vcr, session: string | undefined): Promise<boolean> {
  if (!session) return false;
  const [found] = await deps.database.db
    .select({ expiresAt: unlocks.expiresAt })
    .from(unlocks)
    .where(and(eq(unlocks.registerId, vcr.id), eq(unlocks.sessionHash, sessionHash(session)), gt(unlocks.expiresAt, deps.clock.now())));
  return found !== undefined;
}

/**
 * p.65 item 10, p.68 item 7: the register works only for whoever entered its program password. The
 * fiscal operations and the product list need the register unlocked in this session.
 */
export async function loadUnlockedRegister(
  deps: CashdeskDeps,
  actor: AccountPrincipal,
  id: string,
  session: string | undefined,
): Promise<Result<Vcr, Failure<'NOT_FOUND' | 'REGISTER_LOCKED'>>> {
  const vcr = await loadRegister(deps, actor, id);
  if (!vcr.ok) return vcr;
  return (await isUnlocked(deps, vcr.value, session)) ? vcr : fail('REGISTER_LOCKED');
}
