import { Button, Group, Modal, NativeSelect, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { Model, Operations } from '../../api/types.gen.ts';
import { ModelsTable } from '../../components/ModelsTable.tsx';
import { PageHeader, ProblemAlert } from '../../components/feedback.tsx';
import { todayInDushanbe } from '../../lib/format.ts';
import { useAction } from '../../lib/use-api.ts';

type NewModel = Operations['POST /api/fiscal/models']['body'];

const blank = (): NewModel => ({
  kind: 'virtual',
  name: '',
  manufacturer: '',
  version: '',
  certificateNumber: '',
  certificateIssuer: '',
  certificateValidFrom: todayInDushanbe(),
  certificateValidTo: '',
  includedOn: todayInDushanbe(),
});

function AddModelForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState<NewModel>(blank);
  const save = useAction((body: NewModel) => api('POST /api/fiscal/models', { body }));
  const set =
    <K extends keyof NewModel>(k: K) =>
    (value: NewModel[K]) =>
      setForm({ ...form, [k]: value });
  const err = (name: keyof NewModel) => save.error?.messageFor(name);
  const text = (name: Exclude<keyof NewModel, 'kind'>, type = 'text') => (
    <TextInput label={t(`model.field.${name}`)} type={type} value={form[name]} onChange={(e) => set(name)(e.currentTarget.value)} error={err(name)} required />
  );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await save.run(form)) onDone();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <NativeSelect
          label={t('model.kind')}
          value={form.kind}
          onChange={(e) => set('kind')(e.currentTarget.value === 'online' ? 'online' : 'virtual')}
          data={[
            { value: 'online', label: t('kind.online') },
            { value: 'virtual', label: t('kind.virtual') },
          ]}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {text('name')}
          {text('manufacturer')}
          {text('version')}
          {text('certificateNumber')}
          {text('certificateIssuer')}
          {text('includedOn', 'date')}
          {text('certificateValidFrom', 'date')}
          {text('certificateValidTo', 'date')}
        </SimpleGrid>
        <ProblemAlert error={save.error} shownFields={Object.keys(form)} />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isRunning}>
            {t('action.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ExcludeForm({ model, onDone }: { model: Model; onDone: () => void }) {
  const { t } = useTranslation();
  const [on, setOn] = useState(todayInDushanbe());
  const [reason, setReason] = useState('');
  const exclude = useAction(() => api('POST /api/fiscal/models/{id}/exclude', { params: { id: model.id }, body: { on, reason } }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await exclude.run()) onDone();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput
          label={t('model.excludeOn')}
          type="date"
          value={on}
          onChange={(e) => setOn(e.currentTarget.value)}
          error={exclude.error?.messageFor('on')}
          required
        />
        <Textarea
          label={t('model.excludeReason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={exclude.error?.messageFor('reason')}
          required
          autosize
          minRows={2}
        />
        <ProblemAlert error={exclude.error} shownFields={['on', 'reason']} />
        <Group justify="flex-end">
          <Button type="submit" color="red" loading={exclude.isRunning} disabled={!reason.trim()}>
            {t('model.exclude')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Operator administrator: the state registry of models and programs, with add and exclude (p.2, p.3). */
export function AdminModelsPage() {
  const { t } = useTranslation();
  const [isAdding, setAdding] = useState(false);
  const [excluding, setExcluding] = useState<Model>();
  const [reloadKey, setReloadKey] = useState(0);
  const done = () => {
    setAdding(false);
    setExcluding(undefined);
    setReloadKey((k) => k + 1);
  };
  return (
    <Stack>
      <PageHeader
        title={t('nav.adminModels')}
        subtitle={t('model.registrySubtitle')}
        actions={<Button onClick={() => setAdding(true)}>{t('model.add')}</Button>}
      />
      <ModelsTable
        reloadKey={reloadKey}
        action={(m) =>
          m.status === 'included' ? (
            <Button size="xs" variant="light" color="red" onClick={() => setExcluding(m)}>
              {t('model.exclude')}
            </Button>
          ) : null
        }
      />
      <Modal opened={isAdding} onClose={() => setAdding(false)} title={t('model.add')} size="lg">
        <AddModelForm onDone={done} />
      </Modal>
      <Modal opened={excluding !== undefined} onClose={() => setExcluding(undefined)} title={excluding ? `${t('model.exclude')}: ${excluding.name}` : ''}>
        {excluding && <ExcludeForm model={excluding} onDone={done} />}
      </Modal>
    </Stack>
  );
}
