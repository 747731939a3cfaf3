/** Request and response schemas of the statistical database of art.504 p.1 (CUS-INF-03; docs/customs-exit-statistics.md). */
import { Type } from 'typebox';
import { IsoDateTime, Nullable, Strict } from '../../../platform/schemas.ts';
import { STATISTICS_GROUPS } from '../domain/statistics.ts';
import { CodePrefix, DeclarationNumber, Limit, literals, OfficeCode, Offset } from './exit.schemas.ts';

const Month = (description: string) => Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description, examples: ['2026-03'] });
const Country = Type.String({ pattern: '^[A-Z]{2}$', description: 'Partner country: of origin for imports, of destination for exports', examples: ['KZ'] });
const Direction = literals(['import', 'export'] as const);

export const SummaryQuery = Type.Object(
  {
    fromMonth: Month('First month counted'),
    toMonth: Month('Last month counted'),
    groupBy: Type.Optional(
      Type.Array(literals(STATISTICS_GROUPS), { maxItems: 6, description: 'Groups: month, commodity (code prefix), country, direction, regime, office' }),
    ),
    codeDigits: Type.Optional(Type.Integer({ minimum: 2, maximum: 10, multipleOf: 2, description: 'Digits of the commodity code a `commodity` group keeps' })),
    commodityPrefix: Type.Optional(CodePrefix('Only codes starting with these digits')),
    country: Type.Optional(Country),
    direction: Type.Optional(Direction),
    regime: Type.Optional(Type.String({ pattern: '^[a-z_]{2,40}$', description: 'Customs regime' })),
    officeCode: Type.Optional(OfficeCode('Office that released the goods')),
  },
  Strict,
);

const Group = Type.Object({
  month: Nullable(Type.String()),
  commodityCode: Nullable(Type.String()),
  country: Nullable(Type.String()),
  direction: Nullable(Type.String()),
  regime: Nullable(Type.String()),
  officeCode: Nullable(Type.String()),
  declarations: Type.Integer(),
  items: Type.Integer(),
  customsValueDirams: Type.String({ description: 'Sum of customs values, dirams' }),
  statisticalValueUsdCents: Type.String({ description: 'Sum of statistical values, US cents at the rate of each day of acceptance' }),
  netMassKg: Type.String(),
  quantities: Type.Array(Type.Object({ unit: Type.String(), quantity: Type.String() }), { description: 'Quantities in each unit of measure' }),
});
export const SummarySchema = Type.Object({ groups: Type.Array(Group), totals: Group });

export const ItemsQuery = Type.Object(
  { declarationNumber: Type.Optional(DeclarationNumber()), month: Type.Optional(Month('Month of release')), limit: Limit, offset: Offset },
  Strict,
);
export const ItemSchema = Type.Object({
  declarationNumber: Type.String(),
  declarationVersion: Type.Integer({
    description: 'The version of the declaration the row was built from: the latest, also after a change after release (art.133 p.8-9)',
  }),
  itemNo: Type.Integer(),
  month: Type.String(),
  releasedAt: IsoDateTime(),
  direction: Type.String(),
  regime: Type.String(),
  officeCode: Type.String(),
  commodityCode: Type.String(),
  originCountry: Type.String(),
  destinationCountry: Type.String(),
  partnerCountry: Type.String(),
  customsValueDirams: Type.String(),
  statisticalValueUsdCents: Nullable(Type.String()),
  netMassKg: Type.String(),
  statisticalQuantity: Type.String(),
  statisticalUnit: Type.String(),
});
