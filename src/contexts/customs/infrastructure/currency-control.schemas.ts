/** Request and response schemas of currency control by customs (art.124 p.12; docs/customs-declarant-requests.md). */
import { Type } from 'typebox';
import { IsoDate, Line, Nullable, Strict } from '../../../platform/schemas.ts';
import { CURRENCY_CONTROL_FIELDS, type CurrencyControlField } from '../domain/currency-control.ts';
import { REGIMES } from '../domain/tables.ts';

const Field = Type.Unsafe<CurrencyControlField>({ type: 'string', enum: [...CURRENCY_CONTROL_FIELDS] });
const Regime = Type.Unsafe<string>({ type: 'string', enum: [...REGIMES] });
const Direction = Type.Union([Type.Literal('import'), Type.Literal('export')]);

export const RuleBody = Type.Object(
  {
    code: Type.String({ pattern: '^[A-Z0-9][A-Z0-9_-]{0,39}$', description: 'Code of the rule' }),
    validFrom: IsoDate('In force from (today or later once the code has versions)'),
    validTo: Type.Optional(IsoDate('In force until (inclusive)')),
    nameTg: Line(500),
    nameRu: Line(500),
    nameEn: Line(500),
    direction: Type.Optional(Direction),
    regimes: Type.Array(Regime, { maxItems: 20, description: 'Regimes it covers; empty: all' }),
    thresholdIndicators: Type.Integer({
      minimum: 0,
      maximum: 100_000_000,
      description: 'Customs value at or above this many calculation indicators; 0: any value',
    }),
    requiredFields: Type.Array(Field, { minItems: 1, maxItems: 7, description: 'Data the declaration must then carry' }),
    legalBasis: Line(500, 'The act of currency regulation that sets it'),
  },
  Strict,
);

export const RuleSchema = Type.Object({
  code: Type.String(),
  validFrom: Type.String(),
  validTo: Nullable(Type.String()),
  nameTg: Type.String(),
  nameRu: Type.String(),
  nameEn: Type.String(),
  direction: Nullable(Direction),
  regimes: Type.Array(Type.String()),
  thresholdIndicators: Type.Integer(),
  requiredFields: Type.Array(Type.String()),
  legalBasis: Type.String(),
});

export const CurrencyControlBody = Type.Object(
  {
    contractNumber: Type.Optional(Line(100, 'Foreign trade contract number (else the customs value form’s)')),
    contractDate: Type.Optional(IsoDate('Contract date (else the customs value form’s)')),
    contractCurrency: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$', description: 'Currency of the contract price (ISO 4217)' })),
    contractAmount: Type.Optional(
      Type.String({ pattern: '^(0|[1-9]\\d{0,17})(\\.\\d{1,2})?$', description: 'Contract amount in its currency', examples: ['150000.00'] }),
    ),
    bankCode: Type.Optional(Line(40, 'Code (BIC) of the authorised bank that services the deal')),
    bankName: Type.Optional(Line(300, 'Name of that bank')),
    dealPassportNumber: Type.Optional(Line(60, 'Number of the deal passport (registration of the contract at the bank)')),
  },
  Strict,
);

const Values = Type.Object({
  contractNumber: Nullable(Type.String()),
  contractDate: Nullable(Type.String()),
  contractCurrency: Nullable(Type.String()),
  contractAmount: Nullable(Type.String()),
  bankCode: Nullable(Type.String()),
  bankName: Nullable(Type.String()),
  dealPassportNumber: Nullable(Type.String()),
});

export const CurrencyControlSchema = Type.Object({
  isCurrencyControlDocument: Type.Boolean({ description: 'Whether the declaration serves as the accounting document of currency control (art.124 p.12)' }),
  rules: Type.Array(RuleSchema),
  requiredFields: Type.Array(Type.String()),
  missingFields: Type.Array(Type.String()),
  values: Values,
});
