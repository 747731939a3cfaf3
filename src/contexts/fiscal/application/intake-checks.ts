import type { Db } from '../../../platform/db.ts';
import { rows } from '../../../platform/db.ts';
import type { DueTimeChecker } from '../../../platform/outbox.ts';
import { sql } from 'drizzle-orm';
import { MAX_SHIFT_MS } from '../domain/document-rules.ts';

/**
 * Monthly partitions of the documents are made ahead: the current month and the next two
 * (checked at most once an hour).
 */
export function partitionChecker(): DueTimeChecker {
  let lastRun = 0;
  return {
    name: 'fiscal.document-partitions',
    run: async (db: Db, now: Date) => {
      if (now.getTime() - lastRun < 3_600_000 && lastRun !== 0) return 0;
      lastRun = now.getTime();
      const [made] = await rows<{ made: number }>(db, sql`SELECT fiscal.ensure_document_partitions(${now.toISOString().slice(0, 10)}::date, 3) AS made`);
      return Number(made?.made ?? 0);
    },
  };
}

/**
 * A shift without its Z-report 24 hours after it opened raises Z_REPORT_MISSING once (p.2: the
 * Z-report is a daily report; catalog ambiguity 34).
 */
export function missingZReportChecker(): DueTimeChecker {
  return {
    name: 'fiscal.missing-z-reports',
    run: async (db: Db, now: Date) => {
      const raised = await rows<{ id: string }>(
        db,
        sql`INSERT INTO fiscal.alerts (id, kind, fiscal_module_number, register_id, business_tin, inspectorate_code, number, detail, raised_at)
            SELECT gen_random_uuid(), 'Z_REPORT_MISSING', s.fiscal_module_number, s.register_id, r.business_tin, r.inspectorate_code, NULL,
                   jsonb_build_object('shiftNumber', s.shift_number, 'openedAt', s.opened_at), ${now.toISOString()}::timestamptz
              FROM fiscal.shifts s JOIN fiscal.registers r ON r.id = s.register_id
             WHERE s.closed_at IS NULL AND s.opened_at < ${new Date(now.getTime() - MAX_SHIFT_MS).toISOString()}::timestamptz
               AND NOT EXISTS (SELECT 1 FROM fiscal.alerts a WHERE a.kind = 'Z_REPORT_MISSING' AND a.fiscal_module_number = s.fiscal_module_number
                                 AND a.detail->>'shiftNumber' = s.shift_number::text)
            RETURNING id`,
      );
      return raised.length;
    },
  };
}
