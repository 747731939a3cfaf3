/** Reads one version of a reference row from a JSON body or a CSV line, field by field (IMP-07). */
import { err, ok, type Result } from '../../../platform/result.ts';
import { isDecimal } from './codes.ts';
import { isIsoDate, type Span } from './history.ts';
import type { Field, FieldProblem, FieldValue, ReferenceValues, TableSpec } from './tables.ts';

export type ParsedVersion = { readonly key: readonly string[]; readonly span: Span; readonly values: ReferenceValues };

const MAX_DIRAMS = Number.MAX_SAFE_INTEGER;
const absent = (v: unknown) => v === undefined || v === null || v === '';

function parseValue(field: Field, raw: unknown): FieldValue | FieldProblem {
  const bad: FieldProblem = { field: field.name, code: 'REFERENCE_VALUE_INVALID' };
  if (absent(raw)) return field.required && !(field.kind === 'list' && field.min === 0) ? bad : field.kind === 'list' ? [] : null;
  switch (field.kind) {
    case 'text': {
      const s = typeof raw === 'string' ? raw.trim() : '';
      return s.length > 0 && s.length <= field.max ? s : bad;
    }
    case 'enum':
      return typeof raw === 'string' && field.values.includes(raw) ? raw : bad;
    case 'list': {
      const items = Array.isArray(raw)
        ? raw
        : typeof raw === 'string'
          ? raw
              .split(';')
              .map((s) => s.trim())
              .filter((s) => s !== '')
          : undefined;
      if (!items || items.length < field.min || new Set(items).size !== items.length) return bad;
      return items.every((i) => typeof i === 'string' && field.values.includes(i)) ? (items as string[]) : bad;
    }
    case 'int':
    case 'dirams': {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d{1,15}$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
      const [min, max] = field.kind === 'int' ? [field.min, field.max] : [0, MAX_DIRAMS];
      return Number.isSafeInteger(n) && n >= min && n <= max ? n : bad;
    }
    case 'decimal': {
      const s = typeof raw === 'string' ? raw.trim() : '';
      return isDecimal(s, field.scale) && /[1-9]/.test(s) ? s : bad;
    }
    case 'code': {
      const s = typeof raw === 'string' ? raw.trim() : '';
      return field.check(s) ? s : { field: field.name, code: field.error };
    }
  }
}

const isProblem = (v: FieldValue | FieldProblem): v is FieldProblem => v !== null && typeof v === 'object' && !Array.isArray(v) && 'code' in v;

/** Every problem of the version, not only the first: an officer fixes a CSV line in one go. */
export function parseVersion(spec: TableSpec, input: Readonly<Record<string, unknown>>): Result<ParsedVersion, FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const values: Record<string, FieldValue> = {};
  for (const field of spec.fields) {
    const v = parseValue(field, input[field.name]);
    if (isProblem(v)) problems.push(v);
    else values[field.name] = v;
  }
  const validFrom = input.validFrom;
  const validTo = absent(input.validTo) ? null : input.validTo;
  if (typeof validFrom !== 'string' || !isIsoDate(validFrom)) problems.push({ field: 'validFrom', code: 'REFERENCE_VALUE_INVALID' });
  if (validTo !== null && (typeof validTo !== 'string' || !isIsoDate(validTo))) problems.push({ field: 'validTo', code: 'REFERENCE_VALUE_INVALID' });
  if (problems.length === 0 && spec.check) {
    const problem = spec.check(values);
    if (problem) problems.push(problem);
  }
  if (problems.length > 0) return err(problems);
  return ok({
    key: spec.keys.map((k) => String(values[k])),
    span: { validFrom: validFrom as string, validTo: validTo as string | null },
    values,
  });
}

/** A CSV line (columns in snake_case, lists separated by `;`) as the input `parseVersion` reads; unknown columns are problems. */
export function csvLineInput(spec: TableSpec, line: Readonly<Record<string, string>>): { input: Record<string, unknown>; problems: FieldProblem[] } {
  const byColumn = new Map<string, string>([
    ['valid_from', 'validFrom'],
    ['valid_to', 'validTo'],
    ...spec.fields.map((f): [string, string] => [f.column, f.name]),
  ]);
  const input: Record<string, unknown> = {};
  const problems: FieldProblem[] = [];
  for (const [column, value] of Object.entries(line)) {
    const name = byColumn.get(column);
    if (name) input[name] = value;
    else problems.push({ field: column, code: 'REFERENCE_VALUE_INVALID' });
  }
  return { input, problems };
}
