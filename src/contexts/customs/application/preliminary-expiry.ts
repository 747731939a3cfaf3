import { sql } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit.ts';
import { rows } from '../../../platform/db.ts';
import type { DueTimeChecker } from '../../../platform/outbox.ts';

const BATCH = 500;

/**
 * PI-8 (art.11-1 p.6, A-03): at the end of the 30 calendar days registered or used preliminary
 * information becomes EXPIRED; the record stays in the archive for audit and risk analysis.
 */
export function preliminaryExpiryChecker(): DueTimeChecker {
  return {
    name: 'customs.preliminary-expiry',
    run: (db, now) =>
      db.transaction(async (tx) => {
        const at = now.toISOString();
        const expired = await rows<{ id: string; number: string; status: string }>(
          tx,
          sql`WITH due AS (
                SELECT id, status FROM customs.preliminary_information
                WHERE status IN ('REGISTERED', 'USED') AND expires_at < ${at}::timestamptz
                ORDER BY expires_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
              UPDATE customs.preliminary_information p SET status = 'EXPIRED', expired_at = ${at}::timestamptz
              FROM due WHERE p.id = due.id
              RETURNING p.id::text AS id, p.number, due.status`,
        );
        for (const r of expired)
          await appendAudit(tx, now, {
            actor: 'system',
            action: 'customs.preliminary_expired',
            entity: 'customs.preliminary_information',
            entityId: r.id,
            before: { status: r.status },
            after: { status: 'EXPIRED', number: r.number },
          });
        return expired.length;
      }),
  };
}
