/** Request and response schemas of changes after release (art.133 p.8-9; docs/customs-declarant-requests.md). */
import { Type } from 'typebox';
import { IsoDate, Line, Nullable, Strict } from '../../../platform/schemas.ts';
import { DeclarationDataSchema } from './declaration.schemas.ts';

const Mode = Type.Union([Type.Literal('decision'), Type.Literal('permission')], {
  description: '`decision`: customs changes the data itself; `permission`: the declarant asks and customs permits',
});
const CaseCode = Type.String({ pattern: '^[A-Z0-9][A-Z0-9_-]{0,39}$', description: 'Case of the authorised body’s list (art.133 p.8-9)' });

export const CaseBody = Type.Object(
  {
    code: CaseCode,
    validFrom: IsoDate('In force from (today or later once the code has versions)'),
    validTo: Type.Optional(IsoDate('In force until (inclusive)')),
    nameTg: Line(500),
    nameRu: Line(500),
    nameEn: Line(500),
    allowedFields: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), {
      minItems: 1,
      maxItems: 50,
      description: 'Fields of the declaration data the case opens: `consignee.address`, `items[].description`, `documents` (and all below)',
    }),
    modes: Type.Array(Mode, { minItems: 1, maxItems: 2 }),
    legalBasis: Line(500, 'The act of the authorised body, or the article of the Code'),
  },
  Strict,
);

export const CaseSchema = Type.Object({
  code: Type.String(),
  validFrom: Type.String(),
  validTo: Nullable(Type.String()),
  nameTg: Type.String(),
  nameRu: Type.String(),
  nameEn: Type.String(),
  allowedFields: Type.Array(Type.String()),
  modes: Type.Array(Type.String()),
  legalBasis: Type.String(),
});

export const ChangeRequestBody = Type.Object(
  {
    signature: Type.String({ minLength: 1, maxLength: 2000, description: 'Base64 signature over the change payload' }),
    certificatePem: Type.String({ minLength: 1, maxLength: 20_000 }),
    caseCode: CaseCode,
    reason: Line(2000, 'The motive'),
    data: DeclarationDataSchema,
  },
  Strict,
);

export const ChangePayloadBody = Type.Object({ caseCode: CaseCode, reason: Line(2000), data: DeclarationDataSchema }, Strict);

export const ChangeDecisionBody = Type.Object({ caseCode: CaseCode, reason: Line(2000, 'Why customs changes the data'), data: DeclarationDataSchema }, Strict);
