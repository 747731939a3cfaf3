import { Alert, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api, type ApiError } from '../../../api/client.ts';
import { UsableBadge } from '../../../components/ModelsTable.tsx';
import { formatDate } from '../../../lib/format.ts';
import { useLang } from '../../../lib/session.tsx';
import { useApi } from '../../../lib/use-api.ts';
import type { WizardState } from './state.ts';

type Props = { state: WizardState; update: (patch: Partial<WizardState>) => void; error: ApiError | undefined; modules: readonly string[] | undefined };

/** Step 2: the model from the state registry, the device's numbers, its fiscal module and place of activity. */
export function RegisterStep({ state, update, error, modules }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const models = useApi(() => api('GET /api/public/models', { query: { kind: state.registerKind, isUsable: true } }), [state.registerKind]);
  const model = models.data?.find((m) => m.id === state.modelId);
  const err = (name: string) => error?.messageFor(name);

  return (
    <Stack>
      <SegmentedControl
        value={state.registerKind}
        onChange={(v) => update({ registerKind: v === 'online' ? 'online' : 'virtual', modelId: null })}
        data={[
          { value: 'virtual', label: t('kind.virtual') },
          { value: 'online', label: t('kind.online') },
        ]}
        aria-label={t('model.kind')}
      />
      <Select
        label={t('field.model')}
        description={t('wizard.pickModel')}
        placeholder={models.isLoading ? t('state.loading') : undefined}
        searchable
        nothingFoundMessage={t('state.nothingFound')}
        data={(models.data ?? []).map((m) => ({ value: m.id, label: `${m.name} ${m.version} · ${m.manufacturer}` }))}
        value={state.modelId}
        onChange={(id) => {
          const picked = models.data?.find((m) => m.id === id);
          update({ modelId: id, softwareVersion: state.softwareVersion || picked?.version || '' });
        }}
        error={err('modelId')}
        name="modelId"
        data-testid="model-select"
        required
      />
      {model && (
        <Alert variant="light" color="teal" icon={<UsableBadge model={model} />} styles={{ icon: { width: 'auto' } }}>
          <Text size="sm">{t('wizard.certificateLinked', { number: model.certificateNumber, date: formatDate(model.certificateValidTo, lang) })}</Text>
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('field.manufacturerNumber')}
          name="manufacturerNumber"
          value={state.manufacturerNumber}
          onChange={(e) => update({ manufacturerNumber: e.currentTarget.value })}
          error={err('manufacturerNumber')}
          required
        />
        <TextInput
          label={t('field.softwareVersion')}
          name="softwareVersion"
          value={state.softwareVersion}
          onChange={(e) => update({ softwareVersion: e.currentTarget.value })}
          error={err('softwareVersion')}
          required
        />
      </SimpleGrid>
      {modules && modules.length > 0 ? (
        <Select
          label={t('field.fiscalModuleNumber')}
          description={t('wizard.moduleHint')}
          searchable
          data={[...modules]}
          value={state.fiscalModuleNumber || null}
          onChange={(v) => update({ fiscalModuleNumber: v ?? '' })}
          error={err('fiscalModuleNumber')}
          name="fiscalModuleNumber"
          data-testid="module-select"
          required
        />
      ) : (
        <TextInput
          label={t('field.fiscalModuleNumber')}
          description={t('wizard.noModules')}
          name="fiscalModuleNumber"
          value={state.fiscalModuleNumber}
          onChange={(e) => update({ fiscalModuleNumber: e.currentTarget.value })}
          error={err('fiscalModuleNumber')}
          required
        />
      )}
      <Textarea
        label={t('field.placeOfActivity')}
        name="placeOfActivity"
        autosize
        minRows={2}
        value={state.placeOfActivity}
        onChange={(e) => update({ placeOfActivity: e.currentTarget.value })}
        error={err('placeOfActivity')}
        required
      />
    </Stack>
  );
}
