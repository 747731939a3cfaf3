import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApplicationsTable } from '../../components/ApplicationsTable.tsx';
import { PageHeader } from '../../components/feedback.tsx';

/** Tax officer: register applications under study (p.24: within 1 working day); each opens its study form. */
export function StudiesPage() {
  const { t } = useTranslation();
  return (
    <Stack>
      <PageHeader title={t('nav.taxStudies')} subtitle={t('study.queueSubtitle')} />
      <ApplicationsTable fixedStatus="under_study" />
    </Stack>
  );
}
