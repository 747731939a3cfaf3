import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  type AccessFacts,
  actsForTsc,
  branchRefusalGrounds,
  checkAccessChange,
  checkApplicant,
  checkInclusion,
  checkRefusal,
  checkSiteCheck,
  earlierDue,
  HELD_BY_TSC,
  incompleteDocumentsDetail,
  missingTscAttachments,
  nextBranchStatus,
  nextModuleStatus,
  nextSpecialistStatus,
  TSC_REMOVAL_REFS,
  tscAccess,
  tscRefusalGrounds,
  tscScope,
} from './tsc-registry.ts';
import type { BranchStatus, FiscalModuleStatus, SpecialistStatus, TscApplicationStatus } from './types.ts';

describe('TSC applications (p.99-105, p.111)', () => {
  test('FIS-TSC-07, FIS-TSC-08, FIS-TSC-09, FIS-TSC-10: the four documents of p.100 are required; extra ones do not count', () => {
    const cases: [string[], string[]][] = [
      [['manufacturer_contract', 'premises_document', 'call_centre_information', 'certified_employees'], []],
      [['manufacturer_contract', 'premises_document', 'call_centre_information', 'certified_employees', 'additional'], []],
      [
        ['premises_document', 'certified_employees', 'additional'],
        ['manufacturer_contract', 'call_centre_information'],
      ],
      [[], ['manufacturer_contract', 'premises_document', 'call_centre_information', 'certified_employees']],
    ];
    for (const [kinds, missing] of cases) assert.deepEqual(missingTscAttachments(kinds), missing, kinds.join(','));
    assert.equal(incompleteDocumentsDetail(['manufacturer_contract']), 'Not submitted (p.100): manufacturer_contract');
  });

  test('FIS-TSC-24, FIS-TSC-16: a removed TIN is barred for good; an included one needs no second entry; one application at a time', () => {
    const cases: [Parameters<typeof checkApplicant>[0], ReturnType<typeof checkApplicant>][] = [
      [{ registryStatuses: [], hasPendingApplication: false }, undefined],
      [{ registryStatuses: [], hasPendingApplication: true }, 'TSC_APPLICATION_PENDING'],
      [{ registryStatuses: ['included'], hasPendingApplication: false }, 'TSC_ALREADY_INCLUDED'],
      [{ registryStatuses: ['removed'], hasPendingApplication: false }, 'TSC_BARRED'],
      // The bar of p.111 outlasts anything else the TIN has.
      [{ registryStatuses: ['removed', 'included'], hasPendingApplication: true }, 'TSC_BARRED'],
    ];
    for (const [facts, expected] of cases) assert.equal(checkApplicant(facts), expected, JSON.stringify(facts));
  });

  test('FIS-TSC-11: an on-site check opens only on a received application', () => {
    const cases: [TscApplicationStatus, ReturnType<typeof checkSiteCheck>][] = [
      ['received', undefined],
      ['site_check', 'TSC_SITE_CHECK_OPEN'],
      ['included', 'TSC_APPLICATION_DECIDED'],
      ['refused', 'TSC_APPLICATION_DECIDED'],
    ];
    for (const [status, expected] of cases) assert.equal(checkSiteCheck(status), expected, status);
  });

  test('FIS-TSC-12, FIS-TSC-13: inclusion needs a pending application with every document of p.100', () => {
    const cases: [TscApplicationStatus, string[], ReturnType<typeof checkInclusion>][] = [
      ['received', [], undefined],
      ['site_check', [], undefined],
      ['received', ['call_centre_information'], 'TSC_DOCUMENTS_INCOMPLETE'],
      ['included', [], 'TSC_APPLICATION_DECIDED'],
      ['refused', ['manufacturer_contract'], 'TSC_APPLICATION_DECIDED'],
    ];
    for (const [status, missing, expected] of cases) assert.equal(checkInclusion(status, missing), expected, `${status} ${missing}`);
  });

  test('FIS-TSC-13, FIS-TSC-14: ground 1 needs no check; ground 2 only after the on-site check confirmed it', () => {
    const cases: [TscApplicationStatus, ('DOCUMENTS_INCOMPLETE' | 'DATA_DISCREPANCY')[], ReturnType<typeof checkRefusal>][] = [
      ['received', ['DOCUMENTS_INCOMPLETE'], undefined],
      ['received', ['DATA_DISCREPANCY'], 'TSC_DISCREPANCY_NOT_CHECKED'],
      ['received', ['DOCUMENTS_INCOMPLETE', 'DATA_DISCREPANCY'], 'TSC_DISCREPANCY_NOT_CHECKED'],
      ['site_check', ['DATA_DISCREPANCY'], undefined],
      ['site_check', ['DOCUMENTS_INCOMPLETE'], undefined],
      ['refused', ['DOCUMENTS_INCOMPLETE'], 'TSC_APPLICATION_DECIDED'],
      ['included', ['DATA_DISCREPANCY'], 'TSC_APPLICATION_DECIDED'],
    ];
    for (const [status, grounds, expected] of cases) assert.equal(checkRefusal(status, grounds), expected, `${status} ${grounds}`);
  });

  test('FIS-TSC-15, FIS-BRN-05, FIS-BRN-06: each refusal ground carries its point and the exact detail', () => {
    assert.deepEqual(
      tscRefusalGrounds([
        { code: 'DOCUMENTS_INCOMPLETE', detail: '  No call centre information ' },
        { code: 'DATA_DISCREPANCY', detail: 'Premises are a tax office' },
      ]),
      [
        { code: 'DOCUMENTS_INCOMPLETE', ref: 'p.103 (1)', detail: 'No call centre information' },
        { code: 'DATA_DISCREPANCY', ref: 'p.103 (2)', detail: 'Premises are a tax office' },
      ],
    );
    assert.deepEqual(branchRefusalGrounds([{ code: 'DATA_DISCREPANCY', detail: 'Wrong address' }]), [
      { code: 'DATA_DISCREPANCY', ref: 'p.114 (2)', detail: 'Wrong address' },
    ]);
    assert.deepEqual(TSC_REMOVAL_REFS, {
      liquidation_or_bankruptcy: 'p.106 (1)',
      legal_requirements_changed: 'p.106 (2)',
      unauthorised_parameter_change: 'p.106 (3)',
    });
  });
});

describe('access to the TIS (p.53, p.55, p.113, p.119, p.122)', () => {
  const facts = (over: Partial<AccessFacts> = {}): AccessFacts => ({
    tsc: { status: 'included', access: 'active' },
    isBranchBound: false,
    branchStatus: undefined,
    specialistStatus: 'registered',
    ...over,
  });
  test('FIS-ACC-03, FIS-ACC-04, FIS-ACC-05, FIS-ACC-06: the TSC, the bound branch and the specialist record must all be in order', () => {
    const cases: [string, AccessFacts, string | true][] = [
      ['head office specialist', facts(), true],
      ['account without a specialist record', facts({ specialistStatus: undefined }), 'SPECIALIST_NOT_REGISTERED'],
      ['unknown TSC', facts({ tsc: undefined }), 'TSC_UNKNOWN'],
      ['TSC removed', facts({ tsc: { status: 'removed', access: 'active' } }), 'TSC_REMOVED'],
      ['TSC suspended', facts({ tsc: { status: 'included', access: 'suspended' } }), 'TSC_SUSPENDED'],
      ['removal outranks suspension', facts({ tsc: { status: 'removed', access: 'suspended' } }), 'TSC_REMOVED'],
      ['branch registered', facts({ isBranchBound: true, branchStatus: 'registered' }), true],
      ['branch applied (FIS-ACC-04)', facts({ isBranchBound: true, branchStatus: 'applied' }), 'BRANCH_NOT_REGISTERED'],
      ['branch deregistered (FIS-ACC-05)', facts({ isBranchBound: true, branchStatus: 'deregistered' }), 'BRANCH_NOT_REGISTERED'],
      ['branch of another TSC (not found)', facts({ isBranchBound: true, branchStatus: undefined }), 'BRANCH_NOT_REGISTERED'],
      ['specialist refused', facts({ specialistStatus: 'refused' }), 'SPECIALIST_NOT_REGISTERED'],
      ['specialist revoked', facts({ specialistStatus: 'revoked' }), 'SPECIALIST_NOT_REGISTERED'],
    ];
    for (const [name, f, expected] of cases) {
      const decision = tscAccess(f);
      assert.equal(decision.isAllowed ? true : decision.reason, expected, name);
    }
  });

  test('FIS-ACC-03: access changes only on a TSC in the registry, and only to the other state', () => {
    assert.equal(checkAccessChange({ status: 'included', access: 'active' }, 'suspended'), undefined);
    assert.equal(checkAccessChange({ status: 'included', access: 'suspended' }, 'active'), undefined);
    assert.equal(checkAccessChange({ status: 'included', access: 'suspended' }, 'suspended'), 'TSC_ACCESS_UNCHANGED');
    assert.equal(checkAccessChange({ status: 'removed', access: 'active' }, 'suspended'), 'TSC_REMOVED');
    assert.equal(checkAccessChange({ status: 'removed', access: 'suspended' }, 'active'), 'TSC_REMOVED');
  });
});

describe('branches and specialists (p.53, p.112-120)', () => {
  test('FIS-BRN-07, FIS-BRN-08, FIS-BRN-09, FIS-BRN-10: a branch request is answered once; only a registered branch is deregistered', () => {
    const statuses: BranchStatus[] = ['applied', 'registered', 'refused', 'deregistered'];
    const table = statuses.map((s) => [s, nextBranchStatus(s, 'register'), nextBranchStatus(s, 'refuse'), nextBranchStatus(s, 'deregister')]);
    assert.deepEqual(table, [
      ['applied', 'registered', 'refused', 'BRANCH_NOT_REGISTERED'],
      ['registered', 'BRANCH_NOT_PENDING', 'BRANCH_NOT_PENDING', 'deregistered'],
      ['refused', 'BRANCH_NOT_PENDING', 'BRANCH_NOT_PENDING', 'BRANCH_NOT_REGISTERED'],
      ['deregistered', 'BRANCH_NOT_PENDING', 'BRANCH_NOT_PENDING', 'BRANCH_NOT_REGISTERED'],
    ]);
  });

  test('FIS-ACC-02: a specialist application is decided once', () => {
    const statuses: SpecialistStatus[] = ['applied', 'registered', 'refused', 'revoked'];
    assert.deepEqual(
      statuses.map((s) => [nextSpecialistStatus(s, 'register'), nextSpecialistStatus(s, 'refuse')]),
      [
        ['registered', 'refused'],
        ['SPECIALIST_NOT_PENDING', 'SPECIALIST_NOT_PENDING'],
        ['SPECIALIST_NOT_PENDING', 'SPECIALIST_NOT_PENDING'],
        ['SPECIALIST_NOT_PENDING', 'SPECIALIST_NOT_PENDING'],
      ],
    );
  });

  test('each caller sees its own TSC only; acts of the TSC itself come from its head office', () => {
    assert.deepEqual(tscScope({ role: 'operator_admin', orgId: null, unitId: null }), { kind: 'all' });
    assert.deepEqual(tscScope({ role: 'tax_officer', orgId: null, unitId: null }), { kind: 'all' });
    assert.deepEqual(tscScope({ role: 'tsc_specialist', orgId: 't1', unitId: 'b1' }), { kind: 'tsc', tscId: 't1' });
    assert.deepEqual(tscScope({ role: 'business', orgId: null, unitId: null }), { kind: 'none' });
    const cases: [Parameters<typeof actsForTsc>, ReturnType<typeof actsForTsc>][] = [
      [[{ role: 'tsc_specialist', orgId: 't1', unitId: null }, 't1', 'head_office'], 'ok'],
      [[{ role: 'tsc_specialist', orgId: 't1', unitId: 'b1' }, 't1', 'head_office'], 'forbidden'],
      [[{ role: 'tsc_specialist', orgId: 't1', unitId: 'b1' }, 't1', 'any'], 'ok'],
      [[{ role: 'tsc_specialist', orgId: 't2', unitId: null }, 't1', 'any'], 'not_found'],
      [[{ role: 'operator_admin', orgId: null, unitId: null }, 't1', 'any'], 'not_found'],
    ];
    for (const [args, expected] of cases) assert.equal(actsForTsc(...args), expected, JSON.stringify(args));
  });
});

describe('custody of fiscal modules (p.53 item 12, p.56, p.98, p.110)', () => {
  test('FIS-FMR-01, FIS-FMR-02, FIS-FMR-03, FIS-FMR-04: every step of the custody chain from every state', () => {
    const statuses: FiscalModuleStatus[] = ['supplied', 'registered', 'installed', 'awaiting_return', 'returned'];
    const to = (s: FiscalModuleStatus, a: Parameters<typeof nextModuleStatus>[1]) => {
      const step = nextModuleStatus(s, a);
      return step.isAllowed ? step.to : '-';
    };
    assert.deepEqual(
      statuses.map((s) => [s, to(s, 'register'), to(s, 'receive_back'), to(s, 'return'), to(s, 'tsc_removed')]),
      [
        ['supplied', 'registered', '-', '-', 'awaiting_return'],
        ['registered', '-', 'awaiting_return', '-', 'awaiting_return'],
        ['installed', '-', 'awaiting_return', '-', '-'],
        ['awaiting_return', '-', '-', 'returned', 'awaiting_return'],
        ['returned', '-', '-', '-', '-'],
      ],
    );
    assert.deepEqual(HELD_BY_TSC, ['supplied', 'registered', 'awaiting_return']);
    assert.deepEqual(nextModuleStatus('returned', 'return'), { isAllowed: false, allowedFrom: ['awaiting_return'] });
  });

  test('FIS-FMR-04: a module owed under p.98 and p.110 is due at the earlier limit', () => {
    const month = new Date('2026-05-06T18:59:59.999Z');
    const fiveDays = new Date('2026-04-11T18:59:59.999Z');
    assert.equal(earlierDue(month, fiveDays), fiveDays);
    assert.equal(earlierDue(fiveDays, month), fiveDays);
    assert.equal(earlierDue(null, fiveDays), fiveDays);
  });
});
