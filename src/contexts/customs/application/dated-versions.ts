/**
 * A new version of one key of a dated rule table that customs keeps one row at a time (form
 * definitions, currency-control rules, cases of change after release): under a lock of the key, the
 * key's versions are read, the new span is placed by `planVersion` (domain/history.ts: not in the
 * past, no overlap) and the open version closes the day before the new one starts, all in the
 * caller's transaction. The reference tables place theirs through `writeVersions`, which also
 * imports CSV. Answers the versions read (before the new one) and the version it closed, or why the
 * span cannot be placed.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db.ts';
import { err, ok, type Result } from '../../../platform/result.ts';
import { type HistoryRefusal, type IsoDate, planVersion, type Span } from '../domain/history.ts';

export type DatedVersion<V extends Span> = {
  /** What the lock is taken on: one writer of the key at a time. */
  readonly lock: string;
  readonly versions: () => Promise<readonly V[]>;
  readonly span: Span;
  readonly today: IsoDate;
  /** Ends the open version (its `validFrom`) on `validTo`. */
  readonly close: (open: { readonly validFrom: IsoDate; readonly validTo: IsoDate }) => Promise<unknown>;
  /** A key that has had versions changes only from today on (default: whether any was read). */
  readonly hasStoredVersions?: boolean;
};

export type PlacedVersion<V extends Span> = { readonly versions: readonly V[]; readonly closed?: { readonly validFrom: IsoDate; readonly validTo: IsoDate } };

export async function placeDatedVersion<V extends Span>(tx: Db, v: DatedVersion<V>): Promise<Result<PlacedVersion<V>, HistoryRefusal>> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${v.lock}, 0))`);
  const existing = await v.versions();
  const plan = planVersion(existing, v.span, v.today, v.hasStoredVersions ?? existing.length > 0);
  if (!plan.ok) return err(plan.error);
  const closed = plan.value.close;
  if (closed) await v.close(closed);
  return ok({ versions: existing, ...(closed ? { closed } : {}) });
}
