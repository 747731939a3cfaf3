import { dushanbeDate } from '../../../platform/calendar/index.ts';
import type { Db } from '../../../platform/db.ts';
import { availableDirams, type GuaranteePurpose } from '../domain/guarantees.ts';
import { acceptedOn, drawnTotal } from '../infrastructure/guarantee.repository.ts';

export type CoverQuery = {
  /** One guarantee by its number; without it, every guarantee of the holder counts. */
  readonly reference?: string;
  readonly holderTin: string;
  readonly purpose: GuaranteePurpose;
  readonly at: Date;
};

/**
 * IMP-11: how much of the holder's accepted guarantees in force on the day of `at` (Dushanbe) that
 * cover `purpose` is still free, in dirams (CUS-GUA-03/04/08/10/15: the check before placement
 * or release). Zero when none covers it.
 */
export async function guaranteeCover(tx: Db, query: CoverQuery): Promise<bigint> {
  const day = dushanbeDate(query.at);
  const found = (await acceptedOn(tx, query.holderTin, day)).filter(
    (g) => (query.reference === undefined || g.reference === query.reference) && g.purposes.includes(query.purpose),
  );
  let total = 0n;
  for (const g of found) total += availableDirams(g.amountDirams, await drawnTotal(tx, g.id));
  return total;
}
