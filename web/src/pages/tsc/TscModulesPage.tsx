import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/feedback.tsx';
import { ModulesTable } from '../../components/ModulesTable.tsx';
import { useSession } from '../../lib/session.tsx';

/** TSC specialist: the TSC's fiscal modules: register supplied ones, take back, hand to the operator (p.56, p.98). */
export function TscModulesPage() {
  const { t } = useTranslation();
  const { principal } = useSession();
  return (
    <Stack>
      <PageHeader title={t('nav.tscModules')} subtitle={t('module.subtitle')} />
      <ModulesTable tscId={principal?.orgId ?? undefined} />
    </Stack>
  );
}
