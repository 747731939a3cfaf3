import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generate, toTs, typeName } from '../../scripts/generate-api-types.ts';

test('the type generator maps JSON Schema objects, arrays, unions, enums, const, nullable and $ref', () => {
  assert.equal(toTs({ type: 'string' }), 'string');
  assert.equal(toTs({ type: 'integer' }), 'number');
  assert.equal(toTs({ type: ['string', 'null'] }), 'string | null');
  assert.equal(toTs({ type: 'string', nullable: true }), 'string | null');
  assert.equal(toTs({ enum: ['a', 'b'] }), '"a" | "b"');
  assert.equal(toTs({ const: 'ok' }), '"ok"');
  assert.equal(toTs({ $ref: '#/components/schemas/def-3' }), 'Def3');
  assert.equal(
    toTs({
      anyOf: [
        { type: 'string', enum: ['online'] },
        { type: 'string', enum: ['virtual'] },
      ],
    }),
    '"online" | "virtual"',
  );
  assert.equal(toTs({ type: 'array', items: { anyOf: [{ type: 'string' }, { type: 'null' }] } }), '(string | null)[]');
  assert.equal(toTs({ type: 'array', prefixItems: [{ type: 'string' }, { type: 'number' }] }), '[string, number]');
  assert.equal(toTs({ allOf: [{ $ref: '#/components/schemas/A' }, { $ref: '#/components/schemas/B' }] }), 'A & B');
  assert.equal(
    toTs({ type: 'object', required: ['id'], properties: { id: { type: 'string', description: 'The id' }, 'x-y': { type: 'boolean' } } }),
    '{\n  /** The id */\n  id: string;\n  "x-y"?: boolean;\n}',
  );
  assert.equal(toTs({ type: 'object', additionalProperties: { type: 'integer' } }), '{\n  [key: string]: number;\n}');
  assert.equal(toTs({ type: 'object', properties: {}, additionalProperties: false }), 'Record<string, never>');
  assert.equal(toTs({ description: 'Any JSON value' }), 'unknown');
  assert.equal(typeName('Principal'), 'Principal');
});

test('the type generator keys operations by method and path, with params, query, body and the 2xx response', () => {
  const text = generate({
    components: { schemas: { Thing: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } } } },
    paths: {
      '/api/things/{id}': {
        get: {
          summary: 'One thing',
          parameters: [
            { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
            { name: 'full', in: 'query', schema: { type: 'boolean' } },
          ],
          responses: { '200': { content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } }, '4XX': {} },
        },
        put: {
          requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { name: { type: 'string' } } } } } },
          responses: { '204': {} },
        },
      },
    },
  });
  assert.match(text, /export type Thing = \{\n {2}id: string;\n\};/);
  assert.match(
    text,
    /"GET \/api\/things\/\{id\}": \{\n {4}params: \{\n {6}id: string;\n {4}\};\n {4}query: \{\n {6}full\?: boolean;\n {4}\};\n {4}body: never;\n {4}response: Thing;/,
  );
  assert.match(text, /"PUT \/api\/things\/\{id\}": \{[\s\S]*?body: \{\n {6}name\?: string;\n {4}\};\n {4}response: null;/);
});
