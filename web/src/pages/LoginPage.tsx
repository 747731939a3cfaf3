import { Anchor, Button, Center, Group, Paper, PasswordInput, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../components/feedback.tsx';
import { homeOf } from '../lib/nav.ts';
import { Link, navigate, useLocation } from '../lib/router.tsx';
import { type Role, useSession } from '../lib/session.tsx';
import { useAction } from '../lib/use-api.ts';

type Who = 'business' | 'staff';

/** One form for both: a business logs in with its TIN and PIN, staff with login and password (p.18). */
export function LoginPage() {
  const { t } = useTranslation();
  const { login } = useSession();
  const { search } = useLocation();
  const [who, setWho] = useState<Who>('business');
  const [name, setName] = useState('');
  const [secret, setSecret] = useState('');
  const submit = useAction(login);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const principal = await submit.run(name.trim(), secret);
    if (!principal) return;
    const back = search.get('next');
    navigate(back?.startsWith('/') ? back : homeOf(principal.role as Role), { replace: true });
  };

  const isBusiness = who === 'business';
  const loginError = submit.error?.messageFor('login');
  const secretError = submit.error?.messageFor('secret');
  return (
    <Center mih="calc(100vh - 120px)">
      <Paper withBorder shadow="sm" radius="md" p="xl" w="100%" maw={420}>
        <form onSubmit={onSubmit} noValidate aria-labelledby="login-title">
          <Stack gap="md">
            <Stack gap={4}>
              <Title order={1} fz={24} id="login-title">
                {t('login.title')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('login.subtitle')}
              </Text>
            </Stack>
            <SegmentedControl
              fullWidth
              value={who}
              onChange={(v) => setWho(v === 'staff' ? 'staff' : 'business')}
              data={[
                { value: 'business', label: t('login.asBusiness') },
                { value: 'staff', label: t('login.asStaff') },
              ]}
            />
            <TextInput
              label={isBusiness ? t('login.tin') : t('login.login')}
              description={isBusiness ? t('login.tinHint') : undefined}
              name="login"
              autoComplete="username"
              inputMode={isBusiness ? 'numeric' : 'text'}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={loginError}
              required
              data-autofocus
              autoFocus
            />
            <PasswordInput
              label={isBusiness ? t('login.pin') : t('login.password')}
              name="secret"
              autoComplete="current-password"
              value={secret}
              onChange={(e) => setSecret(e.currentTarget.value)}
              error={secretError}
              required
            />
            <ProblemAlert error={submit.error} shownFields={['login', 'secret']} />
            <Button type="submit" loading={submit.isRunning} disabled={!name.trim() || !secret}>
              {t('action.login')}
            </Button>
            <Group justify="center" gap="md">
              <Anchor component={Link} to="/r" size="sm">
                {t('nav.receiptCheck')}
              </Anchor>
              <Anchor component={Link} to="/public/models" size="sm">
                {t('nav.models')}
              </Anchor>
              <Anchor component={Link} to="/public/tscs" size="sm">
                {t('nav.tscs')}
              </Anchor>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
