import { Button, Grid, Stack } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { Loadable, PageHeader } from '../../components/feedback.tsx';
import { Link } from '../../lib/router.tsx';
import { useApi } from '../../lib/use-api.ts';
import { CabinetConfirmPanel } from './identity/CabinetConfirmPanel.tsx';
import type { ServiceRequestDetail } from './model.ts';
import { OfficerActions } from './OfficerActions.tsx';
import { History, RequestSummary, ResultList, useNow } from './parts.tsx';
import { RequestQuality } from './quality/RequestQuality.tsx';

/**
 * One request: its card with the live SLA state and due time, the results to download and the
 * history. The applicant reads it in the cabinet; an officer also gets the actions.
 */
export function RequestPage({ id, mode }: { id: string; mode: 'taxpayer' | 'officer' }) {
  const { t } = useTranslation();
  const now = useNow();
  const [updated, setUpdated] = useState<ServiceRequestDetail>();
  const loaded = useApi(() => api('GET /api/tax-services/requests/{id}', { params: { id } }), [id]);
  const { reload } = loaded;
  // A newer answer from the server replaces what an action returned.
  useEffect(() => {
    if (loaded.data) setUpdated(undefined);
  }, [loaded.data]);
  useEffect(() => {
    const timer = window.setInterval(reload, 60_000);
    return () => window.clearInterval(timer);
  }, [reload]);
  const state = updated ? { ...loaded, data: updated } : loaded;
  const back = mode === 'officer' ? { to: '/services/queue', label: t('svc.queue.back') } : { to: '/my/services', label: t('svc.my.back') };
  return (
    <Stack maw={1100}>
      <PageHeader
        title={state.data ? t('svc.requestTitle', { number: state.data.number }) : t('svc.field.service')}
        actions={
          <Button variant="default" component={Link} to={back.to}>
            {back.label}
          </Button>
        }
      />
      <Loadable state={state}>
        {(r) => (
          <Grid gap="md">
            <Grid.Col span={{ base: 12, md: 8 }}>
              <Stack>
                <RequestSummary
                  r={r}
                  now={now}
                  actions={
                    mode === 'officer' ? (
                      <>
                        <CabinetConfirmPanel r={r} onDone={reload} />
                        <OfficerActions r={r} onDone={setUpdated} />
                      </>
                    ) : undefined
                  }
                />
                <ResultList r={r} />
                <RequestQuality r={r} mode={mode} />
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 4 }}>
              <History r={r} />
            </Grid.Col>
          </Grid>
        )}
      </Loadable>
    </Stack>
  );
}
