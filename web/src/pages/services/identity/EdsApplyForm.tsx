import { Alert, Button, Card, Checkbox, Group, NativeSelect, SegmentedControl, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { ProblemAlert } from '../../../components/feedback.tsx';
import { formatDate } from '../../../lib/format.ts';
import { useLang, useSession } from '../../../lib/session.tsx';
import { useAction } from '../../../lib/use-api.ts';
import { type BrowserKey, certificateRequestPem, generateEdsKey, pemLabel } from './keys.ts';
import type { EdsApplication, EdsCertificate } from './model.ts';
import { NeedsWebCrypto, SaveFile } from './parts.tsx';

type Source = 'generate' | 'paste';
const SHOWN = ['csrPem', 'publicKeySpki', 'renewsCertificateId', 'email', 'phone'];

/** The key made here: generated on request, its private half offered as a file before anything is sent. */
function GenerateKey({
  tin,
  keyPair,
  onKey,
  isSaved,
  onSaved,
}: {
  tin: string;
  keyPair: BrowserKey | undefined;
  onKey: (k: BrowserKey) => void;
  isSaved: boolean;
  onSaved: (v: boolean) => void;
}) {
  const { t } = useTranslation();
  const [isMaking, setMaking] = useState(false);
  const make = async () => {
    setMaking(true);
    try {
      onKey(await generateEdsKey());
      onSaved(false);
    } finally {
      setMaking(false);
    }
  };
  return (
    <NeedsWebCrypto>
      <Stack gap="sm">
        <Text size="sm">{t('svcId.eds.generateHint')}</Text>
        <Group>
          <Button variant={keyPair ? 'default' : 'filled'} loading={isMaking} onClick={make} data-testid="eds-generate">
            {keyPair ? t('svcId.eds.generateAgain') : t('svcId.eds.generate')}
          </Button>
          {keyPair && (
            <SaveFile
              bytes={keyPair.privateKeyPem}
              fileName={`eds-private-key-${tin}.pem`}
              mediaType="application/x-pem-file"
              testId="eds-save-key"
              onSaved={() => onSaved(true)}
            >
              {t('svcId.eds.saveKey')}
            </SaveFile>
          )}
        </Group>
        {keyPair && (
          <Alert color="orange" variant="light" title={t('svcId.eds.keyWarningTitle')}>
            <Stack gap="xs">
              <Text size="sm">{t('svcId.eds.keyWarning')}</Text>
              <Checkbox checked={isSaved} onChange={(e) => onSaved(e.currentTarget.checked)} label={t('svcId.eds.keySaved')} data-testid="eds-key-saved" />
            </Stack>
          </Alert>
        )}
      </Stack>
    </NeedsWebCrypto>
  );
}

/**
 * Applying for an EDS certificate or its renewal (12.12.02, TS-50): with a key made in this browser
 * (sent as a PKCS#10 request signed with it; the private key stays with the holder), or a pasted
 * request or public key; and where the expiry reminders go.
 */
export function EdsApplyForm({
  certificates,
  renewId,
  onRenewIdChange,
  onApplied,
}: {
  certificates: readonly EdsCertificate[];
  renewId: string;
  onRenewIdChange: (id: string) => void;
  onApplied: (a: EdsApplication) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const { principal } = useSession();
  const tin = principal?.tin ?? '';
  const [source, setSource] = useState<Source>('generate');
  const [keyPair, setKeyPair] = useState<BrowserKey>();
  const [isSaved, setSaved] = useState(false);
  const [pasted, setPasted] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const renewable = certificates.filter((c) => c.state === 'active' && !c.renewedBy);
  const apply = useAction(async () => {
    const text = pasted.trim();
    const key =
      source === 'generate' && keyPair
        ? { csrPem: await certificateRequestPem(keyPair, tin) }
        : pemLabel(text)?.endsWith('CERTIFICATE REQUEST')
          ? { csrPem: text }
          : { publicKeySpki: text };
    const contact = { ...(email.trim() ? { email: email.trim() } : {}), ...(phone.trim() ? { phone: phone.trim() } : {}) };
    return api('POST /api/tax-services/eds/applications', { body: { ...key, ...(renewId ? { renewsCertificateId: renewId } : {}), ...contact } });
  });
  const isReady = source === 'generate' ? keyPair !== undefined && isSaved : pasted.trim() !== '';
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const applied = await apply.run();
    if (applied) {
      setKeyPair(undefined);
      setPasted('');
      onApplied(applied);
    }
  };
  return (
    <Card withBorder radius="md" padding="lg" id="eds-apply">
      <form onSubmit={onSubmit} noValidate data-testid="eds-apply-form">
        <Stack>
          <Title order={2} fz={18}>
            {renewId ? t('svcId.eds.renewTitle') : t('svcId.eds.applyTitle')}
          </Title>
          {renewable.length > 0 && (
            <NativeSelect
              label={t('svcId.eds.renews')}
              value={renewId}
              onChange={(e) => onRenewIdChange(e.currentTarget.value)}
              error={apply.error?.messageFor('renewsCertificateId')}
              data={[
                { value: '', label: t('svcId.eds.renewsNone') },
                ...renewable.map((c) => ({ value: c.id, label: `${c.serialNumber.slice(0, 12)}… · ${formatDate(c.notAfter, lang)}` })),
              ]}
            />
          )}
          <SegmentedControl
            value={source}
            onChange={(v) => setSource(v === 'paste' ? 'paste' : 'generate')}
            data={[
              { value: 'generate', label: t('svcId.eds.sourceGenerate') },
              { value: 'paste', label: t('svcId.eds.sourcePaste') },
            ]}
          />
          {source === 'generate' ? (
            <GenerateKey tin={tin} keyPair={keyPair} onKey={setKeyPair} isSaved={isSaved} onSaved={setSaved} />
          ) : (
            <Textarea
              label={t('svcId.eds.pasteLabel')}
              description={t('svcId.eds.pasteHint')}
              value={pasted}
              onChange={(e) => setPasted(e.currentTarget.value)}
              error={apply.error?.messageFor('csrPem') ?? apply.error?.messageFor('publicKeySpki')}
              autosize
              minRows={5}
              maxRows={12}
              ff="monospace"
              name="eds-key"
            />
          )}
          <Text size="sm" fw={600}>
            {t('svcId.eds.contactHint')}
          </Text>
          <Group grow align="flex-start">
            <TextInput
              label={t('svcId.field.email')}
              type="email"
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={apply.error?.messageFor('email')}
            />
            <TextInput
              label={t('svcId.field.phone')}
              type="tel"
              value={phone}
              onChange={(e) => setPhone(e.currentTarget.value)}
              error={apply.error?.messageFor('phone')}
            />
          </Group>
          <ProblemAlert error={apply.error} shownFields={SHOWN} />
          <Group justify="flex-end">
            <Button type="submit" loading={apply.isRunning} disabled={!isReady} data-testid="eds-apply">
              {t('svcId.eds.apply')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
