/** The identity services' pages (docs/tax-services-identity.md), loaded together on first use. */
export { CabinetRequestPage } from './CabinetRequestPage.tsx';
export { CertificateVerifyPage } from './CertificateVerifyPage.tsx';
export { CounterpartyPage } from './CounterpartyPage.tsx';
export { EdsCabinetPage } from './EdsCabinetPage.tsx';
export { EdsOfficerPage } from './EdsOfficerPage.tsx';
export { EdsPublicPage } from './EdsPublicPage.tsx';
export { FindTinPage } from './FindTinPage.tsx';
export { TinRegistrationPage } from './TinRegistrationPage.tsx';
