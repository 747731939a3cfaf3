import { FileInput, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { hasWebCrypto } from '../services/identity/keys.ts';
import { certificateText, importSigningKey, KeyFileError, readText, signText } from './signing.ts';

export type KeyFiles = { readonly key: File | null; readonly certificate: File | null };
export const NO_FILES: KeyFiles = { key: null, certificate: null };
export const hasKeyFiles = (files: KeyFiles) => files.key !== null && files.certificate !== null;

/** The signer's two files: the private key (PKCS#8 PEM) and the certificate (PEM). */
export function KeyFileInputs({ files, onChange }: { files: KeyFiles; onChange: (files: KeyFiles) => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" id="decl-sign">
      <Text size="sm">{t('cus.sign.intro')}</Text>
      {!hasWebCrypto() && (
        <Text size="sm" c="red">
          {t('cus.sign.fault.noCrypto')}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <FileInput
          label={t('cus.sign.key')}
          name="signing-key"
          value={files.key}
          onChange={(key) => onChange({ ...files, key })}
          clearable
          accept=".pem,.key,.p8"
        />
        <FileInput
          label={t('cus.sign.certificate')}
          name="signing-certificate"
          value={files.certificate}
          onChange={(certificate) => onChange({ ...files, certificate })}
          clearable
          accept=".pem,.crt,.cer"
        />
      </SimpleGrid>
    </Stack>
  );
}

/**
 * Signs `payload` with the chosen key: the signature and the certificate the API wants along. A
 * file that is not a usable key or certificate becomes a refusal with a localised title.
 */
export function useSign() {
  const { t } = useTranslation();
  return async (files: KeyFiles, payload: string): Promise<{ signature: string; certificatePem: string }> => {
    if (!files.key || !files.certificate) throw new ApiError(0, { code: 'SIGNING_FILES_MISSING', title: t('cus.sign.key') });
    try {
      const key = await importSigningKey(await readText(files.key));
      const certificatePem = certificateText(await readText(files.certificate));
      return { signature: await signText(key, payload), certificatePem };
    } catch (e) {
      if (e instanceof KeyFileError) throw new ApiError(0, { code: 'SIGNING_KEY_UNUSABLE', title: t(`cus.sign.fault.${e.fault}`) });
      throw e;
    }
  };
}
