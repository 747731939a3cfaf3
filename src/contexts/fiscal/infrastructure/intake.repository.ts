import type { RawQuery } from '../../../platform/db.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import type { ReceiptLine } from '../../../platform/fiscal-document.ts';

/**
 * Set-based SQL of the intake's flush: every statement handles the whole batch with array
 * parameters, so a flush of a thousand documents is a dozen round trips (bench/intake).
 */
export type Key = { readonly fm: string; readonly number: number };
const fms = (keys: readonly Key[]) => keys.map((k) => k.fm);
const nums = (keys: readonly Key[]) => keys.map((k) => k.number);
/** Rows go to PostgreSQL as one JSON document read with jsonb_to_recordset: one parameter, parsed in C. */
const keysJson = (keys: readonly Key[]) => JSON.stringify(keys.map((k) => ({ fm: k.fm, number: k.number })));

export async function existingKeys(q: RawQuery, keys: readonly Key[]) {
  if (keys.length === 0) return [];
  const rows = await q<{ fm: string; number: string | number; content_hash: string; ack: string }>(
    `SELECT k.fiscal_module_number AS fm, k.number, k.content_hash, k.ack
       FROM jsonb_to_recordset($1::jsonb) AS x(fm text, number int8)
       JOIN fiscal.document_keys k ON k.fiscal_module_number = x.fm AND k.number = x.number`,
    [keysJson(keys)],
  );
  return rows.map((r) => ({ ...r, number: Number(r.number) }));
}

export type StoredOriginal = {
  readonly fm: string;
  readonly number: number;
  readonly docType: string;
  readonly operation: 'sale' | 'refund';
  readonly fiscalSign: string;
  readonly total: number;
  readonly lines: readonly ReceiptLine[];
};

/** The originals refunds refer to, with their lines. */
export async function loadOriginals(q: RawQuery, keys: readonly Key[]): Promise<StoredOriginal[]> {
  if (keys.length === 0) return [];
  const rows = await q<{
    fm: string;
    number: string | number;
    doc_type: string;
    operation: string;
    fiscal_sign: string;
    total: string | number;
    lines: unknown;
  }>(
    `SELECT d.fiscal_module_number AS fm, d.number, d.doc_type, d.operation, d.fiscal_sign, d.total, (d.body::jsonb)->'lines' AS lines
       FROM unnest($1::text[], $2::int8[]) AS x(fm, number)
       JOIN fiscal.document_keys k ON k.fiscal_module_number = x.fm AND k.number = x.number
       JOIN fiscal.documents d ON d.fiscal_module_number = k.fiscal_module_number AND d.number = k.number AND d.received_at = k.received_at`,
    [fms(keys), nums(keys)],
  );
  return rows.map((r) => ({
    fm: r.fm,
    number: Number(r.number),
    docType: r.doc_type,
    operation: r.operation as 'sale' | 'refund',
    fiscalSign: r.fiscal_sign,
    total: Number(r.total),
    lines: (typeof r.lines === 'string' ? JSON.parse(r.lines) : r.lines) as ReceiptLine[],
  }));
}

/** What has been refunded of the given originals, locked until the flush commits. */
export async function lockRefunded(q: RawQuery, keys: readonly Key[]) {
  if (keys.length === 0) return [];
  const rows = await q<{ fm: string; number: string | number; line_no: number; quantity: string | number; amount: string | number }>(
    `SELECT r.fiscal_module_number AS fm, r.number, r.line_no, r.quantity, r.amount
       FROM fiscal.refunded_lines r JOIN unnest($1::text[], $2::int8[]) AS x(fm, number)
         ON r.fiscal_module_number = x.fm AND r.number = x.number
      ORDER BY r.fiscal_module_number, r.number, r.line_no FOR UPDATE OF r`,
    [fms(keys), nums(keys)],
  );
  return rows.map((r) => ({ fm: r.fm, number: Number(r.number), lineNo: Number(r.line_no), quantity: Number(r.quantity), amount: Number(r.amount) }));
}

export async function addRefunded(
  q: RawQuery,
  rows: readonly { fm: string; number: number; lineNo: number; quantity: number; amount: number }[],
): Promise<void> {
  if (rows.length === 0) return;
  await q(
    `INSERT INTO fiscal.refunded_lines (fiscal_module_number, number, line_no, quantity, amount)
     SELECT * FROM unnest($1::text[], $2::int8[], $3::int4[], $4::int8[], $5::int8[])
     ON CONFLICT (fiscal_module_number, number, line_no)
     DO UPDATE SET quantity = fiscal.refunded_lines.quantity + EXCLUDED.quantity, amount = fiscal.refunded_lines.amount + EXCLUDED.amount`,
    [rows.map((r) => r.fm), rows.map((r) => r.number), rows.map((r) => r.lineNo), rows.map((r) => r.quantity), rows.map((r) => r.amount)],
  );
}

export type KeyRow = Key & {
  readonly docType: string;
  readonly registerId: string;
  readonly contentHash: string;
  readonly fiscalSign: string;
  readonly prevFiscalSign: string;
  readonly total: number;
  readonly issuedAt: string;
  readonly receivedAt: string;
  readonly ack: string;
};

/** Inserts the keys; returns the ones this transaction inserted (a racing writer's are left out). */
export async function insertKeys(q: RawQuery, rows: readonly KeyRow[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const inserted = await q<{ fm: string; number: string | number }>(
    `INSERT INTO fiscal.document_keys (fiscal_module_number, number, doc_type, register_id, content_hash, fiscal_sign, prev_fiscal_sign, total, issued_at, received_at, ack)
     SELECT fm, number, "docType", "registerId", "contentHash", "fiscalSign", "prevFiscalSign", total, "issuedAt", "receivedAt", ack
       FROM jsonb_to_recordset($1::jsonb) AS x(fm text, number int8, "docType" text, "registerId" uuid, "contentHash" text, "fiscalSign" text, "prevFiscalSign" text,
                                                total int8, "issuedAt" timestamptz, "receivedAt" timestamptz, ack text)
     ON CONFLICT DO NOTHING
     RETURNING fiscal_module_number AS fm, number`,
    [JSON.stringify(rows)],
  );
  return new Set(inserted.map((r) => `${r.fm}#${Number(r.number)}`));
}

export type DocumentRow = Key & {
  readonly receivedAt: string;
  readonly docType: string;
  readonly registerId: string;
  readonly businessTin: string;
  readonly shiftNumber: number;
  readonly issuedAt: string;
  readonly operation: string | null;
  readonly total: number;
  readonly cash: number;
  readonly nonCash: number;
  readonly taxTotal: number;
  readonly isOffline: boolean;
  readonly offlineSince: string | null;
  readonly fiscalSign: string;
  readonly refundOfModule: string | null;
  readonly refundOfNumber: number | null;
  readonly body: string;
};

export async function insertDocuments(q: RawQuery, rows: readonly DocumentRow[]): Promise<void> {
  if (rows.length === 0) return;
  // The body goes in as the JSON text the module sent, spliced in without parsing it again.
  const json = `[${rows.map(({ body, ...r }) => `${JSON.stringify(r).slice(0, -1)},"body":${body}}`).join(',')}]`;
  await q(
    `INSERT INTO fiscal.documents (received_at, fiscal_module_number, number, doc_type, register_id, business_tin, shift_number, issued_at, operation, total, cash, non_cash,
                                   tax_total, is_offline, offline_since, fiscal_sign, refund_of_module, refund_of_number, body)
     SELECT "receivedAt", fm, number, "docType", "registerId", "businessTin", "shiftNumber", "issuedAt", operation, total, cash, "nonCash",
            "taxTotal", "isOffline", "offlineSince", "fiscalSign", "refundOfModule", "refundOfNumber", body
       FROM json_to_recordset($1::json) AS x("receivedAt" timestamptz, fm text, number int8, "docType" text, "registerId" uuid, "businessTin" text, "shiftNumber" int4,
            "issuedAt" timestamptz, operation text, total int8, cash int8, "nonCash" int8, "taxTotal" int8, "isOffline" bool, "offlineSince" timestamptz, "fiscalSign" text,
            "refundOfModule" text, "refundOfNumber" int8, body text)`,
    [json],
  );
}

/** The fiscal signs (and links) of documents next to the new ones, for the chain check. */
export async function neighbourSigns(q: RawQuery, keys: readonly Key[]) {
  if (keys.length === 0) return new Map<string, { fiscalSign: string; prevFiscalSign: string }>();
  const rows = await q<{ fm: string; number: string | number; fiscal_sign: string; prev_fiscal_sign: string }>(
    `SELECT k.fiscal_module_number AS fm, k.number, k.fiscal_sign, k.prev_fiscal_sign
       FROM jsonb_to_recordset($1::jsonb) AS x(fm text, number int8)
       JOIN fiscal.document_keys k ON k.fiscal_module_number = x.fm AND k.number = x.number`,
    [keysJson(keys)],
  );
  return new Map(rows.map((r) => [`${r.fm}#${Number(r.number)}`, { fiscalSign: r.fiscal_sign, prevFiscalSign: r.prev_fiscal_sign }]));
}

export type ModuleState = {
  readonly fm: string;
  readonly registerId: string;
  readonly maxNumber: number;
  readonly receivedCount: number;
  readonly offlineSince: string | null;
};

/** Locks the state rows of the modules in the batch (in a fixed order, so flushes never deadlock). */
export async function lockModuleStates(q: RawQuery, modules: readonly string[]): Promise<Map<string, ModuleState>> {
  const rows = await q<{ fm: string; register_id: string; max_number: string | number; received_count: string | number; offline_since: string | Date | null }>(
    `SELECT fiscal_module_number AS fm, register_id, max_number, received_count, offline_since::text AS offline_since
       FROM fiscal.module_state WHERE fiscal_module_number = ANY($1::text[]) ORDER BY fiscal_module_number FOR UPDATE`,
    [[...modules].sort()],
  );
  return new Map(
    rows.map((r) => [
      r.fm,
      {
        fm: r.fm,
        registerId: r.register_id,
        maxNumber: Number(r.max_number),
        receivedCount: Number(r.received_count),
        offlineSince: r.offline_since ? String(r.offline_since) : null,
      },
    ]),
  );
}

export async function saveModuleStates(
  q: RawQuery,
  rows: readonly (ModuleState & { readonly lastReceivedAt: string; readonly lastIssuedAt: string })[],
): Promise<void> {
  if (rows.length === 0) return;
  await q(
    `INSERT INTO fiscal.module_state (fiscal_module_number, register_id, max_number, received_count, last_received_at, last_issued_at, offline_since, updated_at)
     SELECT fm, "registerId", "maxNumber", "receivedCount", "lastReceivedAt", "lastIssuedAt", "offlineSince", "lastReceivedAt"
       FROM jsonb_to_recordset($1::jsonb) AS x(fm text, "registerId" uuid, "maxNumber" int8, "receivedCount" int8, "lastReceivedAt" timestamptz, "lastIssuedAt" timestamptz,
                                                "offlineSince" timestamptz)
     ON CONFLICT (fiscal_module_number) DO UPDATE SET register_id = EXCLUDED.register_id, max_number = EXCLUDED.max_number, received_count = EXCLUDED.received_count,
       last_received_at = EXCLUDED.last_received_at, last_issued_at = GREATEST(fiscal.module_state.last_issued_at, EXCLUDED.last_issued_at),
       offline_since = EXCLUDED.offline_since, updated_at = EXCLUDED.updated_at`,
    [JSON.stringify(rows)],
  );
}

export type NewAlert = {
  readonly kind: string;
  readonly fm: string;
  readonly registerId: string | null;
  readonly businessTin: string | null;
  readonly inspectorateCode: string | null;
  readonly number: number | null;
  readonly detail: Record<string, unknown>;
};

/** Raises alerts; `onceOpen` kinds are raised only when no alert of that kind is open for the module. */
export async function raiseAlerts(q: RawQuery, at: string, alerts: readonly NewAlert[], onceOpen: ReadonlySet<string>): Promise<NewAlert[]> {
  if (alerts.length === 0) return [];
  const once = alerts.filter((a) => onceOpen.has(a.kind));
  let open = new Set<string>();
  if (once.length > 0) {
    const rows = await q<{ kind: string; fm: string }>(
      `SELECT DISTINCT kind, fiscal_module_number AS fm FROM fiscal.alerts WHERE resolved_at IS NULL AND fiscal_module_number = ANY($1::text[]) AND kind = ANY($2::text[])`,
      [[...new Set(once.map((a) => a.fm))], [...new Set(once.map((a) => a.kind))]],
    );
    open = new Set(rows.map((r) => `${r.kind}|${r.fm}`));
  }
  const seen = new Set<string>();
  const fresh = alerts.filter((a) => {
    if (!onceOpen.has(a.kind)) return true;
    const key = `${a.kind}|${a.fm}`;
    if (open.has(key) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (fresh.length === 0) return [];
  await q(
    `INSERT INTO fiscal.alerts (id, kind, fiscal_module_number, register_id, business_tin, inspectorate_code, number, detail, raised_at)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::text[], $6::text[], $7::int8[], $8::jsonb[], $9::timestamptz[])`,
    [
      fresh.map(() => uuidv7()),
      fresh.map((a) => a.kind),
      fresh.map((a) => a.fm),
      fresh.map((a) => a.registerId),
      fresh.map((a) => a.businessTin),
      fresh.map((a) => a.inspectorateCode),
      fresh.map((a) => a.number),
      fresh.map((a) => JSON.stringify(a.detail)),
      fresh.map(() => at),
    ],
  );
  return fresh;
}

export async function resolveAlerts(q: RawQuery, kind: string, modules: readonly string[], at: string): Promise<void> {
  if (modules.length === 0) return;
  await q(`UPDATE fiscal.alerts SET resolved_at = $3 WHERE kind = $1 AND fiscal_module_number = ANY($2::text[]) AND resolved_at IS NULL`, [kind, modules, at]);
}
