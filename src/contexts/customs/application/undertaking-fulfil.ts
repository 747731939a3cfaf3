import { eq } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { transact } from '../../../platform/db.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { ExitErrorCode } from '../domain/exit-errors.ts';
import { mayMove, undertakingCovers } from '../domain/undertaking.ts';
import { declarations } from '../infrastructure/declaration.schema.ts';
import { type UndertakingRow, undertakings } from '../infrastructure/exit-statistics.schema.ts';
import { actorOf, type CustomsDeps } from './deps.ts';
import { lockUndertaking, undertakingDocument } from './undertaking-queries.ts';

const NOT_FILED = ['DRAFT', 'NOT_ACCEPTED'];

/**
 * CUS-REL-08: the declaration named fulfils the undertaking — a registered declaration of the same
 * declarant and direction covering its goods. Filed after the due time, it is fulfilled late (the
 * filing instant decides, not the moment it is linked here).
 */
export async function fulfilUndertaking(
  deps: CustomsDeps,
  actor: AccountPrincipal,
  number: string,
  input: { readonly declarationNumber: string },
): Promise<Result<UndertakingRow, Failure<ExitErrorCode>>> {
  const now = deps.clock.now();
  return transact(deps.database.db, async (tx) => {
    const found = await lockUndertaking(tx, actor, number);
    if (!found.ok) return found;
    const u = found.value;
    if (!mayMove(u.state, 'fulfil')) return fail('UNDERTAKING_STATE_CONFLICT', 'params.number', { state: u.state });
    const [d] = await tx.select().from(declarations).where(eq(declarations.number, input.declarationNumber));
    const bad = (reason: string) => fail('UNDERTAKING_DECLARATION_INVALID', 'body.declarationNumber', { reason });
    if (!d || d.declarantCode !== u.declarantCode) return bad('not_found');
    if (NOT_FILED.includes(d.state) || d.registeredAt === null) return bad('not_registered');
    if (d.direction !== u.direction) return bad('other_direction');
    const goods = { documents: d.data.documents, commodityCodes: d.data.items.map((i) => i.commodityCode) };
    if (!undertakingCovers(undertakingDocument(u), goods)) return bad('other_goods');
    const isLate = u.dueAt !== null && d.registeredAt.getTime() > u.dueAt.getTime();
    const [row] = await tx
      .update(undertakings)
      .set({ state: 'FULFILLED', declarationNumber: d.number, fulfilledAt: now, isFulfilledLate: isLate })
      .where(eq(undertakings.id, u.id))
      .returning();
    await appendAudit(tx, now, {
      actor: actorOf(actor),
      action: 'customs.undertaking_fulfilled',
      entity: 'customs.undertaking',
      entityId: u.id,
      before: { state: u.state },
      after: { state: 'FULFILLED', declarationNumber: d.number, isLate },
    });
    return ok(row as UndertakingRow);
  });
}
