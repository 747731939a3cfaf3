import {
  ActionIcon,
  AppShell,
  Badge,
  Burger,
  Button,
  Divider,
  Group,
  Indicator,
  NavLink,
  ScrollArea,
  Stack,
  Text,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, navigate, useLocation } from '../lib/router.tsx';
import { PUBLIC_NAV, ROLE_NAV, type NavItem } from '../lib/nav.ts';
import { useSession } from '../lib/session.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';

function NavSection({ title, items, onPick }: { title: string; items: readonly NavItem[]; onPick: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <Stack gap={2}>
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="sm">
        {title}
      </Text>
      {items.map((item) => (
        <NavLink
          key={item.to}
          component={Link}
          to={item.to}
          label={t(`nav.${item.label}`)}
          active={pathname === item.to || pathname.startsWith(`${item.to}/`)}
          onClick={onPick}
          aria-current={pathname === item.to ? 'page' : undefined}
        />
      ))}
    </Stack>
  );
}

function InboxButton() {
  const { t } = useTranslation();
  const { unread } = useSession();
  return (
    <Tooltip label={t('nav.inbox')}>
      <Indicator label={<span data-testid="inbox-count">{unread}</span>} size={18} disabled={unread === 0} color="red" offset={4}>
        <ActionIcon component={Link} to="/inbox" variant="light" size="lg" aria-label={`${t('nav.inbox')}: ${unread}`}>
          <span aria-hidden="true">✉</span>
        </ActionIcon>
      </Indicator>
    </Tooltip>
  );
}

function UserBlock() {
  const { t } = useTranslation();
  const { principal, role, logout } = useSession();
  if (principal === undefined) return null;
  if (principal === null)
    return (
      <Button component={Link} to="/login" size="sm">
        {t('action.login')}
      </Button>
    );
  return (
    <Group gap="sm" wrap="nowrap">
      <InboxButton />
      <Stack gap={0} visibleFrom="sm" data-testid="user-block">
        <Text size="sm" fw={600} lh={1.2}>
          {principal.displayName}
        </Text>
        <Text size="xs" c="dimmed" lh={1.2}>
          {role ? t(`role.${role}`) : principal.role}
          {principal.tin ? ` · ${t('field.tin')} ${principal.tin}` : ''}
        </Text>
      </Stack>
      <Button
        variant="default"
        size="sm"
        px={{ base: 'xs', sm: 'md' }}
        onClick={async () => {
          await logout();
          navigate('/login');
        }}
      >
        {t('action.logout')}
      </Button>
    </Group>
  );
}

/** Header with the user, role, language switch, inbox badge and logout; navigation per role. */
export function Shell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [isOpen, { toggle, close }] = useDisclosure(false);
  const { role } = useSession();
  const work = role ? ROLE_NAV[role] : undefined;
  return (
    <AppShell header={{ height: 64 }} navbar={{ width: 260, breakpoint: 'md', collapsed: { mobile: !isOpen } }} padding="md">
      <a href="#main" className="skip-link">
        {t('app.skip')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={isOpen} onClick={toggle} hiddenFrom="md" size="sm" aria-label={t('app.menu')} />
            <UnstyledButton component={Link} to="/" aria-label={t('app.name')} visibleFrom="xs">
              <Group gap={8} wrap="nowrap">
                <Badge size="lg" radius="sm" variant="filled" color="teal">
                  Б
                </Badge>
                <Stack gap={0} visibleFrom="sm">
                  <Text fw={800} lh={1.1}>
                    {t('app.name')}
                  </Text>
                  <Text size="xs" c="dimmed" lh={1.1}>
                    {t('app.tagline')}
                  </Text>
                </Stack>
              </Group>
            </UnstyledButton>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitch />
            <UserBlock />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('app.menu')}>
        <ScrollArea>
          {work && <NavSection title={t('nav.work')} items={work} onPick={close} />}
          {work && <Divider my="sm" />}
          <NavSection title={t('nav.public')} items={PUBLIC_NAV} onPick={close} />
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        {children}
      </AppShell.Main>
    </AppShell>
  );
}
