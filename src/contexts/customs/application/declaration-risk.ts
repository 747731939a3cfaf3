import { eq } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { appendAuditLater as appendAudit } from '../../../platform/audit.ts';
import { type Db, transact } from '../../../platform/db.ts';
import type { EventHandler, OutboxEvent } from '../../../platform/outbox.ts';
import { fail, ok, type Result } from '../../../platform/result.ts';
import { canMove } from '../domain/declaration.ts';
import { type DeclarationRow, declarations } from '../infrastructure/declaration.schema.ts';
import { actorOf, type CustomsDeps } from './deps.ts';
import { DECLARATION_REGISTERED, type DeclarationRegisteredEvent } from './declaration-register.ts';
import { type ReleasePorts, releaseIfReady } from './declaration-release.ts';
import { lockDeclaration, type Refusal } from './declaration-store.ts';

/** ASYCUDA's lanes (research/customs-anchors.md): green and blue release, yellow checks documents, red examines. */
export const LANES = ['green', 'blue', 'yellow', 'red'] as const;
export type Lane = (typeof LANES)[number];
const CONTROLLED: readonly Lane[] = ['yellow', 'red'];

/** Records the lane; answers the declaration and the audit entry, which the caller appends last (the chain's tip is locked until commit). */
async function decide(tx: Db, row: DeclarationRow, lane: Lane, at: Date, actor: string, basis: string) {
  const toControl = CONTROLLED.includes(lane) && canMove(row.state, 'D8_control');
  const [decided] = await tx
    .update(declarations)
    .set({ riskLane: lane, riskDecidedAt: at, updatedAt: at, ...(toControl ? { state: 'UNDER_CONTROL' as const } : {}) })
    .where(eq(declarations.id, row.id))
    .returning();
  const audit = () =>
    appendAudit(tx, at, {
      actor,
      action: 'customs.declaration_risk_decided',
      entity: 'customs.declaration',
      entityId: row.id,
      before: { state: row.state },
      after: { state: decided?.state, lane, basis },
    });
  return { decided: decided as DeclarationRow, audit };
}

/**
 * The hand-off to risk management (art.399 p.3, CUS-CTL via the outbox): until the `risk` context
 * answers, this policy selects nothing — green lane — and the declaration is released as soon as
 * the other conditions hold. A decision already recorded (by the analysts' channel) is kept.
 */
export function defaultRiskPolicy(deps: CustomsDeps, ports: ReleasePorts): EventHandler {
  return {
    name: 'customs.default-risk-policy',
    topic: DECLARATION_REGISTERED,
    handle: async (tx, event: OutboxEvent) => {
      const { declarationId } = event.payload as DeclarationRegisteredEvent;
      const [row] = await tx.select().from(declarations).where(eq(declarations.id, declarationId)).for('update');
      if (!row || row.riskLane !== null) return;
      const now = deps.clock.now();
      const { audit } = await decide(tx, row, 'green', now, 'system:risk-policy', 'no profile selected the declaration');
      await releaseIfReady(tx, ports, row.id, now);
      await audit();
    },
  };
}

/**
 * The risk management system's answer for one declaration, given by a risk analyst until the
 * `risk` context gives it (AMB-11: before release the officer acts only on the RMS result).
 * Yellow and red put the declaration under control (D8); green and blue let it go to release.
 */
export async function recordRiskDecision(
  deps: CustomsDeps,
  ports: ReleasePorts,
  actor: AccountPrincipal,
  id: string,
  input: { readonly lane: Lane; readonly basis: string },
): Promise<Result<DeclarationRow, Refusal>> {
  return transact(deps.database.db, async (tx) => {
    const found = await lockDeclaration(tx, actor, id);
    if (!found.ok) return found;
    const row = found.value;
    if (row.riskLane !== null || !['REGISTERED'].includes(row.state)) return fail('DECLARATION_STATE_INVALID', 'params.id', { state: row.state });
    const now = deps.clock.now();
    const { decided, audit } = await decide(tx, row, input.lane, now, actorOf(actor), input.basis);
    if (!CONTROLLED.includes(input.lane)) await releaseIfReady(tx, ports, row.id, now);
    await audit();
    const [after] = await tx.select().from(declarations).where(eq(declarations.id, row.id));
    return ok(after ?? decided);
  });
}
