import { Anchor, Badge, Button, Card, Group, List, NativeSelect, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { ProblemAlert } from '../../../components/feedback.tsx';
import { formatSomoni, todayInDushanbe } from '../../../lib/format.ts';
import { Link } from '../../../lib/router.tsx';
import { useLang } from '../../../lib/session.tsx';
import { useAction } from '../../../lib/use-api.ts';
import { useNames } from '../parts.tsx';
import { type LedgerOutcome, startOfYear } from './model.ts';

const OFFICER_CHANNELS = ['office', 'post', 'email'] as const;
type OfficerChannel = (typeof OFFICER_CHANNELS)[number];
const isOfficerChannel = (v: string): v is OfficerChannel => (OFFICER_CHANNELS as readonly string[]).includes(v);

/** What a ledger service returned: issued or refused, and every file of its request to download. */
function Outcome({ out, requestHref }: { out: LedgerOutcome; requestHref: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const names = useNames();
  const isRefused = out.outcome === 'refused';
  return (
    <Stack gap={4} data-testid="ledger-outcome" data-outcome={out.outcome ?? 'issued'}>
      <Group gap="xs">
        <Badge color={isRefused ? 'red' : 'teal'} variant="light">
          {isRefused ? t('svl.refused', { amount: formatSomoni(out.debt ?? 0, lang) }) : t('svl.issued')}
        </Badge>
        <Anchor component={Link} to={requestHref} size="sm">
          {t('svl.request', { number: out.requestNumber })}
        </Anchor>
      </Group>
      <List size="sm" spacing={2} data-testid="ledger-files">
        {out.request.results.map((f) => (
          <List.Item key={f.id}>
            {names.resultKind(f.kind)}:{' '}
            <Anchor href={`/api/tax-services/requests/${out.requestId}/results/${f.id}`} download={f.fileName}>
              {f.fileName}
            </Anchor>
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}

/**
 * The certificate of no tax debts (06.06.01) and the reconciliation act (06.06.04), asked for from the
 * account and delivered at once with their files (TS-49). An officer names the channel the request
 * came through; the taxpayer's is the cabinet.
 */
export function LedgerServices({ tin, isOfficer }: { tin: string | undefined; isOfficer: boolean }) {
  const { t } = useTranslation();
  const names = useNames();
  const today = todayInDushanbe();
  const [asOf, setAsOf] = useState(today);
  const [from, setFrom] = useState(startOfYear(today));
  const [to, setTo] = useState(today);
  const [channel, setChannel] = useState<OfficerChannel>('office');
  const [name, setName] = useState('');
  const [certificate, setCertificate] = useState<LedgerOutcome>();
  const [act, setAct] = useState<LedgerOutcome>();
  const who = isOfficer ? { tin, channel, ...(name.trim() ? { applicant: { name: name.trim() } } : {}) } : {};
  const askCertificate = useAction(() => api('POST /api/tax-services/ledger/no-debt-certificates', { body: { ...who, asOf } }));
  const askAct = useAction(() => api('POST /api/tax-services/ledger/reconciliation-acts', { body: { ...who, from, to } }));
  const requestHref = (o: LedgerOutcome) => (isOfficer ? `/services/queue/${o.requestId}` : `/my/services/${o.requestId}`);
  const submit = (run: () => Promise<LedgerOutcome | undefined>, keep: (o: LedgerOutcome) => void) => async (e: FormEvent) => {
    e.preventDefault();
    const out = await run();
    if (out) keep(out);
  };
  return (
    <Card withBorder radius="md" padding="lg">
      <Stack>
        <Title order={2} fz={18}>
          {t('svl.services')}
        </Title>
        {isOfficer && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t('svl.channel')}
              value={channel}
              onChange={(e) => isOfficerChannel(e.currentTarget.value) && setChannel(e.currentTarget.value)}
              data={OFFICER_CHANNELS.map((c) => ({ value: c, label: names.channel(c) }))}
              name="channel"
            />
            <TextInput label={t('svl.applicantName')} value={name} onChange={(e) => setName(e.currentTarget.value)} maxLength={300} name="applicant-name" />
          </SimpleGrid>
        )}
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <form onSubmit={submit(askCertificate.run, setCertificate)} noValidate>
            <Stack gap="xs">
              <Text fw={600}>{t('svl.noDebtTitle')}</Text>
              <Text size="xs" c="dimmed">
                {t('svl.noDebtHint')}
              </Text>
              <Group align="flex-end">
                <TextInput
                  type="date"
                  label={t('svl.asOf')}
                  value={asOf}
                  max={today}
                  onChange={(e) => setAsOf(e.currentTarget.value)}
                  name="certificate-asOf"
                />
                <Button type="submit" loading={askCertificate.isRunning} disabled={!asOf} data-testid="ask-certificate">
                  {t('svl.ask')}
                </Button>
              </Group>
              <ProblemAlert error={askCertificate.error} />
              {certificate && <Outcome out={certificate} requestHref={requestHref(certificate)} />}
            </Stack>
          </form>
          <form onSubmit={submit(askAct.run, setAct)} noValidate>
            <Stack gap="xs">
              <Text fw={600}>{t('svl.actTitle')}</Text>
              <Text size="xs" c="dimmed">
                {t('svl.actHint')}
              </Text>
              <Group align="flex-end">
                <TextInput type="date" label={t('svl.from')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} name="act-from" />
                <TextInput type="date" label={t('svl.to')} value={to} max={today} onChange={(e) => setTo(e.currentTarget.value)} name="act-to" />
                <Button type="submit" loading={askAct.isRunning} disabled={!from || !to} data-testid="ask-act">
                  {t('svl.ask')}
                </Button>
              </Group>
              <ProblemAlert error={askAct.error} />
              {act && <Outcome out={act} requestHref={requestHref(act)} />}
            </Stack>
          </form>
        </SimpleGrid>
      </Stack>
    </Card>
  );
}
