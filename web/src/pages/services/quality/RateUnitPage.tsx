import { Alert, Button, Card, Checkbox, Group, NativeSelect, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { PageHeader, ProblemAlert } from '../../../components/feedback.tsx';
import { localised } from '../../../lib/format.ts';
import { useLang, useSession } from '../../../lib/session.tsx';
import { useAction, useApi } from '../../../lib/use-api.ts';
import { loadUnits } from '../model.ts';
import { formatScore, formatShare, isScored, NO_SCORES, QUESTIONS, type Scores } from './model.ts';
import { Field } from './parts.tsx';
import { ScoreFields } from './Survey.tsx';

/** How the public rated the unit over the last twelve months: scores only, never the remarks. */
function UnitScores({ code }: { code: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const scores = useApi(() => api('GET /api/public/tax-services/units/{code}/ratings', { params: { code } }), [code]);
  const totals = scores.data?.totals;
  if (!totals) return null;
  return (
    <Card withBorder radius="md" padding="md" data-testid="unit-scores">
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600}>{t('svq.unitRating.publicTitle')}</Text>
          <Text size="sm" c="dimmed">
            {totals.count > 0 ? t('svq.unitRating.count', { count: totals.count }) : t('svq.unitRating.none')}
          </Text>
        </Group>
        {totals.count > 0 && (
          <SimpleGrid cols={{ base: 2, sm: 5 }}>
            {QUESTIONS.map((q) => (
              <Field key={q} label={t(`svq.question.${q}`)}>
                {formatScore(totals[q], lang)}
              </Field>
            ))}
            <Field label={t('svq.ratings.satisfied')}>{formatShare(totals.satisfiedShare, lang)}</Field>
          </SimpleGrid>
        )}
      </Stack>
    </Card>
  );
}

/**
 * "Evaluation of service quality" on the website (A1 p.16(4), note 1, TS-18, TS-21, TS-41): anyone
 * rates a unit of the tax authorities and its staff, with remarks and proposals. A logged-in
 * taxpayer's TIN goes with it; an officer of the 151 line records a caller's rating.
 */
export function RateUnitPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { role } = useSession();
  const isOfficer = role === 'tax_officer' || role === 'service_officer';
  const units = useApi(loadUnits, []);
  const [unitCode, setUnitCode] = useState('');
  const [scores, setScores] = useState<Scores>(NO_SCORES);
  const [text, setText] = useState({ staffName: '', remark: '', proposal: '', raterName: '' });
  const [viaPhone151, setViaPhone151] = useState(false);
  const [isDone, setDone] = useState(false);
  const submit = useAction(() => {
    const extra = Object.fromEntries(Object.entries(text).flatMap(([k, v]) => (v.trim() ? [[k, v.trim()]] : [])));
    return api('POST /api/public/tax-services/units/{code}/ratings', {
      params: { code: unitCode },
      body: { ...scores, ...extra, ...(isOfficer && viaPhone151 ? { viaPhone151: true } : {}) },
    });
  });
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if ((await submit.run()) !== undefined) setDone(true);
  };
  const again = () => {
    setScores(NO_SCORES);
    setText({ staffName: '', remark: '', proposal: '', raterName: '' });
    setDone(false);
  };
  const line = (name: keyof typeof text) => ({
    value: text[name],
    onChange: (e: { currentTarget: { value: string } }) => setText({ ...text, [name]: e.currentTarget.value }),
    error: submit.error?.messageFor(name),
    name,
  });
  return (
    <Stack maw={920}>
      <PageHeader title={t('svq.unitRating.title')} subtitle={t('svq.unitRating.subtitle')} />
      <NativeSelect
        label={t('svq.unitRating.unit')}
        value={unitCode}
        onChange={(e) => {
          setUnitCode(e.currentTarget.value);
          setDone(false);
        }}
        data={[{ value: '', label: t('svq.unitRating.pickUnit') }, ...(units.data ?? []).map((u) => ({ value: u.code, label: localised(u.name, lang) }))]}
        name="unit"
        data-testid="rate-unit"
      />
      {unitCode && <UnitScores key={`${unitCode}-${isDone}`} code={unitCode} />}
      {isDone ? (
        <Alert color="teal" variant="light" data-testid="unit-rated">
          <Group justify="space-between">
            <Text>{t('svq.survey.thanks')}</Text>
            <Button variant="default" size="xs" onClick={again}>
              {t('svq.unitRating.again')}
            </Button>
          </Group>
        </Alert>
      ) : (
        unitCode && (
          <Card withBorder radius="md" padding="lg">
            <form onSubmit={onSubmit} noValidate>
              <Stack>
                <Title order={3} fz={17}>
                  {t('svq.survey.title')}
                </Title>
                <ScoreFields value={scores} onChange={setScores} error={submit.error} />
                <TextInput label={t('svq.unitRating.staff')} maxLength={300} {...line('staffName')} />
                <Textarea label={t('svq.unitRating.remark')} maxLength={4000} autosize minRows={2} {...line('remark')} />
                <Textarea label={t('svq.unitRating.proposal')} maxLength={4000} autosize minRows={2} {...line('proposal')} />
                <TextInput label={t('svq.unitRating.raterName')} maxLength={300} {...line('raterName')} />
                {isOfficer && (
                  <Checkbox label={t('svq.unitRating.viaPhone151')} checked={viaPhone151} onChange={(e) => setViaPhone151(e.currentTarget.checked)} />
                )}
                <ProblemAlert error={submit.error} shownFields={[...QUESTIONS, 'staffName', 'remark', 'proposal', 'raterName']} />
                <Group justify="flex-end">
                  <Button type="submit" loading={submit.isRunning} disabled={!isScored(scores)} data-testid="rate-submit">
                    {t('svq.survey.submit')}
                  </Button>
                </Group>
              </Stack>
            </form>
          </Card>
        )
      )}
    </Stack>
  );
}
