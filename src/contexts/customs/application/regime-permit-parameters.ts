import type { AccountPrincipal } from '../../../platform/auth.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { transact } from '../../../platform/db.ts';
import { type Failure, ok, type Result } from '../../../platform/result.ts';
import type { RegimeErrorCode } from '../domain/regime-errors.ts';
import { processingPermitParameters } from '../infrastructure/regime.schema.ts';
import { actorOf, type CustomsDeps } from './deps.ts';

export type PermitParameterInput = { readonly validFrom: string; readonly extensionWorkingDays: number; readonly basis: string };
export type PermitParameterRow = typeof processingPermitParameters.$inferSelect;

/**
 * AMB-18, CUS-REG-06: records the extension the law on the permit system allows, from a day, with
 * its basis (the act and article). A later row for the same day replaces the figure.
 */
export async function recordPermitParameter(
  deps: CustomsDeps,
  officer: AccountPrincipal,
  input: PermitParameterInput,
): Promise<Result<PermitParameterRow, Failure<RegimeErrorCode>>> {
  const now = deps.clock.now();
  return transact(deps.database.db, async (tx) => {
    const values = { ...input, recordedAt: now, recordedBy: actorOf(officer) };
    const [row] = await tx
      .insert(processingPermitParameters)
      .values(values)
      .onConflictDoUpdate({ target: processingPermitParameters.validFrom, set: values })
      .returning();
    if (!row) throw new Error('parameter not recorded');
    await appendAudit(tx, now, {
      actor: actorOf(officer),
      action: 'customs.processing_permit_parameter_recorded',
      entity: 'customs.processing_permit_parameters',
      entityId: input.validFrom,
      after: row,
    });
    return ok(row);
  });
}
