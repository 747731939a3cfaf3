import { Alert, Badge, Button, Card, Group, PasswordInput, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { PageHeader, ProblemAlert } from '../../../components/feedback.tsx';
import { formatDateTime, localised } from '../../../lib/format.ts';
import { Link, useLocation } from '../../../lib/router.tsx';
import { useLang } from '../../../lib/session.tsx';
import { useAction } from '../../../lib/use-api.ts';
import { useNames } from '../parts.tsx';
import { type ComplaintStatus, downloadPost, isComplaintState, isRegistrationNumber, isSecretShaped } from './model.ts';
import { Field } from './parts.tsx';
import { SurveyCard } from './Survey.tsx';

type Key = { registrationNumber: string; secret: string };

function StatusCard({ status, keyOf }: { status: ComplaintStatus; keyOf: Key }) {
  const { t } = useTranslation();
  const lang = useLang();
  const names = useNames();
  const letter = useAction(() =>
    downloadPost('/api/public/tax-services/complaint-book/reply-letter', keyOf, `complaint-${keyOf.registrationNumber}-reply.pdf`),
  );
  const isAnswered = status.status === 'answered';
  return (
    <Stack>
      <Card withBorder radius="md" padding="lg" data-testid="complaint-status" data-status={status.status}>
        <Stack>
          <Group justify="space-between" align="flex-start">
            <Stack gap={2}>
              <Text size="sm" c="dimmed" ff="monospace">
                № {status.registrationNumber} · {status.serviceKey}
              </Text>
              <Title order={2} fz={20}>
                {localised(status.serviceName, lang)}
              </Title>
            </Stack>
            <Badge color={isAnswered ? 'teal' : 'blue'} variant="light" size="lg" data-testid="status-badge">
              {isComplaintState(status.status) ? t(`svq.complaintState.${status.status}`) : status.status}
            </Badge>
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Field label={t('svq.field.channel')}>{names.channel(status.channel)}</Field>
            <Field label={t('svq.field.received')}>{formatDateTime(status.receivedAt, lang)}</Field>
            <Field label={t('svq.field.due')} testId="status-due">
              {formatDateTime(status.dueAt, lang)}
            </Field>
            {status.answeredAt && (
              <Field label={t('svq.field.answered')}>
                {formatDateTime(status.answeredAt, lang)}
                {status.isLate !== null && (
                  <Text span size="xs" c={status.isLate ? 'red' : 'teal'}>
                    {' '}
                    · {status.isLate ? t('svq.status.late') : t('svq.status.onTime')}
                  </Text>
                )}
              </Field>
            )}
          </SimpleGrid>
          {!isAnswered && (
            <Text size="sm" c="dimmed">
              {t('svq.status.waiting')}
            </Text>
          )}
          {status.outcomeName && (
            <Field label={t('svq.field.outcome')} testId="status-outcome">
              {localised(status.outcomeName, lang)}
            </Field>
          )}
          {status.reply && (
            <Card withBorder radius="sm" padding="sm" bg="var(--mantine-color-teal-light)">
              <Field label={t('svq.field.reply')} testId="status-reply">
                {status.reply}
              </Field>
            </Card>
          )}
          {status.hasReplyLetter && (
            <Group>
              <Button variant="light" loading={letter.isRunning} onClick={() => void letter.run()} data-testid="reply-letter">
                {t('svq.status.letter')}
              </Button>
            </Group>
          )}
          <ProblemAlert error={letter.error} />
        </Stack>
      </Card>
      {status.canRate && (
        <SurveyCard
          title={t('svq.status.rateTitle')}
          send={(survey) => api('POST /api/public/tax-services/complaint-book/rating', { body: { ...keyOf, ...survey } })}
        />
      )}
    </Stack>
  );
}

/**
 * The complainant's status page (TS-40, TS-17): the registration number and the secret (sent in a
 * POST body, never in the address) show the state, the deadline, the written reply with its letter,
 * and the survey once answered. A wrong secret and an unknown number read alike: not found.
 */
export function ComplaintStatusPage() {
  const { t } = useTranslation();
  const { search } = useLocation();
  const [number, setNumber] = useState(() => search.get('number') ?? '');
  const [secret, setSecret] = useState('');
  const [shown, setShown] = useState<{ key: Key; status: ComplaintStatus }>();
  const look = useAction((key: Key) => api('POST /api/public/tax-services/complaint-book/status', { body: key }));
  const show = async (key: Key) => {
    const status = await look.run(key);
    setShown(status ? { key, status } : undefined);
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void show({ registrationNumber: number.trim(), secret: secret.trim() });
  };
  const isNotFound = look.error?.code === 'COMPLAINT_NOT_FOUND';
  return (
    <Stack maw={920}>
      <PageHeader
        title={t('svq.status.title')}
        subtitle={t('svq.status.subtitle')}
        actions={
          <Button variant="default" component={Link} to="/public/complaints">
            {t('svq.book.title')}
          </Button>
        }
      />
      <Card withBorder radius="md" padding="lg">
        <form onSubmit={onSubmit} noValidate>
          <Group align="flex-end" wrap="wrap">
            <TextInput
              label={t('svq.field.number')}
              value={number}
              onChange={(e) => setNumber(e.currentTarget.value)}
              placeholder="2026-0000042"
              ff="monospace"
              name="registrationNumber"
              w={{ base: '100%', sm: 220 }}
            />
            <PasswordInput
              label={t('svq.field.secret')}
              value={secret}
              onChange={(e) => setSecret(e.currentTarget.value)}
              placeholder="XXXX-XXXX-XXXX-XXXX"
              name="secret"
              autoComplete="off"
              w={{ base: '100%', sm: 280 }}
            />
            <Button type="submit" loading={look.isRunning} disabled={!isRegistrationNumber(number) || !isSecretShaped(secret)} data-testid="show-status">
              {t('svq.status.show')}
            </Button>
          </Group>
        </form>
      </Card>
      {isNotFound ? (
        <Alert color="red" variant="light" role="alert" data-testid="status-not-found">
          {t('svq.status.notFound')}
        </Alert>
      ) : (
        <ProblemAlert error={look.error} />
      )}
      {shown && !look.error && <StatusCard status={shown.status} keyOf={shown.key} />}
    </Stack>
  );
}
