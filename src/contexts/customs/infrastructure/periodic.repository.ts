/** Storage of periodic declaring: applications, notices, parameters, and the read-only look-ups it needs. */
import { asc, eq, sql } from 'drizzle-orm';
import { type Db, rows } from '../../../platform/db.ts';
import { DEFAULT_PARAMETERS, type PastDelivery, type PeriodicDirection, type PeriodicParameters } from '../domain/periodic.ts';
import { type ApplicationRow, type NoticeRow, periodicApplications, periodicNotices, periodicParameters } from './periodic.schema.ts';

/** AMB-07, AMB-10: the parameters in customs.periodic_parameters, defaults where a row is missing. */
export async function loadParameters(db: Db): Promise<PeriodicParameters> {
  const found = new Map((await db.select().from(periodicParameters)).map((r) => [r.code, r.days]));
  return {
    withdrawalGraceDays: found.get('withdrawal_grace_days') ?? DEFAULT_PARAMETERS.withdrawalGraceDays,
    escalationDay: found.get('decision_escalation_day') ?? DEFAULT_PARAMETERS.escalationDay,
  };
}

export async function nextApplicationNumber(db: Db, year: string): Promise<string> {
  const [row] = await rows<{ n: string }>(db, sql`SELECT nextval('customs.periodic_number_seq')::text AS n`);
  return `PD-${year}-${String(row?.n).padStart(6, '0')}`;
}

/** One application by number, locked for the rest of the transaction when `isForUpdate`. */
export async function applicationByNumber(db: Db, number: string, isForUpdate = false): Promise<ApplicationRow | undefined> {
  const q = db.select().from(periodicApplications).where(eq(periodicApplications.number, number));
  const [row] = isForUpdate ? await q.for('update') : await q;
  return row;
}

export const noticesOf = (db: Db, applicationId: string): Promise<NoticeRow[]> =>
  db.select().from(periodicNotices).where(eq(periodicNotices.applicationId, applicationId)).orderBy(asc(periodicNotices.seq));

export async function noticeByNumber(db: Db, number: string): Promise<NoticeRow | undefined> {
  const [row] = await db.select().from(periodicNotices).where(eq(periodicNotices.number, number));
  return row;
}

/**
 * CUS-DEC-65: the declarant's deliveries of these codes in one direction between two days: its
 * periodic notices, and registered goods declarations (one delivery each, dated by acceptance)
 * when the declaration slice's table exists. Periodic declarations are left out: their deliveries
 * are the notices already counted.
 */
export async function pastDeliveries(
  db: Db,
  q: { readonly declarantCode: string; readonly direction: PeriodicDirection; readonly codes: readonly string[]; readonly from: string; readonly to: string },
): Promise<PastDelivery[]> {
  const codes = sql`ARRAY[${sql.join(
    q.codes.map((c) => sql`${c}`),
    sql`, `,
  )}]::text[]`;
  const notices = await rows<PastDelivery>(
    db,
    sql`SELECT DISTINCT n.id, l->>'commodityCode' AS "commodityCode", n.delivery_on::text AS "on"
        FROM customs.periodic_notices n JOIN customs.periodic_applications a ON a.id = n.application_id
        CROSS JOIN LATERAL jsonb_array_elements(n.lines) l
        WHERE a.declarant_code = ${q.declarantCode} AND a.direction = ${q.direction}
          AND n.delivery_on BETWEEN ${q.from}::date AND ${q.to}::date AND l->>'commodityCode' = ANY(${codes})`,
  );
  const [exists] = await rows<{ ok: boolean }>(db, sql`SELECT to_regclass('customs.declarations') IS NOT NULL AS ok`);
  if (!exists?.ok) return notices;
  const declared = await rows<PastDelivery>(
    db,
    sql`SELECT DISTINCT d.id, i->>'commodityCode' AS "commodityCode", d.accepted_on::text AS "on"
        FROM customs.declarations d CROSS JOIN LATERAL jsonb_array_elements(d.data->'items') i
        WHERE d.declarant_code = ${q.declarantCode} AND d.direction = ${q.direction} AND d.form <> 'periodic'
          AND d.accepted_on BETWEEN ${q.from}::date AND ${q.to}::date
          AND d.state NOT IN ('DRAFT', 'NOT_ACCEPTED', 'WITHDRAWN', 'RELEASE_ANNULLED')
          AND i->>'commodityCode' = ANY(${codes})`,
  );
  return [...notices, ...declared].map((d) => ({ commodityCode: d.commodityCode, on: d.on }));
}
