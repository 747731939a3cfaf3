import { lazy, type ReactNode } from 'react';
import { RequireRole } from './components/RequireRole.tsx';
import type { Route } from './lib/router.tsx';
import type { Role } from './lib/session.tsx';
import { InboxPage } from './pages/InboxPage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { PublicModelsPage } from './pages/public/PublicModelsPage.tsx';
import { PublicTscsPage } from './pages/public/PublicTscsPage.tsx';
import { ReceiptCheckPage } from './pages/public/ReceiptCheckPage.tsx';
import { StandardPage } from './pages/services/StandardPage.tsx';

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
const MyRequestsPage = lazy(() => import('./pages/services/MyRequestsPage.tsx').then((m) => ({ default: m.MyRequestsPage })));
const NewRequestPage = lazy(() => import('./pages/services/NewRequestPage.tsx').then((m) => ({ default: m.NewRequestPage })));
const ServiceRequestPage = lazy(() => import('./pages/services/RequestPage.tsx').then((m) => ({ default: m.RequestPage })));
const QueuePage = lazy(() => import('./pages/services/QueuePage.tsx').then((m) => ({ default: m.QueuePage })));
const RegisterRequestPage = lazy(() => import('./pages/services/RegisterRequestPage.tsx').then((m) => ({ default: m.RegisterRequestPage })));
const ServiceDashboardPage = lazy(() => import('./pages/services/DashboardPage.tsx').then((m) => ({ default: m.DashboardPage })));
const CatalogueVersionsPage = lazy(() => import('./pages/services/CatalogueVersionsPage.tsx').then((m) => ({ default: m.CatalogueVersionsPage })));
// Identity services (TS-19, TS-20, TS-44 … TS-50): "Find out TIN", TIN registration, the cabinet, counterparties, EDS.
const identity = () => import('./pages/services/identity/index.ts');
const FindTinPage = lazy(() => identity().then((m) => ({ default: m.FindTinPage })));
const TinRegistrationPage = lazy(() => identity().then((m) => ({ default: m.TinRegistrationPage })));
const CertificateVerifyPage = lazy(() => identity().then((m) => ({ default: m.CertificateVerifyPage })));
const CabinetRequestPage = lazy(() => identity().then((m) => ({ default: m.CabinetRequestPage })));
const CounterpartyPage = lazy(() => identity().then((m) => ({ default: m.CounterpartyPage })));
const EdsPublicPage = lazy(() => identity().then((m) => ({ default: m.EdsPublicPage })));
const EdsCabinetPage = lazy(() => identity().then((m) => ({ default: m.EdsCabinetPage })));
const EdsOfficerPage = lazy(() => identity().then((m) => ({ default: m.EdsOfficerPage })));
const ComplaintBookPage = lazy(() => import('./pages/services/quality/ComplaintBookPage.tsx').then((m) => ({ default: m.ComplaintBookPage })));
const ComplaintStatusPage = lazy(() => import('./pages/services/quality/ComplaintStatusPage.tsx').then((m) => ({ default: m.ComplaintStatusPage })));
const ComplaintChannelsPage = lazy(() => import('./pages/services/quality/ComplaintChannelsPage.tsx').then((m) => ({ default: m.ComplaintChannelsPage })));
const RateUnitPage = lazy(() => import('./pages/services/quality/RateUnitPage.tsx').then((m) => ({ default: m.RateUnitPage })));
const PublicIndicatorsPage = lazy(() => import('./pages/services/quality/PublicIndicatorsPage.tsx').then((m) => ({ default: m.PublicIndicatorsPage })));
const ComplaintsPage = lazy(() => import('./pages/services/quality/ComplaintsPage.tsx').then((m) => ({ default: m.ComplaintsPage })));
const RegisterComplaintPage = lazy(() => import('./pages/services/quality/RegisterComplaintPage.tsx').then((m) => ({ default: m.RegisterComplaintPage })));
const ComplaintPage = lazy(() => import('./pages/services/quality/ComplaintPage.tsx').then((m) => ({ default: m.ComplaintPage })));
const RatingsPage = lazy(() => import('./pages/services/quality/RatingsPage.tsx').then((m) => ({ default: m.RatingsPage })));
const QualityNotesPage = lazy(() => import('./pages/services/quality/QualityNotesPage.tsx').then((m) => ({ default: m.QualityNotesPage })));
const IndicatorsPage = lazy(() => import('./pages/services/quality/IndicatorsPage.tsx').then((m) => ({ default: m.IndicatorsPage })));
const LedgerPage = lazy(() => import('./pages/services/ledger/LedgerPage.tsx').then((m) => ({ default: m.LedgerPage })));
// Electronic customs (docs/customs-declarations.md): the declarant's declarations and the officers' queue.
const customs = () => import('./pages/customs/index.ts');
const MyDeclarationsPage = lazy(() => customs().then((m) => ({ default: m.MyDeclarationsPage })));
const DeclarationPage = lazy(() => customs().then((m) => ({ default: m.DeclarationPage })));
const DeclarationQueuePage = lazy(() => customs().then((m) => ({ default: m.QueuePage })));
const ControlPowersPage = lazy(() => customs().then((m) => ({ default: m.ControlPowersPage })));
// Risk management (docs/risk-ui.md): profiles, statistics and settings, for the risk analyst only (art.429(2) p.3).
const risk = () => import('./pages/risk/index.ts');
const RiskProfilesPage = lazy(() => risk().then((m) => ({ default: m.ProfilesPage })));
const NewRiskProfilePage = lazy(() => risk().then((m) => ({ default: m.NewProfilePage })));
const RiskProfilePage = lazy(() => risk().then((m) => ({ default: m.ProfilePage })));
const RiskStatisticsPage = lazy(() => risk().then((m) => ({ default: m.StatisticsPage })));
const RiskSettingsPage = lazy(() => risk().then((m) => ({ default: m.SettingsPage })));
const RegistrationWizard = lazy(() => import('./pages/tsc/wizard/RegistrationWizard.tsx').then((m) => ({ default: m.RegistrationWizard })));

const guard = (roles: readonly Role[] | undefined, page: ReactNode) => <RequireRole roles={roles}>{page}</RequireRole>;
const STAFF: readonly Role[] = ['operator_admin', 'tax_officer', 'tsc_specialist'];
const FISCAL: readonly Role[] = [...STAFF, 'business'];
/** Tax-services (order 396): taxpayers by TIN, and the officers who work and control requests. */
const TAXPAYERS: readonly Role[] = ['taxpayer', 'business'];
const SERVICE_OFFICERS: readonly Role[] = ['tax_officer', 'service_officer'];
/** Customs (Customs Code ch.14): who reads declarations; only the declarant edits and files. */
const CUSTOMS_READERS: readonly Role[] = ['declarant', 'customs_officer', 'risk_analyst'];

/** Every page of the app: public ones first, then the cabinet, then per role. */
export const ROUTES: readonly Route[] = [
  { path: '/login', render: () => <LoginPage /> },
  { path: '/r', render: () => <ReceiptCheckPage /> },
  { path: '/public/models', render: () => <PublicModelsPage /> },
  { path: '/public/tscs', render: () => <PublicTscsPage /> },
  { path: '/public/services', render: () => <StandardPage /> },
  { path: '/public/complaints', render: () => <ComplaintBookPage /> },
  { path: '/public/complaint-status', render: () => <ComplaintStatusPage /> },
  { path: '/public/complaint-channels', render: () => <ComplaintChannelsPage /> },
  { path: '/public/ratings', render: () => <RateUnitPage /> },
  { path: '/public/indicators', render: () => <PublicIndicatorsPage /> },
  { path: '/public/tin-lookup', render: () => <FindTinPage /> },
  { path: '/public/tin-registration', render: () => <TinRegistrationPage /> },
  { path: '/public/tin-certificate', render: () => <CertificateVerifyPage /> },
  { path: '/public/cabinet', render: () => <CabinetRequestPage /> },
  { path: '/public/counterparty', render: () => <CounterpartyPage mode="public" /> },
  { path: '/public/eds', render: () => <EdsPublicPage /> },

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

  { path: '/my/services', render: () => guard(TAXPAYERS, <MyRequestsPage />) },
  { path: '/my/services/new', render: () => guard(TAXPAYERS, <NewRequestPage />) },
  { path: '/my/services/:id', render: (p) => guard(TAXPAYERS, <ServiceRequestPage id={p.id ?? ''} mode="taxpayer" />) },
  { path: '/services/queue', render: () => guard(SERVICE_OFFICERS, <QueuePage />) },
  { path: '/services/queue/:id', render: (p) => guard(SERVICE_OFFICERS, <ServiceRequestPage id={p.id ?? ''} mode="officer" />) },
  { path: '/services/register', render: () => guard(SERVICE_OFFICERS, <RegisterRequestPage />) },
  { path: '/services/dashboard', render: () => guard(SERVICE_OFFICERS, <ServiceDashboardPage />) },
  { path: '/services/catalogue', render: () => guard(['service_officer'], <CatalogueVersionsPage />) },
  { path: '/services/complaints', render: () => guard(SERVICE_OFFICERS, <ComplaintsPage />) },
  { path: '/services/register-complaint', render: () => guard(SERVICE_OFFICERS, <RegisterComplaintPage />) },
  { path: '/services/complaints/:id', render: (p) => guard(SERVICE_OFFICERS, <ComplaintPage id={p.id ?? ''} />) },
  { path: '/services/ratings', render: () => guard(['service_officer'], <RatingsPage />) },
  { path: '/services/quality-notes', render: () => guard(['service_officer'], <QualityNotesPage />) },
  { path: '/services/indicators', render: () => guard(['service_officer'], <IndicatorsPage />) },
  { path: '/services/ledger', render: () => guard(SERVICE_OFFICERS, <LedgerPage mode="officer" />) },
  { path: '/my/ledger', render: () => guard(TAXPAYERS, <LedgerPage mode="taxpayer" />) },
  { path: '/my/counterparty', render: () => guard(TAXPAYERS, <CounterpartyPage mode="cabinet" />) },
  { path: '/my/eds', render: () => guard(TAXPAYERS, <EdsCabinetPage />) },
  { path: '/services/eds', render: () => guard(SERVICE_OFFICERS, <EdsOfficerPage />) },

  { path: '/customs/declarations', render: () => guard(['declarant'], <MyDeclarationsPage />) },
  // Both render the same page, so the editor keeps its state when the first save gives the draft its address.
  { path: '/customs/declarations/new', render: () => guard(['declarant'], <DeclarationPage />) },
  { path: '/customs/declarations/:id', render: (p) => guard(CUSTOMS_READERS, <DeclarationPage id={p.id ?? ''} />) },
  { path: '/customs/queue', render: () => guard(['customs_officer', 'risk_analyst'], <DeclarationQueuePage />) },
  { path: '/customs/control-powers', render: () => guard(['customs_head'], <ControlPowersPage />) },

  { path: '/risk/profiles', render: () => guard(['risk_analyst'], <RiskProfilesPage />) },
  { path: '/risk/profiles/new', render: () => guard(['risk_analyst'], <NewRiskProfilePage />) },
  { path: '/risk/profiles/:id', render: (p) => guard(['risk_analyst'], <RiskProfilePage id={p.id ?? ''} />) },
  { path: '/risk/statistics', render: () => guard(['risk_analyst'], <RiskStatisticsPage />) },
  { path: '/risk/settings', render: () => guard(['risk_analyst'], <RiskSettingsPage />) },
];
