/**
 * Permits for the processing regimes (art.179-181, 192-193, 203-204 as amended; CUS-REG-04..06,
 * IMP-13): the application, the decision clock and the permit. Pure: no I/O, no clock.
 */
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { RegimeErrorCode } from './regime-errors.ts';

type Refusal = Failure<RegimeErrorCode>;

/** Processing inside the customs territory (art.179-181), outside it (art.203-204), for domestic consumption (art.192-193). */
export const PROCESSING_KINDS = ['processing_inside', 'processing_outside', 'processing_for_domestic_consumption'] as const;
export type ProcessingKind = (typeof PROCESSING_KINDS)[number];

/** Art.180 p.3, art.193 p.3, art.204 p.3 first paragraph as amended: 10 working days (was 30 days). */
export const DECISION_WORKING_DAYS = 10;
/** The checker warns customs when this many working days of the ten have run. */
export const WARNING_WORKING_DAYS = 8;

/**
 * CUS-REG-04: the article under which the permit is issued "in accordance with the legislation of
 * the Republic of Tajikistan on the permit system" (items 36, 38, 40, 42).
 */
export const PERMIT_BASIS: Readonly<Record<ProcessingKind, string>> = {
  processing_inside: 'Customs Code art.179 p.2, art.181 p.1; legislation of the Republic of Tajikistan on the permit system',
  processing_for_domestic_consumption: 'Customs Code art.192 p.1; legislation of the Republic of Tajikistan on the permit system',
  processing_outside: 'Customs Code art.203 p.2; legislation of the Republic of Tajikistan on the permit system',
};

/**
 * States of an application: SUBMITTED waits for the decision within the clock; ISSUED — the
 * permit was issued; REFUSED — refused with reasons. Overdue is a flag on SUBMITTED, not a state:
 * customs still must decide.
 */
export type PermitStatus = 'submitted' | 'issued' | 'refused';

/** What the due-time checker does to a submitted application at `now`; each flag is set once (both at once when the checker was late). */
export type PermitDueActions = { readonly warn: boolean; readonly flagOverdue: boolean };

export function permitDueActions(
  p: { readonly status: PermitStatus; readonly warnAt: Date; readonly decisionDueAt: Date; readonly warnedAt: Date | null; readonly overdueAt: Date | null },
  now: Date,
): PermitDueActions {
  if (p.status !== 'submitted') return { warn: false, flagOverdue: false };
  return {
    warn: p.warnedAt === null && p.warnAt.getTime() <= now.getTime(),
    flagOverdue: p.overdueAt === null && p.decisionDueAt.getTime() <= now.getTime(),
  };
}

/**
 * CUS-REG-06 (AMB-18): the second paragraph of art.180 p.3, art.193 p.3, art.204 p.3 now leaves the
 * extension to the law on the permit system, whose text is not in the draft. `allowedWorkingDays`
 * is that law's figure as a dated parameter; 0 (the default, no parameter) means no extension.
 * One extension per application.
 */
export function checkExtension(
  p: { readonly status: PermitStatus; readonly extendedAt: Date | null },
  askedWorkingDays: number,
  allowedWorkingDays: number,
): Result<void, Refusal> {
  if (p.status !== 'submitted') return fail('REGIME_PERMIT_ALREADY_DECIDED', 'params.id', { status: p.status });
  if (p.extendedAt !== null) return fail('REGIME_PERMIT_ALREADY_EXTENDED', 'params.id');
  if (allowedWorkingDays <= 0 || askedWorkingDays > allowedWorkingDays)
    return fail('REGIME_PERMIT_EXTENSION_NOT_ALLOWED', 'body.workingDays', { allowedWorkingDays });
  return ok(undefined);
}

/** The permit is valid from the day of the decision to a day not before it. */
export function checkValidity(validFrom: string, validTo: string): Result<void, Refusal> {
  return validTo < validFrom ? fail('REGIME_PERMIT_VALIDITY_INVALID', 'body.validTo', { validFrom }) : ok(undefined);
}
