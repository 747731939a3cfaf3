import type { AccountPrincipal } from '../../../platform/auth.ts';
import { type Failure, ok, type Result } from '../../../platform/result.ts';
import { canMove, checkReport } from '../domain/audit.ts';
import type { AuditErrorCode } from '../domain/audit-errors.ts';
import { AUDIT_CASE, type AuditView, tellPerson } from './audit-view.ts';
import { caseConflict, changeCase, somoni } from './case-steps.ts';
import type { CustomsDeps } from './deps.ts';

export type ReportInput = {
  readonly isViolationFound: boolean;
  /** Art.417(2) p.5 i.13: documents or data not submitted on customs' demand in time. */
  readonly isDocumentsNotSubmitted?: boolean;
  readonly findings: string;
  /** Additional customs payments assessed, in dirams. */
  readonly additionalDirams: bigint;
  /** Required when the act comes after the audit's last day. */
  readonly lateReason?: string;
};

/**
 * A6, CUS-AUD-11 and CUS-AUD-18 (art.417(1) p.8, art.417(2) p.7): the act of the audit, with its
 * findings; within the 30 (or extended) days, otherwise marked late with the reason. The person
 * receives it in its cabinet. The results go to risk management when the audit is closed (A9).
 */
export async function issueAuditReport(
  deps: CustomsDeps,
  actor: AccountPrincipal,
  number: string,
  input: ReportInput,
): Promise<Result<AuditView, Failure<AuditErrorCode>>> {
  return changeCase(deps, AUDIT_CASE, actor, number, async (a, { tx, now, actor: by, record }) => {
    if (!canMove(a.state, 'A6_report') || !a.dueOn) return caseConflict(AUDIT_CASE, a);
    const findings = {
      isViolationFound: input.isViolationFound,
      additionalDirams: input.additionalDirams,
      isDocumentsNotSubmitted: input.isDocumentsNotSubmitted === true,
    };
    const checked = checkReport(findings, a.dueOn, now, input.lateReason);
    if (!checked.ok) return checked;
    const saved = await record(
      'report_issued',
      {
        state: 'REPORT_ISSUED',
        reportIssuedAt: now,
        reportBy: by,
        isViolationFound: input.isViolationFound,
        isDocumentsNotSubmitted: findings.isDocumentsNotSubmitted,
        findings: input.findings,
        additionalDirams: input.additionalDirams,
        isReportLate: checked.value.isLate,
        lateReason: checked.value.isLate ? (input.lateReason ?? null) : null,
      },
      { isViolationFound: input.isViolationFound, additionalDirams: input.additionalDirams.toString(), isLate: checked.value.isLate },
    );
    const amount = somoni(input.additionalDirams);
    await tellPerson(tx, now, saved, {
      kind: 'audit_report_issued',
      title: { tg: `Санади санҷиши гумрукӣ № ${a.number}`, ru: `Акт таможенной проверки № ${a.number}`, en: `Customs audit report No ${a.number}` },
      body: {
        tg: `${input.isViolationFound ? 'Вайронкунӣ ошкор шуд' : 'Вайронкунӣ ошкор нашуд'}; маблағи иловагӣ ${amount} сомонӣ. ${input.findings}`,
        ru: `${input.isViolationFound ? 'Выявлено нарушение' : 'Нарушений не выявлено'}; доначислено ${amount} сомони. ${input.findings}`,
        en: `${input.isViolationFound ? 'Violation found' : 'No violation found'}; additional amounts ${amount} somoni. ${input.findings}`,
      },
    });
    return ok(saved);
  });
}
