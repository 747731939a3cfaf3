import type { AccountPrincipal } from '../../../platform/auth.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { dushanbeDate } from '../../../platform/calendar/index.ts';
import { transact } from '../../../platform/db.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import type { FinanceErrorCode } from '../domain/finance-errors.ts';
import { fromHundredths, type ParameterCode, toHundredths } from '../domain/guarantees.ts';
import { addDays } from '../domain/history.ts';
import { insertParameterVersion, lockParameters, type ParameterVersion, parameterVersions } from '../infrastructure/guarantee.repository.ts';
import { actorOf, type CustomsDeps } from './deps.ts';

export type ParameterInput = { readonly code: ParameterCode; readonly indicators: string; readonly validFrom: string; readonly legalBasis: string };

/**
 * AMB-18: enters a statutory amount in calculation indicators from a day on (for example the
 * Article 383 transit amount once the consolidated Code is checked). It starts today or later and
 * after every version already entered; the open version closes the day before.
 */
export async function recordGuaranteeParameter(
  deps: CustomsDeps,
  actor: AccountPrincipal,
  input: ParameterInput,
): Promise<Result<ParameterVersion[], Failure<FinanceErrorCode>>> {
  const hundredths = toHundredths(input.indicators);
  if (hundredths === undefined) return fail('GUARANTEE_PARAMETER_MISSING', 'body.indicators');
  const now = deps.clock.now();
  if (input.validFrom < dushanbeDate(now)) return fail('GUARANTEE_PARAMETER_PAST_DATED', 'body.validFrom');
  return transact(deps.database.db, async (tx) => {
    await lockParameters(tx);
    const versions = await parameterVersions(tx, input.code);
    if (versions.some((v) => v.validFrom >= input.validFrom || (v.validTo !== null && v.validTo >= input.validFrom)))
      return fail('GUARANTEE_PARAMETER_PAST_DATED', 'body.validFrom');
    const open = versions.find((v) => v.validTo === null);
    const version = { code: input.code, validFrom: input.validFrom, validTo: null, indicators: fromHundredths(hundredths), legalBasis: input.legalBasis };
    await insertParameterVersion(tx, version, open ? addDays(input.validFrom, -1) : undefined);
    await appendAudit(tx, now, {
      actor: actorOf(actor),
      action: 'customs.guarantee_parameter_recorded',
      entity: 'customs.guarantee_parameters',
      entityId: input.code,
      after: version,
    });
    return ok(await parameterVersions(tx, input.code));
  });
}
