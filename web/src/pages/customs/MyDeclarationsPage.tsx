import { Button, Stack, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { Loadable, PageHeader } from '../../components/feedback.tsx';
import { Link } from '../../lib/router.tsx';
import { useApi } from '../../lib/use-api.ts';
import { useNow } from '../services/parts.tsx';
import { DeclarationsTable } from './DeclarationsTable.tsx';

/** The declarant's own declarations, newest first, with their states (CUS-DEC-02). */
export function MyDeclarationsPage() {
  const { t } = useTranslation();
  const now = useNow();
  const list = useApi(() => api('GET /api/customs/declarations', { query: { limit: 200 } }), []);
  const { reload } = list;
  useEffect(() => {
    window.addEventListener('focus', reload);
    return () => window.removeEventListener('focus', reload);
  }, [reload]);
  return (
    <Stack>
      <PageHeader
        title={t('cus.title.my')}
        subtitle={t('cus.title.mySubtitle')}
        actions={
          <Button component={Link} to="/customs/declarations/new" data-testid="new-declaration">
            {t('cus.action.new')}
          </Button>
        }
      />
      <Loadable state={list}>
        {(rows) =>
          rows.length === 0 ? (
            <Text c="dimmed" ta="center" py="lg">
              {t('state.empty')}
            </Text>
          ) : (
            <DeclarationsTable rows={[...rows].sort((a, b) => b.createdAt.localeCompare(a.createdAt))} now={now} />
          )
        }
      </Loadable>
    </Stack>
  );
}
