import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ModelsTable } from '../../components/ModelsTable.tsx';
import { PageHeader } from '../../components/feedback.tsx';

/** The state registry of models and programs, open to everyone (FIS-GEN-07, FIS-GEN-12). */
export function PublicModelsPage() {
  const { t } = useTranslation();
  return (
    <Stack>
      <PageHeader title={t('model.registryTitle')} subtitle={t('model.registrySubtitle')} />
      <ModelsTable />
    </Stack>
  );
}
