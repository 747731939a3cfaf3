import { Badge, Stack, Text, ThemeIcon, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../i18n/dict.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useLang } from '../../lib/session.tsx';
import type { Detail } from './model.ts';
import { useCustomsText } from './parts.tsx';

type Entry = { readonly at: string; readonly title: string; readonly note?: string; readonly color: string; readonly kind: string };

/** Versions, requests and control events of a declaration in one history, oldest first. */
function entries(d: Detail, text: ReturnType<typeof useCustomsText>, lang: Language): Entry[] {
  const { tx } = text;
  const out: Entry[] = [{ at: d.createdAt, title: tx('cus.timeline.created'), color: 'gray', kind: 'created' }];
  for (const v of d.versions) {
    const reason = v.reason.replace(':', '_');
    out.push({
      at: v.createdAt,
      title: `${tx('cus.timeline.version', { n: v.version })}: ${tx(`cus.timeline.${reason}`)}`,
      ...(v.signerTin ? { note: tx('cus.timeline.signedBy', { tin: v.signerTin }) } : {}),
      color: 'blue',
      kind: 'version',
    });
  }
  if (d.riskDecidedAt)
    out.push({
      at: d.riskDecidedAt,
      title: tx('cus.timeline.risk'),
      ...(d.riskLane ? { note: tx(`cus.lane.${d.riskLane}`) } : {}),
      color: 'grape',
      kind: 'risk',
    });
  for (const r of d.requests) {
    out.push({ at: r.requestedAt, title: tx(`cus.request.kind.${r.kind}`), note: r.reason, color: 'yellow', kind: `request-${r.kind}` });
    if (r.decidedAt)
      out.push({
        at: r.decidedAt,
        title: `${tx(`cus.request.kind.${r.kind}`)}: ${tx(`cus.request.status.${r.status}`)}`,
        ...(r.decisionReasons?.length ? { note: r.decisionReasons.join('; ') } : {}),
        color: r.status === 'refused' ? 'red' : 'teal',
        kind: `decision-${r.status}`,
      });
  }
  for (const e of d.controlEvents) {
    const note = [e.note, e.place, e.scheduledAt ? formatDateTime(e.scheduledAt, lang) : null].filter(Boolean).join(' · ');
    out.push({
      at: e.at,
      title: tx(`cus.control.kind.${e.kind}`),
      ...(note ? { note } : {}),
      color: e.kind === 'violation_found' || e.kind === 'release_suspended' ? 'red' : 'violet',
      kind: `control-${e.kind}`,
    });
  }
  for (const o of d.originalsRequested) {
    out.push({
      at: o.requestedAt,
      title: tx('cus.timeline.original', { type: o.documentType }),
      note: tx(`cus.original.${o.kind}`),
      color: 'orange',
      kind: 'original',
    });
    if (o.seenAt) out.push({ at: o.seenAt, title: tx('cus.timeline.originalSeen'), color: 'teal', kind: 'original-seen' });
  }
  if (d.releasedAt) out.push({ at: d.releasedAt, title: `${tx('cus.timeline.released')}: ${text.state(d.state)}`, color: 'teal', kind: 'released' });
  if (d.refusedAt)
    out.push({ at: d.refusedAt, title: tx('cus.timeline.refused', { grounds: (d.refusalGrounds ?? []).join(', ') }), color: 'red', kind: 'refused' });
  if (d.withdrawnAt) out.push({ at: d.withdrawnAt, title: tx('cus.timeline.withdrawn'), color: 'gray', kind: 'withdrawn' });
  return out.sort((a, b) => a.at.localeCompare(b.at));
}

export function DeclarationTimeline({ d }: { d: Detail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const text = useCustomsText();
  return (
    <Stack gap="xs">
      <Text fw={600}>{t('cus.section.timeline')}</Text>
      <Timeline bulletSize={14} lineWidth={2} data-testid="timeline">
        {entries(d, text, lang).map((e, i) => (
          <Timeline.Item
            // biome-ignore lint/suspicious/noArrayIndexKey: the history is rebuilt whole and shown in order
            key={i}
            bullet={<ThemeIcon size={14} radius="xl" color={e.color} />}
            title={
              <Text size="sm" fw={600} data-kind={e.kind}>
                {e.title}
              </Text>
            }
          >
            <Text size="xs" c="dimmed">
              {formatDateTime(e.at, lang)}
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

/** Open and decided requests with their due time (art.133-134). */
export function RequestList({ d }: { d: Detail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const text = useCustomsText();
  if (d.requests.length === 0) return null;
  return (
    <Stack gap={4} data-testid="requests">
      <Text fw={600}>{t('cus.section.requests')}</Text>
      {d.requests.map((r) => (
        <Stack key={r.id} gap={0} data-testid="request" data-kind={r.kind} data-status={r.status}>
          <Text size="sm">
            {text.tx(`cus.request.kind.${r.kind}`)}{' '}
            <Badge size="sm" variant="light" color={r.status === 'open' ? 'yellow' : r.status === 'refused' ? 'red' : 'teal'}>
              {text.tx(`cus.request.status.${r.status}`)}
            </Badge>
          </Text>
          <Text size="xs" c="dimmed">
            {formatDateTime(r.requestedAt, lang)}
            {r.dueAt ? ` · ${t('cus.request.due', { at: formatDateTime(r.dueAt, lang) })}` : ''}
          </Text>
          {r.reason && <Text size="sm">{r.reason}</Text>}
        </Stack>
      ))}
    </Stack>
  );
}
