/**
 * The statistical database of art.504 p.1 built from the declaration data (art.124 p.11; CUS-INF-03):
 * one row per item of a released declaration, limited to what customs statistics need — the
 * commodity code, the countries, the regime and direction, the customs value and a statistical
 * value, mass and quantity in the code's unit, the month and the office. No party, price, currency
 * amount or document is copied. Pure: no I/O, no clock.
 */
import { dushanbeDate } from '../../../platform/calendar/time.ts';
import { divRound } from '../../../platform/fiscal-amounts.ts';
import type { DeclarationData, Direction } from './declaration.ts';
import { scaled } from './declaration.ts';
import { quantityInUnit } from './declaration-payments.ts';

export type StatisticsItem = {
  readonly itemNo: number;
  readonly commodityCode: string;
  readonly originCountry: string;
  readonly destinationCountry: string;
  /** Trade statistics' partner: the country of origin of imports, of destination of exports. */
  readonly partnerCountry: string;
  readonly customsValueDirams: bigint;
  /** The customs value in US cents at the rate of the day of acceptance; null without a rate. */
  readonly statisticalValueUsdCents: bigint | null;
  readonly netMassGrams: bigint;
  /** Thousandths of `statisticalUnit`, the unit of measure of the commodity code. */
  readonly statisticalQuantityMilli: bigint;
  readonly statisticalUnit: string;
};

export const partnerCountry = (direction: Direction, origin: string, destination: string): string => (direction === 'import' ? origin : destination);

/** The first day of the Dushanbe month of an instant: the month a release is counted in. */
export const periodMonth = (at: Date): string => `${dushanbeDate(at).slice(0, 7)}-01`;

/**
 * The rows of one declaration: `values` are the items' customs values (dirams, as assessed),
 * `unitOf` the unit of each code on the day of acceptance, `usdRate` somoni per US dollar that day.
 */
export function statisticsItems(
  data: DeclarationData,
  values: readonly bigint[],
  unitOf: (commodityCode: string) => string,
  usdRate: string | undefined,
): StatisticsItem[] {
  const rateMicro = usdRate === undefined ? 0n : scaled(usdRate, 6);
  return data.items.map((item, i) => {
    const value = values[i] ?? 0n;
    const unit = unitOf(item.commodityCode);
    return {
      itemNo: item.number,
      commodityCode: item.commodityCode,
      originCountry: item.originCountry,
      destinationCountry: data.countryOfDestination,
      partnerCountry: partnerCountry(data.direction, item.originCountry, data.countryOfDestination),
      customsValueDirams: value,
      // dirams ÷ (somoni per dollar) = cents: dirams × 10^6 ÷ (millionths of a somoni per dollar).
      statisticalValueUsdCents: rateMicro > 0n ? divRound(value * 1_000_000n, rateMicro) : null,
      netMassGrams: scaled(item.netMassKg, 3),
      statisticalQuantityMilli: quantityInUnit(item, unit),
      statisticalUnit: unit,
    };
  });
}

/** How the analyst's query groups rows. */
export const STATISTICS_GROUPS = ['month', 'commodity', 'country', 'direction', 'regime', 'office'] as const;
export type StatisticsGroup = (typeof STATISTICS_GROUPS)[number];

/** Thousandths as a decimal string with 3 places. */
export const milli = (v: bigint): string => {
  const negative = v < 0n;
  const s = (negative ? -v : v).toString().padStart(4, '0');
  return `${negative ? '-' : ''}${s.slice(0, -3)}.${s.slice(-3)}`;
};
