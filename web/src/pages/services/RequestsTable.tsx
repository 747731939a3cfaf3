import { Anchor, Badge, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime, localised } from '../../lib/format.ts';
import { Link } from '../../lib/router.tsx';
import { useLang } from '../../lib/session.tsx';
import type { ServiceRequest } from './model.ts';
import { DueText, SlaBadge, useNames } from './parts.tsx';

/** Requests with their live SLA badge and due time in Dushanbe; officers also see applicant, unit and channel. */
export function RequestsTable({
  rows,
  now,
  href,
  isOfficer = false,
}: {
  rows: readonly ServiceRequest[];
  now: number;
  href: (r: ServiceRequest) => string;
  isOfficer?: boolean;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const names = useNames();
  return (
    <Table.ScrollContainer minWidth={isOfficer ? 1000 : 760}>
      <Table striped highlightOnHover verticalSpacing="sm" data-testid="requests-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('svc.field.number')}</Table.Th>
            <Table.Th>{t('svc.field.service')}</Table.Th>
            {isOfficer && <Table.Th>{t('svc.field.applicant')}</Table.Th>}
            {isOfficer && <Table.Th>{t('svc.field.unit')}</Table.Th>}
            <Table.Th>{t('svc.field.receivedAt')}</Table.Th>
            <Table.Th>{t('svc.field.dueAt')}</Table.Th>
            <Table.Th>{t('svc.field.state')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.id} data-testid="request-row" data-service={r.serviceKey}>
              <Table.Td>
                <Anchor component={Link} to={href(r)} fw={600} ff="monospace" size="sm">
                  {r.number}
                </Anchor>
              </Table.Td>
              <Table.Td maw={380}>
                <Group gap={6} wrap="nowrap" align="flex-start">
                  <Badge variant="outline" color="gray" ff="monospace" size="sm" style={{ flexShrink: 0 }}>
                    {r.serviceKey}
                  </Badge>
                  <Text size="sm" lineClamp={2} title={localised(r.serviceName, lang)}>
                    {localised(r.serviceName, lang)}
                  </Text>
                </Group>
              </Table.Td>
              {isOfficer && (
                <Table.Td>
                  <Stack gap={0}>
                    <Text size="sm">{r.applicant.name ?? (r.applicant.tin ? `${t('svc.field.tin')} ${r.applicant.tin}` : '—')}</Text>
                    <Text size="xs" c="dimmed">
                      {names.channel(r.channel)}
                    </Text>
                  </Stack>
                </Table.Td>
              )}
              {isOfficer && (
                <Table.Td>
                  <Text size="sm">{localised(r.unit.name, lang)}</Text>
                  <Text size="xs" c="dimmed">
                    {names.region(r.unit.region)}
                  </Text>
                </Table.Td>
              )}
              <Table.Td>
                <Text size="sm">{formatDateTime(r.receivedAt, lang)}</Text>
              </Table.Td>
              <Table.Td>
                <DueText r={r} now={now} />
              </Table.Td>
              <Table.Td>
                <SlaBadge sla={r.sla} now={now} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
