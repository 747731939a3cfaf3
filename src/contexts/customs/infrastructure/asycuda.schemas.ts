/** Request and response schemas of the ASYCUDA SAD XML exchange (CUS-INF-02, docs/customs-asycuda.md). */
import { Type } from 'typebox';
import { IsoDate, Strict } from '../../../platform/schemas.ts';
import { DECLARATION_STATES, PRELIMINARY_EXEMPTIONS } from '../domain/declaration.ts';
import { REGIMES, TRANSPORT_MODES } from '../domain/tables.ts';
import { ASYCUDA_MAX_BYTES } from './asycuda-xml.ts';

const literals = <T extends string>(values: readonly T[], description?: string) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], ...(description ? { description } : {}) });
const Text = (max: number, description: string) => Type.String({ maxLength: max, description });
const Money = (description: string) => Type.String({ pattern: '^(0|[1-9]\\d{0,14})(\\.\\d{1,2})?$', description, examples: ['1500.50'] });
const Mass = (description: string) => Type.String({ pattern: '^(0|[1-9]\\d{0,14})(\\.\\d{1,3})?$', description, examples: ['1250.5'] });
const Country = (description: string) => Type.String({ pattern: '^[A-Z]{2}$', description, examples: ['TJ'] });

const Party = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 300, pattern: '^[^\\n]*$', description: 'Name (one line)' }),
    country: Country('ISO 3166-1 alpha-2'),
    address: Text(500, 'Address'),
    tin: Type.Optional(Type.String({ pattern: '^\\d{9}$', description: 'TIN of a domestic party' })),
  },
  Strict,
);

const Item = Type.Object(
  {
    number: Type.Integer({ minimum: 1, maximum: 999, description: '1, 2, 3 … in order' }),
    commodityCode: Type.String({ pattern: '^\\d{10}$', description: 'National commodity code, 10 digits' }),
    description: Text(2000, 'Description of the goods'),
    originCountry: Country('Country of origin'),
    grossMassKg: Mass('Gross mass, kg'),
    netMassKg: Mass('Net mass, kg'),
    supplementaryQuantity: Type.Optional(Mass('Quantity in the supplementary unit')),
    packages: Type.Integer({ minimum: 0, maximum: 999_999_999 }),
    packageKind: Type.String({ minLength: 1, maxLength: 40 }),
    invoiceAmount: Money('Price in the invoice currency'),
    goodsCategories: Type.Optional(Type.Array(Type.String({ maxLength: 60 }), { maxItems: 20, description: 'Not shared with ASYCUDA' })),
    goodsList: Type.Optional(
      Type.Array(Type.Object({ name: Type.String(), quantity: Type.String(), unit: Type.String(), commodityCode: Type.String() }, Strict), {
        maxItems: 1000,
        description: 'Not shared with ASYCUDA',
      }),
    ),
    isSample: Type.Optional(Type.Boolean({ description: 'Not shared with ASYCUDA' })),
  },
  Strict,
);

const Document = Type.Object(
  {
    typeCode: Type.String({ minLength: 1, maxLength: 40 }),
    number: Text(500, 'Number (reference)'),
    date: IsoDate('Date of the document (years 2000-2099 cross as AW M/D/YY)'),
    issuer: Text(300, 'Issuer (not shared with ASYCUDA)'),
    sha256: Type.Optional(Type.String({ pattern: '^[0-9a-f]{64}$', description: 'Not shared with ASYCUDA' })),
    items: Type.Optional(Type.Array(Type.Integer({ minimum: 1, maximum: 999 }), { maxItems: 999, description: 'Items covered; absent or empty: all' })),
  },
  Strict,
);

/** Our goods declaration data (domain/declaration.ts DeclarationData). */
export const AsycudaDeclarationData = Type.Object(
  {
    direction: literals(['import', 'export']),
    regime: literals(REGIMES),
    officeCode: Type.String({ minLength: 1, maxLength: 40 }),
    declarantCode: Type.String({ minLength: 1, maxLength: 40 }),
    brokerTin: Type.Optional(Type.String({ pattern: '^\\d{9}$', description: 'Not shared with ASYCUDA' })),
    consignor: Party,
    consignee: Party,
    transport: Type.Object(
      {
        mode: literals(TRANSPORT_MODES),
        vehicles: Type.Array(Type.String({ minLength: 1, maxLength: 40, pattern: '^[^/]*$' }), { maxItems: 10, description: 'Registration numbers (no "/")' }),
        nationality: Country('Nationality of the means of transport'),
        borderOfficeCode: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
      },
      Strict,
    ),
    countryOfDispatch: Country('Country of dispatch'),
    countryOfDestination: Country('Country of destination'),
    currency: Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 invoice currency' }),
    invoiceTotal: Money('Invoice total'),
    deliveryTerms: Text(200, 'Incoterms rule and place, e.g. "FCA Almaty"'),
    preliminaryNumber: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
    preliminaryExemption: Type.Optional(literals(PRELIMINARY_EXEMPTIONS, 'Not shared with ASYCUDA')),
    storageNumber: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
    valuation: Type.Object(
      {
        method: Type.Integer({ minimum: 1, maximum: 6 }),
        transportCost: Money('Transport cost'),
        insuranceCost: Money('Insurance cost'),
        otherCosts: Money('Other costs'),
        contractNumber: Type.Optional(Type.String({ maxLength: 100, description: 'Not shared with ASYCUDA' })),
        contractDate: Type.Optional(IsoDate('Not shared with ASYCUDA')),
      },
      Strict,
    ),
    items: Type.Array(Item, { minItems: 1, maxItems: 999, description: 'AW has no declaration-wide procedure code: at least one item' }),
    documents: Type.Array(Document, { maxItems: 999 }),
  },
  { ...Strict, title: 'AsycudaDeclarationData' },
);

export const AsycudaImportBody = Type.Object(
  { xml: Type.String({ minLength: 1, maxLength: ASYCUDA_MAX_BYTES * 2, description: 'The SAD XML document (UTF-8 text); larger than 4 MiB is refused' }) },
  Strict,
);

const Payment = Type.Object({ kind: Type.String(), amountDirams: Type.String({ description: 'Dirams (bigint as a string)' }) });

export const AsycudaImportResult = Type.Object({
  data: AsycudaDeclarationData,
  meta: Type.Object({
    number: Type.Optional(Type.String({ description: 'Identification/Registration/Number' })),
    registeredAt: Type.Optional(Type.String({ format: 'date' })),
    assessment: Type.Optional(Type.Object({ number: Type.Optional(Type.String()), date: Type.Optional(Type.String({ format: 'date' })) })),
    payments: Type.Optional(Type.Array(Payment)),
  }),
  ignored: Type.Array(Type.String(), { description: 'Element paths carrying values we do not share (ignored, not lost silently)' }),
});

export const AsycudaExportQuery = Type.Object(
  {
    number: Type.Optional(Type.String({ minLength: 1, maxLength: 60, description: 'Registration number of a registered declaration' })),
    registeredAt: Type.Optional(IsoDate('Day of registration')),
    state: Type.Optional(literals(DECLARATION_STATES)),
  },
  Strict,
);
