import { Anchor, Badge, Button, Divider, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import type { RegistrationCard } from '../api/types.gen.ts';
import { Loadable } from '../components/feedback.tsx';
import { RegisterTabs } from '../components/RegisterTabs.tsx';
import { RegisterStatusBadge } from '../components/status.tsx';
import { formatDate, formatLongDate, localised } from '../lib/format.ts';
import { useLang } from '../lib/session.tsx';
import { useApi } from '../lib/use-api.ts';

const EVENT_KINDS = ['registered', 're_registered', 'address_changed', 'deregistered', 'lost', 'inspected'] as const;
const isEventKind = (k: string): k is (typeof EVENT_KINDS)[number] => (EVENT_KINDS as readonly string[]).includes(k);

function Signature({ label, name }: { label: string; name: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600}>{name}</Text>
    </Stack>
  );
}

/** Annex 2 (FIS-AX2-01 to 11): the card with its history rows, as the business sees it in its cabinet. */
function CardView({ card }: { card: RegistrationCard }) {
  const { t } = useTranslation();
  const lang = useLang();
  const inspectorate = localised(card.inspectorate.name, lang);
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'xl' }} data-testid="registration-card">
      <Stack gap="lg">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Text size="xs" c="dimmed">
            {t('card.annex')}
          </Text>
          <RegisterStatusBadge status={card.status} isLost={card.isLost} />
        </Group>
        <Title order={2} ta="center" fz={{ base: 18, sm: 22 }}>
          {t('card.heading')}
        </Title>
        <Text>
          {t('card.statement', {
            kind: t(`kind.${card.kind}`),
            model: `${card.modelName} ${card.modelVersion}`,
            number: card.manufacturerNumber,
            inspectorate,
          })}
        </Text>
        <Group gap="xl" wrap="wrap">
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              {t('field.registryNumber')}
            </Text>
            <Text fz={22} fw={800} ff="monospace" data-testid="card-registry-number">
              {card.registryNumber}
            </Text>
          </Stack>
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              {t('field.registeredAt')}
            </Text>
            <Text fz={18} fw={600}>
              {formatLongDate(card.registeredOn, lang)}
            </Text>
          </Stack>
          {card.isFreeOfCharge && (
            <Badge variant="light" color="teal" size="lg">
              {t('card.free')}
            </Badge>
          )}
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Text size="sm">
            <Text span c="dimmed">
              {t('field.business')}:{' '}
            </Text>
            {card.business.name} · {t('field.tin')} {card.business.tin}
          </Text>
          <Text size="sm">
            <Text span c="dimmed">
              {t('card.certificate')}:{' '}
            </Text>
            № {card.certificate.number}, {card.certificate.issuer}, {formatDate(card.certificate.validTo, lang)}
          </Text>
          <Text size="sm">
            <Text span c="dimmed">
              {t('field.fiscalModuleNumber')}:{' '}
            </Text>
            {card.fiscalModuleNumber}
          </Text>
          <Text size="sm">
            <Text span c="dimmed">
              {t('field.inspectorate')}:{' '}
            </Text>
            {inspectorate} ({card.inspectorate.code})
          </Text>
        </SimpleGrid>
        <Stack gap="xs">
          <Text fw={600}>{t('card.history')}</Text>
          <Table.ScrollContainer minWidth={720}>
            <Table withTableBorder withColumnBorders verticalSpacing="xs" data-testid="card-history">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('field.registryNumber')}</Table.Th>
                  <Table.Th>{t('card.typeOrVersion')}</Table.Th>
                  <Table.Th>{t('field.manufacturerNumber')}</Table.Th>
                  <Table.Th>{t('field.softwareVersion')}</Table.Th>
                  <Table.Th>{t('card.location')}</Table.Th>
                  <Table.Th>{t('card.event')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {card.history.map((h) => (
                  <Table.Tr key={`${h.kind}-${h.at}`}>
                    <Table.Td ff="monospace">{card.registryNumber}</Table.Td>
                    <Table.Td>
                      {card.modelName} {card.modelVersion}
                    </Table.Td>
                    <Table.Td>{card.manufacturerNumber}</Table.Td>
                    <Table.Td>{h.softwareVersion}</Table.Td>
                    <Table.Td>{h.placeOfActivity}</Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {isEventKind(h.kind) ? t(`card.eventKind.${h.kind}`) : h.kind}, {formatDate(h.on, lang)}
                      </Text>
                      {h.note && (
                        <Text size="xs" c="dimmed">
                          {h.note}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
        <Divider />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Signature label={t('card.inspectorateHead')} name={card.inspectorate.headName} />
          <Signature label={t('card.inspector')} name={card.inspectorate.registrationInspectorName} />
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}

/** The registration card page with its print views (the official Tajik form and this page). */
export function RegisterCardPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const card = useApi(() => api('GET /api/fiscal/registers/{id}/card', { params: { id } }), [id]);
  return (
    <Stack maw={1000}>
      <Group justify="space-between" className="no-print" wrap="wrap">
        <Title order={1} fz={{ base: 22, sm: 26 }}>
          {t('card.title')}
          {card.data ? ` · ${card.data.registryNumber}` : ''}
        </Title>
        <Group gap="sm">
          <Anchor href={`/api/fiscal/registers/${id}/card.html`} target="_blank" rel="noopener">
            {t('card.printOfficial')}
          </Anchor>
          <Button variant="default" onClick={() => window.print()}>
            {t('card.printThis')}
          </Button>
        </Group>
      </Group>
      <RegisterTabs id={id} current="card" />
      <Loadable state={card}>{(data) => <CardView card={data} />}</Loadable>
    </Stack>
  );
}
