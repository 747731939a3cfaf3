import { Button, Checkbox, Group, NativeSelect, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { Role } from '../../lib/session.tsx';
import { useAction } from '../../lib/use-api.ts';
import { CustomsModal } from './CustomsModal.tsx';
import { ExitPanel } from './ExitPanel.tsx';
import { OwnPowers } from './OwnPowers.tsx';
import { LanePanel } from '../risk/LanePanel.tsx';
import { CONTROL_KINDS, type ControlKind, type Detail, isDecidable, ORIGINAL_KINDS, REFUSAL_GROUNDS } from './model.ts';
import { CustomsProblem, useCustomsText } from './parts.tsx';

type Dialog = 'control' | 'demand' | 'release' | 'refuse' | 'original' | { decide: string; permit: boolean } | undefined;

/** A datetime-local value read as Dushanbe time (UTC+05:00, no daylight saving) → ISO instant. */
const dushanbeInstant = (local: string) => (local ? new Date(`${local}:00+05:00`).toISOString() : undefined);

/**
 * The officer's actions on a declaration (IMP-18, art.133 p.6, art.149-153, art.63 p.12): control
 * events, decisions on requests, the demand to amend, release or conditional release, refusal of
 * release with its grounds, originals, and the border office's exit data of a released export
 * (ExitPanel); both the officer and the risk analyst see the lane of the risk management system and
 * may re-route it (LanePanel).
 */
export function OfficerPanel({ d, role, onDone }: { d: Detail; role: Role; onDone: (d: Detail) => void }) {
  const { t } = useTranslation();
  const text = useCustomsText();
  const [dialog, setDialog] = useState<Dialog>();
  const [kind, setKind] = useState<ControlKind>('documents_requested');
  const [note, setNote] = useState('');
  const [place, setPlace] = useState('');
  const [scheduledAt, setScheduledAt] = useState('');
  const [isLiable, setLiable] = useState(false);
  const [grounds, setGrounds] = useState<number[]>([]);
  const [conditional, setConditional] = useState(false);
  const [originalKind, setOriginalKind] = useState<(typeof ORIGINAL_KINDS)[number]>('customs_value');
  const [documentType, setDocumentType] = useState('');
  const params = { id: d.id };

  const control = useAction(() => {
    const at = dushanbeInstant(scheduledAt);
    return api('POST /api/customs/declarations/{id}/control-events', {
      params,
      body: {
        kind,
        note: note.trim(),
        ...(kind === 'violation_found' ? { carriesLiability: isLiable } : {}),
        ...(place.trim() ? { place: place.trim() } : {}),
        ...(at ? { scheduledAt: at } : {}),
      },
    });
  });
  const decide = useAction(() => {
    if (typeof dialog !== 'object') return Promise.resolve(undefined);
    const reasons = note
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    return api('POST /api/customs/declarations/{id}/requests/{requestId}/decision', {
      params: { id: d.id, requestId: dialog.decide },
      body: { permit: dialog.permit, reasons },
    });
  });
  const demand = useAction(() => api('POST /api/customs/declarations/{id}/amendment-demand', { params, body: { what: note.trim() } }));
  const release = useAction(() =>
    api('POST /api/customs/declarations/{id}/release', { params, body: { conditional, ...(note.trim() ? { basis: note.trim() } : {}) } }),
  );
  const refuse = useAction(() => api('POST /api/customs/declarations/{id}/release-refusal', { params, body: { grounds, explanation: note.trim() } }));
  const original = useAction(() =>
    api('POST /api/customs/declarations/{id}/original-requests', { params, body: { documentType, kind: originalKind, riskBasis: note.trim() } }),
  );
  const quick = useAction((path: 'presentation' | 'incomplete-permission' | { remedied: string } | { seen: string }) => {
    if (typeof path === 'object' && 'remedied' in path)
      return api('POST /api/customs/declarations/{id}/control-events/{eventId}/remedied', { params: { id: d.id, eventId: path.remedied } });
    if (typeof path === 'object')
      return api('POST /api/customs/declarations/{id}/original-requests/{requestId}/seen', { params: { id: d.id, requestId: path.seen } });
    if (path === 'presentation') return api('POST /api/customs/declarations/{id}/presentation', { params });
    return api('POST /api/customs/declarations/{id}/incomplete-permission', { params });
  });

  const open = (next: Dialog) => {
    setNote('');
    setPlace('');
    setScheduledAt('');
    setLiable(false);
    setGrounds([]);
    setConditional(false);
    setDocumentType(d.data.documents[0]?.typeCode ?? '');
    setDialog(next);
  };
  const done = (updated: Detail | undefined) => {
    setDialog(undefined);
    if (updated) onDone(updated);
  };
  const runQuick = async (path: Parameters<typeof quick.run>[0]) => done(await quick.run(path));
  const close = () => setDialog(undefined);

  // The risk analyst acts only on the lane (art.429(2) p.3: the profiles stay on the analyst's pages).
  if (role === 'risk_analyst') {
    return (
      <Stack gap="xs" data-testid="officer-actions">
        <LanePanel d={d} onDone={onDone} />
      </Stack>
    );
  }

  const openRequests = d.requests.filter((r) => r.status === 'open' && r.kind !== 'amendment_demand');
  const unremedied = d.controlEvents.filter((e) => e.kind === 'violation_found' && !e.isRemedied);
  const unseen = d.originalsRequested.filter((o) => !o.seenAt);
  const decidable = isDecidable(d.state);
  return (
    <Stack gap="xs" data-testid="officer-actions">
      <OwnPowers />
      <LanePanel d={d} onDone={onDone} />
      <Group gap="xs" wrap="wrap">
        {decidable && (
          <>
            <Button color="teal" onClick={() => open('release')} data-testid="action-release">
              {t('cus.officer.release')}
            </Button>
            <Button variant="light" onClick={() => open('control')} data-testid="action-control">
              {t('cus.officer.control')}
            </Button>
            {d.state === 'UNDER_CONTROL' && (
              <Button variant="light" color="orange" onClick={() => open('demand')} data-testid="action-demand">
                {t('cus.officer.demand')}
              </Button>
            )}
            <Button variant="light" onClick={() => open('original')} data-testid="action-original">
              {t('cus.officer.original')}
            </Button>
            <Button variant="light" color="red" onClick={() => open('refuse')} data-testid="action-refuse">
              {t('cus.officer.refuseRelease')}
            </Button>
          </>
        )}
        {d.state === 'PRELIMINARY_REGISTERED' && (
          <Button variant="light" onClick={() => void runQuick('presentation')}>
            {t('cus.officer.presentation')}
          </Button>
        )}
        {d.state === 'DRAFT' && d.form === 'incomplete' && (
          <Button variant="light" onClick={() => void runQuick('incomplete-permission')}>
            {t('cus.officer.permitIncomplete')}
          </Button>
        )}
      </Group>
      <ExitPanel d={d} />
      {openRequests.map((r) => (
        <Group key={r.id} gap="xs" data-testid="open-request">
          <Text size="sm">
            {text.tx(`cus.request.kind.${r.kind}`)}: {r.reason}
          </Text>
          <Button size="compact-sm" color="teal" onClick={() => open({ decide: r.id, permit: true })}>
            {t('cus.officer.permit')}
          </Button>
          <Button size="compact-sm" color="red" variant="light" onClick={() => open({ decide: r.id, permit: false })}>
            {t('cus.officer.refuse')}
          </Button>
        </Group>
      ))}
      {unremedied.map((e) => (
        <Group key={e.id} gap="xs">
          <Text size="sm">{text.tx(`cus.control.kind.${e.kind}`)}</Text>
          <Button size="compact-sm" variant="light" onClick={() => void runQuick({ remedied: e.id })}>
            {t('cus.control.markRemedied')}
          </Button>
        </Group>
      ))}
      {unseen.map((o) => (
        <Group key={o.id} gap="xs">
          <Text size="sm">{t('cus.timeline.original', { type: o.documentType })}</Text>
          <Button size="compact-sm" variant="light" onClick={() => void runQuick({ seen: o.id })}>
            {t('cus.officer.seen')}
          </Button>
        </Group>
      ))}
      <CustomsProblem error={quick.error} />

      <CustomsModal
        title={t('cus.officer.control')}
        opened={dialog === 'control'}
        onClose={close}
        action={control}
        onDone={done}
        submitLabel={t('cus.officer.control')}
        testId="control-form"
      >
        <NativeSelect
          label={t('cus.officer.control')}
          name="control-kind"
          value={kind}
          onChange={(e) => setKind(CONTROL_KINDS.find((k) => k === e.currentTarget.value) ?? 'documents_requested')}
          data={CONTROL_KINDS.map((k) => ({ value: k, label: t(`cus.control.kind.${k}`) }))}
        />
        <Textarea label={t('cus.control.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} />
        {kind === 'examination_notified' && (
          <Group grow>
            <TextInput label={t('cus.control.place')} value={place} onChange={(e) => setPlace(e.currentTarget.value)} />
            <TextInput label={t('cus.control.scheduledAt')} type="datetime-local" value={scheduledAt} onChange={(e) => setScheduledAt(e.currentTarget.value)} />
          </Group>
        )}
        {kind === 'violation_found' && (
          <Checkbox label={t('cus.control.carriesLiability')} checked={isLiable} onChange={(e) => setLiable(e.currentTarget.checked)} />
        )}
      </CustomsModal>

      <CustomsModal
        title={typeof dialog === 'object' ? (dialog.permit ? t('cus.officer.permit') : t('cus.officer.refuse')) : ''}
        opened={typeof dialog === 'object'}
        onClose={close}
        action={decide}
        onDone={done}
        submitLabel={typeof dialog === 'object' && dialog.permit ? t('cus.officer.permit') : t('cus.officer.refuse')}
        color={typeof dialog === 'object' && dialog.permit ? 'teal' : 'red'}
        isReady={typeof dialog === 'object' && (dialog.permit || note.trim() !== '')}
      >
        <Textarea label={t('cus.officer.refuseReasons')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} />
      </CustomsModal>

      <CustomsModal
        title={t('cus.officer.demand')}
        opened={dialog === 'demand'}
        onClose={close}
        action={demand}
        onDone={done}
        submitLabel={t('cus.officer.demand')}
        isReady={note.trim() !== ''}
      >
        <Textarea label={t('cus.officer.demandWhat')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={3} required />
      </CustomsModal>

      <CustomsModal
        title={t('cus.officer.release')}
        opened={dialog === 'release'}
        onClose={close}
        action={release}
        onDone={done}
        submitLabel={t('cus.officer.release')}
        color="teal"
        testId="release-form"
      >
        <Checkbox label={t('cus.officer.conditional')} checked={conditional} onChange={(e) => setConditional(e.currentTarget.checked)} />
        <TextInput label={t('cus.officer.basis')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
      </CustomsModal>

      <CustomsModal
        title={t('cus.officer.refuseRelease')}
        opened={dialog === 'refuse'}
        onClose={close}
        action={refuse}
        onDone={done}
        submitLabel={t('cus.officer.refuseRelease')}
        color="red"
        isReady={grounds.length > 0}
        testId="refuse-form"
      >
        <Checkbox.Group label={t('cus.officer.refuseGrounds')} value={grounds.map(String)} onChange={(v) => setGrounds(v.map(Number))}>
          <Stack gap={6} mt={6}>
            {REFUSAL_GROUNDS.map((g) => (
              <Checkbox key={g} value={String(g)} label={`${g}) ${text.tx(`cus.refusalGround.${g}`)}`} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Textarea label={t('cus.officer.explanation')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} />
      </CustomsModal>

      <CustomsModal
        title={t('cus.officer.original')}
        opened={dialog === 'original'}
        onClose={close}
        action={original}
        onDone={done}
        submitLabel={t('cus.officer.original')}
        isReady={documentType !== '' && note.trim() !== ''}
      >
        <NativeSelect
          label={t('cus.officer.originalType')}
          value={documentType}
          onChange={(e) => setDocumentType(e.currentTarget.value)}
          data={[...new Set(d.data.documents.map((x) => x.typeCode))]}
        />
        <NativeSelect
          label={t('cus.officer.originalKind')}
          value={originalKind}
          onChange={(e) => setOriginalKind(ORIGINAL_KINDS.find((k) => k === e.currentTarget.value) ?? 'customs_value')}
          data={ORIGINAL_KINDS.map((k) => ({ value: k, label: t(`cus.original.${k}`) }))}
        />
        <TextInput label={t('cus.officer.riskBasis')} value={note} onChange={(e) => setNote(e.currentTarget.value)} required />
      </CustomsModal>
    </Stack>
  );
}
