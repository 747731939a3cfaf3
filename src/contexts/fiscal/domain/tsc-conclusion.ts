/**
 * p.59 (FIS-OPR-14): on the authorised body's instruction the operator gives a conclusion on
 * whether a TSC fully performs its duties; if it does not, the operator recommends that the
 * authorised body remove it from the state registry.
 *
 * The law names no test of "fully performs". The operator can judge only what the TIS holds, so
 * the conclusion rests on the TSC's own legal deadlines stored in the TIS (registration entry
 * p.22, address change p.30, deregistration p.32, yearly inspection and its record p.89, return
 * of modules p.27/p.106, breakdowns p.37 …), on whether it still has a registered qualified
 * specialist (p.53, p.100) and on whether its access is suspended (p.55). Any finding means "not
 * fully performing" (docs/decisions.md, "Operator's conclusion on a TSC").
 */
import type { DeadlineKind } from './types.ts';

/** One legal deadline of the TSC (or of one of its branches) within the period studied. */
export type DutyDeadline = { readonly kind: DeadlineKind; readonly legalRef: string; readonly dueAt: Date; readonly metAt: Date | null };

export type ConclusionEvidence = {
  readonly deadlines: readonly DutyDeadline[];
  readonly registeredSpecialists: number;
  readonly access: 'active' | 'suspended';
};

export type ConclusionFinding =
  /** Done, but after the deadline. */
  | { readonly code: 'DEADLINE_MET_LATE'; readonly kind: DeadlineKind; readonly legalRef: string; readonly count: number }
  /** Not done, and the deadline has passed. */
  | { readonly code: 'DEADLINE_OVERDUE'; readonly kind: DeadlineKind; readonly legalRef: string; readonly count: number }
  | { readonly code: 'NO_QUALIFIED_SPECIALIST'; readonly legalRef: 'p.100'; readonly count: 0 }
  | { readonly code: 'ACCESS_SUSPENDED'; readonly legalRef: 'p.55'; readonly count: 1 };

export type Conclusion = {
  readonly fullyPerforms: boolean;
  /** p.59: "remove" when the TSC does not fully perform its duties. */
  readonly recommendation: 'none' | 'remove';
  readonly findings: readonly ConclusionFinding[];
  /** How many of the TSC's deadlines were studied, and how many were kept. */
  readonly deadlinesStudied: number;
  readonly deadlinesKept: number;
};

/** Judges the evidence at `now`. Deadlines still running are studied but are not findings. */
export function concludeOnTsc(evidence: ConclusionEvidence, now: Date): Conclusion {
  const late = new Map<string, { kind: DeadlineKind; legalRef: string; count: number }>();
  const overdue = new Map<string, { kind: DeadlineKind; legalRef: string; count: number }>();
  let kept = 0;
  for (const d of evidence.deadlines) {
    const bucket = d.metAt ? (d.metAt > d.dueAt ? late : undefined) : d.dueAt < now ? overdue : undefined;
    if (!bucket) {
      if (d.metAt) kept += 1;
      continue;
    }
    const entry = bucket.get(d.kind) ?? { kind: d.kind, legalRef: d.legalRef, count: 0 };
    entry.count += 1;
    bucket.set(d.kind, entry);
  }
  const byKind = (a: { kind: string }, b: { kind: string }) => a.kind.localeCompare(b.kind);
  const findings: ConclusionFinding[] = [
    ...[...overdue.values()].sort(byKind).map((e) => ({ code: 'DEADLINE_OVERDUE' as const, ...e })),
    ...[...late.values()].sort(byKind).map((e) => ({ code: 'DEADLINE_MET_LATE' as const, ...e })),
  ];
  if (evidence.registeredSpecialists === 0) findings.push({ code: 'NO_QUALIFIED_SPECIALIST', legalRef: 'p.100', count: 0 });
  if (evidence.access === 'suspended') findings.push({ code: 'ACCESS_SUSPENDED', legalRef: 'p.55', count: 1 });
  const fullyPerforms = findings.length === 0;
  return { fullyPerforms, recommendation: fullyPerforms ? 'none' : 'remove', findings, deadlinesStudied: evidence.deadlines.length, deadlinesKept: kept };
}
