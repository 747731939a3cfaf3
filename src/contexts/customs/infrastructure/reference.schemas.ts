/** Request and response schemas of the customs reference data, built from domain/tables.ts (IMP-07). */
import { type TSchema, Type } from 'typebox';
import { IsoDate, Nullable, Strict } from '../../../platform/schemas.ts';
import type { Field, TableSpec } from '../domain/tables.ts';

const literals = (values: readonly string[], description?: string) =>
  Type.Union(
    values.map((v) => Type.Literal(v)),
    description ? { description } : {},
  );

function fieldSchema(field: Field): TSchema {
  const description = field.description;
  switch (field.kind) {
    case 'text':
      return Type.String({ minLength: 1, maxLength: field.max, description });
    case 'enum':
      return literals(field.values, description);
    case 'list':
      return Type.Array(literals(field.values), { maxItems: field.values.length, description });
    case 'int':
      return Type.Integer({ minimum: field.min, maximum: field.max, description });
    case 'dirams':
      return Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER, description });
    case 'decimal':
      return Type.String({ pattern: `^\\d{1,12}(\\.\\d{1,${field.scale}})?$`, description, examples: ['10.9512'] });
    case 'code':
      return Type.String({ minLength: 1, maxLength: 40, description });
  }
}

const pascal = (s: string) => s.replace(/(^|_)([a-z])/g, (_, __, c: string) => c.toUpperCase());

/** The body of a new version: strict, every field described. */
export function versionBody(spec: TableSpec) {
  const props: Record<string, TSchema> = {
    validFrom: IsoDate('First day the version is in force (today or later for a code that has versions)'),
    validTo: Type.Optional(Nullable(IsoDate('Last day in force; empty = until further notice'))),
  };
  for (const f of spec.fields) props[f.name] = f.required ? fieldSchema(f) : Type.Optional(Nullable(fieldSchema(f)));
  return Type.Object(props, { ...Strict, title: `Customs${pascal(spec.name)}Input` });
}

/** One version as stored. */
export function versionSchema(spec: TableSpec) {
  const props: Record<string, TSchema> = { validFrom: Type.String({ format: 'date' }), validTo: Nullable(Type.String({ format: 'date' })) };
  for (const f of spec.fields) props[f.name] = f.required ? fieldSchema(f) : Nullable(fieldSchema(f));
  return Type.Object(props, { title: `Customs${pascal(spec.name)}Version` });
}

export const DateQuery = Type.Object({ date: Type.Optional(IsoDate('The day; default today in Dushanbe')) }, Strict);
export const ListQuery = Type.Object(
  {
    date: Type.Optional(IsoDate('The day; default today in Dushanbe')),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Part of the code or of a name' })),
    prefix: Type.Optional(Type.String({ pattern: '^[A-Z0-9-]{1,10}$', description: 'Leading part of the code (a commodity chapter, heading or subheading)' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  Strict,
);
export const ImportBody = Type.Object(
  { csv: Type.String({ minLength: 1, maxLength: 5_000_000, description: 'CSV with a header row of column names (snake_case); lists separated by ;' }) },
  Strict,
);
export const ImportResult = Type.Object({ imported: Type.Integer() });

const RateSchema = Type.Object({
  adValoremBp: Nullable(Type.Integer({ description: 'Ad valorem part, basis points' })),
  specificDirams: Nullable(Type.Integer({ description: 'Specific part, dirams per unit' })),
  unit: Type.String(),
});
export const TariffSchema = Type.Object(
  {
    code: Type.String(),
    date: Type.String({ format: 'date' }),
    hierarchy: Type.Object({ chapter: Type.String(), heading: Type.String(), subheading: Type.String(), national: Type.String() }),
    description: Type.Object({ tg: Type.String(), ru: Type.String(), en: Type.String() }),
    duty: RateSchema,
    excise: Nullable(RateSchema),
    vatBp: Type.Integer(),
    validFrom: Type.String({ format: 'date' }),
    validTo: Nullable(Type.String({ format: 'date' })),
  },
  { title: 'CustomsTariff' },
);
export const ExchangeRateSchema = Type.Object(
  {
    currency: Type.String(),
    date: Type.String({ format: 'date' }),
    somoniPerUnit: Type.String({ description: 'Somoni per one unit, exact decimal' }),
    source: Type.String(),
    validFrom: Type.String({ format: 'date' }),
    validTo: Nullable(Type.String({ format: 'date' })),
  },
  { title: 'CustomsExchangeRate' },
);
export const CodeParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 40 }) }, Strict);
export const CurrencyParams = Type.Object({ currency: Type.String({ minLength: 1, maxLength: 40 }) }, Strict);
