import { Button, Card, Grid, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { Loadable, PageHeader, ProblemAlert } from '../../components/feedback.tsx';
import { IncidentForm, IncidentsTable } from '../../components/incidents.tsx';
import { useAction, useApi } from '../../lib/use-api.ts';

/** TSC specialist: breakdown notices (p.37: the tax authority within 1 hour) and reports taken by phone or in person. */
export function ServicePage() {
  const { t } = useTranslation();
  const [reloadKey, setReloadKey] = useState(0);
  const registers = useApi(() => api('GET /api/fiscal/registers', { query: { status: 'registered', limit: 200 } }), [reloadKey]);
  const notify = useAction(async (id: string) => {
    await api('POST /api/fiscal/incidents/{id}/notify-tax-authority', { params: { id } });
    setReloadKey((k) => k + 1);
  });
  return (
    <Stack>
      <PageHeader title={t('nav.tscService')} subtitle={t('service.subtitle')} />
      <ProblemAlert error={notify.error} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, xl: 8 }}>
          <Stack gap="sm">
            <Title order={2} fz={18}>
              {t('incident.list')}
            </Title>
            <IncidentsTable
              reloadKey={reloadKey}
              action={(i) =>
                i.kind === 'breakdown' && !i.taxNotifiedAt ? (
                  <Button size="xs" color="orange" onClick={() => void notify.run(i.id)} loading={notify.isRunning}>
                    {t('incident.notifyTax')}
                  </Button>
                ) : null
              }
            />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, xl: 4 }}>
          <Card withBorder radius="md" padding="lg">
            <Loadable state={registers} isEmpty={(d) => d.items.length === 0}>
              {(data) => <IncidentForm registers={data.items} channels={['call_centre', 'in_person']} onDone={() => setReloadKey((k) => k + 1)} />}
            </Loadable>
          </Card>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
