/**
 * Writes web/src/api/types.gen.ts from openapi.json (the committed contract).
 *
 *   node --import tsx web/scripts/generate-api-types.ts [openapi.json] [out.ts]
 *
 * JSON Schema → TypeScript for what the server emits: objects (required / optional, additional
 * properties), arrays and tuples, anyOf / oneOf (unions), allOf (intersections), enum and const
 * (literal unions), type lists and OpenAPI 3.0 `nullable`, and $ref to components. Each component
 * becomes an exported type; each operation becomes an entry of `Operations`, keyed
 * "METHOD /path/{param}", with its path params, query, JSON body and 2xx response.
 * openapi-typescript is not used: it needs TypeScript 5, and the project runs TypeScript 7.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

export type Schema = {
  readonly $ref?: string;
  readonly type?: string | readonly string[];
  readonly nullable?: boolean;
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly anyOf?: readonly Schema[];
  readonly oneOf?: readonly Schema[];
  readonly allOf?: readonly Schema[];
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | Schema;
  readonly items?: Schema | readonly Schema[];
  readonly prefixItems?: readonly Schema[];
  readonly description?: string;
  readonly format?: string;
};

type Parameter = { readonly name: string; readonly in: string; readonly required?: boolean; readonly schema?: Schema; readonly description?: string };
type Content = { readonly content?: Readonly<Record<string, { readonly schema?: Schema }>> };
type Operation = {
  readonly summary?: string;
  readonly parameters?: readonly Parameter[];
  readonly requestBody?: Content & { readonly required?: boolean };
  readonly responses?: Readonly<Record<string, Content>>;
};
export type OpenApi = {
  readonly paths?: Readonly<Record<string, Readonly<Record<string, Operation>>>>;
  readonly components?: { readonly schemas?: Readonly<Record<string, Schema>> };
};

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A component name as a TypeScript identifier (`def-3` → `Def3`). */
export const typeName = (name: string): string => {
  const pascal = name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
  return /^[0-9]/.test(pascal) ? `T${pascal}` : pascal || 'Unnamed';
};

const key = (name: string) => (IDENTIFIER.test(name) ? name : JSON.stringify(name));
const literal = (value: unknown) => JSON.stringify(value);
const indent = (text: string, pad: string) => text.replace(/\n/g, `\n${pad}`);
const union = (parts: string[]) => {
  const unique = [...new Set(parts)];
  return unique.length === 0 ? 'never' : unique.join(' | ');
};
/** Wraps a union or intersection so that `[]` or `&` apply to the whole. */
function atom(ts: string): string {
  let depth = 0;
  let quote = '';
  for (let i = 0; i < ts.length; i++) {
    const ch = ts.charAt(i);
    if (!quote && ch === '/' && ts[i + 1] === '*') {
      const end = ts.indexOf('*/', i + 2);
      i = end < 0 ? ts.length : end + 1;
    } else if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if ('{[(<'.includes(ch)) depth++;
    else if ('}])>'.includes(ch)) depth--;
    else if (depth === 0 && (ch === '|' || ch === '&')) return `(${ts})`;
  }
  return ts;
}

function comment(text: string | undefined, pad: string): string {
  if (!text) return '';
  return `${pad}/** ${text.replace(/\*\//g, '*\\/').replace(/\n+/g, ' ')} */\n`;
}

/** One JSON Schema as a TypeScript type expression. */
export function toTs(schema: Schema | undefined | boolean, pad = ''): string {
  if (schema === undefined || schema === true) return 'unknown';
  if (schema === false) return 'never';
  const nullable = schema.nullable === true ? ' | null' : '';
  if (schema.$ref) return `${typeName(schema.$ref.split('/').pop() ?? 'Unknown')}${nullable}`;
  if (schema.const !== undefined) return `${literal(schema.const)}${nullable}`;
  if (schema.enum) return `${union(schema.enum.map(literal))}${nullable}`;
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return `${union(variants.map((v) => atom(toTs(v, pad))))}${nullable}`;
  if (schema.allOf) return `${schema.allOf.map((v) => atom(toTs(v, pad))).join(' & ')}${nullable}`;
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : inferType(schema);
  // A schema that constrains nothing (TypeBox's Unknown: a description only) holds any JSON value.
  if (types.length === 0) return `unknown${nullable}`;
  const parts = types.map((t) => primitive(t, schema, pad));
  return `${union(parts)}${nullable}`;
}

function inferType(schema: Schema): string[] {
  if (schema.properties || schema.additionalProperties !== undefined) return ['object'];
  if (schema.items || schema.prefixItems) return ['array'];
  return [];
}

function primitive(type: string, schema: Schema, pad: string): string {
  switch (type) {
    case 'string':
      return 'string';
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    case 'array':
      return arrayType(schema, pad);
    case 'object':
      return objectType(schema, pad);
    default:
      return 'unknown';
  }
}

function arrayType(schema: Schema, pad: string): string {
  const tuple = schema.prefixItems ?? (Array.isArray(schema.items) ? (schema.items as readonly Schema[]) : undefined);
  if (tuple) return `[${tuple.map((s) => toTs(s, pad)).join(', ')}]`;
  return `${atom(toTs(schema.items as Schema | undefined, pad))}[]`;
}

function objectType(schema: Schema, pad: string): string {
  const inner = `${pad}  `;
  const required = new Set(schema.required ?? []);
  const lines = Object.entries(schema.properties ?? {}).map(
    ([name, prop]) => `${comment(prop.description, inner)}${inner}${key(name)}${required.has(name) ? '' : '?'}: ${toTs(prop, inner)};`,
  );
  const extra = schema.additionalProperties;
  if (extra === true || (typeof extra === 'object' && extra !== null)) lines.push(`${inner}[key: string]: ${extra === true ? 'unknown' : toTs(extra, inner)};`);
  if (lines.length === 0) return extra === false ? 'Record<string, never>' : 'Record<string, unknown>';
  return `{\n${lines.join('\n')}\n${pad}}`;
}

function paramsObject(params: readonly Parameter[], pad: string): string {
  if (params.length === 0) return 'never';
  const lines = params.map((p) => `${comment(p.description, `${pad}  `)}${pad}  ${key(p.name)}${p.required ? '' : '?'}: ${toTs(p.schema, `${pad}  `)};`);
  return `{\n${lines.join('\n')}\n${pad}}`;
}

const jsonSchema = (content: Content | undefined): Schema | undefined => {
  const entries = Object.entries(content?.content ?? {});
  return (entries.find(([type]) => type.includes('json')) ?? entries[0])?.[1].schema;
};

function operationType(op: Operation, pad: string): string {
  const params = op.parameters ?? [];
  const success = Object.keys(op.responses ?? {})
    .filter((code) => /^2\d\d$/.test(code))
    .sort();
  const first = success[0];
  const responseSchema = first ? jsonSchema(op.responses?.[first]) : undefined;
  const inner = `${pad}  `;
  const response = first === '204' || !responseSchema ? (first === '204' ? 'null' : 'unknown') : toTs(responseSchema, inner);
  const body = op.requestBody ? toTs(jsonSchema(op.requestBody), inner) : 'never';
  return [
    `{`,
    `${inner}params: ${indent(
      paramsObject(
        params.filter((p) => p.in === 'path'),
        '',
      ),
      inner,
    )};`,
    `${inner}query: ${indent(
      paramsObject(
        params.filter((p) => p.in === 'query'),
        '',
      ),
      inner,
    )};`,
    `${inner}body: ${body};`,
    `${inner}response: ${response};`,
    `${pad}}`,
  ].join('\n');
}

/** The whole generated module as text. */
export function generate(doc: OpenApi): string {
  const out: string[] = [
    '// Generated by web/scripts/generate-api-types.ts from openapi.json. Do not edit by hand:',
    '// run `npm run openapi && node --import tsx web/scripts/generate-api-types.ts`.',
    '/* eslint-disable */',
    '',
  ];
  for (const [name, schema] of Object.entries(doc.components?.schemas ?? {})) {
    out.push(`${comment(schema.description, '')}export type ${typeName(name)} = ${toTs(schema)};`, '');
  }
  out.push('/** Every operation, keyed "METHOD /path/{param}". */', 'export type Operations = {');
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      out.push(`${comment(op.summary, '  ')}  ${JSON.stringify(`${method.toUpperCase()} ${path}`)}: ${operationType(op, '  ')};`);
    }
  }
  out.push('};', '', 'export type OperationKey = keyof Operations;', '');
  return out.join('\n');
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(import.meta.filename);
if (isMain) {
  const root = resolve(import.meta.dirname, '../..');
  const input = resolve(process.argv[2] ?? `${root}/openapi.json`);
  const output = resolve(process.argv[3] ?? `${root}/web/src/api/types.gen.ts`);
  const doc = JSON.parse(readFileSync(input, 'utf8')) as OpenApi;
  const text = generate(doc);
  writeFileSync(output, text);
  const count = (text.match(/^ {2}"[A-Z]+ \//gm) ?? []).length;
  console.log(`${output}: ${Object.keys(doc.components?.schemas ?? {}).length} schemas, ${count} operations`);
}
