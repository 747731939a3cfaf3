import { Alert, Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { Loadable, PageHeader } from '../../../components/feedback.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useLang } from '../../../lib/session.tsx';
import { useApi } from '../../../lib/use-api.ts';
import { IndicatorsTable } from './IndicatorsTable.tsx';

/** The published quality and accessibility indicators, as "Boju khiroj" and www.andoz.tj print them (A1 p.11, TS-03, TS-13, TS-34). */
export function PublicIndicatorsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const years = useApi(() => api('GET /api/public/tax-services/indicators'), []);
  const [year, setYear] = useState<number>();
  const newest = years.data?.[0]?.year;
  useEffect(() => {
    if (year === undefined && newest !== undefined) setYear(newest);
  }, [year, newest]);
  const chosen = year ?? newest;
  const published = years.data?.find((y) => y.year === chosen);
  return (
    <Stack maw={1100}>
      <PageHeader title={t('svq.indicators.publicTitle')} subtitle={t('svq.indicators.publicSubtitle')} />
      <Loadable state={years}>
        {(list) =>
          list.length === 0 || chosen === undefined ? (
            <Alert color="gray" variant="light" data-testid="indicators-none">
              {t('svq.indicators.nonepublished')}
            </Alert>
          ) : (
            <Stack>
              <Group align="flex-end" justify="space-between">
                <Group align="flex-end">
                  <NativeSelect
                    label={t('svq.indicators.year')}
                    value={String(chosen)}
                    onChange={(e) => setYear(Number(e.currentTarget.value))}
                    data={list.map((y) => String(y.year))}
                    data-testid="public-indicators-year"
                  />
                  {published?.publishedAt && (
                    <Text size="sm" c="dimmed">
                      {t('svq.indicators.published', { at: formatDateTime(published.publishedAt, lang) })}
                    </Text>
                  )}
                </Group>
                <Button
                  component="a"
                  variant="default"
                  href={`/api/public/tax-services/indicators/${chosen}/csv`}
                  download={`quality-indicators-${chosen}.csv`}
                >
                  {t('svq.indicators.csv')}
                </Button>
              </Group>
              <YearIndicators year={chosen} />
            </Stack>
          )
        }
      </Loadable>
    </Stack>
  );
}

function YearIndicators({ year }: { year: number }) {
  const indicators = useApi(() => api('GET /api/public/tax-services/indicators/{year}', { params: { year } }), [year]);
  return <Loadable state={indicators}>{(d) => <IndicatorsTable indicators={d} />}</Loadable>;
}
