import { Badge, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exportHref, listDocuments, type Period, type RegisterDocument } from '../../api/fiscal-data.ts';
import { formatDateTime, formatSomoni } from '../../lib/format.ts';
import { useLang } from '../../lib/session.tsx';
import { useApi } from '../../lib/use-api.ts';
import { Loadable } from '../feedback.tsx';
import { Section } from './Section.tsx';

const PAGE = 50;

function DocType({ doc }: { doc: RegisterDocument }) {
  const { t } = useTranslation();
  if (doc.docType === 'receipt')
    return doc.operation === 'refund' ? (
      <Badge color="orange" variant="light">
        {t('docType.refund')}
      </Badge>
    ) : (
      <Text size="sm">{t('docType.receipt')}</Text>
    );
  if (doc.docType === 'z_report' || doc.docType === 'shift_open')
    return (
      <Text size="sm" c="dimmed">
        {t(`docType.${doc.docType}`)}
      </Text>
    );
  return <Text size="sm">{doc.docType}</Text>;
}

function DocumentsTable({ items }: { items: readonly RegisterDocument[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const money = (v: number, doc: RegisterDocument) => (doc.docType === 'receipt' ? formatSomoni(v, lang) : '');
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped highlightOnHover verticalSpacing="xs" data-testid="documents-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('fiscalData.number')}</Table.Th>
            <Table.Th>{t('fiscalData.type')}</Table.Th>
            <Table.Th ta="right">{t('fiscalData.total')}</Table.Th>
            <Table.Th>{t('fiscalData.issuedAt')}</Table.Th>
            <Table.Th ta="right">{t('fiscalData.cash')}</Table.Th>
            <Table.Th ta="right">{t('fiscalData.nonCash')}</Table.Th>
            <Table.Th ta="right">{t('fiscalData.taxTotal')}</Table.Th>
            <Table.Th>{t('fiscalData.shift')}</Table.Th>
            <Table.Th>{t('fiscalData.fiscalSign')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((d) => (
            <Table.Tr key={`${d.fiscalModuleNumber}-${d.number}`} data-testid="document-row" data-number={d.number} bg={d.isOffline ? 'yellow.0' : undefined}>
              <Table.Td fw={700} ff="monospace">
                {d.number}
              </Table.Td>
              <Table.Td>
                <DocType doc={d} />
              </Table.Td>
              <Table.Td ta="right" ff="monospace" fw={600} c={d.operation === 'refund' ? 'orange.9' : undefined}>
                {d.operation === 'refund' ? '−' : ''}
                {money(d.total, d)}
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {formatDateTime(d.issuedAt, lang)}
                  {d.isOffline && (
                    <Badge ml={6} color="yellow" variant="filled" c="dark" size="sm" data-testid="offline-mark">
                      {t('fiscalData.offline')}
                    </Badge>
                  )}
                </Text>
                {/* Received later than issued (offline work, p.36): when it reached the operator. */}
                {Date.parse(d.receivedAt) - Date.parse(d.issuedAt) > 60_000 && (
                  <Text size="xs" c={d.isOffline ? 'yellow.9' : 'dimmed'} style={{ whiteSpace: 'nowrap' }}>
                    {t('fiscalData.receivedLate', { date: formatDateTime(d.receivedAt, lang) })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right" ff="monospace">
                {money(d.cash, d)}
              </Table.Td>
              <Table.Td ta="right" ff="monospace">
                {money(d.nonCash, d)}
              </Table.Td>
              <Table.Td ta="right" ff="monospace">
                {money(d.taxTotal, d)}
              </Table.Td>
              <Table.Td>{d.shiftNumber}</Table.Td>
              <Table.Td ff="monospace">{d.fiscalSign}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * The documents of a chosen period, a page at a time (keyset cursors kept for going back), and the
 * streamed CSV and JSON Lines exports of the same period for the tax authority and the operator.
 */
export function DocumentsSection({ registerId, canExport, initial }: { registerId: string; canExport: boolean; initial: Period }) {
  const { t } = useTranslation();
  const [period, setPeriod] = useState<Period>(initial);
  const [draft, setDraft] = useState<Period>(initial);
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const after = cursors.at(-1);
  const docs = useApi(() => listDocuments(registerId, period, after, PAGE), [registerId, period.from, period.to, after]);
  const isDraftValid = Boolean(draft.from && draft.to && draft.from <= draft.to);

  const show = () => {
    setPeriod(draft);
    setCursors([undefined]);
  };

  return (
    <Section title={t('fiscalData.documents')} testId="documents">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          type="date"
          label={t('fiscalData.from')}
          name="from"
          value={draft.from}
          onChange={(e) => setDraft({ ...draft, from: e.currentTarget.value })}
          w={{ base: 'calc(50% - 6px)', sm: 170 }}
        />
        <TextInput
          type="date"
          label={t('fiscalData.to')}
          name="to"
          value={draft.to}
          onChange={(e) => setDraft({ ...draft, to: e.currentTarget.value })}
          error={draft.from && draft.to && draft.from > draft.to ? t('fiscalData.periodInvalid') : undefined}
          w={{ base: 'calc(50% - 6px)', sm: 170 }}
        />
        <Button onClick={show} disabled={!isDraftValid} variant="light" w={{ base: '100%', sm: 'auto' }}>
          {t('fiscalData.show')}
        </Button>
        {canExport && (
          <Group gap="xs" ml={{ sm: 'auto' }} w={{ base: '100%', sm: 'auto' }}>
            <Button
              component="a"
              href={exportHref(registerId, period, 'csv')}
              download
              variant="default"
              data-testid="export-csv"
              w={{ base: '100%', xs: 'auto' }}
            >
              {t('fiscalData.csv')}
            </Button>
            <Button
              component="a"
              href={exportHref(registerId, period, 'jsonl')}
              download
              variant="default"
              data-testid="export-jsonl"
              w={{ base: '100%', xs: 'auto' }}
            >
              {t('fiscalData.jsonl')}
            </Button>
          </Group>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        {t('fiscalData.amountsIn')}
        {canExport ? ` ${t('fiscalData.exportHint')}` : ''}
      </Text>
      <Loadable state={docs}>
        {(data) =>
          data.items.length === 0 && cursors.length === 1 ? (
            <Text c="dimmed" ta="center" py="md">
              {t('fiscalData.noDocuments')}
            </Text>
          ) : (
            <Stack gap="xs">
              <DocumentsTable items={data.items} />
              <Group justify="space-between" wrap="nowrap">
                <Button variant="default" size="sm" px="sm" disabled={cursors.length === 1 || docs.isLoading} onClick={() => setCursors((c) => c.slice(0, -1))}>
                  ← {t('fiscalData.prev')}
                </Button>
                <Text size="sm" c="dimmed" data-testid="documents-page" style={{ whiteSpace: 'nowrap' }}>
                  {t('fiscalData.page', { n: cursors.length })}
                </Text>
                <Button
                  variant="default"
                  size="sm"
                  px="sm"
                  disabled={!data.next || docs.isLoading}
                  onClick={() => data.next && setCursors((c) => [...c, data.next ?? undefined])}
                  data-testid="documents-next"
                >
                  {t('fiscalData.next')} →
                </Button>
              </Group>
            </Stack>
          )
        }
      </Loadable>
    </Section>
  );
}
