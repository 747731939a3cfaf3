/**
 * Art.134 p.3, 5 (CUS-DEC-53, CUS-DEC-54): what the border office's exit data and the declarant's
 * statement of a free-zone withdrawal add to the ordinary withdrawal request of art.134.
 */
import { and, eq, inArray, ne } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { dushanbeDate } from '../../../platform/calendar/index.ts';
import { type Db, transact } from '../../../platform/db.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import { exitMatches } from '../domain/exit.ts';
import type { ExitErrorCode } from '../domain/exit-errors.ts';
import {
  type FreeZoneLocation,
  type FreeZonePlaceKind,
  type FreeZoneStatement,
  freeZoneWithdrawalReasons,
  type OtherDeclarationFacts,
} from '../domain/free-zone-withdrawal.ts';
import { type DeclarationRow, declarations } from '../infrastructure/declaration.schema.ts';
import { type FreeZoneWithdrawalRow, freeZoneWithdrawals } from '../infrastructure/exit-statistics.schema.ts';
import { regimePlaces } from '../infrastructure/regime.schema.ts';
import { actorOf, type CustomsDeps } from './deps.ts';
import { lockDeclaration, mayFile } from './declaration-store.ts';
import { exitsFor } from './exit-queries.ts';

export type FreeZoneWithdrawalInput = {
  readonly location: FreeZoneLocation;
  readonly placeKind: FreeZonePlaceKind;
  /** The free warehouse's registered number, or the name of the free economic zone. */
  readonly placeReference: string;
  /** Outside the zone or warehouse: the number of the declaration placing the goods under another regime. */
  readonly otherDeclarationNumber?: string;
};

/** Whether the border office recorded the goods of this declaration as gone (its exit, or an exit of its documents or goods). */
export async function hasGoodsExited(tx: Db, row: DeclarationRow): Promise<boolean> {
  if (row.exitedAt !== null) return true;
  if (row.direction !== 'export') return false;
  const exits = await exitsFor(tx, row.data, row.number);
  return exits.some((e) => exitMatches(e, row.data, row.number));
}

async function otherFacts(tx: Db, number: string | undefined): Promise<OtherDeclarationFacts | undefined> {
  if (!number) return undefined;
  const [o] = await tx.select().from(declarations).where(eq(declarations.number, number));
  if (!o) return undefined;
  return {
    id: o.id,
    declarantCode: o.declarantCode,
    regime: o.regime,
    state: o.state,
    registeredOn: o.registeredAt ? dushanbeDate(o.registeredAt) : null,
    commodityCodes: o.data.items.map((i) => i.commodityCode),
  };
}

async function statementOf(tx: Db, row: DeclarationRow, input: FreeZoneWithdrawalInput, today: string) {
  const isPlaceKnown =
    input.placeKind === 'free_economic_zone' ||
    (
      await tx
        .select({ id: regimePlaces.id })
        .from(regimePlaces)
        .where(and(eq(regimePlaces.number, input.placeReference), eq(regimePlaces.kind, 'free_warehouse')))
    ).length > 0;
  const other = await otherFacts(tx, input.otherDeclarationNumber);
  const usedBy = other
    ? await tx
        .select({ declarationId: freeZoneWithdrawals.declarationId })
        .from(freeZoneWithdrawals)
        .where(and(eq(freeZoneWithdrawals.otherDeclarationId, other.id), ne(freeZoneWithdrawals.status, 'replaced')))
    : [];
  const statement: FreeZoneStatement = {
    isOtherUsedElsewhere: usedBy.some((u) => u.declarationId !== row.id),
    location: input.location,
    isPlaceKnown,
    other,
    isOtherGiven: input.otherDeclarationNumber !== undefined,
    otherWithdrawnId: row.id,
  };
  const withdrawn = {
    direction: row.direction,
    regime: row.regime,
    state: row.state,
    declarantCode: row.declarantCode,
    commodityCodes: row.data.items.map((i) => i.commodityCode),
    hasExited: await hasGoodsExited(tx, row),
  };
  return { reasons: freeZoneWithdrawalReasons(withdrawn, statement, today), other };
}

/**
 * CUS-DEC-54 (art.134 p.5): the declarant states that its export declaration is to be withdrawn to
 * complete a free customs zone or free warehouse regime: where the goods are and, outside the zone
 * or warehouse, the declaration under another regime filed with it. Checked at once with every
 * reason; a new statement replaces the last one. The withdrawal is then requested as usual.
 */
export async function stateFreeZoneWithdrawal(
  deps: CustomsDeps,
  actor: AccountPrincipal,
  id: string,
  input: FreeZoneWithdrawalInput,
): Promise<Result<FreeZoneWithdrawalRow, Failure<ExitErrorCode | 'DECLARATION_NOT_FOUND' | 'DECLARATION_NOT_YOURS'>>> {
  const now = deps.clock.now();
  return transact(deps.database.db, async (tx) => {
    const found = await lockDeclaration(tx, actor, id);
    if (!found.ok) return fail('DECLARATION_NOT_FOUND', 'params.id');
    const row = found.value;
    if (!mayFile(actor, row)) return fail('DECLARATION_NOT_YOURS', 'params.id');
    const { reasons, other } = await statementOf(tx, row, input, dushanbeDate(now));
    if (reasons.length > 0) return fail('FREE_ZONE_WITHDRAWAL_NOT_ALLOWED', 'body', { reasons });
    await tx
      .update(freeZoneWithdrawals)
      .set({ status: 'replaced' })
      .where(and(eq(freeZoneWithdrawals.declarationId, row.id), inArray(freeZoneWithdrawals.status, ['stated', 'requested'])));
    const [stated] = await tx
      .insert(freeZoneWithdrawals)
      .values({
        id: uuidv7(now.getTime()),
        declarationId: row.id,
        location: input.location,
        placeKind: input.placeKind,
        placeReference: input.placeReference,
        otherDeclarationId: input.location === 'outside' ? (other?.id ?? null) : null,
        otherDeclarationNumber: input.location === 'outside' ? (input.otherDeclarationNumber ?? null) : null,
        status: 'stated',
        statedAt: now,
        statedBy: actorOf(actor),
      })
      .returning();
    if (!stated) throw new Error('statement not recorded');
    await appendAudit(tx, now, {
      actor: actorOf(actor),
      action: 'customs.free_zone_withdrawal_stated',
      entity: 'customs.declaration',
      entityId: row.id,
      after: { location: input.location, placeKind: input.placeKind, placeReference: input.placeReference, other: input.otherDeclarationNumber ?? null },
    });
    return ok(stated);
  });
}

/** The statements of a declaration, newest first (the declarant's and customs' view). */
export async function freeZoneStatements(tx: Db, declarationId: string): Promise<FreeZoneWithdrawalRow[]> {
  return tx.select().from(freeZoneWithdrawals).where(eq(freeZoneWithdrawals.declarationId, declarationId)).orderBy(freeZoneWithdrawals.statedAt);
}

/**
 * The hook of the withdrawal request (declaration-requests.ts, art.134 p.3, 5): an export whose
 * goods the border office recorded as gone is no longer withdrawn; a declaration with a stated
 * free-zone withdrawal is checked again under art.134 p.5 now (the other declaration must still
 * stand and be filed the same day), and the statement is marked as requested. Answers the
 * reasons in the vocabulary of DECLARATION_WITHDRAWAL_NOT_ALLOWED; a refusal rolls the mark back.
 */
export async function withdrawalExitReasons(tx: Db, row: DeclarationRow, at: Date): Promise<string[]> {
  const [stated] = await tx
    .select()
    .from(freeZoneWithdrawals)
    .where(and(eq(freeZoneWithdrawals.declarationId, row.id), eq(freeZoneWithdrawals.status, 'stated')))
    .for('update');
  if (!stated) return row.direction === 'export' && (await hasGoodsExited(tx, row)) ? ['goods_left_territory'] : [];
  const input: FreeZoneWithdrawalInput = {
    location: stated.location,
    placeKind: stated.placeKind,
    placeReference: stated.placeReference,
    ...(stated.otherDeclarationNumber ? { otherDeclarationNumber: stated.otherDeclarationNumber } : {}),
  };
  const { reasons } = await statementOf(tx, row, input, dushanbeDate(at));
  await tx.update(freeZoneWithdrawals).set({ status: 'requested', requestedAt: at }).where(eq(freeZoneWithdrawals.id, stated.id));
  return reasons.map((r) => (r === 'state_final' ? r : r === 'goods_left_territory' ? r : `free_zone_${r}`));
}
