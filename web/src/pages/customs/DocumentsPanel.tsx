import { Anchor, Badge, Button, Card, FileInput, Group, NativeSelect, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { formatDate, localised } from '../../lib/format.ts';
import { fileToBase64, mediaTypeOf } from '../../lib/files.ts';
import { useLang } from '../../lib/session.tsx';
import { useAction, useApi } from '../../lib/use-api.ts';
import type { DocumentRef, DocumentType } from './model.ts';
import { CustomsProblem } from './parts.tsx';

let documentTypes: Promise<DocumentType[]> | undefined;
/** The reference list of document types in force (read once per page load). */
function loadDocumentTypes(): Promise<DocumentType[]> {
  documentTypes ??= api('GET /api/customs/document-types', { query: { limit: 200 } }).catch((e: unknown) => {
    documentTypes = undefined;
    throw e;
  });
  return documentTypes;
}

type NewDocument = { typeCode: string; number: string; date: string; issuer: string; items: string };
const blank: NewDocument = { typeCode: '', number: '', date: '', issuer: '', items: '' };

/**
 * Art.63 p.9, p.15 (CUS-DEC-21, CUS-DOC-17): each document goes in as an uploaded electronic copy,
 * which the declaration names by its SHA-256, or, where customs obtains it itself, by its details only.
 */
export function DocumentsPanel({
  documents,
  onChange,
  declarationId,
}: {
  documents: readonly DocumentRef[];
  onChange: (d: DocumentRef[]) => void;
  declarationId?: string;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const types = useApi(loadDocumentTypes, []);
  const [draft, setDraft] = useState<NewDocument>(blank);
  const [file, setFile] = useState<File | null>(null);
  const nameOf = (code: string) => {
    const type = types.data?.find((x) => x.code === code);
    return type ? localised({ tg: type.nameTg, ru: type.nameRu, en: type.nameEn }, lang) : code;
  };
  const add = useAction(async () => {
    const items = draft.items
      .split(/[\s,;]+/)
      .map(Number)
      .filter((n) => Number.isInteger(n) && n > 0);
    const uploaded = file
      ? await api('POST /api/customs/documents', { body: { fileName: file.name, mediaType: mediaTypeOf(file), contentBase64: await fileToBase64(file) } })
      : undefined;
    const ref: DocumentRef = {
      typeCode: draft.typeCode,
      number: draft.number.trim(),
      date: draft.date,
      issuer: draft.issuer.trim(),
      ...(uploaded ? { sha256: uploaded.sha256 } : {}),
      ...(items.length > 0 ? { items } : {}),
    };
    onChange([...documents, ref]);
    setDraft(blank);
    setFile(null);
    return ref;
  });
  const isReady = draft.typeCode !== '' && draft.number.trim() !== '' && /^\d{4}-\d{2}-\d{2}$/.test(draft.date) && draft.issuer.trim() !== '';
  return (
    <Card withBorder radius="md" padding="lg" id="decl-documents">
      <Stack gap="sm">
        <Title order={3} fz={18}>
          {t('cus.section.documents')}
        </Title>
        {documents.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('cus.doc.none')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table striped verticalSpacing="xs" data-testid="documents-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('cus.doc.typeCode')}</Table.Th>
                  <Table.Th>{t('cus.doc.number')}</Table.Th>
                  <Table.Th>{t('cus.doc.date')}</Table.Th>
                  <Table.Th>{t('cus.doc.issuer')}</Table.Th>
                  <Table.Th>SHA-256</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {documents.map((d, i) => (
                  <Table.Tr key={`${d.typeCode}:${d.number}:${d.sha256 ?? i}`} data-testid="document-row" data-type={d.typeCode}>
                    <Table.Td>{nameOf(d.typeCode)}</Table.Td>
                    <Table.Td>{d.number}</Table.Td>
                    <Table.Td>{formatDate(d.date, lang)}</Table.Td>
                    <Table.Td>{d.issuer}</Table.Td>
                    <Table.Td>
                      {d.sha256 ? (
                        declarationId ? (
                          <Anchor
                            href={`/api/customs/declarations/${declarationId}/documents/${d.sha256}`}
                            size="xs"
                            ff="monospace"
                            data-testid="document-sha256"
                          >
                            {d.sha256.slice(0, 16)}…
                          </Anchor>
                        ) : (
                          <Text size="xs" ff="monospace" data-testid="document-sha256">
                            {d.sha256.slice(0, 16)}…
                          </Text>
                        )
                      ) : (
                        <Badge variant="light" color="gray" size="sm">
                          {t('cus.doc.detailsOnly')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        onClick={() => onChange(documents.filter((_, j) => j !== i))}
                        data-testid="remove-document"
                      >
                        {t('cus.action.removeDocument')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <Stack gap="xs" data-testid="document-form">
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
            <NativeSelect
              label={t('cus.doc.typeCode')}
              name="document-type"
              value={draft.typeCode}
              onChange={(e) => setDraft({ ...draft, typeCode: e.currentTarget.value })}
              data={[{ value: '', label: '—' }, ...(types.data ?? []).map((x) => ({ value: x.code, label: `${nameOf(x.code)} (${x.code})` }))]}
            />
            <TextInput
              label={t('cus.doc.number')}
              name="document-number"
              value={draft.number}
              onChange={(e) => setDraft({ ...draft, number: e.currentTarget.value })}
            />
            <TextInput
              label={t('cus.doc.date')}
              name="document-date"
              type="date"
              value={draft.date}
              onChange={(e) => setDraft({ ...draft, date: e.currentTarget.value })}
            />
            <TextInput
              label={t('cus.doc.issuer')}
              name="document-issuer"
              value={draft.issuer}
              onChange={(e) => setDraft({ ...draft, issuer: e.currentTarget.value })}
            />
            <TextInput
              label={t('cus.doc.items')}
              description={t('cus.doc.itemsHint')}
              name="document-items"
              value={draft.items}
              onChange={(e) => setDraft({ ...draft, items: e.currentTarget.value })}
            />
            <FileInput
              label={t('cus.doc.file')}
              name="document-file"
              value={file}
              onChange={setFile}
              clearable
              accept="application/pdf,image/jpeg,image/png"
              placeholder={t('cus.doc.detailsOnly')}
            />
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            {t('cus.doc.fileHint')}
          </Text>
          <Group>
            <Button variant="light" onClick={() => void add.run()} loading={add.isRunning} disabled={!isReady} data-testid="add-document">
              {file ? t('cus.action.upload') : t('cus.action.addDocument')}
            </Button>
          </Group>
          <CustomsProblem error={add.error} />
        </Stack>
      </Stack>
    </Card>
  );
}
