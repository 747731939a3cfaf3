/**
 * The intake's write in one statement (data-modifying CTEs): new keys are inserted (a key already
 * stored is skipped), the documents of exactly those keys are inserted, each module's state is
 * moved on by what was inserted, and the statement returns the inserted keys, the modules' state
 * before the batch and the stored neighbours of the batch for the chain check. One round trip per
 * batch whatever its size (bench/intake).
 */
export const STORE_BATCH = `
WITH x AS (
  SELECT * FROM json_to_recordset($1::json) AS x(fm text, number int8, "docType" text, "registerId" uuid, "businessTin" text, "contentHash" text, "fiscalSign" text,
    "prevFiscalSign" text, total int8, cash int8, "nonCash" int8, "taxTotal" int8, "shiftNumber" int4, "issuedAt" timestamptz, operation text, "isOffline" bool,
    "offlineSince" timestamptz, "refundOfModule" text, "refundOfNumber" int8, ack text, body text)
),
ins AS (
  INSERT INTO fiscal.document_keys (fiscal_module_number, number, doc_type, register_id, content_hash, fiscal_sign, prev_fiscal_sign, total, issued_at, received_at, ack)
  SELECT fm, number, "docType", "registerId", "contentHash", "fiscalSign", "prevFiscalSign", total, "issuedAt", $2::timestamptz, ack FROM x
  ON CONFLICT DO NOTHING
  RETURNING fiscal_module_number AS fm, number
),
docs AS (
  INSERT INTO fiscal.documents (received_at, fiscal_module_number, number, doc_type, register_id, business_tin, shift_number, issued_at, operation, total, cash, non_cash,
                                tax_total, is_offline, offline_since, fiscal_sign, refund_of_module, refund_of_number, body)
  SELECT $2::timestamptz, x.fm, x.number, x."docType", x."registerId", x."businessTin", x."shiftNumber", x."issuedAt", x.operation, x.total, x.cash, x."nonCash",
         x."taxTotal", x."isOffline", x."offlineSince", x."fiscalSign", x."refundOfModule", x."refundOfNumber", x.body
    FROM x JOIN ins ON ins.fm = x.fm AND ins.number = x.number
  RETURNING 1
),
per AS (
  SELECT DISTINCT ON (x.fm) x.fm, x."registerId", x.number AS top, x."isOffline", x."offlineSince", x."issuedAt", count(*) OVER (PARTITION BY x.fm) AS n
    FROM x JOIN ins ON ins.fm = x.fm AND ins.number = x.number
   ORDER BY x.fm, x.number DESC
),
old AS (
  SELECT s.fiscal_module_number AS fm, s.max_number, s.received_count FROM fiscal.module_state s WHERE s.fiscal_module_number IN (SELECT fm FROM x)
),
up AS (
  INSERT INTO fiscal.module_state (fiscal_module_number, register_id, max_number, received_count, last_received_at, last_issued_at, offline_since, updated_at)
  SELECT fm, "registerId", top, n, $2::timestamptz, "issuedAt", CASE WHEN "isOffline" THEN "offlineSince" END, $2::timestamptz FROM per
  ON CONFLICT (fiscal_module_number) DO UPDATE SET
    register_id = EXCLUDED.register_id,
    max_number = GREATEST(fiscal.module_state.max_number, EXCLUDED.max_number),
    received_count = fiscal.module_state.received_count + EXCLUDED.received_count,
    last_received_at = EXCLUDED.last_received_at,
    last_issued_at = GREATEST(fiscal.module_state.last_issued_at, EXCLUDED.last_issued_at),
    offline_since = CASE WHEN EXCLUDED.max_number >= fiscal.module_state.max_number THEN EXCLUDED.offline_since ELSE fiscal.module_state.offline_since END,
    updated_at = EXCLUDED.updated_at
  RETURNING 1
),
nb AS (
  SELECT k.fiscal_module_number AS fm, k.number, k.fiscal_sign, k.prev_fiscal_sign
    FROM jsonb_to_recordset($3::jsonb) AS y(fm text, number int8)
    JOIN fiscal.document_keys k ON k.fiscal_module_number = y.fm AND k.number = y.number
)
SELECT 'ins' AS kind, fm, number::text AS number, NULL::text AS max_number, NULL::text AS received_count, NULL::text AS fiscal_sign, NULL::text AS prev_fiscal_sign FROM ins
UNION ALL SELECT 'old', fm, NULL, max_number::text, received_count::text, NULL, NULL FROM old
UNION ALL SELECT 'nb', fm, number::text, NULL, NULL, fiscal_sign, prev_fiscal_sign FROM nb
UNION ALL SELECT 'count', NULL, ((SELECT count(*) FROM docs) + (SELECT count(*) FROM up))::text, NULL, NULL, NULL, NULL`;

export type StoreRow = {
  kind: 'ins' | 'old' | 'nb' | 'count';
  fm: string | null;
  number: string | null;
  max_number: string | null;
  received_count: string | null;
  fiscal_sign: string | null;
  prev_fiscal_sign: string | null;
};
