import { Alert, Badge, Card, List, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/client.ts';
import { indicatorProblemsOf, isLane, isProfileState, LANE_COLORS, STATE_COLORS } from './model.ts';

type Vars = Record<string, string | number>;

/**
 * Translations whose keys come from the API (states, lanes, measures, field names, problem codes):
 * an unknown one falls back to the raw value, never to a dictionary key.
 */
export function useRiskText() {
  const { t, i18n } = useTranslation();
  const tx = (key: string, vars?: Vars): string => (t as unknown as (k: string, v?: Vars) => string)(key, vars);
  const known = (prefix: string, value: string) => (i18n.exists(`${prefix}.${value}`) ? tx(`${prefix}.${value}`) : value);
  return {
    tx,
    state: (s: string) => known('risk.state', s),
    lane: (l: string) => known('risk.lane', l),
    measure: (m: string) => known('risk.measure', m),
    category: (c: string) => known('risk.category', c),
    kind: (k: string) => known('risk.kind', k),
    subject: (s: string) => known('risk.subject', s),
    object: (o: string) => known('risk.object', o),
    basis: (b: string) => known('risk.basis', b),
    /** A field of analysis (`item.commodityCode`) or a condition without a field (`first_time`). */
    what: (s: string) => (i18n.exists(`risk.special.${s}`) ? tx(`risk.special.${s}`) : known('risk.field', s.replace(/\./g, '_'))),
    /** A problem code's title in the interface language; the server's own title for a code the dictionary lacks. */
    problem: (code: string, fallback?: string) =>
      i18n.exists(`risk.problem.${code}`) ? tx(`risk.problem.${code}`) : (fallback ?? tx('risk.problem.other', { code })),
  };
}

export function LaneBadge({ lane, size = 'md' }: { lane: string | null | undefined; size?: 'sm' | 'md' | 'lg' }) {
  const text = useRiskText();
  const { t } = useTranslation();
  if (!lane)
    return (
      <Text size="sm" c="dimmed" data-testid="lane-badge" data-lane="">
        {t('risk.queue.noLane')}
      </Text>
    );
  return (
    <Badge color={isLane(lane) ? LANE_COLORS[lane] : 'gray'} variant="filled" autoContrast size={size} data-testid="lane-badge" data-lane={lane}>
      {text.lane(lane)}
    </Badge>
  );
}

export function StateBadge({ state }: { state: string }) {
  const text = useRiskText();
  return (
    <Badge color={isProfileState(state) ? STATE_COLORS[state] : 'gray'} variant="light" data-testid="profile-state" data-state={state}>
      {text.state(state)}
    </Badge>
  );
}

/**
 * A refusal: its title in the interface language, the code and the field it points at, and the
 * faults it lists (an indicator's) with their own titles; `isListed` false leaves out the
 * faults a form already shows beside its inputs.
 */
export function RiskProblem({ error, isListed = true }: { error: ApiError | undefined; isListed?: boolean }) {
  const { t } = useTranslation();
  const text = useRiskText();
  if (!error) return null;
  const faults = isListed ? indicatorProblemsOf(error.details) : [];
  const title = error.code === 'NETWORK' ? t('state.network') : text.problem(error.code, error.title);
  return (
    <Alert color="red" variant="light" title={title} role="alert" data-testid="problem" data-code={error.code}>
      <Stack gap={4}>
        <Text size="xs" c="dimmed" ff="monospace">
          {error.code}
          {error.field ? ` · ${error.field}` : ''}
        </Text>
        {(faults.length > 0 || error.errors.length > 0) && (
          <List size="sm">
            {faults.map((f) => (
              <List.Item key={`${f.field}:${f.code}`} data-testid="problem-item" data-field={f.field}>
                <b>{f.field}</b>: {text.problem(f.code)}
              </List.Item>
            ))}
            {error.errors.map((e) => (
              <List.Item key={`${e.field}:${e.code}`} data-testid="problem-item" data-field={e.field}>
                <b>{e.field.replace(/^body\./, '')}</b>: {e.message}
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Alert>
  );
}

/** One figure of a simulation or a report. */
export function Figure({ label, value, testId, hint }: { label: string; value: ReactNode; testId: string; hint?: ReactNode }) {
  return (
    <Card withBorder radius="md" padding="sm">
      <Stack gap={2}>
        <Text size="xs" c="dimmed">
          {label}
        </Text>
        <Text fz={24} fw={700} lh={1.2} data-testid={testId}>
          {value}
        </Text>
        {hint && (
          <Text size="xs" c="dimmed">
            {hint}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
