import { Checkbox, FileInput, Fieldset, NativeSelect, NumberInput, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api, type ApiError } from '../../../api/client.ts';
import { MAX_ATTACHMENT_BYTES } from '../../../lib/files.ts';
import { useApi } from '../../../lib/use-api.ts';
import { CHANGE_ATTACHMENTS, type ChangeState, RE_REASONS } from './change-state.ts';

type Props = { state: ChangeState; update: (patch: Partial<ChangeState>) => void; error: ApiError | undefined };

function ReRegistrationFields({ state, update, error }: Props) {
  const { t } = useTranslation();
  const err = (name: string) => error?.messageFor(name);
  const isReplaced = state.reRegistrationReason === 'register_replaced';
  const models = useApi(() => (isReplaced ? api('GET /api/public/models', { query: { isUsable: true } }) : Promise.resolve([])), [isReplaced]);
  return (
    <Stack>
      <NativeSelect
        label={t('field.reason')}
        value={state.reRegistrationReason}
        onChange={(e) => update({ reRegistrationReason: RE_REASONS.find((r) => r === e.currentTarget.value) ?? 'other' })}
        data={RE_REASONS.map((r) => ({ value: r, label: t(`reReason.${r}`) }))}
        error={err('reRegistrationReason')}
      />
      {state.reRegistrationReason === 'other' && (
        <Textarea
          label={t('field.reason')}
          value={state.reason}
          onChange={(e) => update({ reason: e.currentTarget.value })}
          error={err('reason')}
          autosize
          required
        />
      )}
      {isReplaced && (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('field.model')}
            searchable
            data={(models.data ?? []).map((m) => ({ value: m.id, label: `${m.name} ${m.version}` }))}
            value={state.modelId}
            onChange={(modelId) => update({ modelId })}
            error={err('modelId')}
            required
          />
          <TextInput
            label={t('field.manufacturerNumber')}
            value={state.manufacturerNumber}
            onChange={(e) => update({ manufacturerNumber: e.currentTarget.value })}
            error={err('manufacturerNumber')}
            required
          />
        </SimpleGrid>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('change.newModule')}
          value={state.fiscalModuleNumber}
          onChange={(e) => update({ fiscalModuleNumber: e.currentTarget.value })}
          error={err('fiscalModuleNumber')}
        />
        <TextInput
          label={t('field.softwareVersion')}
          value={state.softwareVersion}
          onChange={(e) => update({ softwareVersion: e.currentTarget.value })}
          error={err('softwareVersion')}
        />
      </SimpleGrid>
      <Fieldset legend={t('wizard.technicalCheck')}>
        <Stack gap="xs">
          <Checkbox
            label={t('wizard.isInWorkingOrder')}
            checked={state.isInWorkingOrder}
            onChange={(e) => update({ isInWorkingOrder: e.currentTarget.checked })}
          />
          <Checkbox
            label={t('wizard.isCorrectProgramInstalled')}
            checked={state.isCorrectProgramInstalled}
            onChange={(e) => update({ isCorrectProgramInstalled: e.currentTarget.checked })}
          />
          {err('technicalCheck') && (
            <Text c="red" size="sm">
              {err('technicalCheck')}
            </Text>
          )}
        </Stack>
      </Fieldset>
    </Stack>
  );
}

/** The fields that differ by kind: re-registration (p.30, FIS-REG-21), address change (p.30), deregistration (Annex 3). */
export function ChangeFields(props: Props) {
  const { t } = useTranslation();
  const { state, update, error } = props;
  const err = (name: string) => error?.messageFor(name);
  return (
    <Stack>
      {state.kind === 're_registration' && <ReRegistrationFields {...props} />}
      {state.kind === 'address_change' && (
        <>
          <Text size="sm" c="dimmed">
            {t('change.addressDeadline')}
          </Text>
          <Textarea
            label={t('change.newPlace')}
            value={state.placeOfActivity}
            onChange={(e) => update({ placeOfActivity: e.currentTarget.value })}
            error={err('placeOfActivity')}
            autosize
            minRows={2}
            required
          />
          <TextInput
            label={t('field.movedOn')}
            type="date"
            value={state.movedOn}
            onChange={(e) => update({ movedOn: e.currentTarget.value })}
            error={err('movedOn')}
            w={220}
            required
          />
        </>
      )}
      {state.kind === 'deregistration' && (
        <>
          <Text size="sm" c="dimmed">
            {t('change.deregDeadline')}
          </Text>
          <Textarea
            label={t('field.reason')}
            value={state.reason}
            onChange={(e) => update({ reason: e.currentTarget.value })}
            error={err('reason')}
            autosize
            minRows={2}
            required
          />
          <Checkbox
            label={t('change.handedOver')}
            checked={state.isFiscalModuleHandedOver}
            onChange={(e) => update({ isFiscalModuleHandedOver: e.currentTarget.checked })}
            error={err('isFiscalModuleHandedOver')}
          />
        </>
      )}
      <Fieldset legend={t('wizard.step.documents')}>
        <Stack gap="sm">
          {CHANGE_ATTACHMENTS[state.kind].map(({ kind, isRequired, hasSheets }) => (
            <SimpleGrid key={kind} cols={hasSheets ? { base: 1, sm: 2 } : 1}>
              <FileInput
                label={t(`attachment.${kind}`)}
                placeholder={t('wizard.attachFile')}
                clearable
                required={isRequired}
                value={state.files[kind] ?? null}
                onChange={(file) => update({ files: { ...state.files, [kind]: file && file.size <= MAX_ATTACHMENT_BYTES ? file : null } })}
                error={err(`attachments.${kind}`)}
              />
              {hasSheets && (
                <NumberInput
                  label={t('attachment.sheets')}
                  min={1}
                  max={999}
                  value={state.sheets}
                  onChange={(v) => update({ sheets: typeof v === 'number' ? v : 1 })}
                  w={140}
                />
              )}
            </SimpleGrid>
          ))}
          {err('attachments') && (
            <Text c="red" size="sm">
              {err('attachments')}
            </Text>
          )}
        </Stack>
      </Fieldset>
    </Stack>
  );
}
