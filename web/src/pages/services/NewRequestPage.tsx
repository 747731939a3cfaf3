import { Button, Card, Group, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { Loadable, PageHeader, ProblemAlert } from '../../components/feedback.tsx';
import { Link, navigate, useLocation } from '../../lib/router.tsx';
import { useAction, useApi } from '../../lib/use-api.ts';
import { type Catalogue, loadCatalogue } from './model.ts';
import { type ClockInputs, ClockFields, ServicePicker, ServiceSummary, clockBody, isClockReady } from './ServiceFields.tsx';

function NewRequestForm({ catalogue, initial }: { catalogue: Catalogue; initial: string }) {
  const { t } = useTranslation();
  const [serviceKey, setServiceKey] = useState(catalogue.lines.some((l) => l.key === initial) ? initial : '');
  const [clock, setClock] = useState<ClockInputs>({ year: '', month: '', planDate: '' });
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const line = catalogue.lines.find((l) => l.key === serviceKey);
  const submit = useAction(() => {
    if (!line) throw new Error('no service');
    const applicant = { ...(email.trim() ? { email: email.trim() } : {}), ...(phone.trim() ? { phone: phone.trim() } : {}) };
    return api('POST /api/tax-services/requests', {
      body: { serviceKey, ...(Object.keys(applicant).length > 0 ? { applicant } : {}), ...clockBody(line, clock) },
    });
  });
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const created = await submit.run();
    if (created) navigate(`/my/services/${created.id}`);
  };
  return (
    <Card withBorder radius="md" padding="lg">
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <ServicePicker catalogue={catalogue} value={serviceKey} onChange={setServiceKey} error={submit.error?.messageFor('serviceKey')} />
          {line && <ServiceSummary line={line} />}
          {line && <ClockFields line={line} value={clock} onChange={setClock} error={submit.error} />}
          <Text size="sm" fw={600}>
            {t('svc.form.contactHint')}
          </Text>
          <Group grow align="flex-start">
            <TextInput
              label={t('svc.field.email')}
              type="email"
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={submit.error?.messageFor('applicant.email')}
            />
            <TextInput
              label={t('svc.field.phone')}
              type="tel"
              value={phone}
              onChange={(e) => setPhone(e.currentTarget.value)}
              error={submit.error?.messageFor('applicant.phone')}
            />
          </Group>
          <ProblemAlert error={submit.error} shownFields={['serviceKey', 'period', 'planDate', 'applicant.email', 'applicant.phone']} />
          <Group justify="flex-end">
            <Button variant="default" component={Link} to="/my/services">
              {t('action.cancel')}
            </Button>
            <Button type="submit" loading={submit.isRunning} disabled={!line || !isClockReady(line, clock)} data-testid="submit-request">
              {t('svc.form.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

/** The taxpayer applies from the cabinet: a service of the Standard; the clock starts on submission (TS-26, TS-49). */
export function NewRequestPage() {
  const { t } = useTranslation();
  const { search } = useLocation();
  const catalogue = useApi(loadCatalogue, []);
  return (
    <Stack maw={860}>
      <PageHeader title={t('svc.form.newTitle')} subtitle={t('svc.form.newSubtitle')} />
      <Loadable state={catalogue}>{(c) => <NewRequestForm catalogue={c} initial={search.get('service') ?? ''} />}</Loadable>
    </Stack>
  );
}
