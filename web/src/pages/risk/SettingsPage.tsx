import { Alert, Button, Card, FileInput, Group, NumberInput, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { Loadable, PageHeader } from '../../components/feedback.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useLang } from '../../lib/session.tsx';
import { useAction, useApi } from '../../lib/use-api.ts';
import { CONTROL_LANES, type ControlLane, type PriceImport, percentToShare, priceProblemsOf, type Settings, shareToPercent } from './model.ts';
import { fieldMessage } from './ProfileForm.tsx';
import { LaneBadge, RiskProblem, useRiskText } from './parts.tsx';

/** The selectivity settings (art.399 p.1-3; ASYCUDA MODSEL) and the reference prices of the below_reference indicator. */
export function SettingsPage() {
  const { t } = useTranslation();
  const loaded = useApi(() => api('GET /api/risk/settings'), []);
  return (
    <Stack maw={1100}>
      <PageHeader title={t('risk.title.settings')} subtitle={t('risk.title.settingsSubtitle')} />
      <Loadable state={loaded}>{(s) => <SettingsForm initial={s} />}</Loadable>
      <PriceImportForm />
    </Stack>
  );
}

type Rates = { readonly random: string; readonly expected: Readonly<Record<ControlLane, string>>; readonly window: number };
const ratesOf = (s: Settings): Rates => ({
  random: shareToPercent(s.randomRate),
  expected: { blue: shareToPercent(s.expectedRates.blue), yellow: shareToPercent(s.expectedRates.yellow), red: shareToPercent(s.expectedRates.red) },
  window: s.observedWindow,
});

function SettingsForm({ initial }: { initial: Settings }) {
  const { t } = useTranslation();
  const lang = useLang();
  const text = useRiskText();
  const [current, setCurrent] = useState(initial);
  const [rates, setRates] = useState<Rates>(() => ratesOf(initial));
  const [isSaved, setSaved] = useState(false);
  const change = (next: Rates) => {
    setRates(next);
    setSaved(false);
  };
  const shares = {
    random: percentToShare(rates.random),
    blue: percentToShare(rates.expected.blue),
    yellow: percentToShare(rates.expected.yellow),
    red: percentToShare(rates.expected.red),
  };
  const isReady = Object.values(shares).every((v) => v !== undefined);
  const save = useAction(() =>
    api('PUT /api/risk/settings', {
      body: {
        randomRate: shares.random ?? 0,
        expectedRates: { blue: shares.blue ?? 0, yellow: shares.yellow ?? 0, red: shares.red ?? 0 },
        observedWindow: rates.window,
      },
    }),
  );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const next = await save.run();
    if (next) {
      setCurrent(next);
      setRates(ratesOf(next));
      setSaved(true);
    }
  };
  const at = (name: string) => fieldMessage(save.error, name, text.problem);
  const percentError = (value: string) => (percentToShare(value) === undefined ? t('risk.settings.percentInvalid') : undefined);
  return (
    <Card withBorder radius="md" padding="lg">
      <form onSubmit={submit} noValidate data-testid="settings-form">
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('risk.settings.randomRate')}
              description={t('risk.settings.randomHint')}
              name="randomRate"
              inputMode="decimal"
              value={rates.random}
              onChange={(e) => change({ ...rates, random: e.currentTarget.value })}
              error={percentError(rates.random) ?? at('randomRate')}
            />
            <NumberInput
              label={t('risk.settings.observedWindow')}
              name="observedWindow"
              value={rates.window}
              onChange={(v) => change({ ...rates, window: typeof v === 'number' ? v : Number(v) || 0 })}
              min={10}
              max={100_000}
              allowDecimal={false}
              error={at('observedWindow')}
            />
          </SimpleGrid>
          <Text size="sm" fw={600}>
            {t('risk.settings.expected')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {CONTROL_LANES.map((lane) => (
              <TextInput
                key={lane}
                label={<LaneBadge lane={lane} size="sm" />}
                name={`expected.${lane}`}
                inputMode="decimal"
                value={rates.expected[lane]}
                onChange={(e) => change({ ...rates, expected: { ...rates.expected, [lane]: e.currentTarget.value } })}
                error={percentError(rates.expected[lane]) ?? at(`expectedRates.${lane}`)}
              />
            ))}
          </SimpleGrid>
          <Text size="xs" c={at('expectedRates') ? 'red' : 'dimmed'}>
            {at('expectedRates') ?? t('risk.settings.expectedHint')}
          </Text>
          <RiskProblem error={save.error} />
          <Group justify="space-between">
            <Text size="xs" c="dimmed" data-testid="settings-updated">
              {t('risk.settings.updated', { who: current.updatedBy.replace(/^[a-z_]+:/, ''), at: formatDateTime(current.updatedAt, lang) })}
            </Text>
            <Group gap="sm">
              {isSaved && (
                <Text size="sm" c="teal" data-testid="settings-saved">
                  {t('state.saved')}
                </Text>
              )}
              <Button type="submit" disabled={!isReady} loading={save.isRunning} data-testid="save-settings">
                {t('risk.action.saveSettings')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

/** A CSV of reference prices into a named table: all lines or none; a refusal lists every bad line with its column and reason. */
function PriceImportForm() {
  const { t } = useTranslation();
  const text = useRiskText();
  const [table, setTable] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<PriceImport>();
  const upload = useAction(async () => api('POST /api/risk/price-references', { body: { table: table.trim(), csv: file ? await file.text() : '' } }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setResult(undefined);
    const r = await upload.run();
    if (r) setResult(r);
  };
  const lines = priceProblemsOf(upload.error?.details);
  const at = (name: string) => fieldMessage(upload.error, name, text.problem);
  return (
    <Card withBorder radius="md" padding="lg">
      <form onSubmit={submit} noValidate data-testid="price-import">
        <Stack gap="sm">
          <Title order={2} fz={18}>
            {t('risk.title.prices')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('risk.prices.intro')}
          </Text>
          <Group align="flex-start" gap="sm" wrap="wrap">
            <TextInput
              label={t('risk.prices.table')}
              name="price-table"
              value={table}
              onChange={(e) => setTable(e.currentTarget.value)}
              error={at('table')}
              w={240}
            />
            <FileInput
              label={t('risk.prices.file')}
              name="price-file"
              accept=".csv,text/csv"
              value={file}
              onChange={setFile}
              error={lines.length === 0 ? at('csv') : undefined}
              clearable
              w={320}
            />
            <Button type="submit" mt={25} disabled={!table.trim() || !file} loading={upload.isRunning} data-testid="import-prices">
              {t('risk.action.importPrices')}
            </Button>
          </Group>
          {result && (
            <Alert color="teal" variant="light" data-testid="price-result">
              {t('risk.prices.imported', { ...result })}
            </Alert>
          )}
          {upload.error && <RiskProblem error={upload.error} isListed={false} />}
          {lines.length > 0 && (
            <Table verticalSpacing="xs" striped data-testid="price-problems">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('risk.prices.line')}</Table.Th>
                  <Table.Th>{t('risk.prices.column')}</Table.Th>
                  <Table.Th>{t('risk.prices.problem')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {lines.map((p) => (
                  <Table.Tr key={`${p.line}:${p.field}:${p.code}`} data-testid="price-problem" data-line={p.line} data-code={p.code}>
                    <Table.Td>{p.line}</Table.Td>
                    <Table.Td ff="monospace">{p.field}</Table.Td>
                    <Table.Td>{text.problem(p.code)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      </form>
    </Card>
  );
}
