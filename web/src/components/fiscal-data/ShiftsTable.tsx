import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShiftState } from '../../api/fiscal-data.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useLang } from '../../lib/session.tsx';
import { Section } from './Section.tsx';
import { ZDifferences } from './ZDifferences.tsx';

const FIRST = 10;

function Reconciliation({ shift }: { shift: ShiftState }) {
  const { t } = useTranslation();
  if (shift.reconciliation === 'match')
    return (
      <Badge color="teal" variant="light">
        {t('fiscalData.match')}
      </Badge>
    );
  if (shift.reconciliation === 'mismatch')
    return (
      <Badge color="red" variant="filled">
        {t('fiscalData.mismatch')}
      </Badge>
    );
  return (
    <Badge color="gray" variant="outline">
      {t('fiscalData.stillOpen')}
    </Badge>
  );
}

/** FIS-IMP-20: each shift with its Z-report checked against the receipts received; a mismatch in red with its differences. */
export function ShiftsTable({ shifts }: { shifts: readonly ShiftState[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [isAll, setAll] = useState(false);
  const shown = isAll ? shifts : shifts.slice(0, FIRST);
  return (
    <Section title={t('fiscalData.shifts')} testId="shifts">
      {shifts.length === 0 ? (
        <Text c="dimmed">{t('fiscalData.noShifts')}</Text>
      ) : (
        <>
          <Table.ScrollContainer minWidth={520}>
            <Table verticalSpacing="xs" striped={false} data-testid="shifts-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('fiscalData.shift')}</Table.Th>
                  <Table.Th>{t('fiscalData.reconciliation')}</Table.Th>
                  <Table.Th>{t('fiscalData.openedAt')}</Table.Th>
                  <Table.Th>{t('fiscalData.closedAt')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((s) => (
                  <Fragment key={s.shiftNumber}>
                    <Table.Tr bg={s.reconciliation === 'mismatch' ? 'red.0' : undefined} data-reconciliation={s.reconciliation ?? 'open'}>
                      <Table.Td fw={700} style={{ whiteSpace: 'nowrap' }}>
                        № {s.shiftNumber}
                      </Table.Td>
                      <Table.Td>
                        <Reconciliation shift={s} />
                      </Table.Td>
                      <Table.Td>{formatDateTime(s.openedAt, lang)}</Table.Td>
                      <Table.Td>{formatDateTime(s.closedAt, lang)}</Table.Td>
                    </Table.Tr>
                    {s.differences.length > 0 && (
                      <Table.Tr bg="red.0" data-differences-of={s.shiftNumber}>
                        <Table.Td colSpan={4} pt={0}>
                          <ZDifferences differences={s.differences} />
                        </Table.Td>
                      </Table.Tr>
                    )}
                  </Fragment>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {shifts.length > FIRST && (
            <Group>
              <Button variant="subtle" onClick={() => setAll((v) => !v)}>
                {isAll ? t('fiscalData.showLess') : t('fiscalData.showAll', { count: shifts.length })}
              </Button>
            </Group>
          )}
        </>
      )}
    </Section>
  );
}
