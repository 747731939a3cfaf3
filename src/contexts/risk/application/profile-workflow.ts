/**
 * The approval workflow of a profile version (art.429(2) p.2, CUS-RMS-21; docs/risk.md):
 * draft → approved (by another risk analyst: four eyes) → active (only within its validity period;
 * the profile's previously active version is retired) → retired. Every step records who and when,
 * is audited, and an activation or a retirement tells every node to rebuild its engine.
 */
import { and, eq } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { dushanbeDate } from '../../../platform/calendar/index.ts';
import { type Db, transact } from '../../../platform/db.ts';
import type { Failure, Result } from '../../../platform/result.ts';
import type { RiskErrorCode } from '../domain/errors.ts';
import { checkActivation, checkApproval, checkRetirement } from '../domain/profiles.ts';
import { type ProfileVersionRow, profileVersions } from '../infrastructure/schema.ts';
import { actorOf, type RiskDeps } from './deps.ts';
import { engineInputsChanged } from './engine-cache.ts';
import { lockVersion, type ProfileView, readProfile } from './profile-store.ts';

export type WorkflowStep = 'approve' | 'activate' | 'retire';

async function retire(tx: Db, v: ProfileVersionRow, by: string, at: Date): Promise<void> {
  await tx.update(profileVersions).set({ state: 'retired', retiredBy: by, retiredAt: at, updatedAt: at }).where(eq(profileVersions.id, v.id));
}

/** One step of the workflow on version `version` of profile `id`. */
export async function moveProfileVersion(
  deps: RiskDeps,
  actor: AccountPrincipal,
  id: string,
  version: number,
  step: WorkflowStep,
): Promise<Result<ProfileView, Failure<RiskErrorCode>>> {
  return transact(deps.database.db, async (tx) => {
    const found = await lockVersion(tx, id, version);
    if (!found.ok) return found;
    const v = found.value;
    const now = deps.clock.now();
    const day = dushanbeDate(now);
    const by = actorOf(actor);
    const checked = step === 'approve' ? checkApproval(v, by) : step === 'activate' ? checkActivation(v, day) : checkRetirement(v);
    if (!checked.ok) return checked;
    if (step === 'approve') {
      await tx.update(profileVersions).set({ state: 'approved', approvedBy: by, approvedAt: now, updatedAt: now }).where(eq(profileVersions.id, v.id));
    } else if (step === 'activate') {
      const [previous] = await tx
        .select()
        .from(profileVersions)
        .where(and(eq(profileVersions.profileId, id), eq(profileVersions.state, 'active')));
      if (previous) await retire(tx, previous, by, now);
      await tx.update(profileVersions).set({ state: 'active', activatedBy: by, activatedAt: now, updatedAt: now }).where(eq(profileVersions.id, v.id));
      await engineInputsChanged(tx);
    } else {
      await retire(tx, v, by, now);
      if (v.state === 'active') await engineInputsChanged(tx);
    }
    await appendAudit(tx, now, {
      actor: by,
      action: `risk.profile_${step === 'approve' ? 'approved' : step === 'activate' ? 'activated' : 'retired'}`,
      entity: 'risk.profile',
      entityId: id,
      before: { version, state: v.state },
      after: { version, state: step === 'approve' ? 'approved' : step === 'activate' ? 'active' : 'retired' },
    });
    return readProfile(tx, id, day);
  });
}
