/**
 * Effective-date history (IMP-07): every reference row is a version valid from one day to another
 * (both inclusive; `validTo` null means until further notice). Pure: the caller supplies today.
 */
import { err, ok, type Result } from '../../../platform/result.ts';

/** A calendar date, YYYY-MM-DD. */
export type IsoDate = string;
export type Span = { readonly validFrom: IsoDate; readonly validTo: IsoDate | null };

const DAY_MS = 86_400_000;

/** True for a real calendar day (the pattern alone lets 2026-02-31 through). */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The version in force on `date`, if any (CUS-DEC-72: the rates on the day of acceptance). */
export function versionOn<V extends Span>(versions: readonly V[], date: IsoDate): V | undefined {
  return versions.find((v) => v.validFrom <= date && (v.validTo === null || date <= v.validTo));
}

const overlaps = (a: Span, b: Span) => a.validFrom <= (b.validTo ?? '9999-12-31') && b.validFrom <= (a.validTo ?? '9999-12-31');

/** Whether no two versions of one key share a day. */
export function hasNoOverlap(versions: readonly Span[]): boolean {
  const sorted = [...versions].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  return sorted.every((v, i) => i === 0 || !overlaps(sorted[i - 1] as Span, v));
}

export type HistoryRefusal = 'REFERENCE_DATES_INVALID' | 'REFERENCE_PAST_DATED' | 'REFERENCE_OVERLAP';

/** What to write for a new version: the open version it closes (if any) and the new span. */
export type VersionPlan = { readonly close?: { readonly validFrom: IsoDate; readonly validTo: IsoDate }; readonly span: Span };

/**
 * Places a new version of one key after the versions it has. The open version that started
 * earlier is closed the day before; any other shared day is an overlap. A key that already has
 * stored versions changes only from `today` on: a declaration accepted yesterday was assessed at
 * yesterday's rates (art.136 p.13), which must stay as they were. A new key may bring its past.
 */
export function planVersion(existing: readonly Span[], span: Span, today: IsoDate, hasStoredVersions: boolean): Result<VersionPlan, HistoryRefusal> {
  if (span.validTo !== null && span.validTo < span.validFrom) return err('REFERENCE_DATES_INVALID');
  if (hasStoredVersions && span.validFrom < today) return err('REFERENCE_PAST_DATED');
  const open = existing.find((v) => v.validTo === null && v.validFrom < span.validFrom);
  const close = open ? { validFrom: open.validFrom, validTo: addDays(span.validFrom, -1) } : undefined;
  const after = existing.map((v) => (open && v.validFrom === open.validFrom ? { validFrom: v.validFrom, validTo: close?.validTo ?? null } : v));
  if (after.some((v) => overlaps(v, span))) return err('REFERENCE_OVERLAP');
  return ok({ ...(close ? { close } : {}), span });
}
