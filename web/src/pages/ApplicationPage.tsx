import { Button, Card, Group, SegmentedControl, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import type { RegisterApplication } from '../api/types.gen.ts';
import { ApplicationOutcome } from '../components/ApplicationOutcome.tsx';
import { Loadable, PageHeader, ProblemAlert } from '../components/feedback.tsx';
import { DeadlineText } from '../components/status.tsx';
import { navigate } from '../lib/router.tsx';
import { useSession } from '../lib/session.tsx';
import { useAction, useApi } from '../lib/use-api.ts';

/** The tax authority's study of a discrepancy (p.24, p.33): confirmed refuses, cleared completes. */
function StudyForm({ application, onDone }: { application: RegisterApplication; onDone: (a: RegisterApplication) => void }) {
  const { t } = useTranslation();
  const [decision, setDecision] = useState<'confirmed' | 'cleared'>('confirmed');
  const [note, setNote] = useState('');
  const study = useAction(() =>
    api('POST /api/fiscal/applications/{id}/study', {
      params: { id: application.id },
      body: { isDiscrepancyConfirmed: decision === 'confirmed', note: note.trim() },
    }),
  );
  return (
    <Card withBorder radius="md" padding="lg">
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          const a = await study.run();
          if (a) onDone(a);
        }}
      >
        <Stack>
          <Title order={2} fz={18}>
            {t('study.title')}
          </Title>
          <SegmentedControl
            value={decision}
            onChange={(v) => setDecision(v === 'cleared' ? 'cleared' : 'confirmed')}
            data={[
              { value: 'confirmed', label: t('study.confirmed') },
              { value: 'cleared', label: t('study.cleared') },
            ]}
          />
          <Text size="sm" c="dimmed">
            {decision === 'confirmed' ? t('study.confirmedHint') : t('study.clearedHint')}
          </Text>
          <Textarea
            label={t('field.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={study.error?.messageFor('note')}
            autosize
            minRows={2}
            required
          />
          <ProblemAlert error={study.error} shownFields={['note']} />
          <Group justify="flex-end">
            <Button type="submit" color={decision === 'confirmed' ? 'red' : 'teal'} loading={study.isRunning} disabled={!note.trim()}>
              {t('action.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function Deadlines({ subjectId }: { subjectId: string }) {
  const { t } = useTranslation();
  const deadlines = useApi(() => api('GET /api/fiscal/deadlines', { query: { subjectId } }), [subjectId]);
  if (!deadlines.data || deadlines.data.length === 0) return null;
  return (
    <Card withBorder radius="md" padding="lg">
      <Stack gap="sm">
        <Title order={2} fz={18}>
          {t('deadline.title')}
        </Title>
        {deadlines.data.map((d) => (
          <DeadlineText key={d.id} deadline={d} withTitle />
        ))}
      </Stack>
    </Card>
  );
}

/** One application with its outcome, deadlines, and the actions the caller's role may take. */
export function ApplicationPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { role } = useSession();
  const [updated, setUpdated] = useState<RegisterApplication>();
  const loaded = useApi(() => api('GET /api/fiscal/applications/{id}', { params: { id } }), [id]);
  const state = updated && updated.id === id ? { ...loaded, data: updated } : loaded;
  const cardHref = (registerId: string) => (role === 'business' ? `/my/registers/${registerId}` : `/registers/${registerId}`);
  const resubmit = (a: RegisterApplication) =>
    a.kind === 'registration' ? `/tsc/register?previous=${a.id}` : `/tsc/change?previous=${a.id}&kind=${a.kind}&register=${a.registerId ?? ''}`;
  return (
    <Stack maw={960}>
      <PageHeader title={t('nav.tscApplications')} />
      <Loadable state={state}>
        {(a) => (
          <Stack>
            <ApplicationOutcome
              application={a}
              cardHref={a.registerId ? cardHref(a.registerId) : undefined}
              actions={
                role === 'tsc_specialist' && a.status === 'refused' ? <Button onClick={() => navigate(resubmit(a))}>{t('outcome.resubmit')}</Button> : undefined
              }
            />
            {role === 'tax_officer' && a.status === 'under_study' && <StudyForm application={a} onDone={setUpdated} />}
            <Deadlines subjectId={a.id} />
          </Stack>
        )}
      </Loadable>
    </Stack>
  );
}
