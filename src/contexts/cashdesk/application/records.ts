/** Reads of the register's copies of its documents, shared by the reports, refunds and prints. */
import { and, asc, eq, gte, lt } from 'drizzle-orm';
import type { Db } from '../../../platform/db.ts';
import type { Receipt } from '../../fiscal/index.ts';
import { documents } from '../infrastructure/schema.ts';

export type DocumentRow = typeof documents.$inferSelect;

/** The receipts of one shift, in the order the module numbered them. */
export async function receiptsOfShift(db: Db, registerId: string, shiftNumber: number): Promise<Receipt[]> {
  const rows = await db
    .select({ body: documents.body })
    .from(documents)
    .where(and(eq(documents.registerId, registerId), eq(documents.shiftNumber, shiftNumber), eq(documents.docType, 'receipt')))
    .orderBy(asc(documents.number));
  return rows.map((r) => r.body as Receipt);
}

/** The receipts issued in [from, to), oldest first. */
export async function receiptsBetween(db: Db, registerId: string, from: Date, to: Date): Promise<Receipt[]> {
  const rows = await db
    .select({ body: documents.body })
    .from(documents)
    .where(and(eq(documents.registerId, registerId), eq(documents.docType, 'receipt'), gte(documents.issuedAt, from), lt(documents.issuedAt, to)))
    .orderBy(asc(documents.issuedAt), asc(documents.number));
  return rows.map((r) => r.body as Receipt);
}

/** One receipt of the register by its document number. */
export async function receiptRow(db: Db, fiscalModuleNumber: string, number: number): Promise<DocumentRow | undefined> {
  const [row] = await db
    .select()
    .from(documents)
    .where(and(eq(documents.fiscalModuleNumber, fiscalModuleNumber), eq(documents.number, number), eq(documents.docType, 'receipt')));
  return row;
}

/** The refund receipts issued against one sale (section 6: each refund counts against what was sold). */
export async function refundsOf(db: Db, fiscalModuleNumber: string, number: number): Promise<Receipt[]> {
  const rows = await db
    .select({ body: documents.body })
    .from(documents)
    .where(and(eq(documents.fiscalModuleNumber, fiscalModuleNumber), eq(documents.refundOfNumber, number)))
    .orderBy(asc(documents.number));
  return rows.map((r) => r.body as Receipt);
}
