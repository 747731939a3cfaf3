import { Button, Card, Fieldset, Group, List, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Output } from '../../../api/client.ts';
import { PageHeader } from '../../../components/feedback.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useLocation } from '../../../lib/router.tsx';
import { useLang } from '../../../lib/session.tsx';
import { useAction } from '../../../lib/use-api.ts';
import { Fact, Facts, IdentityProblem, Outcome, PageLink, retryAfterSeconds } from './parts.tsx';
import { EMPTY_PERSON, isPersonReady, PersonFields, type PersonQuery, personBody } from './PersonFields.tsx';

type Who = 'person' | 'organisation';
type CabinetOutcome = Output<'POST /api/public/tax-services/cabinet-requests'>;
type Organisation = { organisationName: string; fullName: string; position: string; passportNumber: string };
const EMPTY_ORGANISATION: Organisation = { organisationName: '', fullName: '', position: '', passportNumber: '' };
const SHOWN = ['tin', 'passportSeries', 'passportNumber', 'surname', 'birthDate', 'organisationName', 'representative', 'email', 'phone'];

function Result({ outcome }: { outcome: CabinetOutcome }) {
  const { t } = useTranslation();
  const lang = useLang();
  const channel = outcome.sentTo.channel === 'sms' ? t('svcId.cabinet.bySms') : t('svcId.cabinet.byEmail');
  const isOpen = outcome.status === 'completed';
  return (
    <Outcome tone="good" title={isOpen ? t('svcId.cabinet.opened') : t('svcId.cabinet.pending')} testId="cabinet-outcome">
      <Facts>
        <Fact label={t('svcId.cabinet.requestNumber')} testId="cabinet-request-number">
          {outcome.requestNumber}
        </Fact>
        {!isOpen && <Fact label={t('svcId.cabinet.dueAt')}>{formatDateTime(outcome.dueAt, lang)}</Fact>}
      </Facts>
      <Text fw={600} size="sm">
        {t('svcId.cabinet.next')}
      </Text>
      <List size="sm" spacing={4}>
        {!isOpen && <List.Item>{t('svcId.cabinet.nextOfficer', { at: formatDateTime(outcome.dueAt, lang) })}</List.Item>}
        <List.Item>{t('svcId.cabinet.nextCredentials', { channel, address: outcome.sentTo.address })}</List.Item>
        <List.Item>{t('svcId.cabinet.nextLogin')}</List.Item>
        <List.Item>{t('svcId.cabinet.nextChange')}</List.Item>
      </List>
      {isOpen && <PageLink to="/login">{t('svcId.cabinet.loginLink')}</PageLink>}
    </Outcome>
  );
}

/**
 * Asking for a personal cabinet (TS-49, 12.12.01): a natural person whose data match the register
 * gets it at once; an organisation's request waits for an officer (1 working day). Either way the
 * login (the TIN) and a one-time password go to the e-mail or telephone given here.
 */
export function CabinetRequestPage() {
  const { t } = useTranslation();
  const { search } = useLocation();
  const [who, setWho] = useState<Who>('person');
  const [tin, setTin] = useState(search.get('tin') ?? '');
  const [person, setPerson] = useState<PersonQuery>(EMPTY_PERSON);
  const [org, setOrg] = useState<Organisation>(EMPTY_ORGANISATION);
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [outcome, setOutcome] = useState<CabinetOutcome>();
  const ask = useAction(() => {
    const identity =
      who === 'person'
        ? personBody(person)
        : {
            organisationName: org.organisationName.trim(),
            representative: { fullName: org.fullName.trim(), position: org.position.trim(), passportNumber: org.passportNumber.trim() },
          };
    const contact = { ...(email.trim() ? { email: email.trim() } : {}), ...(phone.trim() ? { phone: phone.trim() } : {}) };
    return api('POST /api/public/tax-services/cabinet-requests', { body: { tin: tin.trim(), ...identity, ...contact } });
  });
  const setO = (name: keyof Organisation) => (e: { currentTarget: { value: string } }) => {
    // Read now: React clears the event's target before a state updater runs.
    const value = e.currentTarget.value;
    setOrg((o) => ({ ...o, [name]: value }));
  };
  const isIdentityReady = who === 'person' ? isPersonReady(person) : Object.values(org).every((v) => v.trim() !== '');
  const isReady = /^\d{9}$/.test(tin.trim()) && isIdentityReady && (email.trim() !== '' || phone.trim() !== '');
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const done = await ask.run();
    if (done) setOutcome(done);
  };

  if (outcome)
    return (
      <Stack maw={760}>
        <PageHeader title={t('svcId.cabinet.title')} />
        <Result outcome={outcome} />
      </Stack>
    );
  return (
    <Stack maw={760}>
      <PageHeader title={t('svcId.cabinet.title')} subtitle={t('svcId.cabinet.subtitle')} />
      <Card withBorder radius="md" padding="lg">
        <form onSubmit={onSubmit} noValidate data-testid="cabinet-form">
          <Stack>
            <SegmentedControl
              value={who}
              onChange={(v) => setWho(v === 'organisation' ? 'organisation' : 'person')}
              data={[
                { value: 'person', label: t('svcId.cabinet.person') },
                { value: 'organisation', label: t('svcId.cabinet.organisation') },
              ]}
            />
            <TextInput
              label={t('svcId.field.tin')}
              name="tin"
              value={tin}
              onChange={(e) => setTin(e.currentTarget.value)}
              maxLength={9}
              inputMode="numeric"
              required
              error={ask.error?.messageFor('tin')}
              style={{ maxWidth: 240 }}
            />
            {who === 'person' ? (
              <PersonFields value={person} onChange={setPerson} error={ask.error} />
            ) : (
              <>
                <TextInput
                  label={t('svcId.cabinet.organisationName')}
                  name="organisationName"
                  value={org.organisationName}
                  onChange={setO('organisationName')}
                  maxLength={300}
                  required
                  error={ask.error?.messageFor('organisationName')}
                />
                <Fieldset legend={t('svcId.cabinet.representative')}>
                  <Stack gap="sm">
                    <TextInput label={t('svcId.cabinet.repName')} value={org.fullName} onChange={setO('fullName')} maxLength={200} required />
                    <Group grow align="flex-start">
                      <TextInput label={t('svcId.cabinet.repPosition')} value={org.position} onChange={setO('position')} maxLength={100} required />
                      <TextInput label={t('svcId.field.passportNumber')} value={org.passportNumber} onChange={setO('passportNumber')} maxLength={20} required />
                    </Group>
                    <Text size="xs" c="dimmed">
                      {t('svcId.cabinet.representativeHint')}
                    </Text>
                  </Stack>
                </Fieldset>
              </>
            )}
            <Text size="sm" fw={600}>
              {t('svcId.cabinet.contactHint')}
            </Text>
            <Group grow align="flex-start">
              <TextInput
                label={t('svcId.field.email')}
                type="email"
                name="email"
                value={email}
                onChange={(e) => setEmail(e.currentTarget.value)}
                error={ask.error?.messageFor('email')}
              />
              <TextInput
                label={t('svcId.field.phone')}
                type="tel"
                name="phone"
                value={phone}
                onChange={(e) => setPhone(e.currentTarget.value)}
                error={ask.error?.messageFor('phone')}
              />
            </Group>
            <IdentityProblem error={ask.error} shownFields={SHOWN} onReady={ask.reset} />
            {ask.error?.code === 'CABINET_IDENTITY_MISMATCH' && (
              <Text size="sm">
                {t('svcId.cabinet.mismatchHint')} <PageLink to="/public/tin-lookup">{t('svcId.cabinet.findTinLink')}</PageLink>
              </Text>
            )}
            <Group justify="flex-end">
              <Button type="submit" loading={ask.isRunning} disabled={!isReady || retryAfterSeconds(ask.error) !== undefined} data-testid="cabinet-submit">
                {t('svcId.cabinet.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
    </Stack>
  );
}
