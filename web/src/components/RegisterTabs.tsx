import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { navigate } from '../lib/router.tsx';
import { type Role, useSession } from '../lib/session.tsx';

export type RegisterView = 'card' | 'fiscal';

/** Where a register's pages live for a role: a business in its cabinet, staff under /registers. */
export function registerHref(role: Role | undefined, id: string, view: RegisterView = 'card'): string {
  const base = role === 'business' ? `/my/registers/${id}` : `/registers/${id}`;
  return view === 'fiscal' ? `${base}/fiscal` : base;
}

/** The registration card and the fiscal data of one register, as two tabs. */
export function RegisterTabs({ id, current }: { id: string; current: RegisterView }) {
  const { t } = useTranslation();
  const { role } = useSession();
  return (
    <Tabs value={current} onChange={(v) => navigate(registerHref(role, id, v === 'fiscal' ? 'fiscal' : 'card'))} className="no-print">
      <Tabs.List>
        <Tabs.Tab value="card" fz="md">
          {t('card.title')}
        </Tabs.Tab>
        <Tabs.Tab value="fiscal" fz="md" data-testid="tab-fiscal">
          {t('fiscalData.tab')}
        </Tabs.Tab>
      </Tabs.List>
    </Tabs>
  );
}
