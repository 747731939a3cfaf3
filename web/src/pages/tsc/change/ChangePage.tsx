import { Button, Card, Group, Paper, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import type { RegisterApplication, RegisterSummary } from '../../../api/types.gen.ts';
import { ApplicationOutcome } from '../../../components/ApplicationOutcome.tsx';
import { PageHeader, ProblemAlert } from '../../../components/feedback.tsx';
import { navigate, useLocation } from '../../../lib/router.tsx';
import { useAction, useApi } from '../../../lib/use-api.ts';
import { CHANGE_KINDS, type ChangeKind, type ChangeState, changeBody, emptyChange } from './change-state.ts';
import { ChangeFields } from './ChangeFields.tsx';

function RegisterPicker({ value, onChange }: { value: RegisterSummary | undefined; onChange: (r: RegisterSummary | undefined) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const found = useApi(() => api('GET /api/fiscal/registers', { query: { q: q || undefined, status: 'registered', limit: 20 } }), [q]);
  const items = [...(value ? [value] : []), ...(found.data?.items ?? []).filter((r) => r.id !== value?.id)];
  return (
    <Select
      label={t('change.pickRegister')}
      placeholder={t('change.searchRegister')}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={t('state.nothingFound')}
      data={items.map((r) => ({ value: r.id, label: `${r.registryNumber} · ${r.businessName} · ${r.placeOfActivity}` }))}
      value={value?.id ?? null}
      onChange={(id) => onChange(items.find((r) => r.id === id))}
      required
    />
  );
}

/** TSC specialist: re-registration, address change (Annex 1, p.30) and deregistration (Annex 3, p.31). */
export function ChangePage() {
  const { t } = useTranslation();
  const { search } = useLocation();
  const initialKind = CHANGE_KINDS.find((k) => k === search.get('kind')) ?? 're_registration';
  const [state, setState] = useState<ChangeState>(() => emptyChange(initialKind));
  const [result, setResult] = useState<RegisterApplication>();
  const update = (patch: Partial<ChangeState>) => setState((s) => ({ ...s, ...patch }));
  const submit = useAction(async () => api('POST /api/fiscal/applications', { body: await changeBody(state) }));

  // ?register=… preselects the register; ?previous=… resubmits a refused application (p.28).
  const registerParam = search.get('register');
  const previousParam = search.get('previous');
  useEffect(() => {
    if (!registerParam) return;
    api('GET /api/fiscal/registers', { query: { q: undefined, limit: 200 } })
      .then((list) => {
        const register = list.items.find((r) => r.id === registerParam);
        if (register) setState((s) => ({ ...s, register, signatory: s.signatory || register.businessName, previousApplicationId: previousParam ?? undefined }));
      })
      .catch(() => undefined);
  }, [registerParam, previousParam]);

  if (result)
    return (
      <Stack maw={960}>
        <PageHeader title={t('change.title')} />
        <ApplicationOutcome
          application={result}
          cardHref={result.registerId ? `/registers/${result.registerId}` : undefined}
          actions={
            <Button
              variant="default"
              onClick={() => {
                setResult(undefined);
                setState(emptyChange(state.kind));
                navigate('/tsc/change');
              }}
            >
              {t('outcome.another')}
            </Button>
          }
        />
      </Stack>
    );

  const r = state.register;
  return (
    <Stack maw={960}>
      <PageHeader title={t('change.title')} subtitle={t('change.subtitle')} />
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'lg' }}>
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            const a = await submit.run();
            if (a) setResult(a);
          }}
          noValidate
        >
          <Stack>
            <SegmentedControl
              value={state.kind}
              onChange={(v) => update({ kind: CHANGE_KINDS.find((k) => k === v) ?? 're_registration' })}
              data={CHANGE_KINDS.map((k: ChangeKind) => ({ value: k, label: t(`appKind.${k}`) }))}
              fullWidth
            />
            <RegisterPicker value={r} onChange={(register) => update({ register, signatory: state.signatory || register?.businessName || '' })} />
            {r && (
              <Card withBorder radius="md" bg="var(--mantine-color-gray-light)">
                <Text size="sm">
                  {r.modelName} {r.modelVersion} · {t('field.manufacturerNumber')} {r.manufacturerNumber} · {t('field.fiscalModuleNumber')}{' '}
                  {r.fiscalModuleNumber}
                </Text>
                <Text size="sm" c="dimmed">
                  {r.businessName} ({t('field.tin')} {r.businessTin}) · {r.placeOfActivity}
                </Text>
              </Card>
            )}
            <ChangeFields state={state} update={update} error={submit.error} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('field.signatory')}
                value={state.signatory}
                onChange={(e) => update({ signatory: e.currentTarget.value })}
                error={submit.error?.messageFor('signatory')}
                required
              />
              <TextInput
                label={t('field.phone')}
                type="tel"
                value={state.phone}
                onChange={(e) => update({ phone: e.currentTarget.value })}
                error={submit.error?.messageFor('phone')}
                required
              />
              <TextInput
                label={t('field.signedOn')}
                type="date"
                value={state.signedOn}
                onChange={(e) => update({ signedOn: e.currentTarget.value })}
                error={submit.error?.messageFor('signedOn')}
                required
              />
              <TextInput
                label={t('field.receivedAt')}
                description={t('time.zone')}
                type="datetime-local"
                value={state.receivedAt}
                onChange={(e) => update({ receivedAt: e.currentTarget.value })}
                error={submit.error?.messageFor('receivedAt')}
              />
            </SimpleGrid>
            <ProblemAlert
              error={submit.error}
              shownFields={['signatory', 'phone', 'signedOn', 'receivedAt', 'reason', 'placeOfActivity', 'movedOn', 'technicalCheck', 'attachments']}
            />
            <Group justify="flex-end">
              <Button type="submit" loading={submit.isRunning} disabled={!r || !state.signatory.trim() || !state.phone.trim()}>
                {t('wizard.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
