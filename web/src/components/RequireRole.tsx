import { Button, Center, Loader, Stack, Title } from '@mantine/core';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { homeOf } from '../lib/nav.ts';
import { Link, navigate, useLocation } from '../lib/router.tsx';
import { type Role, useSession } from '../lib/session.tsx';

export function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

export function Message({ title, action }: { title: string; action?: ReactNode }) {
  return (
    <Center py={80}>
      <Stack align="center">
        <Title order={2}>{title}</Title>
        {action}
      </Stack>
    </Center>
  );
}

/** Shows the page when the user has one of the roles; sends the public to the login form. */
export function RequireRole({ roles, children }: { roles?: readonly Role[]; children: ReactNode }) {
  const { t } = useTranslation();
  const { principal, role } = useSession();
  const { pathname } = useLocation();
  if (principal === undefined)
    return (
      <Center py={80}>
        <Loader />
      </Center>
    );
  if (principal === null) return <Redirect to={`/login?next=${encodeURIComponent(pathname)}`} />;
  if (roles && (!role || !roles.includes(role)))
    return (
      <Message
        title={t('state.forbidden')}
        action={
          <Button component={Link} to={homeOf(role)}>
            {t('action.back')}
          </Button>
        }
      />
    );
  return <>{children}</>;
}
