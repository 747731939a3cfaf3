import assert from 'node:assert/strict';
import { test } from 'node:test';
import { concludeOnTsc, type DutyDeadline } from './tsc-conclusion.ts';

const NOW = new Date('2026-06-01T05:00:00Z');
const at = (iso: string) => new Date(iso);
const d = (kind: DutyDeadline['kind'], dueAt: string, metAt: string | null, legalRef = 'p.89'): DutyDeadline => ({
  kind,
  legalRef,
  dueAt: at(dueAt),
  metAt: metAt ? at(metAt) : null,
});

test('FIS-OPR-14: a TSC that kept every deadline, has a specialist and active access fully performs; nothing is recommended', () => {
  const c = concludeOnTsc(
    {
      deadlines: [d('REGISTRATION_ENTRY', '2026-05-01T09:00:00Z', '2026-05-01T08:00:00Z', 'p.22'), d('ANNUAL_INSPECTION', '2027-05-01T00:00:00Z', null)],
      registeredSpecialists: 2,
      access: 'active',
    },
    NOW,
  );
  assert.deepEqual(c, { fullyPerforms: true, recommendation: 'none', findings: [], deadlinesStudied: 2, deadlinesKept: 1 });
});

test('FIS-OPR-14: deadlines missed or kept late, no specialist or suspended access mean the TSC does not fully perform: removal is recommended (p.59)', () => {
  const c = concludeOnTsc(
    {
      deadlines: [
        d('ANNUAL_INSPECTION', '2026-05-01T00:00:00Z', null),
        d('ANNUAL_INSPECTION', '2026-05-20T00:00:00Z', null),
        d('INSPECTION_RECORD', '2026-04-04T19:00:00Z', '2026-04-06T05:00:00Z'),
        d('FISCAL_MODULE_RETURN', '2026-06-10T00:00:00Z', null, 'p.27'),
      ],
      registeredSpecialists: 0,
      access: 'suspended',
    },
    NOW,
  );
  assert.equal(c.fullyPerforms, false);
  assert.equal(c.recommendation, 'remove');
  assert.deepEqual(c.findings, [
    { code: 'DEADLINE_OVERDUE', kind: 'ANNUAL_INSPECTION', legalRef: 'p.89', count: 2 },
    { code: 'DEADLINE_MET_LATE', kind: 'INSPECTION_RECORD', legalRef: 'p.89', count: 1 },
    { code: 'NO_QUALIFIED_SPECIALIST', legalRef: 'p.100', count: 0 },
    { code: 'ACCESS_SUSPENDED', legalRef: 'p.55', count: 1 },
  ]);
  assert.equal(c.deadlinesStudied, 4);
  assert.equal(c.deadlinesKept, 0, 'the return still running is neither kept nor a finding');
});
