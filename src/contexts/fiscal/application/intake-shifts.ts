import type { RawQuery } from '../../../platform/db.ts';
import { MAX_SHIFT_MS, shiftTotals, totalsDifferences } from '../domain/document-rules.ts';
import type { Receipt, ZReport } from '../../../platform/fiscal-document.ts';
import type { Pending } from './intake-flush.ts';

type Alert = (p: Pending, kind: string, detail: Record<string, unknown>) => void;

/**
 * Shifts (p.77): an opening starts one (and shows a previous shift left without a Z-report); a
 * Z-report closes it, and the operator recomputes the shift from its receipts, per operation,
 * tax rate and payment form, and compares. A receipt arriving late for a closed shift re-runs the
 * comparison, so an offline backlog clears a mismatch it caused.
 */
export async function reconcileShifts(q: RawQuery, accepted: readonly Pending[], at: string, alert: Alert): Promise<void> {
  for (const p of accepted.filter((x) => x.doc.type === 'shift_open')) {
    const d = p.doc;
    await q(`INSERT INTO fiscal.shifts (fiscal_module_number, shift_number, register_id, opened_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [
      d.fiscalModuleNumber,
      d.shiftNumber,
      p.ctx.registerId,
      d.issuedAt,
    ]);
    const [previous] = await q<{ closed_at: string | null }>(
      `SELECT closed_at::text FROM fiscal.shifts WHERE fiscal_module_number = $1 AND shift_number = $2`,
      [d.fiscalModuleNumber, d.shiftNumber - 1],
    );
    if (previous && previous.closed_at === null) alert(p, 'Z_REPORT_MISSING', { shiftNumber: d.shiftNumber - 1 });
  }
  const toCheck = new Map<string, Pending>();
  for (const p of accepted) {
    if (p.doc.type === 'z_report') toCheck.set(`${p.doc.fiscalModuleNumber}#${p.doc.shiftNumber}`, p);
  }
  const lateReceipts = accepted.filter((p) => p.doc.type === 'receipt' && p.doc.isOffline);
  if (lateReceipts.length > 0) {
    const closed = await q<{ fm: string; shift: number }>(
      `SELECT s.fiscal_module_number AS fm, s.shift_number AS shift FROM fiscal.shifts s
        JOIN unnest($1::text[], $2::int4[]) AS x(fm, shift) ON s.fiscal_module_number = x.fm AND s.shift_number = x.shift
       WHERE s.closed_at IS NOT NULL`,
      [lateReceipts.map((p) => p.doc.fiscalModuleNumber), lateReceipts.map((p) => p.doc.shiftNumber)],
    );
    for (const c of closed) {
      const p = lateReceipts.find((x) => x.doc.fiscalModuleNumber === c.fm && x.doc.shiftNumber === Number(c.shift)) as Pending;
      if (!toCheck.has(`${c.fm}#${c.shift}`)) toCheck.set(`${c.fm}#${c.shift}`, p);
    }
  }
  for (const p of toCheck.values()) await reconcileOne(q, p, at, alert);
}

async function reconcileOne(q: RawQuery, p: Pending, at: string, alert: Alert): Promise<void> {
  const fm = p.doc.fiscalModuleNumber;
  const shift = p.doc.shiftNumber;
  const [z] =
    p.doc.type === 'z_report'
      ? [{ body: p.doc, number: p.doc.number }]
      : (
          await q<{ body: unknown; number: string | number }>(
            `SELECT d.body, d.number FROM fiscal.documents d JOIN fiscal.shifts s ON s.fiscal_module_number = d.fiscal_module_number AND s.shift_number = d.shift_number
              WHERE d.fiscal_module_number = $1 AND d.shift_number = $2 AND d.doc_type = 'z_report' AND d.received_at >= s.opened_at
              ORDER BY d.number DESC LIMIT 1`,
            [fm, shift],
          )
        ).map((r) => ({ body: (typeof r.body === 'string' ? JSON.parse(r.body) : r.body) as ZReport, number: Number(r.number) }));
  if (!z) return;
  const zr = z.body as ZReport;
  const [opened] = await q<{ opened_at: string }>(`SELECT opened_at::text FROM fiscal.shifts WHERE fiscal_module_number = $1 AND shift_number = $2`, [
    fm,
    shift,
  ]);
  const openedAt = opened?.opened_at ?? zr.openedAt;
  // A document is received after it is issued, and issued after its shift opened: the bound
  // leaves out the partitions of earlier months.
  const receipts = await q<{ operation: 'sale' | 'refund'; total: string | number; non_cash: string | number; is_offline: boolean; lines: unknown }>(
    `SELECT operation, total, non_cash, is_offline, (body::jsonb)->'lines' AS lines FROM fiscal.documents
      WHERE fiscal_module_number = $1 AND shift_number = $2 AND doc_type = 'receipt' AND received_at >= $3::timestamptz`,
    [fm, shift, openedAt],
  );
  const computed = shiftTotals(
    receipts.map((r) => ({
      operation: r.operation,
      total: Number(r.total),
      payment: { cash: Number(r.total) - Number(r.non_cash), nonCash: Number(r.non_cash) },
      isOffline: r.is_offline,
      lines: (typeof r.lines === 'string' ? JSON.parse(r.lines) : r.lines) as Receipt['lines'],
    })),
  );
  const differences = totalsDifferences(zr.totals, computed);

  await q(
    `INSERT INTO fiscal.shifts (fiscal_module_number, shift_number, register_id, opened_at, closed_at, z_number, reconciliation, differences)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)
     ON CONFLICT (fiscal_module_number, shift_number) DO UPDATE SET closed_at = EXCLUDED.closed_at, z_number = EXCLUDED.z_number,
       reconciliation = EXCLUDED.reconciliation, differences = EXCLUDED.differences`,
    [fm, shift, p.ctx.registerId, openedAt, zr.issuedAt, z.number, differences.length === 0 ? 'match' : 'mismatch', JSON.stringify(differences)],
  );
  if (differences.length > 0) alert(p, 'Z_MISMATCH', { shiftNumber: shift, differences });
  else
    await q(
      `UPDATE fiscal.alerts SET resolved_at = $3 WHERE kind = 'Z_MISMATCH' AND fiscal_module_number = $1 AND (detail->>'shiftNumber')::int = $2 AND resolved_at IS NULL`,
      [fm, shift, at],
    );
  if (p.doc.type === 'z_report' && Date.parse(zr.issuedAt) - Date.parse(openedAt) > MAX_SHIFT_MS)
    alert(p, 'SHIFT_TOO_LONG', { shiftNumber: shift, openedAt, closedAt: zr.issuedAt });
}
