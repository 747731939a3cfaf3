import { Alert, Anchor, Button, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import type { RegisterApplication } from '../api/types.gen.ts';
import { formatDate, formatDateTime } from '../lib/format.ts';
import { Link } from '../lib/router.tsx';
import { useLang } from '../lib/session.tsx';
import { useApi } from '../lib/use-api.ts';
import { ApplicationStatusBadge, useLegalRef } from './status.tsx';

/** A text field of the captured Annex 1 / Annex 3 form (the contract types it as an open object). */
export function formText(a: RegisterApplication, key: string): string {
  const value = a.form[key];
  return typeof value === 'string' ? value : '';
}

const GROUNDS = ['DOCUMENTS_INCOMPLETE', 'DATA_DISCREPANCY', 'MODEL_NOT_IN_STATE_REGISTRY'] as const;
const FINDINGS = [
  'MISSING_ATTACHMENT',
  'MODEL_NOT_INCLUDED',
  'MODEL_CERTIFICATE_INVALID',
  'MODEL_KIND_MISMATCH',
  'NAME_MISMATCH',
  'INSPECTORATE_MISMATCH',
  'FISCAL_MODULE_UNKNOWN',
  'FISCAL_MODULE_NOT_WITH_TSC',
  'FISCAL_MODULE_IN_USE',
  'DEVICE_ALREADY_REGISTERED',
  'REGISTER_MISMATCH',
] as const;
const known = <T extends string>(list: readonly T[], code: string): code is T => (list as readonly string[]).includes(code);

/** Every refusal ground with its legal reference and exact detail (p.26, p.27). */
export function RefusalGrounds({ grounds }: { grounds: NonNullable<RegisterApplication['refusalGrounds']> }) {
  const { t } = useTranslation();
  const lang = useLang();
  const legal = useLegalRef();
  return (
    <Stack gap={4}>
      <Text fw={600}>{t('ground.title')}</Text>
      <List spacing={4} data-testid="refusal-grounds">
        {grounds.map((g) => (
          <List.Item key={`${g.code}:${g.ref}:${g.detail}`}>
            <Text span fw={600}>
              {known(GROUNDS, g.code) ? t(`ground.${g.code}`) : g.code}
            </Text>{' '}
            <Text span c="dimmed" size="sm">
              ({legal(g.ref)})
            </Text>
            {(g.message?.[lang] ?? g.detail) && <Text size="sm">{g.message?.[lang] ?? g.detail}</Text>}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}

export function Findings({ findings }: { findings: RegisterApplication['findings'] }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (findings.length === 0) return null;
  return (
    <Stack gap={4}>
      <Text fw={600}>{t('finding.title')}</Text>
      <List spacing={4} data-testid="findings">
        {findings.map((f) => (
          <List.Item key={`${f.code}:${f.field}:${f.detail}`}>
            <Text span fw={600}>
              {known(FINDINGS, f.code) ? t(`finding.${f.code}`) : f.code}
            </Text>
            <Text span size="sm" c="dimmed">
              {' '}
              · {f.field.replace(/^body\./, '')}
            </Text>
            <Text size="sm">{f.message[lang]}</Text>
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}

function RegistryNumber({ registerId }: { registerId: string }) {
  const { t } = useTranslation();
  const card = useApi(() => api('GET /api/fiscal/registers/{id}/card', { params: { id: registerId } }), [registerId]);
  if (!card.data) return null;
  return (
    <Text>
      {t('field.registryNumber')}:{' '}
      <Text span fw={700} ff="monospace" data-testid="registry-number">
        {card.data.registryNumber}
      </Text>
    </Text>
  );
}

const Field = ({ label, children }: { label: string; children: ReactNode }) => (
  <Stack gap={0}>
    <Text size="xs" c="dimmed">
      {label}
    </Text>
    <Text size="sm">{children || '—'}</Text>
  </Stack>
);

/** The result of an application: completed with the card, under study with the findings, or refused with every ground. */
export function ApplicationOutcome({ application: a, cardHref, actions }: { application: RegisterApplication; cardHref?: string; actions?: ReactNode }) {
  const { t } = useTranslation();
  const lang = useLang();
  const color = a.status === 'completed' ? 'teal' : a.status === 'refused' ? 'red' : a.status === 'under_study' ? 'orange' : 'blue';
  return (
    <Card withBorder radius="md" padding="lg" data-testid="application-outcome">
      <Stack>
        <Group justify="space-between" wrap="wrap">
          <Title order={2} fz={20}>
            {t(`appKind.${a.kind}`)} · {formText(a, 'businessName') || a.businessTin}
          </Title>
          <ApplicationStatusBadge status={a.status} />
        </Group>
        <Alert color={color} variant="light" title={t(`appStatus.${a.status}`)}>
          <Stack gap="xs">
            <Text size="sm">{t(`outcome.${a.status}`, { due: formatDateTime(a.studyDueAt, lang) })}</Text>
            {a.status === 'completed' && a.registerId && <RegistryNumber registerId={a.registerId} />}
            {a.isLate && (
              <Text size="sm" c="red" fw={600}>
                {t('outcome.late')}
              </Text>
            )}
          </Stack>
        </Alert>
        {a.refusalGrounds && a.refusalGrounds.length > 0 && <RefusalGrounds grounds={a.refusalGrounds} />}
        {a.status !== 'refused' && <Findings findings={a.findings} />}
        {a.studyNote && <Field label={t('field.note')}>{a.studyNote}</Field>}
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
          <Field label={t('field.tin')}>{a.businessTin}</Field>
          <Field label={t('field.model')}>{formText(a, 'modelName')}</Field>
          <Field label={t('field.manufacturerNumber')}>{formText(a, 'manufacturerNumber')}</Field>
          <Field label={t('field.fiscalModuleNumber')}>{formText(a, 'fiscalModuleNumber')}</Field>
          <Field label={t('field.placeOfActivity')}>{formText(a, 'placeOfActivity')}</Field>
          <Field label={t('field.inspectorate')}>{formText(a, 'inspectorateName')}</Field>
          <Field label={t('field.receivedAt')}>{formatDateTime(a.receivedAt, lang)}</Field>
          <Field label={t('time.due')}>{formatDateTime(a.dueAt, lang)}</Field>
          <Field label={t('field.signedOn')}>{formatDate(formText(a, 'signedOn'), lang)}</Field>
        </SimpleGrid>
        <Group gap="sm" className="no-print">
          {a.status === 'completed' && a.registerId && cardHref && (
            <Button component={Link} to={cardHref}>
              {t('outcome.openCard')}
            </Button>
          )}
          <Anchor href={`/api/fiscal/applications/${a.id}/form.html`} target="_blank" rel="noopener">
            {t('outcome.printForm')}
          </Anchor>
          {actions}
        </Group>
      </Stack>
    </Card>
  );
}
