import type { Role } from './session.tsx';

/** A navigation entry; `label` is a key of the `nav` dictionary. */
export type NavItem = { readonly to: string; readonly label: NavLabel };
export type NavLabel =
  | 'receiptCheck'
  | 'models'
  | 'tscs'
  | 'inboxShort'
  | 'deadlines'
  | 'adminModels'
  | 'adminTscs'
  | 'taxTscs'
  | 'adminBranches'
  | 'adminSpecialists'
  | 'adminModules'
  | 'taxTscApplications'
  | 'taxStudies'
  | 'taxBusinesses'
  | 'taxRegisters'
  | 'tscRegister'
  | 'tscChange'
  | 'tscApplications'
  | 'tscRegisters'
  | 'tscModules'
  | 'tscRequests'
  | 'tscService'
  | 'myRegisters'
  | 'myApplications'
  | 'myReports'
  | 'cashdesk'
  | 'catalogue'
  | 'servicesStandard'
  | 'myServiceRequests'
  | 'serviceQueue'
  | 'serviceRegister'
  | 'serviceDashboard'
  | 'serviceCatalogue'
  | 'complaintBook'
  | 'complaintStatus'
  | 'complaintChannels'
  | 'rateService'
  | 'qualityIndicators'
  | 'complaints'
  | 'registerComplaint'
  | 'serviceRatings'
  | 'qualityNotes'
  | 'annualIndicators'
  | 'taxAccount'
  | 'taxAccounts'
  | 'findTin'
  | 'tinRegistration'
  | 'cabinetRequest'
  | 'counterpartyCheck'
  | 'edsCheck'
  | 'edsCertificates'
  | 'myDeclarations'
  | 'newDeclaration'
  | 'declarationQueue'
  | 'controlPowers'
  | 'riskProfiles'
  | 'riskStatistics'
  | 'riskSettings';

export const PUBLIC_NAV: readonly NavItem[] = [
  { to: '/r', label: 'receiptCheck' },
  { to: '/public/models', label: 'models' },
  { to: '/public/tscs', label: 'tscs' },
  { to: '/public/services', label: 'servicesStandard' },
  { to: '/public/complaints', label: 'complaintBook' },
  { to: '/public/complaint-status', label: 'complaintStatus' },
  { to: '/public/complaint-channels', label: 'complaintChannels' },
  { to: '/public/ratings', label: 'rateService' },
  { to: '/public/indicators', label: 'qualityIndicators' },
  { to: '/public/tin-lookup', label: 'findTin' },
  { to: '/public/tin-registration', label: 'tinRegistration' },
  { to: '/public/cabinet', label: 'cabinetRequest' },
  { to: '/public/counterparty', label: 'counterpartyCheck' },
  { to: '/public/eds', label: 'edsCheck' },
];

/** What each role works on, first entry = its home page. */
export const ROLE_NAV: Readonly<Partial<Record<Role, readonly NavItem[]>>> = {
  operator_admin: [
    { to: '/admin/models', label: 'adminModels' },
    { to: '/admin/tscs', label: 'adminTscs' },
    { to: '/admin/branches', label: 'adminBranches' },
    { to: '/admin/specialists', label: 'adminSpecialists' },
    { to: '/admin/modules', label: 'adminModules' },
    { to: '/tax/businesses', label: 'taxBusinesses' },
    { to: '/tax/registers', label: 'taxRegisters' },
    { to: '/deadlines', label: 'deadlines' },
    { to: '/inbox', label: 'inboxShort' },
  ],
  tax_officer: [
    { to: '/tax/tsc-applications', label: 'taxTscApplications' },
    { to: '/tax/tscs', label: 'taxTscs' },
    { to: '/tax/studies', label: 'taxStudies' },
    { to: '/tax/businesses', label: 'taxBusinesses' },
    { to: '/tax/registers', label: 'taxRegisters' },
    { to: '/services/queue', label: 'serviceQueue' },
    { to: '/services/register', label: 'serviceRegister' },
    { to: '/services/dashboard', label: 'serviceDashboard' },
    { to: '/services/complaints', label: 'complaints' },
    { to: '/services/ledger', label: 'taxAccounts' },
    { to: '/services/eds', label: 'edsCertificates' },
    { to: '/deadlines', label: 'deadlines' },
    { to: '/inbox', label: 'inboxShort' },
  ],
  tsc_specialist: [
    { to: '/tsc/register', label: 'tscRegister' },
    { to: '/tsc/change', label: 'tscChange' },
    { to: '/tsc/applications', label: 'tscApplications' },
    { to: '/tsc/registers', label: 'tscRegisters' },
    { to: '/tsc/modules', label: 'tscModules' },
    { to: '/tsc/service', label: 'tscService' },
    { to: '/tsc/requests', label: 'tscRequests' },
    { to: '/deadlines', label: 'deadlines' },
    { to: '/inbox', label: 'inboxShort' },
  ],
  business: [
    { to: '/my/registers', label: 'myRegisters' },
    { to: '/my/cashdesk', label: 'cashdesk' },
    { to: '/my/catalogue', label: 'catalogue' },
    { to: '/my/applications', label: 'myApplications' },
    { to: '/my/reports', label: 'myReports' },
    { to: '/my/services', label: 'myServiceRequests' },
    { to: '/my/ledger', label: 'taxAccount' },
    { to: '/my/counterparty', label: 'counterpartyCheck' },
    { to: '/my/eds', label: 'edsCertificates' },
    { to: '/deadlines', label: 'deadlines' },
    { to: '/inbox', label: 'inboxShort' },
  ],
  // Tax-services (order 396): a citizen's cabinet, and the Taxpayer Services Department that controls the Standard (A1 p.3).
  taxpayer: [
    { to: '/my/services', label: 'myServiceRequests' },
    { to: '/my/ledger', label: 'taxAccount' },
    { to: '/my/counterparty', label: 'counterpartyCheck' },
    { to: '/my/eds', label: 'edsCertificates' },
    { to: '/inbox', label: 'inboxShort' },
  ],
  service_officer: [
    { to: '/services/dashboard', label: 'serviceDashboard' },
    { to: '/services/queue', label: 'serviceQueue' },
    { to: '/services/register', label: 'serviceRegister' },
    { to: '/services/catalogue', label: 'serviceCatalogue' },
    { to: '/services/complaints', label: 'complaints' },
    { to: '/services/register-complaint', label: 'registerComplaint' },
    { to: '/services/ratings', label: 'serviceRatings' },
    { to: '/services/quality-notes', label: 'qualityNotes' },
    { to: '/services/indicators', label: 'annualIndicators' },
    { to: '/services/ledger', label: 'taxAccounts' },
    { to: '/services/eds', label: 'edsCertificates' },
    { to: '/inbox', label: 'inboxShort' },
  ],
  // Electronic customs (Customs Code ch.14): the declarant files, the officer and the risk analyst work the queue.
  declarant: [
    { to: '/customs/declarations', label: 'myDeclarations' },
    { to: '/customs/declarations/new', label: 'newDeclaration' },
    { to: '/inbox', label: 'inboxShort' },
  ],
  customs_officer: [
    { to: '/customs/queue', label: 'declarationQueue' },
    { to: '/inbox', label: 'inboxShort' },
  ],
  // The head of a customs authority sets each officer's powers of control (art.399 p.4) and signs field-audit orders and
  // extensions (art.417(2) p.2) through the API; the inbox carries overdue audits.
  customs_head: [
    { to: '/customs/control-powers', label: 'controlPowers' },
    { to: '/inbox', label: 'inboxShort' },
  ],
  // The risk analyst (art.429(2) p.3: the only role that sees profiles) starts at the profiles.
  risk_analyst: [
    { to: '/risk/profiles', label: 'riskProfiles' },
    { to: '/risk/statistics', label: 'riskStatistics' },
    { to: '/risk/settings', label: 'riskSettings' },
    { to: '/customs/queue', label: 'declarationQueue' },
    { to: '/inbox', label: 'inboxShort' },
  ],
};

/** Where a user lands after logging in. */
export const homeOf = (role: Role | undefined): string => (role && ROLE_NAV[role]?.[0]?.to) || '/public/models';
