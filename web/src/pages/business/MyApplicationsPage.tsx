import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApplicationsTable } from '../../components/ApplicationsTable.tsx';
import { PageHeader } from '../../components/feedback.tsx';

/** Business: applications about its registers, with their decisions. */
export function MyApplicationsPage() {
  const { t } = useTranslation();
  return (
    <Stack>
      <PageHeader title={t('nav.myApplications')} subtitle={t('apps.mineSubtitle')} />
      <ApplicationsTable withTinFilter={false} />
    </Stack>
  );
}
