import { Button, Group, Modal, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { Operations } from '../../api/types.gen.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useLang } from '../../lib/session.tsx';
import { useAction, useApi } from '../../lib/use-api.ts';
import { isLane, type Lane, needsReason, rerouteDirection, rerouteTargets } from './model.ts';
import { LaneBadge, RiskProblem, useRiskText } from './parts.tsx';

type Declaration = Operations['GET /api/customs/declarations/{id}']['response'];

/** Only a declaration awaiting release is re-routed (the server answers RISK_REROUTE_TOO_LATE otherwise). */
const isReroutable = (state: string) => state === 'REGISTERED' || state === 'UNDER_CONTROL';

/**
 * The lane of a declaration as the officer acts on it (art.399 p.2-3; CUS-CTL-02, 03): the lane and
 * measures in force, the basis and the codes of the profiles that selected it (never their
 * indicators, art.429(2) p.3), the re-routings so far, and a re-routing: to a stricter lane at will,
 * to a lower one only with a reason (issue #6).
 */
export function LanePanel({ d, onDone }: { d: Declaration; onDone: (d: Declaration) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const text = useRiskText();
  const decisions = useApi(() => api('GET /api/risk/decisions', { query: { subjectId: d.id } }), [d.id, d.riskLane]);
  const decision = decisions.data?.[0];
  const current: Lane | undefined = isLane(d.riskLane) ? d.riskLane : decision && isLane(decision.lane) ? decision.lane : undefined;
  const [isOpen, setOpen] = useState(false);
  const [target, setTarget] = useState<Lane>('red');
  const [reason, setReason] = useState('');
  const reroute = useAction(async () => {
    if (!decision) return undefined;
    await api('POST /api/risk/decisions/{id}/reroute', {
      params: { id: decision.id },
      body: { lane: target, ...(reason.trim() ? { reason: reason.trim() } : {}) },
    });
    return api('GET /api/customs/declarations/{id}', { params: { id: d.id } });
  });
  const open = () => {
    if (!current) return;
    setTarget(rerouteTargets(current)[0] ?? 'red');
    setReason('');
    reroute.reset();
    setOpen(true);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const updated = await reroute.run();
    if (updated) {
      setOpen(false);
      decisions.reload();
      onDone(updated);
    }
  };
  // A draft, or a declaration no lane will be asked for, has nothing to show here.
  if (!current && !decision && !isReroutable(d.state)) return null;
  const direction = current ? rerouteDirection(current, target) : 'same';
  const isReady = current !== undefined && direction !== 'same' && (!needsReason(current, target) || reason.trim() !== '');
  return (
    <Stack gap={6} data-testid="lane-panel" data-lane={current ?? ''}>
      <Group gap="sm" wrap="wrap">
        <Text size="sm" fw={600}>
          {t('risk.reroute.lane')}:
        </Text>
        <LaneBadge lane={current} />
        {d.riskMeasures.length > 0 ? (
          <Text size="sm" data-testid="lane-measures">
            {t('risk.reroute.measures')}: {d.riskMeasures.map(text.measure).join(', ')}
          </Text>
        ) : (
          current && (
            <Text size="sm" c="dimmed" data-testid="lane-measures">
              {t('risk.reroute.noMeasures')}
            </Text>
          )
        )}
        {decision && current && isReroutable(d.state) && (
          <Button size="compact-sm" variant="light" onClick={open} data-testid="action-reroute">
            {t('risk.action.reroute')}
          </Button>
        )}
      </Group>
      {decision && (
        <Text size="xs" c="dimmed" data-testid="lane-basis">
          {t('risk.reroute.basis')}: {text.basis(decision.basis)}
          {decision.profileCodes.length > 0 ? ` · ${t('risk.reroute.profiles')}: ${decision.profileCodes.join(', ')}` : ''}
          {decision.decidedLane !== decision.lane ? ` · ${t('risk.reroute.decidedLane')}: ${text.lane(decision.decidedLane)}` : ''}
        </Text>
      )}
      {decision?.reroutes.map((r) => (
        <Text key={r.at} size="xs" c="dimmed" data-testid="reroute-entry">
          {t('risk.reroute.history', {
            from: text.lane(r.fromLane),
            to: text.lane(r.toLane),
            who: r.actor.replace(/^[a-z_]+:/, ''),
            at: formatDateTime(r.at, lang),
          })}
          {r.reason ? ` — ${r.reason}` : ''}
        </Text>
      ))}
      <Modal opened={isOpen} onClose={() => setOpen(false)} title={t('risk.action.reroute')} size="md">
        <form onSubmit={submit} noValidate data-testid="reroute-form">
          <Stack>
            <NativeSelect
              label={t('risk.reroute.newLane')}
              name="reroute-lane"
              value={target}
              onChange={(e) => setTarget(isLane(e.currentTarget.value) ? e.currentTarget.value : target)}
              data={current ? rerouteTargets(current).map((l) => ({ value: l, label: text.lane(l) })) : []}
              description={direction === 'up' ? t('risk.reroute.up') : direction === 'down' ? t('risk.reroute.down') : undefined}
            />
            {direction === 'down' && (
              <Textarea
                label={t('risk.reroute.reason')}
                name="reroute-reason"
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                autosize
                minRows={2}
                required
              />
            )}
            <RiskProblem error={reroute.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpen(false)}>
                {t('action.cancel')}
              </Button>
              <Button type="submit" disabled={!isReady} loading={reroute.isRunning} data-testid="reroute-submit">
                {t('risk.action.reroute')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}
