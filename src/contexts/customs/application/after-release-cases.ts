import { and, asc, eq, gte, isNull, lte, or } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { dushanbeDate } from '../../../platform/calendar/index.ts';
import { type Db, transact } from '../../../platform/db.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import { AFTER_RELEASE_MODES, type AfterReleaseMode, isFieldPath } from '../domain/after-release.ts';
import type { AfterReleaseErrorCode } from '../domain/after-release-errors.ts';
import { isIsoDate } from '../domain/history.ts';
import { type AfterReleaseCaseRow, afterReleaseCases } from '../infrastructure/after-release.schema.ts';
import { placeDatedVersion } from './dated-versions.ts';
import { actorOf, type CustomsDeps } from './deps.ts';

export type AfterReleaseCaseInput = {
  readonly code: string;
  readonly validFrom: string;
  readonly validTo?: string;
  readonly nameTg: string;
  readonly nameRu: string;
  readonly nameEn: string;
  readonly allowedFields: readonly string[];
  readonly modes: readonly AfterReleaseMode[];
  readonly legalBasis: string;
};

type Refusal = Failure<AfterReleaseErrorCode>;

/** The version of a case in force on a day (in the caller's transaction), or undefined. */
export async function caseInForce(db: Db, code: string, day: string): Promise<AfterReleaseCaseRow | undefined> {
  const [row] = await db
    .select()
    .from(afterReleaseCases)
    .where(
      and(eq(afterReleaseCases.code, code), lte(afterReleaseCases.validFrom, day), or(isNull(afterReleaseCases.validTo), gte(afterReleaseCases.validTo, day))),
    );
  return row;
}

/** Every version of every case, by code and start: the authorised body's list with its history (art.133 p.8-9). */
export const listAfterReleaseCases = (deps: CustomsDeps): Promise<AfterReleaseCaseRow[]> =>
  deps.database.db.select().from(afterReleaseCases).orderBy(asc(afterReleaseCases.code), asc(afterReleaseCases.validFrom));

function checkShape(input: AfterReleaseCaseInput): Refusal | undefined {
  if (!isIsoDate(input.validFrom)) return { code: 'AFTER_RELEASE_CASE_INVALID', field: 'body.validFrom' };
  if (input.validTo !== undefined && !isIsoDate(input.validTo)) return { code: 'AFTER_RELEASE_CASE_INVALID', field: 'body.validTo' };
  const badField = input.allowedFields.findIndex((f) => !isFieldPath(f));
  if (badField >= 0 || input.allowedFields.length === 0) return { code: 'AFTER_RELEASE_CASE_INVALID', field: `body.allowedFields.${Math.max(badField, 0)}` };
  if (input.modes.length === 0 || input.modes.some((m) => !AFTER_RELEASE_MODES.includes(m))) return { code: 'AFTER_RELEASE_CASE_INVALID', field: 'body.modes' };
  return undefined;
}

/**
 * Art.133 p.8-9 (CUS-DEC-50): the authorised body sets, from a day on, a case in which declared
 * data may be changed after release: its names, the fields it opens and whether customs changes
 * them by its decision, permits the declarant's request, or both. A case that has versions changes
 * only from today on; the open version closes the day before.
 */
export async function recordAfterReleaseCase(
  deps: CustomsDeps,
  actor: AccountPrincipal,
  input: AfterReleaseCaseInput,
): Promise<Result<AfterReleaseCaseRow[], Refusal>> {
  const bad = checkShape(input);
  if (bad) return { ok: false, error: bad };
  const now = deps.clock.now();
  return transact(deps.database.db, async (tx) => {
    const placed = await placeDatedVersion(tx, {
      lock: 'customs.after_release_cases',
      versions: () => tx.select().from(afterReleaseCases).where(eq(afterReleaseCases.code, input.code)),
      span: { validFrom: input.validFrom, validTo: input.validTo ?? null },
      today: dushanbeDate(now),
      close: (open) =>
        tx
          .update(afterReleaseCases)
          .set({ validTo: open.validTo })
          .where(and(eq(afterReleaseCases.code, input.code), eq(afterReleaseCases.validFrom, open.validFrom))),
    });
    if (!placed.ok)
      return placed.error === 'REFERENCE_PAST_DATED'
        ? fail('AFTER_RELEASE_CASE_PAST_DATED', 'body.validFrom')
        : fail('AFTER_RELEASE_CASE_INVALID', 'body.validFrom', { reason: placed.error });
    const version = {
      code: input.code,
      validFrom: input.validFrom,
      validTo: input.validTo ?? null,
      nameTg: input.nameTg,
      nameRu: input.nameRu,
      nameEn: input.nameEn,
      allowedFields: [...new Set(input.allowedFields)],
      modes: [...new Set(input.modes)],
      legalBasis: input.legalBasis,
    };
    await tx.insert(afterReleaseCases).values(version);
    await appendAudit(tx, now, {
      actor: actorOf(actor),
      action: 'customs.after_release_case_recorded',
      entity: 'customs.after_release_cases',
      entityId: input.code,
      after: version,
    });
    return ok(await tx.select().from(afterReleaseCases).where(eq(afterReleaseCases.code, input.code)).orderBy(asc(afterReleaseCases.validFrom)));
  });
}
