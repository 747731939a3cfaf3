import { eq } from 'drizzle-orm';
import type { IsoDate } from '../../../platform/calendar/index.ts';
import type { Db } from '../../../platform/db.ts';
import { applicableRules, type CurrencyControlValues, FIELD_NAMES, missingFields } from '../domain/currency-control.ts';
import type { DeclarationData } from '../domain/declaration.ts';
import { isDecimal } from '../domain/declaration.ts';
import type { Reason } from '../domain/declaration-checks.ts';
import { customsValues, type ItemTariff } from '../domain/declaration-payments.ts';
import { type CurrencyControlDataRow, currencyControlData } from '../infrastructure/currency-control.schema.ts';
import type { CurrencyControlRuleRow } from '../infrastructure/currency-control.schema.ts';
import type { DeclarationRow } from '../infrastructure/declaration.schema.ts';
import { indicatorOn } from '../infrastructure/guarantee.repository.ts';
import { rulesInForce } from './currency-control-rules.ts';

/** What the filing checks of this slice read from the registration's facts of the day (declaration-register.ts). */
export type FilingContext = {
  readonly day: IsoDate;
  readonly tariffs: ReadonlyMap<string, ItemTariff>;
  /** Somoni per unit of the invoice currency on the day; undefined when none is in force. */
  readonly rate: string | undefined;
};

/** The declaration's customs value in dirams, or undefined when its amounts or the rate cannot give it. */
function customsValueOf(data: DeclarationData, rate: string | undefined): bigint | undefined {
  const amounts = [...data.items.map((i) => i.invoiceAmount), data.valuation.transportCost, data.valuation.insuranceCost, data.valuation.otherCosts];
  if (rate === undefined || data.items.length === 0 || !amounts.every((a) => isDecimal(a, 2))) return undefined;
  return customsValues(data, rate).reduce((a, b) => a + b, 0n);
}

/** The values given with the draft; the contract's number and date may come from the customs value form. */
export function valuesOf(data: DeclarationData, given: CurrencyControlDataRow | undefined): CurrencyControlValues {
  return {
    contract_number: given?.contractNumber ?? data.valuation.contractNumber ?? null,
    contract_date: given?.contractDate ?? data.valuation.contractDate ?? null,
    contract_currency: given?.contractCurrency ?? null,
    contract_amount: given?.contractAmount ?? null,
    bank_code: given?.bankCode ?? null,
    bank_name: given?.bankName ?? null,
    deal_passport_number: given?.dealPassportNumber ?? null,
  };
}

export type CurrencyControlStatus = {
  readonly rules: readonly CurrencyControlRuleRow[];
  readonly given: CurrencyControlDataRow | undefined;
  readonly values: CurrencyControlValues;
  readonly missing: readonly string[];
};

/**
 * Art.124 p.12 (CUS-DEC-11): whether the declaration serves currency control on the day (the rules
 * of the authorised body in force, the customs value against the calculation indicator of the day)
 * and which required data it lacks. `inForce` is the rules of the day when the caller read them.
 */
export async function currencyControlStatus(
  tx: Db,
  declarationId: string,
  data: DeclarationData,
  day: IsoDate,
  rate: string | undefined,
  inForce?: readonly CurrencyControlRuleRow[],
): Promise<CurrencyControlStatus> {
  const rulesOfDay = inForce ?? (await rulesInForce(tx, day));
  const [given] = await tx.select().from(currencyControlData).where(eq(currencyControlData.declarationId, declarationId));
  const values = valuesOf(data, given);
  if (rulesOfDay.length === 0) return { rules: [], given, values, missing: [] };
  const rules = applicableRules(rulesOfDay, {
    direction: data.direction,
    regime: data.regime,
    customsValueDirams: customsValueOf(data, rate),
    indicatorDirams: await indicatorOn(tx, day),
  });
  return { rules, given, values, missing: missingFields(rules, values) };
}

/**
 * Art.124 p.12 (CUS-DEC-11), at filing: a declaration that serves currency control and lacks a
 * datum the rule requires is not registered: one reason on ground 4 of art.132 p.4 per missing
 * datum (`currency_control_data_missing`, field `currencyControl.<name>`).
 */
export async function currencyControlFilingReasons(tx: Db, row: DeclarationRow, ctx: FilingContext): Promise<Reason[]> {
  // With no rule in force that day nothing can be missing: the data given with the draft are not read (one query less per filing).
  const inForce = await rulesInForce(tx, ctx.day);
  if (inForce.length === 0) return [];
  const status = await currencyControlStatus(tx, row.id, row.data, ctx.day, ctx.rate, inForce);
  return status.missing.map((f) => ({
    ground: 4,
    code: 'currency_control_data_missing',
    field: `currencyControl.${FIELD_NAMES[f as keyof typeof FIELD_NAMES]}`,
  }));
}
