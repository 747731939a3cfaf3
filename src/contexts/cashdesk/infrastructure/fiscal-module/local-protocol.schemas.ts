/**
 * Request schemas of the fiscal module's port, checked by the software module itself (so that the
 * in-process and the loopback paths refuse the same input) and published in docs/fiscal-module.md.
 */
import { type Static, type TSchema, Type } from 'typebox';
import { Strict } from '../../../../platform/schemas.ts';
import { bodyAjv } from '../../../../platform/validation.ts';
import { ReceiptLineSchema, receiptDataFields } from '../../../fiscal/index.ts';

const Instant = Type.String({ format: 'date-time', maxLength: 40, description: 'RFC 3339 instant from the register’s clock (UTC+05:00, p.65 item 16)' });

export const DocumentRequestSchema = Type.Object(
  {
    registerNumber: Type.String({ minLength: 1, maxLength: 60, description: 'p.9 field 2: the register using the module (p.65, p.68: one only)' }),
    at: Instant,
    isOffline: Type.Boolean({ description: 'p.36: the operator cannot be reached' }),
  },
  Strict,
);

/**
 * The receipt data of the published format (the operator's schema), stricter where a module must
 * be: at least one line, and no line of quantity zero.
 */
export const ReceiptInputSchema = Type.Object(
  {
    ...receiptDataFields,
    lines: Type.Array(
      Type.Object(
        { ...ReceiptLineSchema.properties, quantity: Type.Integer({ minimum: 1, maximum: 1_000_000_000, description: 'Field 8, thousandths of the unit' }) },
        Strict,
      ),
      { minItems: 1, maxItems: 1000 },
    ),
  },
  Strict,
);

export const ReceiptRequestSchema = Type.Object({ ...DocumentRequestSchema.properties, receipt: ReceiptInputSchema }, Strict);

export const InitialiseRequestSchema = Type.Object(
  {
    operatorPublicKey: Type.String({ pattern: '^[0-9a-fA-F]{128}$', description: 'GOST R 34.10-2012 public key of the operator, hex x ‖ y' }),
    moduleNumber: Type.String({ minLength: 1, maxLength: 40, description: 'p.9 field 15' }),
    registerNumber: Type.String({ minLength: 1, maxLength: 60, description: 'p.9 field 2' }),
  },
  Strict,
);

export const AckRequestSchema = Type.Object(
  { ack: Type.String({ maxLength: 10_000, description: 'The operator’s acknowledgement, as received' }), at: Instant },
  Strict,
);

/** Many acknowledgements at once (a synchronised backlog): checked one by one, written once. */
export const AcksRequestSchema = Type.Object(
  {
    acks: Type.Array(Type.String({ maxLength: 10_000, description: 'The operator’s acknowledgement, as received' }), { minItems: 1, maxItems: 1000 }),
    at: Instant,
  },
  { additionalProperties: false },
);
export const StatusRequestSchema = Type.Object({ at: Instant }, Strict);

const compiled = new WeakMap<TSchema, ReturnType<typeof bodyAjv.compile>>();

/** Checks a request; the problems name each field at fault (`field`, `code`). */
export function validate<S extends TSchema>(
  schema: S,
  value: unknown,
): { ok: true; value: Static<S> } | { ok: false; problems: { field: string; code: string }[] } {
  let check = compiled.get(schema);
  if (!check) {
    check = bodyAjv.compile(schema);
    compiled.set(schema, check);
  }
  if (check(value)) return { ok: true, value: value as Static<S> };
  const problems = (check.errors ?? []).map((e) => ({
    field:
      `${e.instancePath.replace(/\//g, '.').replace(/^\./, '')}${e.keyword === 'required' ? `.${(e.params as { missingProperty: string }).missingProperty}` : ''}`.replace(
        /^\./,
        '',
      ),
    code: e.keyword,
  }));
  return { ok: false, problems };
}
