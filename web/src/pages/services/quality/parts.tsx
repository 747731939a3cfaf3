import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Code,
  CopyButton,
  Fieldset,
  Group,
  NativeSelect,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../api/client.ts';
import { formatDateTime, localised } from '../../../lib/format.ts';
import { Link } from '../../../lib/router.tsx';
import { useLang } from '../../../lib/session.tsx';
import { isSlaState, type Unit } from '../model.ts';
import { type ComplaintRegistered, type Conduct, isConduct } from './model.ts';

/** A label over a value, as the request card shows its fields. */
export function Field({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div" data-testid={testId} style={{ whiteSpace: 'pre-line' }}>
        {children}
      </Text>
    </Stack>
  );
}

const SLA_COLORS: Record<string, string> = { on_track: 'teal', at_risk: 'orange', breached: 'red', met: 'teal', met_late: 'red' };

/** The complaint's clock as the request register keeps it (TS-30). */
export function ComplaintSlaBadge({ state }: { state: string }) {
  const { t } = useTranslation();
  if (!isSlaState(state)) return null;
  return (
    <Badge color={SLA_COLORS[state] ?? 'gray'} variant={state === 'breached' ? 'filled' : 'light'} data-testid="complaint-sla" data-state={state}>
      {t(`svc.sla.${state}`)}
    </Badge>
  );
}

export type About = { unitCode: string; officialName: string; conduct: Conduct | '' };
export const NO_ABOUT: About = { unitCode: '', officialName: '', conduct: '' };

/** The `about` object of the API: only what was filled in, or nothing at all. */
export function aboutBody(a: About): { about?: { unitCode?: string; officialName?: string; conduct?: Conduct } } {
  const about = {
    ...(a.unitCode ? { unitCode: a.unitCode } : {}),
    ...(a.officialName.trim() ? { officialName: a.officialName.trim() } : {}),
    ...(a.conduct ? { conduct: a.conduct } : {}),
  };
  return Object.keys(about).length > 0 ? { about } : {};
}

/** What the complaint is about (A1 p.13): the unit, the official, an action or an inaction. */
export function AboutFields({ value, onChange, units, error }: { value: About; onChange: (a: About) => void; units: readonly Unit[]; error?: ApiError }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <NativeSelect
        label={t('svq.field.unit')}
        value={value.unitCode}
        onChange={(e) => onChange({ ...value, unitCode: e.currentTarget.value })}
        data={[{ value: '', label: t('svq.field.unitNone') }, ...units.map((u) => ({ value: u.code, label: localised(u.name, lang) }))]}
        error={error?.messageFor('about.unitCode')}
        name="about-unit"
      />
      <TextInput
        label={t('svq.field.official')}
        value={value.officialName}
        onChange={(e) => onChange({ ...value, officialName: e.currentTarget.value })}
        maxLength={300}
        error={error?.messageFor('about.officialName')}
        name="about-official"
      />
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t('svq.field.conduct')}
        </Text>
        <SegmentedControl
          value={value.conduct || 'none'}
          onChange={(v) => onChange({ ...value, conduct: isConduct(v) ? v : '' })}
          data={[
            { value: 'none', label: t('svq.field.conductAny') },
            { value: 'action', label: t('svq.conduct.action') },
            { value: 'inaction', label: t('svq.conduct.inaction') },
          ]}
          data-testid="about-conduct"
        />
      </Stack>
    </SimpleGrid>
  );
}

/**
 * The registration number and the secret, shown once (TS-40): only the secret's hash is kept, so the
 * page says plainly to keep it. An officer who registered a letter or a call also gets the links.
 */
export function RegisteredCard({ made, actions, extra }: { made: ComplaintRegistered; actions?: ReactNode; extra?: ReactNode }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Card withBorder radius="md" padding="lg" data-testid="complaint-registered">
      <Stack>
        <Title order={2} fz={20}>
          {t('svq.registered.title')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Field label={t('svq.field.number')}>
            <Text fz={26} fw={700} ff="monospace" data-testid="registration-number">
              {made.registrationNumber}
            </Text>
          </Field>
          <Field label={t('svq.field.secret')}>
            <Group gap="xs" wrap="nowrap">
              <Code fz={22} fw={700} data-testid="registration-secret">
                {made.secret}
              </Code>
              <CopyButton value={`${made.registrationNumber} ${made.secret}`}>
                {({ copied, copy }) => (
                  <Button size="xs" variant="light" color={copied ? 'teal' : 'gray'} onClick={copy}>
                    {copied ? t('svq.registered.copied') : t('svq.registered.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
          </Field>
          <Field label={t('svq.field.received')}>{formatDateTime(made.receivedAt, lang)}</Field>
          <Field label={t('svq.field.due')}>{formatDateTime(made.dueAt, lang)}</Field>
        </SimpleGrid>
        <Alert color="orange" variant="light" title={t('svq.registered.keep')} data-testid="keep-secret">
          {t('svq.registered.keepHint')}
        </Alert>
        {extra}
        <Group>
          <Button component={Link} to={`/public/complaint-status?number=${encodeURIComponent(made.registrationNumber)}`} data-testid="to-status">
            {t('svq.registered.openStatus')}
          </Button>
          {actions}
        </Group>
      </Stack>
    </Card>
  );
}

/** A result of a request to download with the session cookie (the second copy, the reply letter). */
export function ResultLink({ requestId, resultId, children, testId }: { requestId: string; resultId: string; children: ReactNode; testId?: string }) {
  return (
    <Anchor href={`/api/tax-services/requests/${requestId}/results/${resultId}`} download data-testid={testId}>
      {children}
    </Anchor>
  );
}

/** The subject of a complaint, the same in the public Book and in the officer's register: what it is about, the decision or declaration it concerns (11.11.01, 11.11.04) and the text. */
export function ComplaintSubjectFields(props: {
  readonly serviceKey: string;
  readonly about: About;
  readonly onAbout: (a: About) => void;
  readonly units: readonly Unit[];
  readonly decisionRef: string;
  readonly onDecisionRef: (v: string) => void;
  readonly declarationRef: string;
  readonly onDeclarationRef: (v: string) => void;
  readonly text: string;
  readonly onText: (v: string) => void;
  readonly error?: ApiError;
  readonly maxTextLength?: number;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Fieldset legend={t('svq.field.about')}>
        <AboutFields value={props.about} onChange={props.onAbout} units={props.units} error={props.error} />
      </Fieldset>
      {props.serviceKey === '11.11.01' && (
        <TextInput
          label={t('svq.field.decisionRef')}
          value={props.decisionRef}
          onChange={(e) => props.onDecisionRef(e.currentTarget.value)}
          error={props.error?.messageFor('decisionRef')}
          required
        />
      )}
      {props.serviceKey === '11.11.04' && (
        <TextInput
          label={t('svq.field.declarationRef')}
          value={props.declarationRef}
          onChange={(e) => props.onDeclarationRef(e.currentTarget.value)}
          error={props.error?.messageFor('declarationRef')}
          required
        />
      )}
      <Textarea
        label={t('svq.field.text')}
        value={props.text}
        onChange={(e) => props.onText(e.currentTarget.value)}
        error={props.error?.messageFor('text')}
        {...(props.maxTextLength ? { maxLength: props.maxTextLength } : {})}
        autosize
        minRows={5}
        required
        name="text"
      />
    </>
  );
}
