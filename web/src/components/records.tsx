import { Anchor, Badge, Group, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DocumentMeta, RecordDeadline } from '../api/types.gen.ts';
import { formatDateTime } from '../lib/format.ts';
import { useLang } from '../lib/session.tsx';
import { useLegalRef } from './status.tsx';

const DEADLINE_KINDS = [
  'REGISTRATION_ENTRY',
  'DISCREPANCY_STUDY',
  'REFUSAL_NOTICE',
  'ADDRESS_CHANGE_APPLICATION',
  'ADDRESS_CHANGE_ENTRY',
  'DEREGISTRATION_ENTRY',
  'DEREGISTRATION_SITE_CHECK',
  'LOSS_REPORT',
  'BREAKDOWN_TAX_NOTICE',
  'ANNUAL_INSPECTION',
  'INSPECTION_RECORD',
  'TSC_DECISION',
  'TSC_SITE_CHECK',
  'TSC_REMOVAL_NOTICE',
  'TSC_REMOVAL_BUSINESS_NOTICE',
  'FISCAL_MODULES_RETURN_AFTER_REMOVAL',
  'FISCAL_MODULE_RETURN',
  'BRANCH_REPLY',
  'BRANCH_DEREGISTRATION_NOTICE',
  'BRANCH_DEREGISTRATION_BUSINESS_NOTICE',
] as const;
const isKnown = (k: string): k is (typeof DEADLINE_KINDS)[number] => (DEADLINE_KINDS as readonly string[]).includes(k);

/** The deadlines stored on a record (TSC application, branch, module): open ones past due in red. */
export function RecordDeadlines({ deadlines }: { deadlines: readonly RecordDeadline[] | undefined }) {
  const { t } = useTranslation();
  const lang = useLang();
  const legal = useLegalRef();
  if (!deadlines || deadlines.length === 0) return null;
  return (
    <Stack gap={6}>
      {deadlines.map((d) => {
        const isOverdue = !d.metAt && (d.overdueAt !== null || new Date(d.dueAt).getTime() < Date.now());
        const isLate = d.metAt !== null && new Date(d.metAt).getTime() > new Date(d.dueAt).getTime();
        return (
          <Group key={`${d.kind}-${d.dueAt}`} gap="xs" wrap="wrap" data-overdue={isOverdue ? 'true' : 'false'}>
            <Text size="sm" fw={600} className={isOverdue ? 'overdue' : undefined}>
              {isKnown(d.kind) ? t(`deadline.${d.kind}`) : d.kind}
            </Text>
            <Text size="sm" className={isOverdue ? 'overdue' : undefined}>
              {t('time.due')} {formatDateTime(d.dueAt, lang)} ({legal(d.legalRef)})
            </Text>
            <Badge size="xs" color={isOverdue || isLate ? 'red' : d.metAt ? 'teal' : 'blue'} variant={isOverdue ? 'filled' : 'light'}>
              {isOverdue ? t('time.overdue') : d.metAt ? (isLate ? t('time.metLate') : t('time.met')) : t('time.open')}
            </Badge>
          </Group>
        );
      })}
    </Stack>
  );
}

const DOC_KINDS = [
  'manufacturer_contract',
  'premises_document',
  'call_centre_information',
  'certified_employees',
  'specialist_information',
  'specialist_certificate',
  'additional',
] as const;
const isDocKind = (k: string): k is (typeof DOC_KINDS)[number] => (DOC_KINDS as readonly string[]).includes(k);

/** The name of a document kind in the interface language. */
export function useDocLabel(): (kind: string) => string {
  const { t } = useTranslation();
  return (kind) => (isDocKind(kind) ? t(`tscApp.doc.${kind}`) : kind);
}

/** Documents of a record; each downloads through `href` (the API answers with JSON and base64). */
export function DocumentList({ documents, onOpen }: { documents: readonly DocumentMeta[] | undefined; onOpen?: (d: DocumentMeta) => void }) {
  const { t } = useTranslation();
  const label = useDocLabel();
  if (!documents || documents.length === 0)
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  return (
    <List size="sm" spacing={2}>
      {documents.map((d) => (
        <List.Item key={d.id}>
          {label(d.kind)}:{' '}
          {onOpen ? (
            <Anchor component="button" type="button" size="sm" onClick={() => onOpen(d)}>
              {d.fileName}
            </Anchor>
          ) : (
            <b>{d.fileName}</b>
          )}{' '}
          <Text span size="xs" c="dimmed">
            ({Math.ceil(d.sizeBytes / 1024)} KB{d.sheets ? `, ${d.sheets} ${t('attachment.sheets').toLowerCase()}` : ''})
          </Text>
        </List.Item>
      ))}
    </List>
  );
}

/** Saves base64 content as a file in the browser. */
export function downloadBase64(fileName: string, mediaType: string, contentBase64: string): void {
  const bytes = Uint8Array.from(atob(contentBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mediaType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
