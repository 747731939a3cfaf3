import { eq, sql } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { transact } from '../../../platform/db.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { notify } from '../../../platform/notifications.ts';
import { type Failure, ok, type Result } from '../../../platform/result.ts';
import type { RegimeErrorCode } from '../domain/regime-errors.ts';
import { formatMilli, stocktake } from '../domain/regime-ledger.ts';
import { toMilli } from '../domain/preliminary.ts';
import { type RegimeStocktakeRow, regimeEntries, regimeStocktakes } from '../infrastructure/regime.schema.ts';
import { actorOf, type CustomsDeps } from './deps.ts';
import { ownPlace } from './regime-store.ts';

export type StocktakeInput = {
  readonly takenOn: string;
  readonly lines: readonly { readonly declarationNumber: string; readonly itemNo: number; readonly counted: string }[];
};

/**
 * IMP-12: the owner records a stock-taking: what it counted per lot against the book, with the
 * differences kept as they are (the book is not adjusted: a shortage is for customs to examine,
 * and any correction is a new record). Customs is told when a difference is found.
 */
export async function recordRegimeStocktake(
  deps: CustomsDeps,
  owner: AccountPrincipal,
  placeId: string,
  input: StocktakeInput,
): Promise<Result<RegimeStocktakeRow, Failure<RegimeErrorCode>>> {
  const now = deps.clock.now();
  return transact(deps.database.db, async (tx) => {
    const place = await ownPlace(tx, owner, placeId);
    if (!place.ok) return place;
    const e = regimeEntries;
    const balances = await tx
      .select({ lot: sql<string>`${e.lotDeclarationNumber} || '#' || ${e.itemNo}`, total: sql<string>`sum(${e.deltaMilli})::text` })
      .from(e)
      .where(eq(e.placeId, placeId))
      .groupBy(e.lotDeclarationNumber, e.itemNo);
    const book = new Map(balances.map((b) => [b.lot, BigInt(b.total)]));
    const lines = stocktake(
      book,
      input.lines.map((l) => ({ declarationNumber: l.declarationNumber, itemNo: l.itemNo, countedMilli: toMilli(l.counted) })),
    );
    const hasDifferences = lines.some((l) => l.differenceMilli !== 0n);
    const [row] = await tx
      .insert(regimeStocktakes)
      .values({
        id: uuidv7(now.getTime()),
        placeId,
        takenOn: input.takenOn,
        lines: lines.map((l) => ({
          declarationNumber: l.declarationNumber,
          itemNo: l.itemNo,
          book: formatMilli(l.bookMilli),
          counted: formatMilli(l.countedMilli),
          difference: formatMilli(l.differenceMilli),
        })),
        hasDifferences,
        recordedAt: now,
        recordedBy: actorOf(owner),
      })
      .returning();
    if (!row) throw new Error('stock-taking not inserted');
    if (hasDifferences)
      await notify(tx, now, {
        recipient: { kind: 'role', id: 'customs_officer' },
        kind: 'regime_stocktake_differences',
        title: {
          tg: `Ҳангоми ҳисобкунии мол дар ${place.value.number} фарқият ёфт шуд`,
          ru: `При инвентаризации в ${place.value.number} выявлены расхождения`,
          en: `Stock-taking in ${place.value.number} found differences`,
        },
        body: { tg: input.takenOn, ru: input.takenOn, en: input.takenOn },
        subject: { type: 'customs_regime_place', id: placeId },
      });
    await appendAudit(tx, now, {
      actor: actorOf(owner),
      action: 'customs.regime_stocktake_recorded',
      entity: 'customs.regime_places',
      entityId: placeId,
      after: row,
    });
    return ok(row);
  });
}
