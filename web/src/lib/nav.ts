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
  | 'catalogue';

export const PUBLIC_NAV: readonly NavItem[] = [
  { to: '/r', label: 'receiptCheck' },
  { to: '/public/models', label: 'models' },
  { to: '/public/tscs', label: 'tscs' },
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
    { to: '/deadlines', label: 'deadlines' },
    { to: '/inbox', label: 'inboxShort' },
  ],
};

/** Where a user lands after logging in. */
export const homeOf = (role: Role | undefined): string => (role && ROLE_NAV[role]?.[0]?.to) || '/public/models';
