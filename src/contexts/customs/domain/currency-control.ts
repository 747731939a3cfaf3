/**
 * Currency control by customs (art.124 p.12, CUS-DEC-11): which declarations serve as the
 * accounting document of currency control, by the authorised body's rules, and which data they must
 * then carry under the currency-regulation law. Pure.
 */
import type { Direction } from './declaration.ts';

/** The data currency control may require (the law on currency regulation and currency control; the rule says which). */
export const CURRENCY_CONTROL_FIELDS = [
  'contract_number',
  'contract_date',
  'contract_currency',
  'contract_amount',
  'bank_code',
  'bank_name',
  'deal_passport_number',
] as const;
export type CurrencyControlField = (typeof CURRENCY_CONTROL_FIELDS)[number];

/** The values given for a declaration, by field (the contract number and date may come from the customs value form). */
export type CurrencyControlValues = { readonly [K in CurrencyControlField]?: string | null };

/** The JSON name of each field (`currencyControl.<name>` in a refusal). */
export const FIELD_NAMES: Readonly<Record<CurrencyControlField, string>> = {
  contract_number: 'contractNumber',
  contract_date: 'contractDate',
  contract_currency: 'contractCurrency',
  contract_amount: 'contractAmount',
  bank_code: 'bankCode',
  bank_name: 'bankName',
  deal_passport_number: 'dealPassportNumber',
};

export type CurrencyControlRule = {
  readonly code: string;
  /** Null: both directions. */
  readonly direction: Direction | null;
  /** Empty: every regime. */
  readonly regimes: readonly string[];
  /** The customs value at or above this many calculation indicators; 0: every value. */
  readonly thresholdIndicators: number;
  readonly requiredFields: readonly CurrencyControlField[];
};

export type DeclarationShape = {
  readonly direction: Direction;
  readonly regime: string;
  /** The customs value of the declaration in dirams on the day; undefined when the data do not give it (no rate, a bad amount). */
  readonly customsValueDirams: bigint | undefined;
  /** The value of one calculation indicator on the day; undefined when none is in force. */
  readonly indicatorDirams: bigint | undefined;
};

/**
 * The rules under which the declaration serves currency control. Without a calculation indicator
 * in force, or a customs value, the threshold cannot be measured, and a rule with a threshold
 * applies: asking the data of a declaration that did not need them is a lesser harm than letting
 * control miss one.
 */
export function applicableRules<R extends CurrencyControlRule>(rules: readonly R[], d: DeclarationShape): R[] {
  return rules.filter((r) => {
    if (r.direction !== null && r.direction !== d.direction) return false;
    if (r.regimes.length > 0 && !r.regimes.includes(d.regime)) return false;
    if (r.thresholdIndicators === 0 || d.indicatorDirams === undefined || d.customsValueDirams === undefined) return true;
    return d.customsValueDirams >= BigInt(r.thresholdIndicators) * d.indicatorDirams;
  });
}

/** The fields the applicable rules require that the declaration does not give, in the order of CURRENCY_CONTROL_FIELDS. */
export function missingFields(rules: readonly CurrencyControlRule[], values: CurrencyControlValues): CurrencyControlField[] {
  const required = new Set(rules.flatMap((r) => r.requiredFields));
  return CURRENCY_CONTROL_FIELDS.filter((f) => required.has(f) && !(values[f] ?? '').trim());
}
