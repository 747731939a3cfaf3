import { Alert, Button, Center, Group, Loader, Paper, SegmentedControl, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ProblemAlert } from '../../components/feedback.tsx';
import { EMPTY_FIELDS, type FieldProblems, fieldsFromQr, problemsOf, qrQuery, type ReceiptFields } from '../../lib/receipt-qr.ts';
import { navigate, useLocation } from '../../lib/router.tsx';
import { useApi } from '../../lib/use-api.ts';
import { type CheckResult, RateLimited, ReceiptVerdict } from './ReceiptVerdict.tsx';

type Mode = 'qr' | 'hand';

/** The receipt's fields, typed or pasted; checks them here before the page address changes. */
function CheckForm({ initial, onCheck }: { initial: ReceiptFields | undefined; onCheck: (f: ReceiptFields) => void }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>(initial ? 'hand' : 'qr');
  const [qr, setQr] = useState('');
  const [isQrUnreadable, setQrUnreadable] = useState(false);
  const [fields, setFields] = useState<ReceiptFields>(initial ?? EMPTY_FIELDS);
  // A damaged QR address shows at once what is missing or wrong.
  const [problems, setProblems] = useState<FieldProblems>(initial ? problemsOf(initial) : {});

  const set = (name: keyof ReceiptFields) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setFields((f) => ({ ...f, [name]: value }));
    setProblems((p) => ({ ...p, [name]: undefined }));
  };
  const error = (name: keyof ReceiptFields) => {
    const p = problems[name];
    return p ? t(`check.problem.${p}`) : undefined;
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (mode === 'qr') {
      const read = fieldsFromQr(qr);
      if (!read || Object.keys(problemsOf(read)).length > 0) {
        setQrUnreadable(true);
        return;
      }
      onCheck(read);
      return;
    }
    const found = problemsOf(fields);
    setProblems(found);
    const first = (Object.keys(fields) as (keyof ReceiptFields)[]).find((k) => found[k]);
    if (!first) return onCheck(fields);
    // Take the user to the first field to fix (the form may be taller than a phone's screen).
    (e.currentTarget as HTMLFormElement).querySelector<HTMLInputElement>(`[name=${first}]`)?.focus();
  };

  return (
    <Paper withBorder radius="lg" p={{ base: 'md', sm: 'lg' }} component="section" aria-label={t('check.title')}>
      <form onSubmit={submit} noValidate data-testid="check-form">
        <Stack gap="md">
          <SegmentedControl
            fullWidth
            size="md"
            aria-label={t('check.how')}
            value={mode}
            onChange={(v) => setMode(v === 'hand' ? 'hand' : 'qr')}
            data={[
              { value: 'qr', label: t('check.byQr') },
              { value: 'hand', label: t('check.byHand') },
            ]}
          />
          {mode === 'qr' ? (
            <Textarea
              size="md"
              label={t('check.qrLabel')}
              description={t('check.qrHint')}
              name="qr"
              autosize
              minRows={3}
              value={qr}
              onChange={(e) => {
                setQr(e.currentTarget.value);
                setQrUnreadable(false);
              }}
              error={isQrUnreadable ? t('check.qrUnreadable') : undefined}
              placeholder="https://…/r?fm=…&n=…&t=…&s=…&fs=…"
              spellCheck={false}
              autoCapitalize="off"
              autoCorrect="off"
            />
          ) : (
            <Stack gap="sm">
              <Text size="sm" c="dimmed">
                {t('check.whereFind')}
              </Text>
              <TextInput
                size="md"
                label={t('check.fm')}
                name="fm"
                value={fields.fm}
                onChange={set('fm')}
                error={error('fm')}
                autoCapitalize="characters"
                autoCorrect="off"
                spellCheck={false}
                required
              />
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
                <TextInput
                  size="md"
                  label={t('check.n')}
                  description={t('check.nHint')}
                  name="n"
                  inputMode="numeric"
                  value={fields.n}
                  onChange={set('n')}
                  error={error('n')}
                  required
                />
                <TextInput
                  size="md"
                  label={t('check.fs')}
                  description={t('check.fsHint')}
                  name="fs"
                  inputMode="numeric"
                  autoComplete="off"
                  maxLength={14}
                  value={fields.fs}
                  onChange={set('fs')}
                  error={error('fs')}
                  required
                />
              </SimpleGrid>
              <TextInput
                size="md"
                label={t('check.total')}
                description={t('check.optional')}
                name="total"
                inputMode="decimal"
                placeholder="12.50"
                value={fields.total}
                onChange={set('total')}
                error={error('total')}
              />
              <SimpleGrid cols={2} spacing="sm">
                <TextInput size="md" type="date" label={t('check.date')} name="date" value={fields.date} onChange={set('date')} error={error('date')} />
                <TextInput size="md" type="time" label={t('check.time')} name="time" value={fields.time} onChange={set('time')} error={error('time')} />
              </SimpleGrid>
            </Stack>
          )}
          <Button type="submit" size="lg" fullWidth>
            {t('check.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

/** The server's answer to a checkable query: verdict, 429 with a countdown, or another refusal. */
function CheckOutcome({ query, fields, attempt }: { query: string; fields: ReceiptFields; attempt: number }) {
  const { t } = useTranslation();
  const check = useApi<CheckResult>(() => api('GET /api/public/receipts/check', { query: { qr: query } }), [query, attempt]);
  if (check.isLoading)
    return (
      <Center py="xl" aria-busy="true">
        <Group gap="xs">
          <Loader size="md" />
          <Text size="lg">{t('check.checking')}</Text>
        </Group>
      </Center>
    );
  if (check.error) {
    if (check.error.status === 429) {
      const seconds = Number(check.error.details?.retryAfterSeconds ?? 1);
      return <RateLimited seconds={Number.isFinite(seconds) ? seconds : 1} onRetry={check.reload} />;
    }
    return (
      <Stack gap="sm">
        <ProblemAlert error={check.error} />
        <Button size="lg" variant="default" onClick={check.reload} fullWidth>
          {t('check.again')}
        </Button>
      </Stack>
    );
  }
  if (!check.data) return null;
  return <ReceiptVerdict result={check.data} fields={fields} onRetry={check.reload} />;
}

/**
 * The public receipt check at /r (p.9 field 17, p.53 item 6; FIS-VER-01, FIS-VER-02): the QR code
 * printed on a receipt is this page's address, so a phone camera opens it and the check runs at
 * once; anyone can also paste the QR text or type the fields. No login.
 */
export function ReceiptCheckPage() {
  const { t } = useTranslation();
  const { search } = useLocation();
  const key = search.toString();
  const fromUrl = fieldsFromQr(search);
  const isCheckable = fromUrl !== undefined && Object.keys(problemsOf(fromUrl)).length === 0;
  const query = fromUrl && isCheckable ? qrQuery(fromUrl) : undefined;
  const [attempt, setAttempt] = useState(0);

  return (
    <Stack maw={600} mx="auto" gap="lg" pb="xl">
      <Stack gap={6}>
        <Title order={1} fz={{ base: 26, sm: 30 }}>
          {t('check.title')}
        </Title>
        {!query && <Text c="dimmed">{t('check.subtitle')}</Text>}
      </Stack>
      {query && fromUrl && <CheckOutcome query={query} fields={fromUrl} attempt={attempt} />}
      {fromUrl && !isCheckable && (
        <Alert color="orange" variant="light" title={t('check.badQr.title')} data-testid="verdict" data-status="bad_qr">
          {t('check.badQr.text')}
        </Alert>
      )}
      {query && (
        <Title order={2} fz={20} mt="sm">
          {t('check.edit')}
        </Title>
      )}
      <CheckForm
        key={key}
        initial={fromUrl}
        onCheck={(f) => {
          const to = `/r?${qrQuery(f)}`;
          if (`/r?${key}` !== to) return navigate(to);
          // The same receipt again (after a "not found", say): ask once more.
          setAttempt((a) => a + 1);
          window.scrollTo(0, 0);
        }}
      />
    </Stack>
  );
}
