import type { AccountPrincipal } from '../../../platform/auth.ts';
import { type Failure, ok, type Result } from '../../../platform/result.ts';
import { auditDueOn, checkExtension } from '../domain/audit.ts';
import type { AuditErrorCode } from '../domain/audit-errors.ts';
import { AUDIT_CASE, type AuditView, tellPerson } from './audit-view.ts';
import { caseConflict, changeCase } from './case-steps.ts';
import type { CustomsDeps } from './deps.ts';

export type ExtendInput = { readonly days: number; readonly reason: string };

/**
 * A5, CUS-AUD-08 and CUS-AUD-15 (art.417(1) p.5, art.417(2) p.4; AMB-13): the head of the customs
 * authority or an authorised deputy extends the audit once, before its 30th day ends, by 1 to 30
 * calendar days; the person is told the new last day.
 */
export async function extendAudit(
  deps: CustomsDeps,
  actor: AccountPrincipal,
  number: string,
  input: ExtendInput,
): Promise<Result<AuditView, Failure<AuditErrorCode>>> {
  return changeCase(deps, AUDIT_CASE, actor, number, async (a, { tx, now, actor: by, record }) => {
    if (!a.startOn || !a.dueOn) return caseConflict(AUDIT_CASE, a);
    const checked = checkExtension({ state: a.state, role: actor.role, days: input.days, dueOn: a.dueOn, hasExtension: a.extensionDays !== null, now });
    if (!checked.ok) return checked;
    const dueOn = auditDueOn(a.startOn, input.days);
    const saved = await record(
      'extended',
      { state: 'EXTENDED', dueOn, extensionDays: input.days, extensionReason: input.reason, extendedAt: now, extendedBy: by },
      { days: input.days, dueOn, reason: input.reason },
    );
    await tellPerson(tx, now, saved, {
      kind: 'audit_extended',
      title: { tg: `Мӯҳлати санҷиши № ${a.number} тамдид шуд`, ru: `Срок проверки № ${a.number} продлён`, en: `Audit No ${a.number} extended` },
      body: {
        tg: `Ба ${input.days} рӯз, то ${dueOn}.`,
        ru: `На ${input.days} дн., до ${dueOn}.`,
        en: `By ${input.days} days, until ${dueOn}.`,
      },
    });
    return ok(saved);
  });
}
