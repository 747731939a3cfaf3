/** The customs declaration pages (docs/customs-declarations.md) and the head's powers of control, loaded on first use. */
export { ControlPowersPage } from './ControlPowersPage.tsx';
export { DeclarationPage } from './DeclarationPage.tsx';
export { MyDeclarationsPage } from './MyDeclarationsPage.tsx';
export { QueuePage } from './QueuePage.tsx';
