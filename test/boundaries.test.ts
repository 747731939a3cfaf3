/**
 * Boundary rules of STYLE.md, checked on the import statements of src/:
 * - src/app and other contexts import a context only through its index.ts;
 * - a context's domain/ is pure: no database, HTTP, clock, file system or network.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';

const src = join(import.meta.dirname, '../src');

function files(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files(path, out);
    else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

const importsOf = (file: string) => [...readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1] as string);
const contextOf = (path: string) => relative(src, path).match(/^contexts\/([^/]+)\//)?.[1];

test('contexts are used only through their index.ts', () => {
  const offences: string[] = [];
  for (const file of files(src)) {
    const own = contextOf(file);
    for (const spec of importsOf(file).filter((s) => s.startsWith('.'))) {
      const target = resolve(dirname(file), spec);
      const other = contextOf(target);
      if (other && other !== own && relative(src, target) !== `contexts/${other}/index.ts`) offences.push(`${relative(src, file)} → ${spec}`);
    }
  }
  assert.deepEqual(offences, []);
});

test('domain code is pure: no database, HTTP, clock, file system or network', () => {
  // The GOST primitives are computation; their only outside input is randomness for new keys, which callers may inject.
  const pureKernel = new Set([
    'platform/i18n.ts',
    'platform/result.ts',
    'platform/problems.ts',
    'platform/canonical-json.ts',
    'platform/crypto/gost.ts',
    'platform/crypto/sha256.ts',
    'platform/gs1.ts',
    'platform/fiscal-amounts.ts',
    'platform/fiscal-document.ts',
    // The calendar's arithmetic (not its repository): pure functions of the calendar data.
    'platform/calendar/time.ts',
    'platform/calendar/calendar.ts',
    'platform/calendar/calendar-data.ts',
  ]);
  const offences: string[] = [];
  for (const file of files(src).filter((f) => /\/domain\//.test(f))) {
    for (const spec of importsOf(file)) {
      if (spec.startsWith('node:') || (!spec.startsWith('.') && spec !== 'typebox')) offences.push(`${relative(src, file)} → ${spec}`);
      if (!spec.startsWith('.')) continue;
      const target = relative(src, resolve(dirname(file), spec));
      const isSameDomain = dirname(target) === dirname(relative(src, file));
      if (!isSameDomain && !pureKernel.has(target)) offences.push(`${relative(src, file)} → ${spec}`);
    }
  }
  assert.deepEqual(offences, []);
});
