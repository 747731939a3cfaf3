import { Alert, List, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format.ts';
import { useLang } from '../../../lib/session.tsx';
import { REQUIRED_ATTACHMENTS, type WizardState } from './state.ts';

const Item = ({ label, value }: { label: string; value: string }) => (
  <Stack gap={0}>
    <Text size="xs" c="dimmed">
      {label}
    </Text>
    <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
      {value || '—'}
    </Text>
  </Stack>
);

/** Step 5: everything the application will say, before it is sent. */
export function ReviewStep({ state, modelLabel }: { state: WizardState; modelLabel: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
        <Item label={t('field.tin')} value={state.tin} />
        <Item label={t('field.businessName')} value={state.business?.name ?? ''} />
        <Item label={t('field.inspectorate')} value={state.business?.inspectorateCode ?? ''} />
        <Item label={t('field.model')} value={`${t(`kind.${state.registerKind}`)} · ${modelLabel}`} />
        <Item label={t('field.manufacturerNumber')} value={state.manufacturerNumber} />
        <Item label={t('field.softwareVersion')} value={state.softwareVersion} />
        <Item label={t('field.fiscalModuleNumber')} value={state.fiscalModuleNumber} />
        <Item label={t('field.placeOfActivity')} value={state.placeOfActivity} />
        <Item label={t('field.signatory')} value={state.signatory} />
        <Item label={t('field.signedOn')} value={formatDate(state.signedOn, lang)} />
        <Item label={t('field.phone')} value={state.phone} />
        <Item label={t('field.submittedAs')} value={t(`field.${state.submittedAs}`)} />
      </SimpleGrid>
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          {t('wizard.step.documents')}
        </Text>
        <List size="sm">
          {REQUIRED_ATTACHMENTS.map((k) => (
            <List.Item key={k}>
              {t(`attachment.${k}`)}: <b>{state.files[k]?.name ?? '—'}</b>
            </List.Item>
          ))}
          {state.additional.map((f) => (
            <List.Item key={f.name}>
              {t('attachment.additional')}: <b>{f.name}</b>
            </List.Item>
          ))}
        </List>
      </Stack>
      <Alert variant="light" color="teal">
        {t('wizard.free')}
      </Alert>
    </Stack>
  );
}
