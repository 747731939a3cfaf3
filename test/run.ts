/**
 * The test command: finds the test files (node:test on Node 20 does not expand globs) and runs
 * them with tsx. Kinds, by file name: `*.test.ts` unit, `*.integration.test.ts`, `*.e2e.test.ts`,
 * `*.browser.test.ts`. `--only <kind>` narrows the run. Integration and later kinds run against
 * every database target of BEKOGAZ_TEST_TARGETS (default: pglite and postgres).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..');
const kinds = ['unit', 'integration', 'e2e', 'browser'] as const;
type Kind = (typeof kinds)[number];

function kindOf(file: string): Kind {
  if (file.endsWith('.integration.test.ts')) return 'integration';
  if (file.endsWith('.e2e.test.ts')) return 'e2e';
  if (file.endsWith('.browser.test.ts')) return 'browser';
  return 'unit';
}

function walk(dir: string, out: string[]): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (name.endsWith('.test.ts') || name.endsWith('.test.tsx')) out.push(path);
  }
  return out;
}

function newest(dir: string): number {
  let latest = 0;
  for (const name of readdirSync(dir)) {
    if (name === 'dist' || name === 'node_modules') continue;
    const path = join(dir, name);
    const st = statSync(path);
    latest = Math.max(latest, st.isDirectory() ? newest(path) : st.mtimeMs);
  }
  return latest;
}

function isWebStale(): boolean {
  const index = join(root, 'web/dist/index.html');
  if (!existsSync(index)) return true;
  return newest(join(root, 'web')) > statSync(index).mtimeMs;
}

const args = process.argv.slice(2);
const onlyIndex = args.indexOf('--only');
const only = onlyIndex >= 0 ? (args[onlyIndex + 1]?.split(',') as Kind[]) : [...kinds];
const filter = args.filter((a, i) => !a.startsWith('--') && i !== onlyIndex + 1);

const files = ['src', 'test', 'web/src']
  .flatMap((d) => {
    try {
      return walk(join(root, d), []);
    } catch {
      return [];
    }
  })
  .filter((f) => only.includes(kindOf(f)))
  .filter((f) => filter.length === 0 || filter.some((p) => f.includes(p)))
  .sort((a, b) => kinds.indexOf(kindOf(a)) - kinds.indexOf(kindOf(b)) || a.localeCompare(b));

if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}
// The browser tests drive the built web UI: build it when it is missing or older than its sources.
if (files.some((f) => kindOf(f) === 'browser') && isWebStale()) {
  console.log('building the web UI for the browser tests…');
  const build = spawnSync('npm', ['run', 'build:web'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

console.log(`running ${files.length} test files on targets: ${process.env.BEKOGAZ_TEST_TARGETS ?? 'pglite,postgres'}`);
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files.map((f) => relative(root, f))],
  { cwd: root, stdio: 'inherit', env: { ...process.env, TZ: 'UTC', NODE_ENV: 'test' } },
);
process.exit(result.status ?? 1);
