import { Button, Card, FileInput, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Output } from '../../../api/client.ts';
import { PageHeader, ProblemAlert } from '../../../components/feedback.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useLocation } from '../../../lib/router.tsx';
import { useLang } from '../../../lib/session.tsx';
import { useAction } from '../../../lib/use-api.ts';
import { sha256Hex } from './keys.ts';
import { Fact, Facts, NeedsWebCrypto, Outcome } from './parts.tsx';

type Verdict = Output<'GET /api/public/tax-services/tin-certificates/verify'>;
type Mode = 'number' | 'file';
type Query = { number?: string; tin?: string; sha256?: string };

function VerdictCard({ verdict }: { verdict: Verdict }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (!verdict.isGenuine) return <Outcome tone="bad" title={t('svcId.verify.notGenuine')} testId="certificate-not-genuine" />;
  const status = verdict.taxpayerStatus === 'active' || verdict.taxpayerStatus === 'deregistered' ? t(`svcId.taxpayerStatus.${verdict.taxpayerStatus}`) : '—';
  return (
    <Outcome tone="good" title={t('svcId.verify.genuine')} testId="certificate-genuine">
      <Facts>
        <Fact label={t('svcId.verify.number')}>{verdict.number}</Fact>
        <Fact label={t('svcId.field.tin')}>{verdict.tin}</Fact>
        <Fact label={t('svcId.verify.issuedAt')}>{formatDateTime(verdict.issuedAt, lang)}</Fact>
        <Fact label={t('svcId.verify.taxpayerStatus')}>{status}</Fact>
        <Fact label="SHA-256">
          <Text span size="xs" ff="monospace">
            {verdict.sha256}
          </Text>
        </Fact>
      </Facts>
      <Text size="xs" c="dimmed">
        {t('svcId.verify.privacy')}
      </Text>
    </Outcome>
  );
}

/**
 * Is a TIN certificate genuine (01.01.01): by its number and TIN as printed (the QR code gives
 * both), or by the SHA-256 of the PDF, computed here in the browser: the file never leaves it.
 */
export function CertificateVerifyPage() {
  const { t } = useTranslation();
  const { search } = useLocation();
  const [mode, setMode] = useState<Mode>('number');
  const [number, setNumber] = useState(search.get('number') ?? '');
  const [tin, setTin] = useState(search.get('tin') ?? '');
  const [file, setFile] = useState<File | null>(null);
  const [verdict, setVerdict] = useState<Verdict>();
  const check = useAction((query: Query) => api('GET /api/public/tax-services/tin-certificates/verify', { query }));

  const run = async (query: Query) => {
    setVerdict(undefined);
    const answer = await check.run(query);
    if (answer) setVerdict(answer);
  };
  // Opened from the link of a certificate: check at once.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the address the page was opened with
  useEffect(() => {
    const n = search.get('number');
    const tn = search.get('tin');
    if (n && tn) void run({ number: n, tin: tn });
  }, []);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (mode === 'number') return run({ number: number.trim(), tin: tin.trim() });
    if (file) return run({ sha256: await sha256Hex(await file.arrayBuffer()) });
  };
  const isReady = mode === 'number' ? number.trim() !== '' && /^\d{9}$/.test(tin.trim()) : file !== null;

  return (
    <Stack maw={720}>
      <PageHeader title={t('svcId.verify.title')} subtitle={t('svcId.verify.subtitle')} />
      <Card withBorder radius="md" padding="lg">
        <form onSubmit={onSubmit} noValidate data-testid="verify-form">
          <Stack>
            <SegmentedControl
              value={mode}
              onChange={(v) => setMode(v === 'file' ? 'file' : 'number')}
              data={[
                { value: 'number', label: t('svcId.verify.byNumber') },
                { value: 'file', label: t('svcId.verify.byFile') },
              ]}
            />
            {mode === 'number' ? (
              <Group grow align="flex-start">
                <TextInput label={t('svcId.verify.number')} name="number" value={number} onChange={(e) => setNumber(e.currentTarget.value)} maxLength={40} />
                <TextInput
                  label={t('svcId.field.tin')}
                  name="tin"
                  value={tin}
                  onChange={(e) => setTin(e.currentTarget.value)}
                  maxLength={9}
                  inputMode="numeric"
                  error={check.error?.messageFor('tin')}
                />
              </Group>
            ) : (
              <NeedsWebCrypto>
                <FileInput
                  label={t('svcId.verify.file')}
                  description={t('svcId.verify.fileHint')}
                  accept="application/pdf"
                  value={file}
                  onChange={setFile}
                  clearable
                  name="certificate-file"
                />
              </NeedsWebCrypto>
            )}
            <ProblemAlert error={check.error} shownFields={['tin']} />
            <Group justify="flex-end">
              <Button type="submit" loading={check.isRunning} disabled={!isReady} data-testid="verify-submit">
                {t('svcId.verify.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
      {verdict && <VerdictCard verdict={verdict} />}
    </Stack>
  );
}
