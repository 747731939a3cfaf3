import { Button, Checkbox, Group, NativeSelect, PasswordInput, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { Business, Operations } from '../../api/types.gen.ts';
import { ProblemAlert } from '../../components/feedback.tsx';
import { localised } from '../../lib/format.ts';
import { useLang } from '../../lib/session.tsx';
import { useAction, useApi } from '../../lib/use-api.ts';

type NewBusiness = Operations['POST /api/fiscal/businesses']['body'];
type Exemption = NonNullable<Operations['PUT /api/fiscal/businesses/{tin}/exemption']['body']['exemption']>;
const REGIMES: readonly NewBusiness['taxRegime'][] = ['general', 'simplified', 'patent', 'certificate', 'agricultural_single_tax'];
export const EXEMPTIONS: readonly Exemption[] = [
  'strict_accountability_documents',
  'household_produce',
  'agricultural_single_tax',
  'patent',
  'certificate_non_stationary',
];

/** A taxpayer and its personal-cabinet PIN (p.18). */
export function AddBusinessForm({ onDone }: { onDone: (b: Business) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const inspectorates = useApi(() => api('GET /api/fiscal/inspectorates'), []);
  const [form, setForm] = useState<NewBusiness>({
    tin: '',
    name: '',
    kind: 'legal_entity',
    legalAddress: '',
    phone: '',
    inspectorateCode: '',
    taxRegime: 'general',
    isVatPayer: false,
    pin: '',
  });
  const save = useAction((body: NewBusiness) => api('POST /api/fiscal/businesses', { body }));
  const set = (patch: Partial<NewBusiness>) => setForm({ ...form, ...patch });
  const err = (name: string) => save.error?.messageFor(name);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const code = form.inspectorateCode || inspectorates.data?.[0]?.code || '';
    const b = await save.run({ ...form, inspectorateCode: code, phone: form.phone?.trim() || undefined, pin: form.pin || undefined });
    if (b) onDone(b);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('field.tin')}
            inputMode="numeric"
            maxLength={9}
            value={form.tin}
            onChange={(e) => set({ tin: e.currentTarget.value.replace(/\D/g, '') })}
            error={err('tin')}
            required
          />
          <NativeSelect
            label={t('field.kind')}
            value={form.kind}
            onChange={(e) => set({ kind: e.currentTarget.value === 'individual_entrepreneur' ? 'individual_entrepreneur' : 'legal_entity' })}
            data={[
              { value: 'legal_entity', label: t('wizard.kindOfBusiness.legal_entity') },
              { value: 'individual_entrepreneur', label: t('wizard.kindOfBusiness.individual_entrepreneur') },
            ]}
          />
        </SimpleGrid>
        <TextInput label={t('field.businessName')} value={form.name} onChange={(e) => set({ name: e.currentTarget.value })} error={err('name')} required />
        <TextInput
          label={t('field.legalAddress')}
          value={form.legalAddress}
          onChange={(e) => set({ legalAddress: e.currentTarget.value })}
          error={err('legalAddress')}
          required
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('field.phone')}
            type="tel"
            value={form.phone ?? ''}
            onChange={(e) => set({ phone: e.currentTarget.value })}
            error={err('phone')}
          />
          <NativeSelect
            label={t('field.inspectorate')}
            value={form.inspectorateCode}
            onChange={(e) => set({ inspectorateCode: e.currentTarget.value })}
            data={(inspectorates.data ?? []).map((i) => ({ value: i.code, label: `${i.code} · ${localised(i.name, lang)}` }))}
            error={err('inspectorateCode')}
          />
          <NativeSelect
            label={t('field.taxRegime')}
            value={form.taxRegime}
            onChange={(e) => set({ taxRegime: REGIMES.find((r) => r === e.currentTarget.value) ?? 'general' })}
            data={REGIMES.map((r) => ({ value: r, label: t(`taxpayer.regime.${r}`) }))}
          />
          <PasswordInput
            label={t('taxpayer.pin')}
            description={t('taxpayer.pinHint')}
            value={form.pin ?? ''}
            onChange={(e) => set({ pin: e.currentTarget.value })}
            error={err('pin')}
            autoComplete="new-password"
          />
        </SimpleGrid>
        <Checkbox label={t('taxpayer.isVatPayer')} checked={form.isVatPayer} onChange={(e) => set({ isVatPayer: e.currentTarget.checked })} />
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

/** Records or clears a p.4 exemption (FIS-GEN-13 to 17). */
export function ExemptionForm({ business, onDone }: { business: Business; onDone: (b: Business) => void }) {
  const { t } = useTranslation();
  const [exemption, setExemption] = useState<Exemption | ''>(EXEMPTIONS.find((e) => e === business.exemption) ?? '');
  const [basis, setBasis] = useState(business.exemptionBasis ?? '');
  const save = useAction(() =>
    api('PUT /api/fiscal/businesses/{tin}/exemption', { params: { tin: business.tin }, body: { exemption: exemption || null, basis: basis.trim() } }),
  );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const b = await save.run();
    if (b) onDone(b);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <NativeSelect
          label={t('taxpayer.setExemption')}
          value={exemption}
          onChange={(e) => setExemption(EXEMPTIONS.find((x) => x === e.currentTarget.value) ?? '')}
          data={[{ value: '', label: t('taxpayer.none') }, ...EXEMPTIONS.map((x) => ({ value: x, label: t(`taxpayer.exemptionKind.${x}`) }))]}
        />
        <Textarea
          label={t('taxpayer.basis')}
          value={basis}
          onChange={(e) => setBasis(e.currentTarget.value)}
          error={save.error?.messageFor('basis')}
          autosize
          minRows={2}
          required
        />
        <ProblemAlert error={save.error} shownFields={['basis', 'exemption']} />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isRunning} disabled={!basis.trim()}>
            {t('action.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
