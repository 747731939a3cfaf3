/**
 * Writing risk profiles (art.429(2) p.1 steps 3-5, p.2; CUS-RMS-07, 14-16, 21): a risk analyst creates
 * a profile as a first draft, and edits it: a draft changes in place, while an approved, active or
 * retired version is kept unchanged (decisions name it) and the edit becomes the next draft version.
 * Whoever last wrote a draft is its author for the four-eyes rule.
 */
import { desc, eq } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { dushanbeDate } from '../../../platform/calendar/index.ts';
import { sqlState, transact, UNIQUE_VIOLATION } from '../../../platform/db.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { type Failure, fail, type Result } from '../../../platform/result.ts';
import type { RiskErrorCode } from '../domain/errors.ts';
import { checkProfileInput, editsInPlace, type ProfileInput } from '../domain/profiles.ts';
import { profiles, profileVersions } from '../infrastructure/schema.ts';
import { actorOf, type RiskDeps } from './deps.ts';
import { priceTables } from './price-references.ts';
import { contentColumns, type ProfileView, readProfile } from './profile-store.ts';

type Outcome = Promise<Result<ProfileView, Failure<RiskErrorCode>>>;

/** Read before the transaction (the embedded database has one connection). */
const knownTables = async (deps: RiskDeps) => new Set((await priceTables(deps.database.db)).map((t) => t.name));

/** A new profile: its code and its first draft version. */
export async function createProfile(deps: RiskDeps, actor: AccountPrincipal, input: ProfileInput & { readonly code: string }): Outcome {
  const content = checkProfileInput(input, await knownTables(deps));
  if (!content.ok) return content;
  const now = deps.clock.now();
  const by = actorOf(actor);
  const id = uuidv7(now.getTime());
  try {
    return await transact(deps.database.db, async (tx) => {
      const [taken] = await tx.select({ id: profiles.id }).from(profiles).where(eq(profiles.code, input.code));
      if (taken) return fail('RISK_PROFILE_CODE_TAKEN', 'body.code');
      await tx.insert(profiles).values({ id, code: input.code, createdBy: by, createdAt: now });
      const versionId = uuidv7(now.getTime());
      await tx
        .insert(profileVersions)
        .values({ id: versionId, profileId: id, version: 1, state: 'draft', ...contentColumns(content.value), createdBy: by, createdAt: now, updatedAt: now });
      await appendAudit(tx, now, {
        actor: by,
        action: 'risk.profile_created',
        entity: 'risk.profile',
        entityId: id,
        after: { code: input.code, version: 1, ...contentColumns(content.value) },
      });
      return readProfile(tx, id, dushanbeDate(now));
    });
  } catch (error) {
    // Two analysts creating the same code at once: the second meets the unique index.
    if (sqlState(error) === UNIQUE_VIOLATION) return fail('RISK_PROFILE_CODE_TAKEN', 'body.code');
    throw error;
  }
}

/** An edit: the draft in place, or a new draft version after the latest one. */
export async function reviseProfile(deps: RiskDeps, actor: AccountPrincipal, id: string, input: ProfileInput): Outcome {
  const content = checkProfileInput(input, await knownTables(deps));
  if (!content.ok) return content;
  return transact(deps.database.db, async (tx) => {
    const found = await readProfile(tx, id, '');
    if (!found.ok) return found;
    await tx.select({ id: profiles.id }).from(profiles).where(eq(profiles.id, id)).for('update');
    const [latest] = await tx.select().from(profileVersions).where(eq(profileVersions.profileId, id)).orderBy(desc(profileVersions.version)).limit(1);
    if (!latest) throw new Error(`profile ${id} has no version`);
    const now = deps.clock.now();
    const by = actorOf(actor);
    const columns = contentColumns(content.value);
    if (editsInPlace(latest)) {
      await tx
        .update(profileVersions)
        .set({ ...columns, createdBy: by, updatedAt: now })
        .where(eq(profileVersions.id, latest.id));
    } else {
      await tx.insert(profileVersions).values({
        id: uuidv7(now.getTime()),
        profileId: id,
        version: latest.version + 1,
        state: 'draft',
        ...columns,
        createdBy: by,
        createdAt: now,
        updatedAt: now,
      });
    }
    const version = editsInPlace(latest) ? latest.version : latest.version + 1;
    await appendAudit(tx, now, {
      actor: by,
      action: editsInPlace(latest) ? 'risk.profile_draft_edited' : 'risk.profile_version_drafted',
      entity: 'risk.profile',
      entityId: id,
      before: { version: latest.version, state: latest.state },
      after: { version, ...columns },
    });
    return readProfile(tx, id, dushanbeDate(now));
  });
}
