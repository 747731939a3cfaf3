import type { AccountPrincipal } from '../../../platform/auth.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { transact } from '../../../platform/db.ts';
import { type Failure, ok, type Result } from '../../../platform/result.ts';
import type { ExitErrorCode } from '../domain/exit-errors.ts';
import { type UndertakingParameterRow, undertakingParameters } from '../infrastructure/exit-statistics.schema.ts';
import { actorOf, type CustomsDeps } from './deps.ts';

export type UndertakingParameterInput = { readonly validFrom: string; readonly maxDays: number; readonly basis: string };

/**
 * AMB-18, CUS-REL-08: records the longest period of art.150 p.2 from a day, with its basis (the
 * consolidated Code's article, or an order of the authorised body). A later row for the same day
 * replaces the figure; undertakings already given keep the limit they were given under.
 */
export async function recordUndertakingParameter(
  deps: CustomsDeps,
  head: AccountPrincipal,
  input: UndertakingParameterInput,
): Promise<Result<UndertakingParameterRow, Failure<ExitErrorCode>>> {
  const now = deps.clock.now();
  return transact(deps.database.db, async (tx) => {
    const values = { ...input, recordedAt: now, recordedBy: actorOf(head) };
    const [row] = await tx
      .insert(undertakingParameters)
      .values(values)
      .onConflictDoUpdate({ target: undertakingParameters.validFrom, set: values })
      .returning();
    if (!row) throw new Error('parameter not recorded');
    await appendAudit(tx, now, {
      actor: actorOf(head),
      action: 'customs.undertaking_parameter_recorded',
      entity: 'customs.undertaking_parameters',
      entityId: input.validFrom,
      after: row,
    });
    return ok(row);
  });
}
