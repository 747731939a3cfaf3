import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { canonicalJson, canonicalWithout, normalise } from './canonical-json.ts';

/** The same value with every object's keys inserted in reverse order. */
function reversed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversed);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    // defineProperty, not assignment: a key named "__proto__" must stay an own key (fast-check generates it).
    for (const k of Object.keys(value).reverse())
      Object.defineProperty(out, k, { value: reversed((value as Record<string, unknown>)[k]), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return value;
}

test('canonical JSON means the same value, and the same bytes whatever the key order', () => {
  fc.assert(
    fc.property(fc.jsonValue(), (v) => {
      const text = canonicalJson(v);
      assert.deepEqual(JSON.parse(text), JSON.parse(JSON.stringify(v)));
      assert.equal(canonicalJson(reversed(v)), text);
      assert.deepEqual(normalise(v), JSON.parse(text));
    }),
  );
});

test('keys are sorted by code point, integer-like keys included; undefined is dropped; bigint and Date have fixed forms', () => {
  assert.equal(canonicalJson({ b: 1, '0': [], '': null, a: { d: [1, undefined, 'ҷ'], c: undefined } }), '{"":null,"0":[],"a":{"d":[1,null,"ҷ"]},"b":1}');
  assert.equal(canonicalJson({ e: 10n, f: new Date('2026-01-01T00:00:00Z') }), '{"e":"10","f":"2026-01-01T00:00:00.000Z"}');
  assert.throws(() => canonicalJson({ x: Number.NaN }), TypeError);
});

test('canonicalWithout gives the canonical JSON of the object without the named members', () => {
  fc.assert(
    fc.property(
      fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue(), { maxKeys: 8 }),
      fc.array(fc.string({ maxLength: 6 }), { maxLength: 3 }),
      (obj, omit) => {
        const without = Object.fromEntries(Object.entries(obj).filter(([k]) => !omit.includes(k)));
        assert.deepEqual(canonicalWithout(obj, [omit, []]), [canonicalJson(without), canonicalJson(obj)]);
      },
    ),
  );
});
