import { Ajv, type ErrorObject, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import type { Language, Localised } from './i18n.ts';

/**
 * Two validators: bodies are strict (no coercion, no unknown fields: a typo is an error, not
 * silence); query strings and path parameters arrive as text and are coerced to their types.
 */
function makeAjv(options: Options) {
  const ajv = new Ajv({ allErrors: true, strict: false, removeAdditional: false, useDefaults: true, discriminator: true, ...options });
  (addFormats as unknown as (a: Ajv) => void)(ajv);
  return ajv;
}
export const bodyAjv = makeAjv({ coerceTypes: false });
export const paramsAjv = makeAjv({ coerceTypes: 'array' });
/** Stops at the first error: the hot intake path validates with it, and re-validates with `bodyAjv` only to report a failure in full. */
export const firstErrorAjv = makeAjv({ coerceTypes: false, allErrors: false });

/** One field at fault, with a message in the caller's language. */
export type FieldError = { readonly field: string; readonly code: string; readonly message: string };

const messages: Record<string, Localised> = {
  required: { tg: 'Майдони ҳатмӣ холӣ аст', ru: 'Обязательное поле не заполнено', en: 'This field is required' },
  type: { tg: 'Навъи қимат нодуруст аст', ru: 'Неверный тип значения', en: 'Wrong type of value' },
  pattern: { tg: 'Қимат ба шакли муқарраргардида мувофиқ нест', ru: 'Значение не соответствует формату', en: 'The value does not have the expected format' },
  format: { tg: 'Қимат ба шакли муқарраргардида мувофиқ нест', ru: 'Значение не соответствует формату', en: 'The value does not have the expected format' },
  minLength: { tg: 'Қимат хеле кӯтоҳ аст', ru: 'Значение слишком короткое', en: 'The value is too short' },
  maxLength: { tg: 'Қимат хеле дароз аст', ru: 'Значение слишком длинное', en: 'The value is too long' },
  minimum: { tg: 'Қимат хеле хурд аст', ru: 'Значение слишком мало', en: 'The value is too small' },
  maximum: { tg: 'Қимат хеле калон аст', ru: 'Значение слишком велико', en: 'The value is too large' },
  enum: { tg: 'Қимат аз рӯйхати иҷозатдодашуда нест', ru: 'Значение не из допустимого списка', en: 'The value is not one of the allowed values' },
  const: { tg: 'Қимат аз рӯйхати иҷозатдодашуда нест', ru: 'Значение не из допустимого списка', en: 'The value is not one of the allowed values' },
  additionalProperties: { tg: 'Майдони номаълум', ru: 'Неизвестное поле', en: 'Unknown field' },
  minItems: { tg: 'Рӯйхат хеле кӯтоҳ аст', ru: 'Слишком мало элементов', en: 'Too few items' },
  maxItems: { tg: 'Рӯйхат хеле дароз аст', ru: 'Слишком много элементов', en: 'Too many items' },
  other: { tg: 'Қимат нодуруст аст', ru: 'Неверное значение', en: 'Invalid value' },
};

/** Turns ajv errors into field paths like `body.attachments[0].sha256` with localised messages. */
export function fieldErrors(part: string, errors: readonly ErrorObject[], lang: Language): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const e of errors) {
    if (e.keyword === 'anyOf' || e.keyword === 'oneOf' || e.keyword === 'if') continue;
    let path = e.instancePath
      .split('/')
      .slice(1)
      .map((seg) => (/^\d+$/.test(seg) ? `[${seg}]` : `.${seg.replace(/~1/g, '/').replace(/~0/g, '~')}`))
      .join('');
    if (e.keyword === 'required') path += `.${(e.params as { missingProperty: string }).missingProperty}`;
    if (e.keyword === 'additionalProperties') path += `.${(e.params as { additionalProperty: string }).additionalProperty}`;
    const field = `${part}${path}`;
    const key = `${field}:${e.keyword}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ field, code: e.keyword, message: (messages[e.keyword] ?? (messages.other as Localised))[lang] });
  }
  return out;
}
