import { Card, Grid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { Loadable, PageHeader } from '../../components/feedback.tsx';
import { IncidentForm, IncidentsTable } from '../../components/incidents.tsx';
import { useLocation } from '../../lib/router.tsx';
import { useApi } from '../../lib/use-api.ts';

/** Business: loss (p.16) and breakdown (p.37) reports from the personal cabinet. */
export function MyReportsPage() {
  const { t } = useTranslation();
  const { search } = useLocation();
  const [reloadKey, setReloadKey] = useState(0);
  const [sent, setSent] = useState(false);
  const registers = useApi(() => api('GET /api/fiscal/registers', { query: { status: 'registered', limit: 200 } }), []);
  return (
    <Stack>
      <PageHeader title={t('nav.myReports')} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, xl: 5 }}>
          <Card withBorder radius="md" padding="lg">
            <Loadable state={registers} isEmpty={(d) => d.items.length === 0}>
              {(data) => (
                <IncidentForm
                  registers={data.items}
                  channels={['cabinet']}
                  defaultRegisterId={search.get('register') ?? undefined}
                  onDone={() => {
                    setSent(true);
                    setReloadKey((k) => k + 1);
                  }}
                />
              )}
            </Loadable>
            {sent && (
              <Text c="teal" size="sm" mt="sm" role="status">
                {t('incident.sent')}
              </Text>
            )}
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, xl: 7 }}>
          <Stack gap="sm">
            <Title order={2} fz={18}>
              {t('incident.list')}
            </Title>
            <IncidentsTable reloadKey={reloadKey} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
