import { Center, Loader, Text } from '@mantine/core';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Message, Redirect } from './components/RequireRole.tsx';
import { Shell } from './components/Shell.tsx';
import { homeOf } from './lib/nav.ts';
import { Link, type Route, Routes } from './lib/router.tsx';
import { useSession } from './lib/session.tsx';
import { ROUTES } from './routes.tsx';

function Home() {
  const { principal, role } = useSession();
  if (principal === undefined) return null;
  return <Redirect to={principal ? homeOf(role) : '/login'} />;
}

function NotFound() {
  const { t } = useTranslation();
  return (
    <Message
      title={t('state.notFound')}
      action={
        <Text>
          <Link to="/">{t('app.name')}</Link>
        </Text>
      }
    />
  );
}

const ALL: readonly Route[] = [{ path: '/', render: () => <Home /> }, ...ROUTES];

export function App() {
  return (
    <Shell>
      <Suspense
        fallback={
          <Center py={80}>
            <Loader />
          </Center>
        }
      >
        <Routes routes={ALL} fallback={<NotFound />} />
      </Suspense>
    </Shell>
  );
}
