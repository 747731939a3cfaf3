import { Badge, Button, Card, Group, NativeSelect, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { Loadable, PageHeader, ProblemAlert } from '../../../components/feedback.tsx';
import { formatDateTime, localised } from '../../../lib/format.ts';
import { Link } from '../../../lib/router.tsx';
import { useLang } from '../../../lib/session.tsx';
import { useAction, useApi } from '../../../lib/use-api.ts';
import { loadUnits } from '../model.ts';
import { useNames } from '../parts.tsx';
import { type Complaint, COMPLAINT_OUTCOMES, type ComplaintOutcome, isComplaintService, isConduct, isOutcome, isReceiptMode, serviceLabel } from './model.ts';
import { ComplaintSlaBadge, Field, ResultLink } from './parts.tsx';

/** The written reply (TS-17): an outcome and its text; the server makes the letter and completes the request. */
function ReplyForm({ c, onDone }: { c: Complaint; onDone: (c: Complaint) => void }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<ComplaintOutcome>('explained');
  const [text, setText] = useState('');
  const reply = useAction(() => api('POST /api/tax-services/complaints/{id}/reply', { params: { id: c.id }, body: { outcome, text: text.trim() } }));
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const done = await reply.run();
    if (done) onDone(done);
  };
  return (
    <Card withBorder radius="md" padding="lg" data-testid="reply-form">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Title order={3} fz={17}>
            {t('svq.reply.title')}
          </Title>
          <Text size="xs" c="dimmed">
            {t('svq.reply.hint')}
          </Text>
          <NativeSelect
            label={t('svq.field.outcome')}
            value={outcome}
            onChange={(e) => isOutcome(e.currentTarget.value) && setOutcome(e.currentTarget.value)}
            data={COMPLAINT_OUTCOMES.map((o) => ({ value: o, label: t(`svq.outcome.${o}`) }))}
            error={reply.error?.messageFor('outcome')}
            name="outcome"
          />
          <Textarea
            label={t('svq.reply.text')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            error={reply.error?.messageFor('text')}
            maxLength={20_000}
            autosize
            minRows={6}
            required
            name="reply-text"
          />
          <ProblemAlert error={reply.error} shownFields={['outcome', 'text']} />
          <Group justify="flex-end">
            <Button type="submit" color="teal" loading={reply.isRunning} disabled={text.trim() === ''} data-testid="send-reply">
              {t('svq.reply.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function ComplaintCard({ c }: { c: Complaint }) {
  const { t } = useTranslation();
  const lang = useLang();
  const names = useNames();
  const units = useApi(loadUnits, []);
  const unitName = (code: string | null) => {
    if (!code) return '—';
    const unit = units.data?.find((u) => u.code === code);
    return unit ? localised(unit.name, lang) : code;
  };
  const r = c.receipt;
  const who = [
    c.complainant.name,
    c.complainant.tin && `${t('svq.field.tin')} ${c.complainant.tin}`,
    c.complainant.email,
    c.complainant.phone,
    c.complainant.address,
  ];
  return (
    <Card withBorder radius="md" padding="lg" data-testid="complaint-card">
      <Stack>
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Text size="sm" c="dimmed" ff="monospace" data-testid="complaint-number">
              № {c.registrationNumber}
            </Text>
            <Title order={2} fz={20}>
              {isComplaintService(c.serviceKey) ? `${c.serviceKey} · ${t(serviceLabel(c.serviceKey))}` : c.serviceKey}
            </Title>
          </Stack>
          <Group gap="xs">
            <Badge variant="light" color={c.reply ? 'teal' : 'blue'}>
              {c.reply ? t('svq.complaintState.answered') : t('svq.complaintState.under_review')}
            </Badge>
            <ComplaintSlaBadge state={c.slaState} />
          </Group>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
          <Field label={t('svq.field.channel')}>{names.channel(c.channel)}</Field>
          <Field label={t('svq.field.received')}>{formatDateTime(c.receivedAt, lang)}</Field>
          <Field label={t('svq.field.due')}>{formatDateTime(c.dueAt, lang)}</Field>
          <Field label={t('svq.field.complainant')}>{who.filter(Boolean).join('\n') || '—'}</Field>
          <Field label={t('svq.field.unit')}>{unitName(c.about.unitCode)}</Field>
          <Field label={t('svq.field.official')}>{c.about.officialName ?? '—'}</Field>
          <Field label={t('svq.field.conduct')}>{isConduct(c.about.conduct) ? t(`svq.conduct.${c.about.conduct}`) : '—'}</Field>
          <Field label={t('svq.field.reviewingUnit')}>{unitName(c.unitCode)}</Field>
          {c.decisionRef && <Field label={t('svq.field.decisionRef')}>{c.decisionRef}</Field>}
          {c.declarationRef && <Field label={t('svq.field.declarationRef')}>{c.declarationRef}</Field>}
        </SimpleGrid>
        <Card withBorder radius="sm" padding="sm">
          <Field label={t('svq.field.text')} testId="complaint-text">
            {c.text}
          </Field>
        </Card>
        <Stack gap={4}>
          <Text fw={600} size="sm">
            {t('svq.registerForm.receiptTitle')}: {isReceiptMode(r.mode) ? t(`svq.receiptMode.${r.mode}`) : r.mode}
          </Text>
          <Text size="sm" c="dimmed">
            {[
              formatDateTime(r.receivedAt, lang),
              r.receiverName,
              r.receiverSigned ? t('svq.registerForm.receiverSigned') : null,
              r.stamp && `${t('svq.registerForm.stamp')}: ${r.stamp}`,
              r.incomingNumber && `${t('svq.registerForm.incomingNumber')}: ${r.incomingNumber}`,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
          {r.copyResultId && (
            <ResultLink requestId={c.id} resultId={r.copyResultId}>
              {t('svq.registered.receiptCopy')}
            </ResultLink>
          )}
        </Stack>
        {c.reply && (
          <Card withBorder radius="sm" padding="sm" bg="var(--mantine-color-teal-light)" data-testid="complaint-reply">
            <Stack gap={4}>
              <Text size="xs" c="dimmed">
                {t('svq.field.reply')} · {formatDateTime(c.reply.answeredAt, lang)}
                {c.reply.answeredBy ? ` · ${t('svq.reply.by', { who: c.reply.answeredBy })}` : ''}
                {c.reply.isLate ? ` · ${t('svq.status.late')}` : ''}
              </Text>
              {isOutcome(c.reply.outcome) && <Text fw={600}>{t(`svq.outcome.${c.reply.outcome}`)}</Text>}
              <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                {c.reply.text}
              </Text>
              {c.reply.resultId && (
                <ResultLink requestId={c.id} resultId={c.reply.resultId} testId="reply-letter-link">
                  {t('svq.reply.letter')}
                </ResultLink>
              )}
            </Stack>
          </Card>
        )}
      </Stack>
    </Card>
  );
}

/** One complaint for an officer: what it is about, its proof of receipt (TS-16), and the written reply (TS-17). */
export function ComplaintPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const [updated, setUpdated] = useState<Complaint>();
  const loaded = useApi(() => api('GET /api/tax-services/complaints/{id}', { params: { id } }), [id]);
  const state = updated ? { ...loaded, data: updated } : loaded;
  return (
    <Stack maw={1100}>
      <PageHeader
        title={t('svq.register.title')}
        actions={
          <>
            <Button variant="default" component={Link} to={`/services/queue/${id}`} data-testid="to-request">
              {t('svq.register.request')}
            </Button>
            <Button variant="default" component={Link} to="/services/complaints">
              {t('svq.register.back')}
            </Button>
          </>
        }
      />
      <Loadable state={state}>
        {(c) => (
          <Stack>
            <ComplaintCard c={c} />
            {!c.reply && <ReplyForm c={c} onDone={setUpdated} />}
          </Stack>
        )}
      </Loadable>
    </Stack>
  );
}
