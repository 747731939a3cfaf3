import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatSomoni } from '../../lib/format.ts';
import { useLang } from '../../lib/session.tsx';
import { parseZDifference, type ZDifference } from '../../lib/z-differences.ts';

/** What a Z-report says against what its receipts add up to, one row per difference, in red. */
export function ZDifferences({ differences }: { differences: readonly string[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (differences.length === 0) return null;
  const taxName = (kind: string, rateBp: number) => {
    const rate = (rateBp / 100).toLocaleString(lang === 'en' ? 'en' : 'ru');
    return kind === 'vat' ? t('fiscalData.diff.vat', { rate }) : kind === 'simplified' ? t('fiscalData.diff.simplified', { rate }) : t('fiscalData.diff.none');
  };
  const label = (d: ZDifference): string => {
    switch (d.kind) {
      case 'count':
        return t(`fiscalData.diff.${d.key}`);
      case 'tax':
        return `${t(`docType.${d.operation}`)}, ${taxName(d.taxKind, d.rateBp)}: ${t(`fiscalData.diff.${d.field}`)}`;
      case 'payment':
        return `${t(`docType.${d.operation}`)}: ${t(`fiscalData.diff.${d.field}`)}`;
      case 'other':
        return d.text;
    }
  };
  const value = (d: ZDifference, which: 'reported' | 'computed') => {
    if (d.kind === 'other') return '';
    return d.kind === 'count' ? String(d[which]) : formatSomoni(d[which], lang);
  };
  return (
    <Table withTableBorder verticalSpacing={4} fz="sm" data-testid="z-differences" bg="red.0">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('fiscalData.diff.item')}</Table.Th>
          <Table.Th ta="right">{t('fiscalData.diff.reported')}</Table.Th>
          <Table.Th ta="right">{t('fiscalData.diff.computed')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {differences.map((raw) => {
          const d = parseZDifference(raw);
          return (
            <Table.Tr key={raw}>
              <Table.Td>
                <Text size="sm" c="red.9">
                  {label(d)}
                </Text>
              </Table.Td>
              <Table.Td ta="right" ff="monospace">
                {value(d, 'reported')}
              </Table.Td>
              <Table.Td ta="right" ff="monospace" fw={700} c="red.9">
                {value(d, 'computed')}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
