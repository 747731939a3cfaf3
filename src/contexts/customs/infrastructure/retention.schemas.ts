/** Request and response schemas of the originals kept after release (art.361 p.3; docs/customs-exit-statistics.md). */
import { Type } from 'typebox';
import { IsoDate, IsoDateTime, Line, Nullable, Strict, Uuid } from '../../../platform/schemas.ts';
import { DeclarationNumber, Limit, literals, Offset } from './exit.schemas.ts';

export const OriginalBody = Type.Object(
  {
    declarationNumber: DeclarationNumber('The released declaration the original belongs to'),
    documentType: Type.String({ pattern: '^[A-Z0-9_-]{2,40}$', description: 'Document type of the reference list', examples: ['INVOICE'] }),
    documentNumber: Line(100, 'Number of the document'),
    documentDate: Type.Optional(IsoDate('Date of the document')),
    issuer: Line(300, 'Who issued it'),
    copySha256: Type.Optional(
      Type.String({ pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of the electronic copy made on receipt (POST /api/customs/documents)' }),
    ),
  },
  Strict,
);
export const ReturnBody = Type.Object(
  {
    returnedTo: Line(300, 'Who received the original back (the declarant or its representative)'),
    method: literals(['in_person', 'post', 'electronic_notice'] as const, 'How it went back'),
  },
  Strict,
);
export const RetentionParams = Type.Object({ id: Uuid('Retained original id') }, Strict);
export const RetentionListQuery = Type.Object({ declarationNumber: Type.Optional(DeclarationNumber()), limit: Limit, offset: Offset }, Strict);
export const DueQuery = Type.Object(
  { until: Type.Optional(IsoDate('Retention ending on or before this day (default today)')), limit: Limit, offset: Offset },
  Strict,
);
export const RetentionSchema = Type.Object({
  id: Type.String(),
  declarationNumber: Type.String(),
  registeredOn: Type.String({ description: 'Day the declaration was registered' }),
  retainUntil: Type.String({ description: 'Last day of the five years of art.361 p.3' }),
  documentType: Type.String(),
  documentNumber: Type.String(),
  documentDate: Nullable(Type.String()),
  issuer: Type.String(),
  copySha256: Nullable(Type.String()),
  receivedAt: IsoDateTime(),
  receivedBy: Type.String(),
  returnedAt: Nullable(IsoDateTime()),
  returnedTo: Nullable(Type.String()),
  returnMethod: Nullable(Type.String()),
  endedAt: Nullable(IsoDateTime()),
});
