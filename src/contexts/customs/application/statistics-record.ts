import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db.ts';
import type { EventHandler } from '../../../platform/outbox.ts';
import { customsValues } from '../domain/declaration-payments.ts';
import { periodMonth, statisticsItems } from '../domain/statistics.ts';
import { declarations } from '../infrastructure/declaration.schema.ts';
import { statisticsItems as statisticsTable } from '../infrastructure/exit-statistics.schema.ts';
import { exchangeRates } from '../infrastructure/schema.ts';
import { declarationFacts } from './declaration-facts.ts';
import { DECLARATION_CHANGED_AFTER_RELEASE, DECLARATION_RELEASED, type DeclarationChangedAfterRelease } from './declaration-release.ts';
import { inForceOn } from './exit-queries.ts';

/**
 * Art.504 p.1, art.124 p.11 (CUS-INF-03): writes the statistical rows of a released declaration,
 * one per item, from its data as last amended, valued at the rates of the day of acceptance (the
 * day of its assessment, art.136 p.13). The rows name the version they were built from; after a
 * change after release (art.133 p.8-9, CUS-DEC-50) the new version's rows are added and replace the
 * earlier ones in the statistics (statistics-queries.ts counts each declaration's latest version).
 * Idempotent: a row per (declaration, version, item) is written once, so a redelivered event, or
 * an event about a version already superseded, writes nothing new. Answers how many rows it wrote.
 */
export async function recordStatistics(tx: Db, declarationId: string, eventId: string, at: Date): Promise<number> {
  const [d] = await tx.select().from(declarations).where(eq(declarations.id, declarationId));
  if (!d || d.releasedAt === null || d.acceptedOn === null || d.number === null) return 0;
  const facts = await declarationFacts(tx, d.data, d.acceptedOn, d.channel);
  // Registration needs a rate of the invoice currency; without one nothing was assessed and nothing is counted.
  if (facts.rate === undefined) return 0;
  const usd =
    d.data.currency === 'USD'
      ? facts.rate
      : (
          await tx
            .select({ rate: exchangeRates.somoniPerUnit })
            .from(exchangeRates)
            .where(and(eq(exchangeRates.currency, 'USD'), inForceOn(exchangeRates, d.acceptedOn)))
        )[0]?.rate;
  const items = statisticsItems(d.data, customsValues(d.data, facts.rate), (code) => facts.tariffs.get(code)?.unit ?? 'kg', usd ?? undefined);
  if (items.length === 0) return 0;
  const written = await tx
    .insert(statisticsTable)
    .values(
      items.map((i) => ({
        ...i,
        declarationId: d.id,
        declarationVersion: d.version,
        declarationNumber: d.number as string,
        periodMonth: periodMonth(d.releasedAt as Date),
        releasedAt: d.releasedAt as Date,
        direction: d.direction,
        regime: d.regime,
        officeCode: d.officeCode,
        eventId,
        recordedAt: at,
      })),
    )
    .onConflictDoNothing()
    .returning({ itemNo: statisticsTable.itemNo });
  return written.length;
}

/** The handler of `customs.declaration_released` that feeds the statistical database. */
export function statisticsOnRelease(): EventHandler {
  return {
    name: 'customs.statistics-on-release',
    topic: DECLARATION_RELEASED,
    handle: async (tx, event) => {
      await recordStatistics(tx, (event.payload as { declarationId: string }).declarationId, event.id, event.createdAt);
    },
  };
}

/**
 * The handler of `customs.declaration_changed_after_release` (CUS-INF-03 with CUS-DEC-50): the
 * statistics of the declaration are rebuilt from the data as changed, in its latest version.
 */
export function statisticsOnChangeAfterRelease(): EventHandler {
  return {
    name: 'customs.statistics-on-change-after-release',
    topic: DECLARATION_CHANGED_AFTER_RELEASE,
    handle: async (tx, event) => {
      await recordStatistics(tx, (event.payload as DeclarationChangedAfterRelease).declarationId, event.id, event.createdAt);
    },
  };
}
