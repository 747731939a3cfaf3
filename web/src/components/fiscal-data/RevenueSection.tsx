import { NativeSelect, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { formatMonth, formatSomoni, todayInDushanbe } from '../../lib/format.ts';
import { useLang } from '../../lib/session.tsx';
import { useApi } from '../../lib/use-api.ts';
import { Loadable } from '../feedback.tsx';
import { Section } from './Section.tsx';

/** Fiscal data are kept for five years from receipt (p.53, FIS-OPR-04): the years one can ask about. */
const YEARS_KEPT = 5;

/** p.42 (FIS-RFD-05, FIS-RFD-06): the business's revenue by month, net of refunds, each refund in the month it was paid. */
export function RevenueSection({ tin, name }: { tin: string; name: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const thisYear = Number(todayInDushanbe().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const revenue = useApi(
    () => api('GET /api/fiscal/businesses/{tin}/revenue', { params: { tin }, query: { from: `${year}-01-01`, to: `${year}-12-31` } }),
    [tin, year],
  );
  const sum = (rows: readonly { sales: number; refunds: number; net: number }[], k: 'sales' | 'refunds' | 'net') => rows.reduce((s, r) => s + r[k], 0);
  return (
    <Section
      title={t('fiscalData.revenue')}
      testId="revenue"
      aside={
        <NativeSelect
          aria-label={t('fiscalData.year')}
          value={String(year)}
          onChange={(e) => setYear(Number(e.currentTarget.value))}
          data={Array.from({ length: YEARS_KEPT + 1 }, (_, i) => String(thisYear - i))}
          w={110}
        />
      }
    >
      <Text size="sm" c="dimmed">
        {t('fiscalData.revenueHint', { name, tin })}
      </Text>
      <Loadable state={revenue}>
        {(rows) =>
          rows.length === 0 ? (
            <Text c="dimmed" ta="center" py="md">
              {t('fiscalData.noRevenue')}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={330}>
              <Table striped verticalSpacing="xs" horizontalSpacing={6} fz="sm" data-testid="revenue-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('fiscalData.month')}</Table.Th>
                    <Table.Th ta="right">{t('fiscalData.sales')}</Table.Th>
                    <Table.Th ta="right">{t('fiscalData.refunds')}</Table.Th>
                    <Table.Th ta="right">{t('fiscalData.net')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r) => (
                    <Table.Tr key={r.month} data-month={r.month}>
                      <Table.Td>{formatMonth(r.month, lang)}</Table.Td>
                      <Table.Td ta="right" ff="monospace">
                        {formatSomoni(r.sales, lang)}
                      </Table.Td>
                      <Table.Td ta="right" ff="monospace" c={r.refunds > 0 ? 'orange.9' : undefined}>
                        {r.refunds > 0 ? `−${formatSomoni(r.refunds, lang)}` : formatSomoni(0, lang)}
                      </Table.Td>
                      <Table.Td ta="right" ff="monospace" fw={700}>
                        {formatSomoni(r.net, lang)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
                <Table.Tfoot>
                  <Table.Tr>
                    <Table.Th>{t('fiscalData.yearTotal')}</Table.Th>
                    <Table.Th ta="right" ff="monospace">
                      {formatSomoni(sum(rows, 'sales'), lang)}
                    </Table.Th>
                    <Table.Th ta="right" ff="monospace">
                      {sum(rows, 'refunds') > 0 ? `−${formatSomoni(sum(rows, 'refunds'), lang)}` : formatSomoni(0, lang)}
                    </Table.Th>
                    <Table.Th ta="right" ff="monospace">
                      {formatSomoni(sum(rows, 'net'), lang)}
                    </Table.Th>
                  </Table.Tr>
                </Table.Tfoot>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </Loadable>
    </Section>
  );
}
