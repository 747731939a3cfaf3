import { Anchor, Badge, Button, Card, Checkbox, Group, Stack, Stepper, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { Loadable, PageHeader, ProblemAlert } from '../../../components/feedback.tsx';
import { formatDateTime, formatSomoni, localised } from '../../../lib/format.ts';
import { Link } from '../../../lib/router.tsx';
import { useLang } from '../../../lib/session.tsx';
import { useAction, useApi } from '../../../lib/use-api.ts';
import { useNow } from '../parts.tsx';
import { EdsApplyForm } from './EdsApplyForm.tsx';
import { EdsCertificatesTable, EdsPriceTable } from './EdsParts.tsx';
import { type EdsApplication, edsStep } from './model.ts';

/** The pending application's steps: applied, the contract, the fee (none for a dehkan farm), the certificate (12.12.02). */
function PendingApplication({ a, onChanged }: { a: EdsApplication; onChanged: (a: EdsApplication) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [isAccepted, setAccepted] = useState(false);
  const sign = useAction(() => api('POST /api/tax-services/eds/applications/{id}/contract', { params: { id: a.id }, body: { accept: true } }));
  const step = edsStep(a);
  const active = step === 'contract' ? 1 : step === 'payment' ? 2 : 3;
  const fee = `${formatSomoni(a.priceDirams, lang)} ${t('svcId.eds.somoni')}`;
  return (
    <Card withBorder radius="md" padding="lg" data-testid="eds-application" data-step={step}>
      <Stack>
        <Group justify="space-between">
          <Title order={2} fz={18}>
            {t('svcId.eds.applicationTitle', { at: formatDateTime(a.appliedAt, lang) })}
          </Title>
          <Badge variant="light">{a.isFree ? t('svcId.eds.free') : fee}</Badge>
        </Group>
        <Stepper active={active} orientation="vertical" size="sm">
          <Stepper.Step label={t('svcId.eds.stepApplied')} description={formatDateTime(a.appliedAt, lang)} />
          <Stepper.Step
            label={t('svcId.eds.stepContract')}
            description={a.contractSignedAt ? t('svcId.eds.signedAt', { at: formatDateTime(a.contractSignedAt, lang) }) : undefined}
          >
            <Stack gap="sm">
              <Text size="sm" style={{ whiteSpace: 'pre-line' }} data-testid="eds-contract">
                {localised(a.contract, lang)}
              </Text>
              <Checkbox checked={isAccepted} onChange={(e) => setAccepted(e.currentTarget.checked)} label={t('svcId.eds.accept')} />
              <ProblemAlert error={sign.error} />
              <Group>
                <Button
                  disabled={!isAccepted}
                  loading={sign.isRunning}
                  onClick={async () => {
                    const signed = await sign.run();
                    if (signed) onChanged(signed);
                  }}
                  data-testid="eds-sign"
                >
                  {t('svcId.eds.sign')}
                </Button>
              </Group>
            </Stack>
          </Stepper.Step>
          <Stepper.Step
            label={t('svcId.eds.stepPayment')}
            description={a.isFree ? t('svcId.eds.notDue') : a.paidAt ? t('svcId.eds.paidAt', { at: formatDateTime(a.paidAt, lang) }) : fee}
          >
            <Text size="sm" data-testid="eds-payment-due">
              {t('svcId.eds.payHint', { fee, tin: a.tin })}
            </Text>
          </Stepper.Step>
          <Stepper.Step label={t('svcId.eds.stepIssued')} description={t('svcId.eds.issuedHint')} />
        </Stepper>
      </Stack>
    </Card>
  );
}

/**
 * EDS certificates in the cabinet (12.12.02, TS-50): the price list, an application with a key made
 * in this browser or pasted, the contract and the fee, then the certificates with their validity,
 * renewal and revocation.
 */
export function EdsCabinetPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const now = useNow(60_000);
  const [renewId, setRenewId] = useState('');
  const prices = useApi(() => api('GET /api/public/tax-services/eds/prices'), []);
  const me = useApi(() => api('GET /api/tax-services/taxpayers/me'), []);
  const applications = useApi(() => api('GET /api/tax-services/eds/applications'), []);
  const certificates = useApi(() => api('GET /api/tax-services/eds/certificates'), []);
  const reload = () => {
    applications.reload();
    certificates.reload();
  };
  const pending = applications.data?.find((a) => a.status === 'pending');
  const done = (applications.data ?? []).filter((a) => a.status !== 'pending' && a.requestId);
  return (
    <Stack maw={1100}>
      <PageHeader title={t('svcId.eds.title')} subtitle={t('svcId.eds.subtitle')} />
      <Loadable state={certificates}>
        {(rows) => (
          <Stack>
            <Title order={2} fz={18}>
              {t('svcId.eds.certificates')}
            </Title>
            <EdsCertificatesTable
              rows={rows}
              now={now}
              onChanged={reload}
              onRenew={(c) => {
                setRenewId(c.id);
                document.getElementById('eds-apply')?.scrollIntoView({ behavior: 'smooth' });
              }}
            />
          </Stack>
        )}
      </Loadable>
      <Loadable state={applications}>
        {() =>
          pending ? (
            <PendingApplication a={pending} onChanged={reload} />
          ) : (
            <EdsApplyForm certificates={certificates.data ?? []} renewId={renewId} onRenewIdChange={setRenewId} onApplied={reload} />
          )
        }
      </Loadable>
      {done.length > 0 && (
        <Stack gap={4}>
          <Text fw={600}>{t('svcId.eds.history')}</Text>
          {done.map((a) => (
            <Text key={a.id} size="sm">
              {formatDateTime(a.appliedAt, lang)} ·{' '}
              <Anchor component={Link} to={`/my/services/${a.requestId}`}>
                {t('svcId.eds.requestLink')}
              </Anchor>
            </Text>
          ))}
        </Stack>
      )}
      <Card withBorder radius="md" padding="lg">
        <Stack gap="sm">
          <Title order={2} fz={18}>
            {t('svcId.eds.prices')}
          </Title>
          <Loadable state={prices}>{(list) => <EdsPriceTable prices={list} ownKind={me.data?.kind} />}</Loadable>
          <Anchor component={Link} to="/public/eds" size="sm">
            {t('svcId.eds.publicLink')}
          </Anchor>
        </Stack>
      </Card>
    </Stack>
  );
}
