import type { AccountPrincipal } from '../../../platform/auth.ts';
import { type Failure, ok, type Result } from '../../../platform/result.ts';
import { canMoveEscort } from '../domain/escort.ts';
import type { EscortErrorCode } from '../domain/escort-errors.ts';
import { caseConflict, changeCase } from './case-steps.ts';
import type { CustomsDeps } from './deps.ts';
import { ESCORT_CASE, type EscortView, tellCarrier } from './escort-view.ts';

/** Catalog 3.4: the vehicle reached the destination office under escort (IN_ESCORT → COMPLETED). */
export async function completeEscort(
  deps: CustomsDeps,
  actor: AccountPrincipal,
  number: string,
  input: { readonly note?: string },
): Promise<Result<EscortView, Failure<EscortErrorCode>>> {
  return changeCase(deps, ESCORT_CASE, actor, number, async (e, { tx, now, record }) => {
    if (!canMoveEscort(e.state, 'completed')) return caseConflict(ESCORT_CASE, e);
    const saved = await record('completed', { state: 'COMPLETED', completedAt: now, completionNote: input.note ?? null }, { note: input.note });
    await tellCarrier(tx, now, saved, {
      kind: 'escort_completed',
      title: {
        tg: `Мушоияти гумрукӣ № ${e.number} анҷом ёфт`,
        ru: `Таможенное сопровождение № ${e.number} завершено`,
        en: `Customs escort No ${e.number} completed`,
      },
      body: { tg: e.toOffice, ru: e.toOffice, en: e.toOffice },
    });
    return ok(saved);
  });
}
