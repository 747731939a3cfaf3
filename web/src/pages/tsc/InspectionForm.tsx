import { Button, Group, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { RegisterSummary } from '../../api/types.gen.ts';
import { ProblemAlert } from '../../components/feedback.tsx';
import { todayInDushanbe } from '../../lib/format.ts';
import { useAction } from '../../lib/use-api.ts';

/** The yearly technical and software inspection of a client's register (p.89, recorded within 3 days). */
export function InspectionForm({ register, onDone }: { register: RegisterSummary; onDone: () => void }) {
  const { t } = useTranslation();
  const [inspectedOn, setInspectedOn] = useState(todayInDushanbe());
  const [result, setResult] = useState<'passed' | 'failed'>('passed');
  const [notes, setNotes] = useState('');
  const record = useAction(() =>
    api('POST /api/fiscal/registers/{id}/inspections', { params: { id: register.id }, body: { inspectedOn, result, notes: notes.trim() } }),
  );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await record.run()) onDone();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm" c="dimmed">
          {register.registryNumber} · {register.businessName} · {t('inspection.hint')}
        </Text>
        <TextInput
          label={t('field.date')}
          type="date"
          value={inspectedOn}
          onChange={(e) => setInspectedOn(e.currentTarget.value)}
          error={record.error?.messageFor('inspectedOn')}
          required
        />
        <SegmentedControl
          value={result}
          onChange={(v) => setResult(v === 'failed' ? 'failed' : 'passed')}
          data={[
            { value: 'passed', label: t('inspection.passed') },
            { value: 'failed', label: t('inspection.failed') },
          ]}
        />
        <Textarea
          label={t('field.note')}
          value={notes}
          onChange={(e) => setNotes(e.currentTarget.value)}
          error={record.error?.messageFor('notes')}
          autosize
          minRows={2}
          required
        />
        <ProblemAlert error={record.error} shownFields={['inspectedOn', 'notes']} />
        <Group justify="flex-end">
          <Button type="submit" loading={record.isRunning} disabled={!notes.trim()}>
            {t('inspection.record')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
