/**
 * The tax account as the cabinet shows it (docs/tax-services-ledger.md): the entry kinds and their
 * side, and the types of the ledger routes.
 */
import type { Operations } from '../../../api/types.gen.ts';

export type LedgerSummary = Operations['GET /api/tax-services/ledger']['response'];
export type LedgerEntry = Operations['GET /api/tax-services/ledger/entries']['response'][number];
export type LedgerOutcome = Operations['POST /api/tax-services/ledger/no-debt-certificates']['response'];

/** Debits raise what is owed, credits lower it (domain/ledger.ts). */
export const ENTRY_KINDS = ['charge', 'interest', 'penalty', 'refund', 'offset_out', 'payment', 'offset', 'write_off'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];
export const isEntryKind = (v: unknown): v is EntryKind => typeof v === 'string' && (ENTRY_KINDS as readonly string[]).includes(v);
const DEBITS: ReadonlySet<string> = new Set(['charge', 'interest', 'penalty', 'refund', 'offset_out']);
export const isDebit = (kind: string): boolean => DEBITS.has(kind);

/**
 * An entry's signed effect in its column: a reversal (storno) counts negative in the column of the
 * entry it cancels, so the sums of the columns stay the balances.
 */
export function columnsOf(e: Pick<LedgerEntry, 'kind' | 'amount' | 'reverses'>): { debit: number | null; credit: number | null } {
  const signed = e.reverses ? -e.amount : e.amount;
  return isDebit(e.kind) ? { debit: signed, credit: null } : { debit: null, credit: signed };
}

/** The first day of the year of a date, for the default period of an act. */
export const startOfYear = (date: string): string => `${date.slice(0, 4)}-01-01`;
