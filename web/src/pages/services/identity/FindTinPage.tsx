import { Button, Card, Group, List, Loader, Stack, Text } from '@mantine/core';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Output } from '../../../api/client.ts';
import { PageHeader } from '../../../components/feedback.tsx';
import { solveProofOfWork } from '../../../lib/proof-of-work.ts';
import { useAction } from '../../../lib/use-api.ts';
import { IdentityProblem, NeedsWebCrypto, Outcome, PageLink, retryAfterSeconds, TinFigure } from './parts.tsx';
import { EMPTY_PERSON, isPersonReady, PERSON_FIELDS, PersonFields, type PersonQuery, personBody } from './PersonFields.tsx';

type Phase = 'idle' | 'solving' | 'asking';
type Answer = Output<'POST /api/public/tax-services/tin-lookup'>;

/**
 * "Find out TIN" (Донистани РМА, TS-19, TS-44): a person's own TIN from their passport, surname and
 * birth date. Before each query the browser solves the server's proof-of-work challenge (about a
 * second), which makes harvesting the register slow; a 429 shows how long to wait.
 */
export function FindTinPage() {
  const { t } = useTranslation();
  const [person, setPerson] = useState<PersonQuery>(EMPTY_PERSON);
  const [phase, setPhase] = useState<Phase>('idle');
  const [answer, setAnswer] = useState<Answer>();
  const solving = useRef<AbortController>(undefined);
  useEffect(() => () => solving.current?.abort(), []);

  const lookup = useAction(async (query: PersonQuery) => {
    solving.current?.abort();
    const controller = new AbortController();
    solving.current = controller;
    try {
      setPhase('solving');
      const challenge = await api('GET /api/public/tax-services/tin-lookup/challenge');
      const solution = await solveProofOfWork(challenge.challenge, challenge.difficulty, { signal: controller.signal });
      setPhase('asking');
      return await api('POST /api/public/tax-services/tin-lookup', { body: { ...personBody(query), challenge: challenge.challenge, solution } });
    } finally {
      setPhase('idle');
    }
  });

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setAnswer(undefined);
    const found = await lookup.run(person);
    if (found) setAnswer(found);
  };
  const edit = (p: PersonQuery) => {
    setPerson(p);
    setAnswer(undefined);
  };
  const isWaiting = retryAfterSeconds(lookup.error) !== undefined;

  return (
    <Stack maw={720}>
      <PageHeader title={t('svcId.findTin.title')} subtitle={t('svcId.findTin.subtitle')} />
      <NeedsWebCrypto>
        <Card withBorder radius="md" padding="lg">
          <form onSubmit={onSubmit} noValidate data-testid="find-tin-form">
            <Stack>
              <PersonFields value={person} onChange={edit} error={lookup.error} />
              <Text size="xs" c="dimmed">
                {t('svcId.findTin.privacy')}
              </Text>
              {phase !== 'idle' && (
                <Group gap="xs" role="status" data-testid={phase === 'solving' ? 'pow-solving' : 'tin-asking'}>
                  <Loader size="xs" />
                  <Text size="sm">{phase === 'solving' ? t('svcId.findTin.solving') : t('svcId.findTin.asking')}</Text>
                </Group>
              )}
              <IdentityProblem error={lookup.error} shownFields={PERSON_FIELDS} onReady={lookup.reset} />
              <Group justify="flex-end">
                <Button type="submit" loading={lookup.isRunning} disabled={!isPersonReady(person) || isWaiting} data-testid="find-tin-submit">
                  {t('svcId.findTin.submit')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Card>
      </NeedsWebCrypto>
      {answer?.isFound && answer.tin && (
        <Outcome tone="good" title={t('svcId.findTin.found')} testId="tin-found">
          <TinFigure tin={answer.tin} />
          <Text size="sm">{t('svcId.findTin.foundHint')}</Text>
          <Group gap="md">
            <PageLink to={`/public/cabinet?tin=${answer.tin}`}>{t('svcId.findTin.openCabinet')}</PageLink>
            <PageLink to="/public/tin-certificate">{t('svcId.findTin.verifyCertificate')}</PageLink>
          </Group>
        </Outcome>
      )}
      {answer && !answer.isFound && (
        <Outcome tone="neutral" title={t('svcId.findTin.notFound')} testId="tin-not-found">
          <List size="sm" spacing={4}>
            <List.Item>{t('svcId.findTin.notFoundCheck')}</List.Item>
            <List.Item>{t('svcId.findTin.notFoundCall')}</List.Item>
            <List.Item>
              {t('svcId.findTin.notFoundRegister')} <PageLink to="/public/tin-registration">{t('svcId.findTin.registerLink')}</PageLink>
            </List.Item>
          </List>
        </Outcome>
      )}
    </Stack>
  );
}
