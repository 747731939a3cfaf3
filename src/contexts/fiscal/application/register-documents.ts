import type { AccountPrincipal } from '../../../platform/auth.ts';
import { toCsv } from '../../../platform/csv.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { FiscalDeps } from './deps.ts';
import { getRegister } from './register-queries.ts';

/** A tax officer's window on one register's fiscal data (issue #3): documents, gaps, shifts, alerts. */
export type Period = { readonly from: string; readonly to: string };

type DocRow = {
  fiscal_module_number: string;
  number: string | number;
  doc_type: string;
  operation: string | null;
  shift_number: number;
  issued_at: string;
  received_at: string;
  total: string | number;
  cash: string | number;
  non_cash: string | number;
  tax_total: string | number;
  is_offline: boolean;
  fiscal_sign: string;
};

const DOC_COLUMNS = `fiscal_module_number, number, doc_type, operation, shift_number, issued_at::text AS issued_at, received_at::text AS received_at,
  total, cash, non_cash, tax_total, is_offline, fiscal_sign`;

const iso = (pg: string) => new Date(pg.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00')).toISOString();
const toDoc = (r: DocRow) => ({
  fiscalModuleNumber: r.fiscal_module_number,
  number: Number(r.number),
  docType: r.doc_type,
  operation: r.operation,
  shiftNumber: Number(r.shift_number),
  issuedAt: iso(r.issued_at),
  receivedAt: iso(r.received_at),
  total: Number(r.total),
  cash: Number(r.cash),
  nonCash: Number(r.non_cash),
  taxTotal: Number(r.tax_total),
  isOffline: r.is_offline,
  fiscalSign: r.fiscal_sign,
});
export type DocumentSummary = ReturnType<typeof toDoc>;

async function visibleRegister(deps: FiscalDeps, actor: AccountPrincipal, registerId: string) {
  const found = await getRegister(deps, actor, registerId);
  return found.ok ? ok(found.value) : fail('REGISTER_NOT_FOUND' as const);
}

/** Documents of a register issued in a period, in issue order, a page at a time (keyset by time and number). */
export async function listRegisterDocuments(
  deps: FiscalDeps,
  actor: AccountPrincipal,
  registerId: string,
  f: Period & { readonly after?: string; readonly limit?: number },
): Promise<Result<{ items: DocumentSummary[]; next: string | null }, Failure<'REGISTER_NOT_FOUND'>>> {
  const reg = await visibleRegister(deps, actor, registerId);
  if (!reg.ok) return reg;
  const limit = f.limit ?? 100;
  const [afterTime, afterModule, afterNumber] = (f.after ?? '').split('|');
  const rows = await deps.database.query<DocRow>(
    `SELECT ${DOC_COLUMNS} FROM fiscal.documents
      WHERE register_id = $1 AND issued_at >= $2 AND issued_at < $3
        AND ($4::timestamptz IS NULL OR (issued_at, fiscal_module_number, number) > ($4::timestamptz, $5::text, $6::int8))
      ORDER BY issued_at, fiscal_module_number, number LIMIT $7`,
    [registerId, f.from, f.to, afterTime || null, afterModule ?? '', Number(afterNumber ?? 0), limit],
  );
  const items = rows.map(toDoc);
  const last = items.at(-1);
  return ok({ items, next: items.length === limit && last ? `${last.issuedAt}|${last.fiscalModuleNumber}|${last.number}` : null });
}

/** What is wrong on a register: open gaps (computed from the numbers), shifts, alerts. */
export async function registerIntegrity(deps: FiscalDeps, actor: AccountPrincipal, registerId: string) {
  const reg = await visibleRegister(deps, actor, registerId);
  if (!reg.ok) return reg;
  const fm = reg.value.fiscalModuleNumber;
  const [gaps, shifts, alerts, state] = await Promise.all([
    deps.database.query<{ from_number: string | number; to_number: string | number }>(
      `SELECT number + 1 AS from_number, next - 1 AS to_number FROM (
         SELECT number, lead(number) OVER (ORDER BY number) AS next FROM fiscal.document_keys WHERE fiscal_module_number = $1) s
        WHERE next > number + 1
       UNION ALL
       SELECT 1, min(number) - 1 FROM fiscal.document_keys WHERE fiscal_module_number = $1 HAVING min(number) > 1
       ORDER BY 1`,
      [fm],
    ),
    deps.database.query<{ shift_number: number; opened_at: string; closed_at: string | null; reconciliation: string | null; differences: unknown }>(
      `SELECT shift_number, opened_at::text AS opened_at, closed_at::text AS closed_at, reconciliation, differences FROM fiscal.shifts
        WHERE fiscal_module_number = $1 ORDER BY shift_number DESC LIMIT 100`,
      [fm],
    ),
    deps.database.query<{ id: string; kind: string; number: string | number | null; detail: unknown; raised_at: string; resolved_at: string | null }>(
      `SELECT id, kind, number, detail, raised_at::text AS raised_at, resolved_at::text AS resolved_at FROM fiscal.alerts
        WHERE register_id = $1 ORDER BY raised_at DESC LIMIT 200`,
      [registerId],
    ),
    deps.database.query<{ max_number: string | number; received_count: string | number; last_received_at: string; offline_since: string | null }>(
      `SELECT max_number, received_count, last_received_at::text AS last_received_at, offline_since::text AS offline_since FROM fiscal.module_state WHERE fiscal_module_number = $1`,
      [fm],
    ),
  ]);
  const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
  return ok({
    fiscalModuleNumber: fm,
    maxNumber: Number(state[0]?.max_number ?? 0),
    receivedCount: Number(state[0]?.received_count ?? 0),
    lastReceivedAt: state[0] ? iso(state[0].last_received_at) : null,
    offlineSince: state[0]?.offline_since ? iso(state[0].offline_since) : null,
    gaps: gaps.map((g) => ({ from: Number(g.from_number), to: Number(g.to_number) })),
    shifts: shifts.map((s) => ({
      shiftNumber: s.shift_number,
      openedAt: iso(s.opened_at),
      closedAt: s.closed_at ? iso(s.closed_at) : null,
      reconciliation: s.reconciliation,
      differences: (json(s.differences) as string[] | null) ?? [],
    })),
    alerts: alerts.map((a) => ({
      id: a.id,
      kind: a.kind,
      number: a.number === null ? null : Number(a.number),
      detail: json(a.detail) as Record<string, unknown>,
      raisedAt: iso(a.raised_at),
      resolvedAt: a.resolved_at ? iso(a.resolved_at) : null,
    })),
  });
}

const EXPORT_PAGE = 5000;

/**
 * Every document of a register in a period as CSV or JSON Lines, produced page by page so that the
 * export has no record-count ceiling and never holds more than one page in memory.
 */
export async function* exportRegisterDocuments(deps: FiscalDeps, registerId: string, period: Period, format: 'csv' | 'jsonl'): AsyncGenerator<string> {
  let after: [string, string, number] | null = null;
  let first = true;
  for (;;) {
    const rows: (DocRow & { body: unknown })[] = await deps.database.query(
      `SELECT ${DOC_COLUMNS}, body FROM fiscal.documents
        WHERE register_id = $1 AND issued_at >= $2 AND issued_at < $3
          AND ($4::timestamptz IS NULL OR (issued_at, fiscal_module_number, number) > ($4::timestamptz, $5::text, $6::int8))
        ORDER BY issued_at, fiscal_module_number, number LIMIT ${EXPORT_PAGE}`,
      [registerId, period.from, period.to, after?.[0] ?? null, after?.[1] ?? '', after?.[2] ?? 0],
    );
    if (rows.length === 0) break;
    const docs = rows.map(toDoc);
    if (format === 'csv') {
      const csv = toCsv(docs, Object.keys(docs[0] as object));
      yield first ? csv : csv.slice(csv.indexOf('\r\n') + 2);
    } else {
      yield `${rows.map((r, i) => JSON.stringify({ ...docs[i], document: typeof r.body === 'string' ? JSON.parse(r.body) : r.body })).join('\n')}\n`;
    }
    first = false;
    const last = rows.at(-1) as DocRow;
    after = [last.issued_at, last.fiscal_module_number, Number(last.number)];
    if (rows.length < EXPORT_PAGE) break;
  }
}

/**
 * p.42 (FIS-RFD-05, FIS-RFD-06): revenue by month, net of refunds, each refund counted in the
 * month it was paid back (its own time), not in the month of the sale. Months in Dushanbe time.
 */
export async function revenueByMonth(deps: FiscalDeps, tin: string, period: Period) {
  const rows = await deps.database.query<{ month: string; sales: string | number | null; refunds: string | number | null }>(
    `SELECT to_char(issued_at + interval '5 hours', 'YYYY-MM') AS month,
            sum(total) FILTER (WHERE operation = 'sale') AS sales, sum(total) FILTER (WHERE operation = 'refund') AS refunds
       FROM fiscal.documents WHERE register_id IN (SELECT id FROM fiscal.registers WHERE business_tin = $1) AND doc_type = 'receipt' AND issued_at >= $2 AND issued_at < $3
      GROUP BY 1 ORDER BY 1`,
    [tin, period.from, period.to],
  );
  return rows.map((r) => {
    const sales = Number(r.sales ?? 0);
    const refunds = Number(r.refunds ?? 0);
    return { month: r.month, sales, refunds, net: sales - refunds };
  });
}
