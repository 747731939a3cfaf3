import { Button, Card, Group, NativeSelect, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useAction, useApi } from '../../lib/use-api.ts';
import { DeclarationFields, withField } from './DeclarationFields.tsx';
import { DocumentsPanel } from './DocumentsPanel.tsx';
import { ItemsTable } from './ItemsTable.tsx';
import { AMENDMENT_KINDS, type AmendmentKind, anchorOf, type Data, type Detail, type Form, sumAmounts } from './model.ts';
import { CustomsProblem } from './parts.tsx';
import { hasKeyFiles, KeyFileInputs, type KeyFiles, NO_FILES, useSign } from './SignPanel.tsx';

let offices: Promise<Awaited<ReturnType<typeof fetchOffices>>> | undefined;
const fetchOffices = () => api('GET /api/customs/offices', { query: { limit: 200 } });
/** The customs offices in force (read once per page load). */
function loadOffices() {
  offices ??= fetchOffices().catch((e: unknown) => {
    offices = undefined;
    throw e;
  });
  return offices;
}

type Props = {
  readonly id: string | undefined;
  readonly initial: Data;
  readonly initialForm: Form;
  /** The first save made a draft: the page moves to its address. */
  readonly onCreated: (id: string) => void;
  /** Filing registered it (CUS-DEC-02, 36): the page shows the number and the assessment. */
  readonly onRegistered: (d: Detail) => void;
  /** An amendment request of a registered declaration (art.133) instead of a draft. */
  readonly amendment?: { readonly onSent: () => void; readonly onCancel: () => void };
};

/**
 * The declarant's editor (CUS-DEC-02, 08, 21, 39): general data, items, documents, then save and
 * "Sign and file": the page saves the draft, fetches the exact text to sign, signs it with the
 * private key the user chose and files it; a refusal lists every reason by its ground.
 */
export function Editor({ id: initialId, initial, initialForm, onCreated, onRegistered, amendment }: Props) {
  const { t } = useTranslation();
  const sign = useSign();
  const [id, setId] = useState(initialId);
  const [data, setData] = useState<Data>(initial);
  const [form, setForm] = useState<Form>(initialForm);
  const [files, setFiles] = useState<KeyFiles>(NO_FILES);
  const [guarantee, setGuarantee] = useState('');
  const [kind, setKind] = useState<AmendmentKind>('data');
  const [reason, setReason] = useState('');
  const officeList = useApi(loadOffices, []);

  const [savedData, setSavedData] = useState<Data>();

  const persist = async (): Promise<string> => {
    const body = { form, data };
    if (id) {
      await api('PUT /api/customs/declarations/{id}', { params: { id }, body });
      setSavedData(data);
      return id;
    }
    const made = await api('POST /api/customs/declarations', { body });
    setId(made.id);
    setSavedData(data);
    onCreated(made.id);
    return made.id;
  };
  const save = useAction(persist);
  const file = useAction(async () => {
    const saved = await persist();
    const { payload } = await api('GET /api/customs/declarations/{id}/signing-payload', { params: { id: saved } });
    const signed = await sign(files, payload);
    return api('POST /api/customs/declarations/{id}/filing', {
      params: { id: saved },
      body: { ...signed, ...(guarantee.trim() ? { guaranteeReference: guarantee.trim() } : {}) },
    });
  });
  const request = useAction(async () => {
    if (!initialId) return undefined;
    const { payload } = await api('POST /api/customs/declarations/{id}/request-payload', {
      params: { id: initialId },
      body: { kind: `amendment:${kind}`, reason: reason.trim(), data },
    });
    const signed = await sign(files, payload);
    return api('POST /api/customs/declarations/{id}/amendments', { params: { id: initialId }, body: { ...signed, kind, reason: reason.trim(), data } });
  });
  const error = save.error ?? (file.error?.code === 'VALIDATION_FAILED' ? file.error : undefined) ?? request.error;
  const sum = sumAmounts(data.items);

  return (
    <Stack gap="md" data-testid="declaration-editor">
      <DeclarationFields
        data={data}
        onChange={setData}
        form={form}
        onForm={setForm}
        offices={officeList.data ?? []}
        error={error}
        isFormFixed={amendment !== undefined}
      />
      <ItemsTable items={data.items} onChange={(items) => setData({ ...data, items })} currency={data.currency} />
      <Card withBorder radius="md" padding="lg">
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label={`${t('cus.field.invoiceTotal')}, ${data.currency}`}
            name="invoiceTotal"
            id={anchorOf('invoiceTotal')}
            value={data.invoiceTotal}
            onChange={(e) => setData(withField(data, 'invoiceTotal', e.currentTarget.value))}
            error={error?.messageFor('data.invoiceTotal')}
            required
          />
          <Button
            variant="subtle"
            disabled={sum === undefined || data.items.length === 0}
            onClick={() => sum && setData({ ...data, invoiceTotal: sum })}
            data-testid="sum-items"
          >
            {t('cus.action.sumItems')}
            {sum !== undefined && data.items.length > 0 ? ` (${sum})` : ''}
          </Button>
        </Group>
      </Card>
      <DocumentsPanel
        documents={data.documents}
        onChange={(documents) => setData({ ...data, documents })}
        {...(initialId ? { declarationId: initialId } : {})}
      />

      <Card withBorder radius="md" padding="lg" data-testid="sign-panel">
        <Stack gap="sm">
          <Title order={3} fz={18}>
            {amendment ? t('cus.title.amendment') : t('cus.section.sign')}
          </Title>
          {amendment && (
            <Group grow align="flex-start">
              <NativeSelect
                label={t('cus.field.form')}
                name="amendment-kind"
                value={kind}
                onChange={(e) => setKind(AMENDMENT_KINDS.find((k) => k === e.currentTarget.value) ?? 'data')}
                data={AMENDMENT_KINDS.map((k) => ({ value: k, label: t(`cus.request.amendmentKind.${k}`) }))}
              />
              <Textarea
                label={t('cus.request.reason')}
                name="amendment-reason"
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                autosize
                minRows={2}
                required
              />
            </Group>
          )}
          <KeyFileInputs files={files} onChange={setFiles} />
          {!amendment && (
            <TextInput
              label={t('cus.sign.guarantee')}
              name="guaranteeReference"
              value={guarantee}
              onChange={(e) => setGuarantee(e.currentTarget.value)}
              maw={360}
            />
          )}
          <Group>
            {amendment ? (
              <>
                <Button variant="default" onClick={amendment.onCancel}>
                  {t('action.cancel')}
                </Button>
                <Button
                  loading={request.isRunning}
                  disabled={!hasKeyFiles(files) || reason.trim() === ''}
                  onClick={async () => {
                    if (await request.run()) amendment.onSent();
                  }}
                  data-testid="send-amendment"
                >
                  {t('cus.action.sendRequest')}
                </Button>
              </>
            ) : (
              <>
                <Button variant="default" loading={save.isRunning} onClick={() => void save.run()} data-testid="save-draft">
                  {t('cus.action.save')}
                </Button>
                <Button
                  loading={file.isRunning}
                  disabled={!hasKeyFiles(files)}
                  onClick={async () => {
                    save.reset();
                    const registered = await file.run();
                    if (registered) onRegistered(registered);
                  }}
                  data-testid="sign-and-file"
                >
                  {t('cus.action.file')}
                </Button>
              </>
            )}
          </Group>
          {savedData === data && !amendment && (
            <Text size="xs" c="dimmed" data-testid="draft-saved">
              {t('state.saved')}
            </Text>
          )}
          <CustomsProblem error={save.error ?? file.error ?? request.error} />
        </Stack>
      </Card>
    </Stack>
  );
}
