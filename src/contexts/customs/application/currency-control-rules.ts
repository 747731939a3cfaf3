import { and, asc, eq, gte, isNull, lte, or } from 'drizzle-orm';
import type { AccountPrincipal } from '../../../platform/auth.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { dushanbeDate } from '../../../platform/calendar/index.ts';
import { type Db, transact } from '../../../platform/db.ts';
import { type Failure, fail, ok, type Result } from '../../../platform/result.ts';
import { CURRENCY_CONTROL_FIELDS, type CurrencyControlField } from '../domain/currency-control.ts';
import type { CurrencyControlErrorCode } from '../domain/currency-control-errors.ts';
import type { Direction } from '../domain/declaration.ts';
import { isIsoDate } from '../domain/history.ts';
import { REGIMES } from '../domain/tables.ts';
import { type CurrencyControlRuleRow, currencyControlRules } from '../infrastructure/currency-control.schema.ts';
import { placeDatedVersion } from './dated-versions.ts';
import { actorOf, type CustomsDeps } from './deps.ts';

export type CurrencyControlRuleInput = {
  readonly code: string;
  readonly validFrom: string;
  readonly validTo?: string;
  readonly nameTg: string;
  readonly nameRu: string;
  readonly nameEn: string;
  readonly direction?: Direction;
  readonly regimes: readonly string[];
  readonly thresholdIndicators: number;
  readonly requiredFields: readonly CurrencyControlField[];
  readonly legalBasis: string;
};

type Refusal = Failure<CurrencyControlErrorCode>;

/** The rules in force on a day (the filing day of a declaration), by code. */
export const rulesInForce = (db: Db, day: string): Promise<CurrencyControlRuleRow[]> =>
  db
    .select()
    .from(currencyControlRules)
    .where(and(lte(currencyControlRules.validFrom, day), or(isNull(currencyControlRules.validTo), gte(currencyControlRules.validTo, day))))
    .orderBy(asc(currencyControlRules.code));

/** Every version of every rule, by code and start (the authorised body's list with its history). */
export const listCurrencyControlRules = (deps: CustomsDeps): Promise<CurrencyControlRuleRow[]> =>
  deps.database.db.select().from(currencyControlRules).orderBy(asc(currencyControlRules.code), asc(currencyControlRules.validFrom));

function checkShape(input: CurrencyControlRuleInput): Refusal | undefined {
  if (!isIsoDate(input.validFrom)) return { code: 'CURRENCY_CONTROL_RULE_INVALID', field: 'body.validFrom' };
  if (input.validTo !== undefined && !isIsoDate(input.validTo)) return { code: 'CURRENCY_CONTROL_RULE_INVALID', field: 'body.validTo' };
  const badRegime = input.regimes.findIndex((r) => !(REGIMES as readonly string[]).includes(r));
  if (badRegime >= 0) return { code: 'CURRENCY_CONTROL_RULE_INVALID', field: `body.regimes.${badRegime}` };
  const badField = input.requiredFields.findIndex((f) => !(CURRENCY_CONTROL_FIELDS as readonly string[]).includes(f));
  if (badField >= 0 || input.requiredFields.length === 0) return { code: 'CURRENCY_CONTROL_RULE_INVALID', field: 'body.requiredFields' };
  return undefined;
}

/**
 * Art.124 p.12 (CUS-DEC-11): the authorised body sets, from a day on, when a declaration serves as
 * the accounting document of currency control (direction, regimes, customs value in calculation
 * indicators) and which data it must then carry. A code that has versions changes only from today
 * on; the open version closes the day before the new one.
 */
export async function recordCurrencyControlRule(
  deps: CustomsDeps,
  actor: AccountPrincipal,
  input: CurrencyControlRuleInput,
): Promise<Result<CurrencyControlRuleRow[], Refusal>> {
  const bad = checkShape(input);
  if (bad) return { ok: false, error: bad };
  const now = deps.clock.now();
  return transact(deps.database.db, async (tx) => {
    const placed = await placeDatedVersion(tx, {
      lock: 'customs.currency_control_rules',
      versions: () => tx.select().from(currencyControlRules).where(eq(currencyControlRules.code, input.code)),
      span: { validFrom: input.validFrom, validTo: input.validTo ?? null },
      today: dushanbeDate(now),
      close: (open) =>
        tx
          .update(currencyControlRules)
          .set({ validTo: open.validTo })
          .where(and(eq(currencyControlRules.code, input.code), eq(currencyControlRules.validFrom, open.validFrom))),
    });
    if (!placed.ok)
      return placed.error === 'REFERENCE_PAST_DATED'
        ? fail('CURRENCY_CONTROL_RULE_PAST_DATED', 'body.validFrom')
        : fail('CURRENCY_CONTROL_RULE_INVALID', 'body.validFrom', { reason: placed.error });
    const version = {
      code: input.code,
      validFrom: input.validFrom,
      validTo: input.validTo ?? null,
      nameTg: input.nameTg,
      nameRu: input.nameRu,
      nameEn: input.nameEn,
      direction: input.direction ?? null,
      regimes: [...new Set(input.regimes)],
      thresholdIndicators: input.thresholdIndicators,
      requiredFields: [...new Set(input.requiredFields)],
      legalBasis: input.legalBasis,
    };
    await tx.insert(currencyControlRules).values(version);
    await appendAudit(tx, now, {
      actor: actorOf(actor),
      action: 'customs.currency_control_rule_recorded',
      entity: 'customs.currency_control_rules',
      entityId: input.code,
      after: version,
    });
    return ok(await tx.select().from(currencyControlRules).where(eq(currencyControlRules.code, input.code)).orderBy(asc(currencyControlRules.validFrom)));
  });
}
