import type { AccountPrincipal } from '../../../platform/auth.ts';
import type { Failure, Result } from '../../../platform/result.ts';
import type { FiscalDeps } from './deps.ts';
import type { TscView } from './list-tscs.ts';
import { type AccessChangeError, changeTscAccess } from './suspend-tsc-access.ts';

/** FIS-ACC-03: by a new decision of the authorised body the operator restores a suspended TSC's access. */
export async function restoreTscAccess(
  deps: FiscalDeps,
  actor: AccountPrincipal,
  id: string,
  input: { readonly decisionReference: string },
): Promise<Result<TscView, Failure<AccessChangeError>>> {
  return changeTscAccess(deps, actor, id, 'active', input.decisionReference);
}
