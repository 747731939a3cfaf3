import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit.ts';
import { dushanbeDate } from '../../../platform/calendar/index.ts';
import { parseCsv } from '../../../platform/csv.ts';
import { type Db, rows } from '../../../platform/db.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import type { Localised } from '../../../platform/i18n.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import {
  type EntryKind,
  isCalendarDate,
  isEntryKind,
  type LedgerLine,
  type LedgerSummary,
  MAX_ENTRY_DIRAMS,
  parsePeriod,
  type ReconciliationAct,
  reconciliationAct,
  summarise,
  type Turnover,
} from '../domain/ledger.ts';
import type { LedgerErrorCode } from '../domain/ledger-errors.ts';
import type { RequestErrorCode } from '../domain/errors.ts';
import type { Channel } from '../domain/types.ts';
import type { TaxpayerRef } from '../infrastructure/ledger-documents.ts';
import { type IssuedDocumentKind, issuedDocuments, type LedgerEntryRow, type LedgerSource, ledgerEntries, taxTypes } from '../infrastructure/ledger.schema.ts';
import type { TaxServicesDeps } from './deps.ts';
import { type OpenedRequest, openRequest } from './requests.ts';
import { findByTin } from './taxpayers.ts';

/** An entry as an officer posts it (amount in dirams, positive; the kind gives the side). */
export type NewEntry = {
  readonly tin: string;
  readonly taxType: string;
  readonly kind: EntryKind;
  readonly period: string;
  readonly amount: number;
  readonly valueDate: string;
  readonly documentRef: string;
  readonly note?: string | null;
};

export type LedgerEntryView = Omit<LedgerEntryRow, 'postedAt' | 'batchId'> & { readonly postedAt: string; readonly reversedBy: string | null };

type LedgerFailure = Failure<LedgerErrorCode>;

/** Who asks for a service built on the ledger: a taxpayer from the cabinet, or an officer for an office, post or e-mail request. */
export type LedgerApplicant = {
  readonly tin: string;
  readonly channel: Channel;
  readonly name?: string | null;
  readonly email?: string | null;
  readonly phone?: string | null;
  readonly unitCode?: string;
};

/** Opens the request of a ledger service for a TIN (TS-26), with what it is about as its subject. */
export function openLedgerRequest(
  tx: Db,
  deps: TaxServicesDeps,
  actor: string,
  serviceKey: string,
  who: LedgerApplicant,
  extra: { readonly subject?: Record<string, unknown>; readonly period?: { readonly year: number; readonly month?: number } } = {},
): Promise<Result<OpenedRequest, Failure<RequestErrorCode>>> {
  return openRequest(tx, deps, actor, {
    serviceKey,
    channel: who.channel,
    applicant: { tin: who.tin, name: who.name ?? null, email: who.email ?? null, phone: who.phone ?? null },
    ...(who.unitCode ? { unitCode: who.unitCode } : {}),
    ...(extra.subject ? { subject: extra.subject } : {}),
    ...(extra.period ? { period: extra.period } : {}),
  });
}

/** The TIN and, when the taxpayer register knows it, the name printed on documents. */
export async function taxpayerRef(db: Db, tin: string): Promise<TaxpayerRef> {
  const row = await findByTin(db, tin);
  const name = row ? (row.organisationName ?? ([row.surname, row.givenName, row.patronymic].filter(Boolean).join(' ') || null)) : null;
  return { tin, name };
}

/** A date the caller gave: a real calendar date, not after today. */
export function checkPastDate(deps: Pick<TaxServicesDeps, 'clock'>, date: string, field: string): Failure<LedgerErrorCode> | null {
  if (!isCalendarDate(date)) return { code: 'LEDGER_DATE_INVALID', field };
  if (date > todayOf(deps)) return { code: 'DATE_IN_FUTURE', field };
  return null;
}

/** Dushanbe's date today. */
export const todayOf = (deps: Pick<TaxServicesDeps, 'clock'>) => dushanbeDate(deps.clock.now());

/** The tax types with their names, in their order. */
export async function listTaxTypes(db: Db): Promise<{ code: string; name: Localised }[]> {
  const found = await db.select().from(taxTypes).orderBy(asc(taxTypes.sort));
  return found.map((t) => ({ code: t.code, name: { tg: t.nameTg, ru: t.nameRu, en: t.nameEn } }));
}

export async function taxTypeNames(db: Db): Promise<Map<string, Localised>> {
  return new Map((await listTaxTypes(db)).map((t) => [t.code, t.name]));
}

/** Checks one entry against the reference data; the field names are those of the API body. */
function checkEntry(entry: NewEntry, known: ReadonlySet<string>): { code: LedgerErrorCode; field: string } | null {
  if (!known.has(entry.taxType)) return { code: 'TAX_TYPE_NOT_FOUND', field: 'taxType' };
  if (!parsePeriod(entry.period)) return { code: 'LEDGER_PERIOD_INVALID', field: 'period' };
  if (!isCalendarDate(entry.valueDate)) return { code: 'LEDGER_DATE_INVALID', field: 'valueDate' };
  return null;
}

const rowOf = (entry: NewEntry, at: Date, actor: string, source: LedgerSource, batchId: string | null) => ({
  id: uuidv7(at.getTime()),
  tin: entry.tin,
  taxType: entry.taxType,
  kind: entry.kind,
  period: entry.period,
  amount: entry.amount,
  valueDate: entry.valueDate,
  documentRef: entry.documentRef,
  note: entry.note ?? null,
  source,
  batchId,
  postedAt: at,
  postedBy: actor,
});

/** Rows per INSERT: PostgreSQL takes at most 65 535 parameters in one statement. */
const CHUNK = 500;

/** Appends entries as they are (checked by the caller); one audit record each. */
export async function appendEntries(tx: Db, at: Date, actor: string, source: LedgerSource, entries: readonly NewEntry[], batchId: string | null = null) {
  const all: LedgerEntryRow[] = [];
  for (let i = 0; i < entries.length; i += CHUNK) {
    const inserted = await tx
      .insert(ledgerEntries)
      .values(entries.slice(i, i + CHUNK).map((e) => rowOf(e, at, actor, source, batchId)))
      .returning();
    await appendAudit(
      tx,
      at,
      ...inserted.map((e) => ({
        actor,
        action: 'ledger.entry_posted',
        entity: 'tax_services.ledger_entry',
        entityId: e.id,
        after: { ...e, postedAt: at.toISOString() },
      })),
    );
    all.push(...inserted);
  }
  return all;
}

/** An officer posts one entry (charge, payment, refund, offset, interest, penalty, write-off). */
export async function postEntry(tx: Db, deps: TaxServicesDeps, actor: string, entry: NewEntry): Promise<Result<LedgerEntryView, LedgerFailure>> {
  const problem = checkEntry(entry, new Set((await listTaxTypes(tx)).map((t) => t.code)));
  if (problem) return fail(problem.code, `body.${problem.field}`);
  const [row] = await appendEntries(tx, deps.clock.now(), actor, 'officer', [entry]);
  return ok(viewOf(row as LedgerEntryRow, null));
}

/**
 * Corrects an entry the only way an append-only ledger allows: a reversal (storno) with the same
 * tax type, kind, period, amount and value date and the opposite effect. Posted once per entry;
 * a reversal is not reversed in its turn (the right entry is posted again instead).
 */
export async function reverseEntry(
  tx: Db,
  deps: TaxServicesDeps,
  actor: string,
  id: string,
  input: { readonly documentRef: string; readonly note?: string | null },
): Promise<Result<LedgerEntryView, LedgerFailure>> {
  const [original] = await tx.select().from(ledgerEntries).where(eq(ledgerEntries.id, id)).for('update');
  if (!original) return fail('LEDGER_ENTRY_NOT_FOUND');
  if (original.reverses) return fail('LEDGER_REVERSAL_NOT_REVERSIBLE');
  const [already] = await tx.select({ id: ledgerEntries.id }).from(ledgerEntries).where(eq(ledgerEntries.reverses, id));
  if (already) return fail('LEDGER_ENTRY_ALREADY_REVERSED', undefined, { reversedBy: already.id });
  const at = deps.clock.now();
  const [row] = await tx
    .insert(ledgerEntries)
    .values({ ...rowOf({ ...original, documentRef: input.documentRef, note: input.note ?? null }, at, actor, 'officer', null), reverses: original.id })
    .returning();
  await appendAudit(tx, at, { actor, action: 'ledger.entry_reversed', entity: 'tax_services.ledger_entry', entityId: original.id, after: { reversal: row } });
  return ok(viewOf(row as LedgerEntryRow, null));
}

/** The columns of an import file, in this order (docs/tax-services-ledger.md). */
export const IMPORT_COLUMNS = ['tin', 'tax_type', 'kind', 'period', 'amount_dirams', 'value_date', 'document_ref', 'note'] as const;
export const MAX_IMPORT_ROWS = 10_000;

type ImportError = { readonly row: number; readonly column: string; readonly code: string };

/** One CSV row as an entry, or what is wrong with it; `row` counts data rows from 1. */
function entryOfCsv(r: Record<string, string>, row: number, known: ReadonlySet<string>): NewEntry | ImportError {
  for (const column of IMPORT_COLUMNS.filter((c) => c !== 'note')) if (!r[column]?.trim()) return { row, column, code: 'REQUIRED' };
  const tin = (r.tin as string).trim();
  if (!/^\d{9}$/.test(tin)) return { row, column: 'tin', code: 'TIN_INVALID' };
  const kind = (r.kind as string).trim();
  if (!isEntryKind(kind)) return { row, column: 'kind', code: 'KIND_INVALID' };
  const amountText = (r.amount_dirams as string).trim();
  const amount = Number(amountText);
  if (!/^\d{1,16}$/.test(amountText) || amount < 1 || amount > MAX_ENTRY_DIRAMS) return { row, column: 'amount_dirams', code: 'AMOUNT_INVALID' };
  const documentRef = (r.document_ref as string).trim();
  if (documentRef.length > 100) return { row, column: 'document_ref', code: 'TOO_LONG' };
  const note = r.note?.trim() || null;
  if (note && note.length > 500) return { row, column: 'note', code: 'TOO_LONG' };
  const entry: NewEntry = {
    tin,
    taxType: (r.tax_type as string).trim(),
    kind,
    period: (r.period as string).trim(),
    amount,
    valueDate: (r.value_date as string).trim(),
    documentRef,
    note,
  };
  const problem = checkEntry(entry, known);
  if (problem) return { row, column: { taxType: 'tax_type', period: 'period', valueDate: 'value_date' }[problem.field] ?? problem.field, code: problem.code };
  return entry;
}

/**
 * Posts a CSV file of entries (a bank statement, a TIS export) all or nothing: one bad row and none
 * is posted, and the refusal lists every bad row with its column and reason (up to 100).
 */
export async function importEntries(
  tx: Db,
  deps: TaxServicesDeps,
  actor: string,
  csv: string,
): Promise<Result<{ batchId: string; posted: number }, LedgerFailure>> {
  let records: Record<string, string>[];
  try {
    records = parseCsv(csv);
  } catch {
    return fail('LEDGER_IMPORT_INVALID', 'body.csv', { errors: [{ row: 0, column: '', code: 'CSV_MALFORMED' }] });
  }
  if (records.length === 0) return fail('LEDGER_IMPORT_INVALID', 'body.csv', { errors: [{ row: 0, column: '', code: 'EMPTY' }] });
  if (records.length > MAX_IMPORT_ROWS)
    return fail('LEDGER_IMPORT_INVALID', 'body.csv', { errors: [{ row: 0, column: '', code: 'TOO_MANY_ROWS' }], maxRows: MAX_IMPORT_ROWS });
  const known = new Set((await listTaxTypes(tx)).map((t) => t.code));
  const entries: NewEntry[] = [];
  const errors: ImportError[] = [];
  records.forEach((r, i) => {
    const parsed = entryOfCsv(r, i + 1, known);
    if ('code' in parsed) errors.push(parsed);
    else entries.push(parsed);
  });
  if (errors.length > 0) return fail('LEDGER_IMPORT_INVALID', 'body.csv', { errors: errors.slice(0, 100), errorCount: errors.length });
  const batchId = uuidv7(deps.clock.now().getTime());
  await appendEntries(tx, deps.clock.now(), actor, 'import', entries, batchId);
  return ok({ batchId, posted: entries.length });
}

const DEBIT_SQL = sql.raw(`kind IN ('charge', 'interest', 'penalty', 'refund', 'offset_out')`);
const SIGNED_SQL = sql.raw(`CASE WHEN reverses IS NULL THEN amount ELSE -amount END`);

/** Debits and credits per tax type of a TIN's entries with value dates in [from, to] (either end open). */
export async function turnovers(db: Db, tin: string, range: { readonly from?: string; readonly to?: string; readonly before?: string }): Promise<Turnover[]> {
  const found = await rows<{ tax_type: string; debits: string; credits: string }>(
    db,
    sql`SELECT tax_type,
               coalesce(sum(CASE WHEN ${DEBIT_SQL} THEN ${SIGNED_SQL} ELSE 0 END), 0)::text AS debits,
               coalesce(sum(CASE WHEN ${DEBIT_SQL} THEN 0 ELSE ${SIGNED_SQL} END), 0)::text AS credits
        FROM tax_services.ledger_entries
        WHERE tin = ${tin}
          ${range.from ? sql`AND value_date >= ${range.from}` : sql``}
          ${range.to ? sql`AND value_date <= ${range.to}` : sql``}
          ${range.before ? sql`AND value_date < ${range.before}` : sql``}
        GROUP BY tax_type`,
  );
  return found.map((r) => ({ taxType: r.tax_type, debits: Number(r.debits), credits: Number(r.credits) }));
}

/** Where a taxpayer stands at the end of `asOf`: balances per tax type, their total, and the debts. */
export async function ledgerSummary(db: Db, tin: string, asOf: string): Promise<LedgerSummary> {
  return summarise(await turnovers(db, tin, { to: asOf }));
}

function viewOf(row: LedgerEntryRow, reversedBy: string | null): LedgerEntryView {
  const { postedAt, batchId: _batch, ...rest } = row;
  return { ...rest, postedAt: postedAt.toISOString(), reversedBy };
}

export type EntryFilter = { readonly from?: string; readonly to?: string; readonly taxType?: string; readonly limit?: number; readonly offset?: number };

/** A TIN's entries in value-date order, with the reversal that cancels each, if any. */
export async function listEntries(db: Db, tin: string, filter: EntryFilter = {}): Promise<LedgerEntryView[]> {
  const found = await db
    .select()
    .from(ledgerEntries)
    .where(
      and(
        eq(ledgerEntries.tin, tin),
        filter.from ? gte(ledgerEntries.valueDate, filter.from) : undefined,
        filter.to ? lte(ledgerEntries.valueDate, filter.to) : undefined,
        filter.taxType ? eq(ledgerEntries.taxType, filter.taxType) : undefined,
      ),
    )
    .orderBy(asc(ledgerEntries.valueDate), asc(ledgerEntries.seq))
    .limit(filter.limit ?? 200)
    .offset(filter.offset ?? 0);
  const reversals = new Map(found.filter((e) => e.reverses).map((e) => [e.reverses as string, e.id]));
  const missing = found.filter((e) => !e.reverses && !reversals.has(e.id)).map((e) => e.id);
  if (missing.length > 0) {
    const more = await rows<{ id: string; reverses: string }>(
      db,
      sql`SELECT id::text, reverses::text FROM tax_services.ledger_entries WHERE reverses IN (${sql.join(
        missing.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
    );
    for (const m of more) reversals.set(m.reverses, m.id);
  }
  return found.map((e) => viewOf(e, reversals.get(e.id) ?? null));
}

/** The reconciliation act of a TIN for [from, to] (06.06.04). */
export async function loadAct(db: Db, tin: string, from: string, to: string): Promise<ReconciliationAct> {
  const opening = await turnovers(db, tin, { before: from });
  const inPeriod = await db
    .select()
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.tin, tin), gte(ledgerEntries.valueDate, from), lte(ledgerEntries.valueDate, to)))
    .orderBy(asc(ledgerEntries.valueDate), asc(ledgerEntries.seq));
  const lines: LedgerLine[] = inPeriod.map((e) => ({
    seq: e.seq,
    taxType: e.taxType,
    kind: e.kind,
    period: e.period,
    amount: e.amount,
    valueDate: e.valueDate,
    documentRef: e.documentRef,
    reverses: e.reverses,
  }));
  return reconciliationAct(opening, lines, from, to);
}

/** Records a document issued as a request's result, so that it can be checked publicly. */
export async function registerDocument(
  tx: Db,
  doc: {
    readonly number: string;
    readonly kind: IssuedDocumentKind;
    readonly tin: string;
    readonly requestId: string;
    readonly resultId: string;
    readonly sha256: string;
    readonly asOf?: string;
    readonly periodFrom?: string;
    readonly periodTo?: string;
    readonly issuedAt: Date;
  },
): Promise<void> {
  await tx.insert(issuedDocuments).values({ ...doc, asOf: doc.asOf ?? null, periodFrom: doc.periodFrom ?? null, periodTo: doc.periodTo ?? null });
}

export type DocumentCheck =
  | { readonly isValid: false }
  | {
      readonly isValid: true;
      readonly number: string;
      readonly kind: IssuedDocumentKind;
      readonly tin: string;
      readonly issuedAt: string;
      readonly asOf: string | null;
      readonly periodFrom: string | null;
      readonly periodTo: string | null;
    };

/**
 * The public check of a document issued from the ledger: valid only when the number exists and the
 * SHA-256 of the file matches, so a guessed number alone reveals nothing (TS-52).
 */
export async function verifyDocument(db: Db, number: string, sha256: string): Promise<DocumentCheck> {
  const [doc] = await db.select().from(issuedDocuments).where(eq(issuedDocuments.number, number));
  if (!doc || doc.sha256 !== sha256.toLowerCase()) return { isValid: false };
  return {
    isValid: true,
    number: doc.number,
    kind: doc.kind,
    tin: doc.tin,
    issuedAt: doc.issuedAt.toISOString(),
    asOf: doc.asOf,
    periodFrom: doc.periodFrom,
    periodTo: doc.periodTo,
  };
}
