import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { Link } from '../../../lib/router.tsx';
import type { ServiceRequestDetail } from '../model.ts';
import { isComplaintService } from './model.ts';
import { SurveyCard } from './Survey.tsx';

/**
 * What the request page adds for quality: the applicant rates a closed request once (TS-14, TS-41);
 * an officer on a complaint's request goes to the complaint to reply in writing (TS-17), since a
 * complaint is answered with a letter rather than completed by hand.
 */
export function RequestQuality({ r, mode }: { r: ServiceRequestDetail; mode: 'taxpayer' | 'officer' }) {
  const { t } = useTranslation();
  if (mode === 'officer')
    return isComplaintService(r.serviceKey) ? (
      <Group>
        <Button variant="light" component={Link} to={`/services/complaints/${r.id}`} data-testid="to-complaint">
          {t('svq.toComplaint')}
        </Button>
      </Group>
    ) : null;
  const isClosed = r.status === 'completed' || r.status === 'rejected';
  if (!isClosed || r.isRated) return null;
  return <SurveyCard send={(survey) => api('POST /api/tax-services/requests/{id}/rating', { params: { id: r.id }, body: survey })} />;
}
