import { Anchor, Badge, Card, Group, List, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { PublishedTsc } from '../../api/types.gen.ts';
import { Loadable, PageHeader } from '../../components/feedback.tsx';
import { formatDate } from '../../lib/format.ts';
import { useLang } from '../../lib/session.tsx';
import { useApi } from '../../lib/use-api.ts';

const matches = (tsc: PublishedTsc, q: string) =>
  !q || [tsc.name, tsc.tin, tsc.address, ...tsc.branches.flatMap((b) => [b.name, b.region, b.address])].some((s) => s.toLowerCase().includes(q));

function TscCard({ tsc }: { tsc: PublishedTsc }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Card withBorder radius="md" padding="lg" component="article">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={2} fz={18}>
            {tsc.name}
          </Title>
          <Badge variant="light">
            {t('field.tin')} {tsc.tin}
          </Badge>
        </Group>
        <Text size="sm">{tsc.address}</Text>
        <Text size="sm">
          ☎ {tsc.phone}
          {tsc.callCentrePhone ? ` · ${t('tscRegistry.callCentre')}: ${tsc.callCentrePhone}` : ''}
        </Text>
        {tsc.website && (
          <Anchor href={tsc.website} target="_blank" rel="noopener noreferrer" size="sm">
            {tsc.website}
          </Anchor>
        )}
        <Text size="xs" c="dimmed">
          {t('tscRegistry.decision')} № {tsc.decisionNumber}, {formatDate(tsc.includedAt, lang)}
        </Text>
        <Text size="sm" fw={600} mt="xs">
          {t('tscRegistry.branches')}
        </Text>
        {tsc.branches.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('tscRegistry.noBranches')}
          </Text>
        ) : (
          <List size="sm" spacing={2}>
            {tsc.branches.map((b) => (
              <List.Item key={b.id}>
                <b>{b.name}</b> ({b.region}) — {b.address}, ☎ {b.phone}
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Card>
  );
}

/** The published state registry of TSCs with their branches, open to everyone (p.84). */
export function PublicTscsPage() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const tscs = useApi(() => api('GET /api/public/tscs'), []);
  const query = q.trim().toLowerCase();
  return (
    <Stack>
      <PageHeader title={t('nav.tscs')} subtitle={t('tscRegistry.subtitle')} />
      <TextInput label={t('action.search')} value={q} onChange={(e) => setQ(e.currentTarget.value)} w={{ base: '100%', sm: 360 }} />
      <Loadable state={tscs} isEmpty={(d) => d.filter((x) => matches(x, query)).length === 0}>
        {(data) => (
          <SimpleGrid cols={{ base: 1, md: 2 }} data-testid="tsc-registry">
            {data
              .filter((x) => matches(x, query))
              .map((tsc) => (
                <TscCard key={tsc.id} tsc={tsc} />
              ))}
          </SimpleGrid>
        )}
      </Loadable>
    </Stack>
  );
}
