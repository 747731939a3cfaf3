import { Alert, Button, Card, Fieldset, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { PageHeader, ProblemAlert } from '../../../components/feedback.tsx';
import { Link } from '../../../lib/router.tsx';
import { useSession } from '../../../lib/session.tsx';
import { useAction, useApi } from '../../../lib/use-api.ts';
import { loadUnits } from '../model.ts';
import type { ComplaintRegistered } from './model.ts';
import { type About, aboutBody, ComplaintSubjectFields, NO_ABOUT, RegisteredCard } from './parts.tsx';

/** From the personal cabinet the Book also takes the taxpayer's own affairs (TS-49): 11.11.01 and 11.11.04 need the session's TIN. */
const CABINET_SERVICES = ['11.11.02', '11.11.01', '11.11.04'] as const;
type BookService = (typeof CABINET_SERVICES)[number];
const isBookService = (v: string): v is BookService => (CABINET_SERVICES as readonly string[]).includes(v);

type Contact = { name: string; email: string; phone: string; address: string };
const trimmed = (c: Contact) => Object.fromEntries(Object.entries(c).flatMap(([k, v]) => (v.trim() ? [[k, v.trim()]] : []))) as Partial<Contact>;

/**
 * The online Book of complaints (TS-40): anyone files a complaint about an official, a unit, an
 * action or an inaction, and gets its registration number and a secret, shown once, that open the
 * status page. A typed TIN is not taken (the reply would go to someone else's cabinet); a logged-in
 * taxpayer's TIN is the session's.
 */
export function ComplaintBookPage() {
  const { t } = useTranslation();
  const { role } = useSession();
  const isCabinet = role === 'taxpayer' || role === 'business';
  const units = useApi(loadUnits, []);
  const [serviceKey, setServiceKey] = useState<BookService>('11.11.02');
  const [about, setAbout] = useState<About>(NO_ABOUT);
  const [text, setText] = useState('');
  const [decisionRef, setDecisionRef] = useState('');
  const [declarationRef, setDeclarationRef] = useState('');
  const [contact, setContact] = useState<Contact>({ name: '', email: '', phone: '', address: '' });
  const [made, setMade] = useState<ComplaintRegistered>();
  const service = isCabinet ? serviceKey : '11.11.02';

  const submit = useAction(() =>
    api('POST /api/public/tax-services/complaint-book', {
      body: {
        ...(service !== '11.11.02' ? { serviceKey: service } : {}),
        complainant: { name: contact.name.trim(), ...trimmed({ ...contact, name: '' }) },
        ...aboutBody(about),
        ...(service === '11.11.01' ? { decisionRef: decisionRef.trim() } : {}),
        ...(service === '11.11.04' ? { declarationRef: declarationRef.trim() } : {}),
        text: text.trim(),
      },
    }),
  );
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const done = await submit.run();
    if (done) {
      setMade(done);
      window.scrollTo(0, 0);
    }
  };
  const again = () => {
    setMade(undefined);
    setText('');
    setAbout(NO_ABOUT);
    setDecisionRef('');
    setDeclarationRef('');
    submit.reset();
  };
  const field = (name: keyof Contact) => ({
    value: contact[name],
    onChange: (e: { currentTarget: { value: string } }) => setContact({ ...contact, [name]: e.currentTarget.value }),
    error: submit.error?.messageFor(`complainant.${name}`),
    name: `complainant-${name}`,
  });
  const isReady =
    text.trim() !== '' &&
    contact.name.trim() !== '' &&
    (service !== '11.11.01' || decisionRef.trim() !== '') &&
    (service !== '11.11.04' || declarationRef.trim() !== '');

  const links = (
    <Group gap="xs">
      <Button variant="default" component={Link} to="/public/complaint-status">
        {t('svq.book.status')}
      </Button>
      <Button variant="subtle" component={Link} to="/public/complaint-channels">
        {t('svq.book.channels')}
      </Button>
    </Group>
  );

  if (made)
    return (
      <Stack maw={920}>
        <PageHeader title={t('svq.book.title')} />
        <RegisteredCard
          made={made}
          actions={
            <Button variant="default" onClick={again}>
              {t('svq.registered.again')}
            </Button>
          }
        />
      </Stack>
    );

  return (
    <Stack maw={920}>
      <PageHeader title={t('svq.book.title')} subtitle={t('svq.book.subtitle')} actions={links} />
      {isCabinet && (
        <Alert color="blue" variant="light">
          {t('svq.book.cabinetNote')}
        </Alert>
      )}
      <Card withBorder radius="md" padding="lg">
        <form onSubmit={onSubmit} noValidate>
          <Stack>
            {isCabinet && (
              <NativeSelect
                label={t('svq.field.service')}
                value={serviceKey}
                onChange={(e) => isBookService(e.currentTarget.value) && setServiceKey(e.currentTarget.value)}
                data={CABINET_SERVICES.map((s) => ({ value: s, label: `${s} · ${t(`svq.service.s${s.slice(-2) as '01' | '02' | '04'}`)}` }))}
                name="serviceKey"
              />
            )}
            <ComplaintSubjectFields
              serviceKey={service}
              about={about}
              onAbout={setAbout}
              units={units.data ?? []}
              decisionRef={decisionRef}
              onDecisionRef={setDecisionRef}
              declarationRef={declarationRef}
              onDeclarationRef={setDeclarationRef}
              text={text}
              onText={setText}
              error={submit.error}
              maxTextLength={20_000}
            />
            <Fieldset legend={t('svq.field.complainant')}>
              <Stack gap="sm">
                <TextInput label={t('svq.field.name')} required maxLength={300} {...field('name')} />
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <TextInput label={t('svq.field.email')} type="email" maxLength={200} {...field('email')} />
                  <TextInput label={t('svq.field.phone')} type="tel" maxLength={20} {...field('phone')} />
                </SimpleGrid>
                <TextInput label={t('svq.field.address')} maxLength={500} {...field('address')} />
                <Text size="xs" c="dimmed">
                  {t('svq.book.contactHint')}
                </Text>
              </Stack>
            </Fieldset>
            <ProblemAlert
              error={submit.error}
              shownFields={[
                'text',
                'decisionRef',
                'declarationRef',
                'about.unitCode',
                'about.officialName',
                'complainant.name',
                'complainant.email',
                'complainant.phone',
                'complainant.address',
              ]}
            />
            <Group justify="flex-end">
              <Button type="submit" loading={submit.isRunning} disabled={!isReady} data-testid="file-complaint">
                {t('svq.book.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
    </Stack>
  );
}
