import { Badge, Button, Card, Checkbox, Group, List, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { todayInDushanbe } from '../../lib/format.ts';
import { useLang } from '../../lib/session.tsx';
import { useAction } from '../../lib/use-api.ts';
import { formatCount, formatRate, LANES, type Simulation, SUBJECT_KINDS, type SubjectKind, shiftDay } from './model.ts';
import { Figure, LaneBadge, RiskProblem, useRiskText } from './parts.tsx';

/**
 * Art.429(2) p.1 i.5 (CUS-RMS-20 step 5): before a version is approved and activated, its indicator is
 * run on the stored declarations and preliminary information of a period: how many it would have
 * met, which lanes they were given, and how many of those a control found in violation.
 */
export function SimulationPanel({ profileId, version }: { profileId: string; version: number }) {
  const { t } = useTranslation();
  const lang = useLang();
  const text = useRiskText();
  const today = todayInDushanbe();
  const [from, setFrom] = useState(shiftDay(today, -365));
  const [to, setTo] = useState(today);
  const [subjects, setSubjects] = useState<SubjectKind[]>(['declaration', 'preliminary']);
  const [result, setResult] = useState<Simulation>();
  const run = useAction(() =>
    api('POST /api/risk/profiles/{id}/versions/{version}/simulate', {
      params: { id: profileId, version },
      body: { ...(from ? { from } : {}), ...(to ? { to } : {}), ...(subjects.length > 0 ? { subjects } : {}), sampleSize: 20 },
    }),
  );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await run.run();
    if (r) setResult(r);
  };
  const n = (x: number) => formatCount(x, lang);
  return (
    <Card withBorder radius="md" padding="lg" data-testid="simulation">
      <Stack gap="sm">
        <Title order={3} fz={16}>
          {t('risk.sim.title')} · {t('risk.version.number', { version })}
        </Title>
        <Text size="sm" c="dimmed">
          {t('risk.sim.intro')}
        </Text>
        <form onSubmit={submit} noValidate data-testid="simulation-form">
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput label={t('risk.sim.from')} type="date" name="sim-from" value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
            <TextInput label={t('risk.sim.to')} type="date" name="sim-to" value={to} onChange={(e) => setTo(e.currentTarget.value)} />
            <Checkbox.Group value={subjects} onChange={(v) => setSubjects(SUBJECT_KINDS.filter((s) => v.includes(s)))}>
              <Group gap="sm" pb={8}>
                {SUBJECT_KINDS.map((s) => (
                  <Checkbox key={s} value={s} name="sim-subjects" label={text.subject(s)} />
                ))}
              </Group>
            </Checkbox.Group>
            <Button type="submit" loading={run.isRunning} data-testid="run-simulation">
              {t('risk.action.simulate')}
            </Button>
          </Group>
        </form>
        <RiskProblem error={run.error} />
        {result && (
          <Stack gap="sm" data-testid="simulation-result">
            <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }} spacing="sm">
              <Figure label={t('risk.sim.evaluated')} value={n(result.evaluated)} testId="sim-evaluated" />
              <Figure label={t('risk.sim.matched')} value={n(result.matched)} testId="sim-matched" />
              <Figure label={t('risk.sim.matchRate')} value={formatRate(result.matchRate, lang)} testId="sim-rate" />
              <Figure label={t('risk.sim.controlled')} value={n(result.controlledAmongMatched)} testId="sim-controlled" />
              <Figure label={t('risk.sim.found')} value={n(result.foundAmongMatched)} testId="sim-found" />
            </SimpleGrid>
            <Group gap="xs">
              <Text size="sm">{t('risk.sim.byLane')}:</Text>
              {LANES.map((l) => (
                <Group key={l} gap={4} data-testid="sim-lane" data-lane={l} data-count={result.byLane[l]}>
                  <LaneBadge lane={l} size="sm" />
                  <Text size="sm" fw={600}>
                    {n(result.byLane[l])}
                  </Text>
                </Group>
              ))}
              <Badge variant="outline" color="gray" data-testid="sim-without-lane">
                {t('risk.sim.withoutLane')}: {n(result.withoutLane)}
              </Badge>
            </Group>
            <Stack gap={4}>
              <Text size="sm" fw={600}>
                {t('risk.sim.sample')}
              </Text>
              {result.sample.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('risk.sim.none')}
                </Text>
              ) : (
                <List size="sm" data-testid="sim-sample">
                  {result.sample.map((s) => (
                    <List.Item key={s.id} data-testid="sim-sample-row" data-number={s.number}>
                      <Text span ff="monospace" size="sm">
                        {s.number}
                      </Text>
                      {s.items.length > 0 && (
                        <Text span size="sm" c="dimmed">
                          {' '}
                          — {t('risk.sim.items', { list: s.items.join(', ') })}
                        </Text>
                      )}
                    </List.Item>
                  ))}
                </List>
              )}
            </Stack>
            <Text size="xs" c="dimmed">
              {t('risk.sim.elapsed', { ms: Math.round(result.elapsedMs) })}
            </Text>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
