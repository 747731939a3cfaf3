/**
 * Preliminary information (art.10 p.1 i.41, art.11-1) and its state machine (catalog 3.1). Pure:
 * no I/O, no clock. Quantities and masses are decimal strings with up to 3 decimals; values are
 * bigint dirams sent as digit strings.
 */
import { addCalendarDays } from '../../../platform/calendar/time.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { ArrivalErrorCode } from './arrival-errors.ts';
import type { TRANSPORT_MODES } from './tables.ts';

type Refusal = Failure<ArrivalErrorCode>;
export type TransportMode = (typeof TRANSPORT_MODES)[number];

/**
 * States of preliminary information (catalog 3.1). Paper entry (SUBMITTED_ON_PAPER) is the same
 * SUBMITTED state with `channel = 'paper'`.
 */
export const PI_STATES = [
  /** Received, format checked, waiting for registration (manual registration only, A-02). */
  'SUBMITTED',
  /** Registered: usable as preliminary information for 30 calendar days (art.11-1 p.5-6). */
  'REGISTERED',
  /** Registration refused with a reason (art.11-1 p.5). */
  'REFUSED',
  /** Reused at least once (arrival, transit, storage, declaration); further uses allowed until expiry (art.11-1 p.3). */
  'USED',
  /** Past the 30 days: archived, never again used as preliminary information (art.11-1 p.6, A-03). */
  'EXPIRED',
] as const;
export type PiState = (typeof PI_STATES)[number];

/** Modes of transport for which preliminary information exists (art.11-1 p.4); pipeline and power line never (p.8). */
export const PI_TRANSPORT_MODES = ['road', 'river', 'air', 'rail'] as const;
export type PiTransportMode = (typeof PI_TRANSPORT_MODES)[number];

/** The customs operations that reuse registered preliminary information (art.11-1 p.3, CUS-PI-05). */
export const PI_USES = ['arrival', 'storage', 'declaration', 'transit'] as const;
export type PiUse = (typeof PI_USES)[number];

/** Art.11-1 p.7: goods for which preliminary information may be omitted (same names as the declaration's exemptions). */
export const PI_OPTIONAL_REASONS = ['personal_use', 'postal_item', 'art320_p1_goods', 'disaster_relief', 'military_goods'] as const;
/** Art.11-1 p.8: transport for which preliminary information is never submitted. */
export const PI_NEVER_MODES = ['pipeline', 'power_line'] as const;
export type PiNotRequiredReason = (typeof PI_OPTIONAL_REASONS)[number] | (typeof PI_NEVER_MODES)[number];

export const PI_NOT_REQUIRED_LABELS: Readonly<Record<PiNotRequiredReason, { tg: string; ru: string; en: string }>> = {
  personal_use: {
    tg: 'Моли истифодаи шахсии шахсони воқеӣ',
    ru: 'Товары для личного пользования физических лиц',
    en: 'Goods of physical persons for personal use',
  },
  postal_item: { tg: 'Ирсолоти байналмилалии почта', ru: 'Международные почтовые отправления', en: 'International postal items' },
  art320_p1_goods: { tg: 'Моли қисми 1 моддаи 320', ru: 'Товары части 1 статьи 320', en: 'Goods of art.320 p.1' },
  disaster_relief: {
    tg: 'Моли рафъи оқибатҳои офатҳои табиӣ, садамаҳо ва фалокатҳо',
    ru: 'Товары для ликвидации последствий стихийных бедствий, аварий и катастроф',
    en: 'Goods to deal with natural disasters, accidents and catastrophes',
  },
  military_goods: { tg: 'Моли таъиноти ҳарбӣ', ru: 'Товары военного назначения', en: 'Military goods' },
  pipeline: { tg: 'Нақлиёти қубурӣ', ru: 'Трубопроводный транспорт', en: 'Pipeline transport' },
  power_line: { tg: 'Хати интиқоли барқ', ru: 'Линия электропередачи', en: 'Power line' },
};

/** Whether goods need preliminary information (CUS-PI-06, 10, 11): for the goods declaration to state "not required". */
export type PiRequirement =
  | { readonly kind: 'required' }
  | { readonly kind: 'optional'; readonly reason: (typeof PI_OPTIONAL_REASONS)[number] }
  | { readonly kind: 'never'; readonly reason: (typeof PI_NEVER_MODES)[number] };

export function preliminaryRequirement(input: { readonly transportMode: TransportMode; readonly exemption?: string | null }): PiRequirement {
  if (input.transportMode === 'pipeline' || input.transportMode === 'power_line') return { kind: 'never', reason: input.transportMode };
  const reason = PI_OPTIONAL_REASONS.find((r) => r === input.exemption);
  return reason ? { kind: 'optional', reason } : { kind: 'required' };
}

/** Art.11-1 p.4 (CUS-PI-07): who submits for each mode. */
export function submitterRoleFor(mode: PiTransportMode): 'declarant' | 'carrier' {
  return mode === 'road' ? 'declarant' : 'carrier';
}

/** CUS-PI-07, CUS-PI-11: the mode must take preliminary information and the submitter must be the one the law names. */
export function checkSubmitter(mode: TransportMode, role: string): Result<PiTransportMode, Refusal> {
  if (mode === 'pipeline' || mode === 'power_line') return fail('PI_NOT_FOR_PIPELINE_OR_POWER_LINE', 'body.transportMode');
  const required = submitterRoleFor(mode);
  if (role !== required) return fail('PI_SUBMITTER_ROLE_MISMATCH', 'body.transportMode', { transportMode: mode, requiredRole: required });
  return ok(mode);
}

/**
 * CUS-PI-09: "kept 30 calendar days from the day of registration": the end of the 30th day after
 * the day of registration, Dushanbe time (the day of registration itself is not counted, as for
 * every period in days: platform calendar `addCalendarDays`). Not rolled to a working day.
 */
export function expiryOf(registeredAt: Date, keptDays: number): Date {
  return addCalendarDays(registeredAt, keptDays);
}

/** Whether the information can be reused now (CUS-PI-05, CUS-PI-09, A-03). */
export function checkUsable(pi: { readonly status: PiState; readonly expiresAt: Date | null }, at: Date): Result<void, Refusal> {
  if (pi.status === 'EXPIRED') return fail('PI_EXPIRED', 'body.number', { expiresAt: pi.expiresAt?.toISOString() });
  if (pi.status !== 'REGISTERED' && pi.status !== 'USED') return fail('PI_NOT_REGISTERED', 'body.number', { status: pi.status });
  if (pi.expiresAt && at.getTime() > pi.expiresAt.getTime()) return fail('PI_EXPIRED', 'body.number', { expiresAt: pi.expiresAt.toISOString() });
  return ok(undefined);
}

/** Art.11-1 p.5: only SUBMITTED information is registered or refused. */
export function checkDecidable(status: PiState): Result<void, Refusal> {
  return status === 'SUBMITTED' ? ok(undefined) : fail('PI_ALREADY_DECIDED', undefined, { status });
}

/** Art.11-1 p.2, art.124 p.3: the grounds for paper. */
export const OUTAGE_CAUSES = ['technical_fault', 'communication_outage', 'no_electricity', 'other_unforeseen'] as const;
export type OutageCause = (typeof OUTAGE_CAUSES)[number];

export type OutagePeriod = { readonly startedAt: Date; readonly endedAt: Date | null; readonly officeCodes: readonly string[] };

/** CUS-PI-04: paper is allowed when an outage affecting the office covers the moment the paper was received. */
export function outageCovers(outage: OutagePeriod, officeCode: string, at: Date): boolean {
  const t = at.getTime();
  return outage.officeCodes.includes(officeCode) && outage.startedAt.getTime() <= t && (outage.endedAt === null || t <= outage.endedAt.getTime());
}

/** An outage period: it cannot start in the future nor end before it starts. */
export function checkOutagePeriod(startedAt: Date, endedAt: Date | null, now: Date): Result<void, Refusal> {
  if (startedAt.getTime() > now.getTime()) return fail('OUTAGE_PERIOD_INVALID', 'body.startedAt');
  if (endedAt && endedAt.getTime() < startedAt.getTime()) return fail('OUTAGE_PERIOD_INVALID', 'body.endedAt');
  if (endedAt && endedAt.getTime() > now.getTime()) return fail('OUTAGE_PERIOD_INVALID', 'body.endedAt');
  return ok(undefined);
}

/** One goods line of preliminary information (CUS-PI-01, group 1). */
export type PiGoodsLine = {
  readonly lineNo: number;
  readonly commodityCode: string;
  readonly description: string;
  /** Decimal string, up to 3 decimals, in `unit`. */
  readonly quantity: string;
  readonly unit: string;
  /** Decimal string of kilograms. */
  readonly grossMassKg: string;
  /** Customs value in dirams, as a digit string. */
  readonly valueDirams: string;
  readonly originCountry: string;
};
export const VEHICLE_KINDS = ['truck', 'trailer', 'semi_trailer', 'wagon', 'train', 'aircraft', 'vessel', 'container'] as const;
export type PiVehicle = { readonly kind: (typeof VEHICLE_KINDS)[number]; readonly registrationNumber: string; readonly country: string };
export type PiCarrier = { readonly name: string; readonly country: string; readonly code?: string | null };
export type PiPassenger = { readonly fullName: string; readonly documentNumber: string; readonly nationality: string };

/** The five data groups of art.10 p.1 i.41, as submitted. */
export type PiData = {
  readonly transportMode: TransportMode;
  readonly declarantTin?: string | null;
  readonly arrivalOfficeCode: string;
  readonly expectedArrivalAt: Date;
  readonly carrier: PiCarrier;
  readonly vehicles: readonly PiVehicle[];
  readonly goods: readonly Omit<PiGoodsLine, 'lineNo'>[];
  readonly passengers: readonly PiPassenger[];
};

const DECIMAL = /^\d{1,12}(\.\d{1,3})?$/;

/** Thousandths of a decimal string with up to 3 decimals ("12.5" → 12500n); exact, no floats. */
export function toMilli(value: string): bigint {
  if (!DECIMAL.test(value)) throw new RangeError(`not a decimal: ${value}`);
  const [whole, fraction = ''] = value.split('.');
  return BigInt(whole ?? '0') * 1000n + BigInt(fraction.padEnd(3, '0'));
}

/** The canonical decimal string of thousandths (12500n → "12.5"). */
export function fromMilli(milli: bigint): string {
  const whole = milli / 1000n;
  const fraction = (milli % 1000n).toString().padStart(3, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : `${whole}`;
}

/**
 * Format checks beyond the request schema (A-02: registration follows them): positive quantities,
 * masses and values, arrival after the moment of submission (or of the paper's receipt).
 */
export function checkPiData(data: PiData, receivedAt: Date): Result<PiGoodsLine[], Refusal> {
  if (data.expectedArrivalAt.getTime() < receivedAt.getTime()) return fail('PI_ARRIVAL_IN_PAST', 'body.expectedArrivalAt');
  return checkGoodsLines(data.goods);
}

/** Goods lines numbered from 1, with positive quantity, mass and value, decimals in canonical form. */
export function checkGoodsLines(goods: readonly Omit<PiGoodsLine, 'lineNo'>[]): Result<PiGoodsLine[], Refusal> {
  const lines: PiGoodsLine[] = [];
  for (const [i, g] of goods.entries()) {
    if (toMilli(g.quantity) <= 0n) return fail('ARRIVAL_VALUE_INVALID', `body.goods[${i}].quantity`);
    if (toMilli(g.grossMassKg) <= 0n) return fail('ARRIVAL_VALUE_INVALID', `body.goods[${i}].grossMassKg`);
    if (BigInt(g.valueDirams) <= 0n) return fail('ARRIVAL_VALUE_INVALID', `body.goods[${i}].valueDirams`);
    lines.push({ ...g, quantity: fromMilli(toMilli(g.quantity)), grossMassKg: fromMilli(toMilli(g.grossMassKg)), lineNo: i + 1 });
  }
  return ok(lines);
}
