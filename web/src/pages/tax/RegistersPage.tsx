import { Button, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/feedback.tsx';
import { RegistersTable } from '../../components/RegistersTable.tsx';
import { Link } from '../../lib/router.tsx';

/** Tax officer and operator: every register, each with its card and its fiscal data. */
export function RegistersPage() {
  const { t } = useTranslation();
  return (
    <Stack>
      <PageHeader title={t('fiscalData.registersTitle')} subtitle={t('fiscalData.registersSubtitle')} />
      <RegistersTable
        cardHref={(r) => `/registers/${r.id}`}
        actions={(r) => (
          <Button.Group>
            <Button size="xs" variant="light" component={Link} to={`/registers/${r.id}/fiscal`}>
              {t('fiscalData.tab')}
            </Button>
            <Button size="xs" variant="default" component={Link} to={`/registers/${r.id}`}>
              {t('registers.openCard')}
            </Button>
          </Button.Group>
        )}
      />
    </Stack>
  );
}
