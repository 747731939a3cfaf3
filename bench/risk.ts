/**
 * bench/risk (issue #6): the in-process evaluation of one 50-item declaration against 5,000 active
 * profiles (≤ 5 ms at p99, ≥ 1,000 declarations per second), then the simulation of draft profiles
 * against 1,000,000 stored declarations on the PostgreSQL server (≤ 10 s each). Each part prints
 * its figures and its baseline of the same run (the naive walker; a plain count over the same join).
 *
 *   npm run bench:risk                  # both parts
 *   BENCH_PART=evaluate npm run bench:risk
 *   BENCH_PART=simulate npm run bench:risk
 */
import { main as evaluate } from './risk-evaluate.ts';
import { main as simulate } from './risk-simulate.ts';

const part = process.env.BENCH_PART ?? 'all';
const verdicts: string[] = [];
if (part === 'all' || part === 'evaluate') {
  const figures = await evaluate();
  verdicts.push(`evaluate: ${figures.isPass ? 'PASS' : 'FAIL'} (CPU time: ${figures.isPassCpu ? 'PASS' : 'FAIL'})`);
}
if (part === 'all' || part === 'simulate') {
  const figures = await simulate();
  verdicts.push(`simulate: ${figures.isPass ? 'PASS' : 'FAIL'}`);
}
console.log(`\nbench/risk: ${verdicts.join('; ')}`);
process.exitCode = verdicts.every((v) => /: PASS/.test(v)) ? 0 : 1;
