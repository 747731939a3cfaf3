import { Button, FileInput, Group, NativeSelect, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ActionModal } from '../../components/ActionModal.tsx';
import { ProblemAlert } from '../../components/feedback.tsx';
import { localised } from '../../lib/format.ts';
import { useLang } from '../../lib/session.tsx';
import { fileToBase64, MAX_ATTACHMENT_BYTES, mediaTypeOf } from '../../lib/files.ts';
import { useAction, useApi } from '../../lib/use-api.ts';
import { canSuspend, loadCatalogue, RESULT_KINDS, type ServiceRequestDetail } from './model.ts';

type Dialog = 'request-documents' | 'complete' | 'reject' | undefined;

/**
 * What an officer does with a request (TS-29, A-9, TS-26, TS-17): the documents are complete (the
 * clock starts), documents are asked for (the clock stops, with the request recorded), they arrived
 * (it resumes), the service is delivered with its result, or refused with the reason in writing.
 */
export function OfficerActions({ r, onDone }: { r: ServiceRequestDetail; onDone: (r: ServiceRequestDetail) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const catalogue = useApi(loadCatalogue, []);
  const line = catalogue.data?.lines.find((l) => l.key === r.serviceKey);
  const [dialog, setDialog] = useState<Dialog>();
  const [note, setNote] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState('');
  const params = { id: r.id };

  const documentsComplete = useAction(() => api('POST /api/tax-services/requests/{id}/documents-complete', { params }));
  const documentsReceived = useAction(() => api('POST /api/tax-services/requests/{id}/documents-received', { params }));
  const requestDocuments = useAction(() => api('POST /api/tax-services/requests/{id}/documents-requested', { params, body: { note: note.trim() } }));
  const reject = useAction(() => api('POST /api/tax-services/requests/{id}/reject', { params, body: { note: note.trim() } }));
  const complete = useAction(async () => {
    const results = file
      ? [{ kind: kind || line?.result.kind || 'certificate', fileName: file.name, mediaType: mediaTypeOf(file), contentBase64: await fileToBase64(file) }]
      : [];
    return api('POST /api/tax-services/requests/{id}/complete', {
      params,
      body: { ...(note.trim() ? { note: note.trim() } : {}), ...(results.length > 0 ? { results } : {}) },
    });
  });

  if (r.completedAt) return null;
  const open = (d: Dialog) => {
    setNote('');
    setFile(null);
    setKind(line?.result.kind ?? '');
    setDialog(d);
  };
  const done = (updated: ServiceRequestDetail) => {
    setDialog(undefined);
    onDone(updated);
  };
  const close = () => setDialog(undefined);
  const isFileTooLarge = file !== null && file.size > MAX_ATTACHMENT_BYTES;

  return (
    <>
      <Group gap="sm" data-testid="officer-actions">
        {r.status === 'awaiting_documents' && (
          <Button
            variant="light"
            loading={documentsComplete.isRunning}
            onClick={async () => {
              const updated = await documentsComplete.run();
              if (updated) onDone(updated);
            }}
          >
            {t('svc.action.documentsComplete')}
          </Button>
        )}
        {r.status === 'open' && canSuspend(line) && (
          <Button variant="light" color="gray" onClick={() => open('request-documents')}>
            {t('svc.action.requestDocuments')}
          </Button>
        )}
        {r.status === 'suspended' && (
          <Button
            variant="light"
            loading={documentsReceived.isRunning}
            onClick={async () => {
              const updated = await documentsReceived.run();
              if (updated) onDone(updated);
            }}
          >
            {t('svc.action.documentsReceived')}
          </Button>
        )}
        {/* A cabinet (12.12.01) is completed by its Confirm panel, which creates the account. */}
        {r.serviceKey !== '12.12.01' && (
          <Button color="teal" onClick={() => open('complete')} data-testid="action-complete">
            {t('svc.action.complete')}
          </Button>
        )}
        <Button color="red" variant="light" onClick={() => open('reject')}>
          {t('svc.action.reject')}
        </Button>
      </Group>
      <ProblemAlert error={documentsComplete.error ?? documentsReceived.error} />

      <ActionModal
        title={t('svc.action.requestDocuments')}
        opened={dialog === 'request-documents'}
        onClose={close}
        action={requestDocuments}
        onDone={done}
        submitLabel={t('svc.action.requestDocuments')}
        isReady={note.trim() !== ''}
        shownFields={['note']}
      >
        <Textarea
          label={t('svc.action.requestDocumentsNote')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={requestDocuments.error?.messageFor('note')}
          autosize
          minRows={3}
          required
        />
      </ActionModal>

      <ActionModal
        title={t('svc.action.complete')}
        opened={dialog === 'complete'}
        onClose={close}
        action={complete}
        onDone={done}
        submitLabel={t('svc.action.complete')}
        color="teal"
        isReady={!isFileTooLarge}
        shownFields={['note', 'results']}
      >
        <Textarea
          label={t('svc.action.completeNote')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={complete.error?.messageFor('note')}
          autosize
          minRows={2}
        />
        <FileInput
          label={t('svc.action.resultFile')}
          value={file}
          onChange={setFile}
          clearable
          error={isFileTooLarge ? t('svc.action.fileTooLarge') : complete.error?.messageFor('results')}
          name="result-file"
        />
        {file && (
          <NativeSelect
            label={t('svc.action.resultKind')}
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value)}
            data={RESULT_KINDS.map((k) => ({ value: k, label: t(`svc.resultKind.${k}`) }))}
          />
        )}
        {line && (
          <Text size="xs" c="dimmed">
            {t('svc.standard.result')}: {localised(line.result.text, lang)}
          </Text>
        )}
      </ActionModal>

      <ActionModal
        title={t('svc.action.reject')}
        opened={dialog === 'reject'}
        onClose={close}
        action={reject}
        onDone={done}
        submitLabel={t('svc.action.reject')}
        color="red"
        isReady={note.trim() !== ''}
        shownFields={['note']}
      >
        <Textarea
          label={t('svc.action.rejectReason')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={reject.error?.messageFor('note')}
          autosize
          minRows={3}
          required
        />
      </ActionModal>
    </>
  );
}
