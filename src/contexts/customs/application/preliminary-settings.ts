import type { AccountPrincipal } from '../../../platform/auth.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { transact } from '../../../platform/db.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { ArrivalErrorCode } from '../domain/arrival-errors.ts';
import { arrivalSettings } from '../infrastructure/preliminary.schema.ts';
import { actorOf, type CustomsDeps } from './deps.ts';
import { type ArrivalSettings, loadArrivalSettings } from './preliminary-store.ts';

export type ArrivalSettingsInput = {
  readonly piRegistration: 'automatic' | 'manual';
  readonly piKeptDays: number;
  readonly storageOrdinaryDays: number;
  readonly storageMaximumDays: number;
  readonly storageWarningDays: number;
};

/**
 * CUS-PI-12, A-02, A-20: the authorised customs body sets the order of registration and the
 * periods; new values apply to records registered or presented afterwards.
 */
export async function updateArrivalSettings(
  deps: CustomsDeps,
  officer: AccountPrincipal,
  input: ArrivalSettingsInput,
): Promise<Result<ArrivalSettings, Failure<ArrivalErrorCode>>> {
  if (input.storageOrdinaryDays > input.storageMaximumDays) return fail('ARRIVAL_VALUE_INVALID', 'body.storageOrdinaryDays');
  const now = deps.clock.now();
  return transact(deps.database.db, async (tx) => {
    const before = await loadArrivalSettings(tx);
    await tx
      .insert(arrivalSettings)
      .values({ id: true, ...input, updatedAt: now, updatedBy: actorOf(officer) })
      .onConflictDoUpdate({ target: arrivalSettings.id, set: { ...input, updatedAt: now, updatedBy: actorOf(officer) } });
    const after = await loadArrivalSettings(tx);
    await appendAudit(tx, now, {
      actor: actorOf(officer),
      action: 'customs.arrival_settings_updated',
      entity: 'customs.arrival_settings',
      entityId: 'arrival',
      before,
      after,
    });
    return ok(after);
  });
}
