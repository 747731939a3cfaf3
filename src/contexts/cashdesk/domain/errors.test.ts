import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cashdeskProblems } from './errors.ts';
import { fiscalModuleProblems } from './fiscal-module-errors.ts';

test('FIS-RCT-09, FIS-IMP-38: every cashdesk refusal has a Tajik, Russian and English title', () => {
  for (const [code, spec] of Object.entries(cashdeskProblems)) {
    assert.match(code, /^[A-Z][A-Z0-9_]+$/);
    for (const lang of ['tg', 'ru', 'en'] as const) assert.ok(spec.title[lang].trim().length > 0, `${code} ${lang}`);
    assert.notEqual(spec.title.tg, spec.title.en, code);
  }
});

test('FIS-VCS-04: a code shared with the fiscal module means the same and has the same status', () => {
  const shared = Object.keys(cashdeskProblems).filter((c) => Object.hasOwn(fiscalModuleProblems, c));
  assert.ok(shared.length > 0);
  for (const code of shared) {
    const mine = cashdeskProblems[code as keyof typeof cashdeskProblems];
    const theirs = fiscalModuleProblems[code as keyof typeof fiscalModuleProblems];
    assert.equal(mine.status, theirs.status, code);
  }
});
