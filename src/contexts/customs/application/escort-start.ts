import type { AccountPrincipal } from '../../../platform/auth.ts';
import { type Failure, ok, type Result } from '../../../platform/result.ts';
import { canMoveEscort } from '../domain/escort.ts';
import type { EscortErrorCode } from '../domain/escort-errors.ts';
import { caseConflict, changeCase } from './case-steps.ts';
import type { CustomsDeps } from './deps.ts';
import { ESCORT_CASE, type EscortView } from './escort-view.ts';

/** Catalog 3.4: the escorted vehicle sets off (ORGANISED → IN_ESCORT), at the time recorded now. */
export async function startEscort(deps: CustomsDeps, actor: AccountPrincipal, number: string): Promise<Result<EscortView, Failure<EscortErrorCode>>> {
  return changeCase(deps, ESCORT_CASE, actor, number, async (e, { now, record }) => {
    if (!canMoveEscort(e.state, 'started')) return caseConflict(ESCORT_CASE, e);
    return ok(await record('started', { state: 'IN_ESCORT', startedAt: now }));
  });
}
