import { Stack, Table, Text, Tooltip } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { localised } from '../../../lib/format.ts';
import { useLang } from '../../../lib/session.tsx';
import { useApi } from '../../../lib/use-api.ts';
import { isChannel, loadCatalogue } from '../model.ts';
import { useDuration, useNames } from '../parts.tsx';
import { formatCount, formatDecimal, formatScore, formatShare, type Indicators, isQuestion } from './model.ts';

/** A value in its unit (domain/indicators.ts): a share, seconds, a count, a mean score or a rate per 1,000. */
function useValueFormat() {
  const { t } = useTranslation();
  const lang = useLang();
  const duration = useDuration();
  return (unit: string, v: number | null) => {
    if (v === null) return '—';
    if (unit === 'share') return formatShare(v, lang);
    if (unit === 'seconds') return duration(v);
    if (unit === 'score') return formatScore(v, lang);
    if (unit === 'per_1000') return t('svq.indicators.perThousand', { value: formatDecimal(v, lang) });
    return formatCount(v, lang);
  };
}

/** What a value's scope names: the whole year, a service group (TS-09), a channel, a survey question. */
function useScopeName() {
  const { t } = useTranslation();
  const lang = useLang();
  const names = useNames();
  const catalogue = useApi(loadCatalogue, []);
  return (scope: string) => {
    if (scope === 'all') return t('svq.indicators.all');
    if (isQuestion(scope)) return t(`svq.question.${scope}`);
    if (isChannel(scope)) return names.channel(scope);
    const group = catalogue.data?.groups.find((g) => g.code === scope);
    return group ? `${scope} · ${localised(group.name, lang)}` : scope;
  };
}

/** The year's indicators with their definitions and formulas (TS-34), each value with its numerator and denominator. */
export function IndicatorsTable({ indicators }: { indicators: Indicators }) {
  const { t } = useTranslation();
  const lang = useLang();
  const format = useValueFormat();
  const scopeName = useScopeName();
  const count = (v: number | null) => formatCount(v, lang);
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table verticalSpacing="xs" withTableBorder data-testid="indicators">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('svq.indicators.scope')}</Table.Th>
            <Table.Th ta="right">{t('svq.indicators.value')}</Table.Th>
            <Table.Th ta="right">{t('svq.indicators.basis')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {indicators.definitions.map((d) => {
            const values = indicators.values.filter((v) => v.code === d.code);
            return (
              <Fragment key={d.code}>
                <Table.Tr bg="var(--mantine-color-gray-light)">
                  <Table.Td colSpan={3}>
                    <Stack gap={0}>
                      <Text fw={700} size="sm">
                        {d.code} · {localised(d.name, lang)}
                      </Text>
                      <Tooltip label={t('svq.indicators.formula')} position="top-start">
                        <Text size="xs" c="dimmed">
                          {localised(d.formula, lang)}
                        </Text>
                      </Tooltip>
                    </Stack>
                  </Table.Td>
                </Table.Tr>
                {values.map((v) => (
                  <Table.Tr key={`${v.code}-${v.scope}`} data-testid={`indicator-${v.code}-${v.scope}`}>
                    <Table.Td pl="xl">{scopeName(v.scope)}</Table.Td>
                    <Table.Td ta="right" fw={600} data-col="value">
                      {format(d.unit, v.value)}
                    </Table.Td>
                    <Table.Td ta="right" c="dimmed">
                      {v.denominator === null ? '' : v.numerator === null ? `n = ${count(v.denominator)}` : `${count(v.numerator)} / ${count(v.denominator)}`}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
