import { Alert, Button, Card, Group, Rating, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../api/client.ts';
import { ProblemAlert } from '../../../components/feedback.tsx';
import { useAction } from '../../../lib/use-api.ts';
import { isScored, NO_SCORES, QUESTIONS, type Scores } from './model.ts';

/** The four questions of the survey, 1 (very poor) … 5 (excellent) stars each (TS-41). */
export function ScoreFields({ value, onChange, error }: { value: Scores; onChange: (s: Scores) => void; error?: ApiError | undefined }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      {QUESTIONS.map((q) => (
        <Stack key={q} gap={2}>
          <Text size="sm" fw={500} id={`score-${q}-label`}>
            {t(`svq.survey.${q}`)}
          </Text>
          <Rating
            value={value[q]}
            onChange={(v) => onChange({ ...value, [q]: v })}
            count={5}
            getSymbolLabel={(v) => `${v} / 5`}
            size="lg"
            aria-labelledby={`score-${q}-label`}
            data-testid={`score-${q}`}
          />
          {error?.messageFor(q) && (
            <Text size="xs" c="red">
              {error.messageFor(q)}
            </Text>
          )}
        </Stack>
      ))}
    </SimpleGrid>
  );
}

type SurveyBody = Scores & { comment?: string };

/**
 * The short survey after a closed request or an answered complaint, given once (TS-14, TS-41): the
 * server refuses a second rating (RATING_ALREADY_GIVEN), which reads here as "already rated".
 */
export function SurveyCard({ title, send }: { title?: string; send: (body: SurveyBody) => Promise<unknown> }) {
  const { t } = useTranslation();
  const [isOpen, setOpen] = useState(false);
  const [scores, setScores] = useState<Scores>(NO_SCORES);
  const [comment, setComment] = useState('');
  const [isDone, setDone] = useState(false);
  const submit = useAction(() => send({ ...scores, ...(comment.trim() ? { comment: comment.trim() } : {}) }));
  const isAlready = submit.error?.code === 'RATING_ALREADY_GIVEN';
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if ((await submit.run()) !== undefined) setDone(true);
  };
  if (isDone || isAlready)
    return (
      <Alert color={isDone ? 'teal' : 'gray'} variant="light" data-testid="survey-done">
        {isDone ? t('svq.survey.thanks') : t('svq.survey.already')}
      </Alert>
    );
  return (
    <Card withBorder radius="md" padding="lg" data-testid="survey">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Title order={3} fz={17}>
              {title ?? t('svq.survey.title')}
            </Title>
            <Text size="xs" c="dimmed">
              {t('svq.survey.hint')}
            </Text>
          </Stack>
          {!isOpen && (
            <Button variant="light" onClick={() => setOpen(true)} data-testid="survey-open">
              {t('svq.survey.open')}
            </Button>
          )}
        </Group>
        {isOpen && (
          <form onSubmit={onSubmit} noValidate>
            <Stack gap="sm">
              <ScoreFields value={scores} onChange={setScores} error={submit.error} />
              <Textarea
                label={t('svq.survey.comment')}
                value={comment}
                onChange={(e) => setComment(e.currentTarget.value)}
                maxLength={2000}
                autosize
                minRows={2}
                name="comment"
              />
              <ProblemAlert error={submit.error} shownFields={[...QUESTIONS]} />
              <Group justify="flex-end">
                <Button type="submit" loading={submit.isRunning} disabled={!isScored(scores)} data-testid="survey-submit">
                  {t('svq.survey.submit')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Card>
  );
}
