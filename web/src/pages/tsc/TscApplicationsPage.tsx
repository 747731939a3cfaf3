import { Button, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApplicationsTable } from '../../components/ApplicationsTable.tsx';
import { PageHeader } from '../../components/feedback.tsx';
import { Link } from '../../lib/router.tsx';

/** TSC specialist: the applications the TSC entered, with their status and due times. */
export function TscApplicationsPage() {
  const { t } = useTranslation();
  return (
    <Stack>
      <PageHeader
        title={t('nav.tscApplications')}
        subtitle={t('apps.tscSubtitle')}
        actions={
          <Button component={Link} to="/tsc/register">
            {t('outcome.another')}
          </Button>
        }
      />
      <ApplicationsTable />
    </Stack>
  );
}
