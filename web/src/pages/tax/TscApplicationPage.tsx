import { Alert, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { TscApplication } from '../../api/types.gen.ts';
import { ActionModal } from '../../components/ActionModal.tsx';
import { RefusalGrounds } from '../../components/ApplicationOutcome.tsx';
import { Loadable, PageHeader, ProblemAlert } from '../../components/feedback.tsx';
import { type GroundInput, GroundsEditor, groundsReady, newGround } from '../../components/GroundsEditor.tsx';
import { DocumentList, downloadBase64, RecordDeadlines, useDocLabel } from '../../components/records.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useLang } from '../../lib/session.tsx';
import { useAction, useApi } from '../../lib/use-api.ts';
import { TSC_APP_COLORS } from './TscApplicationsPage.tsx';

type Dialog = 'site-check' | 'include' | 'refuse' | undefined;

function Decisions({ a, onDone }: { a: TscApplication; onDone: (a: TscApplication) => void }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Dialog>();
  const [text, setText] = useState('');
  const [grounds, setGrounds] = useState<GroundInput[]>(() => [newGround()]);
  const params = { id: a.id };
  const siteCheck = useAction(() => api('POST /api/fiscal/tsc-applications/{id}/site-check', { params, body: { inconsistencies: text.trim() } }));
  const include = useAction(() => api('POST /api/fiscal/tsc-applications/{id}/include', { params, body: { decisionNumber: text.trim() } }));
  const refuse = useAction(() =>
    api('POST /api/fiscal/tsc-applications/{id}/refuse', {
      params,
      body: { letterNumber: text.trim(), grounds: grounds.map((g) => ({ code: g.code, detail: g.detail.trim() })) },
    }),
  );
  const open = (d: Dialog) => {
    setText('');
    setDialog(d);
  };
  const done = (updated: TscApplication) => {
    setDialog(undefined);
    onDone(updated);
  };
  const close = () => setDialog(undefined);
  return (
    <Group gap="sm">
      {a.status === 'received' && (
        <Button variant="light" color="orange" onClick={() => open('site-check')}>
          {t('tscApp.siteCheck')}
        </Button>
      )}
      <Button color="teal" onClick={() => open('include')}>
        {t('tscApp.include')}
      </Button>
      <Button color="red" variant="light" onClick={() => open('refuse')}>
        {t('tscApp.refuse')}
      </Button>
      <ActionModal
        title={t('tscApp.siteCheck')}
        opened={dialog === 'site-check'}
        onClose={close}
        action={siteCheck}
        onDone={done}
        submitLabel={t('action.save')}
        isReady={text.trim() !== ''}
        shownFields={['inconsistencies']}
      >
        <Textarea
          label={t('tscApp.inconsistencies')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={siteCheck.error?.messageFor('inconsistencies')}
          autosize
          minRows={3}
          required
        />
      </ActionModal>
      <ActionModal
        title={t('tscApp.include')}
        opened={dialog === 'include'}
        onClose={close}
        action={include}
        onDone={done}
        submitLabel={t('tscApp.include')}
        color="teal"
        isReady={text.trim() !== ''}
        shownFields={['decisionNumber']}
      >
        <TextInput
          label={t('field.decisionNumber')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={include.error?.messageFor('decisionNumber')}
          required
        />
      </ActionModal>
      <ActionModal
        title={t('tscApp.refuse')}
        opened={dialog === 'refuse'}
        onClose={close}
        action={refuse}
        onDone={done}
        submitLabel={t('tscApp.refuse')}
        color="red"
        isReady={text.trim() !== '' && groundsReady(grounds)}
        shownFields={['letterNumber', 'grounds']}
      >
        <TextInput
          label={t('tscApp.letterNumber')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={refuse.error?.messageFor('letterNumber')}
          required
        />
        <GroundsEditor value={grounds} onChange={setGrounds} error={refuse.error?.messageFor('grounds')} />
      </ActionModal>
    </Group>
  );
}

/** Tax officer: one TSC application with its documents, deadlines and the decisions of p.101-104. */
export function TscApplicationPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const docLabel = useDocLabel();
  const [updated, setUpdated] = useState<TscApplication>();
  const loaded = useApi(() => api('GET /api/fiscal/tsc-applications/{id}', { params: { id } }), [id]);
  const state = updated ? { ...loaded, data: { ...loaded.data, ...updated } } : loaded;
  const download = useAction(async (attachmentId: string) => {
    const d = await api('GET /api/fiscal/tsc-applications/{id}/attachments/{attachmentId}', { params: { id, attachmentId } });
    downloadBase64(d.fileName, d.mediaType, d.contentBase64);
  });
  return (
    <Stack maw={960}>
      <PageHeader title={t('nav.taxTscApplications')} />
      <Loadable state={state}>
        {(a) => (
          <Card withBorder radius="md" padding="lg">
            <Stack>
              <Group justify="space-between" wrap="wrap">
                <Title order={2} fz={20}>
                  {a.name}
                </Title>
                <Badge color={TSC_APP_COLORS[a.status]} variant="light">
                  {t(`tscApp.status.${a.status}`)}
                </Badge>
              </Group>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
                <Text size="sm">
                  {t('field.tin')}: {a.applicantTin}
                </Text>
                <Text size="sm">
                  {t('field.head')}: {a.headName}
                </Text>
                <Text size="sm">
                  {t('field.address')}: {a.address}
                </Text>
                <Text size="sm">
                  ☎ {a.phone}
                  {a.callCentrePhone ? ` · ${t('tscRegistry.callCentre')} ${a.callCentrePhone}` : ''}
                </Text>
                <Text size="sm">
                  {t('field.receivedAt')}: {formatDateTime(a.receivedAt, lang)}
                </Text>
                {a.decisionNumber && (
                  <Text size="sm">
                    {t('field.decisionNumber')}: {a.decisionNumber}
                  </Text>
                )}
              </SimpleGrid>
              {a.inconsistencies && (
                <Alert color="orange" variant="light" title={t('tscApp.inconsistencies')}>
                  {a.inconsistencies}
                </Alert>
              )}
              {a.refusalGrounds && a.refusalGrounds.length > 0 && <RefusalGrounds grounds={a.refusalGrounds} />}
              <Stack gap={4}>
                <Text fw={600}>{t('tscApp.documents')}</Text>
                <DocumentList documents={a.attachments} onOpen={(d) => void download.run(d.id)} />
                {a.missingAttachments && a.missingAttachments.length > 0 && (
                  <Text size="sm" c="red">
                    {t('tscApp.missing')}: {a.missingAttachments.map(docLabel).join(', ')}
                  </Text>
                )}
              </Stack>
              <ProblemAlert error={download.error} />
              <RecordDeadlines deadlines={a.deadlines} />
              {(a.status === 'received' || a.status === 'site_check') && <Decisions a={a} onDone={setUpdated} />}
            </Stack>
          </Card>
        )}
      </Loadable>
    </Stack>
  );
}
