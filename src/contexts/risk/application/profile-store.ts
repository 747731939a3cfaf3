/** Reading risk profiles and their versions, as the risk analyst sees them (art.429(2) p.3: nobody else does). */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../platform/db.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { RiskErrorCode } from '../domain/errors.ts';
import { isInForce, type ProfileContent } from '../domain/profiles.ts';
import { type ProfileVersionRow, profiles, profileVersions } from '../infrastructure/schema.ts';

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function versionView(v: ProfileVersionRow, day: string) {
  return {
    id: v.id,
    version: v.version,
    state: v.state,
    area: v.area,
    categories: v.categories,
    kind: v.kind,
    indicator: v.indicator,
    objects: v.objects,
    subjects: v.subjects,
    lane: v.lane,
    selectionPercent: v.selectionPercent,
    measures: v.measures,
    level: v.level,
    validFrom: v.validFrom,
    validTo: v.validTo,
    /** Applied today: active and within its validity period. */
    isApplied: v.state === 'active' && isInForce(v, day),
    createdBy: v.createdBy,
    createdAt: v.createdAt.toISOString(),
    updatedAt: v.updatedAt.toISOString(),
    approvedBy: v.approvedBy,
    approvedAt: iso(v.approvedAt),
    activatedBy: v.activatedBy,
    activatedAt: iso(v.activatedAt),
    retiredBy: v.retiredBy,
    retiredAt: iso(v.retiredAt),
  };
}

export type ProfileView = Extract<Awaited<ReturnType<typeof readProfile>>, { ok: true }>['value'];

/** The columns a version's content fills. */
export const contentColumns = (c: ProfileContent) => ({
  area: c.area,
  categories: [...c.categories],
  kind: c.kind,
  indicator: c.indicator,
  objects: [...c.objects],
  subjects: [...c.subjects],
  lane: c.lane,
  selectionPercent: c.selectionPercent,
  measures: [...c.measures],
  level: c.level,
  validFrom: c.validFrom,
  validTo: c.validTo,
});

const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id);

/** A profile with every version, newest first. */
export async function readProfile(db: Db, id: string, day: string) {
  if (!isUuid(id)) return fail('RISK_PROFILE_NOT_FOUND', 'params.id');
  const [profile] = await db.select().from(profiles).where(eq(profiles.id, id));
  if (!profile) return fail('RISK_PROFILE_NOT_FOUND', 'params.id');
  const versions = await db.select().from(profileVersions).where(eq(profileVersions.profileId, id)).orderBy(desc(profileVersions.version));
  return ok({
    id: profile.id,
    code: profile.code,
    createdBy: profile.createdBy,
    createdAt: profile.createdAt.toISOString(),
    activeVersion: versions.find((v) => v.state === 'active')?.version ?? null,
    versions: versions.map((v) => versionView(v, day)),
  });
}

/** Locks a profile's version for a step of the workflow (and the profile, so two steps do not race). */
export async function lockVersion(tx: Db, profileId: string, version: number): Promise<Result<ProfileVersionRow, Failure<RiskErrorCode>>> {
  if (!isUuid(profileId)) return fail('RISK_PROFILE_NOT_FOUND', 'params.id');
  const [profile] = await tx.select({ id: profiles.id }).from(profiles).where(eq(profiles.id, profileId)).for('update');
  if (!profile) return fail('RISK_PROFILE_NOT_FOUND', 'params.id');
  const [row] = await tx
    .select()
    .from(profileVersions)
    .where(and(eq(profileVersions.profileId, profileId), eq(profileVersions.version, version)))
    .for('update');
  return row ? ok(row) : fail('RISK_PROFILE_NOT_FOUND', 'params.version');
}

/** Profiles by code with their latest and active versions (the analyst's list). */
export async function listProfiles(db: Db, day: string, filter: { readonly state?: string } = {}) {
  const all = await db.select().from(profiles).orderBy(asc(profiles.code));
  if (all.length === 0) return [];
  const versions = await db
    .select()
    .from(profileVersions)
    .where(
      inArray(
        profileVersions.profileId,
        all.map((p) => p.id),
      ),
    )
    .orderBy(desc(profileVersions.version));
  const list = all.map((p) => {
    const own = versions.filter((v) => v.profileId === p.id);
    const latest = own[0] as ProfileVersionRow;
    const active = own.find((v) => v.state === 'active');
    return {
      id: p.id,
      code: p.code,
      latest: {
        version: latest.version,
        state: latest.state,
        lane: latest.lane,
        level: latest.level,
        area: latest.area,
        validFrom: latest.validFrom,
        validTo: latest.validTo,
      },
      activeVersion: active?.version ?? null,
      isApplied: active !== undefined && isInForce(active, day),
      states: [...new Set(own.map((v) => v.state))],
    };
  });
  return filter.state ? list.filter((p) => p.states.includes(filter.state as never)) : list;
}
