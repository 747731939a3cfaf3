import type { AccountPrincipal } from '../../../platform/auth.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import { checkFollowUp } from '../domain/audit.ts';
import type { AuditErrorCode } from '../domain/audit-errors.ts';
import { COMPLAINT_GROUND, DESK_RESULTS_GROUND } from '../domain/audit-grounds.ts';
import { declarationsOf } from '../infrastructure/audit.repository.ts';
import { createAudit } from './audit-subject.ts';
import { AUDIT_CASE, type AuditView } from './audit-view.ts';
import { changeCase } from './case-steps.ts';
import type { CustomsDeps } from './deps.ts';

export type FollowUpInput = {
  /** `desk_results`: A7 (art.417(2) p.5 i.13); `complaint`: A8 (i.12). */
  readonly reason: 'desk_results' | 'complaint';
  /** What the new audit checks: the violation indicated, or the complaint's issues and its reference. */
  readonly details: string;
  readonly focus?: 'complex' | 'thematic';
  readonly theme?: string;
};

/**
 * A7/A8: a field audit GROUND_REGISTERED on ground F13 (a desk act indicating a possible violation
 * or documents not submitted in time) or F12 (a complaint about an audit's results), for the same
 * person and declarations, linked to the audit it follows; the origin's card records it.
 */
export async function registerFollowUpAudit(
  deps: CustomsDeps,
  actor: AccountPrincipal,
  number: string,
  input: FollowUpInput,
): Promise<Result<AuditView, Failure<AuditErrorCode>>> {
  return changeCase(deps, AUDIT_CASE, actor, number, async (origin, { tx, now, actor: by, record }) => {
    const checked = checkFollowUp(origin, input.reason);
    if (!checked.ok) return checked;
    const ground = input.reason === 'complaint' ? COMPLAINT_GROUND : DESK_RESULTS_GROUND;
    const focus = input.focus ?? (input.theme ? 'thematic' : 'complex');
    if (focus === 'thematic' && !input.theme) return fail('AUDIT_THEME_REQUIRED', 'body.theme');
    const audit = await createAudit(
      tx,
      {
        place: 'field',
        focus,
        theme: input.theme,
        officeCode: origin.officeCode,
        person: { code: origin.personCode, name: origin.personName },
        controlObjects: origin.controlObjects,
        coveredFrom: origin.coveredFrom ?? undefined,
        coveredTo: origin.coveredTo ?? undefined,
      },
      await declarationsOf(tx, origin.id),
      { kind: 'ground', ground, details: input.details, originAuditId: origin.id },
      by,
      now,
    );
    await record('follow_up_registered', {}, { followUp: audit.number, ground });
    return ok(audit);
  });
}
