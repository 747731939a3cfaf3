import { Anchor, Badge, Button, Card, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import type { Notification } from '../api/types.gen.ts';
import { Loadable, PageHeader, ProblemAlert } from '../components/feedback.tsx';
import { formatDateTime, localised } from '../lib/format.ts';
import { Link } from '../lib/router.tsx';
import { type Role, useLang, useSession } from '../lib/session.tsx';
import { useAction, useApi } from '../lib/use-api.ts';

/** Where a notice's subject can be opened, by the reader's role. */
function subjectLink(n: Notification, role: Role | undefined): string | undefined {
  if (!n.subjectId) return undefined;
  switch (n.subjectType) {
    case 'register':
      return role === 'business' ? `/my/registers/${n.subjectId}` : `/registers/${n.subjectId}`;
    case 'application':
      return `/applications/${n.subjectId}`;
    case 'tsc_application':
      return role === 'tax_officer' ? `/tax/tsc-applications/${n.subjectId}` : undefined;
    case 'service_request':
      if (role === 'taxpayer' || role === 'business') return `/my/services/${n.subjectId}`;
      return role === 'tax_officer' || role === 'service_officer' ? `/services/queue/${n.subjectId}` : undefined;
    default:
      return undefined;
  }
}

/** The personal-cabinet inbox (утоқи шахсӣ): decisions, refusal notices, registration cards. */
export function InboxPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { role, refreshUnread } = useSession();
  const [filter, setFilter] = useState<'all' | 'unread'>('all');
  const inbox = useApi(() => api('GET /api/notifications', { query: { unread: filter === 'unread' || undefined, limit: 200 } }), [filter]);
  const markRead = useAction(async (id: string) => {
    await api('POST /api/notifications/{id}/read', { params: { id } });
    inbox.reload();
    await refreshUnread();
  });

  return (
    <Stack maw={900}>
      <PageHeader
        title={t('nav.inbox')}
        subtitle={inbox.data ? t('inbox.unreadCount', { count: inbox.data.unread }) : undefined}
        actions={
          <SegmentedControl
            value={filter}
            onChange={(v) => setFilter(v === 'unread' ? 'unread' : 'all')}
            data={[
              { value: 'all', label: t('state.all') },
              { value: 'unread', label: t('inbox.unread') },
            ]}
          />
        }
      />
      <ProblemAlert error={markRead.error} />
      <Loadable state={inbox} isEmpty={(d) => d.items.length === 0}>
        {(data) => (
          <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {data.items.map((n) => {
              const link = subjectLink(n, role);
              return (
                <Card key={n.id} component="li" withBorder padding="md" radius="md" bg={n.readAt ? undefined : 'var(--mantine-color-teal-light)'}>
                  <Group justify="space-between" align="flex-start" wrap="nowrap">
                    <Stack gap={4}>
                      <Group gap="xs">
                        {!n.readAt && (
                          <Badge size="xs" color="teal">
                            {t('inbox.new')}
                          </Badge>
                        )}
                        <Text fw={600}>{localised(n.title, lang)}</Text>
                      </Group>
                      <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                        {localised(n.body, lang)}
                      </Text>
                      <Group gap="md">
                        <Text size="xs" c="dimmed">
                          {formatDateTime(n.createdAt, lang)}
                        </Text>
                        {link && (
                          <Anchor component={Link} to={link} size="xs">
                            {t('action.open')}
                          </Anchor>
                        )}
                      </Group>
                    </Stack>
                    {!n.readAt && (
                      <Button size="xs" variant="subtle" style={{ flexShrink: 0 }} onClick={() => void markRead.run(n.id)}>
                        {t('action.markRead')}
                      </Button>
                    )}
                  </Group>
                </Card>
              );
            })}
          </Stack>
        )}
      </Loadable>
    </Stack>
  );
}
