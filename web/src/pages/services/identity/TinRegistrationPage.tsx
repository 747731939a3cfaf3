import { Button, Card, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Output } from '../../../api/client.ts';
import { PageHeader } from '../../../components/feedback.tsx';
import { formatDateTime, formatLongDate, localised } from '../../../lib/format.ts';
import { useLang } from '../../../lib/session.tsx';
import { useAction, useApi } from '../../../lib/use-api.ts';
import { loadUnits } from '../model.ts';
import { fromBase64 } from './keys.ts';
import { Fact, Facts, IdentityProblem, Outcome, PageLink, retryAfterSeconds, SaveFile, TinFigure } from './parts.tsx';
import { BirthDateField, EMPTY_PERSON, PassportFields, type PersonQuery, personBody, SurnameField } from './PersonFields.tsx';

type Registered = Output<'POST /api/public/tax-services/tin-registrations'>;
type Form = { givenName: string; patronymic: string; address: string; unitCode: string; email: string; phone: string };
const EMPTY_FORM: Form = { givenName: '', patronymic: '', address: '', unitCode: '', email: '', phone: '' };
const SHOWN = ['surname', 'givenName', 'patronymic', 'birthDate', 'passportSeries', 'passportNumber', 'address', 'unitCode', 'email', 'phone'];

/** Only a city or district inspectorate or a regional department registers taxpayers (TIN_UNIT_INVALID otherwise). */
const REGISTERING_KINDS = ['inspectorate', 'regional'];

const optional = (name: string, value: string) => (value.trim() ? { [name]: value.trim() } : {});

/** The register's refusals that need more than their title: when 16 is reached, and where to find an existing TIN. */
function RefusalHint({ code, details }: { code: string | undefined; details: Record<string, unknown> | undefined }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (code === 'TIN_APPLICANT_UNDER_16' && typeof details?.reachesAgeOn === 'string')
    return (
      <Text size="sm" data-testid="under-16">
        {t('svcId.register.under16', { date: formatLongDate(details.reachesAgeOn, lang) })}
      </Text>
    );
  if (code === 'TIN_ALREADY_ASSIGNED')
    return (
      <Text size="sm" data-testid="already-assigned">
        {t('svcId.register.alreadyAssigned')} <PageLink to="/public/tin-lookup">{t('svcId.register.findTinLink')}</PageLink>
      </Text>
    );
  return null;
}

function Success({ done, emailed }: { done: Registered; emailed: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const pdf = useMemo(() => fromBase64(done.certificatePdfBase64) ?? new Uint8Array(), [done.certificatePdfBase64]);
  const verify = `/public/tin-certificate?number=${encodeURIComponent(done.certificateNumber)}&tin=${done.tin}`;
  return (
    <Outcome tone="good" title={t('svcId.register.success')} testId="tin-registered">
      <TinFigure tin={done.tin} />
      <Facts>
        <Fact label={t('svcId.register.certificateNumber')} testId="certificate-number">
          {done.certificateNumber}
        </Fact>
        <Fact label={t('svcId.register.registeredAt')}>{formatDateTime(done.registeredAt, lang)}</Fact>
        <Fact label={t('svcId.register.requestNumber')}>{done.requestNumber}</Fact>
        <Fact label="SHA-256">
          <Text span size="xs" ff="monospace">
            {done.certificateSha256}
          </Text>
        </Fact>
      </Facts>
      <Group gap="sm">
        <SaveFile bytes={pdf} fileName={`tin-certificate-${done.tin}.pdf`} mediaType="application/pdf" testId="download-certificate">
          {t('svcId.register.download')}
        </SaveFile>
      </Group>
      {emailed && <Text size="sm">{t('svcId.register.emailed')}</Text>}
      <Group gap="md">
        <PageLink to={verify}>{t('svcId.register.verify')}</PageLink>
        <PageLink to={`/public/cabinet?tin=${done.tin}`}>{t('svcId.register.openCabinet')}</PageLink>
      </Group>
    </Outcome>
  );
}

/**
 * Online TIN registration for a citizen of 16 or more who has none (TS-20, TS-45, 01.01.01): the TIN
 * and the electronic certificate (PDF) at once; a refusal at the door says why in words.
 */
export function TinRegistrationPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const [person, setPerson] = useState<PersonQuery>(EMPTY_PERSON);
  const [form, setForm] = useState<Form>(EMPTY_FORM);
  const [done, setDone] = useState<Registered>();
  const units = useApi(loadUnits, []);
  const registering = (units.data ?? []).filter((u) => REGISTERING_KINDS.includes(u.kind));
  const register = useAction(() =>
    api('POST /api/public/tax-services/tin-registrations', {
      body: {
        ...personBody(person),
        givenName: form.givenName.trim(),
        ...optional('patronymic', form.patronymic),
        address: form.address.trim(),
        ...optional('unitCode', form.unitCode),
        ...optional('email', form.email),
        ...optional('phone', form.phone),
      },
    }),
  );
  const set = (name: keyof Form) => (e: { currentTarget: { value: string } }) => {
    // Read now: React clears the event's target before a state updater runs.
    const value = e.currentTarget.value;
    setForm((f) => ({ ...f, [name]: value }));
  };
  const isReady =
    person.surname.trim() !== '' &&
    form.givenName.trim() !== '' &&
    person.birthDate !== '' &&
    person.passportNumber.trim() !== '' &&
    form.address.trim() !== '';
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const registered = await register.run();
    if (registered) setDone(registered);
  };

  if (done)
    return (
      <Stack maw={760}>
        <PageHeader title={t('svcId.register.title')} />
        <Success done={done} emailed={form.email.trim() !== ''} />
      </Stack>
    );
  return (
    <Stack maw={760}>
      <PageHeader title={t('svcId.register.title')} subtitle={t('svcId.register.subtitle')} />
      <Card withBorder radius="md" padding="lg">
        <form onSubmit={onSubmit} noValidate data-testid="tin-registration-form">
          <Stack>
            <Group grow align="flex-start">
              <SurnameField value={person} onChange={setPerson} error={register.error} />
              <TextInput
                label={t('svcId.field.givenName')}
                name="givenName"
                value={form.givenName}
                onChange={set('givenName')}
                maxLength={60}
                autoComplete="given-name"
                required
                error={register.error?.messageFor('givenName')}
              />
              <TextInput
                label={t('svcId.field.patronymic')}
                name="patronymic"
                value={form.patronymic}
                onChange={set('patronymic')}
                maxLength={60}
                autoComplete="additional-name"
                error={register.error?.messageFor('patronymic')}
              />
            </Group>
            <BirthDateField value={person} onChange={setPerson} error={register.error} />
            <PassportFields value={person} onChange={setPerson} error={register.error} />
            <TextInput
              label={t('svcId.field.address')}
              name="address"
              value={form.address}
              onChange={set('address')}
              maxLength={300}
              autoComplete="street-address"
              required
              error={register.error?.messageFor('address')}
            />
            <NativeSelect
              label={t('svcId.field.unit')}
              name="unitCode"
              value={form.unitCode}
              onChange={set('unitCode')}
              error={register.error?.messageFor('unitCode')}
              data={[{ value: '', label: t('svcId.field.unitDefault') }, ...registering.map((u) => ({ value: u.code, label: localised(u.name, lang) }))]}
            />
            <Text size="sm" fw={600}>
              {t('svcId.register.contactHint')}
            </Text>
            <Group grow align="flex-start">
              <TextInput
                label={t('svcId.field.email')}
                type="email"
                name="email"
                value={form.email}
                onChange={set('email')}
                autoComplete="email"
                error={register.error?.messageFor('email')}
              />
              <TextInput
                label={t('svcId.field.phone')}
                type="tel"
                name="phone"
                value={form.phone}
                onChange={set('phone')}
                autoComplete="tel"
                error={register.error?.messageFor('phone')}
              />
            </Group>
            <Text size="xs" c="dimmed">
              {t('svcId.register.ageNote')}
            </Text>
            <IdentityProblem error={register.error} shownFields={SHOWN} onReady={register.reset} />
            <RefusalHint code={register.error?.code} details={register.error?.details} />
            <Group justify="flex-end">
              <Button
                type="submit"
                loading={register.isRunning}
                disabled={!isReady || retryAfterSeconds(register.error) !== undefined}
                data-testid="tin-register-submit"
              >
                {t('svcId.register.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
    </Stack>
  );
}
