import { Button, Card, Code, FileInput, Group, SegmentedControl, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Output, send } from '../../../api/client.ts';
import { Loadable, PageHeader, ProblemAlert } from '../../../components/feedback.tsx';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { MAX_ATTACHMENT_BYTES } from '../../../lib/files.ts';
import { useLang } from '../../../lib/session.tsx';
import { useAction, useApi } from '../../../lib/use-api.ts';
import { dushanbeInstant } from '../model.ts';
import { EdsPriceTable } from './EdsParts.tsx';
import { toBase64 } from './keys.ts';
import { isEdsFault } from './model.ts';
import { Fact, Facts, Outcome, SaveFile } from './parts.tsx';

type Verdict = Output<'POST /api/public/tax-services/eds/verify'>;
type CertBy = 'pem' | 'serial';
type MessageBy = 'text' | 'file';

function VerdictCard({ verdict }: { verdict: Verdict }) {
  const { t } = useTranslation();
  const lang = useLang();
  const c = verdict.certificate;
  const title = verdict.isValid
    ? t('svcId.edsPublic.valid')
    : isEdsFault(verdict.fault)
      ? t(`svcId.edsPublic.fault.${verdict.fault}`)
      : t('svcId.edsPublic.invalid');
  return (
    <Outcome tone={verdict.isValid ? 'good' : 'bad'} title={title} testId="eds-verdict">
      {c && (
        <Facts>
          <Fact label={t('svcId.eds.subject')}>{c.subject}</Fact>
          <Fact label={t('svcId.field.tin')}>{c.tin}</Fact>
          <Fact label={t('svcId.eds.serial')}>
            <Text span size="xs" ff="monospace">
              {c.serialNumber}
            </Text>
          </Fact>
          <Fact label={t('svcId.edsPublic.validity')}>
            {formatDate(c.notBefore, lang)} – {formatDate(c.notAfter, lang)}
          </Fact>
          {c.revokedAt && <Fact label={t('svcId.edsPublic.revokedAt')}>{formatDateTime(c.revokedAt, lang)}</Fact>}
        </Facts>
      )}
    </Outcome>
  );
}

/** Does a signature verify with a certificate of the platform's authority, in force and not revoked when it was made (TS-50). */
function VerifyForm() {
  const { t } = useTranslation();
  const [certBy, setCertBy] = useState<CertBy>('pem');
  const [pem, setPem] = useState('');
  const [serial, setSerial] = useState('');
  const [messageBy, setMessageBy] = useState<MessageBy>('text');
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [signature, setSignature] = useState('');
  const [signedAt, setSignedAt] = useState('');
  const [verdict, setVerdict] = useState<Verdict>();
  const verify = useAction(async () => {
    const message = messageBy === 'file' && file ? new Uint8Array(await file.arrayBuffer()) : new TextEncoder().encode(text);
    const certificate = certBy === 'pem' ? { certificatePem: pem.trim() } : { serialNumber: serial.trim() };
    return api('POST /api/public/tax-services/eds/verify', {
      body: {
        ...certificate,
        messageBase64: toBase64(message),
        signatureBase64: signature.replace(/\s+/g, ''),
        ...(signedAt ? { signedAt: dushanbeInstant(signedAt) } : {}),
      },
    });
  });
  const isFileTooLarge = messageBy === 'file' && file !== null && file.size > MAX_ATTACHMENT_BYTES;
  const isReady =
    (certBy === 'pem' ? pem.trim() !== '' : serial.trim() !== '') &&
    (messageBy === 'file' ? file !== null && !isFileTooLarge : true) &&
    signature.trim() !== '';
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setVerdict(undefined);
    const answer = await verify.run();
    if (answer) setVerdict(answer);
  };
  return (
    <Stack>
      <Card withBorder radius="md" padding="lg">
        <form onSubmit={onSubmit} noValidate data-testid="eds-verify-form">
          <Stack>
            <Title order={2} fz={18}>
              {t('svcId.edsPublic.verifyTitle')}
            </Title>
            <SegmentedControl
              value={certBy}
              onChange={(v) => setCertBy(v === 'serial' ? 'serial' : 'pem')}
              data={[
                { value: 'pem', label: t('svcId.edsPublic.byPem') },
                { value: 'serial', label: t('svcId.edsPublic.bySerial') },
              ]}
            />
            {certBy === 'pem' ? (
              <Textarea
                label={t('svcId.edsPublic.certificatePem')}
                value={pem}
                onChange={(e) => setPem(e.currentTarget.value)}
                autosize
                minRows={4}
                maxRows={10}
                ff="monospace"
              />
            ) : (
              <TextInput
                label={t('svcId.eds.serial')}
                value={serial}
                onChange={(e) => setSerial(e.currentTarget.value)}
                maxLength={40}
                error={verify.error?.messageFor('serialNumber')}
                ff="monospace"
              />
            )}
            <SegmentedControl
              value={messageBy}
              onChange={(v) => setMessageBy(v === 'file' ? 'file' : 'text')}
              data={[
                { value: 'text', label: t('svcId.edsPublic.messageText') },
                { value: 'file', label: t('svcId.edsPublic.messageFile') },
              ]}
            />
            {messageBy === 'text' ? (
              <Textarea
                label={t('svcId.edsPublic.message')}
                description={t('svcId.edsPublic.messageHint')}
                value={text}
                onChange={(e) => setText(e.currentTarget.value)}
                autosize
                minRows={3}
              />
            ) : (
              <FileInput
                label={t('svcId.edsPublic.message')}
                value={file}
                onChange={setFile}
                clearable
                error={isFileTooLarge ? t('svcId.edsPublic.fileTooLarge') : undefined}
              />
            )}
            <Textarea
              label={t('svcId.edsPublic.signature')}
              description={t('svcId.edsPublic.signatureHint')}
              value={signature}
              onChange={(e) => setSignature(e.currentTarget.value)}
              error={verify.error?.messageFor('signatureBase64')}
              autosize
              minRows={2}
              ff="monospace"
            />
            <TextInput
              type="datetime-local"
              label={t('svcId.edsPublic.signedAt')}
              description={t('svcId.edsPublic.signedAtHint')}
              value={signedAt}
              onChange={(e) => setSignedAt(e.currentTarget.value)}
              style={{ maxWidth: 320 }}
            />
            <ProblemAlert error={verify.error} shownFields={['serialNumber', 'signatureBase64']} />
            <Group justify="flex-end">
              <Button type="submit" loading={verify.isRunning} disabled={!isReady} data-testid="eds-verify-submit">
                {t('svcId.edsPublic.verify')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
      {verdict && <VerdictCard verdict={verdict} />}
    </Stack>
  );
}

/** The platform's EDS authority in public (12.12.02): its certificate (the trust anchor), the price list and the signature check. */
export function EdsPublicPage() {
  const { t } = useTranslation();
  const ca = useApi(async () => String(await send('GET', '/api/public/tax-services/eds/ca')), []);
  const prices = useApi(() => api('GET /api/public/tax-services/eds/prices'), []);
  return (
    <Stack maw={900}>
      <PageHeader title={t('svcId.edsPublic.title')} subtitle={t('svcId.edsPublic.subtitle')} />
      <Card withBorder radius="md" padding="lg">
        <Stack gap="sm">
          <Title order={2} fz={18}>
            {t('svcId.edsPublic.caTitle')}
          </Title>
          <Text size="sm">{t('svcId.edsPublic.caHint')}</Text>
          <Loadable state={ca}>
            {(pem) => (
              <Stack gap="xs">
                <Code block data-testid="eds-ca" style={{ maxHeight: 220, overflow: 'auto' }}>
                  {pem}
                </Code>
                <Group>
                  <SaveFile bytes={pem} fileName="bekogaz-eds-ca.pem" mediaType="application/x-pem-file">
                    {t('svcId.edsPublic.downloadCa')}
                  </SaveFile>
                </Group>
              </Stack>
            )}
          </Loadable>
        </Stack>
      </Card>
      <VerifyForm />
      <Card withBorder radius="md" padding="lg">
        <Stack gap="sm">
          <Title order={2} fz={18}>
            {t('svcId.eds.prices')}
          </Title>
          <Loadable state={prices}>{(list) => <EdsPriceTable prices={list} />}</Loadable>
        </Stack>
      </Card>
    </Stack>
  );
}
