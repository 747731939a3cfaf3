/** Request and response schemas of the undertakings of art.150 (CUS-REL-08; docs/customs-exit-statistics.md). */
import { Type } from 'typebox';
import { IsoDate, IsoDateTime, Line, Nullable, Strict } from '../../../platform/schemas.ts';
import { UNDERTAKING_STATES } from '../domain/undertaking.ts';
import { CodePrefix, DeclarationNumber, Limit, literals, OfficeCode, Offset, PersonCode, TransportDocument } from './exit.schemas.ts';

export const UndertakingBody = Type.Object(
  {
    channel: literals(['electronic', 'written'] as const, 'Electronic: given by the declarant itself; written: recorded by customs'),
    declarantCode: Type.Optional(PersonCode('The declarant, for a written undertaking recorded by customs')),
    officeCode: OfficeCode('The office that releases the goods'),
    direction: literals(['import', 'export'] as const),
    periodDays: Type.Integer({ minimum: 1, maximum: 366, description: 'Calendar days from release to file the declaration; no more than the limit in force' }),
    transportDocument: Type.Optional(TransportDocument),
    commodityCodes: Type.Array(CodePrefix('Commodity code (or its first digits) of the goods'), { minItems: 1, maxItems: 50 }),
    goodsDescription: Line(1000, 'The goods released before the declaration'),
  },
  Strict,
);
export const DecisionBody = Type.Object(
  { accept: Type.Boolean({ description: 'Accept (release before the declaration) or refuse' }), reason: Type.Optional(Line(2000, 'Why it is refused')) },
  Strict,
);
export const FulfilBody = Type.Object({ declarationNumber: DeclarationNumber('The registered declaration filed under the undertaking') }, Strict);
export const UndertakingParams = Type.Object({ number: Type.String({ pattern: '^UND-\\d{4}-\\d{6}$', description: 'Undertaking number' }) }, Strict);
export const UndertakingListQuery = Type.Object(
  { state: Type.Optional(literals(UNDERTAKING_STATES)), declarantCode: Type.Optional(PersonCode('Declarant (customs only)')), limit: Limit, offset: Offset },
  Strict,
);
export const UndertakingSchema = Type.Object({
  number: Type.String(),
  declarantCode: Type.String(),
  officeCode: Type.String(),
  direction: Type.String(),
  channel: Type.String(),
  periodDays: Type.Integer(),
  maxDays: Type.Integer({ description: 'The limit of art.150 p.2 in force when it was given' }),
  transportDocument: Nullable(Type.Object({ typeCode: Type.String(), number: Type.String() })),
  commodityCodes: Type.Array(Type.String()),
  goodsDescription: Type.String(),
  state: Type.String(),
  givenAt: IsoDateTime(),
  decidedAt: Nullable(IsoDateTime()),
  refusalReason: Nullable(Type.String()),
  releasedAt: Nullable(IsoDateTime()),
  dueAt: Nullable(IsoDateTime()),
  overdueAt: Nullable(IsoDateTime()),
  declarationNumber: Nullable(Type.String()),
  fulfilledAt: Nullable(IsoDateTime()),
  isFulfilledLate: Nullable(Type.Boolean()),
});
export const ParameterBody = Type.Object(
  {
    validFrom: IsoDate('First day the limit applies'),
    maxDays: Type.Integer({ minimum: 1, maximum: 366, description: 'Art.150 p.2: the longest period, calendar days' }),
    basis: Line(1000, 'The act and article that set it'),
  },
  Strict,
);
export const ParameterSchema = Type.Object({
  validFrom: Type.String(),
  maxDays: Type.Integer(),
  basis: Type.String(),
  recordedAt: IsoDateTime(),
  recordedBy: Type.String(),
});
