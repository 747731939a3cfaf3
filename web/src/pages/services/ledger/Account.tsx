import { Alert, Badge, Button, Card, Group, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { Loadable } from '../../../components/feedback.tsx';
import { formatDate, formatSomoni, localised } from '../../../lib/format.ts';
import { useLang } from '../../../lib/session.tsx';
import { useApi } from '../../../lib/use-api.ts';
import { columnsOf, isEntryKind, type LedgerSummary } from './model.ts';

const tinQuery = (tin: string | undefined) => (tin ? { tin } : {});

/** The balance of each tax type and in total at the end of a day (TS-49): positive an overpayment, negative a debt. */
export function Balances({ tin, asOf, onAsOf }: { tin: string | undefined; asOf: string; onAsOf: (d: string) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const summary = useApi(() => api('GET /api/tax-services/ledger', { query: { ...tinQuery(tin), asOf } }), [tin, asOf]);
  const money = (v: number) => formatSomoni(v, lang);
  return (
    <Card withBorder radius="md" padding="lg">
      <Stack>
        <Group justify="space-between" align="flex-end">
          <Title order={2} fz={18}>
            {t('svl.balances')}
          </Title>
          <TextInput type="date" label={t('svl.asOf')} value={asOf} onChange={(e) => e.currentTarget.value && onAsOf(e.currentTarget.value)} name="asOf" />
        </Group>
        <Loadable state={summary}>
          {(s: LedgerSummary) => (
            <Stack>
              {s.hasDebt ? (
                <Alert color="red" variant="light" data-testid="ledger-debt">
                  {t('svl.hasDebt', { amount: money(s.total.debt) })}
                </Alert>
              ) : (
                <Alert color="teal" variant="light" data-testid="ledger-no-debt">
                  {t('svl.noDebt')}
                </Alert>
              )}
              <Table.ScrollContainer minWidth={640}>
                <Table striped verticalSpacing="xs" data-testid="ledger-balances">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('svl.taxType')}</Table.Th>
                      <Table.Th ta="right">{t('svl.debits')}</Table.Th>
                      <Table.Th ta="right">{t('svl.credits')}</Table.Th>
                      <Table.Th ta="right">{t('svl.balance')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {s.byTaxType.map((b) => (
                      <Table.Tr key={b.taxType} data-testid={`balance-${b.taxType}`}>
                        <Table.Td>{localised(b.name, lang)}</Table.Td>
                        <Table.Td ta="right">{money(b.debits)}</Table.Td>
                        <Table.Td ta="right">{money(b.credits)}</Table.Td>
                        <Table.Td ta="right" fw={600} c={b.balance < 0 ? 'red' : undefined} data-col="balance">
                          {money(b.balance)}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                  <Table.Tfoot>
                    <Table.Tr>
                      <Table.Th>{t('svl.total')}</Table.Th>
                      <Table.Th ta="right">{money(s.total.debits)}</Table.Th>
                      <Table.Th ta="right">{money(s.total.credits)}</Table.Th>
                      <Table.Th ta="right" c={s.total.balance < 0 ? 'red' : undefined}>
                        {money(s.total.balance)}
                      </Table.Th>
                    </Table.Tr>
                  </Table.Tfoot>
                </Table>
              </Table.ScrollContainer>
              <Group gap="lg">
                <Text size="sm">
                  {t('svl.debt')}: <b>{money(s.total.debt)}</b>
                </Text>
                <Text size="sm">
                  {t('svl.overpayment')}: <b>{money(s.total.overpayment)}</b>
                </Text>
              </Group>
            </Stack>
          )}
        </Loadable>
      </Stack>
    </Card>
  );
}

const PAGE = 200;
/** A tax type of the ledger (GET /api/public/tax-services/tax-types, application/ledger.ts listTaxTypes). */
type TaxType = { code: string; name: { tg: string; ru: string; en: string } };

/** The entries in value-date order, filtered by period and tax type; reversals are marked, never hidden (append-only ledger). */
export function Entries({ tin, from, to, onPeriod }: { tin: string | undefined; from: string; to: string; onPeriod: (from: string, to: string) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [taxType, setTaxType] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const types = useApi(async () => (await api('GET /api/public/tax-services/tax-types')) as unknown as TaxType[], []);
  const typeName = (code: string) => {
    const found = types.data?.find((x) => x.code === code);
    return found ? localised(found.name, lang) : code;
  };
  const entries = useApi(
    () =>
      api('GET /api/tax-services/ledger/entries', {
        query: { ...tinQuery(tin), from: from || undefined, to: to || undefined, taxType: taxType || undefined, limit },
      }),
    [tin, from, to, taxType, limit],
  );
  const money = (v: number | null) => (v === null ? '' : formatSomoni(v, lang));
  return (
    <Card withBorder radius="md" padding="lg">
      <Stack>
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <Title order={2} fz={18}>
            {t('svl.entries')}
          </Title>
          <Group align="flex-end" gap="sm">
            <TextInput type="date" label={t('svl.from')} value={from} onChange={(e) => onPeriod(e.currentTarget.value, to)} name="from" />
            <TextInput type="date" label={t('svl.to')} value={to} onChange={(e) => onPeriod(from, e.currentTarget.value)} name="to" />
            <NativeSelect
              label={t('svl.taxType')}
              value={taxType}
              onChange={(e) => setTaxType(e.currentTarget.value)}
              data={[{ value: '', label: t('svl.anyTaxType') }, ...(types.data ?? []).map((x) => ({ value: x.code, label: localised(x.name, lang) }))]}
              name="taxType"
            />
          </Group>
        </Group>
        <Loadable state={entries}>
          {(rows) =>
            rows.length === 0 ? (
              <Text c="dimmed" ta="center" py="md">
                {t('svl.noEntries')}
              </Text>
            ) : (
              <Stack gap="xs">
                <Table.ScrollContainer minWidth={900}>
                  <Table striped verticalSpacing="xs" data-testid="ledger-entries">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('svl.valueDate')}</Table.Th>
                        <Table.Th>{t('svl.taxType')}</Table.Th>
                        <Table.Th>{t('svl.kindLabel')}</Table.Th>
                        <Table.Th>{t('svl.period')}</Table.Th>
                        <Table.Th>{t('svl.document')}</Table.Th>
                        <Table.Th ta="right">{t('svl.debit')}</Table.Th>
                        <Table.Th ta="right">{t('svl.credit')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {rows.map((e) => {
                        const cols = columnsOf(e);
                        return (
                          <Table.Tr key={e.id} data-testid="ledger-entry" data-kind={e.kind}>
                            <Table.Td>{formatDate(e.valueDate, lang)}</Table.Td>
                            <Table.Td>{typeName(e.taxType)}</Table.Td>
                            <Table.Td>
                              {isEntryKind(e.kind) ? t(`svl.kind.${e.kind}`) : e.kind}{' '}
                              {e.reverses && (
                                <Badge size="xs" color="orange" variant="light">
                                  {t('svl.reversal')}
                                </Badge>
                              )}
                              {e.reversedBy && (
                                <Badge size="xs" color="gray" variant="light">
                                  {t('svl.reversed')}
                                </Badge>
                              )}
                            </Table.Td>
                            <Table.Td ff="monospace">{e.period}</Table.Td>
                            <Table.Td>
                              <Text size="sm">{e.documentRef}</Text>
                              {e.note && (
                                <Text size="xs" c="dimmed">
                                  {e.note}
                                </Text>
                              )}
                            </Table.Td>
                            <Table.Td ta="right">{money(cols.debit)}</Table.Td>
                            <Table.Td ta="right">{money(cols.credit)}</Table.Td>
                          </Table.Tr>
                        );
                      })}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
                {rows.length >= limit && limit < 500 && (
                  <Group justify="center">
                    <Button variant="default" onClick={() => setLimit((l) => Math.min(500, l + PAGE))}>
                      {t('svl.more')}
                    </Button>
                  </Group>
                )}
              </Stack>
            )
          }
        </Loadable>
      </Stack>
    </Card>
  );
}
