/**
 * What the checks of art.132 p.4 and the assessment need, read in one pass for the day of
 * acceptance (art.136 p.12-13: rates and restrictions of that day, CUS-DEC-72): the offices, the
 * tariff lines of every code declared, the countries, the rate of the currency, the persons, the
 * document types and the documents the art.63 lists require.
 */
import { and, eq, gte, inArray, isNull, lte, or, type SQL } from 'drizzle-orm';
import type { IsoDate } from '../../../platform/calendar/index.ts';
import type { Db } from '../../../platform/db.ts';
import type { DeclarationData } from '../domain/declaration.ts';
import type { PersonFacts, RequiredDocument } from '../domain/declaration-checks.ts';
import type { ItemTariff } from '../domain/declaration-payments.ts';
import type { OfficePowers } from '../domain/offices.ts';
import { documentRequirements } from '../infrastructure/declaration.schema.ts';
import { commodityCodes, countries, documentTypes, exchangeRates, offices, persons } from '../infrastructure/schema.ts';

type Versioned = { readonly validFrom: never; readonly validTo: never };
const inForce = (table: { validFrom: unknown; validTo: unknown }, day: IsoDate): SQL =>
  and(
    lte((table as unknown as Versioned).validFrom, day),
    or(isNull((table as unknown as Versioned).validTo), gte((table as unknown as Versioned).validTo, day)),
  ) as SQL;

export type OfficeFacts = OfficePowers & { readonly calendarOffice: string; readonly region: string };

export type DeclarationFacts = {
  readonly offices: readonly OfficeFacts[];
  readonly tariffs: ReadonlyMap<string, ItemTariff>;
  readonly countries: ReadonlySet<string>;
  readonly rate: string | undefined;
  readonly declarant: PersonFacts | undefined;
  readonly broker: PersonFacts | undefined;
  readonly documentTypes: ReadonlySet<string>;
  readonly requiredDocuments: readonly RequiredDocument[];
};

const num = (v: number | null) => (v === null ? null : Number(v));

export async function declarationFacts(db: Db, data: DeclarationData, day: IsoDate, channel: 'electronic' | 'paper'): Promise<DeclarationFacts> {
  const codes = [...new Set(data.items.flatMap((i) => [i.commodityCode, ...(i.goodsList ?? []).map((l) => l.commodityCode)]))];
  const people = [data.declarantCode, ...(data.brokerTin ? [data.brokerTin] : [])];
  const [officeRows, tariffRows, countryRows, rateRows, personRows, typeRows, requirementRows] = await Promise.all([
    db.select().from(offices).where(inForce(offices, day)),
    codes.length === 0
      ? Promise.resolve([])
      : db
          .select()
          .from(commodityCodes)
          .where(and(inArray(commodityCodes.code, codes), inForce(commodityCodes, day))),
    db.select({ code: countries.code }).from(countries).where(inForce(countries, day)),
    db
      .select({ rate: exchangeRates.somoniPerUnit })
      .from(exchangeRates)
      .where(and(eq(exchangeRates.currency, data.currency), inForce(exchangeRates, day))),
    db
      .select()
      .from(persons)
      .where(and(inArray(persons.code, people), inForce(persons, day))),
    db.select({ code: documentTypes.code }).from(documentTypes).where(inForce(documentTypes, day)),
    db.select().from(documentRequirements).where(inForce(documentRequirements, day)),
  ]);
  const person = (code: string | undefined): PersonFacts | undefined => {
    const row = personRows.find((p) => p.code === code);
    return row ? { code: row.code, residence: row.residence, roles: row.roles, foreignGround: row.foreignGround } : undefined;
  };
  const matches = (value: string | null, actual: string) => value === null || value === actual;
  const required: RequiredDocument[] = [];
  for (const r of requirementRows) {
    if (
      !matches(r.direction, data.direction) ||
      !matches(r.regime, data.regime) ||
      !matches(r.transportMode, data.transport.mode) ||
      !matches(r.channel, channel)
    )
      continue;
    const prefix = r.commodityPrefix;
    const items = prefix === null ? [] : data.items.filter((i) => i.commodityCode.startsWith(prefix)).map((i) => i.number);
    if (prefix !== null && items.length === 0) continue;
    required.push({ typeCode: r.documentType, basis: r.basis, isObtainable: r.isObtainable, items });
  }
  return {
    offices: officeRows.map((o) => ({
      code: o.code,
      declarationKinds: o.declarationKinds,
      regimes: o.regimes,
      transportModes: o.transportModes,
      goodsAssignments: o.goodsAssignments,
      calendarOffice: o.calendarOffice,
      region: o.region,
    })),
    tariffs: new Map(
      tariffRows.map((t) => [
        t.code,
        {
          unit: t.unit,
          duty: { adValoremBp: num(t.dutyAdValoremBp), specificDirams: num(t.dutySpecificDirams) },
          excise:
            t.exciseAdValoremBp === null && t.exciseSpecificDirams === null
              ? null
              : { adValoremBp: num(t.exciseAdValoremBp), specificDirams: num(t.exciseSpecificDirams) },
          vatBp: t.vatBp,
        },
      ]),
    ),
    countries: new Set(countryRows.map((c) => c.code)),
    rate: rateRows[0]?.rate,
    declarant: person(data.declarantCode),
    broker: person(data.brokerTin),
    documentTypes: new Set(typeRows.map((t) => t.code)),
    requiredDocuments: required,
  };
}
