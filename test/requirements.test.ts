import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  citedRequirements,
  citedTaxServices,
  coreRequirements,
  customsCoreRequirements,
  FOUNDATION_AREAS,
  listedAsUntested,
  RISK_AREAS,
  taxServiceRequirements,
} from '../scripts/requirements.ts';

const catalog = join(import.meta.dirname, '../../shared/spec/fiscal.md');

test('every [core] requirement of the foundation areas is cited by a test or listed with its reason in docs/requirements.md', {
  skip: !existsSync(catalog) && 'the catalogs are not beside the project',
}, () => {
  const core = coreRequirements(FOUNDATION_AREAS, catalog);
  assert.ok(core.length > 100);
  const cited = citedRequirements();
  const listed = listedAsUntested();
  const missing = core.filter((id) => !cited.has(id) && !listed.has(id));
  assert.deepEqual(missing, []);
  // A requirement listed as untested must not also be claimed by a test.
  assert.deepEqual(
    [...listed.keys()].filter((id) => cited.has(id)),
    [],
  );
});

test('every TS requirement and every service code of order 396 is cited by a test or listed with its reason in docs/requirements.md', {
  skip: !existsSync(join(import.meta.dirname, '../../shared/spec/tax-services.md')) && 'the catalogs are not beside the project',
}, () => {
  const { ids, codes } = taxServiceRequirements();
  assert.equal(ids.length, 52);
  assert.equal(codes.length, 52);
  const cited = citedTaxServices();
  const listed = listedAsUntested();
  assert.deepEqual(
    [...ids, ...codes].filter((id) => !cited.has(id) && !listed.has(id)),
    [],
  );
  assert.deepEqual(
    ids.filter((id) => listed.has(id) && cited.has(id)),
    [],
  );
});

test('every [core] requirement of the customs areas of issue #5 is cited by a test or listed with its reason in docs/requirements.md', {
  skip: !existsSync(join(import.meta.dirname, '../../shared/spec/customs-declarations.md')) && 'the catalogs are not beside the project',
}, () => {
  const core = customsCoreRequirements();
  assert.ok(core.length > 140, `${core.length} core requirements`);
  const cited = citedRequirements();
  const listed = listedAsUntested();
  assert.deepEqual(
    core.filter((id) => !cited.has(id) && !listed.has(id)),
    [],
  );
  assert.deepEqual(
    core.filter((id) => listed.has(id) && cited.has(id)),
    [],
  );
});

test('every [core] requirement of risk management, customs control and audits (issue #6) is cited by a test or listed with its reason in docs/requirements.md', {
  skip: !existsSync(join(import.meta.dirname, '../../shared/spec/customs-declarations.md')) && 'the catalogs are not beside the project',
}, () => {
  const core = customsCoreRequirements(RISK_AREAS);
  assert.ok(core.length > 50, `${core.length} core requirements`);
  const cited = citedRequirements();
  const listed = listedAsUntested();
  assert.deepEqual(
    core.filter((id) => !cited.has(id) && !listed.has(id)),
    [],
  );
  assert.deepEqual(
    core.filter((id) => listed.has(id) && cited.has(id)),
    [],
  );
});
