import { FileInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../api/client.ts';
import { MAX_ATTACHMENT_BYTES } from '../../../lib/files.ts';
import { REQUIRED_ATTACHMENTS, type WizardState } from './state.ts';

type Props = { state: WizardState; update: (patch: Partial<WizardState>) => void; error: ApiError | undefined };

/** Step 3: the attachments of p.20 as files; they travel as base64 in the application. */
export function DocumentsStep({ state, update, error }: Props) {
  const { t } = useTranslation();
  const [tooLarge, setTooLarge] = useState<string[]>([]);
  const accept = 'application/pdf,image/png,image/jpeg,image/tiff';
  const check = (key: string, file: File | null) => {
    const isTooLarge = file !== null && file.size > MAX_ATTACHMENT_BYTES;
    setTooLarge((list) => (isTooLarge ? [...list.filter((k) => k !== key), key] : list.filter((k) => k !== key)));
    return isTooLarge ? null : file;
  };
  const attachmentsError = error?.messageFor('attachments');
  return (
    <Stack>
      {REQUIRED_ATTACHMENTS.map((kind, i) => (
        <FileInput
          key={kind}
          label={`${i + 1}. ${t(`attachment.${kind}`)}`}
          placeholder={t('wizard.attachFile')}
          accept={accept}
          clearable
          value={state.files[kind]}
          onChange={(file) => update({ files: { ...state.files, [kind]: check(kind, file) } })}
          error={tooLarge.includes(kind) ? t('wizard.fileTooLarge') : undefined}
          fileInputProps={{ name: kind, 'data-testid': `file-${kind}` } as React.ComponentProps<'input'>}
          required
        />
      ))}
      <FileInput
        label={t('wizard.additional')}
        placeholder={t('wizard.attachFile')}
        accept={accept}
        multiple
        clearable
        value={state.additional}
        onChange={(files) => update({ additional: files.filter((f) => f.size <= MAX_ATTACHMENT_BYTES) })}
        fileInputProps={{ name: 'additional' }}
      />
      {attachmentsError && (
        <Text c="red" size="sm" role="alert">
          {attachmentsError}
        </Text>
      )}
    </Stack>
  );
}
