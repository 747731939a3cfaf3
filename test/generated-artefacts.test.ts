import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { errorDocs } from '../src/app/error-docs.ts';
import { cashdeskErrorCatalogue } from '../src/contexts/cashdesk/index.ts';
import { customsErrorCatalogue } from '../src/contexts/customs/index.ts';
import { fiscalProblems } from '../src/contexts/fiscal/index.ts';
import { riskErrorCatalogue } from '../src/contexts/risk/index.ts';
import { taxServicesErrorCatalogue } from '../src/contexts/tax-services/index.ts';
import { platformProblems } from '../src/platform/problems.ts';
import { writeOpenApi } from '../src/app/openapi.ts';
import { generate, type OpenApi } from '../web/scripts/generate-api-types.ts';

const root = join(import.meta.dirname, '..');

test('the committed openapi.json is what the routes generate (run `npm run openapi` after changing routes)', async () => {
  const committed = readFileSync(join(root, 'openapi.json'), 'utf8');
  assert.equal(committed, await writeOpenApi());
});

test('the web client types are generated from the committed openapi.json (run web/scripts/generate-api-types.ts)', () => {
  const doc = JSON.parse(readFileSync(join(root, 'openapi.json'), 'utf8')) as OpenApi;
  assert.equal(readFileSync(join(root, 'web/src/api/types.gen.ts'), 'utf8'), generate(doc));
});

test('docs/errors.md lists every error code with its status and titles (run scripts/write-error-docs.ts)', () => {
  assert.equal(readFileSync(join(root, 'docs/errors.md'), 'utf8'), errorDocs());
  // Every code any context can answer with has its row: the sections are not allowed to fall behind the catalogues.
  const docs = errorDocs();
  const catalogues = [platformProblems, fiscalProblems, cashdeskErrorCatalogue, taxServicesErrorCatalogue, customsErrorCatalogue, riskErrorCatalogue];
  const missing = catalogues.flatMap((c) => Object.keys(c)).filter((code) => !docs.includes(`| \`${code}\` |`));
  assert.deepEqual(missing, []);
});

test('FIS-GEN-05: the API offers no way to delete or overwrite registry records: no DELETE route, no PATCH of records', async () => {
  const doc = JSON.parse(await writeOpenApi()) as { paths: Record<string, Record<string, unknown>> };
  const methods = Object.values(doc.paths).flatMap((ops) => Object.keys(ops));
  assert.ok(!methods.includes('delete'));
  assert.ok(!methods.includes('patch'));
});
