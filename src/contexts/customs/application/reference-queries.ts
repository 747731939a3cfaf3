import { dushanbeDate } from '../../../platform/calendar/index.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import { type CommodityHierarchy, commodityHierarchy } from '../domain/codes.ts';
import type { ReferenceErrorCode } from '../domain/errors.ts';
import { type IsoDate, isIsoDate, versionOn } from '../domain/history.ts';
import { TABLES, type TableSpec } from '../domain/tables.ts';
import type { CustomsDeps } from './deps.ts';
import { listInForce, type ReferenceVersion, versionsOf } from './reference-store.ts';

type Refusal = Failure<ReferenceErrorCode>;

/** The day asked for, or today in Dushanbe; 2026-02-30 and the like are refused, never sent to SQL. */
export function dayOf(deps: CustomsDeps, date: string | undefined): Result<IsoDate, Refusal> {
  if (date === undefined) return ok(dushanbeDate(deps.clock.now()));
  return isIsoDate(date) ? ok(date) : fail('REFERENCE_DATE_INVALID', 'querystring.date');
}

function checkKey(spec: TableSpec, key: readonly string[]): Refusal | undefined {
  for (const [i, name] of spec.keys.entries()) {
    const field = spec.fields.find((f) => f.name === name);
    if (field?.kind === 'code' && !field.check(key[i] ?? '')) return { code: field.error, field: 'params.code' };
  }
  return undefined;
}

/** The version of one code in force on a day (CUS-DEC-72: the values on the day of acceptance). */
export async function getReferenceOn(deps: CustomsDeps, spec: TableSpec, key: readonly string[], date?: string): Promise<Result<ReferenceVersion, Refusal>> {
  const day = dayOf(deps, date);
  if (!day.ok) return day;
  const bad = checkKey(spec, key);
  if (bad) return fail(bad.code, bad.field);
  const found = versionOn(await versionsOf(deps.database.db, spec, key), day.value);
  return found ? ok(found) : fail('REFERENCE_NOT_FOUND', spec.keys.length > 0 ? 'params.code' : 'querystring.date');
}

/** Every version of one code, oldest first. */
export async function getReferenceHistory(deps: CustomsDeps, spec: TableSpec, key: readonly string[]): Promise<Result<ReferenceVersion[], Refusal>> {
  const bad = checkKey(spec, key);
  if (bad) return fail(bad.code, bad.field);
  const found = await versionsOf(deps.database.db, spec, key);
  return found.length > 0 ? ok(found) : fail('REFERENCE_NOT_FOUND', 'params.code');
}

export type ListQuery = { readonly date?: string; readonly q?: string; readonly prefix?: string; readonly limit?: number; readonly offset?: number };

/** A page of the rows in force on a day. */
export async function listReference(deps: CustomsDeps, spec: TableSpec, query: ListQuery): Promise<Result<ReferenceVersion[], Refusal>> {
  const day = dayOf(deps, query.date);
  if (!day.ok) return day;
  return ok(
    await listInForce(deps.database.db, spec, { date: day.value, q: query.q, prefix: query.prefix, limit: query.limit ?? 100, offset: query.offset ?? 0 }),
  );
}

/** A rate: ad valorem in basis points and/or specific in dirams per unit; null parts do not apply. */
export type Rate = { readonly adValoremBp: number | null; readonly specificDirams: number | null; readonly unit: string };
export type Tariff = {
  readonly code: string;
  readonly date: IsoDate;
  readonly hierarchy: CommodityHierarchy;
  readonly description: { readonly tg: string; readonly ru: string; readonly en: string };
  readonly duty: Rate;
  readonly excise: Rate | null;
  readonly vatBp: number;
  readonly validFrom: IsoDate;
  readonly validTo: IsoDate | null;
};

/** IMP-07, CUS-DEC-24, CUS-DEC-72: duty, excise and VAT of a code as in force on the date. */
export async function tariffOn(deps: CustomsDeps, code: string, date?: string): Promise<Result<Tariff, Refusal>> {
  const found = await getReferenceOn(deps, TABLES.commodity_codes, [code], date);
  if (!found.ok) return found;
  const v = found.value;
  const unit = String(v.unit);
  const num = (x: unknown) => (x === null || x === undefined ? null : Number(x));
  const excise = { adValoremBp: num(v.exciseAdValoremBp), specificDirams: num(v.exciseSpecificDirams), unit };
  return ok({
    code,
    date: (dayOf(deps, date) as { value: IsoDate }).value,
    hierarchy: commodityHierarchy(code),
    description: { tg: String(v.descriptionTg), ru: String(v.descriptionRu), en: String(v.descriptionEn) },
    duty: { adValoremBp: num(v.dutyAdValoremBp), specificDirams: num(v.dutySpecificDirams), unit },
    excise: excise.adValoremBp === null && excise.specificDirams === null ? null : excise,
    vatBp: Number(v.vatBp),
    validFrom: v.validFrom,
    validTo: v.validTo,
  });
}

export type ExchangeRate = {
  readonly currency: string;
  readonly date: IsoDate;
  readonly somoniPerUnit: string;
  readonly source: string;
  readonly validFrom: IsoDate;
  readonly validTo: IsoDate | null;
};

/** Somoni per unit of a currency on the date, exact (a decimal string). */
export async function exchangeRateOn(deps: CustomsDeps, currency: string, date?: string): Promise<Result<ExchangeRate, Refusal>> {
  const found = await getReferenceOn(deps, TABLES.exchange_rates, [currency], date);
  if (!found.ok) return found;
  const v = found.value;
  return ok({
    currency,
    date: (dayOf(deps, date) as { value: IsoDate }).value,
    somoniPerUnit: String(v.somoniPerUnit),
    source: String(v.source),
    validFrom: v.validFrom,
    validTo: v.validTo,
  });
}
