import type { AccountPrincipal } from '../../../platform/auth.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { EscortErrorCode } from '../domain/escort-errors.ts';
import { type EscortFilter, escortByNumber, escortEventsOf, listEscortRows } from '../infrastructure/escort.repository.ts';
import { isCustoms, type ListPage } from './case-steps.ts';
import type { CustomsDeps } from './deps.ts';
import { type EscortView, escortView } from './escort-view.ts';

export type EscortListQuery = Pick<EscortFilter, 'state' | 'isOverdue'> & ListPage;

/** Officers: the escorts by state, or those past their 24 hours; a carrier: its own (by its TIN), without the history. */
export async function listEscorts(deps: CustomsDeps, p: AccountPrincipal, q: EscortListQuery): Promise<EscortView[]> {
  const now = deps.clock.now();
  const found = await listEscortRows(deps.database.db, {
    ...q,
    carrierTin: isCustoms(p) ? undefined : (p.tin ?? '-'),
    now,
    limit: q.limit ?? 50,
    offset: q.offset ?? 0,
  });
  return found.map((e) => escortView(e, now));
}

/** One escort; a carrier sees only its own. */
export async function getEscort(deps: CustomsDeps, p: AccountPrincipal, number: string): Promise<Result<EscortView, Failure<EscortErrorCode>>> {
  const db = deps.database.db;
  const e = await escortByNumber(db, number);
  if (!e) return fail('ESCORT_NOT_FOUND', 'params.number');
  if (isCustoms(p)) return ok(escortView(e, deps.clock.now(), await escortEventsOf(db, e.id)));
  if (!p.tin || e.carrierTin !== p.tin) return fail('ESCORT_NOT_FOUND', 'params.number');
  return ok(escortView(e, deps.clock.now()));
}
