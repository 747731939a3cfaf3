/** Request and response schemas of the guarantee registry (Chapter 46, IMP-11). */
import { type TSchema, Type } from 'typebox';
import { IsoDate, IsoDateTime, Nullable, Strict, Tin } from '../../../platform/schemas.ts';
import { DOCUMENT_KINDS, GENERAL_ACTIVITIES, GUARANTEE_FORMS, GUARANTEE_PURPOSES, GUARANTEE_SCOPES, PARAMETER_CODES } from '../domain/guarantees.ts';

/** One of a list of strings, typed as their union (a JSON Schema enum). */
const oneOf = <const T extends string>(values: readonly T[], description: string) => Type.Unsafe<T>({ type: 'string', enum: [...values], description });
const Decimal = (description: string) => Type.String({ pattern: '^\\d{1,12}(\\.\\d{1,2})?$', description, examples: ['3000', '120.5'] });
const Dirams = (description: string) => Type.String({ pattern: '^\\d{1,19}$', description, examples: ['22500000'] });
const GuaranteeReference = Type.String({ pattern: '^GUA-\\d{4}-\\d{6,}$', description: 'The guarantee’s number', examples: ['GUA-2026-000001'] });
const Text = (max: number, description: string) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S', description });

export const Activity = oneOf(GENERAL_ACTIVITIES, 'Art.382 p.1 i.4: AEO, customs broker, customs warehouse owner, duty-free shop owner');
export const Purpose = oneOf(GUARANTEE_PURPOSES, 'What the guarantee secures');
const WarehouseType = oneOf(['open', 'closed'], 'Open type: any person’s goods; closed: the owner’s own (art.227 p.1 i.3, CUS-GUA-06)');

export const ApplyBody = Type.Object(
  {
    scope: oneOf(GUARANTEE_SCOPES, 'Per declaration, per regime or storage, or general'),
    activity: Type.Optional(Activity),
    securedReference: Type.Optional(Text(60, 'What a guarantee per declaration or regime secures: declaration number, permit, warehouse')),
    purposes: Type.Optional(Type.Array(Purpose, { minItems: 1, maxItems: GUARANTEE_PURPOSES.length, uniqueItems: true })),
    form: oneOf(GUARANTEE_FORMS, 'Form of the guarantee'),
    amountIndicators: Type.Optional(Decimal('Amount in calculation indicators; default for a general guarantee: the statutory minimum')),
    amountDirams: Type.Optional(Dirams('Amount in dirams, instead of indicators (a guarantee per declaration)')),
    warehouse: Type.Optional(
      Type.Object(
        {
          warehouseType: WarehouseType,
          openSiteM2: Type.Optional(Decimal('Useful area of the open site, m²')),
          buildingM3: Type.Optional(Decimal('Useful volume of the building, m³')),
        },
        Strict,
      ),
    ),
    validFrom: IsoDate('First day of validity'),
    validTo: IsoDate('Last day of validity'),
    documents: Type.Array(
      Type.Object(
        {
          kind: oneOf(DOCUMENT_KINDS, 'application, guarantee instrument, insurance policy, warehouse plan, other'),
          name: Text(200, 'File name'),
          contentBase64: Type.String({ minLength: 1, maxLength: 2_000_000, pattern: '^[A-Za-z0-9+/=\\s]+$', description: 'The electronic document, base64' }),
        },
        Strict,
      ),
      { minItems: 1, maxItems: 20, description: 'Art.388 p.4-5: the documents in electronic form' },
    ),
  },
  { ...Strict, title: 'CustomsGuaranteeApplication' },
);

export const DecisionBody = Type.Object(
  {
    decision: oneOf(['accept', 'refuse'], 'Accept or refuse'),
    form: oneOf(['electronic', 'written'], 'Art.388 p.6: electronic or written decision'),
    reason: Type.Optional(Text(1000, 'Reasons (required in practice for a refusal)')),
  },
  { ...Strict, title: 'CustomsGuaranteeDecision' },
);

export const DrawBody = Type.Object(
  { useReference: Text(60, 'The secured operation: declaration number, transit, storage'), amountDirams: Dirams('Amount to draw') },
  { ...Strict, title: 'CustomsGuaranteeDraw' },
);

const Use = Type.Object({ useReference: Type.String(), amountDirams: Dirams('Drawn'), drawnAt: IsoDateTime(), releasedAt: Nullable(IsoDateTime()) });
const guaranteeProps = {
  reference: Type.String(),
  holderTin: Type.String(),
  scope: Type.String(),
  activity: Nullable(Type.String()),
  securedReference: Nullable(Type.String()),
  purposes: Type.Array(Type.String()),
  form: Type.String(),
  warehouseType: Nullable(Type.String()),
  openSiteM2: Nullable(Type.String()),
  buildingM3: Nullable(Type.String()),
  amountIndicators: Type.String({ description: 'Calculation indicators' }),
  requiredIndicators: Nullable(Type.String({ description: 'The statutory minimum when the activity has one' })),
  indicatorValueDirams: Dirams('Value of one indicator on the day given (AMB-17)'),
  indicatorDate: Type.String({ format: 'date' }),
  amountDirams: Dirams('Amount in money'),
  validFrom: Type.String({ format: 'date' }),
  validTo: Type.String({ format: 'date' }),
  status: oneOf(['applied', 'accepted', 'refused'], 'applied → accepted or refused'),
  documents: Type.Array(Type.Object({ kind: Type.String(), name: Type.String(), sha256: Type.String() })),
  appliedAt: IsoDateTime(),
  decidedAt: Nullable(IsoDateTime()),
  decisionForm: Nullable(Type.String()),
  decisionReason: Nullable(Type.String()),
} satisfies Record<string, TSchema>;
export const GuaranteeSchema = Type.Object(guaranteeProps, { title: 'CustomsGuarantee' });
export const GuaranteeDetailSchema = Type.Object(
  { ...guaranteeProps, availableDirams: Dirams('Amount less the uses not released'), uses: Type.Array(Use) },
  { title: 'CustomsGuaranteeDetail' },
);

export const GuaranteeParams = Type.Object({ reference: GuaranteeReference }, Strict);
export const UseParams = Type.Object({ reference: GuaranteeReference, useReference: Type.String({ minLength: 1, maxLength: 60 }) }, Strict);
export const ListQuery = Type.Object(
  {
    holderTin: Type.Optional(Tin('Holder (officers only; a declarant sees its own)')),
    status: Type.Optional(oneOf(['applied', 'accepted', 'refused'], 'Status')),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  Strict,
);
export const MinimumQuery = Type.Object(
  {
    activity: Activity,
    date: Type.Optional(IsoDate('The day; default today in Dushanbe')),
    warehouseType: Type.Optional(WarehouseType),
    openSiteM2: Type.Optional(Decimal('Useful area of the open site, m²')),
    buildingM3: Type.Optional(Decimal('Useful volume of the building, m³')),
  },
  Strict,
);
export const MinimumSchema = Type.Object({
  date: Type.String({ format: 'date' }),
  indicators: Nullable(Type.String({ description: 'Statutory minimum in indicators; null: the law sets none' })),
  indicatorValueDirams: Dirams('Value of one indicator on the day'),
  amountDirams: Nullable(Dirams('The minimum in money on the day')),
});
export const CoverQuery = Type.Object({ holderTin: Tin('Holder'), purpose: Purpose, reference: Type.Optional(GuaranteeReference) }, Strict);
export const Available = Type.Object({ availableDirams: Dirams('Free amount') });
export const ParameterBody = Type.Object(
  {
    code: oneOf(PARAMETER_CODES, 'Which statutory amount'),
    indicators: Decimal('Amount in calculation indicators'),
    validFrom: IsoDate('First day in force: today or later'),
    legalBasis: Text(300, 'The act and article'),
  },
  { ...Strict, title: 'CustomsGuaranteeParameterInput' },
);
export const ParameterSchema = Type.Object({
  code: Type.String(),
  validFrom: Type.String({ format: 'date' }),
  validTo: Nullable(Type.String({ format: 'date' })),
  indicators: Type.String(),
  legalBasis: Type.String(),
});
export const DateQuery = Type.Object({ date: Type.Optional(IsoDate('The day; default today in Dushanbe')) }, Strict);
