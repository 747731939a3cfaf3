import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { ProblemAlert } from '../../../components/feedback.tsx';
import { useAction } from '../../../lib/use-api.ts';
import type { ServiceRequestDetail } from '../model.ts';

type Representative = { fullName: string; position: string; passportNumber: string };

/** The representative the organisation named in its 12.12.01 request (the request's subject), if readable. */
function representativeOf(r: ServiceRequestDetail): Representative | undefined {
  const rep = r.subject.representative as Partial<Record<keyof Representative, unknown>> | undefined;
  if (!rep || typeof rep.fullName !== 'string' || typeof rep.position !== 'string' || typeof rep.passportNumber !== 'string') return undefined;
  return { fullName: rep.fullName, position: rep.position, passportNumber: rep.passportNumber };
}

/**
 * 12.12.01 for an organisation (TS-49): the officer checks the representative's documents and opens
 * the cabinet here; the account is made and the credentials sent by the server, so the generic
 * "complete" is not the way to close this request. A refusal goes through "refuse" as for any request.
 */
export function CabinetConfirmPanel({ r, onDone }: { r: ServiceRequestDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const confirm = useAction(() => api('POST /api/tax-services/cabinet-requests/{id}/confirm', { params: { id: r.id } }));
  if (r.serviceCode !== '12.12.01' || r.completedAt) return null;
  const rep = representativeOf(r);
  return (
    <Alert color="blue" variant="light" title={t('svcId.confirm.title')} data-testid="cabinet-confirm">
      <Stack gap="xs">
        {rep && (
          <Text size="sm" data-testid="cabinet-representative">
            {t('svcId.confirm.representative', { name: rep.fullName, position: rep.position, passport: rep.passportNumber })}
          </Text>
        )}
        <Text size="sm">{t('svcId.confirm.hint')}</Text>
        <ProblemAlert error={confirm.error} />
        <Group>
          <Button
            color="teal"
            loading={confirm.isRunning}
            onClick={async () => {
              if (await confirm.run()) onDone();
            }}
            data-testid="cabinet-confirm-button"
          >
            {t('svcId.confirm.action')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
