import type { AccountPrincipal } from '../../../platform/auth.ts';
import { dushanbeDate } from '../../../platform/calendar/time.ts';
import { transact } from '../../../platform/db.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import { escortDueAt, feeBandFor } from '../domain/escort.ts';
import type { EscortErrorCode } from '../domain/escort-errors.ts';
import { feeTableOn, insertEscort, nextEscortNumber } from '../infrastructure/escort.repository.ts';
import { recordCaseOpened, recordCaseStep } from './case-steps.ts';
import { actorOf, type CustomsDeps } from './deps.ts';
import { type CarriageInput, evaluateEscortFacts, type FactsInput } from './escort-facts.ts';
import { decisionNotice, ESCORT_CASE, type EscortView, tellCarrier } from './escort-view.ts';
import { officeOn } from './preliminary-store.ts';

export type DecideEscortInput = FactsInput & {
  readonly carriage: CarriageInput & { readonly vehicle: string };
  /** The carrier; `tin` when it has one (its cabinet receives the notice). */
  readonly carrier: { readonly code: string; readonly name: string; readonly tin?: string };
  /** Who pays the fee; the carrier's TIN by default. */
  readonly payerTin?: string;
  readonly route: { readonly fromOffice: string; readonly toOffice: string; readonly distanceKm: number };
};

/**
 * CUS-CTL-08/09 (art.402(1) p.1-2): the officer decides to escort a vehicle; the decision stands
 * only on a ground of the law that holds (ESCORT_NO_GROUND otherwise) and is timestamped, and the
 * 24 hours of art.402(1) p.3 run from it (CUS-CTL-10). The fee is fixed from the Government's table
 * in force on the day (CUS-CTL-11). A carrier with a TIN is informed at once in its cabinet.
 */
export async function decideEscort(
  deps: CustomsDeps,
  actor: AccountPrincipal,
  input: DecideEscortInput,
): Promise<Result<EscortView, Failure<EscortErrorCode>>> {
  const now = deps.clock.now();
  const { route } = input;
  if (route.fromOffice === route.toOffice) return fail('ESCORT_ROUTE_INVALID', 'body.route.toOffice');
  const payerTin = input.payerTin ?? input.carrier.tin;
  if (!payerTin) return fail('ESCORT_PAYER_REQUIRED', 'body.payerTin');
  return transact(deps.database.db, async (tx) => {
    for (const [field, code] of [
      ['fromOffice', route.fromOffice],
      ['toOffice', route.toOffice],
    ] as const)
      if (!(await officeOn(tx, code, now))) return fail('ESCORT_OFFICE_UNKNOWN', `body.route.${field}`);
    const evaluated = await evaluateEscortFacts(tx, input, now);
    if (!evaluated.ok) return evaluated;
    if (evaluated.value.grounds.length === 0) return fail('ESCORT_NO_GROUND', undefined, { facts: evaluated.value.facts });
    const table = await feeTableOn(tx, dushanbeDate(now));
    const band = table && feeBandFor(table.bands, route.distanceKm);
    if (!table || !band) return fail('ESCORT_FEE_TABLE_MISSING', undefined, { date: dushanbeDate(now) });
    const actorName = actorOf(actor);
    const row = await insertEscort(tx, {
      id: uuidv7(now.getTime()),
      number: await nextEscortNumber(tx, dushanbeDate(now).slice(0, 4)),
      state: 'DECIDED',
      carriageKind: input.carriage.kind,
      transitNumber: input.carriage.transitNumber ?? null,
      declarationNumber: input.carriage.declarationNumber ?? null,
      vehicle: input.carriage.vehicle,
      carrierCode: input.carrier.code,
      carrierName: input.carrier.name,
      carrierTin: input.carrier.tin ?? null,
      payerTin,
      fromOffice: route.fromOffice,
      toOffice: route.toOffice,
      distanceKm: route.distanceKm,
      facts: evaluated.value.facts,
      grounds: evaluated.value.grounds,
      guaranteeReference: input.guaranteeReference ?? null,
      riskDecisionId: evaluated.value.riskDecisionId,
      decidedAt: now,
      decidedBy: actorName,
      dueAt: escortDueAt(now),
      feeDirams: band.amountDirams,
      feeValidFrom: table.validFrom,
      feeFromKm: band.fromKm,
      feeToKm: band.toKm,
      updatedAt: now,
    });
    await recordCaseOpened(ESCORT_CASE, tx, row, {
      at: now,
      actor: actorName,
      action: 'decided',
      details: { grounds: row.grounds },
      after: { state: 'DECIDED', grounds: row.grounds, facts: row.facts, feeDirams: row.feeDirams.toString() },
    });
    let saved = row;
    if (row.carrierTin) {
      await tellCarrier(tx, now, row, decisionNotice(row));
      saved = await recordCaseStep(ESCORT_CASE, tx, row, {
        at: now,
        actor: 'system:customs',
        action: 'carrier_informed',
        change: { state: 'CARRIER_INFORMED', informedAt: now, informedBy: 'system:customs', informMethod: 'electronic', isInformedLate: false },
        details: { method: 'electronic' },
      });
    }
    return ok(await ESCORT_CASE.card(tx, saved, now));
  });
}
