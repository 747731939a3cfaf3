import { eq } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { ArrivalErrorCode } from '../domain/arrival-errors.ts';
import { checkUsable, type PiCarrier, type PiGoodsLine, type PiUse, type PiVehicle } from '../domain/preliminary.ts';
import { preliminaryInformation, preliminaryUses } from '../infrastructure/preliminary.schema.ts';
import { preliminaryByNumber } from './preliminary-store.ts';

/** What a reuse hands over, so nothing is entered twice (CUS-PI-05). */
export type PreliminaryForUse = {
  readonly id: string;
  readonly number: string;
  readonly transportMode: string;
  readonly declarantTin: string | null;
  readonly submitterTin: string;
  readonly arrivalOfficeCode: string;
  readonly expectedArrivalAt: Date;
  readonly carrier: PiCarrier;
  readonly vehicles: readonly PiVehicle[];
  readonly goods: readonly PiGoodsLine[];
  readonly expiresAt: Date;
};

/**
 * PI-5..PI-7 (art.11-1 p.3, p.6): registered preliminary information is reused in the arrival
 * notice, transit, temporary storage and the goods declaration, any number of times within the
 * 30 days; each use is recorded and the state becomes USED. Runs in the caller's transaction.
 */
export async function recordPreliminaryUse(
  tx: Db,
  input: { readonly number: string; readonly use: PiUse; readonly at: Date; readonly reference?: string },
): Promise<Result<PreliminaryForUse, Failure<ArrivalErrorCode>>> {
  const row = await preliminaryByNumber(tx, input.number, true);
  if (!row) return fail('PI_NOT_FOUND', 'body.number');
  const usable = checkUsable(row, input.at);
  if (!usable.ok) return usable;
  await tx
    .insert(preliminaryUses)
    .values({ id: uuidv7(input.at.getTime()), preliminaryId: row.id, use: input.use, usedAt: input.at, reference: input.reference ?? null });
  if (row.status !== 'USED') await tx.update(preliminaryInformation).set({ status: 'USED' }).where(eq(preliminaryInformation.id, row.id));
  await appendAudit(tx, input.at, {
    actor: 'system',
    action: 'customs.preliminary_used',
    entity: 'customs.preliminary_information',
    entityId: row.id,
    before: { status: row.status },
    after: { status: 'USED', use: input.use, reference: input.reference ?? null },
  });
  return ok({
    id: row.id,
    number: row.number,
    transportMode: row.transportMode,
    declarantTin: row.declarantTin,
    submitterTin: row.submitterTin,
    arrivalOfficeCode: row.arrivalOffice,
    expectedArrivalAt: row.expectedArrivalAt,
    carrier: row.carrier,
    vehicles: row.vehicles,
    goods: row.goods,
    expiresAt: row.expiresAt as Date,
  });
}

/** The name other slices call (index.ts): the same function. Not a React hook, whatever its prefix says. */
export const usePreliminaryInformation = recordPreliminaryUse;
