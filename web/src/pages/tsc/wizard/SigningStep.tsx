import { Checkbox, Fieldset, SegmentedControl, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../api/client.ts';
import type { WizardState } from './state.ts';

type Props = { state: WizardState; update: (patch: Partial<WizardState>) => void; error: ApiError | undefined; showMissing: boolean };

/** Step 4: who signed and when, how the application came in, and the technical check of p.92. */
export function SigningStep({ state, update, error, showMissing }: Props) {
  const { t } = useTranslation();
  const err = (name: string) => error?.messageFor(name);
  const checkError = err('technicalCheck') ?? (showMissing && !(state.isInWorkingOrder && state.isCorrectProgramInstalled) ? t('state.required') : undefined);
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('field.signatory')}
          name="signatory"
          value={state.signatory}
          onChange={(e) => update({ signatory: e.currentTarget.value })}
          error={err('signatory')}
          required
        />
        <TextInput
          label={t('field.phone')}
          name="phone"
          type="tel"
          value={state.phone}
          onChange={(e) => update({ phone: e.currentTarget.value })}
          error={err('phone')}
          required
        />
        <TextInput
          label={t('field.signedOn')}
          name="signedOn"
          type="date"
          value={state.signedOn}
          onChange={(e) => update({ signedOn: e.currentTarget.value })}
          error={err('signedOn')}
          required
        />
        <TextInput
          label={t('field.receivedAt')}
          description={t('wizard.receivedAtHint')}
          name="receivedAt"
          type="datetime-local"
          value={state.receivedAt}
          onChange={(e) => update({ receivedAt: e.currentTarget.value })}
          error={err('receivedAt')}
        />
      </SimpleGrid>
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t('field.submittedAs')}
        </Text>
        <SegmentedControl
          value={state.submittedAs}
          onChange={(v) => update({ submittedAs: v === 'electronic' ? 'electronic' : 'paper' })}
          data={[
            { value: 'paper', label: t('field.paper') },
            { value: 'electronic', label: t('field.electronic') },
          ]}
          w={{ base: '100%', sm: 320 }}
        />
      </Stack>
      {state.submittedAs === 'electronic' && (
        <Textarea
          label={t('field.signature')}
          description={t('wizard.signatureHint')}
          name="signature"
          autosize
          minRows={2}
          ff="monospace"
          value={state.signature}
          onChange={(e) => update({ signature: e.currentTarget.value })}
          error={err('signature')}
          required
        />
      )}
      <Fieldset legend={t('wizard.technicalCheck')} radius="md">
        <Stack gap="xs">
          <Checkbox
            label={t('wizard.isInWorkingOrder')}
            name="isInWorkingOrder"
            checked={state.isInWorkingOrder}
            onChange={(e) => update({ isInWorkingOrder: e.currentTarget.checked })}
          />
          <Checkbox
            label={t('wizard.isCorrectProgramInstalled')}
            name="isCorrectProgramInstalled"
            checked={state.isCorrectProgramInstalled}
            onChange={(e) => update({ isCorrectProgramInstalled: e.currentTarget.checked })}
          />
          {checkError && (
            <Text c="red" size="sm" role="alert">
              {checkError}
            </Text>
          )}
        </Stack>
      </Fieldset>
    </Stack>
  );
}
