import { Anchor, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format.ts';
import { Link } from '../../lib/router.tsx';
import { useLang } from '../../lib/session.tsx';
import { releaseClock, type Summary } from './model.ts';
import { ClockText, Somoni, StateBadge, useCustomsText } from './parts.tsx';

/**
 * Declarations with their state badge; the officer's queue also shows the time left until the release
 * deadline and, with `laneOf`, the lane of the risk management system.
 */
export function DeclarationsTable({
  rows,
  now,
  isQueue = false,
  laneOf,
}: {
  rows: readonly Summary[];
  now: number;
  isQueue?: boolean;
  laneOf?: (id: string) => ReactNode;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const text = useCustomsText();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover verticalSpacing="sm" data-testid="declarations-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('cus.field.number')}</Table.Th>
            {laneOf && <Table.Th>{t('cus.field.riskLane')}</Table.Th>}
            <Table.Th>{t('cus.field.regime')}</Table.Th>
            <Table.Th>{t('cus.field.office')}</Table.Th>
            {isQueue && <Table.Th>{t('cus.field.declarant')}</Table.Th>}
            <Table.Th>{t('cus.field.itemCount')}</Table.Th>
            <Table.Th>{isQueue ? t('cus.field.releaseDueAt') : t('cus.field.createdAt')}</Table.Th>
            {isQueue && <Table.Th>{t('cus.field.timeLeft')}</Table.Th>}
            <Table.Th>{t('cus.field.payable')}</Table.Th>
            <Table.Th>{t('cus.field.state')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.id} data-testid="declaration-row" data-state={r.state} data-number={r.number ?? ''}>
              <Table.Td>
                <Anchor component={Link} to={`/customs/declarations/${r.id}`} fw={600} ff="monospace" size="sm">
                  {r.number ?? t('cus.state.DRAFT')}
                </Anchor>
              </Table.Td>
              {laneOf && <Table.Td>{laneOf(r.id)}</Table.Td>}
              <Table.Td>
                <Text size="sm">{text.tx(`cus.regime.${r.regime}`)}</Text>
                <Text size="xs" c="dimmed">
                  {t(`cus.direction.${r.direction}`)}
                </Text>
              </Table.Td>
              <Table.Td>{r.officeCode}</Table.Td>
              {isQueue && <Table.Td ff="monospace">{r.brokerTin ? `${r.declarantCode} / ${r.brokerTin}` : r.declarantCode}</Table.Td>}
              <Table.Td>{r.itemCount}</Table.Td>
              <Table.Td>
                <Text size="sm">{formatDateTime(isQueue ? r.releaseDueAt : r.createdAt, lang)}</Text>
              </Table.Td>
              {isQueue && (
                <Table.Td>
                  <ClockText clock={r.releasedAt ? undefined : releaseClock(r.releaseDueAt, now)} />
                </Table.Td>
              )}
              <Table.Td>
                <Somoni dirams={r.payableDirams} />
              </Table.Td>
              <Table.Td>
                <StateBadge state={r.state} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
