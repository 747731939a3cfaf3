/**
 * Requirement coverage: which tests cite each [core] requirement of the catalog areas an issue
 * names, and which are listed in docs/requirements.md as not proven by a test (with the reason).
 *   node --import tsx scripts/requirements.ts [AREA … | CUS | RISK | TS]    prints the table; exits 1 when one is neither cited nor listed
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
export const FOUNDATION_AREAS = ['GEN', 'ACC', 'REG', 'DRG', 'AX1', 'AX2', 'AX3', 'TSC', 'TSO', 'BRN', 'FMR'];

/** `[core]` requirement IDs of the fiscal catalog in the given areas. */
export function coreRequirements(areas: readonly string[], catalog = join(root, '../shared/spec/fiscal.md')): string[] {
  const text = readFileSync(catalog, 'utf8');
  return [...text.matchAll(/\*\*(FIS-([A-Z0-9]+)-\d+)\*\* \[core\]/g)].filter((m) => areas.includes(m[2] as string)).map((m) => m[1] as string);
}

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (/\.test\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

/** Requirement IDs cited in test names (`test('FIS-REG-08, FIS-REG-10: …'`), with the files citing them. */
export function citedRequirements(): Map<string, string[]> {
  const cited = new Map<string, string[]>();
  for (const file of ['src', 'test', 'web/src'].flatMap((d) => walk(join(root, d)))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\b(?:test|it)\(\s*['"`]([^'"`]*?):/g)) {
      for (const id of (m[1] as string).match(/\b(?:FIS|CUS|FEZ|TS|PT)-[A-Z0-9]+-\d+\b/g) ?? []) {
        cited.set(id, [...(cited.get(id) ?? []), file.slice(root.length + 1)]);
      }
    }
  }
  return cited;
}

/**
 * The taxpayer-service standard (spec/tax-services.md) tags no requirement [core]: issue #7 asks
 * that tests cite the TS IDs and the service codes they prove. Every TS-nn and every code of the
 * service table, each cited by a test or listed with its reason.
 */
export function taxServiceRequirements(catalog = join(root, '../shared/spec/tax-services.md')): { ids: string[]; codes: string[] } {
  const text = readFileSync(catalog, 'utf8');
  const ids = [...new Set([...text.matchAll(/^- \*\*(TS-\d+) /gm)].map((m) => m[1] as string))];
  const codes = [...new Set([...text.matchAll(/^\| (\d{2}\.\d{2}\.\d{2})(?: \([a-e]\))? \| [A-Z…]/gm)].map((m) => m[1] as string))];
  return { ids, codes };
}

/** TS IDs and service codes (`06.06.01`, `05.05.01b`) cited in test names, with the files citing them. */
export function citedTaxServices(): Map<string, string[]> {
  const cited = new Map<string, string[]>();
  for (const file of ['src', 'test', 'web/src'].flatMap((d) => walk(join(root, d)))) {
    const text = readFileSync(file, 'utf8');
    // A table-driven test (`test(`${c.req} ${c.key}: …`)`) cites the values its table gives those fields.
    const tableTitles = [...text.matchAll(/\b(?:test|it)\(\s*`([^`]*?)`/g)].flatMap((m) =>
      [...(m[1] as string).matchAll(/\$\{\w+\.(\w+)\}/g)].flatMap((f) => [...text.matchAll(new RegExp(`\\b${f[1]}: '([^']+)'`, 'g'))].map((v) => `${v[1]}:`)),
    );
    const titles = [...[...text.matchAll(/\b(?:test|it)\(\s*(?:['"`])([^'"`]*?):/g)].map((m) => m[1] as string), ...tableTitles];
    for (const title of titles) {
      // A TS ID stands alone: `CUS-TS-02` is customs' temporary storage, not TS-02 of the taxpayer standard.
      for (const id of [...(title.match(/(?<![-\w])TS-\d{2}\b/g) ?? []), ...(title.match(/\b\d{2}\.\d{2}\.\d{2}(?=[a-e]?\b)/g) ?? [])]) {
        cited.set(id, [...(cited.get(id) ?? []), file.slice(root.length + 1)]);
      }
    }
  }
  return cited;
}

/** The customs areas issue #5 names (spec/customs-transit.md and spec/customs-declarations.md). */
export const CUSTOMS_AREAS = ['PI', 'DOC', 'TS', 'DEC', 'REL', 'GUA', 'REG', 'INF'];

/** The areas issue #6 names: risk management, customs control (escort included) and customs audits. */
export const RISK_AREAS = ['RMS', 'CTL', 'AUD'];

/**
 * `[core]` requirement IDs of the two customs catalogs in the given areas: table rows
 * (`| CUS-PI-02 | … | [core] |`) and list items (`- **CUS-DEC-02** [core] …`, also `[core] [external]`).
 */
export function customsCoreRequirements(areas: readonly string[] = CUSTOMS_AREAS): string[] {
  const ids: string[] = [];
  for (const name of ['customs-transit.md', 'customs-declarations.md']) {
    const text = readFileSync(join(root, '../shared/spec', name), 'utf8');
    for (const m of text.matchAll(/^\| (CUS-([A-Z]+)-\d+) \|.*\| \[core\] \|$/gm)) if (areas.includes(m[2] as string)) ids.push(m[1] as string);
    for (const m of text.matchAll(/^- \*\*(CUS-([A-Z]+)-\d+)\*\* \[core\]/gm)) if (areas.includes(m[2] as string)) ids.push(m[1] as string);
  }
  return [...new Set(ids)];
}

/** IDs that docs/requirements.md lists as not proven by a test, each with its reason. */
export function listedAsUntested(): Map<string, string> {
  const text = readFileSync(join(root, 'docs/requirements.md'), 'utf8');
  const out = new Map<string, string>();
  for (const m of text.matchAll(/^\| (FIS-[A-Z0-9]+-\d+|TS-\d+|CUS-[A-Z]+-\d+) \| (.+?) \|$/gm)) out.set(m[1] as string, m[2] as string);
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv[2] === 'TS') {
    const cited = citedTaxServices();
    const listed = listedAsUntested();
    const { ids, codes } = taxServiceRequirements();
    let missing = 0;
    for (const id of [...ids, ...codes]) {
      const where = cited.get(id);
      if (!where && !listed.has(id)) missing += 1;
      console.log(`${id.padEnd(12)} ${where ? `tested in ${[...new Set(where)].join(', ')}` : listed.has(id) ? `not tested: ${listed.get(id)}` : 'MISSING'}`);
    }
    process.exit(missing > 0 ? 1 : 0);
  }
  const isRisk = process.argv[2] === 'RISK';
  const isCustoms = process.argv[2] === 'CUS' || isRisk;
  const areas = isRisk ? RISK_AREAS : isCustoms ? CUSTOMS_AREAS : process.argv.length > 2 ? process.argv.slice(2) : FOUNDATION_AREAS;
  const cited = citedRequirements();
  const listed = listedAsUntested();
  let missing = 0;
  for (const id of isCustoms ? customsCoreRequirements(areas) : coreRequirements(areas)) {
    const where = cited.get(id);
    const status = where ? `tested in ${[...new Set(where)].join(', ')}` : listed.has(id) ? `not tested: ${listed.get(id)}` : 'MISSING';
    if (!where && !listed.has(id)) missing += 1;
    console.log(`${id.padEnd(12)} ${status}`);
  }
  process.exitCode = missing > 0 ? 1 : 0;
}
