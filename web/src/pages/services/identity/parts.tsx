import { Alert, Anchor, Button, Card, CopyButton, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../api/client.ts';
import { ProblemAlert } from '../../../components/feedback.tsx';
import { Link } from '../../../lib/router.tsx';
import { hasWebCrypto } from './keys.ts';

/** The wait the server asked for after a 429 (`details.retryAfterSeconds`, as the Retry-After header), at least 1 s. */
export function retryAfterSeconds(error: ApiError | undefined): number | undefined {
  if (error?.status !== 429) return undefined;
  const seconds = Number(error.details?.retryAfterSeconds);
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : 60;
}

/** "Too many queries from your address": a countdown instead of an error, then the button comes back. */
export function RateLimitNotice({ seconds, onReady }: { seconds: number; onReady?: () => void }) {
  const { t } = useTranslation();
  const [left, setLeft] = useState(seconds);
  const ready = useRef(onReady);
  ready.current = onReady;
  useEffect(() => setLeft(seconds), [seconds]);
  useEffect(() => {
    if (left <= 0) {
      ready.current?.();
      return;
    }
    const timer = window.setTimeout(() => setLeft((s) => s - 1), 1000);
    return () => window.clearTimeout(timer);
  }, [left]);
  return (
    <Alert color="orange" variant="light" title={t('svcId.rateLimited.title')} role="status" data-testid="rate-limited">
      {left > 0 ? t('svcId.rateLimited.wait', { seconds: left }) : t('svcId.rateLimited.ready')}
    </Alert>
  );
}

/** A refusal as the identity pages show it: the countdown for a 429, else the server's localised problem. */
export function IdentityProblem({ error, shownFields, onReady }: { error: ApiError | undefined; shownFields?: readonly string[]; onReady?: () => void }) {
  const wait = retryAfterSeconds(error);
  if (wait !== undefined) return <RateLimitNotice seconds={wait} onReady={onReady} />;
  return <ProblemAlert error={error} shownFields={shownFields} />;
}

/** These pages hash and sign in the browser: a page served over plain http (not localhost) has no Web Crypto. */
export function NeedsWebCrypto({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  if (hasWebCrypto()) return <>{children}</>;
  return (
    <Alert color="red" variant="light" title={t('svcId.noCrypto.title')}>
      {t('svcId.noCrypto.body')}
    </Alert>
  );
}

/** A labelled value in a result card. */
export function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div" data-testid={testId} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Stack>
  );
}

export function Facts({ children }: { children: ReactNode }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      {children}
    </SimpleGrid>
  );
}

/** A TIN in large figures with a copy button. */
export function TinFigure({ tin }: { tin: string }) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" align="center">
      <Text fz={32} fw={800} ff="monospace" data-testid="tin" aria-label={`${t('svcId.field.tin')} ${tin}`}>
        {tin}
      </Text>
      <CopyButton value={tin}>
        {({ copied, copy }) => (
          <Button size="xs" variant="light" onClick={copy}>
            {copied ? t('svcId.action.copied') : t('svcId.action.copy')}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}

/** A link that saves bytes made in the browser as a file (an object URL, released when the link goes). */
export function SaveFile({
  bytes,
  fileName,
  mediaType,
  children,
  testId,
  onSaved,
  size = 'sm',
}: {
  size?: 'xs' | 'sm' | 'md';
  bytes: Uint8Array | string;
  fileName: string;
  mediaType: string;
  children: ReactNode;
  testId?: string;
  onSaved?: () => void;
}) {
  const url = useMemo(() => URL.createObjectURL(new Blob([bytes as BlobPart], { type: mediaType })), [bytes, mediaType]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return (
    <Button component="a" href={url} download={fileName} variant="light" size={size} data-testid={testId} onClick={onSaved}>
      {children}
    </Button>
  );
}

/** A result card: green for a success, grey for a negative answer. */
export function Outcome({ tone, title, children, testId }: { tone: 'good' | 'neutral' | 'bad'; title: string; children?: ReactNode; testId?: string }) {
  const color = tone === 'good' ? 'teal' : tone === 'bad' ? 'red' : 'gray';
  return (
    <Card withBorder radius="md" padding="lg" data-testid={testId} data-tone={tone} style={{ borderColor: `var(--mantine-color-${color}-5)` }}>
      <Stack gap="sm">
        <Text fw={700} c={color === 'gray' ? undefined : `${color}.8`} fz="lg" role="status">
          {title}
        </Text>
        {children}
      </Stack>
    </Card>
  );
}

/** A small link to another identity page. */
export function PageLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Anchor component={Link} to={to} size="sm">
      {children}
    </Anchor>
  );
}
