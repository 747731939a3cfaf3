import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../../platform/db.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { type NewNotification, notify } from '../../../platform/notifications.ts';
import type { DueTimeChecker } from '../../../platform/outbox.ts';
import { requestEvents } from '../infrastructure/schema.ts';

type Flagged = { id: string; number: string; service_key: string; unit_id: string; applicant_tin: string | null };

const BATCH = 500;

/**
 * TS-30: warns the responsible unit when a request reaches its warning time (75 % of the allowed
 * time by default) and escalates to the Taxpayer Services Department when its deadline passes. A
 * suspended clock (documents awaited, A-9) neither warns nor breaches. Each request is flagged once
 * per deadline; a resumed clock whose times moved ahead can be flagged again.
 */
export function slaChecker(): DueTimeChecker {
  async function flag(db: Db, now: Date, column: 'warned_at' | 'escalated_at', due: 'warn_at' | 'due_at'): Promise<Flagged[]> {
    // Raw SQL parameters carry instants as ISO text: postgres-js does not serialise a Date there.
    const at = now.toISOString();
    return rows<Flagged>(
      db,
      sql`UPDATE tax_services.requests SET ${sql.raw(column)} = ${at}::timestamptz
          WHERE id IN (SELECT id FROM tax_services.requests
                       WHERE completed_at IS NULL AND status = 'open' AND ${sql.raw(column)} IS NULL AND ${sql.raw(due)} <= ${at}::timestamptz
                       ORDER BY ${sql.raw(due)} LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
          RETURNING id::text, number, service_key, unit_id::text, applicant_tin`,
    );
  }
  return {
    name: 'tax-services.sla',
    run: (db, now) =>
      db.transaction(async (tx) => {
        const warned = await flag(tx, now, 'warned_at', 'warn_at');
        const escalated = await flag(tx, now, 'escalated_at', 'due_at');
        const events = [
          ...warned.map((r) => ({ id: uuidv7(now.getTime()), requestId: r.id, at: now, kind: 'warned', actor: 'system', note: null, data: {} })),
          ...escalated.map((r) => ({ id: uuidv7(now.getTime()), requestId: r.id, at: now, kind: 'escalated', actor: 'system', note: null, data: {} })),
        ];
        if (events.length > 0) await tx.insert(requestEvents).values(events);
        const notices: NewNotification[] = [
          ...warned.map((r) => ({
            recipient: { kind: 'unit' as const, id: r.unit_id },
            kind: 'request_at_risk',
            title: {
              tg: `Мӯҳлати дархости № ${r.number} наздик аст`,
              ru: `Срок по обращению № ${r.number} истекает`,
              en: `Request No ${r.number} is close to its deadline`,
            },
            body: { tg: `Хизматрасонӣ ${r.service_key}`, ru: `Услуга ${r.service_key}`, en: `Service ${r.service_key}` },
            subject: { type: 'service_request', id: r.id },
          })),
          ...escalated.flatMap((r) =>
            (['unit', 'role'] as const).map((kind) => ({
              recipient: kind === 'unit' ? { kind, id: r.unit_id } : { kind, id: 'service_officer' },
              kind: 'request_breached',
              title: {
                tg: `Мӯҳлати дархости № ${r.number} гузашт`,
                ru: `Срок по обращению № ${r.number} нарушен`,
                en: `Request No ${r.number} breached its deadline`,
              },
              body: { tg: `Хизматрасонӣ ${r.service_key}`, ru: `Услуга ${r.service_key}`, en: `Service ${r.service_key}` },
              subject: { type: 'service_request', id: r.id },
            })),
          ),
        ];
        await notify(tx, now, ...notices);
        return warned.length + escalated.length;
      }),
  };
}
