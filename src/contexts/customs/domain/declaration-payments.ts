/**
 * Customs value and customs payments of a declaration (art.124 p.11, art.361-362, art.136 p.13):
 * duty, excise and VAT per item at the rates in force on the day of acceptance. Pure and exact:
 * decimals are scaled integers, every amount is rounded half up to the diram once, per item.
 */
import { divRound } from '../../../platform/fiscal-amounts.ts';
import type { DeclarationData, DeclarationItem, Regime } from './declaration.ts';
import { scaled } from './declaration.ts';

/** A rate as the tariff gives it: basis points (hundredths of a per cent) and/or dirams per unit. */
export type ItemRate = { readonly adValoremBp: number | null; readonly specificDirams: number | null };
export type ItemTariff = { readonly unit: string; readonly duty: ItemRate; readonly excise: ItemRate | null; readonly vatBp: number };

export type ItemPayments = {
  readonly number: number;
  readonly customsValueDirams: bigint;
  readonly dutyDirams: bigint;
  readonly exciseDirams: bigint;
  readonly vatDirams: bigint;
};

export type Assessment = {
  readonly items: readonly ItemPayments[];
  readonly customsValueDirams: bigint;
  readonly dutyDirams: bigint;
  readonly exciseDirams: bigint;
  readonly vatDirams: bigint;
  /** What must be paid before release (free circulation): duty + excise + VAT. */
  readonly payableDirams: bigint;
  /** What a guarantee must secure instead (regimes with relief, art.160, CUS-GUA-03/04/08/10). */
  readonly toSecureDirams: bigint;
};

const RATE_SCALE = 6;
const AMOUNT_SCALE = 2;
const QUANTITY_SCALE = 3;

/** Regimes whose goods pay duty and taxes on release. */
const PAYING: readonly Regime[] = ['release_for_free_circulation', 're_import'];
/** Regimes that relieve the goods from payment, so the payments that would be due are secured (art.160; CUS-GUA-03, 04, 08, 10). */
export const SECURED_REGIMES: readonly Regime[] = ['customs_warehouse', 'temporary_import', 'processing_inside', 'free_zone', 'duty_free_shop'];

/** The quantity a specific rate applies to, in thousandths of the tariff's unit. */
export function quantityInUnit(item: DeclarationItem, unit: string): bigint {
  if (unit === 'kg') return scaled(item.netMassKg, QUANTITY_SCALE);
  const q = scaled(item.supplementaryQuantity ?? '0', QUANTITY_SCALE);
  return q;
}

const adValorem = (base: bigint, bp: number | null) => (bp === null ? 0n : divRound(base * BigInt(bp), 10_000n));
const specific = (quantityMilli: bigint, dirams: number | null) => (dirams === null ? 0n : divRound(quantityMilli * BigInt(dirams), 1000n));

/**
 * The payments of one item: duty on the customs value; excise on value plus duty (ad valorem) or
 * per unit; VAT on value plus duty plus excise. Mixed rates add.
 */
export function itemPayments(item: DeclarationItem, customsValueDirams: bigint, tariff: ItemTariff, direction: 'import' | 'export'): ItemPayments {
  if (direction === 'export') return { number: item.number, customsValueDirams, dutyDirams: 0n, exciseDirams: 0n, vatDirams: 0n };
  const quantity = quantityInUnit(item, tariff.unit);
  const duty = adValorem(customsValueDirams, tariff.duty.adValoremBp) + specific(quantity, tariff.duty.specificDirams);
  const excise = tariff.excise ? adValorem(customsValueDirams + duty, tariff.excise.adValoremBp) + specific(quantity, tariff.excise.specificDirams) : 0n;
  const vat = adValorem(customsValueDirams + duty + excise, tariff.vatBp);
  return { number: item.number, customsValueDirams, dutyDirams: duty, exciseDirams: excise, vatDirams: vat };
}

/**
 * Customs value of each item in dirams: the item's price plus its share (by price) of the costs
 * the valuation form adds (transport, insurance, other; import only), times the rate of the day.
 * The last item takes the remainder, so the shares add up to the costs exactly.
 */
export function customsValues(data: DeclarationData, somoniPerUnit: string): bigint[] {
  const rate = scaled(somoniPerUnit, RATE_SCALE);
  const prices = data.items.map((i) => scaled(i.invoiceAmount, AMOUNT_SCALE));
  const total = prices.reduce((a, b) => a + b, 0n);
  const costs =
    data.direction === 'import'
      ? scaled(data.valuation.transportCost, AMOUNT_SCALE) +
        scaled(data.valuation.insuranceCost, AMOUNT_SCALE) +
        scaled(data.valuation.otherCosts, AMOUNT_SCALE)
      : 0n;
  let allocated = 0n;
  return prices.map((price, index) => {
    const share = index === prices.length - 1 ? costs - allocated : total === 0n ? 0n : (costs * price) / total;
    allocated += share;
    // price and share in hundredths of the currency, rate in millionths of a somoni: dirams = x × rate / 10^6.
    return divRound((price + share) * rate, 10n ** BigInt(RATE_SCALE));
  });
}

/** The whole assessment; `tariffs` gives each item's tariff on the day of acceptance. */
export function assess(data: DeclarationData, somoniPerUnit: string, tariffOf: (item: DeclarationItem) => ItemTariff): Assessment {
  const values = customsValues(data, somoniPerUnit);
  const items = data.items.map((item, i) => itemPayments(item, values[i] ?? 0n, tariffOf(item), data.direction));
  const sum = (pick: (p: ItemPayments) => bigint) => items.reduce((a, p) => a + pick(p), 0n);
  const duty = sum((p) => p.dutyDirams);
  const excise = sum((p) => p.exciseDirams);
  const vat = sum((p) => p.vatDirams);
  const due = duty + excise + vat;
  return {
    items,
    customsValueDirams: sum((p) => p.customsValueDirams),
    dutyDirams: duty,
    exciseDirams: excise,
    vatDirams: vat,
    payableDirams: PAYING.includes(data.regime) ? due : 0n,
    toSecureDirams: SECURED_REGIMES.includes(data.regime) ? due : 0n,
  };
}

/**
 * Art.128 p.1 (CUS-DEC-24) with AMB-15: goods of different names may go under one code only when
 * that code gives the highest duty, the highest excise and the highest VAT for the whole
 * consignment among the codes of its goods, and all codes share the first 4 digits. Answers the
 * conditions that fail (empty when the code may be used).
 */
export function oneCodeFaults(
  item: DeclarationItem,
  customsValueDirams: bigint,
  tariffOf: (code: string) => ItemTariff | undefined,
): ('same_heading' | 'highest_duty' | 'highest_excise' | 'highest_vat' | 'code_unknown')[] {
  const list = item.goodsList ?? [];
  const faults = new Set<'same_heading' | 'highest_duty' | 'highest_excise' | 'highest_vat' | 'code_unknown'>();
  const chosen = tariffOf(item.commodityCode);
  if (!chosen) return ['code_unknown'];
  const mine = itemPayments(item, customsValueDirams, chosen, 'import');
  for (const line of list) {
    if (line.commodityCode.slice(0, 4) !== item.commodityCode.slice(0, 4)) faults.add('same_heading');
    const other = tariffOf(line.commodityCode);
    if (!other) {
      faults.add('code_unknown');
      continue;
    }
    const theirs = itemPayments(item, customsValueDirams, other, 'import');
    if (theirs.dutyDirams > mine.dutyDirams) faults.add('highest_duty');
    if (theirs.exciseDirams > mine.exciseDirams) faults.add('highest_excise');
    if (other.vatBp > chosen.vatBp) faults.add('highest_vat');
  }
  return [...faults];
}
