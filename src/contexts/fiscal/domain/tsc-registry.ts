/**
 * The state registry of technical service centres (seed 004 section 10, p.83-123), their regional
 * branches, qualified specialists (p.53 item 11) and the custody chain of fiscal modules (p.53
 * item 12, p.56, p.98, p.110). Pure rules: no I/O, no clock.
 */
import type {
  AttachmentKind,
  BranchStatus,
  FiscalModuleStatus,
  Ground,
  GroundCode,
  SpecialistStatus,
  TscApplicationStatus,
  TscRemovalGround,
} from './types.ts';

/** p.100 (FIS-TSC-07 to 10): the four documents an application for inclusion must carry. */
export const TSC_REQUIRED_ATTACHMENTS = [
  'manufacturer_contract',
  'premises_document',
  'call_centre_information',
  'certified_employees',
] as const satisfies readonly AttachmentKind[];

/** What an applicant may attach: the four of p.100 and anything else it wants to add. */
export const TSC_ATTACHMENT_KINDS = [...TSC_REQUIRED_ATTACHMENTS, 'additional'] as const;
export type TscAttachmentKind = (typeof TSC_ATTACHMENT_KINDS)[number];

/** What a branch request may carry besides the specialist's data (p.112). */
export const BRANCH_ATTACHMENT_KINDS = ['specialist_information', 'specialist_certificate', 'additional'] as const satisfies readonly AttachmentKind[];

/** Which of the p.100 documents are not among `kinds`. */
export function missingTscAttachments(kinds: readonly string[]): (typeof TSC_REQUIRED_ATTACHMENTS)[number][] {
  return TSC_REQUIRED_ATTACHMENTS.filter((k) => !kinds.includes(k));
}

/** The exact detail of refusal ground 1 (p.103 (1)) for documents that were not submitted. */
export function incompleteDocumentsDetail(missing: readonly string[]): string {
  return `Not submitted (p.100): ${missing.join(', ')}`;
}

/** What the registry knows of a legal entity when it applies (p.105, p.111). */
export type ApplicantFacts = {
  /** Statuses of every registry entry ever made for this TIN. */
  readonly registryStatuses: readonly ('included' | 'removed')[];
  readonly hasPendingApplication: boolean;
};

/**
 * Whether a legal entity may apply for inclusion. p.111 (FIS-TSC-24, catalog ambiguity 32): an
 * entity once removed is barred for good, by TIN. An entity in the registry needs no second entry;
 * an application still being considered must be decided first, and after a refusal the entity may
 * apply again (p.105).
 */
export function checkApplicant(f: ApplicantFacts): 'TSC_BARRED' | 'TSC_ALREADY_INCLUDED' | 'TSC_APPLICATION_PENDING' | undefined {
  if (f.registryStatuses.includes('removed')) return 'TSC_BARRED';
  if (f.registryStatuses.includes('included')) return 'TSC_ALREADY_INCLUDED';
  if (f.hasPendingApplication) return 'TSC_APPLICATION_PENDING';
  return undefined;
}

/** Applications still waiting for the authorised body's decision (p.104). */
export const PENDING_TSC_APPLICATION: readonly TscApplicationStatus[] = ['received', 'site_check'];

/** p.101 (FIS-TSC-11): inconsistencies found in a received application open an on-site check. */
export function checkSiteCheck(status: TscApplicationStatus): 'TSC_APPLICATION_DECIDED' | 'TSC_SITE_CHECK_OPEN' | undefined {
  if (status === 'site_check') return 'TSC_SITE_CHECK_OPEN';
  if (status !== 'received') return 'TSC_APPLICATION_DECIDED';
  return undefined;
}

/**
 * p.102-103: the authorised body includes a TSC only on a complete set of documents; an
 * incomplete set is a ground to refuse (p.103 (1)), so it cannot be included.
 */
export function checkInclusion(status: TscApplicationStatus, missing: readonly string[]): 'TSC_APPLICATION_DECIDED' | 'TSC_DOCUMENTS_INCOMPLETE' | undefined {
  if (!PENDING_TSC_APPLICATION.includes(status)) return 'TSC_APPLICATION_DECIDED';
  if (missing.length > 0) return 'TSC_DOCUMENTS_INCOMPLETE';
  return undefined;
}

/**
 * p.103 (2) (FIS-TSC-14): inconsistencies are a ground only once "found and confirmed", that is
 * after the on-site check of p.101. Ground 1 (incomplete documents) needs no check.
 */
export function checkRefusal(
  status: TscApplicationStatus,
  grounds: readonly GroundCode[],
): 'TSC_APPLICATION_DECIDED' | 'TSC_DISCREPANCY_NOT_CHECKED' | undefined {
  if (!PENDING_TSC_APPLICATION.includes(status)) return 'TSC_APPLICATION_DECIDED';
  if (grounds.includes('DATA_DISCREPANCY') && status !== 'site_check') return 'TSC_DISCREPANCY_NOT_CHECKED';
  return undefined;
}

/** The grounds section 10 allows for refusing a TSC (p.103) or a branch (p.114). */
export type RefusalGroundCode = Extract<GroundCode, 'DOCUMENTS_INCOMPLETE' | 'DATA_DISCREPANCY'>;
export type RefusalGroundInput = { readonly code: RefusalGroundCode; readonly detail: string };

const TSC_GROUND_REFS: { readonly [K in RefusalGroundCode]: string } = { DOCUMENTS_INCOMPLETE: 'p.103 (1)', DATA_DISCREPANCY: 'p.103 (2)' };
const BRANCH_GROUND_REFS: { readonly [K in RefusalGroundCode]: string } = { DOCUMENTS_INCOMPLETE: 'p.114 (1)', DATA_DISCREPANCY: 'p.114 (2)' };

/** Refusal grounds of a TSC application, each with its reference and the officer's exact detail (p.104). */
export function tscRefusalGrounds(input: readonly RefusalGroundInput[]): Ground[] {
  return input.map((g) => ({ code: g.code, ref: TSC_GROUND_REFS[g.code], detail: g.detail.trim() }));
}

/** Refusal grounds of a branch registration (p.114, FIS-BRN-05, FIS-BRN-06). */
export function branchRefusalGrounds(input: readonly RefusalGroundInput[]): Ground[] {
  return input.map((g) => ({ code: g.code, ref: BRANCH_GROUND_REFS[g.code], detail: g.detail.trim() }));
}

/** p.106 (FIS-TSC-17 to 19): the only grounds for removing a TSC from the registry. */
export const TSC_REMOVAL_REFS: { readonly [K in TscRemovalGround]: string } = {
  liquidation_or_bankruptcy: 'p.106 (1)',
  legal_requirements_changed: 'p.106 (2)',
  unauthorised_parameter_change: 'p.106 (3)',
};

/** A registry entry as the access rules see it. */
export type TscStanding = { readonly status: 'included' | 'removed'; readonly access: 'active' | 'suspended' };

/** p.55 and p.122 (FIS-ACC-03, FIS-ACC-06): access is suspended or restored only on a TSC still in the registry. */
export function checkAccessChange(tsc: TscStanding, wanted: 'active' | 'suspended'): 'TSC_REMOVED' | 'TSC_ACCESS_UNCHANGED' | undefined {
  if (tsc.status === 'removed') return 'TSC_REMOVED';
  if (tsc.access === wanted) return 'TSC_ACCESS_UNCHANGED';
  return undefined;
}

/** What the access gate reads about a TSC specialist in one query. */
export type AccessFacts = {
  /** The TSC the account is bound to; undefined when no such TSC exists. */
  readonly tsc: TscStanding | undefined;
  /** The account is bound to a branch (a branch's specialist). */
  readonly isBranchBound: boolean;
  /** The bound branch, when found among the TSC's branches. */
  readonly branchStatus: BranchStatus | undefined;
  /** The specialist record behind the account; undefined for an account the operator made directly. */
  readonly specialistStatus: SpecialistStatus | undefined;
};

export type AccessDecision =
  | { readonly isAllowed: true }
  | { readonly isAllowed: false; readonly reason: 'TSC_UNKNOWN' | 'TSC_REMOVED' | 'TSC_SUSPENDED' | 'BRANCH_NOT_REGISTERED' | 'SPECIALIST_NOT_REGISTERED' };

/**
 * Whether a TSC specialist may work in the TIS now. The TSC must be in the registry with access
 * not suspended (p.55, p.107, p.122); a branch's specialist works only while the branch is
 * registered (p.113, p.119); a specialist works once the operator registered him (p.53 item 11).
 */
export function tscAccess(f: AccessFacts): AccessDecision {
  if (!f.tsc) return { isAllowed: false, reason: 'TSC_UNKNOWN' };
  if (f.tsc.status !== 'included') return { isAllowed: false, reason: 'TSC_REMOVED' };
  if (f.tsc.access !== 'active') return { isAllowed: false, reason: 'TSC_SUSPENDED' };
  if (f.isBranchBound && f.branchStatus !== 'registered') return { isAllowed: false, reason: 'BRANCH_NOT_REGISTERED' };
  // p.53 item 11: only a specialist the operator registered works in the TIS; an account without a record does not.
  if (f.specialistStatus !== 'registered') return { isAllowed: false, reason: 'SPECIALIST_NOT_REGISTERED' };
  return { isAllowed: true };
}

/**
 * Branch states (p.112-120):
 * - `applied`: requested by the TSC; the operator replies within 7 working days (p.115).
 * - `registered`: entered in the registry; its specialists have access (p.113).
 * - `refused`: refused on a ground of p.114; the TSC may apply again (p.116).
 * - `deregistered`: at the TSC's request or with the TSC's removal (p.117); access ends (p.119).
 */
export type BranchAction = 'register' | 'refuse' | 'deregister';

export function nextBranchStatus(status: BranchStatus, action: BranchAction): BranchStatus | 'BRANCH_NOT_PENDING' | 'BRANCH_NOT_REGISTERED' {
  switch (action) {
    case 'register':
      return status === 'applied' ? 'registered' : 'BRANCH_NOT_PENDING';
    case 'refuse':
      return status === 'applied' ? 'refused' : 'BRANCH_NOT_PENDING';
    case 'deregister':
      return status === 'registered' ? 'deregistered' : 'BRANCH_NOT_REGISTERED';
  }
}

/** A specialist may be attached to a branch that is registered or still being considered. */
export const BRANCH_OPEN_FOR_SPECIALISTS: readonly BranchStatus[] = ['applied', 'registered'];

/**
 * Specialist states (p.53 item 11, FIS-ACC-02):
 * - `applied`: the TSC's electronic application; `registered`: the operator made the account;
 * - `refused`: the operator refused, with a reason; `revoked`: the account no longer works.
 */
export function nextSpecialistStatus(status: SpecialistStatus, action: 'register' | 'refuse'): SpecialistStatus | 'SPECIALIST_NOT_PENDING' {
  if (status !== 'applied') return 'SPECIALIST_NOT_PENDING';
  return action === 'register' ? 'registered' : 'refused';
}

/** Why a TSC takes a module back from a business and owes it to the operator (p.98). */
export const MODULE_RETURN_REASONS = ['expired', 'faulty', 'memory_full', 'business_liquidated'] as const;
export type ModuleReturnReason = (typeof MODULE_RETURN_REASONS)[number] | 'tsc_removed';

/** Steps of the custody chain that this registry records (installation belongs to register registration). */
export type ModuleAction = 'register' | 'receive_back' | 'return' | 'tsc_removed';

const MODULE_STEPS: { readonly [A in ModuleAction]: { readonly from: readonly FiscalModuleStatus[]; readonly to: FiscalModuleStatus } } = {
  // p.56: registered at the TSC's request, then ready to be installed in one register.
  register: { from: ['supplied'], to: 'registered' },
  // p.98: taken back from a business (expired, faulty, full, liquidated business), or found
  // faulty before installation; it is owed to the operator within one month.
  receive_back: { from: ['registered', 'installed'], to: 'awaiting_return' },
  // p.98, p.110: handed to the operator for safekeeping.
  return: { from: ['awaiting_return'], to: 'returned' },
  // p.110: a removed TSC returns every module it holds within five days.
  tsc_removed: { from: ['supplied', 'registered', 'awaiting_return'], to: 'awaiting_return' },
};

/** Modules a TSC holds (not installed at a business, not yet back with the operator). */
export const HELD_BY_TSC: readonly FiscalModuleStatus[] = MODULE_STEPS.tsc_removed.from;

export type ModuleStep =
  | { readonly isAllowed: true; readonly to: FiscalModuleStatus }
  | { readonly isAllowed: false; readonly allowedFrom: readonly FiscalModuleStatus[] };

export function nextModuleStatus(status: FiscalModuleStatus, action: ModuleAction): ModuleStep {
  const step = MODULE_STEPS[action];
  return step.from.includes(status) ? { isAllowed: true, to: step.to } : { isAllowed: false, allowedFrom: step.from };
}

/** When a module is owed under two limits (p.98 and p.110), the earlier one governs. */
export function earlierDue(current: Date | null, next: Date): Date {
  return current && current < next ? current : next;
}

/** Who is calling, as far as TSC records are concerned. */
export type TscActor = { readonly role: string; readonly orgId: string | null; readonly unitId: string | null };

/**
 * Which TSC's records the caller may see: operator and tax staff see all; a TSC specialist sees
 * only its own TSC (others' records do not exist for it); nobody else sees any.
 */
export type TscScope = { readonly kind: 'all' } | { readonly kind: 'tsc'; readonly tscId: string } | { readonly kind: 'none' };

export function tscScope(actor: TscActor): TscScope {
  if (actor.role === 'operator_admin' || actor.role === 'tax_officer') return { kind: 'all' };
  if (actor.role === 'tsc_specialist' && actor.orgId) return { kind: 'tsc', tscId: actor.orgId };
  return { kind: 'none' };
}

/**
 * Whether a TSC specialist acts for `tscId`. Acts of the TSC itself (branch requests, specialist
 * applications, branch deregistration, p.53, p.112, p.117) are made by its head office: a
 * specialist bound to a branch may not make them.
 */
export function actsForTsc(actor: TscActor, tscId: string, level: 'head_office' | 'any'): 'ok' | 'not_found' | 'forbidden' {
  if (actor.role !== 'tsc_specialist' || actor.orgId !== tscId) return 'not_found';
  if (level === 'head_office' && actor.unitId !== null) return 'forbidden';
  return 'ok';
}
