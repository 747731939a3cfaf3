import { Button, Stack, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { Loadable, PageHeader } from '../../components/feedback.tsx';
import { Link } from '../../lib/router.tsx';
import { useApi } from '../../lib/use-api.ts';
import { useNow } from './parts.tsx';
import { RequestsTable } from './RequestsTable.tsx';

/** The taxpayer's cabinet: own requests with their live SLA status (TS-49). */
export function MyRequestsPage() {
  const { t } = useTranslation();
  const now = useNow();
  const list = useApi(() => api('GET /api/tax-services/requests', { query: { limit: 200 } }), []);
  // The badge turns by itself between answers; the list itself is asked again every minute.
  const { reload } = list;
  useEffect(() => {
    const timer = window.setInterval(reload, 60_000);
    return () => window.clearInterval(timer);
  }, [reload]);
  return (
    <Stack maw={1100}>
      <PageHeader
        title={t('svc.my.title')}
        subtitle={t('svc.my.subtitle')}
        actions={
          <Button component={Link} to="/my/services/new" data-testid="new-request">
            {t('svc.my.new')}
          </Button>
        }
      />
      <Loadable state={list}>
        {(rows) =>
          rows.length === 0 ? (
            <Text c="dimmed" ta="center" py="lg">
              {t('svc.my.empty')}
            </Text>
          ) : (
            <RequestsTable rows={rows} now={now} href={(r) => `/my/services/${r.id}`} />
          )
        }
      </Loadable>
    </Stack>
  );
}
