/**
 * What the risk management system analyses of a registered declaration or of registered preliminary
 * information (art.429: the ten objects of analysis; CUS-RMS-16, CUS-PI-02), read in the caller's
 * transaction. The `risk` context adds the trader's history it keeps itself (art.429 i.9).
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db.ts';
import { customsValues } from '../domain/declaration-payments.ts';
import { declarations } from '../infrastructure/declaration.schema.ts';
import { preliminaryInformation } from '../infrastructure/preliminary.schema.ts';

/** Outbox topic published when preliminary information is registered (preliminary-store.ts markRegistered): `{ preliminaryId, number, … }`. */
export const PRELIMINARY_REGISTERED = 'customs.preliminary_registered';

/** One goods line: customs value in somoni (analysis figures, not accounting: numbers). */
export type RiskItemFacts = {
  readonly number: number;
  readonly commodityCode: string;
  readonly description: string;
  readonly goodsCategories: readonly string[];
  readonly originCountry: string;
  readonly netMassKg: number;
  readonly supplementaryQuantity?: number;
  readonly customsValue: number;
};

export type RiskSubjectFacts = {
  readonly kind: 'declaration' | 'preliminary';
  readonly id: string;
  readonly number: string;
  readonly direction: 'import' | 'export' | 'transit';
  readonly regime: string;
  readonly officeCode: string;
  readonly traderCode: string;
  readonly brokerTin?: string;
  readonly transportMode: string;
  readonly vehicles: readonly string[];
  readonly countryOfDispatch: string;
  readonly countryOfDestination: string;
  /** Art.429 i.8: the border office the goods entered by (when stated), then the office of declaration. */
  readonly route: readonly string[];
  readonly items: readonly RiskItemFacts[];
  readonly documentTypes: readonly string[];
  readonly registeredAt: Date;
};

/**
 * A registered declaration as risk analysis reads it. The items' customs values are the stored
 * assessment (art.136 p.13: at the rate of the day of acceptance) shared by each item's value before
 * conversion, so they add up to the declaration's customs value.
 */
export async function declarationRiskFacts(tx: Db, declarationId: string): Promise<RiskSubjectFacts | undefined> {
  const [row] = await tx.select().from(declarations).where(eq(declarations.id, declarationId));
  if (!row || row.number === null || row.registeredAt === null) return undefined;
  const data = row.data;
  const weights = customsValues(data, '1');
  const sum = weights.reduce((a, b) => a + b, 0n);
  const total = Number(row.customsValueDirams ?? 0n) / 100;
  return {
    kind: 'declaration',
    id: row.id,
    number: row.number,
    direction: data.direction,
    regime: data.regime,
    officeCode: data.officeCode,
    traderCode: data.declarantCode,
    ...(data.brokerTin ? { brokerTin: data.brokerTin } : {}),
    transportMode: data.transport.mode,
    vehicles: data.transport.vehicles,
    countryOfDispatch: data.countryOfDispatch,
    countryOfDestination: data.countryOfDestination,
    route: [data.transport.borderOfficeCode, data.officeCode].filter((o): o is string => o !== undefined && o !== ''),
    items: data.items.map((item, k) => ({
      number: item.number,
      commodityCode: item.commodityCode,
      description: item.description,
      goodsCategories: item.goodsCategories ?? [],
      originCountry: item.originCountry,
      netMassKg: Number(item.netMassKg),
      ...(item.supplementaryQuantity !== undefined ? { supplementaryQuantity: Number(item.supplementaryQuantity) } : {}),
      customsValue: sum === 0n ? 0 : Math.round((total * Number(weights[k] ?? 0n) * 100) / Number(sum)) / 100,
    })),
    documentTypes: [...new Set(data.documents.map((d) => d.typeCode))],
    registeredAt: row.registeredAt,
  };
}

/** Registered preliminary information (art.11-1, CUS-PI-02): risk is assessed before the goods arrive. */
export async function preliminaryRiskFacts(tx: Db, preliminaryId: string): Promise<RiskSubjectFacts | undefined> {
  const [row] = await tx.select().from(preliminaryInformation).where(eq(preliminaryInformation.id, preliminaryId));
  if (!row || row.registeredAt === null) return undefined;
  return {
    kind: 'preliminary',
    id: row.id,
    number: row.number,
    direction: 'import',
    regime: 'preliminary_information',
    officeCode: row.arrivalOffice,
    traderCode: row.declarantTin ?? row.submitterTin,
    transportMode: row.transportMode,
    vehicles: row.vehicles.map((v) => v.registrationNumber),
    // Preliminary information states no country of dispatch (art.10 p.1 i.41): an indicator on it does not match.
    countryOfDispatch: '',
    countryOfDestination: 'TJ',
    route: [row.arrivalOffice],
    items: row.goods.map((g) => ({
      number: g.lineNo,
      commodityCode: g.commodityCode,
      description: g.description,
      goodsCategories: [],
      originCountry: g.originCountry,
      // It states the gross mass only: the mass an indicator compares with is that.
      netMassKg: Number(g.grossMassKg),
      ...(g.unit !== 'kg' ? { supplementaryQuantity: Number(g.quantity) } : {}),
      customsValue: Number(BigInt(g.valueDirams)) / 100,
    })),
    documentTypes: [],
    registeredAt: row.registeredAt,
  };
}
