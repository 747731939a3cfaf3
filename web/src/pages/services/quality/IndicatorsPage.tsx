import { Alert, Badge, Button, Card, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { Loadable, PageHeader, ProblemAlert } from '../../../components/feedback.tsx';
import { formatDateTime, todayInDushanbe } from '../../../lib/format.ts';
import { useLang } from '../../../lib/session.tsx';
import { useAction, useApi } from '../../../lib/use-api.ts';
import { IndicatorsTable } from './IndicatorsTable.tsx';
import type { Indicators } from './model.ts';

/** The years to choose from: the last ended year first, back to 2025 (the Standard of order 396). */
export function yearsUpTo(current: number): number[] {
  return Array.from({ length: Math.max(1, current - 2025) }, (_, i) => current - 1 - i);
}

/**
 * The annual quality and accessibility indicators (A1 p.10-11, TS-13, TS-34) for the TSD: computed
 * after the year ends (the worker does it once), recomputed until published, then published for
 * "Boju khiroj" and www.andoz.tj and never recomputed; CSV for the newspaper.
 */
export function IndicatorsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const years = yearsUpTo(Number(todayInDushanbe().slice(0, 4)));
  const [year, setYear] = useState(years[0] ?? 2025);
  // What an action returned stands for its year until the next load.
  const [updated, setUpdated] = useState<Indicators>();
  const loaded = useApi(() => api('GET /api/tax-services/indicators/{year}', { params: { year } }), [year]);
  const compute = useAction(() => api('POST /api/tax-services/indicators/{year}/compute', { params: { year } }));
  const publish = useAction(() => api('POST /api/tax-services/indicators/{year}/publish', { params: { year } }));
  const data = updated?.year === year ? updated : loaded.data;
  const isMissing = !data && loaded.error?.code === 'INDICATORS_NOT_FOUND';
  const isPublished = Boolean(data?.publishedAt);
  const act = async (action: typeof compute) => {
    const done = await action.run();
    if (done) setUpdated(done);
  };
  return (
    <Stack maw={1100}>
      <PageHeader title={t('svq.indicators.title')} subtitle={t('svq.indicators.subtitle')} />
      <Card withBorder radius="md" padding="md">
        <Group align="flex-end" justify="space-between" wrap="wrap">
          <Group align="flex-end">
            <NativeSelect
              label={t('svq.indicators.year')}
              value={String(year)}
              onChange={(e) => setYear(Number(e.currentTarget.value))}
              data={years.map((y) => String(y))}
              data-testid="indicators-year"
            />
            {data && (
              <Stack gap={2}>
                <Badge color={isPublished ? 'teal' : 'gray'} variant="light" data-testid="indicators-state">
                  {isPublished ? t('svq.indicators.published', { at: formatDateTime(data.publishedAt, lang) }) : t('svq.indicators.draft')}
                </Badge>
                <Text size="xs" c="dimmed">
                  {t('svq.indicators.computed', { at: formatDateTime(data.computedAt, lang), revision: data.revision })}
                </Text>
              </Stack>
            )}
          </Group>
          <Group gap="xs">
            <Button variant="light" loading={compute.isRunning} disabled={isPublished} onClick={() => void act(compute)} data-testid="indicators-compute">
              {data ? t('svq.indicators.recompute') : t('svq.indicators.compute')}
            </Button>
            <Button
              color="teal"
              loading={publish.isRunning}
              disabled={!data || isPublished}
              onClick={() => {
                if (window.confirm(t('svq.indicators.confirmPublish'))) void act(publish);
              }}
              data-testid="indicators-publish"
            >
              {t('svq.indicators.publish')}
            </Button>
            {data && (
              <Button component="a" variant="default" href={`/api/tax-services/indicators/${year}/csv`} download={`quality-indicators-${year}.csv`}>
                {t('svq.indicators.csv')}
              </Button>
            )}
          </Group>
        </Group>
      </Card>
      <ProblemAlert error={compute.error ?? publish.error} />
      {isMissing ? (
        <Alert color="gray" variant="light" data-testid="indicators-missing">
          {t('svq.indicators.notComputed')}
        </Alert>
      ) : (
        <Loadable state={{ ...loaded, data }}>{(d) => <IndicatorsTable indicators={d} />}</Loadable>
      )}
    </Stack>
  );
}
