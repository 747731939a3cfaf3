import { type TSchema, Type } from 'typebox';
import { UUID_PATTERN } from './ids.ts';

/** Shared request/response building blocks (JSON Schema through TypeBox). */
export const Uuid = (description?: string) => Type.String({ pattern: UUID_PATTERN, description, examples: ['0193a6a0-7c1e-7a10-8000-000000000001'] });
export const IsoDate = (description?: string) =>
  Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$', description, examples: ['2026-11-24'] });
/** An instant in RFC 3339; responses may hand a Date, which the serialiser writes as ISO 8601. */
export const IsoDateTime = (description?: string) =>
  Type.Unsafe<string | Date>({ type: 'string', format: 'date-time', ...(description ? { description } : {}), examples: ['2026-11-24T10:00:00+05:00'] });
/** Taxpayer identification number (РМА): nine digits. */
export const Tin = (description = 'Taxpayer identification number (РМА), 9 digits') =>
  Type.String({ pattern: '^\\d{9}$', description, examples: ['010000001'] });
/** A trimmed, non-empty line of text. */
export const Line = (maxLength = 300, description?: string) => Type.String({ minLength: 1, maxLength, pattern: '\\S', description });
export const Phone = () => Type.String({ pattern: '^\\+?[0-9 ()-]{5,20}$', description: 'Telephone number', examples: ['+992 37 221 00 00'] });
export const LocalisedText = Type.Object({ tg: Type.String(), ru: Type.String(), en: Type.String() });
export const IdParams = Type.Object({ id: Uuid() }, { additionalProperties: false });
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
export const Strict = { additionalProperties: false } as const;
/** An instant sent by a client: RFC 3339 with an offset. */
export const InstantInput = (description?: string) =>
  Type.String({ format: 'date-time', ...(description ? { description } : {}), examples: ['2026-11-24T10:00:00+05:00'] });
