/** The risk analyst's pages (docs/risk-ui.md), loaded on first use. */
export { NewProfilePage, ProfilePage } from './ProfilePage.tsx';
export { ProfilesPage } from './ProfilesPage.tsx';
export { SettingsPage } from './SettingsPage.tsx';
export { StatisticsPage } from './StatisticsPage.tsx';
