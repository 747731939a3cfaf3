import { Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { Operations } from '../../api/types.gen.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { useLang } from '../../lib/session.tsx';
import { useApi } from '../../lib/use-api.ts';
import type { Detail } from './model.ts';
import { CustomsProblem, Field, Somoni } from './parts.tsx';

type Communication = Operations['GET /api/customs/declarations/{id}/value-communications']['response'][number];

/**
 * The customs value of a filed declaration (docs/customs-value.md): the electronic customs value form
 * with its versions (art.361-362, CUS-REG-08, CUS-REG-10) and the requests, decisions, explanations and
 * answers on the value, electronic or written, with the times sent and delivered (art.364-365, CUS-REG-11).
 */
export function ValuePanel({ d }: { d: Detail }) {
  const { t, i18n } = useTranslation();
  const lang = useLang();
  const form = useApi(() => api('GET /api/customs/declarations/{id}/value-form', { params: { id: d.id } }), [d.id, d.state]);
  const communications = useApi(() => api('GET /api/customs/declarations/{id}/value-communications', { params: { id: d.id } }), [d.id, d.state]);
  const current = form.data?.current;
  const tx = t as unknown as (k: string) => string;
  // Field paths and rule codes of the value form, named in the interface language (the code stays when unknown).
  const named = (prefix: string, key: string) => (i18n.exists(`${prefix}.${key}`) ? tx(`${prefix}.${key}`) : key);
  return (
    <Card withBorder radius="md" padding="lg" data-testid="value-panel">
      <Stack gap="sm">
        <Title order={3} fz={18}>
          {t('cusr.value.title')}
        </Title>
        <CustomsProblem error={form.error} />
        {form.data && current && (
          <Stack gap="xs" data-testid="value-form">
            <Group gap="lg" align="flex-start">
              <Field label={t('cusr.value.assessed')} testId="value-assessed">
                <Somoni dirams={form.data.customsValueDirams} />
              </Field>
              <Field label={t('cusr.value.method')}>{current.data.method}</Field>
              <Field label={t('cusr.value.version')} testId="value-form-version">
                {current.version}
              </Field>
              <Field label={t('cusr.value.form')}>
                <span data-testid="value-form-source" data-source={current.source}>
                  {t(`cusr.value.source.${current.source}`)}
                </span>
              </Field>
            </Group>
            {current.differences.length > 0 && (
              <Text size="sm" c="orange">
                {t('cusr.value.differences')}: {current.differences.map((f) => named('cusr.value.field', f)).join(', ')}
              </Text>
            )}
            {current.violations.length > 0 && (
              <Text size="sm" c="orange" data-testid="value-form-violations">
                {t('cusr.value.violations')}:{' '}
                {current.violations.map((v) => `${named('cusr.value.field', v.field)} — ${named('cusr.value.rule', v.code)}`).join('; ')}
              </Text>
            )}
            {form.data.versions.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('cusr.value.noVersions')}
              </Text>
            ) : (
              <Table verticalSpacing={4} data-testid="value-form-versions">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('cusr.value.version')}</Table.Th>
                    <Table.Th>{t('cusr.value.form')}</Table.Th>
                    <Table.Th>{t('cusr.value.submittedAt')}</Table.Th>
                    <Table.Th>{t('cusr.value.definition')}</Table.Th>
                    <Table.Th>SHA-256</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {form.data.versions.map((v) => (
                    <Table.Tr key={v.version} data-testid="value-form-row" data-version={v.version}>
                      <Table.Td>{v.version}</Table.Td>
                      <Table.Td>{t(`cusr.value.source.${v.source}`)}</Table.Td>
                      <Table.Td>{formatDateTime(v.submittedAt, lang)}</Table.Td>
                      <Table.Td>{v.definitionVersion ?? '—'}</Table.Td>
                      <Table.Td ff="monospace" fz="xs">
                        {v.sha256.slice(0, 16)}…
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Stack>
        )}
        <Text fw={600}>{t('cusr.value.communications')}</Text>
        <CustomsProblem error={communications.error} />
        {communications.data?.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('cusr.value.noCommunications')}
          </Text>
        )}
        {communications.data?.map((c) => (
          <CommunicationRow key={c.id} c={c} declarationId={d.id} />
        ))}
      </Stack>
    </Card>
  );
}

function CommunicationRow({ c, declarationId }: { c: Communication; declarationId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Stack gap={2} data-testid="value-communication" data-kind={c.kind} data-channel={c.channel} data-direction={c.direction}>
      <Group gap="xs">
        <Text size="sm" fw={600}>
          {t(`cusr.value.kind.${c.kind}`)}
        </Text>
        <Badge size="sm" variant="light" color={c.channel === 'written' ? 'grape' : 'blue'}>
          {t(`cusr.value.channel.${c.channel}`)}
        </Badge>
        <Badge size="sm" variant="outline" color="gray">
          {t(`cusr.value.direction.${c.direction}`)}
        </Badge>
        {c.decision && (
          <Badge size="sm" variant="light" color={c.decision === 'accepted' ? 'teal' : 'orange'} data-testid="value-decision">
            {t(`cusr.value.decision.${c.decision}`)}
          </Badge>
        )}
        <Text size="xs" c="dimmed">
          {c.legalBasis}
        </Text>
      </Group>
      <Text size="sm">{c.subject}</Text>
      {c.body && (
        <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-line' }}>
          {c.body}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        <span data-testid="value-sent-at">
          {t('cusr.value.sentAt')}: {formatDateTime(c.sentAt, lang)}
        </span>
        {' · '}
        <span data-testid="value-delivered-at">
          {c.deliveredAt ? `${t('cusr.value.deliveredAt')}: ${formatDateTime(c.deliveredAt, lang)}` : t('cusr.value.notDelivered')}
        </span>
        {c.answerDueOn ? ` · ${t('cusr.value.answerDueOn', { date: formatDate(c.answerDueOn, lang) })}` : ''}
        {c.documents.length > 0 ? ` · ${t('cusr.value.documents', { n: c.documents.length })}` : ''}
      </Text>
      {c.documents.map((sha) => (
        <Text key={sha} size="xs" ff="monospace" component="a" href={`/api/customs/declarations/${declarationId}/value-form/documents/${sha}`}>
          {sha.slice(0, 16)}…
        </Text>
      ))}
    </Stack>
  );
}
