/**
 * The officer's window on a register's fiscal data (src/contexts/fiscal/infrastructure/intake.routes.ts).
 * openapi.json gives `integrity` and `documents` no response schema, so types.gen.ts has `unknown`
 * for them: the shapes below are read from application/register-documents.ts and are the only
 * hand-written response types of the client. When the routes get response schemas, replace them
 * with the generated ones.
 */
import { api, queryString } from './client.ts';

export const ALERT_KINDS = [
  'GAP',
  'CHAIN_BREAK',
  'NUMBER_REUSED',
  'OFFLINE_LATE',
  'PROHIBITED_USE',
  'FORGED_FISCAL_SIGN',
  'FORGED_DOCUMENT',
  'Z_MISMATCH',
  'Z_REPORT_MISSING',
  'SHIFT_TOO_LONG',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
export const isAlertKind = (k: string): k is AlertKind => (ALERT_KINDS as readonly string[]).includes(k);

export type FiscalAlert = {
  readonly id: string;
  readonly kind: string;
  readonly number: number | null;
  /** Per kind: GAP {missingFrom, missingTo}, CHAIN_BREAK {at, expectedPrev, got}, Z_MISMATCH {shiftNumber, differences}… */
  readonly detail: Record<string, unknown> | null;
  readonly raisedAt: string;
  readonly resolvedAt: string | null;
};

export type ShiftState = {
  readonly shiftNumber: number;
  readonly openedAt: string;
  readonly closedAt: string | null;
  /** Z-report against the receipts of the shift; null while the shift is open. */
  readonly reconciliation: 'match' | 'mismatch' | null;
  readonly differences: readonly string[];
};

export type RegisterIntegrity = {
  readonly fiscalModuleNumber: string;
  readonly maxNumber: number;
  readonly receivedCount: number;
  readonly lastReceivedAt: string | null;
  readonly offlineSince: string | null;
  readonly gaps: readonly { readonly from: number; readonly to: number }[];
  readonly shifts: readonly ShiftState[];
  readonly alerts: readonly FiscalAlert[];
};

export type DocType = 'receipt' | 'shift_open' | 'z_report';

/** One document as the list gives it; money in dirams. */
export type RegisterDocument = {
  readonly fiscalModuleNumber: string;
  readonly number: number;
  readonly docType: DocType | string;
  readonly operation: 'sale' | 'refund' | null;
  readonly shiftNumber: number;
  readonly issuedAt: string;
  readonly receivedAt: string;
  readonly total: number;
  readonly cash: number;
  readonly nonCash: number;
  readonly taxTotal: number;
  readonly isOffline: boolean;
  readonly fiscalSign: string;
};

export type DocumentsPage = { readonly items: readonly RegisterDocument[]; readonly next: string | null };

/** A period of days in Dushanbe, both included. */
export type Period = { readonly from: string; readonly to: string };

export const getIntegrity = (id: string) => api('GET /api/fiscal/registers/{id}/integrity', { params: { id } }) as Promise<RegisterIntegrity>;

export const listDocuments = (id: string, period: Period, after: string | undefined, limit: number) =>
  api('GET /api/fiscal/registers/{id}/documents', { params: { id }, query: { ...period, after, limit } }) as Promise<DocumentsPage>;

/** A plain link: the browser downloads the streamed file with the session cookie. */
export const exportHref = (id: string, period: Period, format: 'csv' | 'jsonl') =>
  `/api/fiscal/registers/${encodeURIComponent(id)}/export${queryString({ ...period, format })}`;
