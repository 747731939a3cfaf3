import { eq } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { transact } from '../../../platform/db.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { ArrivalErrorCode } from '../domain/arrival-errors.ts';
import { checkPiData, checkSubmitter, outageCovers, type PiCarrier, type PiPassenger, type PiVehicle, type TransportMode } from '../domain/preliminary.ts';
import { outages, preliminaryInformation } from '../infrastructure/preliminary.schema.ts';
import { actorOf, type CustomsDeps } from './deps.ts';
import {
  loadArrivalSettings,
  markRegistered,
  nextNumber,
  officeOn,
  type PreliminaryView,
  preliminaryView,
  unknownCommodityCodes,
} from './preliminary-store.ts';

export type PreliminaryInput = {
  readonly transportMode: TransportMode;
  readonly declarantTin?: string | null;
  readonly arrivalOfficeCode: string;
  readonly expectedArrivalAt: string;
  readonly carrier: PiCarrier;
  readonly vehicles: readonly PiVehicle[];
  readonly goods: readonly {
    commodityCode: string;
    description: string;
    quantity: string;
    unit: string;
    grossMassKg: string;
    valueDirams: string;
    originCountry: string;
  }[];
  readonly passengers: readonly PiPassenger[];
  /** Only when a customs officer keys in a paper submission (PI-2): the outage and who handed it in. */
  readonly paper?: {
    readonly outageId: string;
    readonly receivedAt: string;
    readonly submitterRole: 'declarant' | 'carrier';
    readonly submitterTin: string;
  };
};

type Refusal = Failure<ArrivalErrorCode | 'FORBIDDEN'>;

/**
 * PI-1 / PI-2 (art.11-1 p.2-5): the declarant (road) or the carrier (river, air, rail) submits
 * preliminary information through the system; during a recorded outage a customs officer keys in
 * the paper form, linked to the outage. After the format checks it is registered at once, unless
 * the authorised body set manual registration; registration tells risk management (CUS-PI-02).
 */
export async function submitPreliminaryInformation(
  deps: CustomsDeps,
  actor: AccountPrincipal,
  input: PreliminaryInput,
): Promise<Result<PreliminaryView, Refusal>> {
  const now = deps.clock.now();
  const isPaper = actor.role === 'customs_officer';
  if (isPaper !== (input.paper !== undefined)) return fail(isPaper ? 'ARRIVAL_VALUE_INVALID' : 'FORBIDDEN', 'body.paper');
  const submitterRole = input.paper?.submitterRole ?? actor.role;
  const submitterTin = input.paper?.submitterTin ?? actor.tin;
  if (!submitterTin) return fail('FORBIDDEN');
  const receivedAt = input.paper ? new Date(input.paper.receivedAt) : now;
  if (receivedAt.getTime() > now.getTime()) return fail('ARRIVAL_VALUE_INVALID', 'body.paper.receivedAt');
  const mode = checkSubmitter(input.transportMode, submitterRole);
  if (!mode.ok) return mode;
  const data = { ...input, expectedArrivalAt: new Date(input.expectedArrivalAt) };
  const lines = checkPiData(data, receivedAt);
  if (!lines.ok) return lines;
  const declarantTin = input.declarantTin ?? (submitterRole === 'declarant' ? submitterTin : null);
  if (submitterRole === 'declarant' && declarantTin !== submitterTin) return fail('ARRIVAL_VALUE_INVALID', 'body.declarantTin');

  return transact(deps.database.db, async (tx) => {
    const office = await officeOn(tx, input.arrivalOfficeCode, data.expectedArrivalAt);
    if (!office) return fail('ARRIVAL_OFFICE_UNKNOWN', 'body.arrivalOfficeCode');
    if (!office.declarationKinds.includes('preliminary') || !office.transportModes.includes(mode.value))
      return fail('PI_OFFICE_NOT_COMPETENT', 'body.arrivalOfficeCode', { transportModes: office.transportModes });
    const unknown = await unknownCommodityCodes(tx, [...new Set(lines.value.map((l) => l.commodityCode))], receivedAt);
    const badLine = lines.value.findIndex((l) => unknown.includes(l.commodityCode));
    if (badLine >= 0) return fail('PI_COMMODITY_CODE_UNKNOWN', `body.goods[${badLine}].commodityCode`);
    if (input.paper) {
      const [outage] = await tx.select().from(outages).where(eq(outages.id, input.paper.outageId));
      if (!outage) return fail('OUTAGE_NOT_FOUND', 'body.paper.outageId');
      if (!outageCovers(outage, office.code, receivedAt)) return fail('PI_PAPER_WITHOUT_OUTAGE', 'body.paper.outageId');
    }
    const settings = await loadArrivalSettings(tx);
    const [inserted] = await tx
      .insert(preliminaryInformation)
      .values({
        id: uuidv7(now.getTime()),
        number: await nextNumber(tx, 'preliminary_number_seq', 'PI', now),
        status: 'SUBMITTED',
        channel: input.paper ? 'paper' : 'electronic',
        outageId: input.paper?.outageId ?? null,
        keyedBy: input.paper ? actorOf(actor) : null,
        transportMode: mode.value,
        submitterRole: submitterRole as 'declarant' | 'carrier',
        submitterTin,
        declarantTin,
        arrivalOffice: office.code,
        expectedArrivalAt: data.expectedArrivalAt,
        carrier: input.carrier,
        vehicles: [...input.vehicles],
        goods: lines.value,
        passengers: [...input.passengers],
        submittedAt: receivedAt,
      })
      .returning();
    if (!inserted) throw new Error('preliminary information not inserted');
    await appendAudit(tx, now, {
      actor: actorOf(actor),
      action: input.paper ? 'customs.preliminary_keyed_from_paper' : 'customs.preliminary_submitted',
      entity: 'customs.preliminary_information',
      entityId: inserted.id,
      after: { number: inserted.number, channel: inserted.channel, outageId: inserted.outageId },
    });
    if (settings.piRegistration === 'manual') return ok(preliminaryView(inserted));
    const registered = await markRegistered(tx, inserted, now, 'system', settings.piKeptDays);
    await appendAudit(tx, now, {
      actor: 'system',
      action: 'customs.preliminary_registered',
      entity: 'customs.preliminary_information',
      entityId: inserted.id,
      after: { number: inserted.number, registeredAt: now.toISOString(), expiresAt: registered.expiresAt?.toISOString() },
    });
    return ok(preliminaryView(registered));
  });
}
