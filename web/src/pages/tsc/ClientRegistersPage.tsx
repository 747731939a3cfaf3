import { Button, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegisterSummary } from '../../api/types.gen.ts';
import { PageHeader } from '../../components/feedback.tsx';
import { RegistersTable } from '../../components/RegistersTable.tsx';
import { formatDate } from '../../lib/format.ts';
import { Link } from '../../lib/router.tsx';
import { useLang } from '../../lib/session.tsx';
import { InspectionForm } from './InspectionForm.tsx';

/** TSC specialist: the registers of the TSC's clients, with the yearly inspection and changes. */
export function ClientRegistersPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const [inspecting, setInspecting] = useState<RegisterSummary>();
  const [reloadKey, setReloadKey] = useState(0);
  return (
    <Stack>
      <PageHeader title={t('registers.clients')} />
      <RegistersTable
        reloadKey={reloadKey}
        cardHref={(r) => `/registers/${r.id}`}
        actions={(r) =>
          r.status === 'registered' ? (
            <Stack gap={4} align="flex-start">
              <Button.Group>
                <Button size="xs" variant="light" onClick={() => setInspecting(r)}>
                  {t('inspection.record')}
                </Button>
                <Button size="xs" variant="default" component={Link} to={`/tsc/change?register=${r.id}`}>
                  {t('service.change')}
                </Button>
                <Button size="xs" variant="default" component={Link} to={`/registers/${r.id}/fiscal`}>
                  {t('fiscalData.tab')}
                </Button>
              </Button.Group>
              <Text size="xs" c={new Date(r.nextInspectionDueAt).getTime() < Date.now() ? 'red' : 'dimmed'}>
                {t('card.nextInspection')} {formatDate(r.nextInspectionDueAt, lang)}
              </Text>
            </Stack>
          ) : null
        }
      />
      <Modal opened={inspecting !== undefined} onClose={() => setInspecting(undefined)} title={t('inspection.title')}>
        {inspecting && (
          <InspectionForm
            register={inspecting}
            onDone={() => {
              setInspecting(undefined);
              setReloadKey((k) => k + 1);
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}
