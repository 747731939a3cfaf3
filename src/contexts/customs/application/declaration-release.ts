import { and, eq, inArray } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { appendAuditLater as appendAudit } from '../../../platform/audit.ts';
import { type Db, transact } from '../../../platform/db.ts';
import { notify } from '../../../platform/notifications.ts';
import { publish } from '../../../platform/outbox.ts';
import { fail, ok, type Result } from '../../../platform/result.ts';
import { canMove } from '../domain/declaration.ts';
import { SECURED_REGIMES } from '../domain/declaration-payments.ts';
import { controlEvents, type DeclarationRow, declarationRequests, declarations } from '../infrastructure/declaration.schema.ts';
import { actorOf, type CustomsDeps } from './deps.ts';
import { lockDeclaration, type Refusal } from './declaration-store.ts';

export const DECLARATION_RELEASED = 'customs.declaration_released';
/**
 * Art.133 p.8-9 (CUS-DEC-50): a released declaration's data were changed (customs' decision or its
 * permission of the declarant's request); the payload names the new version. Statistics follow it.
 */
export const DECLARATION_CHANGED_AFTER_RELEASE = 'customs.declaration_changed_after_release';
export type DeclarationChangedAfterRelease = { readonly declarationId: string; readonly number: string; readonly version: number };

/** Publishes DECLARATION_CHANGED_AFTER_RELEASE in the transaction that wrote the new version. */
export const publishChangedAfterRelease = (tx: Db, row: DeclarationRow, version: number, at: Date): Promise<string> =>
  publish(tx, DECLARATION_CHANGED_AFTER_RELEASE, { declarationId: row.id, number: row.number as string, version } satisfies DeclarationChangedAfterRelease, at);

/** Confirmed receipts into the budget for a payment reference (art.149 p.2-3): the finance slice. */
export type PaidTotal = (tx: Db, reference: string) => Promise<bigint>;
/** What a guarantee still covers for a holder (Chapter 46): the guarantee registry. */
export type GuaranteeCover = (
  tx: Db,
  query: { readonly reference: string; readonly holderTin: string; readonly regime: string; readonly at: Date },
) => Promise<bigint>;
export type ReleasePorts = { readonly paidTotal: PaidTotal; readonly guaranteeCover: GuaranteeCover };

/** The conditions of art.149 p.1-2 that do not hold, in the order of the text. */
export type Unmet =
  | 'risk_decision_pending'
  | 'control_not_completed'
  | 'violation_not_remedied'
  | 'request_pending'
  | 'payment_not_confirmed'
  | 'guarantee_missing'
  | 'state_not_releasable';

/**
 * Art.149 p.1 (CUS-REL-01): (1) restrictions met — risk management has decided and any control it
 * chose is complete with no violation left unremedied; (2) the regime's conditions — a regime with
 * relief is secured by a guarantee (art.160); (3) payments paid, or secured where the regime allows.
 * Art.149 p.2 (CUS-REL-02): release for free circulation needs the duties and taxes paid, as the
 * finance authority confirmed them (p.3, CUS-REL-04); a guarantee does not replace payment there.
 */
export async function unmetConditions(tx: Db, ports: ReleasePorts, row: DeclarationRow, at: Date): Promise<Unmet[]> {
  const unmet: Unmet[] = [];
  if (!canMove(row.state, 'D17_released')) unmet.push('state_not_releasable');
  if (row.riskLane === null) unmet.push('risk_decision_pending');
  const events = await tx.select().from(controlEvents).where(eq(controlEvents.declarationId, row.id));
  if (row.state === 'UNDER_CONTROL' && !events.some((e) => e.kind === 'control_completed')) unmet.push('control_not_completed');
  if (events.some((e) => e.kind === 'violation_found' && e.isRemedied !== true)) unmet.push('violation_not_remedied');
  const open = await tx
    .select({ id: declarationRequests.id })
    .from(declarationRequests)
    .where(and(eq(declarationRequests.declarationId, row.id), eq(declarationRequests.status, 'open')));
  if (open.length > 0) unmet.push('request_pending');
  const payable = row.payableDirams ?? 0n;
  if (payable > 0n && (await ports.paidTotal(tx, row.number as string)) < payable) unmet.push('payment_not_confirmed');
  const toSecure = row.toSecureDirams ?? 0n;
  if (SECURED_REGIMES.includes(row.regime as never) && toSecure > 0n) {
    const cover = row.guaranteeReference
      ? await ports.guaranteeCover(tx, { reference: row.guaranteeReference, holderTin: row.declarantCode, regime: row.regime, at })
      : 0n;
    if (cover < toSecure) unmet.push('guarantee_missing');
  }
  return unmet;
}

async function release(tx: Db, row: DeclarationRow, at: Date, actor: string, conditional: boolean): Promise<DeclarationRow> {
  const [released] = await tx
    .update(declarations)
    .set({ state: conditional ? 'CONDITIONALLY_RELEASED' : 'RELEASED', releasedAt: at, updatedAt: at, resumeState: null })
    .where(eq(declarations.id, row.id))
    .returning();
  await notify(tx, at, {
    recipient: { kind: 'business', id: row.declarantCode },
    kind: 'customs_declaration_released',
    title: {
      tg: `Молҳои эъломияи № ${row.number} барориш шуданд`,
      ru: `Товары по декларации № ${row.number} выпущены`,
      en: `The goods of declaration No ${row.number} are released`,
    },
    body: {
      tg: conditional ? 'Барориши шартӣ (м.151).' : 'Барориш анҷом ёфт (м.149).',
      ru: conditional ? 'Условный выпуск (ст.151).' : 'Выпуск произведён (ст.149).',
      en: conditional ? 'Conditional release (art.151).' : 'Released (art.149).',
    },
    subject: { type: 'customs_declaration', id: row.id },
  });
  await publish(tx, DECLARATION_RELEASED, { declarationId: row.id, number: row.number, conditional, storageNumber: row.data.storageNumber ?? null }, at);
  // Last: the audit chain's tip stays locked until the commit.
  await appendAudit(tx, at, {
    actor,
    action: conditional ? 'customs.declaration_conditionally_released' : 'customs.declaration_released',
    entity: 'customs.declaration',
    entityId: row.id,
    before: { state: row.state },
    after: { state: released?.state },
  });
  return released as DeclarationRow;
}

/**
 * D17 by the system: releases the declaration as soon as every condition holds (after the risk
 * decision, a completed control, or the finance authority's confirmation). Answers whether it did.
 */
export async function releaseIfReady(tx: Db, ports: ReleasePorts, declarationId: string, at: Date): Promise<boolean> {
  const [row] = await tx.select().from(declarations).where(eq(declarations.id, declarationId)).for('update');
  return row ? releaseLockedIfReady(tx, ports, row, at) : false;
}

/** `releaseIfReady` for a row the caller has already locked in this transaction and holds as it now stands. */
export async function releaseLockedIfReady(tx: Db, ports: ReleasePorts, row: DeclarationRow, at: Date): Promise<boolean> {
  if (!canMove(row.state, 'D17_released')) return false;
  if ((await unmetConditions(tx, ports, row, at)).length > 0) return false;
  await release(tx, row, at, 'system', false);
  return true;
}

/** The declarations waiting on a payment reference (their registration numbers). */
export async function releaseByReference(tx: Db, ports: ReleasePorts, reference: string, at: Date): Promise<boolean> {
  const [row] = await tx
    .select({ id: declarations.id })
    .from(declarations)
    .where(and(eq(declarations.number, reference), inArray(declarations.state, ['REGISTERED', 'UNDER_CONTROL'])));
  return row ? releaseIfReady(tx, ports, row.id, at) : false;
}

/**
 * An officer releases (D17) or releases conditionally under art.151 (D18, CUS-REL-09). Full release
 * needs every condition; conditional release is the art.151 procedure, which lets payment or the
 * regime's conditions wait but never a pending risk decision, an open control or an open request.
 */
export async function officerRelease(
  deps: CustomsDeps,
  ports: ReleasePorts,
  actor: AccountPrincipal,
  id: string,
  input: { readonly conditional: boolean; readonly basis?: string },
): Promise<Result<DeclarationRow, Refusal>> {
  return transact(deps.database.db, async (tx) => {
    const found = await lockDeclaration(tx, actor, id);
    if (!found.ok) return found;
    const row = found.value;
    const move = input.conditional ? 'D18_conditionally_released' : 'D17_released';
    if (!canMove(row.state, move)) return fail('DECLARATION_STATE_INVALID', 'params.id', { state: row.state });
    const now = deps.clock.now();
    const unmet = await unmetConditions(tx, ports, row, now);
    const blocking = input.conditional ? unmet.filter((u) => u !== 'payment_not_confirmed' && u !== 'guarantee_missing') : unmet;
    if (blocking.length > 0) return fail('DECLARATION_RELEASE_CONDITIONS_UNMET', 'params.id', { unmet: blocking });
    return ok(await release(tx, row, now, actorOf(actor), input.conditional));
  });
}
