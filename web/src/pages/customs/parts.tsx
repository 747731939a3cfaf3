import { Alert, Anchor, Badge, Card, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/client.ts';
import { useLang } from '../../lib/session.tsx';
import { orderedForms } from './control-powers.ts';
import { anchorOf, type Clock, type Detail, fieldKeyOf, formatDirams, groupReasons, type Reason, reasonsOf, STATE_COLORS, type State } from './model.ts';

type Vars = Record<string, string | number>;

/**
 * Translations whose keys come from the API (reason codes, field paths, states): an unknown code
 * falls back to a neutral text with the code, never to a raw key.
 */
export function useCustomsText() {
  const { t, i18n } = useTranslation();
  const tx = (key: string, vars?: Vars): string => (t as unknown as (k: string, v?: Vars) => string)(key, vars);
  const has = (key: string) => i18n.exists(key);
  const field = (path: string): string => {
    const { key, item, document } = fieldKeyOf(path);
    const flat = key.replace(/\./g, '_');
    if (item !== undefined) {
      const label = key.startsWith('item.') && has(`cus.${key}`) ? tx(`cus.${key}`) : tx('cus.path.items');
      return tx('cus.refusal.itemField', { n: item, field: label });
    }
    if (document) return tx('cus.refusal.documentField', { type: document });
    if (has(`cus.path.${flat}`)) return tx(`cus.path.${flat}`);
    if (has(`cus.field.${flat}`)) return tx(`cus.field.${flat}`);
    // A nested path reads as its parts: "Consignor · Address".
    const parts = key.split('.').map((part) => (has(`cus.field.${part}`) ? tx(`cus.field.${part}`) : undefined));
    return parts.every((p) => p !== undefined) ? parts.join(' · ') : path;
  };
  return {
    tx,
    field,
    reason: (code: string) => (has(`cus.reason.${code}`) ? tx(`cus.reason.${code}`) : tx('cus.reason.other', { code })),
    why: (code: string) => (has(`cus.why.${code}`) ? tx(`cus.why.${code}`) : code),
    state: (s: string) => (has(`cus.state.${s}`) ? tx(`cus.state.${s}`) : s),
    /** A refusal's title in the interface language: the dictionary's, else the server's localised one. */
    error: (e: ApiError) => (has(`cus.error.${e.code}`) ? tx(`cus.error.${e.code}`) : e.title),
  };
}

export function StateBadge({ state }: { state: State }) {
  const text = useCustomsText();
  return (
    <Badge color={STATE_COLORS[state] ?? 'gray'} variant="light" data-testid="declaration-state" data-state={state}>
      {text.state(state)}
    </Badge>
  );
}

/** Somoni with two decimals from a diram string. */
export function Somoni({ dirams }: { dirams: string | null | undefined }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (dirams === null || dirams === undefined) return <>—</>;
  return <>{t('cus.assessment.somoni', { amount: formatDirams(dirams, lang) })}</>;
}

/** Time left until the release deadline, orange when little is left and red once past. */
export function ClockText({ clock }: { clock: Clock | undefined }) {
  const { t } = useTranslation();
  if (!clock) return <Text size="sm">{t('cus.live.none')}</Text>;
  const vars = { d: clock.days, h: clock.hours, m: clock.minutes };
  const color = clock.tone === 'late' ? 'red' : clock.tone === 'soon' ? 'orange' : undefined;
  return (
    <Text size="sm" c={color} fw={clock.tone === 'ok' ? undefined : 700} data-testid="time-left" data-tone={clock.tone}>
      {clock.tone === 'late' ? t('cus.live.overdue', vars) : t('cus.live.left', vars)}
    </Text>
  );
}

export function Field({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div" data-testid={testId}>
        {children}
      </Text>
    </Stack>
  );
}

/** The assessment at registration (art.136 p.13): customs value, duty, excise, VAT and the total payable. */
export function Assessment({ d }: { d: Detail }) {
  const { t } = useTranslation();
  const a = d.assessment;
  if (!a) return null;
  const rows: [string, string | null, string][] = [
    ['customsValue', a.customsValueDirams, 'assessment-value'],
    ['duty', a.dutyDirams, 'assessment-duty'],
    ['excise', a.exciseDirams, 'assessment-excise'],
    ['vat', a.vatDirams, 'assessment-vat'],
    ['payable', a.payableDirams, 'assessment-payable'],
  ];
  if (a.toSecureDirams && a.toSecureDirams !== '0') rows.push(['toSecure', a.toSecureDirams, 'assessment-secure']);
  return (
    <Card withBorder radius="md" padding="lg" data-testid="assessment">
      <Stack gap="sm">
        <Title order={3} fz={18}>
          {t('cus.section.assessment')}
        </Title>
        <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
          {rows.map(([key, value, testId]) => (
            <Field key={key} label={t(`cus.assessment.${key as 'duty'}`)} testId={testId}>
              <Text span fw={key === 'payable' ? 700 : undefined} size="sm">
                <Somoni dirams={value} />
              </Text>
            </Field>
          ))}
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          {t('cus.assessment.rates')}
        </Text>
      </Stack>
    </Card>
  );
}

/** Moves the editor to the input a reason points at. */
export function focusField(field: string): void {
  const target = document.getElementById(anchorOf(field));
  if (!target) return;
  target.scrollIntoView({ behavior: 'smooth', block: 'center' });
  if (target instanceof HTMLInputElement || target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement) target.focus();
}

/**
 * Art.132 p.4 (AMB-05, CUS-DEC-39): every reason the declaration was not registered, grouped by its
 * ground, each translated and linked to the field it points at.
 */
export function RefusalReasons({ error }: { error: ApiError }) {
  const { t } = useTranslation();
  const text = useCustomsText();
  const reasons: Reason[] = reasonsOf(error.details);
  return (
    <Alert color="red" variant="light" title={t('cus.refusal.title')} role="alert" data-testid="refusal">
      <Stack gap="sm">
        <Text size="sm">{t('cus.refusal.intro')}</Text>
        {groupReasons(reasons).map((group) => (
          <Stack key={group.ground} gap={4} data-testid="refusal-ground" data-ground={group.ground}>
            <Text size="sm" fw={700}>
              {text.tx('cus.refusal.ground', { n: group.ground, text: text.tx(`cus.ground.${group.ground}`) })}
            </Text>
            <List size="sm" spacing={2}>
              {group.reasons.map((r, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the same code may point at two fields
                <List.Item key={`${r.code}:${r.field}:${i}`} data-testid="refusal-reason" data-code={r.code} data-field={r.field}>
                  {text.reason(r.code)} —{' '}
                  <Anchor component="button" type="button" size="sm" onClick={() => focusField(r.field)}>
                    {text.field(r.field)}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          </Stack>
        ))}
      </Stack>
    </Alert>
  );
}

/** Any other refusal: its title in the interface language and the reasons or unmet conditions it lists. */
export function CustomsProblem({ error }: { error: ApiError | undefined }) {
  const { t } = useTranslation();
  const text = useCustomsText();
  if (!error) return null;
  if (error.code === 'DECLARATION_NOT_REGISTERABLE') return <RefusalReasons error={error} />;
  const details = error.details ?? {};
  const listed = [details.reasons, details.unmet].flatMap((v) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []));
  const fault = typeof details.fault === 'string' ? [details.fault] : [];
  // CONTROL_POWER_MISSING: the forms of control of which the officer would need one (art.399 p.4).
  const required =
    error.code === 'CONTROL_POWER_MISSING' && Array.isArray(details.required) ? orderedForms(details.required.filter((x) => typeof x === 'string')) : [];
  return (
    <Alert color="red" variant="light" title={text.error(error)} role="alert" data-testid="problem">
      <Stack gap={4}>
        <Text size="xs" c="dimmed" ff="monospace">
          {error.code}
          {error.field ? ` · ${error.field}` : ''}
        </Text>
        {listed.length + fault.length > 0 && (
          <List size="sm">
            {listed.map((code) => (
              <List.Item key={code}>{text.why(code)}</List.Item>
            ))}
            {fault.map((code) => (
              <List.Item key={code}>{text.reason(`signature_${code}`)}</List.Item>
            ))}
          </List>
        )}
        {required.length > 0 && (
          <Text size="sm" data-testid="required-forms">
            {t('cusPowers.required')}: {required.map((f) => t(`cusPowers.form.${f}`)).join(', ')}
          </Text>
        )}
        {error.errors.length > 0 && (
          <List size="sm">
            {error.errors.map((e) => (
              <List.Item key={`${e.field}:${e.code}`}>
                <b>{text.field(e.field)}</b>: {e.message}
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Alert>
  );
}
