import { Anchor, Badge, Card, Group, List, SimpleGrid, Stack, Text, ThemeIcon, Timeline, Title, Tooltip } from '@mantine/core';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, localised } from '../../lib/format.ts';
import { type Role, useLang } from '../../lib/session.tsx';
import {
  durationParts,
  isChannel,
  isEventKind,
  isRegion,
  isResultKind,
  liveSlaState,
  type ServiceRequest,
  type ServiceRequestDetail,
  type SlaState,
} from './model.ts';

/** The current time, ticking every `ms` (the SLA badges turn without a reload). */
export function useNow(ms = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), ms);
    return () => window.clearInterval(timer);
  }, [ms]);
  return now;
}

const SLA_COLORS: Record<SlaState, string> = {
  on_track: 'teal',
  at_risk: 'orange',
  breached: 'red',
  met: 'teal',
  met_late: 'red',
  suspended: 'gray',
  awaiting_documents: 'grape',
};

/** The live SLA status of a request (TS-49: request tracking with SLA status). */
export function SlaBadge({ sla, now }: { sla: ServiceRequest['sla']; now: number }) {
  const { t } = useTranslation();
  const state = liveSlaState(sla, now);
  return (
    <Badge color={SLA_COLORS[state]} variant={state === 'breached' ? 'filled' : 'light'} data-testid="sla-badge" data-state={state}>
      {t(`svc.sla.${state}`)}
    </Badge>
  );
}

/** The due time in Dushanbe time, red once past; "in real time" for clocks without a legal limit. */
export function DueText({ r, now }: { r: ServiceRequest; now: number }) {
  const { t } = useTranslation();
  const lang = useLang();
  const state = liveSlaState(r.sla, now);
  if (!r.sla.dueAt) {
    return (
      <Text size="sm" c="dimmed">
        {r.sla.opensAt ? t('svc.sla.opensAt', { at: formatDateTime(r.sla.opensAt, lang) }) : r.sla.startedAt ? t('svc.sla.noDeadline') : '—'}
      </Text>
    );
  }
  const isLate = state === 'breached' || state === 'met_late';
  return (
    <Tooltip label={t('svc.sla.zone')}>
      <Text size="sm" className={isLate ? 'overdue' : undefined} data-testid="due-at">
        {formatDateTime(r.sla.dueAt, lang)}
      </Text>
    </Tooltip>
  );
}

/** Seconds as people read them: 45 s, 12 min, 3.5 h, 2 days, in the interface language. */
export function useDuration(): (seconds: number | null | undefined) => string {
  const { t } = useTranslation();
  const lang = useLang();
  return (seconds) => {
    if (seconds === null || seconds === undefined) return '—';
    const { unit, value } = durationParts(seconds);
    return t(`svc.duration.${unit}`, { value: value.toLocaleString(lang === 'en' ? 'en-GB' : 'ru-RU') });
  };
}

/** Localised names of the codes the API uses; an unknown code shows as a neutral word, never raw. */
export function useNames() {
  const { t } = useTranslation();
  return {
    channel: (c: string) => (isChannel(c) ? t(`svc.channel.${c}`) : '—'),
    region: (r: string) => (isRegion(r) ? t(`svc.region.${r}`) : r),
    resultKind: (k: string) => (isResultKind(k) ? t(`svc.resultKind.${k}`) : t('svc.field.result')),
    event: (k: string) => (isEventKind(k) ? t(`svc.event.${k}`) : t('svc.event.other')),
    status: (s: string) =>
      s === 'awaiting_documents' || s === 'open' || s === 'suspended' || s === 'completed' || s === 'rejected' ? t(`svc.status.${s}`) : '—',
  };
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Stack>
  );
}

/** A request's card: service, applicant, channel, unit, clock and outcome. */
export function RequestSummary({ r, now, actions }: { r: ServiceRequestDetail; now: number; actions?: ReactNode }) {
  const { t } = useTranslation();
  const lang = useLang();
  const names = useNames();
  const duration = useDuration();
  const applicant = [r.applicant.name, r.applicant.tin ? `${t('svc.field.tin')} ${r.applicant.tin}` : null, r.applicant.email, r.applicant.phone]
    .filter(Boolean)
    .join(' · ');
  return (
    <Card withBorder radius="md" padding="lg">
      <Stack>
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Stack gap={4}>
            <Group gap="xs">
              <Badge variant="outline" color="gray" ff="monospace">
                {r.serviceCode}
                {r.serviceKey.length > r.serviceCode.length ? ` (${r.serviceKey.slice(r.serviceCode.length)})` : ''}
              </Badge>
              <Text size="sm" c="dimmed" data-testid="request-number">
                № {r.number}
              </Text>
            </Group>
            <Title order={2} fz={20}>
              {localised(r.serviceName, lang)}
            </Title>
          </Stack>
          <Group gap="xs">
            <Badge variant="light" color="gray">
              {names.status(r.status)}
            </Badge>
            <SlaBadge sla={r.sla} now={now} />
          </Group>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
          <Field label={t('svc.field.deadlineText')}>{r.deadlineText ? localised(r.deadlineText, lang) : '—'}</Field>
          <Field label={t('svc.field.dueAt')}>
            <DueText r={r} now={now} />
            {r.sla.stageDueAt && (
              <Text size="xs" c="dimmed">
                {t('svc.sla.stageDue', { at: formatDateTime(r.sla.stageDueAt, lang) })}
              </Text>
            )}
          </Field>
          <Field label={t('svc.field.result')}>{r.resultText ? localised(r.resultText, lang) : '—'}</Field>
          <Field label={t('svc.field.receivedAt')}>{formatDateTime(r.receivedAt, lang)}</Field>
          <Field label={t('svc.field.startedAt')}>{formatDateTime(r.sla.startedAt, lang)}</Field>
          <Field label={t('svc.field.completedAt')}>{formatDateTime(r.completedAt, lang)}</Field>
          <Field label={t('svc.field.channel')}>{names.channel(r.channel)}</Field>
          <Field label={t('svc.field.unit')}>
            {localised(r.unit.name, lang)}
            <Text span size="xs" c="dimmed">
              {' '}
              · {names.region(r.unit.region)}
            </Text>
          </Field>
          <Field label={t('svc.field.applicant')}>{applicant || '—'}</Field>
          {r.elapsedSeconds !== null && <Field label={t('svc.field.elapsed')}>{duration(r.elapsedSeconds)}</Field>}
          {r.suspendedSeconds > 0 && <Field label={t('svc.field.suspendedFor')}>{duration(r.suspendedSeconds)}</Field>}
          {r.queueWaitSeconds !== null && <Field label={t('svc.field.queueWait')}>{duration(r.queueWaitSeconds)}</Field>}
        </SimpleGrid>
        {r.outcomeNote && (
          <Card withBorder radius="sm" padding="sm" bg={r.status === 'rejected' ? 'var(--mantine-color-red-light)' : 'var(--mantine-color-teal-light)'}>
            <Text size="xs" c="dimmed">
              {t('svc.field.outcome')}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-line' }} data-testid="outcome-note">
              {r.outcomeNote}
            </Text>
          </Card>
        )}
        {actions}
      </Stack>
    </Card>
  );
}

/** The results delivered with the request, each a download from the API (the session cookie goes along). */
export function ResultList({ r }: { r: ServiceRequestDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const names = useNames();
  return (
    <Stack gap={4}>
      <Text fw={600}>{t('svc.field.results')}</Text>
      {r.results.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('svc.field.noResults')}
        </Text>
      ) : (
        <List size="sm" spacing={4} data-testid="results">
          {r.results.map((f) => (
            <List.Item key={f.id}>
              {names.resultKind(f.kind)}:{' '}
              <Anchor href={`/api/tax-services/requests/${r.id}/results/${f.id}`} download={f.fileName}>
                {f.fileName}
              </Anchor>{' '}
              <Text span size="xs" c="dimmed">
                {formatDateTime(f.createdAt, lang)}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

const ROLES: readonly Role[] = [
  'operator_admin',
  'tax_officer',
  'tsc_specialist',
  'business',
  'customs_officer',
  'risk_analyst',
  'declarant',
  'taxpayer',
  'service_officer',
];
const isRole = (r: string | undefined): r is Role => (ROLES as readonly (string | undefined)[]).includes(r);

const EVENT_COLORS: Record<string, string> = {
  received: 'blue',
  documents_complete: 'teal',
  documents_requested: 'gray',
  documents_received: 'teal',
  completed: 'teal',
  rejected: 'red',
  warned: 'orange',
  escalated: 'red',
};

/** The request's history, oldest first; officers also see who acted. */
export function History({ r }: { r: ServiceRequestDetail }) {
  const { t } = useTranslation();
  // The history names an actor `role:login` (application/deps.ts actorOf), or `system`.
  const actorName = (actor: string) => {
    if (actor === 'system') return t('svc.field.systemActor');
    const [role, login] = actor.split(':');
    return isRole(role) && login ? `${login} (${t(`role.${role}`)})` : actor;
  };
  const lang = useLang();
  const names = useNames();
  return (
    <Stack gap="xs">
      <Text fw={600}>{t('svc.field.events')}</Text>
      <Timeline bulletSize={14} lineWidth={2} data-testid="history">
        {r.events.map((e, i) => (
          <Timeline.Item
            // biome-ignore lint/suspicious/noArrayIndexKey: the history is append-only and shown in order
            key={i}
            bullet={<ThemeIcon size={14} radius="xl" color={EVENT_COLORS[e.kind] ?? 'gray'} />}
            title={
              <Text size="sm" fw={600}>
                {names.event(e.kind)}
              </Text>
            }
          >
            <Text size="xs" c="dimmed">
              {formatDateTime(e.at, lang)}
              {e.actor ? ` · ${actorName(e.actor)}` : ''}
            </Text>
            {e.note && (
              <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                {e.note}
              </Text>
            )}
          </Timeline.Item>
        ))}
      </Timeline>
    </Stack>
  );
}
