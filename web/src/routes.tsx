import { lazy, type ReactNode } from 'react';
import { RequireRole } from './components/RequireRole.tsx';
import type { Route } from './lib/router.tsx';
import type { Role } from './lib/session.tsx';
import { InboxPage } from './pages/InboxPage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { PublicModelsPage } from './pages/public/PublicModelsPage.tsx';
import { PublicTscsPage } from './pages/public/PublicTscsPage.tsx';
import { ReceiptCheckPage } from './pages/public/ReceiptCheckPage.tsx';

// Each role's pages load on first use; login, the public pages (the receipt check a phone opens from
// a QR code among them) and the inbox come with the shell.
const AdminModelsPage = lazy(() => import('./pages/admin/AdminModelsPage.tsx').then((m) => ({ default: m.AdminModelsPage })));
const BranchesPage = lazy(() => import('./pages/admin/BranchesPage.tsx').then((m) => ({ default: m.BranchesPage })));
const ModulesPage = lazy(() => import('./pages/admin/ModulesPage.tsx').then((m) => ({ default: m.ModulesPage })));
const SpecialistsPage = lazy(() => import('./pages/admin/SpecialistsPage.tsx').then((m) => ({ default: m.SpecialistsPage })));
const TscsPage = lazy(() => import('./pages/admin/TscsPage.tsx').then((m) => ({ default: m.TscsPage })));
const ApplicationPage = lazy(() => import('./pages/ApplicationPage.tsx').then((m) => ({ default: m.ApplicationPage })));
const MyApplicationsPage = lazy(() => import('./pages/business/MyApplicationsPage.tsx').then((m) => ({ default: m.MyApplicationsPage })));
const MyRegistersPage = lazy(() => import('./pages/business/MyRegistersPage.tsx').then((m) => ({ default: m.MyRegistersPage })));
const MyReportsPage = lazy(() => import('./pages/business/MyReportsPage.tsx').then((m) => ({ default: m.MyReportsPage })));
const CashdeskRegistersPage = lazy(() => import('./pages/cashdesk/CashdeskRegistersPage.tsx').then((m) => ({ default: m.CashdeskRegistersPage })));
const CashReceiptPage = lazy(() => import('./pages/cashdesk/CashReportsPage.tsx').then((m) => ({ default: m.CashReceiptPage })));
const CashReportsPage = lazy(() => import('./pages/cashdesk/CashReportsPage.tsx').then((m) => ({ default: m.CashReportsPage })));
const CataloguePage = lazy(() => import('./pages/cashdesk/CataloguePage.tsx').then((m) => ({ default: m.CataloguePage })));
const PosPage = lazy(() => import('./pages/cashdesk/PosPage.tsx').then((m) => ({ default: m.PosPage })));
const RefundPage = lazy(() => import('./pages/cashdesk/RefundPage.tsx').then((m) => ({ default: m.RefundPage })));
const DeadlinesPage = lazy(() => import('./pages/DeadlinesPage.tsx').then((m) => ({ default: m.DeadlinesPage })));
const RegisterFiscalPage = lazy(() => import('./pages/RegisterFiscalPage.tsx').then((m) => ({ default: m.RegisterFiscalPage })));
const RegisterCardPage = lazy(() => import('./pages/RegisterCardPage.tsx').then((m) => ({ default: m.RegisterCardPage })));
const BusinessesPage = lazy(() => import('./pages/tax/BusinessesPage.tsx').then((m) => ({ default: m.BusinessesPage })));
const RegistersPage = lazy(() => import('./pages/tax/RegistersPage.tsx').then((m) => ({ default: m.RegistersPage })));
const StudiesPage = lazy(() => import('./pages/tax/StudiesPage.tsx').then((m) => ({ default: m.StudiesPage })));
const TaxTscApplicationsPage = lazy(() => import('./pages/tax/TscApplicationsPage.tsx').then((m) => ({ default: m.TscApplicationsPage })));
const TscApplicationPage = lazy(() => import('./pages/tax/TscApplicationPage.tsx').then((m) => ({ default: m.TscApplicationPage })));
const ChangePage = lazy(() => import('./pages/tsc/change/ChangePage.tsx').then((m) => ({ default: m.ChangePage })));
const ClientRegistersPage = lazy(() => import('./pages/tsc/ClientRegistersPage.tsx').then((m) => ({ default: m.ClientRegistersPage })));
const ServicePage = lazy(() => import('./pages/tsc/ServicePage.tsx').then((m) => ({ default: m.ServicePage })));
const TscApplicationsPage = lazy(() => import('./pages/tsc/TscApplicationsPage.tsx').then((m) => ({ default: m.TscApplicationsPage })));
const TscModulesPage = lazy(() => import('./pages/tsc/TscModulesPage.tsx').then((m) => ({ default: m.TscModulesPage })));
const TscRequestsPage = lazy(() => import('./pages/tsc/TscRequestsPage.tsx').then((m) => ({ default: m.TscRequestsPage })));
const RegistrationWizard = lazy(() => import('./pages/tsc/wizard/RegistrationWizard.tsx').then((m) => ({ default: m.RegistrationWizard })));

const guard = (roles: readonly Role[] | undefined, page: ReactNode) => <RequireRole roles={roles}>{page}</RequireRole>;
const STAFF: readonly Role[] = ['operator_admin', 'tax_officer', 'tsc_specialist'];
const FISCAL: readonly Role[] = [...STAFF, 'business'];

/** Every page of the app: public ones first, then the cabinet, then per role. */
export const ROUTES: readonly Route[] = [
  { path: '/login', render: () => <LoginPage /> },
  { path: '/r', render: () => <ReceiptCheckPage /> },
  { path: '/public/models', render: () => <PublicModelsPage /> },
  { path: '/public/tscs', render: () => <PublicTscsPage /> },

  { path: '/inbox', render: () => guard(undefined, <InboxPage />) },
  { path: '/deadlines', render: () => guard(FISCAL, <DeadlinesPage />) },
  { path: '/applications/:id', render: (p) => guard(FISCAL, <ApplicationPage id={p.id ?? ''} />) },
  { path: '/registers/:id', render: (p) => guard(STAFF, <RegisterCardPage id={p.id ?? ''} />) },
  { path: '/registers/:id/fiscal', render: (p) => guard(STAFF, <RegisterFiscalPage id={p.id ?? ''} />) },

  { path: '/admin/models', render: () => guard(['operator_admin'], <AdminModelsPage />) },
  { path: '/admin/tscs', render: () => guard(['operator_admin'], <TscsPage />) },
  { path: '/admin/branches', render: () => guard(['operator_admin'], <BranchesPage />) },
  { path: '/admin/specialists', render: () => guard(['operator_admin'], <SpecialistsPage />) },
  { path: '/admin/modules', render: () => guard(['operator_admin'], <ModulesPage />) },

  { path: '/tax/tsc-applications', render: () => guard(['tax_officer'], <TaxTscApplicationsPage />) },
  { path: '/tax/tsc-applications/:id', render: (p) => guard(['tax_officer'], <TscApplicationPage id={p.id ?? ''} />) },
  { path: '/tax/tscs', render: () => guard(['tax_officer'], <TscsPage />) },
  { path: '/tax/studies', render: () => guard(['tax_officer'], <StudiesPage />) },
  { path: '/tax/businesses', render: () => guard(['tax_officer', 'operator_admin'], <BusinessesPage />) },
  { path: '/tax/registers', render: () => guard(['tax_officer', 'operator_admin'], <RegistersPage />) },

  { path: '/tsc/register', render: () => guard(['tsc_specialist'], <RegistrationWizard />) },
  { path: '/tsc/change', render: () => guard(['tsc_specialist'], <ChangePage />) },
  { path: '/tsc/applications', render: () => guard(['tsc_specialist'], <TscApplicationsPage />) },
  { path: '/tsc/registers', render: () => guard(['tsc_specialist'], <ClientRegistersPage />) },
  { path: '/tsc/service', render: () => guard(['tsc_specialist'], <ServicePage />) },
  { path: '/tsc/modules', render: () => guard(['tsc_specialist'], <TscModulesPage />) },
  { path: '/tsc/requests', render: () => guard(['tsc_specialist'], <TscRequestsPage />) },

  { path: '/my/registers', render: () => guard(['business'], <MyRegistersPage />) },
  { path: '/my/registers/:id', render: (p) => guard(['business'], <RegisterCardPage id={p.id ?? ''} />) },
  { path: '/my/registers/:id/fiscal', render: (p) => guard(['business'], <RegisterFiscalPage id={p.id ?? ''} />) },
  { path: '/my/applications', render: () => guard(['business'], <MyApplicationsPage />) },
  { path: '/my/reports', render: () => guard(['business'], <MyReportsPage />) },
  { path: '/my/cashdesk', render: () => guard(['business'], <CashdeskRegistersPage />) },
  { path: '/my/cashdesk/:id', render: (p) => guard(['business'], <PosPage id={p.id ?? ''} />) },
  { path: '/my/cashdesk/:id/refund', render: (p) => guard(['business'], <RefundPage id={p.id ?? ''} />) },
  { path: '/my/cashdesk/:id/reports', render: (p) => guard(['business'], <CashReportsPage id={p.id ?? ''} />) },
  { path: '/my/cashdesk/:id/receipts/:number', render: (p) => guard(['business'], <CashReceiptPage id={p.id ?? ''} number={Number(p.number)} />) },
  { path: '/my/catalogue', render: () => guard(['business'], <CataloguePage />) },
];
