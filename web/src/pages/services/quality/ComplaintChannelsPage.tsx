import { Anchor, Badge, Button, Card, Group, List, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { Loadable, PageHeader } from '../../../components/feedback.tsx';
import { localised } from '../../../lib/format.ts';
import { Link } from '../../../lib/router.tsx';
import { useLang } from '../../../lib/session.tsx';
import { useApi } from '../../../lib/use-api.ts';
import { useNames } from '../parts.tsx';

/** A contact as something to act on: the telephone numbers dial, the address of e-mail writes. */
function Contact({ text }: { text: string }) {
  const parts = text.split(/,\s*/);
  const item = (p: string): ReactNode => {
    if (/^\d{3,}$/.test(p)) return <Anchor href={`tel:${p}`}>{p}</Anchor>;
    if (/^[^@\s]+@[^@\s]+$/.test(p)) return <Anchor href={`mailto:${p}`}>{p}</Anchor>;
    return p;
  };
  return (
    <Text fw={600} data-testid="channel-contact">
      {parts.map((p, i) => (
        <span key={p}>
          {i > 0 && ', '}
          {item(p)}
        </span>
      ))}
    </Text>
  );
}

/**
 * The six ways to complain about tax officials, at the complainant's choice (A1 p.13, TS-15, TS-21),
 * with the proof of receipt each gives (A1 p.14, TS-16): the Tax Committee's address, the heads of
 * the tax authority, the Book of complaints, the trust telephone 2330905 and 151, info@andoz.tj, CHAT.
 */
export function ComplaintChannelsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const names = useNames();
  const channels = useApi(() => api('GET /api/public/tax-services/complaint-channels'), []);
  return (
    <Stack maw={1000}>
      <PageHeader
        title={t('svq.channels.title')}
        subtitle={t('svq.channels.subtitle')}
        actions={
          <Button component={Link} to="/public/complaints">
            {t('svq.channels.fileOnline')}
          </Button>
        }
      />
      <Loadable state={channels}>
        {(list) => (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" data-testid="complaint-channels">
            {list.map((c, i) => (
              <Card key={localised(c.name, 'en')} withBorder radius="md" padding="lg" data-testid="complaint-channel">
                <Stack gap="xs">
                  <Group gap="sm" wrap="nowrap" align="flex-start">
                    <ThemeIcon radius="xl" size="lg" variant="light" color="teal">
                      {i + 1}
                    </ThemeIcon>
                    <Title order={3} fz={16}>
                      {localised(c.name, lang)}
                    </Title>
                  </Group>
                  {c.contact ? <Contact text={c.contact} /> : <Text c="dimmed">{t('svq.channels.headsContact')}</Text>}
                  <Group gap={4}>
                    {c.channels.map((ch) => (
                      <Badge key={ch} variant="outline" color="gray" size="sm">
                        {names.channel(ch)}
                      </Badge>
                    ))}
                  </Group>
                  {c.channels.includes('complaint_book') && (
                    <Anchor component={Link} to="/public/complaints" size="sm">
                      {t('svq.channels.fileOnline')}
                    </Anchor>
                  )}
                </Stack>
              </Card>
            ))}
          </SimpleGrid>
        )}
      </Loadable>
      <Card withBorder radius="md" padding="lg">
        <Stack gap="xs">
          <Title order={3} fz={16}>
            {t('svq.channels.proofTitle')}
          </Title>
          <List size="sm" spacing={4}>
            <List.Item>{t('svq.channels.proofInPerson')}</List.Item>
            <List.Item>{t('svq.channels.proofPost')}</List.Item>
          </List>
        </Stack>
      </Card>
    </Stack>
  );
}
