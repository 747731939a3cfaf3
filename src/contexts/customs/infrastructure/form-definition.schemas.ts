/** Request and response schemas of form definitions (CUS-DEC-07; docs/customs-value.md), and the data set of each form. */
import { type TSchema, Type } from 'typebox';
import { IsoDate, Line, LocalisedText, Nullable, Strict } from '../../../platform/schemas.ts';
import { FORM_KINDS, type FormKind } from '../domain/form-definition.ts';
import { DeclarationDataSchema } from './declaration.schemas.ts';
import { ValueFormBody } from './value-form.schemas.ts';

const literals = <T extends string>(values: readonly T[], description?: string) =>
  Type.Unsafe<T>(Type.Union(values.map((v) => Type.Literal(v as string)) as TSchema[], description ? { description } : {}));

const Scalar = Type.Union([Type.String({ maxLength: 200 }), Type.Number(), Type.Boolean()]);
const Path = (description: string) => Type.String({ minLength: 1, maxLength: 200, description, examples: ['items[].commodityCode'] });

export const FieldRuleSchema = Type.Object(
  {
    field: Path('The field: a dotted path, `[]` for every element of a list'),
    required: Type.Optional(Type.Boolean({ description: 'Must be filled in (not empty)' })),
    when: Type.Optional(
      Type.Object(
        {
          field: Path('The field the rule depends on (in a list: the same element)'),
          equals: Type.Optional(Scalar),
          oneOf: Type.Optional(Type.Array(Scalar, { minItems: 1, maxItems: 100 })),
          isPresent: Type.Optional(Type.Boolean()),
        },
        { ...Strict, description: 'The rule applies only when this holds' },
      ),
    ),
    pattern: Type.Optional(Type.String({ minLength: 1, maxLength: 300, description: 'Regular expression the whole value matches' })),
    oneOf: Type.Optional(Type.Array(Scalar, { minItems: 1, maxItems: 200, description: 'The allowed values' })),
    maxLength: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
  },
  Strict,
);

const Name = Type.Object({ tg: Line(300), ru: Line(300), en: Line(300) }, Strict);

export const PublishBody = Type.Object(
  {
    kind: literals(FORM_KINDS, 'Which form (art.124 p.7, p.10, p.13; art.362 p.1)'),
    validFrom: IsoDate('First day in force: today or later; the version in force then ends the day before'),
    validTo: Type.Optional(IsoDate('Last day in force; absent: until further notice')),
    name: Name,
    legalBasis: Line(500, 'The act of the authorised body that sets it'),
    rules: Type.Array(FieldRuleSchema, { minItems: 1, maxItems: 500 }),
  },
  Strict,
);

export const DefinitionSchema = Type.Object({
  id: Type.String(),
  kind: literals(FORM_KINDS),
  version: Type.Integer(),
  validFrom: Type.String(),
  validTo: Nullable(Type.String()),
  name: LocalisedText,
  legalBasis: Type.String(),
  rules: Type.Array(FieldRuleSchema),
  publishedBy: Type.String(),
  publishedAt: Type.String(),
});

export const KindParams = Type.Object({ kind: literals(FORM_KINDS) }, Strict);
export const KindQuery = Type.Object({ kind: Type.Optional(literals(FORM_KINDS)) }, Strict);
export const DayQuery = Type.Object({ date: Type.Optional(IsoDate('The day; default today in Dushanbe')) }, Strict);
export const CheckBody = Type.Object(
  {
    date: Type.Optional(IsoDate('The day whose definition applies; default today in Dushanbe')),
    document: Type.Record(Type.String(), Type.Unknown(), { description: 'The filled-in form, as JSON' }),
  },
  Strict,
);
export const CheckResult = Type.Object({
  kind: literals(FORM_KINDS),
  version: Type.Integer(),
  violations: Type.Array(Type.Object({ code: Type.String(), field: Type.String() })),
});

type JsonSchema = { type?: string; properties?: Record<string, JsonSchema>; items?: JsonSchema };

/** Every path of a schema's data set: `a`, `a.b`, `list`, `list[]`, `list[].c`. */
function pathsOf(schema: JsonSchema, prefix = '', out = new Set<string>()): Set<string> {
  if (schema.type === 'object' && schema.properties)
    for (const [name, inner] of Object.entries(schema.properties)) {
      const path = prefix ? `${prefix}.${name}` : name;
      out.add(path);
      pathsOf(inner, path, out);
    }
  if (schema.type === 'array' && schema.items) {
    out.add(`${prefix}[]`);
    pathsOf(schema.items, `${prefix}[]`, out);
  }
  return out;
}

/** The data set of each form, from its request schema; a case the Code does not regulate has no fixed one. */
export const FORM_FIELDS: Readonly<Record<FormKind, ReadonlySet<string> | undefined>> = {
  goods_declaration: pathsOf(DeclarationDataSchema as JsonSchema),
  paper_declaration: pathsOf(DeclarationDataSchema as JsonSchema),
  customs_value_form: pathsOf(ValueFormBody as JsonSchema),
  unregulated_case: undefined,
};
