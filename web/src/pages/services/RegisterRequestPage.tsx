import { Button, Card, Checkbox, Fieldset, Group, NativeSelect, NumberInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { Loadable, PageHeader, ProblemAlert } from '../../components/feedback.tsx';
import { localised, nowInDushanbeLocal } from '../../lib/format.ts';
import { Link, navigate, useLocation } from '../../lib/router.tsx';
import { useLang } from '../../lib/session.tsx';
import { useAction, useApi } from '../../lib/use-api.ts';
import { CHANNELS, type Catalogue, type Channel, dushanbeInstant, isChannel, loadCatalogue, loadUnits, startsWithDocuments, type Unit } from './model.ts';
import { type ClockInputs, ClockFields, clockBody, isClockReady, ServicePicker, ServiceSummary } from './ServiceFields.tsx';

/** Channels an officer registers for; the cabinet is the taxpayer's own. */
const OFFICER_CHANNELS = CHANNELS.filter((c) => c !== 'cabinet');

function RegisterForm({ catalogue, units, initial }: { catalogue: Catalogue; units: readonly Unit[]; initial: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [serviceKey, setServiceKey] = useState(catalogue.lines.some((l) => l.key === initial) ? initial : '');
  const [channel, setChannel] = useState<Channel>('office');
  const [applicant, setApplicant] = useState({ tin: '', name: '', email: '', phone: '' });
  const [unitCode, setUnitCode] = useState('');
  const [receivedAt, setReceivedAt] = useState(() => nowInDushanbeLocal());
  const [startedAt, setStartedAt] = useState('');
  const [isComplete, setComplete] = useState(true);
  const [hadQueue, setHadQueue] = useState(false);
  const [waitMinutes, setWaitMinutes] = useState<number | ''>('');
  const [clock, setClock] = useState<ClockInputs>({ year: '', month: '', planDate: '' });
  const line = catalogue.lines.find((l) => l.key === serviceKey);
  const hasQueue = line?.deadline.kind === 'minutes';
  const hasStartEvent = line?.startEvent === 'contract_and_payment' || line?.startEvent === 'authority_data';

  const submit = useAction(() => {
    if (!line) throw new Error('no service');
    const who = Object.fromEntries(
      Object.entries(applicant)
        .filter(([, v]) => v.trim() !== '')
        .map(([k, v]) => [k, v.trim()]),
    );
    return api('POST /api/tax-services/requests', {
      body: {
        serviceKey,
        channel,
        applicant: who,
        ...(unitCode ? { unitCode } : {}),
        ...(receivedAt ? { receivedAt: dushanbeInstant(receivedAt) } : {}),
        ...(startsWithDocuments(line) ? { documentsComplete: isComplete } : {}),
        ...(hasStartEvent && startedAt ? { startedAt: dushanbeInstant(startedAt) } : {}),
        ...(hasQueue ? { hadQueue, ...(hadQueue && waitMinutes !== '' ? { queueWaitSeconds: Math.round(waitMinutes * 60) } : {}) } : {}),
        ...clockBody(line, clock),
      },
    });
  });
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const created = await submit.run();
    if (created) navigate(`/services/queue/${created.id}`);
  };
  const field = (name: keyof typeof applicant) => ({
    value: applicant[name],
    onChange: (e: { currentTarget: { value: string } }) => setApplicant({ ...applicant, [name]: e.currentTarget.value }),
    error: submit.error?.messageFor(`applicant.${name}`),
    name: `applicant-${name}`,
  });
  const isApplicantReady = /^\d{9}$/.test(applicant.tin.trim()) || applicant.name.trim() !== '';
  return (
    <Card withBorder radius="md" padding="lg">
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <ServicePicker catalogue={catalogue} value={serviceKey} onChange={setServiceKey} error={submit.error?.messageFor('serviceKey')} />
          {line && <ServiceSummary line={line} />}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t('svc.field.channel')}
              value={channel}
              onChange={(e) => setChannel(isChannel(e.currentTarget.value) ? e.currentTarget.value : 'office')}
              data={OFFICER_CHANNELS.map((c) => ({ value: c, label: t(`svc.channel.${c}`) }))}
              name="channel"
            />
            <NativeSelect
              label={t('svc.form.unit')}
              value={unitCode}
              onChange={(e) => setUnitCode(e.currentTarget.value)}
              data={[{ value: '', label: t('svc.form.unitDefault') }, ...units.map((u) => ({ value: u.code, label: localised(u.name, lang) }))]}
              error={submit.error?.messageFor('unitCode')}
              name="unit"
            />
            <TextInput
              type="datetime-local"
              label={t('svc.form.receivedAt')}
              description={t('svc.form.receivedAtHint')}
              value={receivedAt}
              onChange={(e) => setReceivedAt(e.currentTarget.value)}
              error={submit.error?.messageFor('receivedAt')}
              name="receivedAt"
            />
            {hasStartEvent && (
              <TextInput
                type="datetime-local"
                label={t('svc.form.startedAt')}
                description={t('svc.form.startedAtHint')}
                value={startedAt}
                onChange={(e) => setStartedAt(e.currentTarget.value)}
                error={submit.error?.messageFor('startedAt')}
                name="startedAt"
              />
            )}
          </SimpleGrid>
          {line && <ClockFields line={line} value={clock} onChange={setClock} error={submit.error} />}
          {line && startsWithDocuments(line) && (
            <Checkbox
              label={t('svc.form.documentsComplete')}
              description={t('svc.form.documentsHint')}
              checked={isComplete}
              onChange={(e) => setComplete(e.currentTarget.checked)}
              name="documentsComplete"
            />
          )}
          {hasQueue && (
            <Fieldset legend={t('svc.form.queueTitle')}>
              <Group align="flex-end">
                <Checkbox label={t('svc.form.hadQueue')} checked={hadQueue} onChange={(e) => setHadQueue(e.currentTarget.checked)} name="hadQueue" />
                {hadQueue && (
                  <NumberInput
                    label={t('svc.form.queueWaitMinutes')}
                    value={waitMinutes}
                    onChange={(v) => setWaitMinutes(typeof v === 'number' ? v : '')}
                    min={0}
                    max={1440}
                    error={submit.error?.messageFor('queueWaitSeconds')}
                  />
                )}
              </Group>
            </Fieldset>
          )}
          <Fieldset legend={t('svc.form.applicantTitle')}>
            <Text size="xs" c="dimmed" mb="xs">
              {t('svc.form.applicantHint')}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('svc.field.tin')} inputMode="numeric" maxLength={9} {...field('tin')} />
              <TextInput label={t('svc.field.name')} {...field('name')} />
              <TextInput label={t('svc.field.email')} type="email" {...field('email')} />
              <TextInput label={t('svc.field.phone')} type="tel" {...field('phone')} />
            </SimpleGrid>
          </Fieldset>
          <ProblemAlert
            error={submit.error}
            shownFields={[
              'serviceKey',
              'unitCode',
              'receivedAt',
              'startedAt',
              'period',
              'planDate',
              'queueWaitSeconds',
              'applicant.tin',
              'applicant.name',
              'applicant.email',
              'applicant.phone',
            ]}
          />
          <Group justify="flex-end">
            <Button variant="default" component={Link} to="/services/queue">
              {t('action.cancel')}
            </Button>
            <Button type="submit" loading={submit.isRunning} disabled={!line || !isApplicantReady || !isClockReady(line, clock)} data-testid="register-request">
              {t('svc.form.register')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

/** An officer registers a request that came by another channel, with the applicant, the arrival and the clock inputs (TS-26, TS-16, TS-29, TS-31). */
export function RegisterRequestPage() {
  const { t } = useTranslation();
  const { search } = useLocation();
  const catalogue = useApi(loadCatalogue, []);
  const units = useApi(loadUnits, []);
  const both = {
    ...catalogue,
    data: catalogue.data && units.data ? { catalogue: catalogue.data, units: units.data } : undefined,
    error: catalogue.error ?? units.error,
    reload: () => {
      catalogue.reload();
      units.reload();
    },
  };
  return (
    <Stack maw={920}>
      <PageHeader title={t('svc.form.registerTitle')} subtitle={t('svc.form.registerSubtitle')} />
      <Loadable state={both}>{(d) => <RegisterForm catalogue={d.catalogue} units={d.units} initial={search.get('service') ?? ''} />}</Loadable>
    </Stack>
  );
}
