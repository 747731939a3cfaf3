import { Alert, Button, Center, Group, List, Loader, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client.ts';
import type { Loaded } from '../lib/use-api.ts';

/** The server's refusal: its localised title, and the field errors not already shown next to a field. */
export function ProblemAlert({ error, shownFields = [] }: { error: ApiError | undefined; shownFields?: readonly string[] }) {
  const { t } = useTranslation();
  if (!error) return null;
  const isMissingRoute = error.code === 'ROUTE_NOT_FOUND';
  const bare = (field: string) => field.replace(/^(body|query|params)\./, '');
  const isShown = (field: string) => shownFields.some((f) => bare(field) === f || bare(field).startsWith(`${f}.`) || bare(field).startsWith(`${f}[`));
  const rest = error.errors.filter((e) => !isShown(e.field));
  return (
    <Alert
      color="red"
      variant="light"
      title={isMissingRoute ? t('state.apiMissing') : error.code === 'NETWORK' ? t('state.network') : error.title}
      role="alert"
      data-testid="problem"
    >
      <Stack gap={4}>
        {!isMissingRoute && (
          <Text size="xs" c="dimmed" ff="monospace">
            {error.code}
            {error.field ? ` · ${error.field}` : ''}
          </Text>
        )}
        {rest.length > 0 && (
          <List size="sm">
            {rest.map((e) => (
              <List.Item key={`${e.field}:${e.code}`}>
                <b>{e.field.replace(/^body\./, '')}</b>: {e.message}
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Alert>
  );
}

/** Page title with an optional subtitle and actions on the right. */
export function PageHeader({ title, subtitle, actions }: { title: ReactNode; subtitle?: ReactNode; actions?: ReactNode }) {
  return (
    <Group justify="space-between" align="flex-end" mb="md" wrap="wrap" gap="sm">
      <Stack gap={2}>
        <Title order={1} fz={{ base: 22, sm: 26 }}>
          {title}
        </Title>
        {subtitle && (
          <Text c="dimmed" size="sm">
            {subtitle}
          </Text>
        )}
      </Stack>
      {actions && <Group gap="xs">{actions}</Group>}
    </Group>
  );
}

/** Loading, error and empty states around data that a page loaded. */
export function Loadable<T>({ state, children, isEmpty }: { state: Loaded<T>; children: (data: T) => ReactNode; isEmpty?: (data: T) => boolean }) {
  const { t } = useTranslation();
  if (state.error && state.data === undefined)
    return (
      <Stack gap="sm">
        <ProblemAlert error={state.error} />
        <Group>
          <Button variant="default" onClick={state.reload}>
            {t('action.retry')}
          </Button>
        </Group>
      </Stack>
    );
  if (state.data === undefined)
    return (
      <Center py="xl" aria-busy="true">
        <Group gap="xs">
          <Loader size="sm" />
          <Text c="dimmed">{t('state.loading')}</Text>
        </Group>
      </Center>
    );
  if (isEmpty?.(state.data))
    return (
      <Text c="dimmed" py="lg" ta="center">
        {t('state.empty')}
      </Text>
    );
  return <>{children(state.data)}</>;
}
