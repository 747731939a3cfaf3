import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { getIntegrity } from '../api/fiscal-data.ts';
import { Loadable } from '../components/feedback.tsx';
import { AlertsList } from '../components/fiscal-data/AlertsList.tsx';
import { DocumentsSection } from '../components/fiscal-data/DocumentsSection.tsx';
import { ModuleState } from '../components/fiscal-data/ModuleState.tsx';
import { RevenueSection } from '../components/fiscal-data/RevenueSection.tsx';
import { ShiftsTable } from '../components/fiscal-data/ShiftsTable.tsx';
import { RegisterTabs } from '../components/RegisterTabs.tsx';
import { addDays, todayInDushanbe } from '../lib/format.ts';
import { useSession } from '../lib/session.tsx';
import { useApi } from '../lib/use-api.ts';

/**
 * A register's fiscal data (p.53: the operator's information system for the tax authority): the
 * module's state and gaps, alerts, shifts with their Z-report reconciliation, the documents of a
 * period with exports, and the business's revenue by month. The business and its TSC see what the
 * API lets them (no exports; no revenue for a TSC); nothing here changes data.
 */
export function RegisterFiscalPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { role } = useSession();
  const register = useApi(() => api('GET /api/fiscal/registers/{id}', { params: { id } }), [id]);
  const integrity = useApi(() => getIntegrity(id), [id]);
  const today = todayInDushanbe();
  const isOfficer = role === 'tax_officer' || role === 'operator_admin';
  const r = register.data;
  return (
    <Stack maw={1200} gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Stack gap={2}>
          <Title order={1} fz={{ base: 22, sm: 26 }}>
            {t('fiscalData.tab')}
            {r ? ` · ${r.registryNumber}` : ''}
          </Title>
          {r && (
            <Text c="dimmed" size="sm">
              {r.businessName} · {t('field.tin')} {r.businessTin} · {r.placeOfActivity}
            </Text>
          )}
        </Stack>
        <Button variant="default" onClick={integrity.reload} loading={integrity.isLoading && integrity.data !== undefined}>
          {t('action.refresh')}
        </Button>
      </Group>
      <RegisterTabs id={id} current="fiscal" />
      <Loadable state={integrity}>
        {(data) => (
          <Stack gap="md">
            <ModuleState data={data} />
            <AlertsList alerts={data.alerts} />
            <ShiftsTable shifts={data.shifts} />
          </Stack>
        )}
      </Loadable>
      <DocumentsSection registerId={id} canExport={isOfficer} initial={{ from: addDays(today, -30), to: today }} />
      {r && role !== 'tsc_specialist' && <RevenueSection tin={r.businessTin} name={r.businessName} />}
    </Stack>
  );
}
