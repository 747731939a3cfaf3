/**
 * Temporary storage warehouses (art.106-112 as amended): the owner's application, the register
 * and the owner's electronic goods record. Pure.
 */
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { ArrivalErrorCode } from './arrival-errors.ts';

type Refusal = Failure<ArrivalErrorCode>;

export const WAREHOUSE_TYPES = ['open', 'closed'] as const;
export type WarehouseType = (typeof WAREHOUSE_TYPES)[number];

/**
 * Purposes a warehouse may declare. Art.106 p.3 as amended (CUS-TS-09): a closed-type warehouse
 * stores its owner's goods only; the words allowing it "for storing certain goods, including goods
 * restricted in circulation and/or needing special storage conditions" are deleted, so
 * `special_goods` is offered for open-type warehouses only.
 */
export const WAREHOUSE_PURPOSES = ['any_persons_goods', 'special_goods', 'own_goods'] as const;
export type WarehousePurpose = (typeof WAREHOUSE_PURPOSES)[number];
export const PURPOSES_BY_TYPE: Readonly<Record<WarehouseType, readonly WarehousePurpose[]>> = {
  open: ['any_persons_goods', 'special_goods'],
  closed: ['own_goods'],
};

/** The applicant's liability insurance toward other persons (art.109 p.1 i.2 as renumbered). */
export type Insurance = {
  readonly insurer: string;
  readonly policyNumber: string;
  readonly validFrom: string;
  readonly validTo: string;
  readonly sumDirams: string;
};

export type WarehouseApplication = {
  readonly type: WarehouseType;
  readonly purposes: readonly WarehousePurpose[];
  readonly insurance?: Insurance | null;
  /** Reference of the attached electronic copy of the insurance policy (art.110 p.3 i.5). */
  readonly insurancePolicyDocument?: string | null;
};

/**
 * CUS-TS-09..12: the purposes must fit the type; an open-type warehouse needs the
 * insurance data and the policy, valid on the day of application; a closed-type one needs neither
 * and gives no justification of its type. No security at the owner's level is asked.
 */
export function checkApplication(a: WarehouseApplication, today: string): Result<void, Refusal> {
  const allowed = PURPOSES_BY_TYPE[a.type];
  const bad = a.purposes.findIndex((p) => !allowed.includes(p));
  if (bad >= 0) return fail('WAREHOUSE_PURPOSE_NOT_ALLOWED', `body.purposes[${bad}]`, { type: a.type, allowed });
  if (a.type === 'closed') return ok(undefined);
  if (!a.insurance) return fail('WAREHOUSE_INSURANCE_REQUIRED', 'body.insurance');
  if (a.insurance.validTo < a.insurance.validFrom || a.insurance.validTo < today) return fail('ARRIVAL_VALUE_INVALID', 'body.insurance.validTo');
  if (BigInt(a.insurance.sumDirams) <= 0n) return fail('ARRIVAL_VALUE_INVALID', 'body.insurance.sumDirams');
  if (!a.insurancePolicyDocument) return fail('WAREHOUSE_POLICY_REQUIRED', 'body.insurancePolicyDocument');
  return ok(undefined);
}

/** One posting of the owner's goods record, in thousandths of the unit. */
export type Posting = { readonly direction: 'in' | 'out'; readonly lineNo: number; readonly quantityMilli: bigint };

/** Quantity on hand per goods line of one storage record: sum in − sum out. */
export function onHand(postings: readonly Posting[]): Map<number, bigint> {
  const out = new Map<number, bigint>();
  for (const p of postings) out.set(p.lineNo, (out.get(p.lineNo) ?? 0n) + (p.direction === 'in' ? p.quantityMilli : -p.quantityMilli));
  return out;
}

/**
 * CUS-TS-15: goods in may not exceed the quantity declared on the line (less what is already in
 * or was taken out); goods out may not exceed what is on hand.
 */
export function checkPosting(p: Posting, declaredMilli: bigint, postings: readonly Posting[]): Result<void, Refusal> {
  const lines = postings.filter((x) => x.lineNo === p.lineNo);
  const received = lines.filter((x) => x.direction === 'in').reduce((s, x) => s + x.quantityMilli, 0n);
  const available = p.direction === 'in' ? declaredMilli - received : (onHand(lines).get(p.lineNo) ?? 0n);
  if (p.quantityMilli > available)
    return fail('WAREHOUSE_QUANTITY_EXCEEDED', 'body.quantity', { lineNo: p.lineNo, availableMilli: available.toString(), direction: p.direction });
  return ok(undefined);
}
