import { Button, Card, Checkbox, Fieldset, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { PageHeader, ProblemAlert } from '../../../components/feedback.tsx';
import { localised, nowInDushanbeLocal } from '../../../lib/format.ts';
import { Link } from '../../../lib/router.tsx';
import { useLang } from '../../../lib/session.tsx';
import { useAction, useApi } from '../../../lib/use-api.ts';
import { dushanbeInstant, loadUnits } from '../model.ts';
import {
  COMPLAINT_SERVICES,
  type ComplaintRegistered,
  type ComplaintService,
  isComplaintService,
  isOfficerChannel,
  OFFICER_CHANNELS,
  type OfficerChannel,
  receiptModeOf,
  serviceLabel,
} from './model.ts';
import { type About, aboutBody, ComplaintSubjectFields, NO_ABOUT, RegisteredCard, ResultLink } from './parts.tsx';

type Complainant = { tin: string; name: string; email: string; phone: string; address: string };
type Receipt = { receiverName: string; receiverSigned: boolean; stamp: string; receivedAt: string; incomingNumber: string; stampedAt: string };

/** The proof of receipt the channel gives (A1 p.14, TS-16), in the API's shape. */
function receiptBody(channel: OfficerChannel, r: Receipt) {
  const mode = receiptModeOf(channel);
  if (mode === 'in_person')
    return {
      receipt: {
        receiverName: r.receiverName.trim(),
        receiverSigned: r.receiverSigned,
        stamp: r.stamp.trim(),
        ...(r.receivedAt ? { receivedAt: dushanbeInstant(r.receivedAt) } : {}),
      },
    };
  if (mode === 'incoming_stamp')
    return { receipt: { incomingNumber: r.incomingNumber.trim(), ...(r.stampedAt ? { stampedAt: dushanbeInstant(r.stampedAt) } : {}) } };
  return {};
}

/**
 * An officer registers a complaint that came by post, in person, by the trust telephone 2330905 or
 * 151, by e-mail or by chat (TS-15, TS-39), with its proof of receipt (TS-16). E-mail is 11.11.05 and
 * 11.11.05 is e-mail, so choosing one sets the other. The complainant gets a number and a secret too.
 */
export function RegisterComplaintPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const units = useApi(loadUnits, []);
  const [serviceKey, setServiceKey] = useState<ComplaintService>('11.11.02');
  const [channel, setChannel] = useState<OfficerChannel>('post');
  const [who, setWho] = useState<Complainant>({ tin: '', name: '', email: '', phone: '', address: '' });
  const [about, setAbout] = useState<About>(NO_ABOUT);
  const [text, setText] = useState('');
  const [decisionRef, setDecisionRef] = useState('');
  const [declarationRef, setDeclarationRef] = useState('');
  const [unitCode, setUnitCode] = useState('');
  const [receipt, setReceipt] = useState<Receipt>(() => ({
    receiverName: '',
    receiverSigned: false,
    stamp: '',
    receivedAt: '',
    incomingNumber: '',
    stampedAt: nowInDushanbeLocal(),
  }));
  const [made, setMade] = useState<ComplaintRegistered>();
  const mode = receiptModeOf(channel);

  const pickService = (s: ComplaintService) => {
    setServiceKey(s);
    if (s === '11.11.05') setChannel('email');
    else if (channel === 'email') setChannel('post');
  };
  const pickChannel = (c: OfficerChannel) => {
    setChannel(c);
    if (c === 'email') setServiceKey('11.11.05');
    else if (serviceKey === '11.11.05') setServiceKey('11.11.02');
  };

  const submit = useAction(() => {
    const complainant = Object.fromEntries(Object.entries(who).flatMap(([k, v]) => (v.trim() ? [[k, v.trim()]] : [])));
    return api('POST /api/tax-services/complaints', {
      body: {
        serviceKey,
        channel,
        complainant: { ...complainant, name: who.name.trim() },
        ...aboutBody(about),
        ...(serviceKey === '11.11.01' ? { decisionRef: decisionRef.trim() } : {}),
        ...(serviceKey === '11.11.04' ? { declarationRef: declarationRef.trim() } : {}),
        text: text.trim(),
        ...(unitCode ? { unitCode } : {}),
        ...receiptBody(channel, receipt),
      },
    });
  });
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const done = await submit.run();
    if (done) {
      setMade(done);
      window.scrollTo(0, 0);
    }
  };
  const person = (name: keyof Complainant) => ({
    value: who[name],
    onChange: (e: { currentTarget: { value: string } }) => setWho({ ...who, [name]: e.currentTarget.value }),
    error: submit.error?.messageFor(`complainant.${name}`),
    name: `complainant-${name}`,
  });
  const proof = (name: 'receiverName' | 'stamp' | 'receivedAt' | 'incomingNumber' | 'stampedAt') => ({
    value: receipt[name],
    onChange: (e: { currentTarget: { value: string } }) => setReceipt({ ...receipt, [name]: e.currentTarget.value }),
    error: submit.error?.messageFor(`receipt.${name}`),
    name: `receipt-${name}`,
  });

  if (made)
    return (
      <Stack maw={920}>
        <PageHeader title={t('svq.registerForm.title')} />
        <RegisteredCard
          made={made}
          extra={
            <Stack gap={4}>
              <Text size="sm">{t('svq.registered.tellComplainant')}</Text>
              {made.id && made.receiptCopyResultId && (
                <ResultLink requestId={made.id} resultId={made.receiptCopyResultId} testId="receipt-copy">
                  {t('svq.registered.receiptCopy')}
                </ResultLink>
              )}
            </Stack>
          }
          actions={
            made.id && (
              <Button variant="default" component={Link} to={`/services/complaints/${made.id}`}>
                {t('svq.registered.openComplaint')}
              </Button>
            )
          }
        />
      </Stack>
    );

  return (
    <Stack maw={920}>
      <PageHeader title={t('svq.registerForm.title')} subtitle={t('svq.registerForm.subtitle')} />
      <Card withBorder radius="md" padding="lg">
        <form onSubmit={onSubmit} noValidate>
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NativeSelect
                label={t('svq.field.service')}
                value={serviceKey}
                onChange={(e) => isComplaintService(e.currentTarget.value) && pickService(e.currentTarget.value)}
                data={COMPLAINT_SERVICES.map((s) => ({ value: s, label: `${s} · ${t(serviceLabel(s))}` }))}
                error={submit.error?.messageFor('serviceKey')}
                name="serviceKey"
              />
              <NativeSelect
                label={t('svq.field.channel')}
                value={channel}
                onChange={(e) => isOfficerChannel(e.currentTarget.value) && pickChannel(e.currentTarget.value)}
                data={OFFICER_CHANNELS.map((c) => ({ value: c, label: t(`svc.channel.${c}`) }))}
                error={submit.error?.messageFor('channel')}
                name="channel"
              />
            </SimpleGrid>
            <Fieldset legend={`${t('svq.registerForm.receiptTitle')}: ${t(`svq.receiptMode.${mode}`)}`} data-testid="receipt-fields">
              {mode === 'in_person' && (
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <TextInput label={t('svq.registerForm.receiverName')} required {...proof('receiverName')} />
                  <TextInput label={t('svq.registerForm.stamp')} required {...proof('stamp')} />
                  <TextInput type="datetime-local" label={t('svq.registerForm.receivedAt')} {...proof('receivedAt')} />
                  <Checkbox
                    mt="lg"
                    label={t('svq.registerForm.receiverSigned')}
                    checked={receipt.receiverSigned}
                    onChange={(e) => setReceipt({ ...receipt, receiverSigned: e.currentTarget.checked })}
                    error={submit.error?.messageFor('receipt.receiverSigned')}
                    name="receipt-receiverSigned"
                  />
                </SimpleGrid>
              )}
              {mode === 'incoming_stamp' && (
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <TextInput label={t('svq.registerForm.incomingNumber')} required {...proof('incomingNumber')} />
                  <TextInput
                    type="datetime-local"
                    label={t('svq.registerForm.stampedAt')}
                    description={t('svq.registerForm.stampedAtHint')}
                    required
                    {...proof('stampedAt')}
                  />
                </SimpleGrid>
              )}
              {mode === 'electronic' && (
                <Text size="sm" c="dimmed">
                  {t('svq.registerForm.electronicHint')}
                </Text>
              )}
            </Fieldset>
            <Fieldset legend={t('svq.field.complainant')}>
              <Stack gap="sm">
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <TextInput label={t('svq.field.name')} required maxLength={300} {...person('name')} />
                  <TextInput label={t('svq.field.tin')} inputMode="numeric" maxLength={9} {...person('tin')} />
                  <TextInput label={t('svq.field.email')} type="email" maxLength={200} {...person('email')} />
                  <TextInput label={t('svq.field.phone')} type="tel" maxLength={20} {...person('phone')} />
                </SimpleGrid>
                <TextInput label={t('svq.field.address')} maxLength={500} {...person('address')} />
                <Text size="xs" c="dimmed">
                  {t('svq.registerForm.replyHint')}
                </Text>
              </Stack>
            </Fieldset>
            <ComplaintSubjectFields
              serviceKey={serviceKey}
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
            />
            <NativeSelect
              label={t('svq.field.reviewingUnit')}
              value={unitCode}
              onChange={(e) => setUnitCode(e.currentTarget.value)}
              data={[{ value: '', label: t('svc.form.unitDefault') }, ...(units.data ?? []).map((u) => ({ value: u.code, label: localised(u.name, lang) }))]}
              error={submit.error?.messageFor('unitCode')}
              name="unitCode"
            />
            <ProblemAlert
              error={submit.error}
              shownFields={[
                'serviceKey',
                'channel',
                'text',
                'unitCode',
                'decisionRef',
                'declarationRef',
                'about.unitCode',
                'about.officialName',
                'receipt',
                'complainant.tin',
                'complainant.name',
                'complainant.email',
                'complainant.phone',
                'complainant.address',
              ]}
            />
            <Group justify="flex-end">
              <Button variant="default" component={Link} to="/services/complaints">
                {t('action.cancel')}
              </Button>
              <Button type="submit" loading={submit.isRunning} disabled={text.trim() === '' || who.name.trim() === ''} data-testid="register-complaint">
                {t('svq.registerForm.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
    </Stack>
  );
}
