/**
 * Step 5 of art.429(2) p.1 (CUS-RMS-20): before a profile version is approved, the risk analyst tries
 * its indicator on the subjects already stored (which it would have selected, in which lanes they
 * went, how many a control found in violation). Runs outside any transaction: it only reads.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { RiskErrorCode } from '../domain/errors.ts';
import type { SubjectKind } from '../domain/model.ts';
import { checkPeriod } from '../domain/period.ts';
import { profileVersions } from '../infrastructure/schema.ts';
import { type SimulationResult, simulateIndicator } from './simulate.ts';

export type SimulationRequest = { readonly subjects?: readonly SubjectKind[]; readonly from?: string; readonly to?: string; readonly sampleSize?: number };

const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id);

export async function simulateProfileVersion(
  db: Db,
  profileId: string,
  version: number,
  input: SimulationRequest,
): Promise<
  Result<Omit<SimulationResult, 'sample'> & { readonly version: number; sample: { id: string; number: string; items: number[] }[] }, Failure<RiskErrorCode>>
> {
  if (!isUuid(profileId)) return fail('RISK_PROFILE_NOT_FOUND', 'params.id');
  const period = checkPeriod(input, 'body');
  if (!period.ok) return period;
  const [v] = await db
    .select({ indicator: profileVersions.indicator, subjects: profileVersions.subjects })
    .from(profileVersions)
    .where(and(eq(profileVersions.profileId, profileId), eq(profileVersions.version, version)));
  if (!v) return fail('RISK_PROFILE_NOT_FOUND', 'params.version');
  const result = await simulateIndicator(db, {
    indicator: v.indicator,
    subjects: input.subjects ?? v.subjects,
    ...(input.from ? { from: input.from } : {}),
    ...(input.to ? { to: input.to } : {}),
    ...(input.sampleSize !== undefined ? { sampleSize: input.sampleSize } : {}),
  });
  return ok({ version, ...result, sample: result.sample.map((x) => ({ ...x, items: [...x.items] })) });
}
