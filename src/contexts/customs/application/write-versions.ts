/**
 * Writes new versions of one table inside the caller's transaction: cross-table checks, then each
 * key's history placed version by version (domain/history.ts). Used by one-row entry and by the
 * CSV import alike, so both refuse the same things with the same codes.
 */
import type { Db } from '../../../platform/db.ts';
import { err, ok, type Result } from '../../../platform/result.ts';
import type { ReferenceErrorCode } from '../domain/errors.ts';
import { type IsoDate, planVersion, type Span, versionOn } from '../domain/history.ts';
import type { ParsedVersion } from '../domain/parse.ts';
import { TABLES, type TableSpec } from '../domain/tables.ts';
import { calendarOfficeCodes, closeVersion, insertVersion, lockTable, versionsOf } from './reference-store.ts';

/** A refusal of one line of a file (line 0 when the entry is a single JSON body). */
export type LineProblem = { readonly line: number; readonly field: string; readonly code: ReferenceErrorCode };
export type NumberedVersion = { readonly line: number; readonly version: ParsedVersion };

async function crossCheck(tx: Db, spec: TableSpec, items: readonly NumberedVersion[]): Promise<LineProblem[]> {
  const problems: LineProblem[] = [];
  if (spec.name === 'offices') {
    const calendars = await calendarOfficeCodes(tx);
    for (const { line, version } of items) {
      if (!calendars.has(String(version.values.calendarOffice))) problems.push({ line, field: 'calendarOffice', code: 'CALENDAR_OFFICE_UNKNOWN' });
    }
  }
  if (spec.name === 'exchange_rates') {
    // A rate is kept only for a currency of the list on the rate's first day.
    const cache = new Map<string, Span[]>();
    for (const { line, version } of items) {
      const code = String(version.values.currency);
      if (!cache.has(code)) cache.set(code, await versionsOf(tx, TABLES.currencies, [code]));
      if (!versionOn(cache.get(code) ?? [], version.span.validFrom)) problems.push({ line, field: 'currency', code: 'CURRENCY_UNKNOWN' });
    }
  }
  return problems;
}

/** Places and writes every version; any refusal leaves an Err, and the caller's transaction rolls back. */
export async function writeVersions(tx: Db, spec: TableSpec, items: readonly NumberedVersion[], today: IsoDate): Promise<Result<number, LineProblem[]>> {
  await lockTable(tx, spec);
  const problems = await crossCheck(tx, spec, items);
  // Rows that fail a cross-table check would break a foreign key: nothing is written then.
  if (problems.length > 0) return err(problems);
  const byKey = new Map<string, NumberedVersion[]>();
  for (const item of items) {
    const k = JSON.stringify(item.version.key);
    byKey.set(k, [...(byKey.get(k) ?? []), item]);
  }
  for (const group of byKey.values()) {
    const key = (group[0] as NumberedVersion).version.key;
    const stored = await versionsOf(tx, spec, key);
    const state: Span[] = stored.map((v) => ({ validFrom: v.validFrom, validTo: v.validTo }));
    const sorted = [...group].sort((a, b) => a.version.span.validFrom.localeCompare(b.version.span.validFrom));
    for (const { line, version } of sorted) {
      const plan = planVersion(state, version.span, today, stored.length > 0);
      if (!plan.ok) {
        problems.push({ line, field: plan.error === 'REFERENCE_DATES_INVALID' ? 'validTo' : 'validFrom', code: plan.error });
        continue;
      }
      const { close } = plan.value;
      if (close) {
        await closeVersion(tx, spec, key, close.validFrom, close.validTo);
        const open = state.findIndex((s) => s.validFrom === close.validFrom);
        state[open] = close;
      }
      await insertVersion(tx, spec, version);
      state.push(version.span);
    }
  }
  return problems.length > 0 ? err(problems.sort((a, b) => a.line - b.line)) : ok(items.length);
}
