/** The customs declaration pages (docs/customs-declarations.md), loaded on first use. */
export { DeclarationPage } from './DeclarationPage.tsx';
export { MyDeclarationsPage } from './MyDeclarationsPage.tsx';
export { QueuePage } from './QueuePage.tsx';
