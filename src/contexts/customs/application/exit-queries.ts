/**
 * Reading the border office's exit data (CUS-DEC-29): the exits that may be of a declaration's
 * goods, the cases of the Code in force, and the officers' listing.
 */
import { and, desc, eq, gte, inArray, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { IsoDate } from '../../../platform/calendar/index.ts';
import type { Db } from '../../../platform/db.ts';
import { fail, ok, type Failure, type Result } from '../../../platform/result.ts';
import type { DeclarationData } from '../domain/declaration.ts';
import { type ExitException, type ExitFacts, normalised } from '../domain/exit.ts';
import type { ExitErrorCode } from '../domain/exit-errors.ts';
import { type ExitRecordRow, exitFilingExceptions, exitRecords } from '../infrastructure/exit-statistics.schema.ts';
import type { CustomsDeps } from './deps.ts';

/** Rows with a `valid_from` / `valid_to` history in force on a day. */
export const inForceOn = (table: { validFrom: unknown; validTo: unknown }, day: IsoDate): SQL => {
  const t = table as { validFrom: never; validTo: never };
  return and(lte(t.validFrom, day), or(isNull(t.validTo), gte(t.validTo, day))) as SQL;
};

export const exitFacts = (r: ExitRecordRow): ExitFacts => ({
  exitedAt: r.exitedAt,
  vehicles: r.vehicles,
  declarationNumber: r.declarationNumber,
  transportDocument: r.transportDocumentType && r.transportDocumentNumber ? { typeCode: r.transportDocumentType, number: r.transportDocumentNumber } : null,
  exporterCode: r.exporterCode,
  commodityCodes: r.commodityCodes,
});

/**
 * The recorded exits that could be of these goods (by the declaration's number, one of its
 * documents' numbers, or its exporter); the domain's `exitMatches` decides which are.
 */
export async function exitsFor(tx: Db, data: DeclarationData, number: string | null): Promise<ExitFacts[]> {
  const documents = [...new Set(data.documents.map((d) => normalised(d.number)))];
  const exporters = [...new Set([data.declarantCode, ...(data.consignor.tin ? [data.consignor.tin] : [])])];
  const found = await tx
    .select()
    .from(exitRecords)
    .where(
      or(
        number === null ? undefined : eq(exitRecords.declarationNumber, number),
        documents.length === 0 ? undefined : inArray(sql`upper(replace(${exitRecords.transportDocumentNumber}, ' ', ''))`, documents),
        inArray(exitRecords.exporterCode, exporters),
      ),
    )
    .limit(500);
  return found.map(exitFacts);
}

/** The cases of art.129 p.3 in force on a day. */
export async function exitExceptionsOn(db: Db, day: IsoDate): Promise<(ExitException & { nameTg: string; nameRu: string; nameEn: string })[]> {
  const found = await db.select().from(exitFilingExceptions).where(inForceOn(exitFilingExceptions, day)).orderBy(exitFilingExceptions.code);
  return found.map((e) => ({
    code: e.code,
    form: e.form,
    transportMode: e.transportMode,
    needsUndertaking: e.needsUndertaking,
    legalBasis: e.legalBasis,
    nameTg: e.nameTg,
    nameRu: e.nameRu,
    nameEn: e.nameEn,
  }));
}

export type ExitListQuery = {
  readonly officeCode?: string;
  readonly declarationNumber?: string;
  readonly transportDocumentNumber?: string;
  readonly exporterCode?: string;
  readonly from?: string;
  readonly to?: string;
  readonly limit?: number;
  readonly offset?: number;
};

/** The officers' listing, newest exit first. */
export async function listExits(deps: CustomsDeps, q: ExitListQuery): Promise<ExitRecordRow[]> {
  const t = exitRecords;
  return deps.database.db
    .select()
    .from(t)
    .where(
      and(
        q.officeCode ? eq(t.officeCode, q.officeCode) : undefined,
        q.declarationNumber ? eq(t.declarationNumber, q.declarationNumber) : undefined,
        q.transportDocumentNumber ? eq(sql`upper(replace(${t.transportDocumentNumber}, ' ', ''))`, normalised(q.transportDocumentNumber)) : undefined,
        q.exporterCode ? eq(t.exporterCode, q.exporterCode) : undefined,
        q.from ? gte(t.exitedAt, new Date(q.from)) : undefined,
        q.to ? lte(t.exitedAt, new Date(q.to)) : undefined,
      ),
    )
    .orderBy(desc(t.exitedAt), desc(t.id))
    .limit(q.limit ?? 50)
    .offset(q.offset ?? 0);
}

export async function getExit(deps: CustomsDeps, id: string): Promise<Result<ExitRecordRow, Failure<ExitErrorCode>>> {
  const [row] = await deps.database.db.select().from(exitRecords).where(eq(exitRecords.id, id));
  return row ? ok(row) : fail('EXIT_RECORD_NOT_FOUND', 'params.id');
}
