import type { AccountPrincipal } from '../../../platform/auth.ts';
import { appendAuditLater } from '../../../platform/audit.ts';
import { dushanbeDate } from '../../../platform/calendar/time.ts';
import { transact } from '../../../platform/db.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import { type FeeBand, isValidFeeTable } from '../domain/escort.ts';
import type { EscortErrorCode } from '../domain/escort-errors.ts';
import { feeTables, insertFeeTable, latestFeeDate } from '../infrastructure/escort.repository.ts';
import { actorOf, type CustomsDeps } from './deps.ts';

export type FeeTableView = {
  readonly validFrom: string;
  readonly legalBasis: string;
  readonly bands: { readonly fromKm: number; readonly toKm: number | null; readonly amountDirams: string }[];
};

/** Every fee table entered, newest first (IMP-07: reference data with history). */
export async function listEscortFeeTables(deps: CustomsDeps): Promise<FeeTableView[]> {
  const tables = new Map<string, { legalBasis: string; bands: FeeTableView['bands'][number][] }>();
  for (const r of await feeTables(deps.database.db)) {
    const t = tables.get(r.validFrom) ?? { legalBasis: r.legalBasis, bands: [] };
    t.bands.push({ fromKm: r.fromKm, toKm: r.toKm, amountDirams: r.amountDirams.toString() });
    tables.set(r.validFrom, t);
  }
  return [...tables].map(([validFrom, t]) => ({ validFrom, ...t }));
}

export type FeeTableInput = { readonly validFrom: string; readonly legalBasis: string; readonly bands: readonly FeeBand[] };

/**
 * CUS-CTL-11 (art.402(1) p.4, AMB-18): the Government's escort fees, entered as a whole table from
 * a day on (today or later, after every table entered); escorts decided from that day use it. A
 * flat fee per escort is one band from 0 km with no upper bound.
 */
export async function recordEscortFeeTable(
  deps: CustomsDeps,
  actor: AccountPrincipal,
  input: FeeTableInput,
): Promise<Result<FeeTableView[], Failure<EscortErrorCode>>> {
  if (!isValidFeeTable(input.bands)) return fail('ESCORT_FEE_TABLE_INVALID', 'body.bands');
  const now = deps.clock.now();
  if (input.validFrom < dushanbeDate(now)) return fail('ESCORT_FEE_PAST_DATED', 'body.validFrom');
  const result = await transact(deps.database.db, async (tx) => {
    const latest = await latestFeeDate(tx);
    if (latest && latest >= input.validFrom) return fail('ESCORT_FEE_PAST_DATED', 'body.validFrom', { latest });
    await insertFeeTable(tx, input.validFrom, input.bands, input.legalBasis);
    await appendAuditLater(tx, now, {
      actor: actorOf(actor),
      action: 'customs.escort_fee_table_recorded',
      entity: 'customs.escort_fees',
      entityId: input.validFrom,
      after: { legalBasis: input.legalBasis, bands: input.bands.map((b) => ({ ...b, amountDirams: b.amountDirams.toString() })) },
    });
    return ok(undefined);
  });
  return result.ok ? ok(await listEscortFeeTables(deps)) : result;
}
