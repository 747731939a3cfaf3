import { sql } from 'drizzle-orm';
import { dushanbeDate } from '../../../platform/calendar/index.ts';
import { type Db, rows } from '../../../platform/db.ts';

/**
 * CUS-TS-04, CUS-TS-17: whether a security for payment (Chapter 46) with this reference is valid
 * for at least `amountDirams`. The guarantee registry is built elsewhere; until it is wired in,
 * routes receive this function in their deps.
 */
export type GuaranteeCheck = (tx: Db, reference: string, amountDirams: bigint, at?: Date) => Promise<boolean>;

/**
 * The default: looks the reference up in `customs.guarantees` when that table exists
 * (`to_regclass`): an accepted guarantee covering `temporary_storage`, in force on the day of `at`
 * (Dushanbe), for at least the amount (draws by other operations are not deducted here; the
 * registry's `guaranteeCover` does that once the holder is known). With no such table, or a table
 * of another shape, every security is refused. The lookup runs in a savepoint, so a shape
 * mismatch never spoils the caller's transaction.
 */
export const registryGuaranteeCheck: GuaranteeCheck = async (tx, reference, amountDirams, at = new Date()) => {
  const [exists] = await rows<{ found: boolean }>(tx, sql`SELECT to_regclass('customs.guarantees') IS NOT NULL AS found`);
  if (!exists?.found) return false;
  const day = dushanbeDate(at);
  try {
    return await tx.transaction(async (sp) => {
      const found = await rows<{ ok: number }>(
        sp,
        sql`SELECT 1 AS ok FROM customs.guarantees
            WHERE reference = ${reference} AND status = 'accepted' AND 'temporary_storage' = ANY (purposes)
              AND valid_from <= ${day}::date AND valid_to >= ${day}::date AND amount_dirams >= ${amountDirams.toString()}::bigint LIMIT 1`,
      );
      return found.length > 0;
    });
  } catch {
    return false;
  }
};
