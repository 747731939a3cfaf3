/** Reads shared by the processing-permit use cases. */
import { desc, lte, sql } from 'drizzle-orm';
import { dushanbeDate } from '../../../platform/calendar/index.ts';
import { type Db, rows } from '../../../platform/db.ts';
import { processingPermitParameters } from '../infrastructure/regime.schema.ts';

/** AMB-18, CUS-REG-06: the working days of extension the law on the permit system allows on the day of `at`; 0 when no parameter is in force. */
export async function extensionAllowance(db: Db, at: Date): Promise<number> {
  const [row] = await db
    .select({ days: processingPermitParameters.extensionWorkingDays })
    .from(processingPermitParameters)
    .where(lte(processingPermitParameters.validFrom, dushanbeDate(at)))
    .orderBy(desc(processingPermitParameters.validFrom))
    .limit(1);
  return row?.days ?? 0;
}

/** The next number of a sequence of this slice, as `PREFIX-YYYY-000001`. */
export async function nextPermitNumber(db: Db, sequence: 'processing_application_seq' | 'processing_permit_seq', prefix: string, at: Date): Promise<string> {
  const [row] = await rows<{ n: string }>(db, sql`SELECT nextval(${`customs.${sequence}`}::regclass)::text AS n`);
  return `${prefix}-${dushanbeDate(at).slice(0, 4)}-${(row?.n ?? '0').padStart(6, '0')}`;
}
