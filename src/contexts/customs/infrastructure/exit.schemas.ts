/** Request and response schemas of the border office's exit data (docs/customs-exit-statistics.md). */
import { Type } from 'typebox';
import { InstantInput, IsoDate, IsoDateTime, Line, Nullable, Strict, Uuid } from '../../../platform/schemas.ts';
import { TRANSPORT_MODES } from '../domain/tables.ts';

export const literals = <T extends string>(values: readonly T[], description?: string) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], ...(description ? { description } : {}) });
export const OfficeCode = (description: string) => Type.String({ pattern: '^[A-Z0-9-]{2,40}$', description, examples: ['PANJI-POYON'] });
export const DeclarationNumber = (description = 'Registration number of a goods declaration') =>
  Type.String({ pattern: '^[A-Za-z0-9/-]{3,40}$', description, examples: ['DUSHANBE/020326/0000001'] });
export const PersonCode = (description: string) => Type.String({ pattern: '^[A-Z0-9-]{3,40}$', description, examples: ['010000101'] });
/** A commodity code or its first digits (2 to 10). */
export const CodePrefix = (description: string) => Type.String({ pattern: '^[0-9]{2,10}$', description, examples: ['8517', '1701999000'] });
export const TransportDocument = Type.Object(
  {
    typeCode: Type.String({ pattern: '^[A-Z0-9_-]{2,40}$', description: 'Document type of the reference list (CMR, AWB, CIM …)', examples: ['CMR'] }),
    number: Line(100, 'Its number'),
  },
  Strict,
);
export const Limit = Type.Optional(Type.Integer({ minimum: 1, maximum: 200 }));
export const Offset = Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 }));

export const ExitBody = Type.Object(
  {
    officeCode: OfficeCode('The border customs office where the goods left'),
    exitedAt: InstantInput('When the goods crossed the border (not in the future)'),
    transport: Type.Object(
      {
        mode: literals(TRANSPORT_MODES, 'Mode of transport'),
        vehicles: Type.Array(Line(40, 'Registration number of a vehicle (or flight, train, vessel)'), { minItems: 1, maxItems: 20 }),
      },
      Strict,
    ),
    declarationNumber: Type.Optional(DeclarationNumber('A released export declaration whose goods left')),
    transportDocument: Type.Optional(TransportDocument),
    goods: Type.Optional(
      Type.Object(
        {
          exporterCode: PersonCode('TIN or code of the exporter'),
          commodityCodes: Type.Array(CodePrefix('Commodity code (or its first digits) of goods that left'), { minItems: 1, maxItems: 50 }),
          description: Type.Optional(Line(500, 'What the goods are')),
        },
        Strict,
      ),
    ),
  },
  Strict,
);

export const ExitSchema = Type.Object({
  id: Type.String(),
  officeCode: Type.String(),
  exitedAt: IsoDateTime(),
  transportMode: Type.String(),
  vehicles: Type.Array(Type.String()),
  declarationNumber: Nullable(Type.String()),
  transportDocument: Nullable(Type.Object({ typeCode: Type.String(), number: Type.String() })),
  exporterCode: Nullable(Type.String()),
  commodityCodes: Type.Array(Type.String()),
  description: Type.String(),
  recordedAt: IsoDateTime(),
  recordedBy: Type.String(),
});

export const ExitParams = Type.Object({ id: Uuid('Exit record id') }, Strict);

export const ExitListQuery = Type.Object(
  {
    officeCode: Type.Optional(OfficeCode('Border office')),
    declarationNumber: Type.Optional(DeclarationNumber()),
    transportDocumentNumber: Type.Optional(Line(100, 'Transport document number (spaces and case ignored)')),
    exporterCode: Type.Optional(PersonCode('Exporter')),
    from: Type.Optional(InstantInput('Exits from this instant')),
    to: Type.Optional(InstantInput('Exits up to this instant')),
    limit: Limit,
    offset: Offset,
  },
  Strict,
);

export const ExceptionQuery = Type.Object({ on: Type.Optional(IsoDate('Day (default today)')) }, Strict);
export const ExceptionSchema = Type.Object({
  code: Type.String(),
  form: Nullable(Type.String()),
  transportMode: Nullable(Type.String()),
  needsUndertaking: Type.Boolean(),
  legalBasis: Type.String(),
  name: Type.Object({ tg: Type.String(), ru: Type.String(), en: Type.String() }),
});
