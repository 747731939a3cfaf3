import { Alert, Badge, Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { Tsc, TscConclusion } from '../../api/types.gen.ts';
import { ProblemAlert } from '../../components/feedback.tsx';
import { formatDate } from '../../lib/format.ts';
import { useLang, useSession } from '../../lib/session.tsx';
import { useAction, useApi } from '../../lib/use-api.ts';

const today = () => new Date(Date.now() + 5 * 3_600_000).toISOString().slice(0, 10);
const yearAgo = () => new Date(Date.now() + 5 * 3_600_000 - 365 * 86_400_000).toISOString().slice(0, 10);

function ConclusionCard({ c, onGiven }: { c: TscConclusion; onGiven: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { role } = useSession();
  const [comment, setComment] = useState('');
  const give = useAction(() =>
    api('POST /api/fiscal/tsc-conclusions/{id}/give', { params: { id: c.id }, body: comment.trim() ? { comment: comment.trim() } : {} }),
  );
  return (
    <Stack gap={6} p="sm" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }} data-testid="tsc-conclusion">
      <Group justify="space-between">
        <Text fw={600} size="sm">
          № {c.instructionReference} · {c.periodFrom} – {c.periodTo}
        </Text>
        <Text size="xs" c="dimmed">
          {formatDate(c.instructedAt, lang)}
        </Text>
      </Group>
      {c.status === 'instructed' ? (
        <>
          <Badge color="yellow" variant="light">
            {t('tscConclusion.awaiting')}
          </Badge>
          {role === 'operator_admin' && (
            <>
              <Textarea label={t('tscConclusion.comment')} value={comment} onChange={(e) => setComment(e.currentTarget.value)} autosize minRows={2} />
              <ProblemAlert error={give.error} />
              <Group justify="flex-end">
                <Button size="xs" loading={give.isRunning} onClick={async () => (await give.run()) && onGiven()}>
                  {t('tscConclusion.give')}
                </Button>
              </Group>
            </>
          )}
        </>
      ) : (
        <>
          <Badge color={c.fullyPerforms ? 'teal' : 'red'} variant="light">
            {c.fullyPerforms ? t('tscConclusion.fully') : t('tscConclusion.notFully')}
          </Badge>
          <Text size="xs" c="dimmed">
            {t('tscConclusion.kept', { kept: c.deadlinesKept ?? 0, studied: c.deadlinesStudied ?? 0 })}
          </Text>
          {(c.findings ?? []).map((f) => (
            <Text size="sm" key={`${f.code}-${f.kind ?? ''}`}>
              • {t(`tscConclusion.findings.${f.code}`)}
              {f.kind ? `: ${t(`deadline.${f.kind}`, { defaultValue: f.kind })}` : ''} ({f.legalRef}){f.count > 1 ? ` × ${f.count}` : ''}
            </Text>
          ))}
          {c.operatorComment && (
            <Text size="sm" fs="italic">
              {c.operatorComment}
            </Text>
          )}
        </>
      )}
    </Stack>
  );
}

/** p.59 (FIS-OPR-14): the tax officer instructs, the operator concludes; both see the history. */
export function TscConclusionsDialog({ tsc, onClose }: { tsc: Tsc; onClose: () => void }) {
  const { t } = useTranslation();
  const { role } = useSession();
  const [reloadKey, setReloadKey] = useState(0);
  const [reference, setReference] = useState('');
  const [from, setFrom] = useState(yearAgo());
  const [to, setTo] = useState(today());
  const list = useApi(() => api('GET /api/fiscal/tscs/{id}/conclusions', { params: { id: tsc.id } }), [tsc.id, reloadKey]);
  const instruct = useAction(() =>
    api('POST /api/fiscal/tscs/{id}/conclusions', { params: { id: tsc.id }, body: { instructionReference: reference.trim(), periodFrom: from, periodTo: to } }),
  );
  const reload = () => setReloadKey((k) => k + 1);
  return (
    <Modal opened onClose={onClose} title={`${t('tscConclusion.title')}: ${tsc.name}`} size="lg">
      <Stack>
        <Alert variant="light">{t('tscConclusion.hint')}</Alert>
        {role === 'tax_officer' && (
          <Stack gap="xs">
            <Group grow>
              <TextInput label={t('tscConclusion.instructionReference')} value={reference} onChange={(e) => setReference(e.currentTarget.value)} required />
              <TextInput type="date" label={t('tscConclusion.periodFrom')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
              <TextInput type="date" label={t('tscConclusion.periodTo')} value={to} onChange={(e) => setTo(e.currentTarget.value)} />
            </Group>
            <ProblemAlert error={instruct.error} />
            <Group justify="flex-end">
              <Button
                size="xs"
                disabled={reference.trim() === ''}
                loading={instruct.isRunning}
                onClick={async () => {
                  if (await instruct.run()) {
                    setReference('');
                    reload();
                  }
                }}
              >
                {t('tscConclusion.instruct')}
              </Button>
            </Group>
          </Stack>
        )}
        {list.data?.length === 0 && <Text c="dimmed">{t('tscConclusion.none')}</Text>}
        {list.data?.map((c) => (
          <ConclusionCard key={c.id} c={c} onGiven={reload} />
        ))}
      </Stack>
    </Modal>
  );
}
