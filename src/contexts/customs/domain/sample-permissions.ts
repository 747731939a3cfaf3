/**
 * Samples and specimens of imported goods taken by the declarant with customs' permission and
 * stated as lines of the goods declaration (art.127 p.1 i.2, CUS-DEC-18), and the results of tests
 * of samples customs holds (art.127 p.1 i.4, CUS-DEC-20). Pure.
 */
import type { DeclarationItem } from './declaration.ts';
import { isDecimal, scaled } from './declaration.ts';

/** REQUESTED → GRANTED or REFUSED, by a customs officer, once. */
export const SAMPLE_PERMISSION_STATES = ['REQUESTED', 'GRANTED', 'REFUSED'] as const;
export type SamplePermissionState = (typeof SAMPLE_PERMISSION_STATES)[number];

/** One kind of goods to sample: a quantity in the unit of its commodity code (kg, or its supplementary unit). */
export type SampleLine = {
  readonly commodityCode: string;
  readonly description: string;
  /** Exact decimal with up to 3 decimals. */
  readonly quantity: string;
  /** The unit of the code on the day of the request (the tariff's). */
  readonly unit: string;
};

/** What a laboratory or an expert concluded about the samples. */
export const LAB_CONCLUSIONS = ['conforms', 'does_not_conform', 'inconclusive'] as const;
export type LabConclusion = (typeof LAB_CONCLUSIONS)[number];

/** A sample line's or an item's quantity in thousandths, or undefined when it is not a quantity. */
const milli = (q: string | undefined): bigint | undefined => (q !== undefined && isDecimal(q, 3) ? scaled(q, 3) : undefined);

/** The quantity of an item in the unit of its code: the net mass for kg, else the supplementary quantity. */
export function itemQuantity(item: DeclarationItem, unit: string): bigint | undefined {
  return milli(unit === 'kg' ? item.netMassKg : item.supplementaryQuantity);
}

export type SampleReason = { readonly code: 'sample_not_permitted' | 'sample_quantity_exceeds_permission'; readonly field: string };

/**
 * Art.127 p.1 i.2 (CUS-DEC-18): every line flagged `isSample` must be covered by the granted
 * permissions of this declaration: the same commodity code, in its unit of the day, and no more in
 * total than was permitted for that code. Lines whose quantity cannot be read are left to the data
 * checks (ground 4).
 */
export function sampleReasons(items: readonly DeclarationItem[], unitOf: (code: string) => string | undefined, granted: readonly SampleLine[]): SampleReason[] {
  const reasons: SampleReason[] = [];
  const declared = new Map<string, bigint>();
  items.forEach((item, i) => {
    if (item.isSample !== true) return;
    const unit = unitOf(item.commodityCode);
    const permitted = granted.filter((g) => g.commodityCode === item.commodityCode && g.unit === unit);
    if (unit === undefined || permitted.length === 0) {
      reasons.push({ code: 'sample_not_permitted', field: `items[${i}].isSample` });
      return;
    }
    const quantity = itemQuantity(item, unit);
    if (quantity === undefined) return;
    const total = (declared.get(item.commodityCode) ?? 0n) + quantity;
    declared.set(item.commodityCode, total);
    const limit = permitted.reduce((sum, g) => sum + (milli(g.quantity) ?? 0n), 0n);
    if (total > limit) reasons.push({ code: 'sample_quantity_exceeds_permission', field: `items[${i}].isSample` });
  });
  return reasons;
}
