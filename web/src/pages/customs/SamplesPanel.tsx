import { Badge, Button, Card, Group, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { type Role, useLang } from '../../lib/session.tsx';
import { useAction, useApi } from '../../lib/use-api.ts';
import { CustomsModal } from './CustomsModal.tsx';
import type { Detail } from './model.ts';

const STATE_COLOR = { REQUESTED: 'yellow', GRANTED: 'teal', REFUSED: 'red' } as const;
const CONCLUSION_COLOR = { conforms: 'teal', does_not_conform: 'red', inconclusive: 'gray' } as const;

type Dialog = 'ask' | { number: string; grant: boolean } | undefined;

/**
 * Samples of a declaration (docs/customs-declarant-requests.md): the declarant asks permission to take
 * samples on the draft of an import (art.127 p.1 i.2, CUS-DEC-18), customs grants or refuses it, and the
 * results of the tests of samples are shown to the declarant of the goods (art.127 p.1 i.4, CUS-DEC-20).
 */
export function SamplesPanel({ d, role }: { d: Detail; role: Role }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [dialog, setDialog] = useState<Dialog>();
  const [purpose, setPurpose] = useState('');
  const [line, setLine] = useState({ commodityCode: '', description: '', quantity: '' });
  const [reason, setReason] = useState('');
  const permissions = useApi(() => api('GET /api/customs/declarations/{id}/sample-permissions', { params: { id: d.id } }), [d.id, d.state]);
  const hasResults = d.state !== 'DRAFT';
  const results = useApi(
    () => (hasResults ? api('GET /api/customs/declarations/{id}/lab-results', { params: { id: d.id } }) : Promise.resolve([])),
    [d.id, d.state],
  );
  const ask = useAction(() =>
    api('POST /api/customs/declarations/{id}/sample-permissions', {
      params: { id: d.id },
      body: {
        purpose: purpose.trim(),
        lines: [{ commodityCode: line.commodityCode.trim(), description: line.description.trim(), quantity: line.quantity.trim() }],
      },
    }),
  );
  const decide = useAction(() => {
    if (typeof dialog !== 'object') return Promise.resolve(undefined);
    return api('POST /api/customs/sample-permissions/{number}/decision', {
      params: { number: dialog.number },
      body: dialog.grant ? { decision: 'grant' } : { decision: 'refuse', reason: reason.trim() },
    });
  });
  const mayAsk = role === 'declarant' && d.state === 'DRAFT' && d.direction === 'import';
  const mayDecide = role === 'customs_officer';
  const open = (next: Dialog) => {
    setPurpose('');
    setReason('');
    setLine({ commodityCode: d.data.items[0]?.commodityCode ?? '', description: d.data.items[0]?.description ?? '', quantity: '' });
    setDialog(next);
  };
  const done = () => {
    setDialog(undefined);
    permissions.reload();
  };
  const rows = permissions.data ?? [];
  if (!mayAsk && rows.length === 0 && (results.data ?? []).length === 0) return null;
  return (
    <Card withBorder radius="md" padding="lg" data-testid="samples-panel">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} fz={18}>
            {t('cusr.sample.title')}
          </Title>
          {mayAsk && (
            <Button size="compact-sm" variant="light" onClick={() => open('ask')} data-testid="action-ask-samples">
              {t('cusr.sample.ask')}
            </Button>
          )}
        </Group>
        <Text fw={600} size="sm">
          {t('cusr.sample.permissions')}
        </Text>
        {rows.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('cusr.sample.none')}
          </Text>
        )}
        {rows.map((p) => (
          <Stack key={p.number} gap={2} data-testid="sample-permission" data-number={p.number} data-state={p.state}>
            <Group gap="xs">
              <Text size="sm" ff="monospace">
                {p.number}
              </Text>
              <Badge size="sm" variant="light" color={STATE_COLOR[p.state]}>
                {t(`cusr.sample.state.${p.state}`)}
              </Badge>
              <Text size="xs" c="dimmed">
                {formatDateTime(p.requestedAt, lang)}
              </Text>
              {mayDecide && p.state === 'REQUESTED' && (
                <>
                  <Button size="compact-sm" color="teal" onClick={() => open({ number: p.number, grant: true })} data-testid="sample-grant">
                    {t('cusr.sample.grant')}
                  </Button>
                  <Button size="compact-sm" color="red" variant="light" onClick={() => open({ number: p.number, grant: false })} data-testid="sample-refuse">
                    {t('cusr.sample.refuse')}
                  </Button>
                </>
              )}
            </Group>
            <Text size="sm">{p.purpose}</Text>
            {p.lines.map((l) => (
              <Text key={`${l.commodityCode}:${l.description}`} size="xs" c="dimmed">
                {l.commodityCode} · {l.description} · {l.quantity} {l.unit}
              </Text>
            ))}
            {p.decisionReason && <Text size="sm">{p.decisionReason}</Text>}
          </Stack>
        ))}
        {hasResults && (
          <>
            <Text fw={600} size="sm">
              {t('cusr.sample.results')}
            </Text>
            {(results.data ?? []).length === 0 && (
              <Text size="sm" c="dimmed">
                {t('cusr.sample.noResults')}
              </Text>
            )}
            {results.data?.map((r) => (
              <Stack key={r.id} gap={2} data-testid="lab-result" data-conclusion={r.conclusion}>
                <Group gap="xs">
                  <Badge size="sm" variant="light" color={CONCLUSION_COLOR[r.conclusion]}>
                    {t(`cusr.sample.conclusion.${r.conclusion}`)}
                  </Badge>
                  <Text size="sm">{t('cusr.sample.report', { number: r.reportNumber, date: formatDate(r.reportedOn, lang) })}</Text>
                </Group>
                <Text size="xs" c="dimmed">
                  {t('cusr.sample.laboratory')}: {r.laboratory} · {t('cusr.sample.items', { items: r.items.join(', ') })}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                  {r.findings}
                </Text>
              </Stack>
            ))}
          </>
        )}
      </Stack>

      <CustomsModal
        title={t('cusr.sample.ask')}
        opened={dialog === 'ask'}
        onClose={() => setDialog(undefined)}
        action={ask}
        onDone={done}
        submitLabel={t('cusr.sample.ask')}
        isReady={purpose.trim() !== '' && line.commodityCode.trim() !== '' && line.quantity.trim() !== ''}
        testId="sample-form"
      >
        <TextInput label={t('cusr.sample.purpose')} name="sample-purpose" value={purpose} onChange={(e) => setPurpose(e.currentTarget.value)} required />
        <Group grow>
          <TextInput
            label={t('cusr.sample.commodityCode')}
            name="sample-code"
            value={line.commodityCode}
            onChange={(e) => setLine({ ...line, commodityCode: e.currentTarget.value })}
          />
          <TextInput
            label={t('cusr.sample.quantity')}
            name="sample-quantity"
            value={line.quantity}
            onChange={(e) => setLine({ ...line, quantity: e.currentTarget.value })}
          />
        </Group>
        <TextInput
          label={t('cusr.sample.description')}
          name="sample-description"
          value={line.description}
          onChange={(e) => setLine({ ...line, description: e.currentTarget.value })}
        />
      </CustomsModal>

      <CustomsModal
        title={typeof dialog === 'object' ? (dialog.grant ? t('cusr.sample.grant') : t('cusr.sample.refuse')) : ''}
        opened={typeof dialog === 'object'}
        onClose={() => setDialog(undefined)}
        action={decide}
        onDone={done}
        submitLabel={typeof dialog === 'object' && dialog.grant ? t('cusr.sample.grant') : t('cusr.sample.refuse')}
        color={typeof dialog === 'object' && dialog.grant ? 'teal' : 'red'}
        isReady={typeof dialog === 'object' && (dialog.grant || reason.trim() !== '')}
        testId="sample-decision-form"
      >
        {typeof dialog === 'object' && !dialog.grant && (
          <Textarea label={t('cusr.sample.refuseReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} required />
        )}
      </CustomsModal>
    </Card>
  );
}
