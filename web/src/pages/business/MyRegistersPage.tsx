import { Button, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/feedback.tsx';
import { RegistersTable } from '../../components/RegistersTable.tsx';
import { Link } from '../../lib/router.tsx';

/** Business: its registers; each opens the registration card of Annex 2 (p.23). */
export function MyRegistersPage() {
  const { t } = useTranslation();
  return (
    <Stack>
      <PageHeader title={t('registers.mine')} subtitle={t('registers.mineSubtitle')} />
      <RegistersTable
        cardHref={(r) => `/my/registers/${r.id}`}
        actions={(r) => (
          <Button.Group>
            <Button size="xs" variant="light" component={Link} to={`/my/registers/${r.id}`}>
              {t('registers.openCard')}
            </Button>
            <Button size="xs" variant="default" component={Link} to={`/my/registers/${r.id}/fiscal`}>
              {t('fiscalData.tab')}
            </Button>
            {r.status === 'registered' && (
              <Button size="xs" variant="default" component={Link} to={`/my/reports?register=${r.id}`}>
                {t('incident.reportBreakdown')}
              </Button>
            )}
          </Button.Group>
        )}
      />
    </Stack>
  );
}
